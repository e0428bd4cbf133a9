"""What became of a worker's offers and bookings, for replies that must name them.

A YES that comes just after an offer closed hears that offer's fate; "cant make it wednesday"
finds Wednesday's booking so the worker can be asked to confirm dropping it.
"""

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from exchange.localtime import local
from store.models import Booking, Offer, Shift
from store.statuses import OFFER_CLOSED, BookingStatus

# A YES this long after an offer closed still means that offer.
LATE_ANSWER = timedelta(hours=12)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def last_closed_offer(
    session: Session, worker_id: int, now: datetime
) -> tuple[Offer, Shift] | None:
    """The worker's offer that closed most recently, if it closed within LATE_ANSWER."""
    found = session.exec(
        select(Offer, Shift)
        .join(Shift, col(Shift.id) == Offer.shift_id)
        .where(
            Offer.worker_id == worker_id,
            col(Offer.status).in_(OFFER_CLOSED),
            col(Offer.created_at) >= now - LATE_ANSWER - timedelta(days=1),
        )
        .order_by(col(Offer.expires_at).desc(), col(Offer.id).desc())
    ).first()
    if found is None:
        return None
    offer, shift = found
    closed = offer.answered_at or offer.expires_at or offer.created_at
    if closed is None or now - closed > LATE_ANSWER:
        return None
    return offer, shift


def bookings_ahead(
    session: Session, worker_id: int, now: datetime, tz: str, days: tuple[str, ...] = ()
) -> list[tuple[Booking, Shift, Offer]]:
    """The worker's booked shifts not yet started, soonest first; only on `days` when given
    (weekday codes in the market's zone)."""
    rows = session.exec(
        select(Booking, Shift, Offer)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .join(Offer, col(Offer.id) == Booking.offer_id)
        .where(
            Booking.worker_id == worker_id,
            Booking.status == BookingStatus.BOOKED,
            col(Shift.start) > now,
        )
        .order_by(Shift.start)
    ).all()
    if not days:
        return list(rows)
    return [row for row in rows if WEEKDAYS[local(row[1].start, tz).weekday()] in days]
