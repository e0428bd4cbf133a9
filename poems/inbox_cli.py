"""`poems inbox list|show|reply|close`: the texts waiting for a person, from the command line.

The same conversations the console's Inbox shows, with the same rules: a franchisee sees only
their own markets', an auditor reads but does not answer, and reading a worker's texts is
logged for their WHO SAW.
"""

import json
from dataclasses import asdict
from datetime import datetime

import click

from exchange.errors import Refused
from exchange.localtime import local
from poems.options import as_option, at_option, cli, db_option, signed_in
from services.inbox import answer, close_conversation, thread, threads


@click.group("inbox")
def inbox_group() -> None:
    """Texts the exchange could not act on with confidence, and texts about safety or conduct."""


def _moment(at: str | None, db_url: str | None):
    root = cli()
    database, market = root.open_db(db_url)
    return database, market, root.moment(at, market.tz)


def _when(instant: datetime, tz: str) -> str:
    return f"{local(instant, tz):%a %d %b %H:%M}"


@inbox_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per conversation.")
@click.option("--all", "include_closed", is_flag=True, help="Closed conversations too.")
@as_option()
@db_option
@at_option
def inbox_list(as_json: bool, include_closed: bool, username, db_url, at) -> None:
    """The conversations waiting: urgent first, then overdue, then oldest."""
    database, market, now = _moment(at, db_url)
    who = signed_in(database, username)
    rows = threads(database, who, now, include_closed=include_closed)
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row), default=str, ensure_ascii=False))
        return
    if not rows:
        click.echo("The Inbox is empty.")
        return
    for row in rows:
        flags = " ".join(
            f for f in ("URGENT" if row.urgent else "", "OVERDUE" if row.overdue else "") if f
        )
        click.echo(
            f"{row.id:>4} {row.status:<8} {flags:<15} {row.who} ({row.phone}) {_when(row.last_text_at, market.tz)}: "
            f"{row.last_text[:60]}  [{row.reading}]"
        )


@inbox_group.command("show")
@click.argument("thread_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@as_option()
@db_option
@at_option
def inbox_show(thread_id: int, as_json: bool, username, db_url, at) -> None:
    """One conversation: its texts with what the exchange read in each, and the worker's bookings
    and disputes beside it."""
    database, market, now = _moment(at, db_url)
    who = signed_in(database, username)
    try:
        view = thread(database, who, thread_id, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    if as_json:
        click.echo(json.dumps(asdict(view), default=str, ensure_ascii=False))
        return
    row = view.row
    click.echo(f"Conversation {row.id} with {row.who} ({row.phone}), {row.reason}, {row.status}")
    for text in view.texts:
        arrow = ">" if text.direction == "in" else "<"
        mark = "*" if text.in_thread else " "
        reading = f"  [{text.reading}]" if text.reading else ""
        click.echo(f" {mark}{arrow} {_when(text.at, market.tz)} {text.body}{reading}")
    booked = [booking.line for booking in view.bookings]
    for label, lines in (("Bookings", booked), ("Disputes", view.disputes)):
        if lines:
            click.echo(f"{label}: " + "; ".join(lines))


@inbox_group.command("reply")
@click.argument("thread_id", type=int)
@click.argument("text")
@as_option()
@db_option
@at_option
def inbox_reply(thread_id: int, text: str, username, db_url, at) -> None:
    """Answer a conversation: the text goes to the sender as written; prints it as TO<TAB>BODY."""
    from sms import outbox
    from sms.gateways import SimulatorGateway

    database, market, now = _moment(at, db_url)
    who = signed_in(database, username)
    try:
        answer(database, who, thread_id, text, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    cli().print_sent(outbox.drain(database, SimulatorGateway(), now))


@inbox_group.command("close")
@click.argument("thread_id", type=int)
@as_option()
@db_option
@at_option
def inbox_close(thread_id: int, username, db_url, at) -> None:
    """Nothing more to say: the conversation leaves the Inbox."""
    database, market, now = _moment(at, db_url)
    who = signed_in(database, username)
    try:
        close_conversation(database, who, thread_id, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(f"conversation {thread_id} closed")
