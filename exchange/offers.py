"""Offers and bookings: waves of offers, the first YES per slot books, drops reopen the slot.

Locks are taken in one order, so two transactions never wait on each other in a ring: the text
being acted on, then at most one shift (lock_shift), then that shift's offers and bookings,
then workers' rows, then new notices. A text that makes a worker free locks no shift at all: it
queues the shifts that could fit them (ShiftTopUp), and the wave sweep tops each up in a
transaction of its own.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, func, select

from exchange.disputes import RECENT as COMPLAINT_LOOKS_BACK
from exchange.errors import Refused
from exchange.law.checks import check_booking
from exchange.law.skips import record_left_out
from exchange.matching import match, shifts_that_could_fit
from exchange.notices import notify_buyer, notify_worker
from exchange.quiet import offers_wait
from exchange.reminders import schedule_for_booking
from exchange.shifts import lock_shift, shift_facts
from store.models import Booking, Buyer, Market, Offer, Shift, ShiftTopUp, Worker
from store.statuses import SHIFT_OPEN, BookingStatus, OfferStatus, ShiftStatus

# What a YES that came too late hears, by what became of its offer (each kind by name, so a
# search finds who sends it).
ACCEPT_TOO_LATE = {
    "already_booked": "accept_already_booked",
    "filled": "accept_filled",
    "cancelled": "accept_cancelled",
    "closed": "accept_closed",
}


def _refs_in_use(session: Session, worker_id: int, now: datetime) -> set[str]:
    """The references a worker may still type: their live offers' and their bookings' within
    the time a complaint looks back (DROP 1234, DISPUTE 1234 must find one thing)."""
    return set(
        session.exec(
            select(Offer.ref)
            .join(Shift, col(Shift.id) == Offer.shift_id)
            .where(
                Offer.worker_id == worker_id,
                col(Offer.status).in_([OfferStatus.LIVE, OfferStatus.ACCEPTED]),
                Shift.end > now - COMPLAINT_LOOKS_BACK,
            )
        )
    )


def new_ref(
    session: Session, worker_id: int, now: datetime, rng: random.Random | None = None
) -> str:
    """Four digits a feature phone can type, unlike any this worker may still type."""
    return _unlike(_refs_in_use(session, worker_id, now), rng)


def _unlike(taken: set[str], rng: random.Random | None = None) -> str:
    rng = rng or random.SystemRandom()
    while True:
        ref = str(rng.randint(1000, 9999))
        if ref not in taken:
            return ref


def wave_room() -> ColumnElement[int]:
    """How many more offers a shift's wave has room for: its open slots times the market's wave
    factor, less the offers still live (in a query over Shift joined to its Market)."""
    live = (
        select(func.count())
        .select_from(Offer)
        .where(Offer.shift_id == Shift.id, Offer.status == OfferStatus.LIVE)
        .scalar_subquery()
    )
    return (Shift.slots - Shift.booked) * Market.wave_factor - live


def send_wave(session: Session, shift_id: int, now: datetime) -> list[Offer]:
    """Offer the shift to the next eligible workers, up to open slots x the market's wave factor.

    Counts the offers still live, so calling it again only tops the wave up. In quiet hours a
    shift more than 12 hours away gets nothing yet; the wave sweep sends it in the morning.
    """
    shift = lock_shift(session, shift_id)
    if shift is None or shift.status not in SHIFT_OPEN or shift.start <= now:
        return []
    market = session.get(Market, shift.market_id)
    if offers_wait(market, shift.start, now):
        return []
    room = session.exec(
        select(wave_room())
        .select_from(Shift)
        .join(Market, col(Market.id) == Shift.market_id)
        .where(Shift.id == shift.id)
    ).one()
    if room <= 0:
        return []
    found = match(session, shift, market, now)
    record_left_out(session, shift.id, found.left_out, now)
    candidates = found.candidates[:room]
    if not candidates:
        return []
    shift.wave += 1
    shift.status = ShiftStatus.OFFERING
    session.add(shift)
    facts = shift_facts(shift, market, session.get(Buyer, shift.buyer_id))
    window = min(timedelta(minutes=market.offer_window_minutes), (shift.start - now) / 2)
    # A worker whose offer closed when the shift filled gets the same offer (row) again.
    closed_by_fill = {
        offer.worker_id: offer
        for offer in session.exec(
            select(Offer).where(
                Offer.shift_id == shift.id,
                Offer.status == OfferStatus.FILLED,
                col(Offer.worker_id).in_([candidate.worker.id for candidate in candidates]),
            )
        )
    }
    offers = []
    for candidate in candidates:
        worker = candidate.worker
        offer = closed_by_fill.get(worker.id) or Offer(shift_id=shift.id, worker_id=worker.id)
        taken = _refs_in_use(session, worker.id, now)
        if offer.ref is None or offer.ref in taken:
            offer.ref = _unlike(taken)
        offer.wave, offer.rank, offer.reason = shift.wave, candidate.place, candidate.reason
        offer.status, offer.answered_at = OfferStatus.LIVE, None
        offer.created_at, offer.expires_at = now, now + window
        session.add(offer)
        session.flush()
        notify_worker(
            session,
            worker,
            "offer",
            now,
            ref=offer.ref,
            rate=worker.asking_rate_minor,
            expires_at=offer.expires_at.isoformat(),
            **facts,
        )
        offers.append(offer)
    return offers


def offer_open_shifts(session: Session, worker_id: int, now: datetime) -> list[int]:
    """After a worker posts availability, queue the open shifts they may now fit for a top-up.

    The wave sweep tops each one up in its own short transaction (exchange.waves.top_up_queued),
    so the worker's text locks no shift and costs what the shifts that could fit them cost, not
    what the market holds. Returns the shifts queued.
    """
    worker = session.get(Worker, worker_id)
    if worker is None:
        return []
    shift_ids = shifts_that_could_fit(session, worker, now)
    if shift_ids:
        # One statement for them all: nothing here needs their ids.
        session.execute(
            insert(ShiftTopUp),
            [{"shift_id": s, "worker_id": worker_id, "created_at": now} for s in shift_ids],
        )
    return shift_ids


@dataclass(frozen=True)
class Answer:
    """What happened to a worker's YES or NO: `outcome` names it, for the reply."""

    outcome: str
    offer: Offer | None = None
    booking: Booking | None = None
    choices: tuple[Offer, ...] = ()


