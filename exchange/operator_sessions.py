"""Staying signed in for a while: after `poems signin` or the console's sign-in, the operator keeps
a random token and the exchange keeps only its hash and when it expires, so a leaked database
signs nobody in, and a leaked token stops working at its expiry or at sign-out."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select, update

from exchange.errors import Refused
from store.models import Operator, OperatorSession

# A working day: long enough for a shift at the desk, short enough that a forgotten terminal
# does not stay signed in overnight.
SESSION_LENGTH = timedelta(hours=8)


@dataclass(frozen=True)
class Started:
    """What the operator keeps: the token (shown once, never stored) and its expiry."""

    token: str
    username: str
    expires_at: datetime


def _digest(token: str) -> str:
    # The token is 256 random bits, so a plain hash is enough: nothing to guess, nothing to salt.
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(
    session: Session, operator: Operator, now: datetime, length: timedelta = SESSION_LENGTH
) -> Started:
    """A new session for an operator who has just signed in with their password."""
    token = secrets.token_urlsafe(32)
    session.add(
        OperatorSession(
            operator_id=operator.id,
            token_hash=_digest(token),
            created_at=now,
            expires_at=now + length,
        )
    )
    session.flush()
    return Started(token, operator.username, now + length)


def session_operator(session: Session, token: str, now: datetime) -> Operator:
    """The operator a token signs in, refused once it has expired or been signed out."""
    found = session.exec(
        select(OperatorSession).where(OperatorSession.token_hash == _digest(token))
    ).first()
    if found is None or found.ended_at is not None:
        raise Refused("signed_out", "You are signed out: sign in again")
    if found.expires_at <= now:
        raise Refused(
            "session_expired", "Your sign-in has expired: sign in again", at=found.expires_at
        )
    operator = session.get(Operator, found.operator_id)
    if operator is None:
        raise Refused("no_operator", "That operator no longer exists")
    return operator


def end_session(session: Session, token: str, now: datetime) -> bool:
    """Sign out: the token signs nobody in from now on. False when it was not signed in."""
    ended = session.exec(
        update(OperatorSession)
        .where(
            col(OperatorSession.token_hash) == _digest(token),
            col(OperatorSession.ended_at).is_(None),
        )
        .values(ended_at=now)
    )
    return ended.rowcount > 0
