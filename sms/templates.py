"""Words for every notice, per language. One SMS segment where it can be, never more than two."""

from datetime import datetime
from typing import Any

from exchange.localtime import format_span, local
from exchange.money import format_money
from sms.segments import fit, to_gsm
from sms.words import consent, day, disputes, law, money, offers, signup
from sms.words import data as data_words

EN: dict[str, str] = {
    **offers.EN,
    **signup.EN,
    **day.EN,
    **money.EN,
    **consent.EN,
    **data_words.EN,
    **law.EN,
    **disputes.EN,
}
LANGUAGES = {"en": EN}


def render(kind: str, language: str, data: dict[str, Any]) -> str:
    """The words for one notice, in the worker's language where we have it, else English."""
    template = LANGUAGES.get(language, EN).get(kind) or EN[kind]
    text = template.format_map(_Fields(data))
    return fit(to_gsm(text))


class _Fields(dict):
    """Template fields, with times and money rendered from the raw notice data."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.data = data

    def __missing__(self, key: str) -> str:
        data = self.data
        tz = data.get("tz", "UTC")
        if key == "when":
            return format_span(_instant(data["start"]), _instant(data["end"]), tz)
        if key == "expires":
            return f"{local(_instant(data['expires_at']), tz):%H:%M}"
        if key == "break_note":
            minutes = data.get("break_minutes")
            return f", {minutes} min break" if minutes else ""
        if key == "rate_note":
            rate = data.get("rate")
            return f" at {format_money(rate, data['currency'])}/hr" if rate else ""
        if key == "verdict":
            return disputes.VERDICTS[data["decision"]].format_map(self)
        raise KeyError(key)

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key) if key in self else self.__missing__(key)
        # By name: "rate" and "..._rate" are money, "..._time" an instant said as local HH:MM.
        if (key == "rate" or key.endswith("_rate")) and isinstance(value, int):
            return format_money(value, self.data.get("currency", "GBP"))
        if key.endswith("_time") and isinstance(value, str):
            return f"{local(_instant(value), self.data.get('tz', 'UTC')):%H:%M}"
        return value


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)
