"""Deadlines: moments something must happen, kept as rows so a restart neither loses nor repeats them.

A rule schedules a deadline in the transaction that creates the need for it; the scheduler's sweep
claims each due row once and calls the handler exchange.timers names for its kind, in one
transaction.
"""

from datetime import datetime

from sqlmodel import Session

from store.models import Deadline


def schedule(
    session: Session,
    kind: str,
    due_at: datetime,
    now: datetime,
    booking_id: int | None = None,
    timesheet_id: int | None = None,
) -> Deadline:
    deadline = Deadline(
        kind=kind, due_at=due_at, booking_id=booking_id, timesheet_id=timesheet_id, created_at=now
    )
    session.add(deadline)
    return deadline
