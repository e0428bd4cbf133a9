"""On the day of a shift: LATE 15, HERE, DONE 5.5, finished 6pm."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from sms.parsing.days import find_days, nearest, window
from sms.parsing.lexicon import separators
from sms.parsing.money import find_rate
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text, find_ref
from sms.parsing.times import (
    ALL_DAY,
    CLOCK,
    LOOSELY,
    Either,
    HourRange,
    clock_from,
    clock_words,
    find_ranges,
)

MAX_LATE_MINUTES = 240  # a bigger number after LATE is a reference, not a delay

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60,
}  # fmt: skip
# "the next one in 20": "one" there is the bus, not a minute.
_NUMBER_WORD = re.compile(
    r"(?<![a-z])(?<!next\s)(?<!the\s)(?<!this\s)(?<!that\s)(?<!another\s)("
    + "|".join(_NUMBER_WORDS)
    + r")(?![a-z])"
)
_LATE = re.compile(r"(?<![a-z])late(?![a-z])")
_LATE_SAID = re.compile(
    r"(?<![a-z])(?:running|be|am|im|bit|little|slightly|abit|sorry|min|mins|minutes?|hours?|hr"
    r"|hrs|half|quarter|[0-9]+\s*(?:m|h)?|gonna|going|will|ill|might|may|little\s+bit|tad)"
    r"\s+(?:a\s+)?(?:bit\s+|little\s+)?late(?![a-z])"
    r"|(?<![a-z])late(?:\s+(?:by|for|to|again|today|tonight|this\s+morning|sorry))+(?![a-z])"
    # "voy late unos 10 minutos", "bede late jakies 15 minut": late, and by how much
    r"|(?<![a-z])late\s+(?:[a-z]+\s+){0,2}[0-9]+\s*(?:m|mins?|minutes?)(?![a-z])"
)
# Late in other words: "stuck in traffic, be there in 20 mins", "running behind", "5 mins away".
_FREE_SAID = re.compile(r"(?<![a-z])(?:free|available|avail|can\s+do|can\s+work)(?![a-z])")
# "will be 5 mins", "sorry ill be another 10 minutes": arriving in so many minutes.
_BE_SOME_MINUTES = (
    r"^\W*(?:(?:sorry|so\s+sorry|hi|ok)\W+)*(?:ill|i\s+will|will|gonna|going\s+to|i\s+may|might)"
    r"\s+be\s+(?:about\s+|around\s+|another\s+|roughly\s+)?[0-9]{1,2}\s*(?:m|mins?|minutes?)"
    r"(?:\W+(?:sorry|x+|thanks))*\W*$"
)
_HELD_UP = re.compile(
    r"(?<![a-z])(?:(?:be|get|getting|arrive|arriving)\s+there\s+in"
    r"|running\s+(?:a\s+)?(?:bit\s+|little\s+|tad\s+|little\s+bit\s+)?behind"
    r"|(?:bus|train|car)\s+(?:has\s+|is\s+)?(?:broke|broken)\s+down|car\s+(?:wont|will\s+not)\s+start"
    r"|flat\s+(?:tyre|tire)|car\s+(?:trouble|problems?)|(?:problems?|trouble)\s+with\s+(?:the\s+|my\s+)?car"
    r"|stuck\s+(?:in\s+traffic|on\s+(?:the\s+|a\s+)?(?:bus|train|tube))|held\s+up"
    r"|missed\s+(?:the|my)\s+(?:bus|train|tube)"
    r"|traffic\s+(?:is\s+|was\s+)?(?:bad|terrible|awful|crazy|mad|heavy|horrendous|a\s+nightmare)"
    r"|(?:bad|heavy|terrible)\s+traffic|(?<!is\s)(?:the\s+|my\s+|^)(?:bus|train|tube)"
    r"\s+(?:is\s+|was\s+)?(?:delayed|cancell?ed)"
    r"|(?:bus|train|tube)\s+(?:didnt|did\s+not|never|hasnt|has\s+not|havent)\s+(?:turn(?:ed)?\s+up"
    # "the bus didnt come again, whats going on with the rota": a complaint, not lateness
    r"|come|came|show(?:ed)?\s+up|arrived?)(?!\s+again)"
    r"|(?:bus|train|tube)\s+(?:is\s+|was\s+|running\s+)+late"
    r"|overslept|slept\s+in|(?:be|get|getting)\s+there\s+(?:asap|as\s+soon\s+as\s+i\s+can)"
    r"|[0-9]+\s*(?:m|mins?|minutes?)\s+(?:away|out|later|after\s+(?:the\s+)?start|behind)"
    r"|(?:half\s+an|an)\s+hour\s+later|(?:omw|on\s+my\s+way)\s+but\s+late"
    r"|(?:on\s+my\s+way|omw)\W+(?:\w+\s+){0,3}?"
    r"(?:[0-9]+|half\s+an\s+hour)\s*(?:m|mins?|minutes?|hours?)?|there\s+in\s+[0-9]+"
    r"|eta\s+(?:of\s+)?[0-9]+(?:\s*(?:m|mins?|minutes?))?(?![0-9:.]))(?![a-z])"
    rf"|{_BE_SOME_MINUTES}"
)
# "late" that is not about arriving: paid late, a late shift, free till late.
_NOT_ARRIVING = re.compile(
    r"(?<![a-z])(?:paid|pay|payment|payments|(?:till|until|til|to)\s+late|late\s+(?:shifts?|nights?"
    r"|finish|finishes|pay|payment|on)|stay(?:ed|ing|s)?\s+(?:\w+\s+){0,4}?(?:late|later)"
    r"|left\s+(?!home|the\s+house)(?:\w+\s+){0,4}?later|work(?:ing)?\s+late"
    r"|(?:finish|finishing|leave|leaving)\s+late|yesterday|last\s+night"
    r"|(?:was|were)\s+late|if\s+(?:\w+\s+){0,3}late|finished|clocked\s+(?:out|off)"
    r"|always\s+late|late\s+for\s+everything|never\s+late)(?![a-z])"
)
_LATE_MINUTES = (
    (re.compile(r"(?<![a-z])(?:an?\s+)?hour\s+and\s+a\s+half(?![a-z])"), lambda m: 90),
    (re.compile(r"(?<![a-z])half\s+(?:an\s+)?hour(?![a-z])"), lambda m: 30),
    (
        re.compile(r"(?<![a-z])(?:a\s+)?quarter\s+(?:of\s+)?(?:an\s+)?(?:hour|hr)(?![a-z])"),
        lambda m: 15,
    ),
    (
        re.compile(r"(?<![0-9.,])([0-9]{1,2}(?:[.,][0-9])?)\s*(?:h|hr|hrs|hour|hours)(?![a-z])"),
        lambda m: int(Decimal(m.group(1).replace(",", ".")) * 60),
    ),
    (re.compile(r"(?<![a-z])an?\s+hour(?![a-z])"), lambda m: 60),
    (
        re.compile(r"(?<![0-9.,])([0-9]{1,3})\s*(?:m|mn|mns|min|mins|minute|minutes)(?![a-z])"),
        lambda m: int(m.group(1)),
    ),
    # a number alone, or with "late", a courtesy or minutes however written ("15 minutillos",
    # "20 de minute"): "late 15", "10 late sorry"; never "1 problem with my car" or "bus 38 is
    # late"
    (
        re.compile(
            r"(?<![0-9.,:])([0-9]{1,3})(?![0-9.,:])"
            r"(?=\s*(?:$|[^\w\s]|(?:de\s+)?min|(?:late|sorry|soz|pls|please|thanks|x+|ok)(?![a-z])))"
        ),
        lambda m: int(m.group(1)),
    ),
)

_IN_PHRASES = frozenset(
    (
        "here", "im here", "i am here", "iam here", "i am", "arrived", "ive arrived",
        "i have arrived", "just arrived", "i arrived", "in", "im in", "checking in", "check in", "checkin",
        "checked in", "clock in", "clocking in", "clocked in", "on site", "onsite", "im on site",
        "at work", "im at work", "started", "starting", "i have started", "ive started", "present",
    )
)  # fmt: skip
_FILLER = frozenset(
    ("now", "thanks", "thank", "you", "ok", "okay", "x", "just", "already", "ta", "hi", "hello")
    + ("hey", "yes", "yep")
)

_OUT = re.compile(
    r"^\W*(?:(?:im|i\s+am|ive|i\s+have|i|just|all|job|shift|work|jus|today|tonight|no\s+break)\W+)*"
    r"(?P<verb>done|finished"
    r"|finish|finishd|fin|out|check(?:ing|ed)?\s*out|clock(?:ing|ed)?\s*out|signing\s+out"
    r"|leaving|left|completed?)(?![a-z])(?P<rest>.*)$"
)
_OUT_QUIET = re.compile(
    r"(?<![a-z])(?:now|o\s*clock|thanks|thank\s+you|for\s+(?:the\s+)?(?:day|today)|today|ok|x+|ta|at|the"
    r"|shift|job|work|with|my|it|and|worked|after|total|in|of|site|early|earlier|bit|a|little|ago"
    # "with" in the other languages, left as written beside a break: "com", "con", "cu", "z"
    r"|com|con|cu|z|ze)(?![a-z])"
)
_DURATION_PARTS = re.compile(
    r"(?<![0-9.,:])([0-9]{1,2})\s*(?:h|hr|hrs|hour|hours)\s*(?:and\s*)?([0-9]{1,2})\s*"
    r"(?:m|min|mins|minutes)?(?![a-z0-9])"
)
_DURATION_HOURS = re.compile(
    r"(?<![0-9.,:])([0-9]{1,2}(?:[.,][0-9]{1,2})?)\s*(?:h|hr|hrs|hour|hours)?(?![a-z0-9]|[.,:][0-9])"
    # "done care for 10 years": a count of something else
    r"(?!\s*(?:years?|yrs?|months?|weeks?|days?|times|shifts?|jobs?|miles?|pounds?|quid|people"
    r"|clients?|kids|children|%)(?![a-z]))"
)
_DURATION_MINUTES = re.compile(r"(?<![0-9.,:])([0-9]{1,4})\s*(?:m|min|mins|minutes)(?![a-z])")
_DURATION_CLOCK = re.compile(r"(?<![0-9.,:])([0-9]{1,2}):([0-9]{2})(?![0-9])")
# A figure that reads as hours or as a time of day: "3:15", "7.30".
_HOURS_OR_CLOCK = re.compile(r"(?<![0-9.,:])([0-9]{1,2})[:.]([0-9]{2})(?![0-9])")
_REF_BEFORE_AT = re.compile(r"^\W*#?([0-9]{3,8})\s+(?=at\s)")
# "finished at 18", "KONIEC o 18:00", "worked till 4": when, not how long
_LONGER_THAN_A_SHIFT = re.compile(
    r"(?<![a-z])(?:(?:this|last|a|per|every)\s+(?:week|month|year)|[0-9]+\s+(?:shifts|jobs|days"
    r"|bookings|weeks|months|years|yrs)|max|maximum|at\s+most|at\s+least)(?![a-z])"
)
_HOURS_AFTER = re.compile(r"\s*(?:h|hrs?|hours?)(?![a-z])")  # "did 8:30 hours": how long
_AT_CLOCK = re.compile(r"(?<![a-z])(?:at|till?|until)\s*$")
# No shift runs this long: "DONE 18:00" is when, not how long.
_LONGEST_SHIFT_HOURS = 16
_REF_IN_DURATION = re.compile(
    r"(?<![0-9.,:])#?([0-9]{3,8})(?![0-9]|[.,:][0-9])(?!\s*(?:m|min|mins|minutes)(?![a-z]))"
)
_FINISHED = frozenset(("finished", "finish", "finishd", "left"))  # with a clock time: when
_UNIT_HOURS = re.compile(r"[0-9]\s*(?:h|hrs?|hours?)(?![a-z])|[0-9]h[0-9]{2}")
# "7 and a half", "7 n half", "7 and a quarter": the part of an hour after the whole hours.
_PART_OF_AN_HOUR = re.compile(
    r"(?<![a-z])(?:and|n|&)\s+(?:a\s+)?(?P<part>half|quarter|(?:three|3)\s+quarters)(?![a-z])"
)
_PART_MINUTES = {"half": 30, "quarter": 15, "quarters": 45}  # by the part's last word
# Two times of day, from one to the other: "9 till 2", "from 9 at 14", "9-14".
_CLOCK_SPAN = re.compile(
    r"(?<![0-9.,:])[0-9]{1,2}(?::[0-9]{2})?\s*(?:-|to|till|til|until|a|do|at|as|la)\s*"
    r"[0-9]{1,2}(?::[0-9]{2})?(?![0-9]|\s*(?:h|hrs?|hours?)(?![a-z]))"
)


# A question about the shift is not the thing itself: "what time do i finish?", "do i text
# done when finished?", "o której kończę?", "czy jestem na miejscu?".
_WH_WORD = re.compile(
    r"^\W*(?:what|whats|when|how|where|wheres|which|who|why|ce|cand|cum|unde)(?![a-z])"
)
_YES_NO_QUESTION = re.compile(
    r"^\W*(?:(?:do|should|will|can|could|must|shall)\s+i|does|am\s+i|is\s+it|czy)(?![a-z])"
)


def asks(t: Text) -> bool:
    """Whether the text is a question rather than the act it names."""
    return bool(_YES_NO_QUESTION.search(t.core)) or (
        "?" in t.core and bool(_WH_WORD.search(t.core))
    )


_NOT_LATE = re.compile(
    r"(?<![a-z])(?:wont|will\s+not|not\s+going\s+to|never|dont\s+want\s+to)\s+be\s+late(?![a-z])"
)


def late(t: Text, ctx: Context) -> Parsed | None:
    """LATE 15, running 10 min late, gonna be 5 minutes late, late, be there in 20 mins; "on my
    way" alone says no lateness at all, only that they are coming."""
    if _NOT_LATE.search(t.norm) and not any(c.isdigit() for c in t.norm):
        # "i wont be late": a promise, nothing to do; "nie spóźnię się dużo, 5 minut" is late
        return Parsed("unknown", courtesy=True)
    if asks(t):
        return None
    s = t.norm
    if _ON_THE_WAY.match(t.norm):
        return Parsed("late", offer_ref=find_ref(s), late_from_now=True)
    held_up = says_held_up(t)
    eta = _minutes_until_eta(s, ctx)
    if eta is not None and not _NOT_ARRIVING.search(s):
        # "stuck on the bus, be there 9.15": arriving at a time, so in so many minutes
        return Parsed("late", late_minutes=eta, offer_ref=find_ref(s), late_from_now=True)
    if (not _LATE.search(s) and not held_up) or _NOT_ARRIVING.search(s):
        return None
    said = (
        t.first == "late"
        or held_up
        or _LATE_SAID.search(s)
        or (len(t.words) <= 4 and t.words[-1] == "late" and not _FREE_SAID.search(s))
    )
    if not said:
        return None
    ref = find_ref(s)
    if ref is not None:
        s = s.replace(ref, " ", 1)
    s = _NEXT_ONE_IN.sub(" ", _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS[m.group(1)]), s))
    minutes = None
    for pattern, to_minutes in _LATE_MINUTES:
        m = pattern.search(s)
        if m is not None:
            found = to_minutes(m)
            minutes = found if 0 < found <= MAX_LATE_MINUTES else None
            break
    exact = t.first == "late" and minutes is not None and len(t.words) <= 3
    return Parsed(
        "late",
        start=_another_day(s, ctx),
        late_minutes=minutes,
        offer_ref=ref,
        exact=exact,
        late_from_now=minutes is not None and _ARRIVING_IN.search(s) is not None,
    )


