"""What a worker does as a seller, by text: answer an offer, give a booking up, say when they
are free and when no longer, see their offers and bookings and why an offer came to them. The
worker is the actor: each use case acts only on that worker's own offers and bookings, and an
operator acting for them (the Inbox) is checked and audited here too."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from exchange import offers
from exchange.audit import audit
from exchange.availability import Withdrawn, post_availability, withdraw_availability
from exchange.errors import Refused
from exchange.inbox import thread_for
from exchange.operators import may_write
from exchange.recurring import add_pattern
from exchange.why import Explanation, explain
from exchange.workers import update_terms
from services.unit import Unit
from services.who import Who, operator_of
from store.models import (
    AvailabilityPattern,
    AvailabilityWindow,
    Booking,
    Market,
    Offer,
    Shift,
    Worker,
)

Answer = offers.Answer


def answer_offer(
    db: Unit, worker_id: int, ref: str | None, yes: bool, now: datetime
) -> offers.Answer:
    """YES books the slot at the worker's own rate, if it is still there; NO passes the offer on
    to the next worker. `ref` None means the one offer the worker has open."""
    with db.write() as session:
        if yes:
            return offers.accept(session, worker_id, ref, now)
        return offers.decline(session, worker_id, ref, now)


def drop_booking(db: Unit, worker_id: int, ref: str | None, now: datetime) -> offers.Answer:
    """The worker gives a booking up: the buyer is told and the place is offered again."""
    with db.write() as session:
        return offers.drop_booking(session, worker_id, ref, now)


def drop_booking_for_worker(db: Unit, who: Who, thread_id: int, ref: str, now: datetime) -> None:
    """The worker asked in words the machine would not act on: a person drops the booking for
    them from the Inbox, as the worker's own DROP would, and the audit chain records who."""
    with db.write() as session:
        operator = operator_of(session, who)
        if not may_write(operator):
            raise Refused("not_allowed", "Auditors read the Inbox; they do not change it")
        thread = thread_for(session, operator, thread_id)
        if thread.worker_id is None:
            raise Refused("no_booking", "This number has no bookings")
        answer = offers.drop_booking(session, thread.worker_id, ref, now)
        if answer.outcome != "dropped":
            raise Refused("no_booking", f"No booking {ref} still to come for this worker")
        audit(session, operator.id, "inbox_drop", f"inbox:{thread.id}", ref, now)


@dataclass(frozen=True)
class Free:
    """What a worker's free time became: windows, or a pattern that repeats weekly."""

    windows: tuple[AvailabilityWindow, ...] = ()
    pattern: AvailabilityPattern | None = None


def make_available(
    db: Unit,
    worker: Worker,
    now: datetime,
    spans: list[tuple[datetime, datetime]] = (),
    weekly: tuple[list[str], str, str] | None = None,
    rate_minor: int | None = None,
    instead_of: tuple[date, str] | None = None,
) -> Free:
    """The worker says when they are free (and, with it, perhaps a new rate of their own); the
    open shifts they now fit are queued to be offered. `instead_of`, a date and the market's
    time zone: the free time that day is replaced ("change saturday to 12-8"). All or nothing:
    a refusal leaves their terms and free time as they were."""
    with db.write() as session:
        with session.begin_nested():
            if instead_of is not None:
                day, tz = instead_of
                withdraw_availability(session, worker.id, now, tz, on=day)
            if rate_minor is not None and rate_minor != worker.asking_rate_minor:
                update_terms(session, worker, now, asking_rate_minor=rate_minor)
            if weekly is not None:
                days, starts, ends = weekly
                free = Free(pattern=add_pattern(session, worker.id, days, starts, ends, now))
            else:
                free = Free(
                    windows=tuple(
                        post_availability(session, worker.id, *span, now) for span in spans
                    )
                )
        offers.offer_open_shifts(session, worker.id, now)
        return free


def withdraw_free_time(
    db: Unit,
    worker_id: int,
    now: datetime,
    tz: str,
    days: Sequence[str] = (),
    on: date | None = None,
    every: bool = False,
    until: date | None = None,
) -> Withdrawn:
    """BUSY SAT, BUSY every weekend: free no longer on that date, the next of those days, or
    each of them from now on. Bookings stay: dropping one is its own command."""
    with db.write() as session:
        return withdraw_availability(
            session, worker_id, now, tz, days, on=on, every=every, until=until
        )


def open_offers(db: Unit, worker_id: int) -> list[tuple[Offer, Shift]]:
    """The worker's offers still open to a YES."""
    with db.read() as session:
        return offers.live_offers(session, worker_id)


def bookings_to_come(db: Unit, worker_id: int, now: datetime) -> list[tuple[Booking, Shift, Offer]]:
    """The worker's bookings not yet over, soonest first."""
    with db.read() as session:
        return offers.upcoming_bookings(session, worker_id, now)


def why_offered(
    db: Unit, worker_id: int, market_id: int, ref: str | None, now: datetime
) -> Explanation:
    """WHY, WHY 4821, WHY S12: the reason stored with the worker's own offer, or the first
    requirement a shift asked of them that they missed, and the published ranking rule."""
    with db.read() as session:
        worker = session.get(Worker, worker_id)
        return explain(session, worker, session.get(Market, market_id), ref, now)
