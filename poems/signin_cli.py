"""`poems signin` and `poems signout`: sign in once with the password, then act without typing it
again until the sign-in expires (8 hours) or `poems signout` ends it. Both run on the wall clock."""

from datetime import UTC, datetime

import click

from poems.options import cli, db_option, signed_in
from poems.session_file import forget, keep, kept
from services.signing import keep_signed_in, sign_out


@click.command("signin")
@click.argument("username")
@db_option
def signin(username: str, db_url: str | None) -> None:
    """Sign in as USERNAME (the password from POEMS_PASSWORD, or asked for); later commands on
    this database act as them without --as."""
    database, _ = cli().open_db(db_url)
    operator = signed_in(database, username, fresh=True)
    started = keep_signed_in(database, operator, datetime.now(UTC))
    keep(database.url, started.token, started.username, started.expires_at)
    click.echo(
        f"signed in as {operator.username} ({operator.role}) until "
        f"{started.expires_at:%Y-%m-%d %H:%M} UTC"
    )


@click.command("signout")
@db_option
def signout(db_url: str | None) -> None:
    """End the sign-in kept for this database."""
    database, _ = cli().open_db(db_url)
    found = kept(database.url)
    if found is None:
        click.echo("not signed in")
        return
    sign_out(database, found.token, datetime.now(UTC))
    forget(database.url)
    click.echo(f"signed out {found.username}")


COMMANDS = (signin, signout)