# "missed my bus, next one in 20": when the bus comes, not how late they will be (asked).
_NEXT_ONE_IN = re.compile(
    r"(?<![a-z])(?:next|another)\s+(?:one|bus|train|tube)\s+(?:is\s+|comes\s+)?(?:in|at)\s+"
    r"[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:m|mins?|minutes?)?(?![a-z0-9])"
)


def _another_day(s: str, ctx: Context) -> datetime | None:
    """The midnight starting the day named, when it is not today: "ill be 20 mins late
    tomorrow" is about tomorrow's booking, however far off it is."""
    spec, _ = find_days(s, ctx.at)
    if not spec.said_a_day or len(spec.days) > 1 or spec.recurring:
        return None
    day = window(spec, ALL_DAY, ctx.at)[0].date()
    if day <= ctx.at.date():
        return None
    return datetime.combine(day, time(0), tzinfo=ctx.at.tzinfo)


# When they will arrive, by the clock: "be there 9.15", "get there by 9:30am", "there at 10".
_ETA = re.compile(
    r"(?<![a-z])(?:be|get|getting|arrive|arriving|there|here|eta)\s+(?:there\s+|here\s+)?"
    r"(?:(?:at|by|for|around|about|for\s+about)\s+(?P<h>[0-9]{1,2})(?:[:.h](?P<m>[0-9]{2})|h)?"
    r"|(?P<h2>[0-9]{1,2})[:.h](?P<m2>[0-9]{2}))\s*(?P<half>am|pm)?(?![0-9a-z])"
)


