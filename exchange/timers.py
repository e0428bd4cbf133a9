"""Every kind of deadline and the one function that handles it, in one place; and firing one.

A handler returns False when it found its moment passed and said nothing (a reminder after the
shift began); anything else means it did its work.
"""

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col

from exchange import reminders, timesheets
from store.models import Deadline

Handler = Callable[[Session, Deadline, datetime], bool | None]

HANDLERS: dict[str, Handler] = {
    reminders.EVENING: reminders.remind_the_evening_before,
    reminders.BEFORE: reminders.remind_before_the_start,
    reminders.CHECKIN: reminders.ask_the_buyer_if_they_arrived,
    timesheets.AUTO_CONFIRM: timesheets.auto_confirm,
}
# What firing one deadline came to.
FIRED, LATE = "fired", "late"


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
