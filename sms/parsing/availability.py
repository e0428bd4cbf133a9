"""AVAILABLE texts: when a worker is free, and at what price."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sms.parsing.days import DaySpec, find_days, is_day_word, window
from sms.parsing.money import find_bare_decimal, find_rate
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text, fuzzy
from sms.parsing.times import (
    AFTERNOON,
    ALL_DAY,
    AM,
    PM,
    Either,
    find_ranges,
    has_lone_time,
    spoken,
)
from sms.parsing.vocab import find_skills

# A number left over once days, times and money are read: most likely a rate without a sign.
_STRAY_NUMBER = re.compile(
    r"(?<![0-9.,:/£$€@-])([0-9]{1,3})(?![0-9.,:/])"
    r"(?!\s*(?:h|hrs?|hours?|m|mins?|minutes?|days?|shifts?|weeks?|people|x|st|nd|rd|th)(?![a-z]))"
)
_TRIGGER_FIRST = frozenset(
    ("available", "avail", "availble", "avaliable", "availabe", "availible", "avl", "avlbl",
     "free", "every", "each")
)  # fmt: skip
_TRIGGER = re.compile(
    r"(?<![a-z])(?:(?:i\s+)?(?:can|could)\s+(?:work|do)|(?:im|i\s+am)\s+(?:free|available|around)"
    r"|free\s+to\s+work|available|avail|availability)(?![a-z])"
)
_NEGATED = re.compile(
    r"(?<![a-z])(?:not|unavailable|cant|cannot|busy|no\s+longer|wont|dont|never|except)(?![a-z])"
)
_EXAMPLE_HOURS = {AM: "8am-12pm", AFTERNOON: "12pm-5pm", PM: "6pm-10pm", None: "9am-5pm"}


def availability_text(t: Text, ctx: Context) -> Parsed | None:
    """A text offering time: AVAILABLE..., free sat..., can work..., or any clock hours."""
    if _NEGATED.search(t.phrase):
        return None  # "not available sat" must never post availability
    said = (
        t.first in _TRIGGER_FIRST
        or fuzzy(t.first, ("available",)) is not None
        or is_day_word(t.first)
        or _TRIGGER.search(t.phrase) is not None
    )
    return availability(t, ctx) if said or has_hours(t, ctx) else None


def availability(t: Text, ctx: Context) -> Parsed:
    """Read an availability text; ask back when the day or the hours are unclear."""
    rate, s = find_rate(t.norm)
    spec, s = find_days(s, ctx.at)
    ranges, invalid, s = find_ranges(s, spec.context)
    if rate is None and ranges:
        rate, s = find_bare_decimal(s)
    skills, _ = find_skills(t.words, ctx.skills)
    found: dict[str, Any] = {
        "days": spec.days,
        "recurring": spec.recurring,
        "rate": rate.minor if rate else None,
        "currency": rate.currency if rate else None,
        "skill": skills[0] if skills else None,
    }
    if spec.bad_date:
        example = (ctx.at + timedelta(days=2)).date()
        day = f"{example.day}/{example.month}" if "/" not in spec.label else spec.label
        return _ask(found, f"Which date? Reply e.g. AVAILABLE {day} 9am-5pm")
    hours = ranges[0] if ranges else (ALL_DAY if spec.all_day else None)
    if hours is None:
        return _ask(found, _which_times(spec, invalid or has_lone_time(s)))
    if isinstance(hours, Either):
        return _ask(found, _morning_or_evening(hours, spec))
    start, end = window(spec, hours, ctx.at)
    question = None
    if len(ranges) > 1:
        question = "One time range per text, please. Reply e.g. AVAILABLE mon 9am-5pm"
    elif rate is None and (stray := _STRAY_NUMBER.search(s)) and 4 <= int(stray.group(1)) <= 200:
        amount = stray.group(1)
        times = f"{spoken(hours.start)}-{spoken(hours.end)}"
        question = (
            f"Is {amount} your rate per hour? Reply e.g. AVAILABLE {_day(spec)}{times} @{amount}"
        )
    return Parsed(
        "availability",
        start=start,
        end=end,
        ambiguous=question is not None,
        question=question,
        **found,
    )


def has_hours(t: Text, ctx: Context) -> bool:
    """Whether a text gives hours of the clock, the mark of availability however it is worded."""
    _, s = find_rate(t.norm)
    spec, s = find_days(s, ctx.at)
    ranges, _, _ = find_ranges(s, spec.context)
    return bool(ranges) or (spec.all_day and spec.said_a_day)


def _ask(found: dict[str, Any], question: str) -> Parsed:
    return Parsed("availability", ambiguous=True, question=question, **found)


def _day(spec: DaySpec) -> str:
    return f"{spec.label} " if spec.label else ""


def _which_times(spec: DaySpec, gave_one_time: bool) -> str:
    label = spec.label or "tmrw"
    part = spec.part_of_day if spec.part_of_day and spec.part_of_day not in label else None
    when = " ".join(w for w in (spec.label, part) if w)
    example = _EXAMPLE_HOURS[spec.context]
    if gave_one_time:
        return f"From what time to what time? Reply e.g. AVAILABLE {label} {example}"
    asked = f"What times are you free {when}?" if when else "What times are you free?"
    return f"{asked} Reply e.g. AVAILABLE {label} {example}"


def _morning_or_evening(hours: Either, spec: DaySpec) -> str:
    morning = f"{spoken(hours.morning.start)}-{spoken(hours.morning.end)}"
    evening = f"{spoken(hours.evening.start)}-{spoken(hours.evening.end)}"
    return f"Did you mean {morning} or {evening}? Reply e.g. AVAILABLE {_day(spec)}{evening}"
