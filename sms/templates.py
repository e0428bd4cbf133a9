"""A notice in words: its kind's template in the person's language, its fields said locally, and
the whole fitted to one SMS segment where it can be and never more than two.

Fitting never cuts the words of a template: a text that would take more than two segments is
first sent without diacritics in GSM-7 (160 characters a segment instead of 70), then its longer
free-text fields (a place, a name, a reason) are shortened, and only then is its tail cut. So a
template that puts the reference, the time, the rate and how to reply in its own words keeps them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from string import Formatter
from typing import Any

from exchange.localtime import local
from sms import formats
from sms.catalogs import languages, template
from sms.segments import ELLIPSIS, fit, segments, to_gsm, to_plain_gsm
from sms.words import EN

__all__ = ["EN", "LANGUAGES", "render"]

LANGUAGES = languages()
MOST_SEGMENTS = 2
# Free text a person or the market wrote: shortened, longest first, before anything is cut.
SHRINKABLE = frozenset(
    (
        "place", "buyer", "worker", "name", "contact", "reason", "question", "detail", "lines",
        "identity", "counts", "why_not", "nudge", "flag", "rule_reason", "details", "changes",
        "options", "skills", "thing", "authority", "dates", "days", "refs", "where", "text",
        "summary", "choices",
    )
)  # fmt: skip
_SHORTEST = 8
# How many offers a list of them names with the day each starts; more are listed by number.
_DAYS_LISTED = 4
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ISO_INSTANT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T")
# Fields that hold money in minor units, said in the person's currency format.
_MONEY = frozenset(
    ("gross", "net", "withheld", "markup", "franchisee", "operator", "total", "amount", "q1", "q3",
     "median", "week_gross", "week_net", "month_gross", "month_net", "claim")
)  # fmt: skip
_GROUPS = (list(formats.WEEKDAYS[:5]), list(formats.WEEKDAYS[5:]), list(formats.WEEKDAYS))


def say(kind: str, language: str, **data: Any) -> str:
    """One piece of a text in the language ("Booked 4821: cleaning Sat 12 Dec 09:00-13:00"), to
    be joined into a notice's field; not fitted on its own."""
    language = language if language in LANGUAGES else "en"
    return template(kind, language).format_map(_Fields(data, language))


def and_list(items: list[str], language: str) -> str:
    """["a", "b", "c"] -> "a, b and c", with the language's "and"."""
    if len(items) < 2:
        return "".join(items)
    return say("and_list", language, first=", ".join(items[:-1]), last=items[-1])


def render(kind: str, language: str, data: dict[str, Any]) -> str:
    """The words for one notice, in the person's language where we have it, else English."""
    language = language if language in LANGUAGES else "en"
    words = template(kind, language)
    fields = _Fields(data, language)
    text = to_gsm(words.format_map(fields))
    if segments(text) <= MOST_SEGMENTS:
        return text
    plain = to_plain_gsm(text)
    if segments(plain) <= MOST_SEGMENTS:
        return plain
    return _shrunk(words, fields)


