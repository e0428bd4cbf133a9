"""Signing in and out, the same for the console and the `poems` command."""

from dataclasses import dataclass
from datetime import datetime

from exchange.operator_sessions import Started, end_session, session_operator, start_session
from exchange.operators import sign_in
from services.who import Who, operator_of, who_is
from store.db import Database


@dataclass(frozen=True)
class SignedIn:
    who: Who | None
    refused: str | None  # why not, when `who` is None
    kept: Started | None  # a sign-in later commands can use without the password


def sign_in_with_password(
    db: Database, username: str, password: str, now: datetime, keep_from: datetime | None = None
) -> SignedIn:
    """Check a password; with `keep_from` (the wall clock) a kept sign-in starts then.

    Its own transaction, committed whatever the outcome: a failure counts towards the lock."""
    with db.write() as session:
        outcome = sign_in(session, username, password, now)
        if outcome.operator is None:
            return SignedIn(None, outcome.reason or "Not signed in", None)
        kept = start_session(session, outcome.operator, keep_from) if keep_from else None
        return SignedIn(who_is(session, outcome.operator), None, kept)


def signed_in_by_token(db: Database, token: str, now: datetime) -> Who:
    """The operator a kept sign-in stands for; refused once it expired or was ended."""
    with db.write() as session:
        return who_is(session, session_operator(session, token, now))


def sign_out(db: Database, token: str, now: datetime) -> bool:
    """The kept sign-in signs nobody in from now on; False when it was not signed in."""
    with db.write() as session:
        return end_session(session, token, now)


def keep_signed_in(db: Database, who: Who, now: datetime) -> Started:
    """A kept sign-in for an operator who has just given their password."""
    with db.write() as session:
        return start_session(session, operator_of(session, who), now)
