"""What a complaint is about: its category from the worker's own words, and the day it names.

The words are the canonical ones (sms.parsing.reading), so "me está gritando", "krzyczy" and
"the client is shouting" are all conduct.
"""

from __future__ import annotations

import re
from datetime import datetime

from sms.parsing.days import find_days
from sms.parsing.reading import canonical

# First match wins: a text about being hurt is about safety even if it also mentions pay.
_CATEGORY_WORDS = (
    (
        "safety",
        r"unsafe|not\s+safe|(?:dont|do\s+not|didnt)\s+feel\s+safe|safety|danger\w*|injur\w*"
        r"|hurt|hurts|hurting|bleeding|burn(?:t|ed)|fell\s+(?:over|down|off)|(?:had|been\s+in)\s+an"
        r"\s+accident|accident\s+at\s+work|no\s+ppe|no\s+gloves|no\s+mask|no\s+helmet"
        r"|no\s+training|without\s+(?:training|ppe|gloves|a\s+mask)|forklift\s+without"
        r"|(?:made|make|making|want|wants|told)\s+me\s+(?:to\s+)?(?:lift|carry|use|drive|clean\s+\w+\s+mou?ld)"
        r"|lift\w*\s+heavy\s+\w+\s+alone|lift\s+[0-9]+\s*kg|[0-9]+\s*kg\s+alone|mou?ld"
        r"|bitten|bit\s+me|dog\s+bit|attack\w*|assault\w*|leak\w*|(?:bare|live|exposed)\s+wires?|near\s+(?:the\s+)?wires?"
        r"|fire\s+exit|smoke|fumes|chemicals?|scared|frightened|terrified"
        # "im afraid i cant make it" is manners, not fear
        r"|afraid(?!\s+(?:i|ill|im|that|not|we|its|so|you)(?![a-z]))"
        r"|(?:get|getting|be)\s+(?:hurt|killed)|slipped|slippery|wet\s+floor|no\s+brakes"
        r"|threat\w*|(?:feel|felt)\s+(?:sick|ill)\s+from|trapped|locked\s+(?:me\s+)?in"
        r"|collapsed|unconscious|fainted|ambulance|(?:cant|couldnt)\s+breathe|gas\s+leak"
        r"|electric\s+shock|knife|weapon|gun|robbed|mugged|call(?:ed)?\s+(?:the\s+)?police"
        r"|police\s+(?:came|were\s+called|are\s+here)|heat\s*stroke|no\s+drinking\s+water",
    ),
    (
        "conduct",
        r"rude|shout\w*|yell\w*|scream\w*|swear\w*|swore|sworn|abus\w*|harass\w*|bull(?:y|ied|ying)"
        r"|racis\w*|sexis\w*|insult\w*|called\s+me\s+names|touch\w*\s+me|touched|grop\w*"
        r"|(?:hit|pushed|grabbed|slapped|kicked|punched)\s+me|inappropriate\w*|disrespect\w*|aggressive"
        r"|(?:comments?|remarks?)\s+about\s+my\s+(?:body|looks|appearance)|my\s+body|sexual\w*"
        r"|aggression|creepy|conduct|behaviou?r|humiliat\w*|treated\s+me\s+(?:badly|bad|like)"
        r"|horrible\s+to\s+me|nasty\s+to\s+me|grab\w*\s+(?:my|me|at\s+me)|grabbing|pinch\w*\s+(?:my|me)"
        r"|(?:keeps?|kept)\s+(?:touching|grabbing|following|staring)|follow\w*\s+me\s+(?:around|home)"
        r"|hands\s+on\s+me|kiss\w*\s+me|(?:spat|spit\w*)\s+(?:at|on)\s+me|threw\s+\w+\s+at\s+me"
        r"|laugh\w*\s+at\s+me|mock\w*\s+me|(?:wont|doesnt)\s+leave\s+me\s+alone",
    ),
    (
        "cancellation",
        r"cancel\w*\s+(?:when|after|once|as\s+soon\s+as|while|on)\s+(?:i|me)|sent\s+(?:me\s+)?home"
        r"|turned\s+(?:me\s+)?away|not\s+needed|(?:dont|do\s+not|didnt)\s+need\s+(?:me|us|anyone)|no\s+work\s+(?:there|when)|they\s+cancel\w*"
        r"|cancel\w*\s+(?:on\s+)?me",
    ),
    (
        "pay",
        r"pay|paid|payed|paying|money|wages?|owe[sd]?|underpaid|short\s*changed|rate|unpaid|cash"
        r"|statement|less\s+than|short",
    ),
    (
        "hours",
        r"hours?|hrs?|timesheet|time\s+sheet|late\s+finish|break|breaks|overtime|changed\s+my"
        # a no-show said of a worker who came: the hours worked, contested
        r"\s+hours|no\s*-?\s*show|(?:didnt|did\s+not|never)\s+(?:turn|show)\s+up",
    ),
    ("other", r"other"),
)
_PATTERNS = tuple(
    (category, re.compile(rf"(?<![a-z])(?:{words})(?![a-z])"))
    for category, words in _CATEGORY_WORDS
)
# The order a numbered question lists them in: "1 pay 2 hours ..."
CATEGORIES = ("pay", "hours", "cancellation", "conduct", "safety", "other")
# Safety and conduct reach a person at once, whatever else the text says.
URGENT = ("safety", "conduct")


def category_in(words: str) -> str | None:
    """The category canonical words point to, or None when they do not say."""
    for category, pattern in _PATTERNS:
        if pattern.search(words):
            return category
    return None


def urgent_category(words: str) -> str | None:
    """Safety or conduct, when canonical words speak of either."""
    for category, pattern in _PATTERNS:
        if category in URGENT and pattern.search(words):
            return category
    return None


def category_of(text: str, language: str | None = None) -> str | None:
    """The dispute category a worker's text points to ("1".."6" picks from the list)."""
    number = text.strip(" .")
    if number.isdecimal() and number.isascii() and 1 <= int(number) <= len(CATEGORIES):
        return CATEGORIES[int(number) - 1]
    return category_in(canonical(text, language))


def weekday_of(text: str, at: datetime, language: str | None = None) -> int | None:
    """The one weekday a complaint names ("problem with tuesday"), Monday 0; else None."""
    spec, _ = find_days(canonical(text, language), at)
    if spec.date is not None:
        return spec.date.weekday()
    return next(iter(spec.weekdays)) if len(spec.weekdays) == 1 else None