def _minutes_until_eta(s: str, ctx: Context) -> int | None:
    """Minutes from now to the arrival time a text gives, read as the nearest such time to come
    within MAX_LATE_MINUTES; None without one."""
    if _FREE_SAID.search(s) or find_days(s, ctx.at)[0].said_a_day:
        return None  # "free tomorrow, be there at 9": another day, or free time
    if (past := _ETA_PAST_THE_HOUR.search(s)) is not None:
        minute = {"quarter": 15, "half": 30}.get(past["part"]) or int(past["part"])
        if not 0 < minute < 60:
            return None
        return (minute - ctx.at.minute) % 60 or None
    m = _ETA.search(clock_words(s))  # "be there for half 9": 9:30
    if m is None:
        return None
    hour, minute = int(m["h"] or m["h2"]), int(m["m"] or m["m2"] or 0)
    if minute > 59 or hour > 23:
        return None
    hours = [hour]
    if m["half"] == "pm" and hour < 12:
        hours = [hour + 12]
    elif m["half"] is None and hour < 12:
        hours = [hour, hour + 12]
    now = ctx.at.hour * 60 + ctx.at.minute
    ahead = [(h * 60 + minute - now) % (24 * 60) for h in hours]
    soonest = min(ahead)
    return soonest if 0 < soonest <= MAX_LATE_MINUTES else None


# "be there about quarter past", the hour left unsaid: the next such time to come.
_ETA_PAST_THE_HOUR = re.compile(
    r"(?<![a-z])(?:be|get|getting|arrive|arriving|there|here|eta)\s+(?:there\s+|here\s+)?"
    r"(?:(?:at|by|for|around|about|for\s+about)\s+)?(?:a\s+)?(?P<part>quarter|half|[0-9]{1,2})"
    r"\s+past(?!\s*[0-9a-z])"
)


# Coming, and nothing more: "omw", "on my way now", "nearly there x".
_ON_THE_WAY = re.compile(
    r"^\W*(?:(?:im|i\s+am|ok|okay|yes|hi|sorry|so\s+sorry)\W+)*(?:omw|otw|on\s+(?:my|the)\s+way|nearly\s+there"
    r"|almost\s+there|coming\s+now|setting\s+off(?:\s+now)?|(?:just\s+)?(?:leaving|left)\s+(?:home"
    r"|the\s+house)(?:\s+now)?|(?:on|in)\s+(?:the\s+)?(?:bus|train|tube|tram|taxi|car)\s+now)"
    r"(?:\W+(?:now|to\s+(?:you|work|the\s+shift)|x+|thanks|sorry))*\W*$"
)
# How long until they arrive, not how late: "be there in 20", "eta 15", "10 mins away",
# "będę za 10 minut" (read as "be there in 10 minutes").
_ARRIVING_IN = re.compile(
    r"(?<![a-z])(?:(?:there|here|arrive|arriving|get\s+there|be\s+with\s+you)\s+in|eta)"
    r"\s*(?:[0-9]|(?:about\s+|around\s+)?(?:half\s+an|an|a\s+quarter\s+of\s+an)\s+hour(?![a-z]))"
    r"|[0-9]\s*(?:m|min|mins|minutes)?\s+away(?![a-z])"
    r"|(?<![a-z])(?:omw|otw|on\s+my\s+way)\W+(?:\w+\s+){0,3}?(?:[0-9]|half\s+an\s+hour)"
    rf"|{_BE_SOME_MINUTES}"
)


