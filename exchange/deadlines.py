"""Deadlines: moments something must happen, kept as rows so a restart neither loses nor repeats them.

A rule schedules a deadline in the transaction that creates the need for it; the scheduler's sweep
claims each due row once and calls the handler registered for its kind, in one transaction.
"""

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col

from store.models import Deadline

Handler = Callable[[Session, Deadline, datetime], None]
HANDLERS: dict[str, Handler] = {}


def on(kind: str) -> Callable[[Handler], Handler]:
    """Register the handler for one kind of deadline."""

    def register(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return register


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


def fire(session: Session, deadline_id: int, now: datetime) -> bool:
    """Claim one due deadline and run its handler; False when another process already did."""
    claimed = session.execute(
        update(Deadline)
        .where(col(Deadline.id) == deadline_id, col(Deadline.done_at).is_(None))
        .values(done_at=now)
    ).rowcount
    if not claimed:
        return False
    deadline = session.get(Deadline, deadline_id)
    HANDLERS[deadline.kind](session, deadline, now)
    return True
