"""Every deadline the exchange schedules has its handler named in exchange.timers."""

from sqlmodel import select

from exchange.timers import HANDLERS
from store.models import Deadline
from tests.bookings import submitted


def test_each_deadline_a_booking_and_its_timesheet_schedule_has_a_handler(db, now):
    with db.write() as session:
        submitted(session, now)
        kinds = set(session.exec(select(Deadline.kind)).all())
    # Two reminders, the check-in check and the timesheet's auto-confirmation.
    assert len(kinds) == 4
    assert kinds <= set(HANDLERS)