def check_in(t: Text, ctx: Context) -> Parsed | None:
    """HERE, IN, arrived, im here, checking in, just got here, im at the door; kept outside
    ("here but nobody is answering"), the words as `detail`, for the buyer."""
    if asks(t) and not (_THERE_NOW.search(t.norm) and _WHERE_TO_GO.search(t.norm)):
        return None  # "are you here?"; but "where do i go? im at reception" is there, and asks in
    if _FREE_THEN.search(t.norm):
        return None  # "jestem free tomorrow od 12 do 20": free time, in another language's "i am"
    if _LATER_ON.search(t.norm):
        return None  # "na miejscu będę o 9": on site later, not now
    if _SENT_AWAY.search(t.norm):
        return None  # "got there and they said it was cancelled": for a person, not an arrival
    if WRONG_PLACE.search(t.norm):
        return None  # "jestem pod złym adresem": somewhere, but not where the shift is
    # A booking's number has four digits; "9" or "17" is a time of day.
    ref = next((w for w in t.words if w.isdecimal() and len(w) >= 3), None)
    words = [w for w in t.words if not w.isdecimal()]
    while words and words[-1] in _FILLER:
        words.pop()
    while words and words[0] in _FILLER:
        words.pop(0)
    said = " ".join(words)
    if said in _IN_PHRASES and not (said == "i am" and t.entries == ()):
        # "jestem", "estou": I am here; but "yes i am", in English, answers something else
        return Parsed("check_in", offer_ref=ref, exact=len(words) == 1)
    if _NOT_YET.search(t.norm):
        return None  # "i am not on site yet", "nie jestem już w Londynie": not arrived
    lost = _LOST.search(t.norm)
    if lost and not (_THERE_NOW.search(t.norm) or _ARRIVED.search(t.core)):
        return None  # "no encuentro la entrada", "im lost": on the way, for a person
    needs_the_buyer = lost or _KEPT_OUT.search(t.norm) or _WHERE_TO_GO.search(t.norm)
    kept_out = t.original if needs_the_buyer else None
    if len(t.words) <= _SHORT and _IN_CUES.search(t.norm) and not _ELSEWHERE.search(t.norm):
        return Parsed("check_in", offer_ref=ref, detail=kept_out)
    if _ARRIVED.search(t.core) and not _ELSEWHERE.search(t.norm):
        return Parsed("check_in", offer_ref=ref, detail=kept_out)
    if needs_the_buyer and _THERE_NOW.search(t.norm) and not _ELSEWHERE.search(t.norm):
        return Parsed("check_in", offer_ref=ref, detail=kept_out)  # "jestem, gdzie mam iść?"
    if len(t.words) <= _SHORT and _AT_THE_DOOR.search(t.norm) and not _ELSEWHERE.search(t.norm):
        # "nobody here to let me in", "door is locked": there, and kept outside
        return Parsed("check_in", offer_ref=ref, detail=t.original)
    return None


# "im at the wrong address", "lugar equivocado": not where the shift is.
WRONG_PLACE = re.compile(
    r"(?<![a-z])wrong\s+(?:address|place|building|house|location|street|postcode)(?![a-z])"
)
_LOST = re.compile(
    r"(?<![a-z])(?:(?:cant|cannot|can\s+not|couldnt)\s+find|(?:im|i\s+am|got)\s+lost)(?![a-z])"
)
# Words that put a text about being somewhere, or finishing something, outside the shift:
# "im here at the shop, ill call later", "finished my phone credit".
_ELSEWHERE = re.compile(
    r"(?<![a-z])(?:later|call|ring|phone|credit|battery|shop|store|school|at\s+home|my\s+house"
    r"|go(?:ing)?\s+home|(?:arrived|got)\s+home|hospital|doctor|homework|shopping|dinner|lunch"
    r"|breakfast|yesterday|last\s+night|bus\s+stop|boyfriend|girlfriend|holidays?|vacation"
    r"|(?:on|in|at)\s+the\s+(?:bus|train|tram))(?![a-z])"
)


