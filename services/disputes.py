"""Disputes for the console: the queue a franchisee may see and one dispute's page."""

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlmodel import select

from exchange import disputes
from exchange.errors import Refused
from exchange.localtime import local
from exchange.money import format_money
from exchange.timeline import Moment, timeline
from services.unit import Unit
from services.who import Who, operator_of
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


def dispute_id(db: Database, ref: str) -> int:
    """The dispute a reference names ("D17", "17"); refused when there is none."""
    with db.read() as session:
        found = disputes.dispute_by_ref(session, ref)
    if found is None:
        raise Refused("no_dispute", f"no dispute {ref}")
    return found.id


@dataclass(frozen=True)
class Opened:
    id: int
    ref: str


def open_dispute(
    db: Unit,
    who: Who | None,
    booking_id: int,
    party: str,
    category: str,
    summary: str,
    now: datetime,
    claim_minor: int | None = None,
) -> Opened:
    """A dispute about a booking, opened for the worker or the buyer: by staff (`who`), or by
    the party's own text (`who` None); both parties are texted. A refusal changes nothing."""
    with db.write() as session, session.begin_nested():
        opened = disputes.open_dispute(
            session,
            booking_id,
            party.strip().lower(),
            category.strip().lower(),
            summary,
            now,
            operator=operator_of(session, who) if who is not None else None,
            claim_minor=claim_minor,
        )
        return Opened(opened.id, opened.ref)


def ask_party(
    db: Database, who: Who, dispute_id: int, party: str, question: str, now: datetime
) -> None:
    """Text one party a question; their next reply attaches to the dispute."""
    with db.write() as session:
        disputes.ask(session, dispute_id, operator_of(session, who), party, question, now)


def add_note(db: Database, who: Who, dispute_id: int, note: str, now: datetime) -> None:
    """A note only deciders read."""
    with db.write() as session:
        disputes.add_note(session, dispute_id, operator_of(session, who), note, now)


@dataclass(frozen=True)
class Decision:
    outcome: str
    moved_minor: int


def decide_dispute(
    db: Database,
    who: Who,
    dispute_id: int,
    outcome: str,
    reason: str,
    now: datetime,
    amount_minor: int | None = None,
    at_fault: str | None = None,
) -> Decision:
    """Decide a dispute or its appeal, with a written reason; both parties are told."""
    with db.write() as session:
        decided = disputes.decide(
            session,
            dispute_id,
            operator_of(session, who),
            outcome,
            reason,
            now,
            amount_minor=amount_minor,
            at_fault=at_fault,
        )
        return Decision(decided.decision.outcome, decided.moved_minor)


def lift_suspension(
    db: Database,
    who: Who,
    note: str,
    now: datetime,
    worker_id: int | None = None,
    buyer_id: int | None = None,
) -> None:
    """Staff lift a worker's or a buyer's suspension after a review; the points stay."""
    with db.write() as session:
        disputes.review_suspension(
            session, operator_of(session, who), now, note, worker_id=worker_id, buyer_id=buyer_id
        )


@dataclass(frozen=True)
class Summary:
    """One dispute in a list, as data for scripts."""

    ref: str
    status: str
    market: str
    category: str
    opened_by: str
    summary: str
    claim_minor: int | None
    currency: str
    opened_at: str
    due_at: str


def _summary(item: Dispute, market: Market) -> Summary:
    return Summary(
        item.ref,
        item.status,
        market.name,
        item.category,
        item.opened_by,
        item.summary,
        item.claim_minor,
        item.currency,
        item.opened_at.isoformat(),
        item.due_at.isoformat(),
    )


@dataclass(frozen=True)
class Listing:
    counts: dict[str, int]
    disputes: list[Summary]
    zones: dict[str, str]  # market name: its time zone, for showing the deadlines


def listing(db: Database, who: Who, state: str | None = None) -> Listing:
    """The queue as data: a franchisee's own markets only, oldest deadline first."""
    with db.read() as session:
        operator = operator_of(session, who)
        markets = {market.id: market for market in session.exec(select(Market))}
        return Listing(
            disputes.counts(session, operator),
            [
                _summary(item, markets[item.market_id])
                for item in disputes.queue(session, operator, state)
            ],
            {market.name: market.tz for market in markets.values()},
        )


@dataclass(frozen=True)
class Record:
    """One dispute whole, as data for scripts: its decisions and the booking's timeline."""

    summary: Summary
    booking: int
    worker: str
    buyer: str
    touched_at: str
    escalated_at: str | None
    decided_at: str | None
    appeal_until: str | None
    reviewer: str | None
    decisions: list[dict]
    timeline: list[dict]
    tz: str

    def as_dict(self) -> dict:
        return asdict(self.summary) | {
            name: getattr(self, name)
            for name in (
                "booking", "worker", "buyer", "touched_at", "escalated_at", "decided_at",
                "appeal_until", "reviewer", "decisions", "timeline",
            )
        }  # fmt: skip


def record(db: Database, who: Who, dispute_id: int, now: datetime) -> Record:
    """One dispute whole; refused outside the operator's markets, and logged for the worker's
    WHO SAW, since it shows their name and texts."""
    with db.write() as session:
        found = session.get(Dispute, dispute_id)
        disputes.look_at_dispute(session, operator_of(session, who), found, now)
        market = session.get(Market, found.market_id)
        operators = dict(session.exec(select(Operator.id, Operator.username)).all())
        return Record(
            _summary(found, market),
            found.booking_id,
            session.get(Worker, found.worker_id).name,
            session.get(Buyer, found.buyer_id).name,
            found.touched_at.isoformat(),
            _instant(found.escalated_at),
            _instant(found.decided_at),
            _instant(found.appeal_until),
            operators.get(found.reviewer_id),
            [
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
            [moment.as_dict() for moment in timeline(session, found.id)],
            market.tz,
        )


def _instant(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