def find_offer(session: Session, worker_id: int, ref: str | None) -> Answer | Offer:
    """The live offer a reply means, or an Answer saying why none can be chosen."""
    if ref is None:
        live = session.exec(
            select(Offer)
            .where(Offer.worker_id == worker_id, Offer.status == OfferStatus.LIVE)
            .order_by(Offer.id)
        ).all()
        if len(live) == 1:
            return live[0]
        return Answer("which" if live else "no_offer", choices=tuple(live))
    offers = session.exec(
        select(Offer)
        .where(Offer.worker_id == worker_id, Offer.ref == ref)
        .order_by(col(Offer.id).desc())
    ).all()
    if not offers:
        return Answer("unknown_ref")
    return offers[0]


def accept(session: Session, worker_id: int, ref: str | None, now: datetime) -> Answer:
    """The first YES per slot books the shift at the worker's own asking rate; later ones hear it is filled."""
    found = find_offer(session, worker_id, ref)
    if isinstance(found, Answer):
        return found
    offer = found
    worker = session.get(Worker, worker_id)
    shift = lock_shift(session, offer.shift_id)
    session.refresh(offer)
    market = session.get(Market, shift.market_id)
    buyer = session.get(Buyer, shift.buyer_id)
    facts = shift_facts(shift, market, buyer)
    if offer.status != OfferStatus.LIVE:
        outcome = {
            OfferStatus.ACCEPTED: "already_booked",
            OfferStatus.FILLED: "filled",
            OfferStatus.WITHDRAWN: "cancelled",
        }.get(offer.status, "closed")
        notify_worker(session, worker, ACCEPT_TOO_LATE[outcome], now, ref=offer.ref, **facts)
        return Answer(outcome, offer)
    # Rule 11, again at the moment of booking: the law or the worker's shifts may have changed.
    problem = check_booking(session, worker, shift, market)
    if problem is not None:
        offer.status, offer.answered_at = OfferStatus.BARRED, now
        session.add(offer)
        record_left_out(session, shift.id, [(worker, problem)], now)
        notify_worker(
            session,
            worker,
            "accept_barred",
            now,
            ref=offer.ref,
            rule_reason=problem.said,
            **facts,
        )
        send_wave(session, shift.id, now)
        return Answer("barred", offer)
    # One conditional statement claims the offer and one the slot; whoever loses sees 0 rows.
    claimed = session.execute(
        update(Offer)
        .where(col(Offer.id) == offer.id, col(Offer.status) == OfferStatus.LIVE)
        .values(status=OfferStatus.ACCEPTED, answered_at=now)
    ).rowcount
    if not claimed:
        session.refresh(offer)
        notify_worker(session, worker, "accept_closed", now, ref=offer.ref, **facts)
        return Answer("closed", offer)
    slot = session.execute(
        update(Shift)
        .where(
            col(Shift.id) == shift.id,
            col(Shift.booked) < Shift.slots,
            col(Shift.status).in_(SHIFT_OPEN),
        )
        .values(booked=Shift.booked + 1)
    ).rowcount
    if not slot:
        session.execute(
            update(Offer).where(col(Offer.id) == offer.id).values(status=OfferStatus.FILLED)
        )
        session.refresh(shift)
        outcome = "cancelled" if shift.status == ShiftStatus.CANCELLED else "filled"
        notify_worker(session, worker, ACCEPT_TOO_LATE[outcome], now, ref=offer.ref, **facts)
        return Answer(outcome, offer)
    session.refresh(shift)
    session.refresh(offer)
    booking = Booking(
        shift_id=shift.id,
        worker_id=worker.id,
        offer_id=offer.id,
        rate_minor=worker.asking_rate_minor,
        currency=worker.currency,
        created_at=now,
    )
    worker.last_booked_at = now
    session.add_all([booking, worker])
    if shift.booked >= shift.slots:
        shift.status = ShiftStatus.FILLED
        session.add(shift)
        session.execute(
            update(Offer)
            .where(col(Offer.shift_id) == shift.id, col(Offer.status) == OfferStatus.LIVE)
            .values(status=OfferStatus.FILLED)
        )
    session.flush()
    schedule_for_booking(session, booking, shift, market, now)
    notify_worker(session, worker, "booked", now, ref=offer.ref, rate=booking.rate_minor, **facts)
    notify_buyer(
        session,
        buyer,
        "buyer_booked",
        now,
        worker=worker.name,
        rate=booking.rate_minor,
        booked=shift.booked,
        slots=shift.slots,
        **facts,
    )
    return Answer("booked", offer, booking)


