"""What a complaint is about: its category from the worker's own words, and the day it names."""

from __future__ import annotations

import re
from datetime import datetime

from sms.parsing.days import find_days
from sms.parsing.lexicon import fold

# First match wins: a text about being hurt is about safety even if it also mentions pay.
_CATEGORY_WORDS = (
    (
        "safety",
        r"unsafe|safety|danger\w*|injur\w*|hurt|accident|fell|fall|burn\w*|no\s+ppe|no\s+gloves",
    ),
    (
        "conduct",
        r"rude|shout\w*|yell\w*|abus\w*|harass\w*|bull(?:y|ied|ying)|racis\w*|sexis\w*"
        r"|threat\w*|swore|sworn|insult\w*|conduct|behaviou?r",
    ),
    (
        "cancellation",
        r"cancel\w*|sent\s+(?:me\s+)?home|turned\s+(?:me\s+)?away|not\s+needed|no\s+work\s+there",
    ),
    (
        "pay",
        r"pay|paid|payed|money|wages?|owe[sd]?|underpaid|short\s*changed|rate|unpaid|cash",
    ),
    ("hours", r"hours?|hrs?|timesheet|time\s+sheet|late\s+finish|break|overtime"),
    ("other", r"other"),
)
_PATTERNS = tuple(
    (category, re.compile(rf"(?<![a-z])(?:{words})(?![a-z])"))
    for category, words in _CATEGORY_WORDS
)
# The order a numbered question lists them in: "1 pay 2 hours ..."
CATEGORIES = ("pay", "hours", "cancellation", "conduct", "safety", "other")


def category_of(text: str) -> str | None:
    """The dispute category the words point to, or None when they do not say."""
    folded = fold(text)
    number = folded.strip(" .")
    if number.isdecimal() and 1 <= int(number) <= len(CATEGORIES):
        return CATEGORIES[int(number) - 1]
    for category, pattern in _PATTERNS:
        if pattern.search(folded):
            return category
    return None


def weekday_of(text: str, at: datetime) -> int | None:
    """The one weekday a complaint names ("problem with tuesday"), Monday 0; else None."""
    spec, _ = find_days(fold(text), at)
    if spec.date is not None:
        return spec.date.weekday()
    return next(iter(spec.weekdays)) if len(spec.weekdays) == 1 else None
