"""Disputes for the console: the queue a franchisee may see and one dispute's page."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from exchange import disputes
from exchange.errors import Refused
from exchange.localtime import local
from exchange.money import format_money
from exchange.timeline import Moment, timeline
from poems_tui.services.who import Who, operator_of
from store.db import Database
from store.models import Buyer, Dispute, Market, Operator, Worker


@dataclass(frozen=True)
class DisputeRow:
    id: int
    ref: str
    status: str
    category: str
    opened_by: str
    worker: str
    buyer: str
    claim: str
    due: str


@dataclass(frozen=True)
class Queue:
    rows: list[DisputeRow]
    counts: dict[str, int]


@dataclass(frozen=True)
class DisputePage:
    id: int
    ref: str
    status: str
    heading: str
    summary: str
    decisions: list[str]
    moments: list[Moment]
    tz: str
    worker_id: int
    buyer_id: int


def queue(db: Database, who: Who) -> Queue:
    """The disputes this operator may see, oldest deadline first, with counts by state."""
    with db.read() as session:
        operator = operator_of(session, who)
        found = disputes.queue(session, operator)
        names = _names(session, found)
        zones = dict(session.exec(select(Market.id, Market.tz)).all())
        rows = [
            DisputeRow(
                d.id,
                d.ref,
                d.status,
                d.category,
                d.opened_by,
                names[0].get(d.worker_id, ""),
                names[1].get(d.buyer_id, ""),
                format_money(d.claim_minor, d.currency) if d.claim_minor is not None else "",
                f"{local(d.due_at, zones[d.market_id]):%a %d %b %H:%M}",
            )
            for d in found
        ]
        return Queue(rows, disputes.counts(session, operator))


def page(db: Database, who: Who, dispute_id: int, now: datetime) -> DisputePage | None:
    """One dispute as its decider sees it: what it is about, decisions and the whole timeline.
    It shows the worker's name and texts, so opening it is logged for their WHO SAW."""
    with db.write() as session:
        found = session.get(Dispute, dispute_id)
        if found is None:
            return None
        try:
            disputes.look_at_dispute(session, operator_of(session, who), found, now)
        except Refused:
            return None
        market = session.get(Market, found.market_id)
        worker = session.get(Worker, found.worker_id)
        buyer = session.get(Buyer, found.buyer_id)
        operators = dict(session.exec(select(Operator.id, Operator.username)).all())
        claim = (
            f", claim {format_money(found.claim_minor, found.currency)}"
            if found.claim_minor is not None
            else ""
        )
        heading = (
            f"{found.ref} {found.status}: {found.category}, opened by the {found.opened_by}{claim}. "
            f"{worker.name or worker.phone} and {buyer.name}, booking {found.booking_id}"
        )
        decided = [
            f"{d.stage}: {d.outcome} {format_money(d.amount_minor, found.currency)} by "
            f"{operators.get(d.operator_id, '?')}: {d.reason}"
            for d in disputes.decisions(session, found.id)
        ]
        return DisputePage(
            found.id,
            found.ref,
            found.status,
            heading,
            found.summary,
            decided,
            timeline(session, found.id),
            market.tz,
            found.worker_id,
            found.buyer_id,
        )


def _names(session, found: list[Dispute]) -> tuple[dict[int, str], dict[int, str]]:
    worker_ids = {d.worker_id for d in found}
    buyer_ids = {d.buyer_id for d in found}
    workers = (
        session.exec(select(Worker).where(Worker.id.in_(worker_ids))).all() if worker_ids else []
    )
    buyers = session.exec(select(Buyer).where(Buyer.id.in_(buyer_ids))).all() if buyer_ids else []
    return (
        {w.id: w.name or w.phone for w in workers},
        {b.id: b.name for b in buyers},
    )
