"""Free no longer: "BUSY sat" (the command), and in words "no weekends from now on", "im busy
tomorrow", "not available saturday", "cant work sundays anymore" in any of our languages."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time
from functools import cache

from sms.parsing.days import find_days, is_day_word
from sms.parsing.lexicon import fold, languages
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text
from sms.parsing.times import find_ranges, has_lone_time

# Saying one is not free, followed by the days.
_NOT_FREE = re.compile(
    r"(?<![a-z])(?:busy|unavailable|not\s+(?:available|free|working|around)"
    r"|(?:dont|do\s+not|no\s+longer|i\s+no\s+longer)\s+want(?:\s+(?:any|more|to\s+work))*"
    r"(?:\s+(?:work|shifts?|jobs?|offers?))?(?:\s+(?:on|at|for))?"
    r"|no\s+longer\s+(?:available|free|working)"
    r"|(?:cant|cannot|wont|can\s+not)(?:\s+(?:work|do|be\s+free|be\s+available))?"
    # "dont" only with what is not done: "they dont need me today" is no day off of one's own
    r"|dont\s+(?:work|do|be\s+free|be\s+available))(?![a-z])(?P<rest>.*)$"
)
# What someone else said or did: "they said they dont need me today", "the manager told me".
_TOLD = re.compile(
    r"(?<![a-z])(?:they|he|she|manager|boss|client|buyer|supervisor|agency)\s+(?:say|says|said"
    r"|told|sent|tell)(?![a-z])"
)
# "delete my availability for sat", "remove my saturday availability": free time taken back.
_TAKEN_BACK = re.compile(
    r"(?<![a-z])(?:delete|cancel|remove|clear|withdraw|take\s+(?:off|back|down))(?![a-z])"
    r"(?P<rest>.*(?<![a-z])(?:availability|availabilities|free\s+time)(?![a-z]).*)$"
)
# "no weekends", "no more sundays": the days must follow at once.
_NO_MORE = re.compile(r"^(?:no\s+more|no|not)\s+(?:on\s+)?(?P<rest>.*)$")
_FROM_NOW_ON = re.compile(
    r"(?<![a-z])(?:from\s+now(?:\s+on)?|anymore|any\s+more|no\s+longer|in\s+future|for\s+good"
    r"|going\s+forward)(?![a-z])"
)
_A_WHILE = re.compile(r"(?<![a-z])(?:till?|until|through|thru|to|from)(?![a-z])|[0-9]\s*-\s*[0-9]")
# What may stand beside the days in the command itself: "BUSY on sat", "BUSY every weekend".
_FILLER = re.compile(r"(?<![a-z])(?:on|the|this|next|every|all|day|and|please|pls|sorry)(?![a-z])")


def busy_command(t: Text, ctx: Context) -> Parsed | None:
    """BUSY and the days: read before a lone "busy", which passes on an offer."""
    if t.first != "busy":
        return None
    rest = t.norm.split(" ", 1)[1] if " " in t.norm else ""
    typed = fold(t.original).split(" ", 1)[0].strip(" #:,.!")
    return _days_off(rest, t, ctx, command=typed in _command_words())


@cache
def _command_words() -> frozenset[str]:
    """The word for BUSY in each language ("busy", "ocupado", "zajęty"): only it makes the
    command; "así que nada" reads as busy but is no command."""
    words = {fold(lang.commands["BUSY"]) for lang in languages().values()}
    # ... and its other forms, one word each: "zajęta" beside "zajęty", "ocupada".
    for lang in languages().values():
        words.update(w for w, node in lang.phrases.root.words.items() if node.canonical == "busy")
    return frozenset(words)


def busy(t: Text, ctx: Context) -> Parsed | None:
    """Not free on days, in words; read after cancelling and availability. Free time offered
    after a "but" ("no mondays but free tue 9-5") is read on its own, as `then`."""
    core, norm, then = t.core, t.norm, None
    if (but := _BUT_FREE.search(norm)) is not None:
        norm, then = norm[: but.start()], but.group("then")
        core = _BUT_FREE.sub("", core)
    m = _NO_MORE.match(core)
    if m is None or not is_day_word(m.group("rest").split(" ", 1)[0]):
        m = None if _TOLD.search(norm) else _NOT_FREE.search(norm) or _TAKEN_BACK.search(norm)
    found = _days_off(m.group("rest"), t, ctx) if m is not None else None
    return replace(found, then=then) if found is not None and then else found


# "... but free tue 9-5": free time said after the days given up.
_BUT_FREE = re.compile(
    r"\W*(?<![a-z])(?:but|however)\s+(?P<then>.*(?<![a-z])(?:free|available|can\s+do|can\s+work"
    r"|ok)(?![a-z]).*)$"
)


def _days_off(rest: str, t: Text, ctx: Context, command: bool = False) -> Parsed | None:
    spec, left = find_days(rest, ctx.at)
    if not (spec.date or spec.weekdays) or spec.bad_date:
        return None
    if spec.date is not None and _A_WHILE.search(rest):
        return None  # "busy till the 20th", "not free 14th to 21st": days on end, for a person
    ranges, _, left = find_ranges(left, spec.context)
    if ranges or has_lone_time(left):
        return None  # "not free sat till 2": hours are for a person to read
    every = spec.recurring or _FROM_NOW_ON.search(t.norm) is not None
    on = None
    if spec.date is not None:
        on = datetime.combine(spec.date, time(0), tzinfo=ctx.at.tzinfo)
        every = False
    others = [word for word in _FILLER.sub(" ", _FROM_NOW_ON.sub(" ", left)).split()]
    exact = command and not [word for word in others if not is_day_word(word.strip(",.!"))]
    return Parsed(
        "busy",
        start=on,
        days=() if on else spec.days,
        recurring=every,
        exact=exact,
    )