def _shrunk(words: str, fields: _Fields) -> str:
    """Shorten the longest free-text field a fifth at a time until the text fits; then cut."""
    named = {name for _, name, _, _ in Formatter().parse(words) if name}
    values = {name: str(fields[name]) for name in named}
    while True:
        text = to_plain_gsm(words.format_map({**fields.rendered(), **values}))
        if segments(text) <= MOST_SEGMENTS:
            return text
        longest = max(
            (n for n in named & SHRINKABLE if len(values[n]) > _SHORTEST),
            key=lambda n: len(values[n]),
            default=None,
        )
        if longest is None:
            return fit(text, MOST_SEGMENTS)
        value = values[longest].removesuffix(ELLIPSIS)
        keep = max(_SHORTEST - len(ELLIPSIS), len(value) * 4 // 5)
        values[longest] = value[:keep].rstrip(" ,;:-") + ELLIPSIS


class _Fields(dict):
    """Template fields, with money, days and times said in the person's language."""

    def __init__(self, data: dict[str, Any], language: str) -> None:
        super().__init__(data)
        self.data = data
        self.language = language
        self.region = "US" if data.get("currency") == "USD" else "GB"

    def rendered(self) -> dict[str, Any]:
        return {key: self[key] for key in self.data}

    def __missing__(self, key: str) -> Any:
        data, lang = self.data, self.language
        tz = data.get("tz", "UTC")
        if key == "when":
            return formats.span(
                _instant(data["start"]), _instant(data["end"]), tz, lang, self.region
            )
        if key == "expires":
            return f"{local(_instant(data['expires_at']), tz):%H:%M}"
        if key == "break_note":
            minutes = data.get("break_minutes")
            return self._words("break_note", minutes=minutes) if minutes else ""
        if key == "rate_note":
            rate = data.get("rate")
            return self._words("rate_note", rate=self._money(rate)) if rate else ""
        if key == "verdict":
            return self._words(f"verdict_{data['decision']}", amount=data.get("amount", ""))
        if key == "when_said":
            label = data.get("when_day", "")
            part = data.get("when_part") if label != "tonight" else None
            kind, _, days = label.partition(":")
            each = days.split(",")
            day = (
                formats.listed([self._words(f"asked_on_{d}") for d in each], lang, self.region)
                # one day or two; more as the example writes them ("mon-fri"), to stay short
                if kind == "days" and len(each) <= 2 and set(each) <= set(formats.WEEKDAYS)
                else self.day_label(label)
            )
            said = [day, self._words(f"asked_part_{part}") if part else ""]
            return "".join(f" {word}" for word in said if word)
        raise KeyError(key)

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key) if key in self else self.__missing__(key)
        if isinstance(value, dict) and "code" in value:
            return self.piece(value)
        if key.endswith("_when") and isinstance(value, list | tuple):
            tz = self.data.get("tz", "UTC")
            start, end = _instant(value[0]), _instant(value[1])
            return formats.span(start, end, tz, self.language, self.region)
        # By name: "rate" and "..._rate" are money, "..._time" an instant said as local HH:MM,
        # "..._day" an instant said as its local day.
        if (key == "rate" or key.endswith("_rate") or key in _MONEY) and isinstance(value, int):
            return self._money(value)
        if key == "skill" and isinstance(value, str):
            return self._skill(value)
        if key == "category" and isinstance(value, str) and f"category_{value}" in EN:
            return self._words(f"category_{value}")
        if key == "skills" and isinstance(value, list | tuple):
            return ", ".join(self._skill(skill) for skill in value)
        if key == "listed" and isinstance(value, list | tuple) and len(value) > _DAYS_LISTED:
            return ", ".join(ref for ref, _ in value)  # too many to say each one's day in two texts
        if key == "listed" and isinstance(value, list | tuple):
            # Offers listed by number with the day and time each starts: "7313 Fri 27 Nov 09:00"
            tz = self.data.get("tz", "UTC")
            return ", ".join(
                f"{ref} {formats.day(begins := local(_instant(start), tz), self.language, self.region)}"
                f" {begins:%H:%M}"
                for ref, start in value
            )
        if key.endswith("_time") and isinstance(value, str):
            return f"{local(_instant(value), self.data.get('tz', 'UTC')):%H:%M}"
        if key.endswith("_hours") and isinstance(value, list | tuple):
            return formats.hours(value[0], value[1], self.language)
        if key == "example_day":
            label = self.day_label(value)
            return f"{label} " if label else ""
        if key == "command_day":
            return self.day_label(value)
        if key == "changes" and isinstance(value, dict):
            return terms_said(value, self.language, self.data.get("currency", "GBP"))
        if (
            (key in ("day", "day_of") or key.endswith(("_day", "_date")))
            and isinstance(value, str)
            and _ISO_DATE.match(value)
        ):
            said = formats.day(date.fromisoformat(value), self.language, self.region)
            return f"{said} {value[:4]}" if key.endswith("_date") else said
        if key.endswith("_day") and isinstance(value, str) and _ISO_INSTANT.match(value):
            moment = local(_instant(value), self.data.get("tz", "UTC"))
            return formats.day(moment, self.language, self.region)
        if key.endswith("_day") and value in ("today", "tomorrow"):
            return self._words(f"day_{value}_said")
        return value

    def day_label(self, code: str) -> str:
        """A day as an example reply writes it: "tmrw", "28/11", "mon-fri", "every weekday"."""
        kind, _, value = code.partition(":")
        if not code:
            return ""
        if not value:
            return self._words(f"day_{kind}")
        if kind == "date":
            day = date.fromisoformat(value)
            return f"{day.month}/{day.day}" if self.region == "US" else f"{day.day}/{day.month}"
        if kind == "dates":
            return "-".join(self.day_label(f"date:{day}") for day in value.split(".."))
        days = value.split(",")
        if kind in ("days", "next"):
            said = (
                self._words("day_mon_to_fri")
                if days == list(formats.WEEKDAYS[:5])
                else " ".join(self._weekday(formats.WEEKDAYS.index(d)) for d in days)
            )
            return self._words("day_next_week", days=said) if kind == "next" else said
        group = {5: "weekday", 2: "weekend", 7: "every_day"}
        named = group.get(len(days)) if days in _GROUPS else None
        said = (
            self._words(f"day_{named}")
            if named
            else " ".join(self._weekday(formats.WEEKDAYS.index(d)) for d in days)
        )
        return self._words("day_every", days=said)

    def _weekday(self, index: int) -> str:
        if self.language == "en":
            return formats.WEEKDAYS[index]
        return formats.weekday_name(index, self.language, self.region)

    def _skill(self, skill: str) -> str:
        return skill_word(skill, self.language)

    def _money(self, minor: int) -> str:
        return formats.money(minor, self.data.get("currency", "GBP"), self.language, self.region)

    def _words(self, kind: str, **fields: Any) -> str:
        return template(kind, self.language).format_map(fields)

    def piece(self, said: dict[str, Any]) -> str:
        """A piece of words the exchange gave as a code and its fields ({"code": "law_busy"}),
        said in this language with the notice's own place, time zone and currency."""
        inherited = {key: self.data[key] for key in ("tz", "currency") if key in self.data}
        fields = {**inherited, **{key: v for key, v in said.items() if key != "code"}}
        return template(said["code"], self.language).format_map(_Fields(fields, self.language))


