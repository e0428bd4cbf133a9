"""One-word answers and keywords: STOP, START, HELP, JOIN, YES, NO, DROP 4821."""

from __future__ import annotations

import re

from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text, find_ref

# Carrier opt-out words (Twilio's list): honoured only as the whole text.
STOP_WORDS = frozenset(
    ("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout")
)
START_WORDS = frozenset(("start", "unstop", "resume"))
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")

_HELP_PHRASES = frozenset(
    (
        "help", "help me", "help please", "help pls", "helpp", "hlp", "info", "information",
        "commands", "command", "menu", "options", "instructions", "how does this work",
        "how does it work", "what can i text", "what can i send", "what can i do",
        "what do i text", "what do i send", "what can i say", "hi", "hello", "hey", "hiya",
        "hallo", "hola", "helo", "hi there", "hello there", "hey there",
    )
)  # fmt: skip
_HELP_FIRST = frozenset(("help", "info", "hlp", "helpp"))

_REGISTER = re.compile(
    r"^(?:(?:i\s+)?(?:want|wanna|would\s+like|d\s+like)\s+to\s+|can\s+i\s+|how\s+(?:do|can)\s+i\s+"
    r"|please\s+|pls\s+|let\s+me\s+)?(?:join|register|sign\s*up|sign\s+me\s+up|enrol|enroll"
    r"|subscribe|new\s+worker)(?![a-z])"
)

# Longer phrases first: the first alternative that fits is the one kept.
_YES = (
    r"i\s+accept|i\s+will\s+take\s+it|i\s+can\s+do\s+it|i\s+can\s+make\s+it|can\s+do(?:\s+it)?"
    r"|ill\s+take\s+it|take\s+it|book\s+me|count\s+me\s+in"
    r"|yes+|y|ya|yah|yeah|yea|yep|yup|ye|ok|okay|okey|okie|k|kk|accept|accepted|sure|deal|aye"
    r"|si|sim|oui|tak|da|ja"  # yes in the market's other languages
)
_NO = (
    r"cant\s+make\s+it|cant\s+do\s+it|no\s+thank\s+you|no\s+thanks|no\s+ta|not\s+this\s+time"
    r"|not\s+available|not\s+today|not\s+interested"
    r"|no+|n|nope|nah|na|decline|declined|reject|pass|unavailable|busy|cant|cannot"
    r"|nie|nu|non|nao|nein"
)
_REPLY = re.compile(
    rf"^\W*(?:(?P<yes>{_YES})|(?P<no>{_NO}))(?![a-z])\W*"
    r"(?:(?:ref|shift|job|offer)(?![a-z])\W*)?#?(?P<ref>[0-9]{1,8})?(?![0-9])\W*(?P<rest>.*)$"
)
_REF_THEN_REPLY = re.compile(
    rf"^\W*#?(?P<ref>[0-9]{{1,8}})\W*(?:(?P<yes>{_YES})|(?P<no>{_NO}))\W*$"
)
# What may follow YES or NO without changing what it means.
_POLITE = re.compile(
    r"^(?:(?:please|pls|plz|thanks|thank\s+you|thankyou|thx|ta|cheers|sure|great|sorry|mate"
    r"|i\s+can|i\s+will|ill\s+take\s+it|take\s+it|ok|okay|x+|can\s+do|i\s+can\s+do\s+it"
    r"|i\s+can\s+make\s+it|not\s+this\s+time|cant\s+make\s+it|busy|not\s+today|see\s+you\s+there"
    r"|see\s+you|lovely|perfect|brilliant|cool|fine|absolutely|definitely)(?![a-z])\W*)*$"
)

_DROP = re.compile(
    r"^\W*(?:drop|cancel|cancell?|cancle|cncl|canx)(?![a-z])\W*(?:(?:my|the|this)\s+)?"
    r"(?:(?:shift|booking|job)(?![a-z])\W*)?#?\s*(?P<ref>[0-9]{1,8})?(?![0-9])\W*(?P<rest>.*)$"
)
_OPT_OUT_WORDS = re.compile(
    r"(?<![a-z])(?:texts?|messages?|sms|subscription|everything|all|me|account|notifications?)"
    r"(?![a-z])"
)
_CANT = re.compile(
    r"(?<![a-z])(?:cant|cannot|can\s+not|cnt|wont|unable\s+to|not\s+able\s+to|can\s+no\s+longer"
    r"|no\s+longer\s+able\s+to)\s+(?:make|do|attend|work|go\s+to|come\s+to|come\s+in\s+for|cover)"
    r"(?![a-z])(?P<rest>.*)$"
)
_TAKE_ME_OFF = re.compile(
    r"(?<![a-z])(?:remove|take)\s+me\s+(?:off|from|out\s+of)\s+(?:the\s+|that\s+|this\s+|my\s+)?"
    r"(?:shift|job|booking)(?![a-z])"
)
_NO_LONGER = re.compile(r"(?<![a-z])(?:anymore|any\s+more|after\s+all|no\s+longer)(?![a-z])")


def carrier_stop(t: Text, ctx: Context) -> Parsed | None:
    """STOP and the other carrier words, alone; a sentence containing one is no opt-out."""
    return Parsed("stop") if _EDGES.sub("", t.norm) in STOP_WORDS else None


def opt_in(t: Text, ctx: Context) -> Parsed | None:
    """START, UNSTOP or RESUME, alone."""
    return Parsed("start") if _EDGES.sub("", t.norm) in START_WORDS else None


def help_request(t: Text, ctx: Context) -> Parsed | None:
    """HELP, INFO, "?", a greeting, or "what can i text"."""
    if (not t.words and "?" in t.norm) or t.phrase in _HELP_PHRASES:
        return Parsed("help")
    return None


def help_fallback(t: Text, ctx: Context) -> Parsed | None:
    """ "help ..." that nothing else understood is still a call for help."""
    return Parsed("help") if t.first in _HELP_FIRST else None


def register(t: Text, ctx: Context) -> Parsed | None:
    """JOIN, REGISTER, SIGN UP, "i want to join"."""
    return Parsed("register") if _REGISTER.match(t.phrase) else None


def yes_or_no(t: Text, ctx: Context) -> Parsed | None:
    """An answer to an offer: YES, Y 4821, YES4821, yes please, NO 4821, no thanks."""
    m = _REF_THEN_REPLY.match(t.norm)
    if m is None:
        m = _REPLY.match(t.norm)
        # Without a reference, only politeness may follow: "yes i can work sat" is availability.
        if m is None or (not m.group("ref") and not _POLITE.match(m.group("rest"))):
            return None
    return Parsed("accept" if m.group("yes") else "decline", offer_ref=m.group("ref"))


def cancel(t: Text, ctx: Context) -> Parsed | None:
    """Giving up a booked shift: DROP 4821, CANCEL 4821, can't make 4821, cant do it anymore."""
    m = _DROP.match(t.norm)
    if m is not None:
        if not m.group("ref") and _OPT_OUT_WORDS.search(m.group("rest")):
            return None  # "cancel my texts" is an opt-out in other words; STOP is asked for later
        return Parsed("cancel", offer_ref=m.group("ref"))
    if _TAKE_ME_OFF.search(t.norm):
        return Parsed("cancel", offer_ref=find_ref(t.norm))
    m = _CANT.search(t.norm)
    if m is None:
        return None
    rest = m.group("rest")
    ref = find_ref(rest)
    if ref is not None:
        return Parsed("cancel", offer_ref=ref)
    # "can't make it anymore": a booking given up, the exchange finds which one.
    return Parsed("cancel") if _NO_LONGER.search(rest) else None
