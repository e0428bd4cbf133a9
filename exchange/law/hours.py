"""Working-time arithmetic over a worker's shifts: pure functions of instants and a zone."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

Span = tuple[datetime, datetime]


def seconds(span: Span) -> int:
    return int((span[1] - span[0]).total_seconds())


def overlap(a: Span, b: Span) -> int:
    """Seconds two spans share."""
    return max(0, int((min(a[1], b[1]) - max(a[0], b[0])).total_seconds()))


def total(spans: Iterable[Span], period: Span) -> int:
    """Seconds of work inside the period (a shift half inside counts half)."""
    return sum(overlap(span, period) for span in spans)


def midnight(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz))


def local_days(span: Span, tz: str) -> list[date]:
    """Every local calendar day the span touches."""
    zone = ZoneInfo(tz)
    first = span[0].astimezone(zone).date()
    last = (span[1] - timedelta(microseconds=1)).astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def day_period(day: date, tz: str) -> Span:
    return midnight(day, tz), midnight(day + timedelta(days=1), tz)


def week_period(day: date, tz: str) -> Span:
    """The week (Monday 00:00 to Monday 00:00, local) holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return midnight(monday, tz), midnight(monday + timedelta(days=7), tz)


def weeks_touched(span: Span, tz: str) -> list[Span]:
    weeks: list[Span] = []
    for day in local_days(span, tz):
        week = week_period(day, tz)
        if week not in weeks:
            weeks.append(week)
    return weeks


def night_periods(span: Span, start: str, end: str, tz: str) -> list[Span]:
    """The nights (e.g. 22:00 to 06:00 local) that could touch the span."""
    zone = ZoneInfo(tz)
    begin, finish = time.fromisoformat(start), time.fromisoformat(end)
    first = span[0].astimezone(zone).date() - timedelta(days=1)
    periods = []
    for n in range((span[1].astimezone(zone).date() - first).days + 1):
        day = first + timedelta(days=n)
        night_end_day = day + timedelta(days=1) if finish <= begin else day
        periods.append(
            (
                datetime.combine(day, begin, tzinfo=zone),
                datetime.combine(night_end_day, finish, tzinfo=zone),
            )
        )
    return periods


def rolling_windows(spans: Sequence[Span], new: Span, length: timedelta) -> list[Span]:
    """The windows of `length` overlapping `new` where the work inside can be greatest.

    Work inside a sliding window changes piecewise linearly, turning only where a window edge
    meets a shift edge, so trying those starts finds the maximum exactly.
    """
    low, high = new[0] - length, new[1]
    starts = {low, high}
    for start, end in [*spans, new]:
        for edge in (start, end, start - length, end - length):
            if low <= edge <= high:
                starts.add(edge)
    return [(start, start + length) for start in sorted(starts)]


def working_day(spans: Sequence[Span], new: Span, rest: timedelta) -> Span:
    """The run of shifts around `new` with less than `rest` between each: one working day."""
    start, end = new
    grew = True
    while grew:
        grew = False
        for other in spans:
            if (
                other[0] < end + rest
                and other[1] > start - rest
                and (other[0] < start or other[1] > end)
            ):
                start, end = min(start, other[0]), max(end, other[1])
                grew = True
    return start, end


def hm(seconds: float) -> str:
    """A length of time as 9h30 or 11h."""
    minutes = round(seconds / 60)
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes % 60 else f"{minutes // 60}h"
