"""Instants are stored in UTC and spoken in the market's local time."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def local(instant: datetime, tz: str) -> datetime:
    return instant.astimezone(ZoneInfo(tz))


def to_utc(moment: datetime, tz: str) -> datetime:
    """A naive moment is read as the market's local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return moment.astimezone(UTC)


def format_span(start: datetime, end: datetime, tz: str) -> str:
    """'Sat 28 Nov 10:00-14:00' (the end's day is named when it differs)."""
    a, b = local(start, tz), local(end, tz)
    day = f"{a:%a} {a.day} {a:%b}"
    if a.date() == b.date():
        return f"{day} {a:%H:%M}-{b:%H:%M}"
    return f"{day} {a:%H:%M}-{b:%a} {b:%H:%M}"


def format_day(instant: datetime, tz: str) -> str:
    a = local(instant, tz)
    return f"{a:%a} {a.day} {a:%b}"
