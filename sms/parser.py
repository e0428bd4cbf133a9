"""Text to command: what a worker's SMS asks for, as a `Parsed`. Pure: no database, no I/O.

`parse(body, at)` reads one text against the moment it arrived (`at`, aware, in the market's
zone) and never raises: anything it cannot read is intent "unknown". When a text can mean two
things it says so (`ambiguous`) and gives the `question` to send back.

Rules worth knowing (the tests in tests/sms/test_parser.py hold each one):

- Carrier keywords (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT) opt out only
  as the whole text, any case, with surrounding spaces or punctuation. A sentence that contains
  one ("stop sending offers on mondays") is "unknown", with a question telling how to opt out.
- Hours without am/pm:
  - first >= second ("9-5", "10-2", "12-4"): morning start, afternoon end (12 is noon);
  - first < second: starting 1-4 ("1-5", "2-6") is afternoon; starting 7-11 ("7-11", "8-12") is
    morning; starting 5 or 6 ("5-9", "6-10") is either, so ambiguous, asking "Did you mean
    5am-9am or 5pm-9pm?";
  - "tonight", "evening", "night" make the start pm; "morning", "early" make it am;
    "afternoon" makes it pm; the end is then the reading that gives the shorter shift;
  - one am/pm marker carries to the other side where that gives the shorter shift
    ("2-6pm" 14-18, "9-5pm" 9-17, "10am-2" 10-14, "10pm-6" 22-06);
  - a side written 24-hour ("14", "08:00", "0800") makes the other side 24-hour too, unless that
    runs backwards and pm does not ("14-6" is 14-18, "8-14" is 8-14, "22-6" is overnight);
  - an end at or before the start is the next day.
- "all day" (also "any time", "whole day") is 08:00-20:00. "morning", "tonight" and the like
  without clock times are ambiguous: the question asks for the hours.
- Which day: a date ("28/11", "28 nov", "the 28th"; month first in America/* zones; with no
  year, its next occurrence) or today/tomorrow as said; weekday names give the next such day,
  today included if its window has not ended; no day gives today if the window has not ended
  at `at`, else tomorrow. Several weekdays give `days` and the first window; every/each/daily,
  weekdays, weekends and plural day names ("mondays") make it `recurring`. A text saying the
  worker is not free ("not", "cant", "busy", "except") is never availability.
- Other replies: "no problem" and "wrong number" are not disputes; YES and NO are also read
  in the market's languages (si, tak, oui, da / nie, nu, non, nao).
- Money: "£13", "$15", "€12", "13 quid", "@14", "15 an hour", "£13.50/hr" anywhere, and a bare
  "13.50" once the hours are read; currency only when the text shows one. A bare whole number
  left over ("9-5 12") is asked about rather than guessed.
- References: 1-8 digits right after a command (YES 4821, DROP 4821, WHY 4821, "D123" kept
  upper-case for APPEAL/DISPUTE); in sentences, "#4821", "shift 4821" or a 4-8 digit number.
- "finished 6pm" ends at the occurrence of 6pm nearest to `at`, today or yesterday; minutes
  early or late at the end ("finished 30 mins early") are not the hours worked.
- "be there in 20" gives minutes until arriving (`late_from_now`), not minutes late: the
  exchange works out from the shift's start whether that is late at all.
- A question about the shift ("what time do i finish?", "czy jestem na miejscu?") is never
  read as arriving, finishing or running late.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from sms.parsing.availability import availability_text
from sms.parsing.busy import busy, busy_command
from sms.parsing.days import is_day_word
from sms.parsing.guards import hostile
from sms.parsing.keywords import (
    STOP_WORDS,
    cancel,
    carrier_stop,
    given_up,
    help_fallback,
    help_in_words,
    help_request,
    opt_in,
    opt_out_in_words,
    pass_on,
    register,
    thanks_only,
    undecided,
    yes_or_no,
)
from sms.parsing.pasted import reaction, unquote
from sms.parsing.profile import profile_update
from sms.parsing.reading import entries_text
from sms.parsing.requests import (
    appeal,
    data_request,
    dispute,
    earnings,
    rates_query,
    shifts_query,
    urgent,
    why,
)
from sms.parsing.result import INTENTS, Parsed
from sms.parsing.shiftday import check_in, check_out, late
from sms.parsing.text import MAX_BODY_CHARS, Context, Text
from sms.parsing.vocab import DEFAULT_SKILLS, DEFAULT_TABLE, skill_table

__all__ = ["DEFAULT_SKILLS", "INTENTS", "STOP_WORDS", "Parsed", "parse"]

_STOP_IN_A_SENTENCE = re.compile(
    # "stop" but not the place or the pause: "which bus stop", "had to stop at the shop"
    r"(?<![a-z])(?<!bus\s)(?<!next\s)(?<!last\s)(?<!a\s)(?<!the\s)stop"
    r"(?!\s+(?:at|off|for|in|over)(?![a-z]))(?![a-z])"
    r"|(?<![a-z])(?:stopall|unsubscribe|optout|opt\s+out|quit|revoke)(?![a-z])"
    r"|(?<![a-z])cancel\s+(?:my\s+|all\s+|the\s+)?(?:texts?|messages?|sms|subscription|account"
    r"|notifications?|everything|all|me)(?![a-z])"
)


def _stop_in_a_sentence(t: Text, ctx: Context) -> Parsed | None:
    """Opting out in other words: never an opt-out itself, but the answer says how."""
    if _STOP_IN_A_SENTENCE.search(t.norm):
        return Parsed("unknown", ambiguous=True, ask="ask_how_to_stop")
    return None


# First match wins: specific commands before everyday sentences that could contain them.
_MATCHERS: tuple[Callable[[Text, Context], Parsed | None], ...] = (
    hostile,
    carrier_stop,
    opt_out_in_words,
    opt_in,
    help_request,
    urgent,
    busy_command,
    yes_or_no,
    register,
    appeal,
    data_request,
    dispute,
    why,
    pass_on,
    cancel,
    given_up,
    late,
    check_out,
    check_in,
    profile_update,
    earnings,
    rates_query,
    shifts_query,
    availability_text,
    busy,
    _stop_in_a_sentence,
    help_in_words,
    thanks_only,
    undecided,
    help_fallback,
)


# Three text messages: anything longer is a story, not a command.
LONGEST_COMMAND = 480
_FOR_A_PERSON = (hostile, urgent)
# "mañana no, pero el sábado sí", "jutro nie, ale w sobotę tak": a day and no, said first, is
# that day not, as "not tomorrow but saturday yes" is; never free time on the day refused.
_DAY_THEN_NO = re.compile(
    r"^(?P<day>(?:(?:on|the|this)\s+)?(?P<word>[a-z]+))\s+no(?:pe)?(?P<rest>(?:\W.*)?)$"
)


def parse(
    body: str,
    at: datetime,
    skills: Mapping[str, str] | None = None,
    language: str | None = None,
) -> Parsed:
    """What one text asks for, read at `at` (aware, market zone); "unknown" if nothing fits.

    `skills` maps words to canonical skill names (DEFAULT_SKILLS when None); `language` is the
    sender's, which settles a text that could be in two languages ("sabado" in es or pt).
    The result names the text's language and the rule that decided the reading.
    """
    if not isinstance(body, str) or len(body) > MAX_BODY_CHARS:
        return Parsed("unknown", rule="too long")
    # A reaction's emoji shows no language: the quoted text is ours, not the sender's words.
    reacted = reaction(body)
    quoted, body = reacted or unquote(body)
    t = Text.of(body, language)
    if (day_then_no := _DAY_THEN_NO.match(t.norm)) is not None and is_day_word(day_then_no["word"]):
        rest = re.sub(r"^but\s+", "", day_then_no["rest"].strip(" ,.;:-"))
        t = t.said_as(f"not {day_then_no['day']}" + (f" but {rest}" if rest else ""))
    if reacted is not None:
        t = replace(t, language=None)
    ctx = Context(at=at, skills=DEFAULT_TABLE if skills is None else skill_table(skills))
    read = _reading(t, ctx, body, quoted)
    return replace(read, text_language=t.language, language_evidence=t.evidence)


def _reading(t: Text, ctx: Context, body: str, quoted: str | None) -> Parsed:
    """The text read by the first matcher that knows it, with the rule that did."""
    if not t.norm.strip():
        # Words read as nothing may still be a NO on their own: "na" (Polish "on", texting's no).
        alone = yes_or_no(t, ctx)
        if alone is not None:
            return replace(alone, rule="yes_or_no")
        return Parsed("unknown", rule="nothing to read")
    # A story of several texts' length is for a person to read, first if it is about safety
    # or conduct: nothing in it is acted on by the machine.
    matchers = _MATCHERS if len(body) <= LONGEST_COMMAND else _FOR_A_PERSON
    for matcher in matchers:
        parsed = matcher(t, ctx)
        if parsed is not None:
            if quoted and parsed.intent in ("accept", "decline") and parsed.offer_ref is None:
                parsed = replace(parsed, offer_ref=quoted)
            return replace(
                parsed,
                # "DROP 4821?" asks; a command is never a question.
                exact=parsed.exact and "?" not in body,
                rule=_rule(matcher.__name__, t),
            )
    if matchers is _FOR_A_PERSON:
        return Parsed("unknown", rule="long: for a person")
    return Parsed("unknown", rule=_rule("nothing matched", t))


def _rule(matcher: str, t: Text) -> str:
    """ "late" or "late: pl:spóźnię się=running late": the matcher and the words it read."""
    words = entries_text(t.entries)
    return f"{matcher.strip('_').replace('_', ' ')}: {words}" if words else matcher.strip("_")
