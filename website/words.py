"""How published figures read on the site: money in the market's currency, weeks as dates,
places by name and code, and a withheld cell said plainly."""

import re
from datetime import date
from typing import Any

from exchange.money import format_money

TOTAL = "*"
WEEKDAY_NAMES = {
    "Mon": "Monday",
    "Tue": "Tuesday",
    "Wed": "Wednesday",
    "Thu": "Thursday",
    "Fri": "Friday",
    "Sat": "Saturday",
    "Sun": "Sunday",
}


def withheld(threshold: int) -> str:
    return f"fewer than {threshold} workers"


def money(minor: int | None, currency: str) -> str:
    return "" if minor is None else format_money(minor, currency)


def amount(minor: int | None) -> str:
    """Minor units as a plain decimal for a CSV: 1350 -> '13.50'."""
    if minor is None:
        return ""
    whole, part = divmod(abs(minor), 100)
    return f"{'-' if minor < 0 else ''}{whole}.{part:02d}"


def week_start(week: str) -> date:
    """'2026-W47' -> the Monday it starts on."""
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 1)


def week_label(week: str) -> str:
    """'2026-W47' -> '16 Nov 2026'."""
    return f"{week_start(week):%-d %b %Y}"


def week_short(week: str) -> str:
    return f"{week_start(week):%-d %b}"


def weeks_span(from_week: str, to_week: str) -> str:
    """The days a span of ISO weeks covers: '2 Nov to 22 Nov 2026'."""
    last = date.fromordinal(week_start(to_week).toordinal() + 6)
    return f"{week_start(from_week):%-d %b} to {last:%-d %b %Y}"


def place_label(code: str, places: dict[str, dict[str, Any]]) -> str:
    """'E3' -> 'Bow (E3)'; an area 'E' -> 'London E (E)'; TOTAL -> 'all places'."""
    if code == TOTAL:
        return "all places"
    name = places.get(code, {}).get("name") or code
    return code if name == code else f"{name} ({code})"


def percent(fraction: float | None) -> str:
    return "" if fraction is None else f"{100 * fraction:.0f}%"


def minutes(value: int | None) -> str:
    if value is None:
        return ""
    hours, rest = divmod(value, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def slug(text: str) -> str:
    """A file name from a market or skill: 'London general' -> 'london-general'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "market"
