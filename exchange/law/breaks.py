"""Rest breaks: what a shift must carry, and a timesheet that records none on a long shift."""

from datetime import datetime

from sqlmodel import Session

from exchange.law.checks import ADULT_AGE
from exchange.law.hours import hm
from exchange.law.rules import load, local_day, worker_age
from exchange.localtime import local
from exchange.notices import notify_buyer
from store.models import Booking, Buyer, Market, Shift, Timesheet, Worker


def break_flag(
    session: Session,
    shift: Shift,
    minutes_worked: int,
    break_minutes: int | None,
    worker: Worker | None = None,
) -> str | None:
    """Why a timesheet's break falls short of the law for this shift, or None when it does not.

    No break recorded (None) counts as none taken. The worker's age is used when known.
    """
    market = session.get(Market, shift.market_id)
    day = local_day(shift.start, market)
    age = worker_age(worker, day) if worker is not None else None
    needed = load(session, market).required_break(
        ADULT_AGE if age is None else age, minutes_worked, day
    )
    if needed is None or (break_minutes or 0) >= needed[0]:
        return None
    taken = "No break" if not break_minutes else f"A {break_minutes}-minute break"
    return (
        f"{taken} recorded on {hm(minutes_worked * 60)} of work; the law asks for "
        f"{needed[0]} minutes ({needed[1].law})"
    )


def flag_missing_break(session: Session, timesheet: Timesheet, now: datetime) -> str | None:
    """Tell the buyer when a timesheet records too little break; returns the flag, if any."""
    booking = session.get(Booking, timesheet.booking_id)
    shift = session.get(Shift, booking.shift_id)
    minutes = timesheet.buyer_minutes or timesheet.worker_minutes
    flag = break_flag(
        session, shift, minutes, timesheet.break_minutes, session.get(Worker, booking.worker_id)
    )
    if flag is not None:
        market = session.get(Market, shift.market_id)
        notify_buyer(
            session,
            session.get(Buyer, shift.buyer_id),
            "buyer_break_missing",
            now,
            timesheet=timesheet.ref,
            shift=shift.ref,
            skill=shift.skill,
            day=local(shift.start, market.tz).date().isoformat(),
            flag=flag,
        )
    return flag