_SENT_AWAY = re.compile(
    r"(?<![a-z])(?:was\s+cancell?ed|been\s+cancell?ed|cancell?ed\s+it|sent\s+(?:me\s+)?(?:home|away)"
    r"|(?:not|no\s+longer)\s+needed|didnt\s+need\s+me|nobody\s+(?:was\s+)?there|no\s+one\s+there"
    r"|(?:theyve|they\s+have|they)\s+cancell?ed|(?:didnt|did\s+not|never)\s+book"
    r"|(?:not|werent|wasnt)\s+expecting\s+(?:me|anyone|anybody)|no\s+booking|wrong\s+address"
    r"|(?:dont|do\s+not)\s+know\s+(?:anything\s+)?about\s+(?:me|it|the\s+shift|a\s+shift))"
    r"(?![a-z])"
)
# Arrived, but kept outside: "im here but nobody is answering the door", "whats the door code".
# Checked in (the time is the worker's), and the words go to the buyer, who can let them in.
_KEPT_OUT = re.compile(
    r"(?<![a-z])(?:(?:nobody|no\s+one|noone)\s+(?:is\s+)?(?:answering|answers|answered|opening"
    r"|opens|here|in|home|coming\s+to\s+the\s+door)|no\s+answer|not\s+answering"
    r"|(?:cant|cannot|can\s+not)\s+get\s+in|locked\s+out|(?:door|gate)\s+(?:is\s+)?locked"
    r"|(?:door|gate|key|entry)\s*(?:code|safe)|buzzer|intercom|(?:door\s*)?bell|knocking"
    r"|(?:let|letting)\s+me\s+in)(?![a-z])"
)
# Kept outside in words that say the worker is at the door: "nobody here to let me in".
_AT_THE_DOOR = re.compile(
    r"(?<![a-z])(?:(?:let|letting)\s+me\s+in|locked\s+out|(?:door|gate)\s+(?:is\s+)?locked"
    r"|(?:nobody|no\s+one|noone)\s+(?:is\s+)?(?:answering|opening)(?:\s+the\s+(?:door|gate))?"
    r"(?!\s+(?:my|me|the\s+phone|the\s+calls?|calls?|phone))"
    r"|no\s+answer\s+at\s+the\s+(?:door|gate)|(?:been\s+)?knocking)(?![a-z])"
)
# There now, said outright beside a question: "where do i go? im at reception".
_THERE_NOW = re.compile(
    r"(?<![a-z])(?:(?:im|i\s+am)\s+(?:here|outside|at\s+(?:the\s+)?(?:door|gate|front|entrance"
    r"|reception))|(?:here|outside|at\s+(?:the\s+)?(?:door|gate|entrance|reception))\s+now"
    r"|just\s+(?:got\s+)?(?:here|arrived)|(?:ive|i\s+have)\s+arrived)(?![a-z])"
    # "jestem, gdzie mam iść?", "ya estoy, ¿dónde voy?": "i am" or "here" said alone first
    r"|^\W*(?:i\s+am|im|here)\s*[,.!]"
)
# Where to go, once there: for the buyer, who can say.
_WHERE_TO_GO = re.compile(
    r"(?<![a-z])(?:where\s+(?:do|should|shall|can)\s+i\s+(?:go|find\s+you|wait)|which\s+(?:door"
    r"|entrance|floor|room|building|gate)|where\s+(?:is|s)\s+the\s+(?:entrance|door|way\s+in)"
    r"|who\s+do\s+i\s+(?:ask\s+for|see|report\s+to|speak\s+to|talk\s+to))(?![a-z])"
)
_LATER_ON = re.compile(r"(?<![a-z])(?:ill|i\s+will|will)\s+be(?![a-z])")
# Not there: "not on site yet", "im no longer in london": said before being there.
_NOT_YET = re.compile(
    r"(?<![a-z])(?:not|isnt|havent|hasnt|no\s+longer)(?![a-z]).*(?<![a-z])(?:here|there|in"
    r"|inside|on\s*site|arrived|at)(?![a-z])"
)
_SHORT = 12  # words: a longer text that mentions arriving is about something else
_FREE_THEN = re.compile(r"(?<![a-z])(?:free|available)(?![a-z])")
# Said plainly, arriving is arriving however long the text: "I have arrived at the address".
_ARRIVED = re.compile(
    r"^(?:i\s+)?(?:have|ive|just|now)?\s*arrived(?:\s+(?:at|on|now|here))?(?![a-z])"
    r"|^(?:im|i\s+am)\s+(?:here|now\s+here)\s+(?:at|in)\s+(?:the\s+)?(?:address|house|site|job"
    r"|work|building|care\s+home|clients?)(?![a-z])"
)
_IN_CUES = re.compile(
    r"(?<![a-z])(?:just\s+(?:got\s+)?(?:here|arrived|in)|got\s+here|(?:im|i\s+am)\s+here"
    r"|here\s+now|here\s+at|(?:ive|i\s+have|just)\s+arrived|^arrived|made\s+it(?:\s+in)?$"
    r"|^made\s+it\W|sign(?:ing|ed)\s+in|(?:im|i\s+am)\s+(?:in|inside)\s*$|going\s+in\s*$"
    r"|^(?:(?:im|i\s+am)\s+)?waiting\s+(?:outside|at\s+(?:the\s+)?(?:door|gate|entrance|reception))"
    r"|(?:im|i\s+am)\s+(?:outside|at\s+(?:the\s+)?(?:door|gate|front|entrance|reception))"
    r"|(?:outside|at\s+(?:the\s+)?(?:door|gate|entrance|reception))\s+now|on\s+site|onsite"
    r"|^(?:outside|at\s+(?:the\s+)?(?:front\s+)?(?:door|gate|entrance|reception))\W*$"
    r"|clock(?:ing|ed)\s+in|check(?:ing|ed)\s+in|start(?:ing|ed)\s+now|got\s+to\s+(?:the\s+)?(?:site"
    r"|house|job|address|place|work|client)|start(?:ed|ing)\s+(?:my\s+)?(?:shift|work)"
    r"|arrived\s+at\s+the\s+(?:house|address|site|job))(?![a-z])"
)
# Work elsewhere, finished: "finished at my other job", "done my training".
_OTHER_WORK = re.compile(
    r"(?<![a-z])(?:(?:my\s+)?other\s+(?:job|place|work)|another\s+job|second\s+job|day\s+job"
    r"|main\s+job|my\s+(?:course|training|exams?|studies|school|college|uni))(?![a-z])"
)
# Not finished now: not yet, or only to come.
_NOT_DONE = re.compile(
    r"(?<![a-z])(?:(?:not|havent|hasnt|when|once|will|ill|gonna|should)\s+(?:[a-z]+\s+){0,2}?"
    r"|no\s+)(?:finished|done|finish|left)(?![a-z])"
    r"|(?<![a-z])(?:finished|done|left)\s+(?:[a-z]+\s+)?yet(?![a-z])"
)
# Finishing in other words, anywhere in a short text: "leaving now, finished 4821".
_OUT_CUES = re.compile(
    r"(?<![a-z])(?:finished|all\s+done|done\s+for\s+(?:the\s+)?(?:day|today|now)"
    r"|clock(?:ing|ed)\s+(?:out|off)|sign(?:ing|ed)\s+(?:out|off)|check(?:ing|ed)\s+out"
    # "shifts over" is "shift's over", not "shifts over 4 hours"
    r"|shift(?:s|\s+is|\s+was)?\s+(?:over|done|finished)(?!\s+(?:[0-9]|an?\s|than|half))|knock(?:ing|ed)\s+off|leaving\s+now"
    r"|just\s+(?:left|finished)|job\s+(?:done|finished)|end\s+of\s+(?:the\s+|my\s+)?shift"
    r"|(?:i\s+)?left\s*$|^\W*(?:to\s+)?leaving(?=\W.*[0-9]\s*(?:h|hrs?|hours?)(?![a-z]))"
    # "thats me off home, 7 and a half hours": off, with the hours said
    r"|(?:im|i\s+am|thats\s+me)\s+off(?:\s+home)?"
    r"(?=\W.*[0-9](?:\s+(?:n|and|&)\s+(?:a\s+)?half)?\s*(?:h|hrs?|hours?)(?![a-z])))"
    r"(?![a-z])(?P<rest>.*)$"
)
# The hours worked, said as a count: "5 hrs", "7.5h", "4 hours 30 mins", "7h30".
# "worked 9 till 5:30", "did 8-4 today": the times of day worked, said after the shift.
# "worked 9-5", "trabajé de 9 a 5" ("worked 9 a 5"), "i was there 9 till half 5".
_WORKED_SPAN = re.compile(
    r"(?<![a-z])(?:i\s+)?(?:worked|did|was\s+there|been\s+there)\s+(?:(?:today|this\s+morning)\s+)?"
    r"(?:from\s+)?(?P<rest>(?:half\s+(?:past\s+)?)?[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?\s*"
    rf"(?:-|(?<![a-z])(?:{'|'.join(separators())})(?![a-z]))\s*(?:half\s+(?:past\s+)?)?[0-9]{{1,2}}"
    r"(?:[:.][0-9]{2})?\s*(?:am|pm)?)(?![0-9a-z])"
)
# "started at 9 and finished at 5", "got there 1.15 left at 5": the two ends of the hours
# worked, said apart.
_STARTED_THEN_FINISHED = re.compile(
    r"(?<![a-z])(?:i\s+)?(?:started|start|began|arrived|got\s+(?:there|in))\s+(?:at\s+)?"
    r"(?P<a>[0-9]{1,2}(?:[:.][0-9]{2})?\s*"
    r"(?:am|pm)?)\W+(?:and\s+|then\s+)?(?:i\s+)?(?:finished|finish|left|ended|stopped)\s+(?:at\s+)?"
    r"(?P<b>[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?)(?![0-9a-z])"
)
# "worked from 9 for 4 hours": when they began, and the hours worked.
_WORKED_FOR = re.compile(
    r"(?<![a-z])(?:i\s+)?(?:worked|did)\s+(?:from\s+)?[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?\s+for\s+"
    r"(?P<rest>[0-9]+(?:[.,][0-9]+)?\s*(?:h|hrs?|hours?))(?![a-z])"
)
# Hours said only to be denied: "i did 6 hours not 4", "6h, not 4 like they said".
_NOT_THESE = re.compile(
    r"(?<![a-z])(?:not|no|instead\s+of|rather\s+than)\s+(?:the\s+)?[0-9]+(?:[.,:][0-9]+)?\s*"
    r"(?:h|hrs?|hours?)?(?![0-9a-z])(?!\s*(?:m|mins?|minutes?)(?![a-z]))"
)
# A break said beside the hours ("did 8 hrs with 30 min break", "no break") is not hours worked.
_A_WHILE = r"(?:[0-9]+\s*(?:m|mins?|minutes?|h|hrs?|hours?)|half\s+(?:an?\s+)?hour|an?\s+hour)"
_BREAK = re.compile(
    rf"(?<![a-z])(?:(?:with|plus|incl|including|inc|and|&)\s+)?(?:an?\s+)?{_A_WHILE}\s+"
    # "6 hours break 30 min": the break is the time after it
    rf"(?:of\s+|de\s+)?(?:lunch\s+)?break(?![a-z])(?!\s+(?:of\s+|de\s+|was\s+)?(?:[0-9]|half|an?\s+hour))"
    r"|(?<![a-z])(?:no|without\s+(?:a\s+)?|didnt\s+(?:get|have|take)\s+(?:a|my|any))"
    r"\s*(?:break|lunch)(?![a-z])"
    # "break of 30 min", "lunch 30 mins" ("pauza de 30 min", "almoço de 30 min")
    r"|(?<![a-z])(?:(?:with|plus|and|&)\s+)?(?:a\s+)?(?:lunch\s+)?(?:break|lunch)\s+(?:of\s+|de\s+"
    rf"|was\s+)?{_A_WHILE}(?![a-z])"
    rf"|(?<![a-z])(?:(?:with|plus|and|&)\s+)?(?:an?\s+)?{_A_WHILE}\s+(?:for\s+|of\s+|de\s+)?lunch"
    r"(?![a-z])"
)
_HOURS_COUNT = re.compile(
    r"(?<![0-9.,:])[0-9]+(?:[.,][0-9]+)?\s*(?:h|hrs?|hours?)(?![a-z])"
    r"(?:\s*(?:and\s*)?[0-9]+\s*(?:m|mins?|minutes)(?![a-z]))?|(?<![0-9])[0-9]+h[0-9]{2}(?![0-9])"
)
# "left at 17h" (as "saí às 17h" reads): a time of day, not seventeen hours.
_AT_HOUR = re.compile(r"(?<![a-z])at\s+([01]?[0-9]|2[0-3])\s*h(?![a-z0-9])")
# How much earlier or later than booked the work ended, not how long it was: "finished 30 mins
# early", "stayed an hour late", "did 45 mins extra".
_AMOUNT_OF_TIME = (
    # "30 de minute", as Romanian counts them
    r"(?:(?<![0-9.,:])[0-9]{1,3}\s*(?:de\s+)?(?:m|mins?|minutes|h|hrs?|hours?)"
    r"|(?<![a-z])(?:an?\s+hour\s+and\s+a\s+half|half\s+(?:an?\s+)?hour|(?:a\s+)?quarter\s+"
    r"(?:of\s+)?(?:an\s+)?hour|an?\s+hour))(?![a-z])"
)
_OFFSET = re.compile(
    rf"(?P<amount>{_AMOUNT_OF_TIME})\s+(?:(?P<short>early|earlier|before|short|less)|late|later"
    r"|over|after|extra|more|longer)(?![a-z])"
    # "stayed an extra hour", "did another 30 mins"
    rf"|(?<![a-z])(?:an?\s+)?(?:extra|another|additional)\s+(?P<more>{_AMOUNT_OF_TIME}|hour)"
    r"(?![a-z])"
)
# Off the booked end by an amount not said: "finished early", "left a bit early", "stayed late".
_OFF_THE_BOOKED_END = re.compile(r"(?<![a-z])(?:early|earlier|late|later|longer|overtime)(?![a-z])")
# Staying on, said as done: "stayed 30 mins late", "had to stay an hour extra", "ran 20 mins
# over". Only the past: "can stay an hour later" offers, and is for the buyer to take up.
_STAYED_ON = re.compile(
    r"(?<![a-z])(?:stayed|had\s+to\s+stay|worked|did|done|ran|went|kept\s+(?:me|us))(?![a-z])"
)


