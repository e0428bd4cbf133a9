"""`poems signin` and `poems signout`: sign in once with the password, then act without typing it
again until the sign-in expires (8 hours) or `poems signout` ends it."""

from datetime import UTC

import click

from exchange.operator_sessions import end_session, start_session
from poems.options import acting, at_option, cli, db_option, signed_in
from poems.session_file import forget, keep, kept


@click.command("signin")
@click.argument("username")
@db_option
@at_option
def signin(username: str, db_url: str | None, at: str | None) -> None:
    """Sign in as USERNAME (the password from POEMS_PASSWORD, or asked for); later commands on
    this database act as them without --as."""
    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    operator = signed_in(database, username, now, fresh=True)
    with database.write() as session:
        started = start_session(session, acting(session, operator), now)
    keep(database.url, started.token, started.username, started.expires_at)
    click.echo(
        f"signed in as {operator.username} ({operator.role}) until "
        f"{started.expires_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    )


@click.command("signout")
@db_option
@at_option
def signout(db_url: str | None, at: str | None) -> None:
    """End the sign-in kept for this database."""
    root = cli()
    database, market = root.open_db(db_url)
    found = kept(database.url)
    if found is None:
        click.echo("not signed in")
        return
    with database.write() as session:
        end_session(session, found.token, root.moment(at, market.tz))
    forget(database.url)
    click.echo(f"signed out {found.username}")


COMMANDS = (signin, signout)
