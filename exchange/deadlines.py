"""Deadlines: moments something must happen, kept as rows so a restart neither loses nor repeats them.

A rule schedules a deadline in the transaction that creates the need for it; the scheduler's sweep
claims each due row once and calls the handler registered for its kind, in one transaction.
"""

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col

from store.models import Deadline

# A handler returns False when it found its moment passed and said nothing (a reminder after
# the shift began); anything else means it did its work.
Handler = Callable[[Session, Deadline, datetime], bool | None]
HANDLERS: dict[str, Handler] = {}
# What firing one deadline came to.
FIRED, LATE = "fired", "late"


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


def fire(session: Session, deadline_id: int, now: datetime) -> str | None:
    """Claim one due deadline and run its handler: FIRED, LATE when the handler dropped it as
    too late to say, None when another process already claimed it."""
    claimed = session.execute(
        update(Deadline)
        .where(col(Deadline.id) == deadline_id, col(Deadline.done_at).is_(None))
        .values(done_at=now)
    ).rowcount
    if not claimed:
        return None
    deadline = session.get(Deadline, deadline_id)
    return LATE if HANDLERS[deadline.kind](session, deadline, now) is False else FIRED