def day_said(code: str, language: str, currency: str) -> str:
    """A day code ("tomorrow", "date:2026-11-28", "every:sat,sun") as a reply would write it back,
    in words the parser reads: "tmrw", "28/11" (11/28 in dollars), "every weekend"."""
    return _Fields({"currency": currency}, language).day_label(code)


def terms_said(terms: dict[str, Any], language: str, currency: str) -> str:
    """A worker's terms as they read them: {"asking_rate_minor": 1400, "place": "E1 6AN"} ->
    "your rate is £14.00/hr; your area is E1 6AN"."""
    pieces = {
        "asking_rate_minor": lambda v: say("terms_rate", language, rate=v, currency=currency),
        "place": lambda v: say("terms_place", language, place=v),
        "skills": lambda v: say("terms_skills", language, skills=list(v)),
        "name": lambda v: say("terms_name", language, name=v),
        "travel_miles": lambda v: say("terms_travel", language, miles=v),
        "notice_minutes": lambda v: say("terms_notice", language, notice_hours=v // 60),
        "min_shift_minutes": lambda v: say("terms_shortest", language, minutes=v),
    }
    return "; ".join(pieces[term](value) for term, value in terms.items() if term in pieces)


def skill_word(skill: str, language: str) -> str:
    """A skill by its name in the language, where the catalog has one."""
    kind = f"skill_{skill}"
    return template(kind, language) if kind in EN else skill


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)
