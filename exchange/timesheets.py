"""Timesheets: the hours the worker texted, confirmed or amended by the buyer, then paid.

A booking's reference for buyers is its id in digits; a timesheet's ref is the same string.
Nobody is punished by a timer: with no buyer action the worker's hours stand.
"""

from datetime import datetime, timedelta

from sqlalchemy import exists
from sqlmodel import Session, col, select

from exchange.deadlines import schedule
from exchange.disputes import open_dispute
from exchange.errors import Refused
from exchange.law.breaks import flag_missing_break
from exchange.ledger import format_hours, settle
from exchange.localtime import local
from exchange.notices import notify_buyer, notify_worker
from exchange.shifts import shift_minutes
from store.models import (
    Booking,
    Buyer,
    Deadline,
    Dispute,
    Market,
    Offer,
    Shift,
    Timesheet,
    Worker,
)
from store.statuses import BookingStatus, TimesheetStatus

AUTO_CONFIRM = "timesheet_auto_confirm"
# A worker may check out a little before the booked start (a shift that began early).
EARLY = timedelta(minutes=30)
# How long after a shift's end DONE still finds it.
LATE_CHECKOUT = timedelta(hours=24)
# How long after a shift's end a bare count of hours is taken for its hours.
HOURS_AWAITED = timedelta(hours=12)
LONGEST = 24 * 60


