"""Offer waves over time: unanswered offers expire, the next wave goes out, queued shifts are
topped up for newly free workers, and a shift nobody is left to take is closed as unfilled, with
the buyer told what the market looks like."""

import functools
import logging
import time
from datetime import datetime

from sqlalchemy import bindparam, delete, exists, or_, update
from sqlmodel import Session, col, func, select

from exchange.eligibility import fit_but_the_rate
from exchange.notices import notify_buyer
from exchange.offers import send_wave, wave_room
from exchange.places import Reach
from exchange.quiet import offers_wait
from exchange.shifts import lock_shift, shift_facts
from exchange.stats import median
from exchange.suppression import may_show
from store.db import Database
from store.models import (
    Buyer,
    Market,
    Offer,
    Shift,
    ShiftTopUp,
    Worker,
)
from store.statuses import SHIFT_OPEN, OfferStatus, ShiftStatus

log = logging.getLogger(__name__)
# How many queued shifts one look at the top-up queue takes.
TOP_UP_BATCH = 50


def shifts_due(session: Session, now: datetime) -> list[int]:
    """Open shifts with an offer past its time, or with no live offer at all."""
    live = select(Offer.id).where(Offer.shift_id == Shift.id, Offer.status == OfferStatus.LIVE)
    overdue = live.where(col(Offer.expires_at) <= now)
    return list(
        session.exec(
            select(Shift.id)
            .where(col(Shift.status).in_(SHIFT_OPEN), or_(exists(overdue), ~exists(live)))
            .order_by(Shift.start, Shift.id)
        )
    )


def advance(session: Session, shift_id: int, now: datetime) -> str:
    """Move one shift's offers on as of `now`; returns what happened, for logs and tests.

    "wave": offers went out; "waiting": quiet hours hold them; "unfilled": nobody is left;
    "open": live offers still stand, or nobody has been eligible yet; "closed": nothing to do.
    """
    shift = lock_shift(session, shift_id)
    if shift is None or shift.status not in SHIFT_OPEN:
        return "closed"
    session.execute(
        update(Offer)
        .where(
            col(Offer.shift_id) == shift.id,
            col(Offer.status) == OfferStatus.LIVE,
            col(Offer.expires_at) <= now,
        )
        .values(status=OfferStatus.EXPIRED)
    )
    market = session.get(Market, shift.market_id)
    if shift.start > now and offers_wait(market, shift.start, now):
        return "waiting"
    if send_wave(session, shift.id, now):
        return "wave"
    live = session.exec(
        select(func.count())
        .select_from(Offer)
        .where(Offer.shift_id == shift.id, Offer.status == OfferStatus.LIVE)
    ).one()
    if live or shift.booked >= shift.slots:
        return "open"
    # Never offered to anyone: a worker who posts availability later may still take it.
    if shift.wave == 0 and shift.start > now:
        return "open"
    close_unfilled(session, shift, market, now)
    return "unfilled"


def top_up(session: Session, shift_id: int, now: datetime) -> list[Offer] | None:
    """Top up one queued shift's wave, clearing its place in the queue; None when another
    transaction holds the shift (a YES, another sweep), so it stays queued for later.

    The shift's lock comes first and its queue rows after, the order every writer keeps. A
    shift whose wave is full (live offers fill its open slots times the wave factor) costs one
    look: matching could offer it to nobody.
    """
    claimed = session.execute(_claim_for_top_up(), {"shift_id": shift_id}).first()
    if claimed is None and session.get(Shift, shift_id) is not None:
        return None
    session.execute(_clear_top_ups(), {"shift_id": shift_id})
    if claimed is None or claimed.room <= 0:
        return []
    return send_wave(session, shift_id, now)