def decline(session: Session, worker_id: int, ref: str | None, now: datetime) -> Answer:
    """A NO closes the offer; the wave is topped up so the slot reaches someone else."""
    found = find_offer(session, worker_id, ref)
    if isinstance(found, Answer):
        return found
    offer = found
    lock_shift(session, offer.shift_id)
    session.refresh(offer)
    if offer.status == OfferStatus.FILLED:
        # Closed when the shift filled; the NO is still kept, so a reopened slot passes them by.
        offer.status, offer.answered_at = OfferStatus.DECLINED, now
        session.add(offer)
    if offer.status != OfferStatus.LIVE:
        return Answer("closed", offer)
    offer.status = OfferStatus.DECLINED
    offer.answered_at = now
    session.add(offer)
    session.flush()
    shift = session.get(Shift, offer.shift_id)
    notify_worker(
        session,
        session.get(Worker, worker_id),
        "declined",
        now,
        ref=offer.ref,
        **shift_facts(shift, session.get(Market, shift.market_id)),
    )
    send_wave(session, offer.shift_id, now)
    return Answer("declined", offer)


def drop_booking(session: Session, worker_id: int, ref: str | None, now: datetime) -> Answer:
    """A worker drops a booked shift: the buyer is told and the slot is offered again."""
    query = (
        select(Booking, Offer)
        .join(Offer, col(Offer.id) == Booking.offer_id)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(
            Booking.worker_id == worker_id,
            Booking.status == BookingStatus.BOOKED,
            col(Shift.start) > now,
        )
        .order_by(Shift.start)
    )
    if ref is not None:
        query = query.where(Offer.ref == ref)
    rows = session.exec(query).all()
    if not rows:
        return Answer("no_booking")
    if len(rows) > 1:
        return Answer("which_booking", choices=tuple(offer for _, offer in rows))
    booking, offer = rows[0]
    shift = lock_shift(session, booking.shift_id)
    session.refresh(booking)
    if booking.status != BookingStatus.BOOKED:
        return Answer("no_booking")
    booking.status = BookingStatus.DROPPED
    booking.ended_at = now
    shift.booked -= 1
    if shift.status == ShiftStatus.FILLED:
        shift.status = ShiftStatus.OFFERING
    session.add_all([booking, shift])
    session.flush()
    market = session.get(Market, shift.market_id)
    buyer = session.get(Buyer, shift.buyer_id)
    worker = session.get(Worker, worker_id)
    facts = shift_facts(shift, market, buyer)
    notify_worker(session, worker, "dropped", now, ref=offer.ref, **facts)
    notify_buyer(session, buyer, "buyer_dropped", now, worker=worker.name, **facts)
    send_wave(session, shift.id, now)
    return Answer("dropped", offer, booking)


def live_offers(session: Session, worker_id: int) -> list[tuple[Offer, Shift]]:
    return list(
        session.exec(
            select(Offer, Shift)
            .join(Shift, col(Shift.id) == Offer.shift_id)
            .where(Offer.worker_id == worker_id, Offer.status == OfferStatus.LIVE)
            .order_by(Shift.start)
        )
    )


def upcoming_bookings(
    session: Session, worker_id: int, now: datetime
) -> list[tuple[Booking, Shift, Offer]]:
    return list(
        session.exec(
            select(Booking, Shift, Offer)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .join(Offer, col(Offer.id) == Booking.offer_id)
            .where(
                Booking.worker_id == worker_id,
                Booking.status == BookingStatus.BOOKED,
                col(Shift.end) > now,
            )
            .order_by(Shift.start)
        )
    )


def require_open(shift: Shift) -> None:
    if shift.status not in SHIFT_OPEN:
        raise Refused("shift_closed", f"Shift {shift.ref} is {shift.status}")
