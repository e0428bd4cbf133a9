"""What the operators' commands share: --db, --at, --as, and signing in as a named operator."""

import os
from collections.abc import Mapping
from pathlib import Path

import click
from platformdirs import user_data_dir
from sqlmodel import Session, select

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


def operator_named(session: Session, username: str) -> Operator:
    found = session.exec(
        select(Operator).where(Operator.username == username.strip().lower())
    ).first()
    if found is None:
        raise click.ClickException(f"no operator {username!r}")
    return found