def clear_full_waves(db: Database) -> None:
    """Clear from the queue, in one short transaction, every shift whose wave is full: live
    offers fill its open slots times the wave factor, so matching could offer it to nobody.

    No shift is locked: whatever makes room later (a NO, a drop, an offer expiring) sends
    the wave with a full match, which finds the worker who queued it. Queue rows another
    transaction holds are passed over (SKIP LOCKED), so this waits on nobody.
    """
    full = (
        select(ShiftTopUp.id)
        .join(Shift, col(Shift.id) == ShiftTopUp.shift_id)
        .join(Market, col(Market.id) == Shift.market_id)
        .where(wave_room() <= 0)
        .order_by(ShiftTopUp.id)
    )
    if not db.is_sqlite:
        full = full.with_for_update(skip_locked=True, of=ShiftTopUp)
    try:
        with db.write() as session:
            session.execute(
                delete(ShiftTopUp).where(col(ShiftTopUp.id).in_(full.scalar_subquery()))
            )
    except Exception:
        log.exception("clearing full waves from the queue failed; they stay queued")


@functools.cache
def _claim_for_top_up():
    """The shift, locked unless another transaction holds it, with the room its wave has."""
    shift_id = bindparam("shift_id")
    return (
        select(Shift.id, wave_room().label("room"))
        .join(Market, col(Market.id) == Shift.market_id)
        .where(Shift.id == shift_id)
        .with_for_update(skip_locked=True, of=Shift)
    )


@functools.cache
def _clear_top_ups():
    return delete(ShiftTopUp).where(col(ShiftTopUp.shift_id) == bindparam("shift_id"))


def top_up_queued(db: Database, now: datetime, until: float | None = None) -> int:
    """Top up every shift in the queue, oldest first, each in its own short transaction, once
    however many texts queued it.

    Shifts whose wave is full are cleared from the queue first, all at once. A shift another
    transaction holds, or whose top-up fails, is left queued for the next call; so is the rest
    of the queue once time.monotonic() passes `until` (one shift is always topped up). Returns
    how many offers went out.
    """
    made, tried, cleared = 0, set(), False
    while True:
        with db.read() as session:
            queued = session.exec(
                select(ShiftTopUp.shift_id)
                .group_by(ShiftTopUp.shift_id)
                .order_by(func.min(ShiftTopUp.id))
                .limit(TOP_UP_BATCH + len(tried))
            ).all()
        todo = [shift_id for shift_id in queued if shift_id not in tried]
        if not todo:
            return made
        if not cleared:
            cleared = True
            clear_full_waves(db)
            continue
        for shift_id in todo:
            if tried and until is not None and time.monotonic() > until:
                return made
            tried.add(shift_id)
            try:
                with db.write() as session:
                    made += len(top_up(session, shift_id, now) or ())
            except Exception:
                log.exception("topping up shift %s failed; it stays queued", shift_id)


def close_unfilled(session: Session, shift: Shift, market: Market, now: datetime) -> None:
    """Mark the shift unfilled and tell the buyer who was eligible and what they ask.

    Market data only: the asking rates of the workers offered it and how many more ask over the
    buyer's top rate; never a suggested price (rule 1).
    """
    shift.status = ShiftStatus.UNFILLED
    session.add(shift)
    rates = sorted(
        session.exec(
            select(Worker.asking_rate_minor)
            .join(Offer, col(Offer.worker_id) == Worker.id)
            .where(Offer.shift_id == shift.id)
        )
    )
    buyer = session.get(Buyer, shift.buyer_id)
    data = {
        "eligible": len(rates),
        "asking_more": len(asking_more(session, shift, now)),
        "booked": shift.booked,
        "slots": shift.slots,
        "top_rate": shift.max_rate_minor,
        **shift_facts(shift, market, buyer),
    }
    if not may_show(len(rates)):
        notify_buyer(session, buyer, "shift_unfilled_few", now, **data)
        return
    notify_buyer(
        session,
        buyer,
        "shift_unfilled",
        now,
        low_rate=rates[0],
        median_rate=median(rates),
        high_rate=rates[-1],
        **data,
    )


def asking_more(session: Session, shift: Shift, now: datetime) -> set[int]:
    """Workers free for the shift, able and near, who ask more than its top rate."""
    found = fit_but_the_rate(session, shift, now)
    reaches = Reach(session, shift.postcode, found)
    return {worker.id for worker in found if reaches(worker)}
