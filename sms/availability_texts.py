"""AVAILABLE texts: one window, one per named day ("mon wed fri 9-5"), or a repeating pattern
("every weekday 9-3"), each answered with what was saved."""

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from exchange import offers
from exchange.availability import post_availability
from exchange.errors import Refused
from exchange.localtime import format_day
from exchange.notices import notify_worker
from exchange.recurring import WEEKDAYS, add_pattern, windows_on_days
from exchange.workers import update_terms
from sms.parser import Parsed
from store.models import Market, Worker

EXAMPLE = "e.g. AVAILABLE SAT 9-5"
WEEKDAY_NAMES = {day: day.title() for day in WEEKDAYS}


def availability(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """Save the worker's free time (and a new rate said with it), then offer open shifts that fit."""
    zone = ZoneInfo(market.tz)
    start, end = parsed.start.astimezone(zone), parsed.end.astimezone(zone)
    times = f"{start:%H:%M}-{end:%H:%M}"
    try:
        # A savepoint: a refusal leaves the worker's terms and windows as they were.
        with session.begin_nested():
            if parsed.rate is not None and parsed.rate != worker.asking_rate_minor:
                update_terms(session, worker, now, asking_rate_minor=parsed.rate)
            if parsed.recurring:
                pattern = add_pattern(
                    session, worker.id, parsed.days, f"{start:%H:%M}", f"{end:%H:%M}", now
                )
            else:
                spans = windows_on_days(parsed.start, parsed.end, parsed.days, market.tz)
                windows = [post_availability(session, worker.id, *span, now) for span in spans]
    except Refused as refusal:
        notify_worker(session, worker, "refused", now, reason=refusal.message, example=EXAMPLE)
        return
    money = {"rate": parsed.rate, "currency": worker.currency}
    if parsed.recurring:
        notify_worker(
            session,
            worker,
            "availability_repeats",
            now,
            days=days_text(pattern.days),
            times=times,
            **money,
        )
    elif len(spans) == 1:
        notify_worker(
            session,
            worker,
            "availability_saved",
            now,
            start=windows[0].start.isoformat(),
            end=windows[0].end.isoformat(),
            tz=market.tz,
            **money,
        )
    else:
        dates = and_list([format_day(begins, market.tz) for begins, _ in spans])
        notify_worker(
            session, worker, "availability_saved_days", now, dates=dates, times=times, **money
        )
    offers.offer_open_shifts(session, worker.id, now)


def days_text(days: list[str]) -> str:
    """['mon'..'fri'] -> 'weekday', all seven -> 'day', else 'Mon, Wed and Fri'."""
    if set(days) == set(WEEKDAYS):
        return "day"
    if set(days) == set(WEEKDAYS[:5]):
        return "weekday"
    return and_list([WEEKDAY_NAMES[day] for day in days])


def and_list(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
