"""The words of seeded texts: the exchange's own reply templates, and what workers type.

Bodies are filled from the same templates `sms.templates.render` uses, with the fields already
rendered, because rendering each of a million texts from scratch would take most of the run.
A test renders a sample of seeded notices the slow way and compares.
"""

import random
from datetime import datetime
from string import Formatter
from typing import Any

from exchange.localtime import format_day, format_span, local
from exchange.money import format_money
from sms.segments import GSM7_BASIC, GSM7_PART, GSM7_SINGLE, fit, segments, to_gsm
from sms.templates import EN, render

# Characters our seeded values may hold: they never change a text's encoding or length.
_SAFE = frozenset(GSM7_BASIC) - {"\n", "\r"}


class Bodies:
    """Fills reply templates fast; knows which kinds the exchange can say today."""

    def __init__(self) -> None:
        self._templates: dict[str, tuple[str, bool]] = {}

    def has(self, kind: str) -> bool:
        """Whether the exchange has words for this kind of notice yet."""
        return kind in EN

    def __call__(
        self,
        kind: str,
        said: dict[str, Any],
        facts: dict[str, Any] | None,
        extra: dict[str, Any],
    ) -> tuple[str, int]:
        """The text for one notice and how many segments it costs.

        `said` holds the template's fields already spoken; a template asking for a field it
        lacks (the words moved on) is rendered the slow, sure way from the notice data.
        """
        template = self._templates.get(kind)
        if template is None:
            words = to_gsm(EN[kind])
            literal = "".join(text for text, _, _, _ in Formatter().parse(words))
            template = self._templates[kind] = (words, all(ch in _SAFE for ch in literal))
        words, plain = template
        try:
            body = words.format_map(said)
        except (KeyError, IndexError, ValueError):
            body = render(kind, "en", {**extra, **facts} if facts else extra)
            return body, segments(body)
        # Seeded values are plain GSM-7 too, so length alone tells the segments.
        if plain and len(body) <= GSM7_SINGLE:
            return body, 1
        if plain and len(body) <= 2 * GSM7_PART:
            return body, 2
        body = fit(to_gsm(body))
        return body, segments(body)


class Spoken:
    """Times and money as texts say them, remembered since the same few recur all the time."""

    def __init__(self, tz: str, currency: str) -> None:
        self.tz = tz
        self.currency = currency
        self._spans: dict[tuple[datetime, datetime], str] = {}
        self._days: dict[datetime, str] = {}
        self._money: dict[int, str] = {}

    def span(self, start: datetime, end: datetime) -> str:
        key = (start, end)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = format_span(start, end, self.tz)
        return found

    def day(self, instant: datetime) -> str:
        key = instant.replace(minute=0, second=0, microsecond=0)
        found = self._days.get(key)
        if found is None:
            found = self._days[key] = format_day(instant, self.tz)
        return found

    def money(self, minor: int) -> str:
        found = self._money.get(minor)
        if found is None:
            found = self._money[minor] = format_money(minor, self.currency)
        return found

    def clock(self, instant: datetime) -> str:
        return f"{local(instant, self.tz):%H:%M}"


# What workers type. Each availability text reads back as the window it made (a test parses them).
_FREE = ("AVAILABLE", "available", "Available", "Avail", "avail", "free", "Free", "FREE")
_TOMORROW = ("tmrw", "tomorrow", "Tomorrow", "TMRW")
_YES = ("Y {}", "y {}", "YES {}", "Yes {}", "yes {}", "Y{}", "y{}")
_NO = ("N {}", "n {}", "NO {}", "No {}", "no thanks {}")
_HELLO = ("Hi", "hi", "Hello", "JOIN", "join", "hello")


def hours_text(rng: random.Random, start: int, end: int) -> str:
    """'9-17', '9am-5pm' or '09:00-17:00' for whole local hours."""
    style = rng.random()
    if style < 0.45:
        return f"{start}-{end}"
    if style < 0.8:
        return f"{_twelve(start)}-{_twelve(end)}"
    return f"{start:02d}:00-{end:02d}:00"


def _twelve(hour: int) -> str:
    if hour == 12:
        return "12pm"
    return f"{hour}am" if hour < 12 else f"{hour - 12}pm"


def availability_text(
    rng: random.Random, days_ahead: int, day: datetime, start: int, end: int, rate: str | None
) -> str:
    """A worker saying when they are free, as people write it."""
    if days_ahead == 0:
        when = rng.choice(("today", "today", "Today", "TODAY"))
    elif days_ahead == 1:
        when = rng.choice(_TOMORROW)
    else:
        name = f"{day:%a}" if rng.random() < 0.7 else f"{day:%A}"
        when = name.upper() if rng.random() < 0.5 else name
    text = f"{rng.choice(_FREE)} {when} {hours_text(rng, start, end)}"
    return f"{text} {rate}" if rate else text


def yes_text(rng: random.Random, ref: str) -> str:
    return rng.choice(_YES).format(ref)


def no_text(rng: random.Random, ref: str) -> str:
    return rng.choice(_NO).format(ref)


def hello_text(rng: random.Random) -> str:
    return rng.choice(_HELLO)
