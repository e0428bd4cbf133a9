"""Availability: windows a worker says they are free. Windows that overlap or touch merge."""

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from exchange.errors import Refused
from store.models import AvailabilityWindow

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