# When they finished, counted back from now: "finished 20 mins ago", "left an hour ago".
_AGO = re.compile(rf"(?P<amount>{_AMOUNT_OF_TIME})\s+ago(?![a-z])")


def _minutes_in(amount: str) -> int:
    """The minutes an amount of time says: "30 mins", "an hour", "half an hour", "hour"."""
    if amount == "hour":
        return 60
    return next(
        to_minutes(m)
        for pattern, to_minutes in _LATE_MINUTES
        if (m := pattern.search(amount)) is not None
    )


def _past_the_booked_end(said: re.Match[str]) -> int:
    """The minutes an _OFFSET says the work ran past the booked end; before it, negative."""
    minutes = _minutes_in(said["amount"] or said["more"])
    return -minutes if said["short"] else minutes


_DID_HOURS = re.compile(
    r"(?<![a-z])(?:did|worked|done|(?<!can\s)(?<!could\s)(?<!will\s)(?<!ill\s)(?<!would\s)(?<!only\s)"
    # Polish "od 9 do 12:30" is from 9 to 12:30, not "do 12:30" hours
    r"(?<!to\s)(?<![0-9]\s)(?<![0-9])do)\s+(?:(?:today|tonight)\s+)?"
    # "worked the full 4 hours", "did all 6 hours", "i did the 4 hours", "did my 4 hours"
    r"(?:(?:the|my)\s+(?:full\s+|whole\s+)?|(?:full|whole|all(?:\s+the)?|all\s+of\s+the)\s+)?(?P<rest>(?:a\s+|an\s+)?[0-9.,]+\s*(?:(?:and|n|&)\s+(?:a\s+)?(?:half|quarter)\s+)?"
    r"(?:h|hr|hrs|hours?)"
    r"(?:\s*(?:and\s*)?[0-9]+\s*(?:m|mins?|minutes)?)?|[0-9]{1,2}:[0-9]{2}\s*(?:h|hrs|hours)?)"
    r"(?![a-z0-9])"
)


