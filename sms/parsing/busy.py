"""Free no longer: "BUSY sat" (the command), and in words "no weekends from now on", "im busy
tomorrow", "not available saturday", "cant work sundays anymore" in any of our languages."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import cache

from sms.parsing.availability import availability_text
from sms.parsing.days import (
    A_DAY_SAID,
    MONTH_NUMBER,
    MONTHS,
    NEXT_WEEK,
    THIS_WEEK,
    WEEKDAYS,
    date_range,
    find_days,
    first_of_range,
    is_day_word,
    last_of_range,
    next_monday,
    window,
)
from sms.parsing.lexicon import fold, languages
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text
from sms.parsing.times import ALL_DAY, find_ranges, has_lone_time

# Saying one is not free, followed by the days.
_NOT_FREE = re.compile(
    r"(?<![a-z])(?:busy|unavailable|not\s+(?:available|free|working|around)"
    r"|(?:dont|do\s+not|no\s+longer|i\s+no\s+longer)\s+want(?:\s+(?:any|more|to\s+work))*"
    r"(?:\s+(?:work|shifts?|jobs?|offers?))?(?:\s+(?:on|at|for))?"
    r"|(?:dont|do\s+not|no\s+longer)\s+need\s+(?:any\s+)?(?:work|shifts?|jobs?|offers?)"
    r"(?:\s+(?:on|at|for))?"
    r"|no\s+longer\s+(?:available|free|working)"
    # "take me off weekends": no offers on those days
    r"|(?:take|put)\s+me\s+off(?=\s+(?:the\s+)?(?:weekends|[a-z]+days)(?![a-z]))"
    r"|(?:cant|cannot|wont|can\s+not)(?:\s+(?:work|do|be\s+free|be\s+available))?"
    # "dont" only with what is not done: "they dont need me today" is no day off of one's own
    r"|dont\s+(?:work|do|be\s+free|be\s+available)"
    # "no work this weekend please", "no shifts on saturday": not a question why there are none
    r"|^no\s+(?:more\s+)?(?:work|shifts?|jobs?|offers?)(?:\s+for\s+me)?(?=[^?]*$))"
    r"(?![a-z])(?P<rest>.*)$"
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
    command = typed in _command_words()
    away = away_for_days(t.norm, ctx)
    if away is None:
        return _days_off(rest, t, ctx, command=command)
    # "BUSY 14/12-20/12", "BUSY next week": the command, when nothing else is said
    said = date_range(rest) or ""
    others = _FILLER.sub(" ", NEXT_WEEK.sub(" ", THIS_WEEK.sub(" ", rest.replace(said, " "))))
    return replace(away, exact=command and not others.split())


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
    away = away_for_days(t.norm, ctx)
    if away is not None:
        return away
    if (first := _NOT_A_DAY_FIRST.match(t.norm)) is not None:
        # "not today, tomorrow 9-5": as "not today but tomorrow 9-5"
        t = t.said_as(f"{first['refused']} but {t.norm[first.end() :]}")
    core, norm, then = t.core, t.norm, None
    if (but := _BUT_FREE.search(norm)) is not None:
        norm, then = norm[: but.start()], but.group("then")
        core = _BUT_FREE.sub("", core)
    elif (but := _BUT.search(core)) is not None and (but_said := _BUT.search(norm)) is not None:
        # "not friday but saturday yes": the days after the "but" are not given up
        then = core[but.end() :].strip() or None
        core, norm = core[: but.start()], norm[: but_said.start()]
    m = _NO_MORE.match(core)
    if m is None or not is_day_word(m.group("rest").split(" ", 1)[0]):
        m = None if _TOLD.search(norm) else _NOT_FREE.search(norm) or _TAKEN_BACK.search(norm)
    found = _days_off(m.group("rest"), t, ctx) if m is not None else None
    if found is None and m is not None and m.re is _NOT_FREE and _SAID.match(m.group("rest")):
        # the days first: "los domingos no trabajo", "sundays i dont work", "jutro nie pracuję"
        found = _days_off(norm[: m.start()], t, ctx)
    # the part of the day given up, said after the "not" or, days first, before it
    given_up = (
        next(
            (said for said in (m.group("rest"), norm[: m.start()]) if _PART_OF_A_DAY.search(said)),
            None,
        )
        if m is not None
        else None
    )
    if found is not None and then and given_up is not None:
        # "not free tomorrow morning but free in the afternoon 1-5": that day's free time, and
        # only it; never the whole day given up and the afternoon put on today
        free = _the_rest_of_the_day(given_up, then, t, ctx)
        if free is not None:
            return free
    if found is not None and then and _THE_DAY_AFTER.match(then):
        # "not tomorrow, the day after 9-5": the day after the one given up, by its name; never
        # today's free time
        days_given_up = [WEEKDAYS.index(d) for d in found.days] or (
            [found.start.weekday()] if found.start is not None else []
        )
        after = WEEKDAYS[(days_given_up[0] + 1) % 7] if len(days_given_up) == 1 else None
        then = _THE_DAY_AFTER.sub(f"{after} ", then, count=1) if after else None
    return replace(found, then=then) if found is not None and then else found


_PART_OF_A_DAY = re.compile(r"(?<![a-z])(?:morning|afternoon|evening|night)s?(?![a-z])")


def _the_rest_of_the_day(given_up: str, then: str, t: Text, ctx: Context) -> Parsed | None:
    """The free time said after a part of a day given up, on that day, replacing its own."""
    days = [w for w in given_up.split() if is_day_word(w) and not _PART_OF_A_DAY.match(w)]
    if not days or find_days(then, ctx.at)[0].said_a_day:
        return None
    free = availability_text(t.said_as(" ".join(["free", *days, then])), ctx)
    if free is None or free.ambiguous or free.start is None or free.recurring or len(free.days) > 1:
        return None
    return replace(free, replaces=free.start.date())


_THE_DAY_AFTER = re.compile(r"^\W*(?:the\s+)?day\s+after(?!\s+(?:tomorrow|tmrw|that|next))\s*")
_NOT_A_DAY_FIRST = re.compile(
    rf"^(?P<refused>\W*no[t]?\s+(?:on\s+)?(?:the\s+)?{A_DAY_SAID}(?:\s+(?:or\s+)?{A_DAY_SAID})*)\s*[,;.]+\s*(?=\S)"
)
_BUT = re.compile(r"\W*(?<![a-z])(?:but|however)(?![a-z])")
# Nothing more said after not being free: the days, if any, came before.
_SAID = re.compile(r"^\W*(?:(?:anymore|any\s+more|please|pls|sorry|thanks|thank\s+you)\W*)*$")


# "... but free tue 9-5": free time said after the days given up.
_BUT_FREE = re.compile(
    r"\W*(?<![a-z])(?:but|however)\s+(?P<then>.*(?<![a-z])(?:free|available|can\s+do|can\s+work"
    r"|ok)(?![a-z]).*)$"
)


# Away for days on end, as workers say it: "on holiday next week", "away 14-20 dec", "not
# available till the 15th", "im back on monday", "off to poland for 2 weeks".
_AWAY = re.compile(
    r"(?<![a-z])(?:away|holidays?|vacation|abroad|unavailable|busy|off\s+to|im\s+off|i\s+am\s+off"
    r"|leaving"
    r"|out\s+of\s+(?:the\s+)?(?:country|town)|going\s+(?:home|away|back\s+home)"
    r"|not\s+(?:available|free|working|around|here)|(?:cant|cannot|wont|can\s+not)\s+(?:work|do)"
    r"|wont\s+be\s+(?:available|around|working|here)|no\s+(?:work|shifts|offers)"
    # "pause my offers for 2 weeks", "stop sending me offers until january": a pause
    r"|pause|paused|on\s+hold|stop\s+(?:sending|texting)"
    r"|outside(?=\s+(?:till?|until)))(?![a-z])"
)
_AWAY_UNTIL = re.compile(r"(?<![a-z])(?:till?|until|untill|up\s+to|through|thru)\s+(?P<day>.+)$")
_BACK_ON = re.compile(
    r"(?<![a-z])(?:im|i\s+am|ill\s+be|i\s+will\s+be)?\s*back\s+(?:on\s+)?(?P<day>.+)$"
)
_AWAY_FOR = re.compile(
    r"(?<![a-z])for\s+(?:(?P<n>[0-9]|a|one|two|three|four)\s+)?(?P<unit>weeks?|fortnight)(?![a-z])"
    # "de vacaciones 2 semanas", "în concediu două săptămâni": the "for" left out
    r"|(?<![a-z0-9])(?P<n2>[0-9]|two|three|four)\s+(?P<unit2>weeks)(?![a-z])"
)
_UNTIL_A_MONTH = re.compile(
    r"(?<![a-z])(?:(?:till?|until|untill|before)(?:\s+in)?|back\s+in)\s+"
    r"(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?"
    rf"(?P<month>{MONTHS})\W*(?:please|pls|thanks|thank\s+you)?\W*$"
)
_HOW_MANY = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Longer than this is no BUSY to ask back: a person hears of it.
LONGEST_AWAY = timedelta(weeks=8)


_FROM_A_DAY = re.compile(r"(?<![a-z])(?:from|starting(?:\s+(?:on|from))?)\s+(?P<day>.+)$")


def _from_a_day(norm: str, ctx: Context) -> date | None:
    """The day a time away begins, when it is said: "from the 20th", "starting monday"."""
    if (said := _FROM_A_DAY.search(norm)) is None:
        return None
    # "de pe 20", "desde el 20": a bare number after "from" is a day of the month here
    spec, _ = find_days(re.sub(r"^([0-9]{1,2})(?![0-9:.])", r"the \1", said["day"]), ctx.at)
    if not spec.said_a_day or spec.bad_date:
        return None
    return window(spec, ALL_DAY, ctx.at)[0].date()


def away_for_days(norm: str, ctx: Context) -> Parsed | None:
    """Not free from one date to another ("away 14-20 dec", "BUSY next week"): busy from `start`
    to `end` (the midnight after the last day); None when no such span is said."""
    if _TOLD.search(norm) or not (_AWAY.search(norm) or _BACK_ON.search(norm)):
        return None
    today = ctx.at.date()
    first = last = None
    if (said := date_range(norm)) is not None:
        first, last = first_of_range(said, ctx.at), last_of_range(said, ctx.at)
    elif NEXT_WEEK.search(norm):
        first = next_monday(today)
        last = first + timedelta(days=6)
    elif THIS_WEEK.search(norm):
        first, last = today, next_monday(today) - timedelta(days=1)
    elif (weeks := _AWAY_FOR.search(norm)) is not None:
        unit, n = weeks["unit"] or weeks["unit2"], weeks["n"] or weeks["n2"]
        count = 2 if unit == "fortnight" else int(_HOW_MANY.get(n, n or 1))
        # "from the 20th for 2 weeks", "for a week from monday": from that day, else today
        first = _from_a_day(norm[: weeks.start()] + " " + norm[weeks.end() :], ctx) or today
        last = first + timedelta(weeks=count, days=-1)
    elif (month := _UNTIL_A_MONTH.search(norm)) is not None:
        # "no offers until january": back on its first day
        number = MONTH_NUMBER[month.group("month")[:3]]
        back = today.replace(day=1, month=number)
        if back <= today:
            back = back.replace(year=today.year + 1)
        first, last = today, back - timedelta(days=1)
    elif (until := _AWAY_UNTIL.search(norm) or _BACK_ON.search(norm)) is not None:
        spec, left = find_days(until.group("day"), ctx.at)
        if (
            not spec.said_a_day
            or spec.bad_date
            or find_ranges(left, spec.context)[0]
            or has_lone_time(f"until {left}")
        ):
            return None  # "not free till 2", "busy until 2 tomorrow": hours, not days
        day = window(spec, ALL_DAY, ctx.at)[0].date()
        if until.re is _BACK_ON and day == today and spec.date is None:
            day += timedelta(days=7)  # "back on monday", said on a Monday
        first, last = today, day - timedelta(days=1) if until.re is _BACK_ON else day
    if first is None or last is None or last < first or first < today:
        return None
    if last - first >= LONGEST_AWAY:
        return None
    start = datetime.combine(first, time(0), tzinfo=ctx.at.tzinfo)
    return Parsed("busy", start=start, end=start + timedelta(days=(last - first).days + 1))


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
