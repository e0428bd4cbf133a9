"""Shifts for the console: the board by state, and one shift's waves with who was offered and why."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, not_
from sqlmodel import col, select

from exchange.errors import Refused
from exchange.localtime import format_span, local
from exchange.money import format_money
from exchange.offer_reasons import reason_for_staff
from exchange.offers import send_wave
from exchange.operators import acts_in
from exchange.quiet import offers_go_out_at
from exchange.shifts import (
    address_of,
    buyer_shifts_to_come,
    cancel_shift,
    post_shift,
    postcode_in,
)
from services.unit import Unit
from services.who import Who, operator_of
from store.db import Database
from store.models import Booking, Buyer, Market, Offer, Shift, Worker
from store.statuses import SHIFT_LIVE, ShiftStatus

# The board's columns: the shift's states, with "in progress" for a live shift under way.
IN_PROGRESS = "in_progress"
STATES = (
    *SHIFT_LIVE[:3],
    IN_PROGRESS,
    ShiftStatus.DONE,
    ShiftStatus.UNFILLED,
    ShiftStatus.CANCELLED,
)
LABELS = {state: state.replace("_", " ").capitalize() for state in STATES}


def _state(state: str, now: datetime):
    """The where-clause for one column of the board; "in progress" is a live shift under way."""
    running = and_(col(Shift.status).in_(SHIFT_LIVE), col(Shift.start) <= now, col(Shift.end) > now)
    if state == IN_PROGRESS:
        return running
    if state in SHIFT_LIVE:
        return and_(Shift.status == state, not_(running))
    return Shift.status == state


@dataclass(frozen=True)
class ShiftRow:
    id: int
    ref: str
    buyer: str
    skill: str
    when: str
    booked: str
    rate: str
    place: str
    status: str


def board_counts(db: Database, who: Who, now: datetime) -> dict[str, int]:
    counts = {}
    with db.read() as session:
        for state in STATES:
            query = select(func.count()).select_from(Shift).where(_state(state, now))
            if who.market_ids is not None:
                query = query.where(col(Shift.market_id).in_(who.market_ids))
            counts[state] = session.exec(query).one()
    return counts


def shifts_in(
    db: Database, who: Who, state: str, now: datetime, limit: int = 200
) -> list[ShiftRow]:
    """Shifts in one state: coming ones soonest first, finished ones latest first."""
    order = (
        col(Shift.start).asc()
        if state in ("open", "offering", "filled")
        else col(Shift.start).desc()
    )
    query = (
        select(Shift, Buyer.name, Market.tz)
        .join(Buyer, col(Buyer.id) == Shift.buyer_id)
        .join(Market, col(Market.id) == Shift.market_id)
        .where(_state(state, now))
        .order_by(order, col(Shift.id))
        .limit(limit)
    )
    if who.market_ids is not None:
        query = query.where(col(Shift.market_id).in_(who.market_ids))
    with db.read() as session:
        rows = session.exec(query).all()
    return [
        ShiftRow(
            shift.id,
            shift.ref or "",
            buyer,
            shift.skill,
            format_span(shift.start, shift.end, tz),
            f"{shift.booked}/{shift.slots}",
            format_money(shift.max_rate_minor, shift.currency),
            address_of(shift),
            shift.status,
        )
        for shift, buyer, tz in rows
    ]


@dataclass(frozen=True)
class OfferLine:
    wave: int
    rank: int
    worker: str
    status: str
    offered: str
    answered: str
    reason: str


@dataclass(frozen=True)
class ShiftDetail:
    id: int
    ref: str
    title: str
    facts: list[tuple[str, str]]
    offers: list[OfferLine]
    booked: list[str]
    can_cancel: bool
    # Why there are no offers yet, when there are none.
    no_offers: str


def detail(db: Database, shift_id: int, now: datetime) -> ShiftDetail | None:
    """Every wave of a shift: who was offered, the stored reason, who replied and when."""
    with db.read() as session:
        shift = session.get(Shift, shift_id)
        if shift is None:
            return None
        market = session.get(Market, shift.market_id)
        buyer = session.get(Buyer, shift.buyer_id)
        tz = market.tz

        def at(instant: datetime | None) -> str:
            return f"{local(instant, tz):%d %b %H:%M}" if instant else "-"

        offers = [
            OfferLine(
                offer.wave,
                offer.rank,
                name or phone,
                offer.status,
                at(offer.created_at),
                at(offer.answered_at),
                reason_for_staff(offer.reason, shift.currency, tz),
            )
            for offer, name, phone in session.exec(
                select(Offer, Worker.name, Worker.phone)
                .join(Worker, col(Worker.id) == Offer.worker_id)
                .where(Offer.shift_id == shift.id)
                .order_by(Offer.wave, Offer.rank, Offer.id)
            )
        ]
        booked = [
            f"{name} at {format_money(booking.rate_minor, booking.currency)}/hr ({booking.status})"
            for booking, name in session.exec(
                select(Booking, Worker.name)
                .join(Worker, col(Worker.id) == Booking.worker_id)
                .where(Booking.shift_id == shift.id)
                .order_by(Booking.id)
            )
        ]
        facts = [
            ("Buyer", buyer.name),
            ("When", format_span(shift.start, shift.end, tz)),
            ("Where", address_of(shift)),
            ("Pays up to", f"{format_money(shift.max_rate_minor, shift.currency)}/hr"),
            ("People", f"{shift.booked} of {shift.slots} booked; wave {shift.wave}"),
            ("Status", shift.status + (f": {shift.cancel_reason}" if shift.cancel_reason else "")),
            ("Posted", at(shift.created_at)),
        ]
        named = postcode_in(shift.place)
        if named is not None and named != shift.postcode:
            # Posted before a shift had one place: say which postcode its offers went by.
            facts.append(("Matched on", shift.postcode))
        if shift.credentials:
            facts.append(("Needs", ", ".join(shift.credentials)))
        waits = (
            offers_go_out_at(market, shift.start, now) if shift.status == ShiftStatus.OPEN else None
        )
        no_offers = (
            f"No offers yet: it is quiet hours; offers go out at {at(waits)}."
            if waits
            else "No offers yet: nobody eligible so far; it is offered as workers become free."
        )
        return ShiftDetail(
            shift.id,
            shift.ref or "",
            f"{shift.ref} {shift.skill} for {buyer.name}",
            facts,
            offers,
            booked,
            shift.status not in ("cancelled", "done"),
            no_offers,
        )


@dataclass(frozen=True)
class Posting:
    """What a buyer asks for, as staff typed it: times already local-to-UTC, money in minor units."""

    buyer_id: int
    skill: str
    postcode: str
    start: datetime
    end: datetime
    slots: int
    max_rate_minor: int
    place: str | None = None
    credentials: tuple[str, ...] = ()


@dataclass(frozen=True)
class Posted:
    shift_id: int
    ref: str
    offered: int
    goes_out_at: datetime | None  # quiet hours hold the first offers back until then


def post_shift_for_buyer(
    db: Database, who: Who, market_id: int, posting: Posting, now: datetime
) -> Posted:
    """Staff post a buyer's shift and its first wave goes out, in one transaction; an auditor,
    or a franchisee outside their markets, is refused, and so is another market's buyer."""
    with db.write() as session:
        operator = operator_of(session, who)
        acts_in(session, operator, market_id)
        buyer = session.get(Buyer, posting.buyer_id)
        if buyer is None or buyer.market_id != market_id:
            raise Refused("no_buyer", "Not a buyer in this market")
        market = session.get(Market, market_id)
        shift = post_shift(
            session,
            market,
            buyer,
            posting.skill,
            posting.postcode,
            posting.start,
            posting.end,
            posting.slots,
            posting.max_rate_minor,
            now,
            place=posting.place,
            credentials=posting.credentials,
            posted_by=operator.id,
        )
        offers = send_wave(session, shift.id, now)
        return Posted(shift.id, shift.ref, len(offers), offers_go_out_at(market, shift.start, now))


@dataclass(frozen=True)
class Cancelled:
    ref: str
    told: int


def cancel_shift_for_buyer(
    db: Database, who: Who, shift_id: int, reason: str, now: datetime
) -> Cancelled:
    """The buyer cancels through staff: booked workers and open offers are told the reason."""
    with db.write() as session:
        operator = operator_of(session, who)
        shift = session.get(Shift, shift_id)
        if shift is None:
            raise Refused("no_shift", f"No shift #{shift_id}")
        acts_in(session, operator, shift.market_id)
        told = cancel_shift(session, shift_id, reason.strip(), now, by=operator.id)
        return Cancelled(shift.ref, len(told))


def shifts_to_come_for_buyers(
    db: Unit, buyer_ids: list[int], now: datetime
) -> list[tuple[Shift, list[str]]]:
    """ "who is coming tomorrow?", asked by a buyer's phone: its own shifts to come and who is
    booked on each."""
    with db.read() as session:
        return buyer_shifts_to_come(session, buyer_ids, now)