def says_held_up(t: Text) -> bool:
    """Whether the text says something on the way holds them up: "car wont start", "missed the
    bus", "stuck in traffic"."""
    return _HELD_UP.search(t.norm) is not None


def says_finished(t: Text) -> bool:
    """Whether the text says the work is done: "done", "all done", "worked 9-5", "did 6 hrs"."""
    return bool(_OUT.match(t.core) or _DID_HOURS.search(t.norm) or _WORKED_SPAN.search(t.norm))


# When the hours worked began, beside how many there were: "4 hours from 9", "from 9 for 4h".
_FROM_A_CLOCK = re.compile(
    r"(?<![a-z])(?:from|starting(?:\s+at)?)\s+[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?(?![0-9])"
    r"(?!\s*(?:-|to|till?|until|do|a|al|la|as|ate)\s*[0-9])"  # "from 8 to 1, so 5h": a span
)


_FREE_BESIDES = re.compile(
    r"[,.;!]\s*(?:(?:and|but|also|btw|oh|im|i\s+am|i\s+m)\s+)*"
    r"(?P<then>(?:[a-z]+\s+){0,3}?(?:free|available|avail|can\s+(?:do|work))(?![a-z]).*)$"
)


# When the shift ends, asked: "what time does it finish", "depends when it ends".
_WHEN_IT_ENDS = re.compile(
    r"(?<![a-z])(?:depends\s+(?:on\s+)?(?:what\s+time|when)|(?:what\s+time|when|how\s+late)\s+"
    r"(?:does|will|would|do)\s+(?:it|the\s+(?:shift|job|work)|we|u|you)\s+(?:finish|end))(?![a-z])"
)


def check_out(t: Text, ctx: Context) -> Parsed | None:
    """DONE, DONE 5.5, done 4h30, finished 6pm, OUT, clocking off now did 8.5 hrs."""
    if asks(t):
        return None
    if (free := _FREE_BESIDES.search(t.norm)) is not None:
        # "I'm done for today, free tomorrow 9-5": done, and free time besides (`then`); its
        # hours are never the hours worked
        done = check_out(t.said_as(t.norm[: free.start()]), ctx)
        return replace(done, then=free["then"]) if done is not None else None
    # "left the shop": elsewhere; "left, 30 min lunch": the break taken at work; "left an hour
    # later": than booked
    if _ELSEWHERE.search(_BREAK.sub(" ", _OFFSET.sub(" ", t.norm))) and t.first not in (
        "done",
        "finished",
        "out",
    ):
        return None
    if _LONGER_THAN_A_SHIFT.search(t.norm):
        return None  # "i did 10 hrs this week", "done 2 shifts": a tally, not today's hours
    if _OTHER_WORK.search(t.norm):
        return None  # "finished work at my other job, free now": not this shift
    if _NOT_DONE.search(t.norm) or ("?" in t.original and len(t.words) <= 2):
        return None  # "not finished yet", "will text when finished", "done?": not done now
    if _WHEN_IT_ENDS.search(t.norm):
        return None  # "depends what time it finishes": a question, asked without "?"
    m = _OUT.match(t.core)
    cue = two_readings = False
    ends = _STARTED_THEN_FINISHED.search(t.norm) if len(t.words) <= _SHORT else None
    beyond = _OFFSET.search(t.norm) if len(t.words) <= _SHORT else None
    if beyond is not None and (m is not None or _STAYED_ON.search(t.norm)):
        # "worked 1 hour over", "finished 30 mins early": off the booked end, not hours worked
        verb, rest = "finished", t.norm[: beyond.start()] + " , " + t.norm[beyond.end() :]
        rest = _OUT.sub(r"\g<rest>", rest, count=1)
        cue = True
    elif ends is not None:
        # "started at 9 and finished at 5": from one to the other, as "did 9-5" is
        span = f"{ends['a']} to {ends['b']}"
        verb, rest, cue = "finished", t.norm.replace(ends.group(0), " ", 1) + " , " + span, True
    elif m is not None and not _aside(m.group("verb"), m.group("rest")):
        verb, rest = m.group("verb"), m.group("rest")
    elif len(t.words) <= _SHORT and (
        m := _OUT_CUES.search(t.norm)
        or _DID_HOURS.search(t.norm)
        or _WORKED_SPAN.search(t.norm)
        or _WORKED_FOR.search(t.norm)
    ):
        # the hours after a comma: not read as what the words before them say ("break 8 hours")
        verb, rest = "finished", t.norm.replace(m.group(0), " ", 1) + " , " + m.group("rest")
        cue = True
    else:
        return None
    end = None
    either_half = False
    minutes = None
    ref = None
    ago = _AGO.search(rest)
    if ago is not None:
        rest = rest[: ago.start()] + " " + rest[ago.end() :]
    rest = LOOSELY.sub(" ", _NOT_THESE.sub(" ", rest))
    rest = find_rate(rest)[1]  # "worked 4 hours, paid 13 an hour": the 4 hours, never 13
    rest = clock_words(_AT_HOUR.sub(r"at \1:00", _OFFSET.sub(" ", rest)), hours_worked=True)
    if _UNIT_HOURS.search(rest):
        rest = _FROM_A_CLOCK.sub(" ", rest)  # "worked 4 hours from 9": the 4 hours, not 9
    break_minutes = _break_taken(rest)
    if break_minutes is None and m is not None and m.re is _OUT:
        break_minutes = _break_taken(t.core[: m.start("verb")])  # "no break today, finished at 1"
    rest = _AN_HOUR_IN_WORDS.sub(_hours_as_a_figure, _BREAK.sub(" ", rest))
    named = _REF_BEFORE_AT.match(rest)  # "finished 4821 at 5": the booking, then when
    if named is not None:
        rest = rest[named.end() :]
    spans, _, without_span = (
        ([], False, rest) if _HOURS_COUNT.search(rest) else find_ranges(rest, None)
    )
    clock = None if len(spans) == 1 else CLOCK.search(rest)
    said_clock = (
        clock is not None
        and not _HOURS_AFTER.match(rest[clock.end() :])
        and (
            bool(clock.group("ap") or clock.group("ap1") or clock.group("word"))
            or _AT_CLOCK.search(rest[: clock.start()]) is not None
            or (verb in _FINISHED and (":" in clock.group(0) or bool(clock.group("hhmm"))))
            or int(clock.group("h") or 0) > _LONGEST_SHIFT_HOURS
        )
    )
    if said_clock and clock is not None and (c := clock_from(clock)) is not None:
        fixed = c.fixed()
        end = nearest(ctx.at, (fixed,) if fixed is not None else c.readings())
        either_half = fixed is None
        if cue and either_half and _AT_CLOCK.search(rest[: clock.start()]) is None:
            # "worked 6:45": the hours worked, or when they left
            minutes, two_readings = _worked(clock.group(0))[0], True
        rest = rest[: clock.start()] + " " + rest[clock.end() :]
        if _UNIT_HOURS.search(rest):
            # "left at 4, 7h30 today": the hours said are what the timesheet needs.
            minutes, rest, ref = _worked(rest)
        elif (big := _REF_IN_DURATION.search(rest)) is not None:
            ref = big.group(1)  # "finished at 5 4821"
    elif len(spans) == 1:
        # "done 9-5", "finished 8am-4pm": from one time of day to the other
        minutes, rest = _span_minutes(spans[0]), without_span
        if (big := _REF_IN_DURATION.search(rest)) is not None:
            ref, rest = big.group(1), rest[: big.start()] + " " + rest[big.end() :]
    else:
        count = _HOURS_COUNT.search(rest)
        if count is not None and _CLOCK_SPAN.search(rest[: count.start()]):
            # "done 9 till 2 so 5 hrs": the count said, not the times of day before it
            rest = rest[: count.start()] + " " + count.group(0) + " " + rest[count.end() :]
            rest = _CLOCK_SPAN.sub(" ", rest, count=1)
        figure = _HOURS_OR_CLOCK.search(rest) if not _UNIT_HOURS.search(rest) else None
        clock = CLOCK.search(figure.group(0)) if figure is not None else None
        minutes, rest, ref = _worked(rest)
        if clock is not None and (c := clock_from(clock)) is not None:
            # "DONE 3:15", "clocked out 7.30": how long, or when? The booking settles it.
            end, either_half, two_readings = nearest(ctx.at, c.readings()), True, True
    if _aside(verb, rest):
        return None  # "out sick", "left my phone": not a checkout
    if ago is not None:
        end = ctx.at - timedelta(minutes=_minutes_in(ago["amount"]))  # "finished 20 mins ago"
        either_half = False
    if end is None and minutes is None and beyond is None and _OFF_THE_BOOKED_END.search(rest):
        # "finished early", "stayed late": not the booked hours, and not how many
        return Parsed("check_out", ambiguous=True, ask="ask_hours_worked")
    hours = round(minutes / 60, 2) if minutes else None
    exact = t.first in ("done", "finished") and len(t.words) <= 3
    return Parsed(
        "check_out",
        end=end,
        # the hours or the time said stand; the offset only stands in for them
        end_past_booked=(
            _past_the_booked_end(beyond)
            if beyond is not None and end is None and minutes is None
            else None
        ),
        end_either_half=either_half,
        hours_or_end=two_readings and end is not None and minutes is not None,
        minutes_worked=minutes,
        hours_worked=hours,
        break_minutes=break_minutes,
        offer_ref=named.group(1) if named is not None else ref,
        exact=exact,
    )


