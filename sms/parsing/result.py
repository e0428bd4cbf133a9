"""What the parser understood from one text."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

INTENTS: tuple[str, ...] = (
    "availability",
    "accept",
    "decline",
    "cancel",
    "late",
    "check_in",
    "check_out",
    "dispute",
    "appeal",
    "rates_query",
    "shifts_query",
    "earnings",
    "my_data",
    "my_record",
    "who_saw",
    "why",
    "delete_data",
    "stop",
    "start",
    "help",
    "profile_update",
    "register",
    "unknown",
)


@dataclass(frozen=True)
class Parsed:
    """One text read as a command; unset fields are None, empty or False."""

    intent: str
    start: datetime | None = None  # aware, in the zone of the `at` given to parse()
    end: datetime | None = None
    days: tuple[str, ...] = ()  # "mon".."sun"
    recurring: bool = False
    rate: int | None = None  # minor units per hour
    currency: str | None = None  # only when the text showed a symbol or word: "GBP", "USD", "EUR"
    skill: str | None = None
    skills: tuple[str, ...] = ()
    postcode: str | None = None
    zip: str | None = None
    offer_ref: str | None = None
    late_minutes: int | None = None
    hours_worked: float | None = None  # for JSON readers; minutes_worked is the exact figure
    minutes_worked: int | None = None
    language: str | None = None  # ISO 639-1
    tax_percent: int | None = None
    name: str | None = None
    detail: str | None = None
    ambiguous: bool = False
    question: str | None = None

    def __post_init__(self) -> None:
        if self.intent not in INTENTS:
            raise ValueError(f"unknown intent {self.intent!r}")

    def to_json(self) -> dict[str, Any]:
        """The fields that are set (intent always), with datetimes as local ISO without offset."""
        out: dict[str, Any] = {"intent": self.intent}
        for field in fields(self)[1:]:
            value = getattr(self, field.name)
            if value is None or value is False or value == ():
                continue
            if isinstance(value, datetime):
                value = value.replace(tzinfo=None).isoformat(timespec="seconds")
            elif isinstance(value, tuple):
                value = list(value)
            out[field.name] = value
        return out
