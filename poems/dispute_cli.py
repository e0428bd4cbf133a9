"""`poems dispute list|show|decide|ask|open`: the franchisee's dispute queue for scripts and
audits, with the same checks and effects as the console."""

import json
from dataclasses import asdict
from datetime import datetime

import click

from exchange import disputes
from exchange.errors import Refused
from exchange.localtime import local
from exchange.money import format_money, parse_money
from poems.options import as_option, at_option, cli, db_option, signed_in
from services.disputes import (
    ask_party,
    decide_dispute,
    dispute_id,
    listing,
    open_dispute,
    record,
)


@click.group()
def dispute() -> None:
    """Disputes: the queue, one dispute's evidence, questions and decisions."""


@dispute.command("list")
@click.option("--json", "as_json", is_flag=True)
@as_option()
@click.option("--state", type=click.Choice(disputes.STATES), default=None)
@at_option
@db_option
def dispute_list(as_json: bool, username: str | None, state: str | None, at, db_url) -> None:
    """The queue, oldest deadline first, with counts by state; a franchisee's own markets only."""
    root = cli()
    database, market = root.open_db(db_url)
    found = listing(database, signed_in(database, username), state)
    if as_json:
        data = {"counts": found.counts, "disputes": [asdict(item) for item in found.disputes]}
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    click.echo("  ".join(f"{name} {count}" for name, count in found.counts.items()))
    for item in found.disputes:
        click.echo(
            f"{item.ref}\t{item.status}\tdue {_local(item.due_at, found.zones[item.market])}"
            f"\t{item.market}\t{item.category}\t{item.opened_by}\t{item.summary}"
        )


@dispute.command("show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True)
@as_option()
@at_option
@db_option
def dispute_show(ref: str, as_json: bool, username: str | None, at, db_url) -> None:
    """One dispute: what it is about, its decisions and the booking's whole timeline. The
    worker's WHO SAW shows who read it."""
    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    who = signed_in(database, username)
    try:
        found = record(database, who, dispute_id(database, ref), now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    if as_json:
        click.echo(json.dumps(found.as_dict(), ensure_ascii=False))
        return
    _print_dispute(found.as_dict(), found.tz)


@dispute.command("decide")
@click.argument("ref")
@click.option("--outcome", type=click.Choice(disputes.OUTCOMES), required=True)
@click.option("--amount", default=None, help="The money the decision moves, e.g. 12.50.")
@click.option("--at-fault", type=click.Choice(("worker", "buyer", "none")), default=None)
@click.option("--reason", required=True, help="Why, in words both parties will read.")
@as_option()
@at_option
@db_option
def dispute_decide(ref, outcome, amount, at_fault, reason, username, at, db_url) -> None:
    """Decide a dispute (or its appeal); prints the texts sent to both parties (TO<TAB>BODY)."""
    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    who = signed_in(database, username)
    try:
        amount_minor = parse_money(amount) if amount is not None else None
        decide_dispute(
            database,
            who,
            dispute_id(database, ref),
            outcome,
            reason,
            now,
            amount_minor=amount_minor,
            at_fault=at_fault,
        )
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    _send(database, now)


@dispute.command("ask")
@click.argument("ref")
@click.argument("question")
@click.option("--party", type=click.Choice(disputes.PARTIES), required=True)
@as_option()
@at_option
@db_option
def dispute_ask(ref, question, party, username, at, db_url) -> None:
    """Text one party a question; their reply attaches to the dispute. Prints the text sent."""
    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    who = signed_in(database, username)
    try:
        ask_party(database, who, dispute_id(database, ref), party, question, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    _send(database, now)


@dispute.command("open")
@click.argument("booking", type=int)
@click.option("--party", type=click.Choice(disputes.PARTIES), required=True, help="Who complains.")
@click.option("--category", type=click.Choice(disputes.CATEGORIES), required=True)
@click.option("--summary", required=True, help="What went wrong, in their words.")
@click.option("--claim", default=None, help="The money they say they are owed, e.g. 26.00.")
@as_option()
@at_option
@db_option
def dispute_open(booking, party, category, summary, claim, username, at, db_url) -> None:
    """Open a dispute about a booking for the worker or the buyer; prints its reference, then
    the texts sent (TO<TAB>BODY)."""
    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    who = signed_in(database, username)
    try:
        claim_minor = parse_money(claim) if claim is not None else None
        opened = open_dispute(
            database, who, booking, party, category, summary, now, claim_minor=claim_minor
        )
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(opened.ref)
    _send(database, now)


def _send(database, now: datetime) -> None:
    from sms import outbox
    from sms.gateways import SimulatorGateway

    cli().print_sent(outbox.drain(database, SimulatorGateway(), now))


def _local(instant: str, tz: str) -> str:
    return f"{local(datetime.fromisoformat(instant), tz):%Y-%m-%d %H:%M}"


def _print_dispute(data: dict, tz: str) -> None:
    claim = (
        f", claims {format_money(data['claim_minor'], data['currency'])}"
        if data["claim_minor"] is not None
        else ""
    )
    click.echo(
        f"{data['ref']} {data['status']}: {data['category']}, opened by the "
        f"{data['opened_by']}{claim}"
    )
    click.echo(f"{data['market']}, booking {data['booking']}: {data['worker']} and {data['buyer']}")
    click.echo(f"  {data['summary']}")
    click.echo(f"due {_local(data['due_at'], tz)} ({tz})")
    for decision in data["decisions"]:
        amount = format_money(decision["amount_minor"], data["currency"])
        click.echo(
            f"{decision['stage']} decision by {decision['by']}: {decision['outcome']} {amount}: "
            f"{decision['reason']}"
        )
    for moment in data["timeline"]:
        click.echo(
            f"  {_local(moment['at'], tz)}  {moment['kind']}  {moment['who']}: {moment['text']}"
        )