# "an hour", "half an hour", "an hour and a half" (as "una hora", "pół godziny" read): hours
# worked said in words, made a figure for the count.
_AN_HOUR_IN_WORDS = re.compile(
    r"(?<![a-z0-9])(?:(?P<more>an?\s+hour\s+and\s+a\s+half)|(?P<half>half\s+an?\s+hour)"
    r"|an?\s+hour)(?![a-z])"
)


def _hours_as_a_figure(said: re.Match[str]) -> str:
    return "1.5 hours" if said["more"] else "0.5 hours" if said["half"] else "1 hour"


def _break_taken(rest: str) -> int | None:
    """The minutes of the break a checkout mentions ("had a 30 min break": 30, "no break": 0),
    or None when it says none."""
    m = _BREAK.search(rest)
    if m is None:
        return None
    said = m.group(0)
    if (count := re.search(r"([0-9]+)\s*(m|h)", said)) is not None:
        return int(count.group(1)) * (60 if count.group(2) == "h" else 1)
    if "half" in said:
        return 30
    return 60 if re.search(r"(?<![a-z])an?\s+hour", said) else 0


def _span_minutes(span: HourRange | Either) -> int | None:
    """The minutes from one time of day to another ("9-5" is 8 hours); None when the span could
    be the morning's or the evening's ("5-9"), which is not guessed."""
    if not isinstance(span, HourRange):
        return None
    return (span.end - span.start) % (24 * 60) or None


def _aside(verb: str, rest: str) -> bool:
    """ "out sick", "left my phone": leaving or out, about something other than the shift."""
    # "left at 5pm", "left at 17h", "at half 4", "an hour ago": when they left is about the
    # shift; so is the break taken, and the time put right ("left at 4.30 instead of 5").
    rest = clock_words(_NOT_THESE.sub(" ", _AGO.sub(" ", rest)), hours_worked=True)
    rest = _BREAK.sub(" ", _AT_A_TIME.sub(" ", rest))
    if verb in ("done", "finished", "finish", "finishd", "completed", "complete"):
        # "done my training", "done with this app": something else finished, not the shift
        return _DONE_WITH_ELSE.search(rest) is not None
    return (
        verb in ("out", "left", "leaving")
        and bool(_OUT_QUIET.sub(" ", _worked(rest)[1]).strip(" \t.,!;:-0123456789"))
        and not _OUT_CUES.search(rest)
    )


_DONE_WITH_ELSE = re.compile(
    r"^\W*(?:with\s+)?(?:my|this|that|the|your|all\s+my)\s+(?!(?:shift|shifts|work|job|day"
    r"|booking|hours?|time|visit|client|care\s+visit|clean|cleaning)(?![a-z]))[a-z]"
    r"|^\W*with\s+(?:you|u|this|poems|it)(?![a-z])"
    r"|(?<![a-z])(?:school|course|training|studies|college|uni|exams?|boyfriend|girlfriend"
    r"|husband|wife|relationship)(?![a-z])"
)


_AT_A_TIME = re.compile(
    r"(?<![a-z])at\s+[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm|h|hrs)?(?![a-z0-9])"
)


def _worked(rest: str) -> tuple[int | None, str, str | None]:
    """Minutes worked in "5.5", "4h30", "4 hrs 30 mins", "5:30", "330 mins"; and a reference."""
    ref = None
    big = _REF_IN_DURATION.search(rest)
    if big is not None:
        ref, rest = big.group(1), rest[: big.start()] + " " + rest[big.end() :]
    part = _PART_OF_AN_HOUR.search(rest)
    half = _PART_MINUTES[part.group("part").split()[-1]] if part else 0
    minutes = None
    if m := _DURATION_PARTS.search(rest) or _DURATION_CLOCK.search(rest):
        minutes = int(m.group(1)) * 60 + int(m.group(2))
    elif m := _DURATION_MINUTES.search(rest):
        minutes = int(m.group(1))
    elif m := _DURATION_HOURS.search(rest):
        try:
            minutes = int(Decimal(m.group(1).replace(",", ".")) * 60) + half
        except InvalidOperation:
            minutes = None
    if m is not None:
        rest = rest[: m.start()] + " " + rest[m.end() :]
    if minutes is not None and not 0 < minutes <= 24 * 60:
        minutes = None
    return minutes, _PART_OF_AN_HOUR.sub(" ", rest), ref
