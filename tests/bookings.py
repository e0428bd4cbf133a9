"""Bookings for the money tests, made through the real rules: post, offer, YES, DONE."""

from datetime import datetime, timedelta

from sqlmodel import Session, select

from exchange import offers, timesheets
from exchange.availability import post_availability
from store.models import Booking, Notice, Shift, Timesheet, Worker
from tests import factories


def book(
    session: Session,
    now: datetime,
    phone: str = "+447700900101",
    rate: int = 1300,
    start: datetime | None = None,
    hours: int = 4,
    name: str = "Ann Smith",
) -> tuple[Booking, Shift, Worker]:
    """`phone`'s worker booked on a new shift (default tomorrow 09:00-13:00 UTC) at `rate`."""
    start = start or (now + timedelta(days=1)).replace(hour=9, minute=0)
    worker = session.exec(select(Worker).where(Worker.phone == phone)).first()
    if worker is None:
        worker = factories.worker(session, phone, now, rate=rate, name=name, free_from=start)
    else:
        post_availability(session, worker.id, start, start + timedelta(hours=hours), now)
    shift = factories.shift(session, now, start=start, hours=hours, max_rate=max(rate, 1450))
    (offer,) = [o for o in offers.send_wave(session, shift.id, now) if o.worker_id == worker.id]
    answer = offers.accept(session, worker.id, offer.ref, now)
    assert answer.outcome == "booked", answer
    return answer.booking, shift, worker


def submitted(
    session: Session, now: datetime, minutes: int = 240, **terms
) -> tuple[Timesheet, Booking, Shift, Worker]:
    """A booking whose worker has texted DONE `minutes` at the shift's end."""
    booking, shift, worker = book(session, now, **terms)
    timesheet = timesheets.check_out(session, worker.id, shift.end, minutes=minutes)
    return timesheet, booking, shift, worker


def notices(session: Session, kind: str) -> list[Notice]:
    return list(session.exec(select(Notice).where(Notice.kind == kind).order_by(Notice.id)))
