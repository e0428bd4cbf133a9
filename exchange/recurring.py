"""Availability that repeats ("every weekday 9-3"), made into windows a fortnight ahead, and the
retiring of windows long past."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from exchange.availability import post_availability
from exchange.errors import Refused
from exchange.localtime import local
from store.models import AvailabilityPattern, AvailabilityWindow, Market, Worker

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HORIZON = timedelta(days=14)
# A window is kept a day after it ends, so "what was I free for yesterday" still has an answer.
RETIRE_AFTER = timedelta(days=1)


def add_pattern(
    session: Session,
    worker_id: int,
    days: Iterable[str],
    start_time: str,
    end_time: str,
    now: datetime,
) -> AvailabilityPattern:
    """Store a repeating pattern (once: the same pattern again is the one kept) and make its windows."""
    days = [day for day in WEEKDAYS if day in set(days)]
    if not days:
        raise Refused("no_days", "Say which days, e.g. every weekday 9-3")
    if start_time == end_time:
        raise Refused("bad_window", "The end must be after the start")
    pattern = next(
        (
            existing
            for existing in session.exec(
                select(AvailabilityPattern).where(AvailabilityPattern.worker_id == worker_id)
            )
            if (existing.days, existing.start_time, existing.end_time)
            == (days, start_time, end_time)
        ),
        None,
    )
    if pattern is None:
        pattern = AvailabilityPattern(
            worker_id=worker_id, days=days, start_time=start_time, end_time=end_time, created_at=now
        )
        session.add(pattern)
        session.flush()
    make_windows(session, pattern, now)
    return pattern


def make_windows(session: Session, pattern: AvailabilityPattern, now: datetime) -> int:
    """Make the pattern's windows up to a fortnight ahead, from where it last stopped."""
    tz = _zone_of(session, pattern.worker_id)
    zone = ZoneInfo(tz)
    today = local(now, tz).date()
    first = today
    if pattern.made_until is not None:
        first = max(first, local(pattern.made_until, tz).date())
    last = local(now + HORIZON, tz).date()
    made = 0
    for day in _days(first, last):
        if WEEKDAYS[day.weekday()] not in pattern.days:
            continue
        start, end = _window(day, pattern.start_time, pattern.end_time, zone)
        if end <= now:
            continue
        window = post_availability(session, pattern.worker_id, start, end, now)
        window.pattern_id = pattern.id
        session.add(window)
        made += 1
    pattern.made_until = datetime.combine(last, time(0), tzinfo=zone).astimezone(UTC)
    session.add(pattern)
    return made


def patterns_due(session: Session, now: datetime) -> list[int]:
    """Patterns whose windows do not yet reach a fortnight ahead (with a day's slack)."""
    horizon = now + HORIZON - timedelta(days=1)
    return list(
        session.exec(
            select(AvailabilityPattern.id).where(
                or_(
                    col(AvailabilityPattern.made_until).is_(None),
                    col(AvailabilityPattern.made_until) <= horizon,
                )
            )
        )
    )


def extend_pattern(session: Session, pattern_id: int, now: datetime) -> int:
    """Claim one pattern's row and top up its windows; a second process finds it already done."""
    pattern = session.exec(
        select(AvailabilityPattern)
        .where(AvailabilityPattern.id == pattern_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    horizon = now + HORIZON - timedelta(days=1)
    if pattern is None or (pattern.made_until is not None and pattern.made_until > horizon):
        return 0
    return make_windows(session, pattern, now)


def retire_windows(session: Session, now: datetime) -> int:
    """Delete windows that ended more than a day ago."""
    return session.execute(
        delete(AvailabilityWindow).where(col(AvailabilityWindow.end) < now - RETIRE_AFTER)
    ).rowcount


def windows_on_days(
    start: datetime, end: datetime, days: Iterable[str], tz: str
) -> list[tuple[datetime, datetime]]:
    """The window start-end and the same hours on each other named day of the coming week."""
    zone = ZoneInfo(tz)
    first = local(start, tz)
    length = end - start
    wanted = set(days) or {WEEKDAYS[first.weekday()]}
    out = []
    for offset in range(7):
        day = first.date() + timedelta(days=offset)
        if WEEKDAYS[day.weekday()] in wanted:
            begins = datetime.combine(day, first.time(), tzinfo=zone)
            out.append((begins.astimezone(UTC), (begins + length).astimezone(UTC)))
    return out


def _zone_of(session: Session, worker_id: int) -> str:
    worker = session.get(Worker, worker_id)
    market = session.get(Market, worker.market_id) if worker and worker.market_id else None
    return market.tz if market else "UTC"


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day < last:
        yield day
        day += timedelta(days=1)


def _window(day: date, start_time: str, end_time: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, _clock(start_time), tzinfo=zone)
    end = datetime.combine(day, _clock(end_time), tzinfo=zone)
    if end <= start:
        end += timedelta(days=1)
    return start, end


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))
