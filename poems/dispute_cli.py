"""`poems dispute list|show|decide|ask|open`: the franchisee's dispute queue for scripts and
audits, with the same checks and effects as the console."""

import json
from datetime import datetime

import click
from sqlmodel import Session, select

from exchange import disputes
from exchange.errors import Refused
from exchange.localtime import local
from exchange.money import format_money, parse_money
from exchange.timeline import timeline
from poems.options import acting, as_option, at_option, cli, db_option, signed_in
from store.models import Buyer, Dispute, Market, Operator, Worker


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
    operator = signed_in(database, username)
    with database.read() as session:
        viewer = acting(session, operator)
        markets = {market.id: market for market in session.exec(select(Market))}
        data = {
            "counts": disputes.counts(session, viewer),
            "disputes": [
                _summary(item, markets[item.market_id])
                for item in disputes.queue(session, viewer, state)
            ],
        }
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    zones = {market.name: market.tz for market in markets.values()}
    click.echo("  ".join(f"{name} {count}" for name, count in data["counts"].items()))
    for item in data["disputes"]:
        click.echo(
            f"{item['ref']}\t{item['status']}\tdue {_local(item['due_at'], zones[item['market']])}"
            f"\t{item['market']}\t{item['category']}\t{item['opened_by']}\t{item['summary']}"
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
    operator = signed_in(database, username)
    with database.write() as session:
        found = _dispute(session, ref)
        try:
            disputes.look_at_dispute(session, acting(session, operator), found, now)
        except Refused as refusal:
            raise click.ClickException(refusal.message) from refusal
        market = session.get(Market, found.market_id)
        operators = dict(session.exec(select(Operator.id, Operator.username)).all())
        data = _summary(found, market) | {
            "booking": found.booking_id,
            "worker": session.get(Worker, found.worker_id).name,
            "buyer": session.get(Buyer, found.buyer_id).name,
            "touched_at": found.touched_at.isoformat(),
            "escalated_at": _instant(found.escalated_at),
            "decided_at": _instant(found.decided_at),
            "appeal_until": _instant(found.appeal_until),
            "reviewer": operators.get(found.reviewer_id),
            "decisions": [
                {
                    "stage": decision.stage,
                    "outcome": decision.outcome,
                    "amount_minor": decision.amount_minor,
                    "at_fault": decision.at_fault,
                    "reason": decision.reason,
                    "by": operators.get(decision.operator_id),
                    "at": decision.at.isoformat(),
                }
                for decision in disputes.decisions(session, found.id)
            ],
            "timeline": [moment.as_dict() for moment in timeline(session, found.id)],
        }
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    _print_dispute(data, market)


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
    operator = signed_in(database, username)
    try:
        amount_minor = parse_money(amount) if amount is not None else None
        with database.write() as session:
            found = _dispute(session, ref)
            disputes.decide(
                session,
                found.id,
                acting(session, operator),
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
    operator = signed_in(database, username)
    try:
        with database.write() as session:
            found = _dispute(session, ref)
            disputes.ask(session, found.id, acting(session, operator), party, question, now)
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
    operator = signed_in(database, username)
    try:
        claim_minor = parse_money(claim) if claim is not None else None
        with database.write() as session:
            opened = disputes.open_dispute(
                session,
                booking,
                party,
                category,
                summary,
                now,
                operator=acting(session, operator),
                claim_minor=claim_minor,
            )
            ref = opened.ref
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(ref)
    _send(database, now)


def _dispute(session: Session, ref: str) -> Dispute:
    found = disputes.dispute_by_ref(session, ref)
    if found is None:
        raise click.ClickException(f"no dispute {ref}")
    return found


def _send(database, now: datetime) -> None:
    from sms import outbox
    from sms.gateways import SimulatorGateway

    cli().print_sent(outbox.drain(database, SimulatorGateway(), now))


def _summary(item: Dispute, market: Market) -> dict:
    return {
        "ref": item.ref,
        "status": item.status,
        "market": market.name,
        "category": item.category,
        "opened_by": item.opened_by,
        "summary": item.summary,
        "claim_minor": item.claim_minor,
        "currency": item.currency,
        "opened_at": item.opened_at.isoformat(),
        "due_at": item.due_at.isoformat(),
    }


def _instant(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _local(instant: str, tz: str) -> str:
    return f"{local(datetime.fromisoformat(instant), tz):%Y-%m-%d %H:%M}"


def _print_dispute(data: dict, market: Market) -> None:
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
    click.echo(f"due {_local(data['due_at'], market.tz)} ({market.tz})")
    for decision in data["decisions"]:
        amount = format_money(decision["amount_minor"], data["currency"])
        click.echo(
            f"{decision['stage']} decision by {decision['by']}: {decision['outcome']} {amount}: "
            f"{decision['reason']}"
        )
    for moment in data["timeline"]:
        click.echo(
            f"  {_local(moment['at'], market.tz)}  {moment['kind']}  {moment['who']}: "
            f"{moment['text']}"
        )
