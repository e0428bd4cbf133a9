"""On the day of a shift: a worker says they are running late, or that they have arrived."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from exchange.notices import notify_buyer
from exchange.reminders import postpone_checkin_check
from exchange.shifts import shift_facts
from store.models import Booking, Buyer, Market, Offer, Shift, Worker
from store.statuses import BookingStatus

# LATE means the booking starting within this long, or one already under way.
LATE_WINDOW = timedelta(hours=12)
# HERE means the booking starting within this long, or one already under way.
CHECKIN_WINDOW = timedelta(minutes=60)


@dataclass(frozen=True)
class OnTheDay:
    """What a LATE or HERE text came to: `outcome` names it, for the reply."""

    outcome: str
    booking: Booking | None = None
    shift: Shift | None = None
    offer: Offer | None = None


def bookings_near(
    session: Session, worker_id: int, now: datetime, within: timedelta, ref: str | None = None
) -> list[tuple[Booking, Shift, Offer]]:
    """The worker's bookings starting within `within` or under way, nearest to now first."""
    query = (
        select(Booking, Shift, Offer)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .join(Offer, col(Offer.id) == Booking.offer_id)
        .where(
            Booking.worker_id == worker_id,
            Booking.status == BookingStatus.BOOKED,
            col(Shift.start) <= now + within,
            col(Shift.end) > now,
        )
    )
    if ref is not None:
        query = query.where(Offer.ref == ref)
    rows = list(session.exec(query))
    return sorted(rows, key=lambda row: abs(row[1].start - now))


def report_late(
    session: Session,
    worker: Worker,
    minutes: int | None,
    now: datetime,
    ref: str | None = None,
    from_now: bool = False,
    on: datetime | None = None,
    unsure: bool = False,
) -> OnTheDay:
    """Store how late the worker will be and tell the buyer; without minutes, nothing is stored.
    `unsure`: asked how late, they cannot say ("not sure, traffic"): the buyer is told they are
    late, without a time (`late_unsure`).

    With `from_now`, the minutes are until the worker arrives ("be there in 20"): late only by
    what runs past the start; arriving by the start is `on_time`, and nobody is told. Without
    minutes ("on my way"), before the start it is `on_the_way`."""
    if on is None:
        rows = bookings_near(session, worker.id, now, LATE_WINDOW, ref)
    else:
        # "20 mins late tomorrow": that day's first booking, however far off
        that_day = bookings_near(session, worker.id, now, on + timedelta(days=1) - now, ref)
        rows = sorted((row for row in that_day if row[1].start >= on), key=lambda r: r[1].start)
    if not rows:
        return OnTheDay("no_booking")
    booking, shift, offer = rows[0]
    if minutes is None:
        # "On my way" before the start says nothing late; after it, how late is asked.
        if from_now and now < shift.start:
            return OnTheDay("on_the_way", booking, shift, offer)
        if not unsure:
            return OnTheDay("how_late", booking, shift, offer)
        buyer = session.get(Buyer, shift.buyer_id)
        facts = shift_facts(shift, session.get(Market, shift.market_id), buyer)
        notify_buyer(session, buyer, "buyer_late_unsure", now, worker=worker.name, **facts)
        return OnTheDay("late_unsure", booking, shift, offer)
    if from_now:
        past_start = now + timedelta(minutes=minutes) - shift.start
        minutes = math.ceil(past_start.total_seconds() / 60)
        if minutes <= 0:
            return OnTheDay("on_time", booking, shift, offer)
    buyer = session.get(Buyer, shift.buyer_id)
    facts = shift_facts(shift, session.get(Market, shift.market_id), buyer)
    booking.late_minutes = minutes
    session.add(booking)
    postpone_checkin_check(session, booking, shift, minutes)
    notify_buyer(
        session, buyer, "buyer_late", now, worker=worker.name, late_minutes=minutes, **facts
    )
    return OnTheDay("late_noted", booking, shift, offer)


def under_way(
    session: Session, worker_id: int, now: datetime, ref: str | None = None
) -> list[tuple[Booking, Shift, Offer]]:
    """The worker's bookings already under way, checked in to or not: too late to drop, and
    the buyer is waiting on them, or working beside them."""
    return bookings_near(session, worker_id, now, timedelta(0), ref)


# The most of a worker's own words passed on to the buyer in one text.
WORDS_PASSED_ON = 120


def check_in(
    session: Session,
    worker: Worker,
    now: datetime,
    ref: str | None = None,
    words: str | None = None,
) -> OnTheDay:
    """The worker is at work: checked_in_at is set once, for the booking starting about now.
    `words` ("here but nobody is answering the door") go to the buyer, who can let them in."""
    rows = bookings_near(session, worker.id, now, CHECKIN_WINDOW, ref)
    if not rows:
        later = bookings_near(session, worker.id, now, LATE_WINDOW, ref)
        return OnTheDay("too_early", *later[0]) if later else OnTheDay("no_booking")
    booking, shift, offer = rows[0]
    # Conditional, so two HERE texts at once keep the first time.
    claimed = session.execute(
        update(Booking)
        .where(col(Booking.id) == booking.id, col(Booking.checked_in_at).is_(None))
        .values(checked_in_at=now)
    ).rowcount
    session.refresh(booking)
    if words:
        buyer = session.get(Buyer, shift.buyer_id)
        notify_buyer(
            session,
            buyer,
            "buyer_arrival_words",
            now,
            worker=worker.name,
            words=words[:WORDS_PASSED_ON],
            **shift_facts(shift, session.get(Market, shift.market_id), buyer),
        )
    return OnTheDay("checked_in" if claimed else "already_in", booking, shift, offer)