def check_out(
    session: Session,
    worker_id: int,
    now: datetime,
    minutes: int | None = None,
    end: datetime | None = None,
    ref: str | None = None,
    break_minutes: int | None = None,
    end_either_half: bool = False,
    hours_or_end: bool = False,
    end_past_booked: int | None = None,
) -> Timesheet:
    """The worker says they are done: the buyer is asked to confirm the hours.

    Minutes are the figure texted, else from `end` (when they finished), else the booked length;
    the last two less the break told.
    `end_either_half`: the end was said without am/pm, so it may be twelve hours either way.
    `hours_or_end`: `minutes` and `end` are two readings of one figure ("DONE 3:15"); the one
    near the booking stands, and when neither or both are, the worker is asked which.
    `break_minutes` is the break taken, when told; a long shift with too little is flagged to
    the buyer.
    `end_past_booked`: "finished 30 mins early" (-30), "stayed an hour late" (60): when they
    finished, said against the booked end.
    """
    booking, shift = _booking_to_close(session, worker_id, now, ref)
    if end is None and minutes is None and end_past_booked is not None:
        end = shift.end + timedelta(minutes=end_past_booked)
    if hours_or_end and minutes is not None and end is not None:
        minutes, end = _hours_or_end(booking, shift, minutes, end, end_either_half, now)
    span = None
    if minutes is None and end is not None:
        began = _began(booking, shift)
        end = finish_meant(end, end_either_half, began, shift.end, now)
        if end > now + EARLY:
            raise Refused("future_end", "That time is still to come")
        span = _minutes_between(began, end)
    elif minutes is None:
        if now < shift.start:
            # DONE with no hours before the start cannot mean the booked length was worked
            raise Refused("not_started", "Your shift has not started yet")
        if now < shift.end - EARLY:
            # DONE long before the end: the booked length was not worked, and how long was is
            # asked, with the time since the start as the example, never guessed
            so_far = max(30, _minutes_between(_began(booking, shift), now) // 30 * 30)
            raise Refused(
                "before_the_end",
                "The shift has not ended yet",
                end_time=shift.end.isoformat(),
                hours=format_hours(so_far),
            )
        span = shift_minutes(shift)
    if span is not None:
        # From a start and an end, the break told is time not worked: "finished, had 30 mins
        # lunch" on 9-3 is 5.5 hours. Hours texted are the hours worked, the break aside.
        taken = break_minutes or 0
        minutes = span - taken if taken < span else span
    _check_minutes(minutes)
    booking.checked_out_at = now
    timesheet = Timesheet(
        booking_id=booking.id,
        ref=str(booking.id),
        worker_minutes=minutes,
        status=TimesheetStatus.SUBMITTED,
        submitted_at=now,
        break_minutes=break_minutes,
    )
    session.add_all([booking, timesheet])
    session.flush()
    market = session.get(Market, shift.market_id)
    worker = session.get(Worker, worker_id)
    buyer = session.get(Buyer, shift.buyer_id)
    facts = _facts(timesheet, shift, market, minutes)
    notify_buyer(session, buyer, "buyer_timesheet", now, worker=worker.name, **facts)
    notify_worker(session, worker, "timesheet_sent", now, buyer=buyer.name, **facts)
    flag_missing_break(session, timesheet, now)
    due = now + timedelta(hours=market.timesheet_auto_confirm_hours)
    schedule(session, AUTO_CONFIRM, due, now, booking_id=booking.id, timesheet_id=timesheet.id)
    return timesheet


def remind_of_hours_with_the_buyer(session: Session, worker_id: int, now: datetime) -> bool:
    """ "why havent i been paid" while the worker's hours wait for the buyer: where they are
    is told again (sent to the buyer, and when they stand if the buyer says nothing), rather
    than a complaint opened. False when no hours of theirs wait."""
    waiting = session.exec(
        select(Timesheet, Booking, Shift)
        .join(Booking, col(Booking.id) == Timesheet.booking_id)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(Booking.worker_id == worker_id, Timesheet.status == TimesheetStatus.SUBMITTED)
        .order_by(col(Timesheet.id).desc())
        .limit(1)
    ).first()
    if waiting is None:
        return False
    timesheet, booking, shift = waiting
    market = session.get(Market, shift.market_id)
    buyer = session.get(Buyer, shift.buyer_id)
    facts = _facts(timesheet, shift, market, timesheet.worker_minutes)
    worker = session.get(Worker, worker_id)
    notify_worker(session, worker, "timesheet_sent", now, buyer=buyer.name, **facts)
    return True


def buyer_confirm(session: Session, buyer_id: int, ref: str, now: datetime) -> Timesheet:
    """The buyer agrees the worker's hours (withdrawing any amendment); paid at once."""
    timesheet, booking, shift = _for_buyer(session, buyer_id, ref)
    _require_open(timesheet)
    timesheet.buyer_minutes = timesheet.worker_minutes
    _confirm(session, timesheet, now)
    return timesheet


def waiting_for_buyer(session: Session, buyer_id: int) -> list[str]:
    """References of the buyer's timesheets still waiting for them to confirm or amend, newest first."""
    return list(
        session.exec(
            select(Timesheet.ref)
            .join(Booking, col(Booking.id) == Timesheet.booking_id)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .where(Shift.buyer_id == buyer_id, Timesheet.status == TimesheetStatus.SUBMITTED)
            .order_by(col(Timesheet.id).desc())
        )
    )


def buyer_amend(
    session: Session, buyer_id: int, ref: str, minutes: int, now: datetime
) -> Timesheet:
    """The buyer gives other hours: the worker is asked to accept or dispute them."""
    timesheet, booking, shift = _for_buyer(session, buyer_id, ref)
    _require_open(timesheet)
    _check_minutes(minutes)
    if minutes == timesheet.worker_minutes:
        return buyer_confirm(session, buyer_id, ref, now)
    timesheet.buyer_minutes = minutes
    timesheet.status = TimesheetStatus.AMENDED
    timesheet.decided_at = now
    session.add(timesheet)
    facts = _ask_worker_about_changed_hours(session, timesheet, booking, shift, now)
    worker = session.get(Worker, booking.worker_id)
    buyer = session.get(Buyer, buyer_id)
    notify_buyer(session, buyer, "buyer_amend_sent", now, worker=worker.name, **facts)
    return timesheet


def ask_again_about_changed_hours(
    session: Session, worker_id: int, ref: str, now: datetime
) -> None:
    """The buyer's hours asked about once more, with how to agree or dispute them: a YES that
    came long after the question, or after another text, is not taken as agreeing to less pay."""
    timesheet = _amended_for_worker(session, worker_id, ref)
    booking = session.get(Booking, timesheet.booking_id)
    _ask_worker_about_changed_hours(
        session, timesheet, booking, session.get(Shift, booking.shift_id), now
    )


def _ask_worker_about_changed_hours(
    session: Session, timesheet: Timesheet, booking: Booking, shift: Shift, now: datetime
) -> dict[str, object]:
    market = session.get(Market, shift.market_id)
    worker = session.get(Worker, booking.worker_id)
    buyer = session.get(Buyer, shift.buyer_id)
    facts = _facts(timesheet, shift, market, timesheet.buyer_minutes)
    notify_worker(
        session,
        worker,
        "timesheet_amended",
        now,
        buyer=buyer.name,
        worker_hours=format_hours(timesheet.worker_minutes),
        **facts,
    )
    return facts


def amended_timesheets(session: Session, worker_id: int) -> list[Timesheet]:
    """The worker's timesheets waiting for them to accept or dispute the buyer's hours."""
    return list(
        session.exec(
            select(Timesheet)
            .join(Booking, col(Booking.id) == Timesheet.booking_id)
            .where(Booking.worker_id == worker_id, Timesheet.status == TimesheetStatus.AMENDED)
            .order_by(Timesheet.id)
        )
    )


def worker_accept(session: Session, worker_id: int, ref: str, now: datetime) -> Timesheet:
    """The worker agrees the buyer's hours; paid at once."""
    timesheet = _amended_for_worker(session, worker_id, ref)
    _confirm(session, timesheet, now)
    return timesheet


def worker_dispute(
    session: Session, worker_id: int, ref: str, detail: str | None, now: datetime
) -> Dispute:
    """The worker disputes the buyer's hours: the timesheet is held, unpaid, as a dispute about
    the hours for the franchisee to decide."""
    timesheet = _amended_for_worker(session, worker_id, ref)
    return open_dispute(
        session,
        timesheet.booking_id,
        "worker",
        "hours",
        detail or "I do not agree the changed hours",
        now,
    )


def auto_confirm(session: Session, deadline: Deadline, now: datetime) -> None:
    """No buyer action in time: the worker's hours stand and are paid."""
    timesheet = session.get(Timesheet, deadline.timesheet_id)
    if timesheet is None or timesheet.status != TimesheetStatus.SUBMITTED:
        return
    booking = session.get(Booking, timesheet.booking_id)
    shift = session.get(Shift, booking.shift_id)
    market = session.get(Market, shift.market_id)
    worker = session.get(Worker, booking.worker_id)
    buyer = session.get(Buyer, shift.buyer_id)
    facts = _facts(timesheet, shift, market, timesheet.worker_minutes)
    notify_worker(session, worker, "timesheet_stood", now, buyer=buyer.name, **facts)
    notify_buyer(session, buyer, "buyer_stood", now, worker=worker.name, **facts)
    _confirm(session, timesheet, now)


def record_arrival(
    session: Session, buyer_id: int, ref: str, arrived: bool, now: datetime
) -> Booking:
    """The buyer says whether the worker arrived. It is recorded; nobody is punished for it."""
    booking = session.get(Booking, _ref_id(ref))
    shift = session.get(Shift, booking.shift_id) if booking else None
    if shift is None or shift.buyer_id != buyer_id:
        raise Refused("no_booking", f"No booking {ref} of yours")
    if booking.status != BookingStatus.BOOKED:
        raise Refused("not_booked", f"Booking {ref} is {booking.status}")
    market = session.get(Market, shift.market_id)
    if not arrived and now < shift.start:
        # Nobody can have failed to come to a shift not yet begun: the worker is told nothing
        starts = local(shift.start, market.tz)
        raise Refused(
            "not_started", f"Booking {ref} starts {starts:%a %d %b %H:%M}, so nobody is missing yet"
        )
    booking.arrived = arrived
    session.add(booking)
    worker = session.get(Worker, booking.worker_id)
    buyer = session.get(Buyer, buyer_id)
    facts = {
        "booking": str(booking.id),
        "skill": shift.skill,
        "start": shift.start.isoformat(),
        "end": shift.end.isoformat(),
        "tz": market.tz,
    }
    if arrived:
        notify_buyer(session, buyer, "buyer_arrived", now, worker=worker.name, **facts)
        return booking
    notify_buyer(session, buyer, "buyer_noshow", now, worker=worker.name, **facts)
    notify_worker(session, worker, "noshow_reported", now, buyer=buyer.name, **facts)
    return booking


def _booking_to_close(
    session: Session, worker_id: int, now: datetime, ref: str | None
) -> tuple[Booking, Shift]:
    """The worker's most recent started booking without a timesheet, or a refusal saying why."""
    has_timesheet = exists(select(Timesheet.id).where(Timesheet.booking_id == Booking.id))
    rows = session.exec(
        select(Booking, Shift, Offer.ref, has_timesheet)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .outerjoin(Offer, col(Offer.id) == Booking.offer_id)
        .where(
            Booking.worker_id == worker_id,
            Booking.status == BookingStatus.BOOKED,
            col(Shift.start) <= now + EARLY,
            col(Shift.end) >= now - LATE_CHECKOUT,
        )
        .order_by(col(Shift.start).desc(), col(Booking.id).desc())
    ).all()
    if ref is not None:
        rows = [row for row in rows if ref in (str(row[0].id), row[2])]
    for booking, shift, _, closed in rows:
        if not closed:
            return booking, shift
    if rows:
        booking = rows[0][0]
        raise Refused(
            "already_sent",
            f"You already sent your hours for booking {booking.id}",
            booking=booking.id,
        )
    raise Refused("no_booking", "We can't find a booked shift of yours that has started")


def hours_awaited(session: Session, worker_id: int, now: datetime) -> bool:
    """Whether a booking of the worker's has just ended (or is ending) with no hours sent: a
    bare "4h" or "worked till 1" then can only be them."""
    has_timesheet = exists(select(Timesheet.id).where(Timesheet.booking_id == Booking.id))
    return (
        session.exec(
            select(Booking.id)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .where(
                Booking.worker_id == worker_id,
                Booking.status == BookingStatus.BOOKED,
                col(Shift.end) <= now + EARLY,
                col(Shift.end) >= now - HOURS_AWAITED,
                ~has_timesheet,
            )
            .limit(1)
        ).first()
        is not None
    )


def minutes_until(
    session: Session,
    buyer_id: int,
    ref: str,
    hour: int,
    minute: int,
    either_half: bool,
    now: datetime,
) -> int:
    """The minutes the worker of the buyer's booking `ref` worked if they left at hour:minute
    ("she left at 2"): from when they began to the time of day meant, as a checkout reads it."""
    _, booking, shift = _for_buyer(session, buyer_id, ref)
    market = session.get(Market, shift.market_id)
    began = _began(booking, shift)
    day = local(shift.end, market.tz)
    said = day.replace(hour=hour, minute=minute, second=0, microsecond=0)
    left = finish_meant(said, either_half, began, shift.end, now)
    return _minutes_between(began, left)


def _for_buyer(session: Session, buyer_id: int, ref: str) -> tuple[Timesheet, Booking, Shift]:
    timesheet = session.exec(select(Timesheet).where(Timesheet.ref == str(_ref_id(ref)))).first()
    booking = session.get(Booking, timesheet.booking_id) if timesheet else None
    shift = session.get(Shift, booking.shift_id) if booking else None
    if shift is None or shift.buyer_id != buyer_id:
        raise Refused("no_timesheet", f"No hours to confirm for booking {ref}", ref=ref)
    return timesheet, booking, shift


def _amended_for_worker(session: Session, worker_id: int, ref: str) -> Timesheet:
    timesheet = session.exec(
        select(Timesheet)
        .join(Booking, col(Booking.id) == Timesheet.booking_id)
        .where(Booking.worker_id == worker_id, Timesheet.ref == str(_ref_id(ref)))
    ).first()
    if timesheet is None:
        raise Refused("no_timesheet", f"No timesheet {ref} of yours", ref=ref)
    if timesheet.status != TimesheetStatus.AMENDED:
        raise Refused("not_amended", f"Booking {ref} has no changed hours waiting for you", ref=ref)
    return timesheet


def _confirm(session: Session, timesheet: Timesheet, now: datetime) -> None:
    timesheet.status = TimesheetStatus.CONFIRMED
    timesheet.decided_at = now
    session.add(timesheet)
    session.flush()
    settle(session, timesheet.id, now)


def _require_open(timesheet: Timesheet) -> None:
    if timesheet.status == TimesheetStatus.CONFIRMED:
        raise Refused(
            "already_confirmed", f"Booking {timesheet.ref} is already confirmed", ref=timesheet.ref
        )
    if timesheet.status == TimesheetStatus.DISPUTED:
        raise Refused(
            "disputed",
            f"Booking {timesheet.ref} is disputed; staff will contact you",
            ref=timesheet.ref,
        )


def _began(booking: Booking, shift: Shift) -> datetime:
    """When the work began: the booked start, or a later check-in."""
    return max(shift.start, booking.checked_in_at or shift.start)


def _minutes_between(began: datetime, ended: datetime) -> int:
    return int((ended - began).total_seconds() // 60)


# How far from the booked length a figure may be and still be read as the hours worked.
NEAR_BOOKED = 60


def _hours_or_end(
    booking: Booking,
    shift: Shift,
    minutes: int,
    end: datetime,
    either_half: bool,
    now: datetime,
) -> tuple[int | None, datetime | None]:
    """ "DONE 3:15" on a 9-to-3 shift is when they left; on a 9-to-12:30, the hours worked:
    the reading near the booking, as (minutes, None) or (None, end). Refused when neither or
    both are near, so nobody is paid on a guess."""
    began = _began(booking, shift)
    meant = finish_meant(end, either_half, began, shift.end, now)
    from_end = _minutes_between(began, meant) if meant <= now + EARLY else None
    booked = shift_minutes(shift)

    def near(worked: int | None) -> bool:
        return worked is not None and abs(worked - booked) <= NEAR_BOOKED

    # A time still to come is no time they left: the hours it is.
    if from_end is None or from_end == minutes or (near(minutes) and not near(from_end)):
        return minutes, None
    if near(from_end) and not near(minutes):
        return None, meant
    raise Refused(
        "hours_or_end",
        "Hours worked, or the time they left?",
        hours=format_hours(minutes),
        end_time=meant.isoformat(),
    )


def finish_meant(
    said: datetime, either_half: bool, began: datetime, booked_end: datetime, now: datetime
) -> datetime:
    """The finishing time a worker means by the time of day they texted: "finished at 5" the
    next morning is about the shift that ended at 17:00 yesterday, not 05:00 today. Of the times
    it may name (each day, and each half-day when said without am/pm), those after the worker
    began, within a timesheet's longest, and come by now; the one nearest the booked end. When
    none has come yet, the nearest still to come (refused as such); when none fits, as said."""
    step = timedelta(hours=12 if either_half else 24)
    longest = timedelta(minutes=LONGEST)
    could_be = [end for k in range(-8, 9) if began < (end := said + step * k) <= began + longest]
    come = [end for end in could_be if end <= now + EARLY]
    return min(come or could_be or [said], key=lambda end: abs(end - booked_end))


def _check_minutes(minutes: int) -> None:
    if minutes <= 0:
        raise Refused("bad_hours", "That comes to no time worked")
    if minutes > LONGEST:
        raise Refused("bad_hours", "One timesheet can be 24 hours at most")


def _ref_id(ref: str) -> int:
    """A booking reference as typed ('1042', '#1042'); 0 (no booking) when it is not digits."""
    digits = ref.strip().lstrip("#")
    # Longer than any id: also keeps PostgreSQL's integer column from overflowing.
    return int(digits) if digits.isdecimal() and len(digits) <= 9 else 0


def _facts(timesheet: Timesheet, shift: Shift, market: Market, minutes: int) -> dict[str, object]:
    return {
        "booking": timesheet.ref,
        "hours": format_hours(minutes),
        "skill": shift.skill,
        "day": local(shift.start, market.tz).date().isoformat(),
        "auto_hours": market.timesheet_auto_confirm_hours,
        # The break told at checkout, else the one the shift carries, beside the hours
        # (rendered as break_note).
        "break_minutes": shift.break_minutes
        if timesheet.break_minutes is None
        else timesheet.break_minutes,
    }
