"""What the operators' commands share: --db, --at, --as, and signing in: with a password, or with
the sign-in `poems signin` kept."""

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import click
from platformdirs import user_data_dir
from sqlmodel import Session, select

from exchange.credentials import FileRegistryVerifier, Verifier
from exchange.errors import Refused
from poems.session_file import Kept, kept
from services.signing import sign_in_with_password, signed_in_by_token
from services.who import Who
from store.db import Database
from store.models import Operator

db_option = click.option(
    "--db",
    "db_url",
    default=None,
    help="Database URL (default: POEMS_DATABASE_URL or a local SQLite file).",
)
at_option = click.option(
    "--at",
    "at",
    default=None,
    help="The moment to act at, ISO 8601; local market time when no offset.",
)


def publish_dir(env: Mapping[str, str] = os.environ) -> Path:
    """Where the day's published data goes: POEMS_PUBLISH_DIR, else `public` in the data folder."""
    return Path(env.get("POEMS_PUBLISH_DIR") or Path(user_data_dir("poems")) / "public")


def credential_verifier(env: Mapping[str, str] = os.environ) -> Verifier | None:
    """The registry consented credential checks are looked up in: POEMS_CREDENTIAL_REGISTRY,
    a CSV file (credential,phone,name,status,expires); None when it is not set."""
    path = env.get("POEMS_CREDENTIAL_REGISTRY", "").strip()
    if not path:
        return None
    if not Path(path).is_file():
        raise click.ClickException(f"POEMS_CREDENTIAL_REGISTRY: no file {path}")
    return FileRegistryVerifier(Path(path))


def as_option(required: bool = False):
    return click.option(
        "--as",
        "username",
        required=required,
        help="Act as this operator, with their password (POEMS_PASSWORD, or asked for); "
        "without it, as the operator `poems signin` signed in.",
    )


def cli():
    """The composition root; cli.py adds these commands, so it is imported when one runs."""
    from poems import cli as root

    return root


NO_OPERATORS = (
    "There are no operators yet: add the first with "
    "`poems operator add USERNAME --name 'Your Name' --role admin`"
)


def signed_in(database: Database, username: str | None, fresh: bool = False) -> Who:
    """The operator a command acts as: `--as USERNAME` with their password (POEMS_PASSWORD, or
    asked for), else the sign-in `poems signin` kept for this database; `fresh` always asks for
    the password. A clear error, never a traceback, for a wrong password, an expired sign-in or
    nobody signed in.

    Sign-ins run on the wall clock, never on --at: a script's clock must not revive an expired
    sign-in or step around the lock on guessing."""
    now = datetime.now(UTC)
    username = username.strip().lower() if username else None
    with database.read() as session:
        if session.exec(select(Operator.id)).first() is None:
            raise click.ClickException(NO_OPERATORS)
    found = None if fresh else kept(database.url)
    expired = None
    if found is not None and username in (None, found.username):
        try:
            return signed_in_by_token(database, found.token, now)
        except Refused as refusal:
            expired = refusal
    if username is None:
        raise click.ClickException(_why_not(found, expired))
    password = os.environ.get("POEMS_PASSWORD")
    if password is None:
        if expired is not None:
            click.echo(_why_not(found, expired), err=True)
        try:
            password = click.prompt(f"Password for {username}", hide_input=True, err=True)
        except click.Abort:
            raise click.ClickException(
                f"No password for {username}: type it when asked, set POEMS_PASSWORD, "
                f"or sign in first with `poems signin {username}`"
            ) from None
    outcome = sign_in_with_password(database, username, password, now)
    if outcome.who is None:
        raise click.ClickException(outcome.refused)
    return outcome.who


def _why_not(found: Kept | None, refusal: Refused | None) -> str:
    if found is None:
        return (
            "Sign in first: `poems signin USERNAME`, or give --as USERNAME "
            "(the password from POEMS_PASSWORD, or asked for)"
        )
    if refusal is not None and refusal.code == "session_expired":
        return (
            f"Your sign-in as {found.username} expired at "
            f"{refusal.details['at']:%Y-%m-%d %H:%M} UTC: sign in again with "
            f"`poems signin {found.username}`"
        )
    return f"You are signed out: sign in again with `poems signin {found.username}`"


def acting(session: Session, who: Who) -> Operator:
    """The signed-in operator, loaded in this transaction."""
    return session.get(Operator, who.id)
