"""What the operators' commands share: --db, --at, --as, and signing in as a named operator."""

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import click
from platformdirs import user_data_dir
from sqlmodel import Session, select

from exchange.credentials import FileRegistryVerifier, Verifier
from exchange.operators import sign_in
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


def as_option(required: bool = True):
    return click.option(
        "--as",
        "username",
        required=required,
        help="The operator acting: their username; a franchisee acts only on their own markets.",
    )


def cli():
    """The composition root; cli.py adds these commands, so it is imported when one runs."""
    from poems import cli as root

    return root


def signed_in(session: Session, username: str | None, now: datetime) -> Operator:
    """The operator a command acts as, signed in with their password (POEMS_PASSWORD, or asked
    for). Until the first account exists the machine's owner is the only operator: a command
    then acts as the exchange's administrator, as `poems operator add` does."""
    if session.exec(select(Operator.id)).first() is None:
        return Operator(username="administrator", name="Administrator", role="admin")
    if not username:
        raise click.ClickException("say who is acting: --as USERNAME (and the password)")
    password = os.environ.get("POEMS_PASSWORD")
    if password is None:
        password = click.prompt(f"Password for {username}", hide_input=True, err=True)
    outcome = sign_in(session, username.strip().lower(), password, now)
    if outcome.operator is None:
        raise click.ClickException(outcome.reason or "That username and password do not match")
    return outcome.operator


def operator_named(session: Session, username: str) -> Operator:
    found = session.exec(
        select(Operator).where(Operator.username == username.strip().lower())
    ).first()
    if found is None:
        raise click.ClickException(f"no operator {username!r}")
    return found
