"""Money, days and times as a person reads them in their language (Babel, CLDR's data).

English keeps the exchange's own short forms ("£13.50", "Wed 9 Dec 10:00-16:00", "9am-5pm"),
which workers already text back; every other language takes its locale's forms from Babel.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal

from exchange.localtime import local
from exchange.money import format_money

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The locale of a language, by the market's region where that makes a difference.
_LOCALES = {
    ("en", "US"): "en_US",
    ("es", "US"): "es_US",
    ("pt", "US"): "pt_BR",
}


def locale_of(language: str, region: str = "GB") -> str:
    """The Babel locale for a language in a market's region: ("pt", "US") -> "pt_BR"."""
    from sms.parsing.lexicon import languages

    if (language, region) in _LOCALES:
        return _LOCALES[(language, region)]
    found = languages().get(language)
    return found.locale if found else "en_GB"


def listed(items: list[str], language: str, region: str = "GB") -> str:
    """Items as the language lists them: "sat and sun", "w sobotę i w niedzielę"."""
    return format_list(items, locale=locale_of(language, region))


def money(minor: int, currency: str, language: str, region: str = "GB") -> str:
    """1350 GBP: "£13.50" in English, "13,50 £" in Polish (the symbol, never the ISO code)."""
    if language == "en":
        return format_money(minor, currency)
    loc = Locale.parse(locale_of(language, region))
    symbol = _symbol(currency)
    amount = format_decimal(Decimal(abs(minor)) / 100, format="#,##0.00", locale=loc)
    pattern = loc.currency_formats["standard"].pattern.split(";")[0]
    sign = "-" if minor < 0 else ""
    # Where the locale puts the symbol (before or after, with or without a space).
    before, _, after = pattern.partition("#")
    after = after.rsplit("0", 1)[-1] if "0" in after else after
    prefix = before.replace("¤", symbol).replace("\xa0", " ")
    suffix = after.replace("¤", symbol).replace("\xa0", " ")
    return f"{sign}{prefix}{amount}{suffix}".replace("\xa0", " ").strip()


def _symbol(currency: str) -> str:
    return {"GBP": "£", "USD": "$", "EUR": "€"}.get(currency, currency)


@cache
def _weekday_names(language: str, region: str) -> tuple[str, ...]:
    names = get_day_names("abbreviated", locale=locale_of(language, region))
    return tuple(names[i].rstrip(".") for i in range(7))


def weekday(index: int, language: str, region: str = "GB") -> str:
    """A weekday's short name: 5 -> "Sat", "sáb", "sob", "sâm", "sáb"."""
    if language == "en":
        return WEEKDAYS[index].title()
    return _weekday_names(language, region)[index]


@cache
def _wide_names(language: str, region: str) -> tuple[str, ...]:
    names = get_day_names("wide", locale=locale_of(language, region))
    return tuple(names[i] for i in range(7))


def weekday_name(index: int, language: str, region: str = "GB") -> str:
    """A weekday's full name, as a worker may text it back: 5 -> "sábado", "sobota", "sâmbătă"."""
    return _wide_names(language, region)[index]


def day(moment: datetime | date, language: str, region: str = "GB") -> str:
    """ "Wed 9 Dec" in English, "śr. 9 gru" in Polish."""
    if language == "en":
        return f"{moment:%a} {moment.day} {moment:%b}"
    return format_date(moment, "EEE d MMM", locale=locale_of(language, region)).replace(".", "")


def span(start: datetime, end: datetime, tz: str, language: str, region: str = "GB") -> str:
    """ "Wed 9 Dec 10:00-16:00" (the end's day named when it differs), in the language."""
    a, b = local(start, tz), local(end, tz)
    first = day(a, language, region)
    if a.date() == b.date():
        return f"{first} {a:%H:%M}-{b:%H:%M}"
    return f"{first} {a:%H:%M}-{weekday(b.weekday(), language, region)} {b:%H:%M}"


def clock(minutes: int, language: str) -> str:
    """A time of day as people text it: 540 -> "9am" in English, "9" elsewhere; 570 -> "9:30"."""
    hour, minute = divmod(minutes % (24 * 60), 60)
    if language == "en":
        suffix = "am" if hour < 12 else "pm"
        shown = hour % 12 or 12
        return f"{shown}:{minute:02d}{suffix}" if minute else f"{shown}{suffix}"
    return f"{hour}:{minute:02d}" if minute else f"{hour}"


def hours(start: int, end: int, language: str) -> str:
    """A span of the clock as people text it: "9am-5pm", "9-17"."""
    return f"{clock(start, language)}-{clock(end, language)}"


def duration(minutes: int) -> str:
    """330 -> "5h30", 240 -> "4h": read the same way in every language we speak."""
    whole, part = divmod(minutes, 60)
    return f"{whole}h{part:02d}" if part else f"{whole}h"
