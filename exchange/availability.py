"""Availability: windows a worker says they are free. Windows that overlap or touch merge; a
worker free no longer takes them back, a day at a time or every such day from now on."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from exchange.errors import Refused
from exchange.localtime import local
from store.models import AvailabilityPattern, AvailabilityWindow

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

LONGEST_WINDOW = timedelta(days=1)


def post_availability(
    session: Session, worker_id: int, start: datetime, end: datetime, now: datetime
) -> AvailabilityWindow:
    """Record a window (merged with any it overlaps or touches); a window already over is refused."""
    if end <= start:
        raise Refused("bad_window", "The end must be after the start")
    if end <= now:
        raise Refused("past_window", "That time has already passed")
    if end - start > LONGEST_WINDOW:
        raise Refused("long_window", "A window can be at most 24 hours")
    start = max(start, now)
    touching = session.exec(
        select(AvailabilityWindow).where(
            AvailabilityWindow.worker_id == worker_id,
            col(AvailabilityWindow.start) <= end,
            col(AvailabilityWindow.end) >= start,
        )
    ).all()
    for window in touching:
        start, end = min(start, window.start), max(end, window.end)
        session.delete(window)
    merged = AvailabilityWindow(worker_id=worker_id, start=start, end=end, created_at=now)
    if touching:
        merged.created_at = min(w.created_at or now for w in touching)
    session.add(merged)
    session.flush()
    return merged


def upcoming_windows(session: Session, worker_id: int, now: datetime) -> list[AvailabilityWindow]:
    return list(
        session.exec(
            select(AvailabilityWindow)
            .where(AvailabilityWindow.worker_id == worker_id, col(AvailabilityWindow.end) > now)
            .order_by(AvailabilityWindow.start)
        )
    )


@dataclass(frozen=True)
class Withdrawn:
    """What a worker's "busy" took back: the dates no longer free, and whether it repeats."""

    dates: tuple[date, ...]
    every: tuple[str, ...]  # weekdays no longer free every week, from now on
    windows: int


def withdraw_availability(
    session: Session,
    worker_id: int,
    now: datetime,
    tz: str,
    days: Sequence[str] = (),
    on: date | None = None,
    every: bool = False,
    until: date | None = None,
) -> Withdrawn:
    """Free no longer: on the date `on` (to `until`, for days on end), on the next of each of
    `days`, or (`every`) on each of `days` from now on, the repeating free times too. Bookings
    stay: dropping one is its own command, asked back like any other."""
    if on is None and not days:
        raise Refused("no_days", "Say which days")
    today = local(now, tz).date()
    wanted = {WEEKDAYS.index(day) for day in days}
    if on is not None:
        dates = {on + timedelta(days=k) for k in range(((until or on) - on).days + 1)}
    elif every:
        dates = set()
    else:
        dates = {today + timedelta(days=(day - today.weekday()) % 7) for day in wanted}
    removed = 0
    for window in upcoming_windows(session, worker_id, now):
        day = local(window.start, tz).date()
        if day in dates or (every and day.weekday() in wanted):
            session.delete(window)
            removed += 1
    if every:
        patterns = session.exec(
            select(AvailabilityPattern).where(AvailabilityPattern.worker_id == worker_id)
        ).all()
        for pattern in patterns:
            # Kept, though it may repeat nothing now: past free times still point at it.
            pattern.days = [day for day in pattern.days if day not in days]
            session.add(pattern)
    session.flush()
    return Withdrawn(
        tuple(sorted(dates)), tuple(d for d in WEEKDAYS if d in days) if every else (), removed
    )
