"""Reminders and the check-in check: deadlines scheduled when a booking is made.

Each handler runs once, in the transaction that claims its deadline, and does nothing for a
booking that is no longer "booked" (dropped or cancelled since).
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlmodel import Session, col

from exchange.deadlines import schedule
from exchange.localtime import local
from exchange.notices import notify_buyer, notify_worker
from exchange.shifts import shift_facts
from store.models import Booking, Buyer, Deadline, Market, Offer, Shift, Worker
from store.statuses import BookingStatus

EVENING = "reminder_evening"
BEFORE = "reminder_before"
CHECKIN = "checkin_check"


def schedule_for_booking(
    session: Session, booking: Booking, shift: Shift, market: Market, now: datetime
) -> list[Deadline]:
    """The evening-before and hours-before reminders (those still ahead) and the check-in check."""
    before = shift.start - timedelta(minutes=market.reminder_before_minutes)
    evening = evening_before(shift.start, market)
    made = []
    # A reminder the evening before that would come after the hours-before one says nothing new.
    if now < evening < before:
        made.append(schedule(session, EVENING, evening, now, booking_id=booking.id))
    if before > now:
        made.append(schedule(session, BEFORE, before, now, booking_id=booking.id))
    check_at = shift.start + timedelta(minutes=market.checkin_grace_minutes)
    made.append(schedule(session, CHECKIN, check_at, now, booking_id=booking.id))
    return made


def evening_before(start: datetime, market: Market) -> datetime:
    """market.reminder_evening, local time, on the day before the shift starts."""
    zone = ZoneInfo(market.tz)
    day = local(start, market.tz).date() - timedelta(days=1)
    hours, minutes = (int(part) for part in market.reminder_evening.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=zone).astimezone(UTC)


def postpone_checkin_check(session: Session, booking: Booking, shift: Shift, late: int) -> None:
    """A worker who said they are late is not asked about until the grace after their new time."""
    market = session.get(Market, shift.market_id)
    due = shift.start + timedelta(minutes=late + market.checkin_grace_minutes)
    session.execute(
        update(Deadline)
        .where(
            col(Deadline.kind) == CHECKIN,
            col(Deadline.booking_id) == booking.id,
            col(Deadline.done_at).is_(None),
        )
        .values(due_at=due)
    )


def _still_booked(session: Session, deadline: Deadline) -> tuple[Booking, Shift, Market] | None:
    booking = session.get(Booking, deadline.booking_id)
    if booking is None or booking.status != BookingStatus.BOOKED:
        return None
    shift = session.get(Shift, booking.shift_id)
    return booking, shift, session.get(Market, shift.market_id)


def _remind(session: Session, deadline: Deadline, now: datetime, kind: str) -> bool:
    """Send the reminder unless its moment has passed; False when it was dropped as late."""
    found = _still_booked(session, deadline)
    if found is None:
        return True
    booking, shift, market = found
    if now >= spoken_until(kind, shift, market):
        return False
    buyer = session.get(Buyer, shift.buyer_id)
    notify_worker(
        session,
        session.get(Worker, booking.worker_id),
        kind,
        now,
        ref=session.get(Offer, booking.offer_id).ref,
        contact=buyer_contact(buyer),
        **shift_facts(shift, market, buyer),
    )
    return True


def spoken_until(kind: str, shift: Shift, market: Market) -> datetime:
    """The moment after which a timer's words would be wrong: "Tomorrow: ..." once the shift's
    day has begun, "Soon: ..." once the shift has, and asking whether someone arrived once the
    shift is over (the timesheet asks then)."""
    if kind == EVENING:
        day = local(shift.start, market.tz).date()
        return datetime.combine(day, time(0), tzinfo=ZoneInfo(market.tz)).astimezone(UTC)
    if kind == BEFORE:
        return shift.start
    return shift.end


def buyer_contact(buyer: Buyer) -> str:
    """Who to ask for on the day, and their number: 'Mary Jones, +447700900999'."""
    return ", ".join(part for part in (buyer.contact_name or buyer.name, buyer.phone) if part)


def remind_the_evening_before(session: Session, deadline: Deadline, now: datetime) -> bool:
    return _remind(session, deadline, now, EVENING)


def remind_before_the_start(session: Session, deadline: Deadline, now: datetime) -> bool:
    return _remind(session, deadline, now, BEFORE)


def ask_the_buyer_if_they_arrived(session: Session, deadline: Deadline, now: datetime) -> bool:
    """No check-in by the grace time: the buyer is asked, and decides; the timer punishes nobody."""
    found = _still_booked(session, deadline)
    if found is None:
        return True
    booking, shift, market = found
    if booking.checked_in_at is not None or booking.arrived is not None:
        return True
    if now >= spoken_until(CHECKIN, shift, market):
        return False
    buyer = session.get(Buyer, shift.buyer_id)
    notify_buyer(
        session,
        buyer,
        CHECKIN,
        now,
        worker=session.get(Worker, booking.worker_id).name,
        booking=str(booking.id),
        start_time=shift.start.isoformat(),
        **shift_facts(shift, market, buyer),
    )
    return True
