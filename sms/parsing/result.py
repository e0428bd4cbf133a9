"""What the parser understood from one text."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

INTENTS: tuple[str, ...] = (
    "availability",
    "busy",
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
    """One text read as a command; unset fields are None, empty or False.

    A text that must be asked back has `ambiguous` and `ask`: the kind of question (a notice
    kind, worded in the sender's language by sms.templates) and `ask_data`, its fields.
    """

    intent: str
    start: datetime | None = None  # aware, in the zone of the `at` given to parse()
    end: datetime | None = None
    # A finishing time said without am/pm ("finished at 5"): the morning's or the evening's.
    end_either_half: bool = False
    # "finished 30 mins early", "stayed an hour late": the minutes the work ended after the
    # booked end (before it, negative), said instead of the hours.
    end_past_booked: int | None = None
    # Free time that replaces a day's ("actually make that 10-6" just after Saturday was saved):
    # that day's date, set when the text is read beside the last one sent.
    replaces: date | None = None
    # "DONE 3:15": hours worked (`minutes_worked`) or when they left (`end`); the booking says.
    hours_or_end: bool = False
    # "be there in 20": the minutes are until the worker arrives, not how late they will be.
    late_from_now: bool = False
    # Thanks, a goodbye, "no worries", "wrong number sorry": asking for nothing.
    courtesy: bool = False
    # A question besides what the text is read as ("yes ill take it. is there parking?"): the
    # answer is acted on, and a person reads the question.
    asks_besides: bool = False
    # What the text goes on to say after what it is read as, in the reader's words: "cant do
    # tuesday, available thursday 9-5" gives up Tuesday, then offers Thursday.
    then: str | None = None
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
    break_minutes: int | None = None  # the break a checkout says was taken; 0 for "no break"
    language: str | None = None  # a language the worker asks to be texted in (LANG es)
    tax_percent: int | None = None
    travel_miles: int | None = None
    notice_minutes: int | None = None
    name: str | None = None
    part_of_day: str | None = None  # morning, afternoon, evening or night (RATES ... tue evening)
    # "the 9am one": the minutes after midnight the offer it names may start at (9 is 9 or 21)
    starts: tuple[int, ...] = ()
    detail: str | None = None
    category: str | None = None  # what a complaint is about: pay, hours, ... conduct, safety
    exact: bool = False  # the command as its keyword and reference: acted on without asking
    ambiguous: bool = False
    ask: str | None = None
    ask_data: tuple[tuple[str, Any], ...] = ()
    text_language: str | None = None  # the language the text is written in, when it shows one
    # How much of the text shows that language: one Spanish word among French ones ("je suis
    # libre demain") shows little of Spanish
    language_evidence: float = 0.0
    rule: str | None = None  # what decided the reading, for people checking it

    @property
    def shown_language(self) -> str | None:
        """The text's language, when its words show it."""
        return shown(self.text_language, self.language_evidence)

    def __post_init__(self) -> None:
        if self.intent not in INTENTS:
            raise ValueError(f"unknown intent {self.intent!r}")

    @property
    def question_data(self) -> dict[str, Any]:
        return dict(self.ask_data)

    def question(self, language: str | None = None) -> str | None:
        """The question to ask back, in `language` (default: the text's own, else English)."""
        if self.ask is None:
            return None
        from sms.templates import render  # words live at the edge; parsing stays pure

        return render(self.ask, language or self.text_language or "en", self.question_data)

    def to_json(self) -> dict[str, Any]:
        """The fields that are set (intent always), with datetimes as local ISO without offset.

        `language` is the text's own language, or the one asked for when the text shows none;
        `question` is worded in the text's language.
        """
        out: dict[str, Any] = {"intent": self.intent}
        for field in fields(self)[1:]:
            if field.name in _NOT_IN_JSON:
                continue
            value = getattr(self, field.name)
            if value is None or value is False or value == ():
                continue
            if isinstance(value, datetime):
                value = value.replace(tzinfo=None).isoformat(timespec="seconds")
            elif isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[field.name] = value
        language = self.text_language or self.language
        if language:
            out["language"] = language
        if self.language and self.language != language:
            out["new_language"] = self.language
        if self.ask is not None:
            out["question"] = self.question()
        if self.rule:
            out["rule"] = self.rule
        return out


# The reader's score from which a text shows its language at all: "olá" and "tak" score 2,
# "hola" 4; "Y 4821" 0.5 (a letter of Spanish) and "sí" 1 show none.
SHOWS_A_LANGUAGE = 2


def shown(language: str | None, evidence: float) -> str | None:
    """The language, when the words show it (see SHOWS_A_LANGUAGE)."""
    return language if evidence >= SHOWS_A_LANGUAGE else None


_NOT_IN_JSON = frozenset(
    ("ask", "ask_data", "text_language", "rule", "language", "exact", "end_either_half")
    + ("hours_or_end",)
    + ("late_from_now", "courtesy", "then", "language_evidence")
)
