"""Rows that decide eligibility, made as rows: an offer in any state, a booking at any time
(even of a shift already started, which could not be posted), for the property tests."""

from datetime import datetime, timedelta

from sqlmodel import Session

from exchange.offer_reasons import offer_reason
from store.models import Booking, Offer, Shift
from store.statuses import BookingStatus, OfferStatus, ShiftStatus


def offer_row(
    session: Session, shift: Shift, worker_id: int, status: OfferStatus, ref: str, now: datetime
) -> Offer:
    """An offer of the shift to the worker, in the state given."""
    offer = Offer(
        shift_id=shift.id,
        worker_id=worker_id,
        wave=1,
        rank=1,
        ref=ref,
        status=status,
        reason=offer_reason(1, 1, 1300, (shift.start, shift.end), None),
        created_at=now,
    )
    session.add(offer)
    return offer


def booking_row(
    session: Session,
    like: Shift,
    worker_id: int,
    start: datetime,
    status: BookingStatus,
    now: datetime,
) -> Booking:
    """The worker booked (or once booked) on another shift of four hours from `start`, in the
    same market as `like`."""
    elsewhere = Shift(
        market_id=like.market_id,
        buyer_id=like.buyer_id,
        skill="cleaning",
        postcode="E1 7AA",
        start=start,
        end=start + timedelta(hours=4),
        slots=1,
        max_rate_minor=1450,
        currency="GBP",
        status=ShiftStatus.FILLED,
        created_at=now,
    )
    session.add(elsewhere)
    session.flush()
    booking = Booking(
        shift_id=elsewhere.id,
        worker_id=worker_id,
        rate_minor=1300,
        currency="GBP",
        status=status,
        created_at=now,
    )
    session.add(booking)
    return booking
