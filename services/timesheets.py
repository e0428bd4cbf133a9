"""Hours and pay after a shift: the buyer confirms or changes the worker's hours, or says
whether they arrived; the worker accepts changed hours or disputes them, and asks what they
earned. Each acts only on the actor's own timesheets and bookings."""

from datetime import datetime

from exchange import ledger, timesheets
from exchange.ledger import Earnings
from services.unit import Unit
from store.models import Booking, Dispute, Timesheet


def confirm_hours(db: Unit, buyer_id: int, ref: str, now: datetime) -> Timesheet:
    """OK 1042: the worker's hours stand; they are paid and both get a statement."""
    with db.write() as session, session.begin_nested():
        return timesheets.buyer_confirm(session, buyer_id, ref, now)


def change_hours(db: Unit, buyer_id: int, ref: str, minutes: int, now: datetime) -> Timesheet:
    """HOURS 1042 3.5: other hours, which the worker is asked to accept or dispute."""
    with db.write() as session, session.begin_nested():
        return timesheets.buyer_amend(session, buyer_id, ref, minutes, now)


def say_arrived(db: Unit, buyer_id: int, ref: str, arrived: bool, now: datetime) -> Booking:
    """ARRIVED 1042 or NOSHOW 1042: recorded, and on a no-show the worker hears of it."""
    with db.write() as session, session.begin_nested():
        return timesheets.record_arrival(session, buyer_id, ref, arrived, now)


def worked_until(
    db: Unit, buyer_id: int, ref: str, hour: int, minute: int, either_half: bool, now: datetime
) -> int:
    """ "she left at 2": the minutes worked on the buyer's booking, had the worker left then."""
    with db.read() as session:
        return timesheets.minutes_until(session, buyer_id, ref, hour, minute, either_half, now)


def waiting_for_buyer(db: Unit, buyer_id: int) -> list[str]:
    """The buyer's timesheets waiting for them to confirm or change, newest first."""
    with db.read() as session:
        return timesheets.waiting_for_buyer(session, buyer_id)


def changed_hours_to_answer(db: Unit, worker_id: int) -> list[str]:
    """The worker's timesheets whose hours the buyer changed, waiting for their answer."""
    return [ref for ref, _ in changed_hours_waiting(db, worker_id)]


def changed_hours_waiting(db: Unit, worker_id: int) -> list[tuple[str, int | None]]:
    """The same, each with the buyer's minutes."""
    with db.read() as session:
        return [
            (sheet.ref, sheet.buyer_minutes)
            for sheet in timesheets.amended_timesheets(session, worker_id)
        ]


def accept_changed_hours(db: Unit, worker_id: int, ref: str, now: datetime) -> Timesheet:
    """ACCEPT 1042: the worker agrees the buyer's hours and is paid at once."""
    with db.write() as session, session.begin_nested():
        return timesheets.worker_accept(session, worker_id, ref, now)


def remind_of_hours_with_the_buyer(db: Unit, worker_id: int, now: datetime) -> bool:
    """Where the worker's hours are, told again, when they wait for the buyer; else False."""
    with db.write() as session, session.begin_nested():
        return timesheets.remind_of_hours_with_the_buyer(session, worker_id, now)


def ask_again_about_changed_hours(db: Unit, worker_id: int, ref: str, now: datetime) -> None:
    """The buyer's changed hours, asked about once more rather than agreed on a stray YES."""
    with db.write() as session, session.begin_nested():
        timesheets.ask_again_about_changed_hours(session, worker_id, ref, now)


def dispute_changed_hours(
    db: Unit, worker_id: int, ref: str, detail: str | None, now: datetime
) -> Dispute:
    """DISPUTE 1042: the timesheet is held, unpaid, as a dispute about the hours."""
    with db.write() as session, session.begin_nested():
        return timesheets.worker_dispute(session, worker_id, ref, detail, now)


def earnings(db: Unit, worker_id: int, now: datetime, tz: str) -> Earnings:
    """EARNINGS: the worker's own pay this week and this month, before and after tax."""
    with db.read() as session:
        return ledger.earnings(session, worker_id, now, tz)
