"""On the day of a shift, what a worker does by text: say they are running late, that they have
arrived, that they are done. Each acts only on the worker's own bookings; the buyer hears by the
notices the market writes."""

from datetime import datetime

from exchange import arrival, timesheets
from exchange.arrival import OnTheDay
from services.unit import Unit
from store.models import Booking, Offer, Shift, Timesheet, Worker


def report_late(
    db: Unit,
    worker_id: int,
    minutes: int | None,
    ref: str | None,
    now: datetime,
    from_now: bool = False,
    on: datetime | None = None,
    unsure: bool = False,
) -> OnTheDay:
    """LATE 15: the buyer of the booking nearest now (or the first on the day starting at `on`,
    "late tomorrow") is told when the worker will arrive, and the check-in prompt waits that
    long; without minutes nothing changes (`how_late`), unless they were asked and cannot say
    (`unsure`): the buyer is then told they are late (`late_unsure`). With `from_now` ("be
    there in 20"), arriving by the start changes nothing (`on_time`)."""
    with db.write() as session:
        worker = session.get(Worker, worker_id)
        return arrival.report_late(
            session, worker, minutes, now, ref, from_now=from_now, on=on, unsure=unsure
        )


def under_way(
    db: Unit, worker_id: int, now: datetime, ref: str | None = None
) -> list[tuple[Booking, Shift, Offer]]:
    """The worker's bookings under way, checked in to or not."""
    with db.read() as session:
        return arrival.under_way(session, worker_id, now, ref)


def hours_awaited(db: Unit, worker_id: int, now: datetime) -> bool:
    """Whether a shift of the worker's has just ended with no hours sent for it."""
    with db.read() as session:
        return timesheets.hours_awaited(session, worker_id, now)


def check_in(
    db: Unit, worker_id: int, ref: str | None, now: datetime, words: str | None = None
) -> OnTheDay:
    """HERE: the start of the booking beginning about now is recorded, once; the worker's
    `words`, when kept outside, go to the buyer."""
    with db.write() as session:
        return arrival.check_in(session, session.get(Worker, worker_id), now, ref, words)


def check_out(
    db: Unit,
    worker_id: int,
    now: datetime,
    minutes: int | None = None,
    end: datetime | None = None,
    ref: str | None = None,
    end_either_half: bool = False,
    break_minutes: int | None = None,
    hours_or_end: bool = False,
    end_past_booked: int | None = None,
) -> Timesheet:
    """DONE: the worker's hours go to the buyer to confirm (they stand if the buyer says nothing
    in time), with the break they say they took. All or nothing: a refusal leaves the booking
    open."""
    with db.write() as session, session.begin_nested():
        return timesheets.check_out(
            session,
            worker_id,
            now,
            minutes=minutes,
            end=end,
            ref=ref,
            end_either_half=end_either_half,
            break_minutes=break_minutes,
            hours_or_end=hours_or_end,
            end_past_booked=end_past_booked,
        )
