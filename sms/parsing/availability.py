"""AVAILABLE texts: when a worker is free, and at what price."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sms.parsing.days import (
    A_DAY_SAID,
    ONLY_THESE_TIMES,
    SMALL_HOURS_END,
    WEEKDAYS,
    DaySpec,
    date_range,
    dates_listed,
    find_days,
    first_of_range,
    is_day_word,
    last_of_range,
    window,
)
from sms.parsing.lexicon import fold
from sms.parsing.money import find_bare_decimal, find_rate
from sms.parsing.places import TRAVEL, miles_said, place_in
from sms.parsing.reading import fuzzy, unknown_words
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text
from sms.parsing.times import (
    AFTERNOON,
    ALL_DAY,
    AM,
    PM,
    Either,
    HourRange,
    find_ranges,
    has_lone_time,
    hours_around,
    lone_time,
)
from sms.parsing.vocab import find_skills

# A number left over once days, times and money are read: most likely a rate without a sign.
_STRAY_NUMBER = re.compile(
    # "need to leave by 4": a time of day, not a rate
    r"(?<!\sby\s)(?<!till\s)(?<!until\s)(?<!before\s)(?<!after\s)(?<!from\s)"
    # "E2 7DG": a postcode's inward part ("7dg") is no rate
    r"(?<![0-9a-z.,:/£$€@-])([0-9]{1,3})(?![0-9.,:/])(?![a-z]{2}(?![a-z]))"
    r"(?!\s*(?:h|hrs?|hours?|m|mins?|minutes?|days?|shifts?|weeks?|people|x|st|nd|rd|th|am|pm"
    r"|a\.m|p\.m)(?![a-z]))"
)
_TRIGGER_FIRST = frozenset(
    ("available", "avail", "availble", "avaliable", "availabe", "availible", "avl", "avlbl",
     "free", "every", "each")
)  # fmt: skip
_TRIGGER = re.compile(
    r"(?<![a-z])(?:(?:i\s+)?(?:can|could)\s+(?:work|do|help|cover|drive)|(?:im|i\s+am)\s+(?:free"
    r"|available|around)|free\s+to\s+work|available|avail|availability|help\s+out"
    r"|offer\s+my\s+services)(?![a-z])"
)
# "8-12 except wed", "every day except sundays 9-5": free on the others.
_EXCEPT_WORDS = r"(?:except(?:\s+for)?|but\s+not|apart\s+from|not\s+on|other\s+than|bar)"
# ... and the days left out or off: "except weekends", "sun off", "weekends off"
_LEFT_OUT_DAYS = (
    r"(?:(?:on\s+|the\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|weekends?)(?![a-z])"
    r"(?:\s*(?:,|and|&|or)\s*|\s+)?)+"
)
_EXCEPT_DAYS = re.compile(
    r"^(?!.*(?<![a-z])(?:(?<!but\s)not(?!\s+on)|unavailable|cant|cannot|busy|wont|dont|never)"
    rf"(?![a-z])).*(?<![a-z]){_EXCEPT_WORDS}\s+{_LEFT_OUT_DAYS}(?:[0-9].*)?"
    r"(?:\W*(?:thanks|thank\s+you|thx|ta|cheers|x+|please|pls|sorry))*\W*$"
)
_EXCEPT_CLAUSE = re.compile(rf"(?<![a-z]){_EXCEPT_WORDS}\s+{_LEFT_OUT_DAYS}")
# Said last, after the free days and hours: "fri and sat 9-5, sunday no", "... but not weekends"
_NOT_THESE_LAST = (
    rf"(?:but\s+)?(?:not\s+(?:on\s+)?{_LEFT_OUT_DAYS}|{_LEFT_OUT_DAYS}not?)"
    r"(?:\s*(?:please|pls|thanks|sorry))?\W*$"
)
# ... with nothing else negated before it
_DAYS_NOT_AFTER_HOURS = re.compile(
    r"^(?!.*(?<![a-z])(?:unavailable|cant|cannot|busy|wont|dont|never)(?![a-z]))"
    r"(?!.*(?<![a-z])(?:not|no)(?![a-z]).*(?<![a-z])(?:not|no)(?![a-z]))"
    rf".*[0-9].*\W{_NOT_THESE_LAST}"
)
# "fri & sat 9-5, sun off", "mon-fri 9-5 weekends off", "off on sundays": days not free
_DAYS_OFF_CLAUSE = re.compile(
    rf"(?<![a-z]){_LEFT_OUT_DAYS}(?:is\s+|are\s+)?(?:my\s+)?(?:days?\s+)?off(?![a-z])"
    rf"|(?<![a-z])(?:(?:im|i\s+am)\s+)?(?:days?\s+)?off\s+{_LEFT_OUT_DAYS}"
    rf"|(?<=[0-9a-z])\W*(?:,|\s)\s*{_NOT_THESE_LAST}"
)
_FREE = re.compile(
    r"(?<![a-z])(?:free|can\s+do|around|can\s+(?:start|come(?:\s+in)?)"
    r"|(?:do|take|pick\s+up|get)\s+a\s+shift)(?![a-z])"
)
_NEGATED = re.compile(
    r"(?<![a-z])(?:not|unavailable|cant|cannot|busy|no\s+longer|wont|dont|doesnt|isnt|never|except"
    # "9-5 tomorrow is no good"
    r"|no\s+good|impossible|no\s+go)(?![a-z])"
    # "cant wait", "cant believe it": glad, not unable; "doesnt matter where": no refusal
    r"(?!\s+(?:wait|believe|thank|complain|matter)(?![a-z]))"
    # "w niedziele nie", "sunday no": a day, then no
    r"|(?<![a-z])(?:no|not)\W*$"
    # "nie dzisiaj, jutro 9-17" ("no today, ..."): today given up first
    r"|^\W*no\s+(?:today|tonight|tomorrow)(?![a-z])"
    # "no mondays", "no more weekends": days given up, whatever else follows
    r"|(?<![a-z])no\s+(?:more\s+)?(?:(?:mon|tues?|wednes|thurs?|fri|satur|sun)(?:day)?s?|weekends?)"
    r"(?![a-z])"
    # "delete my availability for sat", "cancel my free time": free time taken back
    r"|(?<![a-z])(?:delete|cancel|remove|clear|withdraw|take\s+(?:off|back|down))\s+(?:my\s+|all"
    r"\s+(?:my\s+)?|the\s+)?(?:\w+\s+)?(?:availability|availabilities|free\s+time)(?![a-z])"
)
_NINE_TO_FIVE = (9 * 60, 17 * 60)
_EXAMPLE_HOURS = {AM: (8 * 60, 12 * 60), AFTERNOON: (12 * 60, 17 * 60), PM: (18 * 60, 22 * 60)}
_EXAMPLE_HOURS[None] = _NINE_TO_FIVE
_NIGHT_HOURS = (20 * 60, 8 * 60)


def availability_text(t: Text, ctx: Context) -> Parsed | None:
    """A text offering time: AVAILABLE..., free sat..., can work..., or any clock hours."""
    working = _WORKING_SPAN.search(t.norm)
    offered = _FREE.search(t.norm) or _TRIGGER.search(t.norm)
    if working is not None and (
        _FREE_AFTER.search(rest := t.norm[working.end() :]) or (offered and _AFTER_THAT.match(rest))
    ):
        # "friday i work 8-12, free after", "vineri am program 8-12, sunt liberă după": the
        # hours are work elsewhere; free from their end, till when asked
        said = (
            f"{t.norm[: working.start()]} free from {working['end']} {_FREE_AFTER.sub(' ', rest)}"
        )
        return availability_text(t.said_as(_LEFT_DANGLING.sub(" ", said)), ctx)
    if working is not None and not offered and _BUSY_THEN.match(working.group(0)):
        # "im working 8-12 tomorrow": busy then, never free time; for a person. "mañana trabajo
        # de 9 a 5" ("work") may offer the hours, and stays free time
        return None
    negated = _NEGATED.search(t.phrase)
    refused = _A_DAY_REFUSED_LAST.search(t.norm) if negated else None
    if refused is not None and not _NEGATED.search(t.norm[: refused.start()]):
        # "available tomorrow, not today", "free sat not sun": the day refused left out
        return availability_text(t.said_as(t.norm[: refused.start()]), ctx)
    if negated and not (_EXCEPT_DAYS.search(t.phrase) or _DAYS_NOT_AFTER_HOURS.search(t.phrase)):
        return None  # "not available sat" must never post availability
    if _SOMETHING_ELSE_FREE.search(t.phrase) and not has_hours(t, ctx):
        return None  # "is parking available?": a question about the place, not time on offer
    if _SOMEONE_ELSE.match(t.phrase):
        return None  # "my friend can do it instead": another person's time, for a person to read
    if (
        (asked := _CAN_I_ASKED.match(t.phrase)) is not None
        and t.original.rstrip().endswith("?")
        and not is_day_word(asked["next"])
        and not has_hours(t, ctx)
    ):
        return None  # "mogę przyprowadzić dziecko?", "puedo llevar a mi hija?": can I ...?
    if _INSTEAD_OF.search(t.phrase):
        return None  # "can i start at 10 instead of 9": a change to what is arranged, for a person
    if _EVERY_OTHER.search(t.phrase):
        return None  # "every other saturday": no weekly pattern holds it; a person sets it
    if _WORKED_THEN.search(t.phrase) and not (_TRIGGER.search(t.phrase) or _FREE.search(t.phrase)):
        return None  # "yesterday i worked 9-5": hours worked, for a person; never free time
    said = (
        t.first in _TRIGGER_FIRST
        or fuzzy(t.first, ("available",)) is not None
        or is_day_word(t.first)
        # "only saturday", "just the sunday": the one day they can do
        or (_ONLY_THE.match(t.phrase) is not None and is_day_word(t.words[-1]))
        # "i can only do weekends", "i only want mornings", "just weekends for me"
        or ONLY_THESE_TIMES.search(t.phrase) is not None
        or _TRIGGER.search(t.phrase) is not None
        or (_FREE.search(t.phrase) is not None and _gives_a_when(t, ctx))
    )
    return availability(t, ctx) if said or has_hours(t, ctx) else None


_A_CLOCK = r"[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?"
# Hours of work elsewhere: "i work 8-12", "im working 8 till 12", "i have work 8-12 on friday",
# "busy 8-12" (never "can work 8-12", which is free time).
_WORKING_SPAN = re.compile(
    r"(?<![a-z])(?<!can\s)(?<!could\s)(?<!to\s)(?<!will\s)(?:(?:i\s+|ive\s+)?(?:have|got)\s+work"
    r"|(?:im\s+|i\s+am\s+)?working|(?:i\s+)?work|busy|(?:im\s+|i\s+am\s+)?(?:at|in)\s+work)\s+"
    rf"(?:(?:on\s+)?(?:the\s+)?{A_DAY_SAID}\s+)?(?:from\s+)?(?P<start>{_A_CLOCK})\s*"
    rf"(?:-+|to|till?|until|a|at|la|do|al|ate)\s*(?P<end>{_A_CLOCK})(?![0-9])"
)
_BUSY_THEN = re.compile(
    r"(?:(?:i\s+|ive\s+)?(?:have|got)\s+work|(?:im|i\s+am)\s+working|busy|(?:im\s+|i\s+am\s+)?(?:at|in)\s+work)"
)
# ... and free after them: "free after", "after that im free", "potem wolna" ("after that free").
_FREE_AFTER = re.compile(
    r"(?<![a-z])(?:(?:im\s+|i\s+am\s+)?(?:free|available|avail)\W+(?:\w+\W+){0,2}?(?:after(?:\s+that)?"
    r"|afterwards|later)|(?:after(?:\s+that)?|afterwards|later|then)\W+(?:\w+\W+){0,2}?"
    r"(?:free|available|avail))(?![a-z])"
)
# "available friday, i work 8-12 so after that": the free time said before, from their end.
_AFTER_THAT = re.compile(r"^\W*(?:(?:so|and|but)\s+)?(?:after(?:\s+that)?|afterwards)(?![a-z])")
_LEFT_DANGLING = re.compile(r"(?<![a-z])(?:but|and|so)(?=\W*$)|[,;]+(?=\W*$)")
# A day refused after the free time said, with no hours of its own: "..., not today".
_A_DAY_REFUSED_LAST = re.compile(
    rf"(?<=[a-z0-9])\W+(?:but\s+)?(?:not\s+(?:on\s+)?(?:the\s+)?{A_DAY_SAID}|{A_DAY_SAID}\s+not?)"
    r"(?:\s*(?:please|pls|thanks|sorry))?\W*$"
)
_ONLY_THE = re.compile(r"^(?:only|just)\s+(?:the\s+|on\s+)?[a-z]+$")
# Someone else's time on offer: "my friend can do it instead", "my sister is free sat 9-5".
_SOMEONE_ELSE = re.compile(
    r"^(?:(?:hi|hello|sorry|but)\s+)*(?:my\s+(?:friend|sister|brother|mum|mom|mother|dad|father"
    r"|husband|wife|partner|daughter|son|cousin|colleague|mate|neighbour|neighbor)|a\s+friend"
    r"(?:\s+of\s+mine)?|someone\s+else|somebody\s+else)\s+(?:can|could|is|would|will|might)(?![a-z])"
)
_EVERY_OTHER = re.compile(
    r"(?<![a-z])(?:every\s+(?:other|second|2nd|alternate)|alternate|fortnightly|biweekly"
    r"|every\s+(?:two|2)\s+weeks|every\s+fortnight)(?![a-z])"
)
# "can do" then a verb, asked: the Polish, Spanish, Romanian and Portuguese "can I ...?" read
# word for word ("mogę przyjść później?" reads "can do come in later?").
_CAN_I_ASKED = re.compile(r"^(?:i\s+)?can\s+do\s+(?P<next>[a-z]+)")
_INSTEAD_OF = re.compile(r"(?<![a-z])(?:instead\s+of|rather\s+than)(?![a-z])")
# Work done, in the past: "i worked 9-5", "was there 8-4", "trabajé de 9 a 5" ("worked").
_WORKED_THEN = re.compile(r"(?<![a-z])(?:worked|did|was\s+there|been\s+there)(?![a-z])")
# A night said with the morning it ends on: "sun night 8pm till 8am monday (morning)".
_TILL_THE_NEXT_MORNING = re.compile(
    r"(?<![a-z])(?P<first>mon|tue|wed|thu|fri|sat|sun)[a-z]*(?![a-z])(?=.*(?:night|[0-9]\s*am\s))"
    r".*[0-9](?:\s*(?:am|pm))?\s+"
    r"(?:on\s+)?(?:the\s+)?(?P<next>mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:\s+morning)?\W*$"
)
# One night from a day into the next, its hours said on their own: "fri night into sat
# 10pm-6am", "noc z piątku na sobotę" (read "night friday saturday"), "noaptea de vineri spre
# sâmbătă". Not "fri and sat nights": two nights.
_ONE_NIGHT = re.compile(
    r"(?<![a-z])(?P<first>mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?:night\s+)?(?:(?:in)?to|till?"
    r"|until|through|thru|spre|on\s+the|-)?\s*(?:the\s+)?(?P<next>mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"(?:\s+morning)?(?![a-z])"
)
_A_NIGHT = re.compile(r"(?<![a-z])night(?![a-z])")
# "is parking available", "is there a lift free": something at the work, asked about.
_SOMETHING_ELSE_FREE = re.compile(
    r"(?<![a-z])(?:(?:is|are)\s+(?:there\s+)?(?!(?:i|you|u)\s)(?:[a-z]+\s+){1,2}?"
    r"|(?:what|which)\s+(?:[a-z]+\s+){0,2}?(?:is|are)\s+)(?:available|free)(?![a-z])"
)


_FROM_NOW = re.compile(
    r"(?<![a-z])(?:from\s+)?(?:right\s+)?now(?:\s+on)?\s+(?P<till>till|until|til|to|do|-)(?=\s*[0-9])"
)


# "8 onwards", "8 till late": from 8, with the end still to be asked.
_ONWARDS = re.compile(
    r"(?<![a-z0-9:.])(?<!from\s)(?P<time>[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?)\s+"
    r"(?:onwards?|till?\s+late|until\s+late|and\s+after)(?![a-z])"
)
# "im free now", "available right now": from now, today, with the end still to be asked.
_FREE_NOW = re.compile(r"(?<![a-z])(free|available|avail)\s+(?:right\s+)?now(?![a-z])(?!\s+on)")


def _next_quarter(at: datetime) -> str:
    minutes = -(-(at.hour * 60 + at.minute) // 15) * 15
    return f"{minutes // 60:02d}:{minutes % 60:02d}" if minutes < 24 * 60 else "23:59"


def _gives_a_when(t: Text, ctx: Context) -> bool:
    """Whether a text names a day or a time: "od 6 wolna", "weekend liber"."""
    spec, s = find_days(t.norm, ctx.at)
    said_week = re.search(r"(?<![a-z])(?:next|this)\s+week(?![a-z])", s) is not None
    return spec.said_a_day or said_week or has_lone_time(s) or bool(find_ranges(s, spec.context)[0])


# A clause looking back on the work done: "thanks for today", "today was great", "loved working
# there today". Clauses end at punctuation (not a decimal point) or a kiss.
_CLAUSE_END = re.compile(r"[!;?]+|[.,](?![0-9])|\s+x+(?:\s+|$)")
_LOOKING_BACK = re.compile(
    r"(?<![a-z])(?:thanks?|thank\s+(?:you|u)|cheers|ta|loved|enjoyed|was|were|worked|went"
    r"|been)(?![a-z])"
)
_THE_DAY_DONE = re.compile(r"(?<![a-z])(?:today|yesterday|tonight)(?![a-z])")


def _without_the_day_done(s: str) -> str:
    """ "thanks for today, free sat 8-4": today is the day worked, not free time; the clause
    that looks back is left out when another says when."""
    clauses = _CLAUSE_END.split(s)
    kept = [
        clause
        for clause in clauses
        if not (
            _THE_DAY_DONE.search(clause)
            and _LOOKING_BACK.search(clause)
            and not _FREE.search(clause)
            and not any(c.isdigit() for c in clause)
        )
    ]
    return " , ".join(kept) if kept and len(kept) < len(clauses) else s


def _days_of_one_week(several: str, ctx: Context) -> str | None:
    """A range of dates to come, a week long at most, as its first and last days: "14-18 dec"
    -> "mon 14/12 to fri 18/12"; None for a longer range, or one begun."""
    first, last = first_of_range(several, ctx.at), last_of_range(several, ctx.at)
    if first is None or last is None or first < ctx.at.date() or not 0 < (last - first).days < 7:
        return None
    return " to ".join(f"{WEEKDAYS[day.weekday()]} {day.day}/{day.month}" for day in (first, last))


def availability(t: Text, ctx: Context) -> Parsed:
    """Read an availability text; ask back when the day or the hours are unclear."""
    rate, s = find_rate(t.norm)
    # "free now till 3": from the next quarter hour, today
    s = _FROM_NOW.sub(lambda m: f" today {_next_quarter(ctx.at)} {m['till']} ", s)
    s = _FREE_NOW.sub(lambda m: f"{m[1]} today from {_next_quarter(ctx.at)}", s)
    s = _ONWARDS.sub(lambda m: f"from {m['time']}", s)
    # Dates listed that the days read do not hold ("24th and 27th dec"; "the 28th and 29th" of
    # one week are read as both days)
    listed = dates_listed(s) if len(find_days(s, ctx.at)[0].weekdays) < 2 else None
    if (
        (several := date_range(s)) is not None
        and (week := _days_of_one_week(several, ctx)) is not None
        and find_ranges(s.replace(several, " "), None)[0]
    ):
        # "free 14-18 dec 9-5": a week or less with its hours, read as "free mon 14/12 to fri
        # 18/12 9-5" is (without hours, which dates is asked: a question names one day)
        s, several = s.replace(several, f" {week} ", 1), None
    if (
        several is not None
        and _days_of_one_week(several, ctx) is not None
        and not find_ranges(rest := s.replace(several, " "), None)[0]
        and not has_lone_time(rest)
    ):
        # "free 14-18 dec": a week or less, its hours asked, the dates kept for the answer
        dates = f"dates:{first_of_range(several, ctx.at)}..{last_of_range(several, ctx.at)}"
        return _ask({}, "ask_times", when_day=dates, example_day=dates, example_hours=_NINE_TO_FIVE)
    if (several := several or listed) is not None:
        # "free 14-20 dec 9-5", "free 24th and 27th dec 9-5": free time is kept a day at a
        # time, so which day is asked
        first = first_of_range(several, ctx.at) or (ctx.at + timedelta(days=1)).date()
        ranges = find_ranges(s.replace(several, " "), None)[0]
        said = ranges[0] if ranges and isinstance(ranges[0], HourRange) else None
        return _ask(
            {},
            "ask_date",
            example_day=f"date:{first.isoformat()}",
            example_hours=(said.start, said.end) if said else _NINE_TO_FIVE,
        )
    s = _without_the_day_done(s)
    # "free sat 9-5 within 3 miles": how far, asked back beside the free time
    travel = TRAVEL.search(s)
    if travel is not None:
        s = s[: travel.start()] + " " + s[travel.end() :]
    except_clause = _EXCEPT_CLAUSE.search(s) or _DAYS_OFF_CLAUSE.search(s)
    if except_clause is not None:
        s = s[: except_clause.start()] + " " + s[except_clause.end() :]
    if (night := _TILL_THE_NEXT_MORNING.search(s)) is not None and WEEKDAYS.index(
        night["next"]
    ) == (WEEKDAYS.index(night["first"]) + 1) % 7:
        s = s[: night.start("next")]  # "sunday night 8pm till 8am monday": one night, Sunday's
    one_night = _ONE_NIGHT.search(s)
    if one_night is not None and not _A_NIGHT.search(s[: one_night.start("next")]):
        one_night = None  # "fri sat nights": each night
    spec, s = find_days(s, ctx.at)
    left_out: set[int] = set()
    if except_clause is not None:
        left_out = find_days(except_clause.group(0), ctx.at)[0].weekdays
        spec.leave_out(left_out)
    ranges, invalid, s = find_ranges(s, spec.context)
    if one_night is not None and _into_the_next_day(one_night, spec, ranges):
        spec.leave_out({WEEKDAYS.index(one_night["next"])})
    if len(ranges) > 1 and all(r == ranges[0] for r in ranges):
        ranges = ranges[:1]  # "sat 9-1 and sun 9-1": the same hours on both days
    # Hours of its own on each day, or all day on one and hours on another: "thu 2-10, fri all day"
    own_hours = len(ranges) > 1 or (ranges and spec.all_day and len(spec.days) > 1)
    if own_hours and (each := _day_by_day(t, ctx)) is not None:
        return each
    if not ranges and not invalid:
        # "free from 8am tomorrow till 4": the day said between the two times
        between, invalid, without = find_ranges(
            " ".join(w for w in s.split() if not (is_day_word(w) or w == "on")), spec.context
        )
        if between:
            ranges, s = between, without
    if rate is None and ranges:
        rate, s = find_bare_decimal(s)
    skills, _ = find_skills(t.words, ctx.skills)
    found: dict[str, Any] = {
        "days": spec.days,
        "recurring": spec.recurring,
        "rate": rate.minor if rate else None,
        "currency": rate.currency if rate else None,
        "skill": skills[0] if skills else None,
        **place_in(t.norm),
        "travel_miles": miles_said(travel) if travel is not None else None,
    }
    if (spec.in_this_week or spec.in_next_week) and not (spec.date or spec.weekdays):
        # "free all week 9-5", "free next week": which of the week's days, asked with the days
        # left in it or next week's working days; "except wed" leaves Wednesday out, "after 12"
        # starts the example's hours at noon
        said = ranges[0] if ranges and isinstance(ranges[0], HourRange) else None
        if said is None and not ranges and has_lone_time(s):
            said = hours_around(lone_time(s), spec.context)
        if spec.in_next_week:
            days = [day for day in WEEKDAYS[:5] if WEEKDAYS.index(day) not in left_out]
            example_day = "next:" + ",".join(days or WEEKDAYS[5:])
        else:
            example_day = "days:" + ",".join(_days_left_this_week(ctx.at.date(), left_out))
        return _ask(
            found,
            "ask_days",
            example_day=example_day,
            example_hours=(said.start, said.end) if said else _NINE_TO_FIVE,
        )
    example_date = _date_to_ask(spec, ctx.at)
    if example_date is None and not spec.said_a_day and _in_words_unknown(t):
        # "je suis libre demain 9-17": a day may be among words no language here knows.
        example_date = (ctx.at + timedelta(days=1)).date()
    if example_date is not None:
        said = ranges[0] if ranges and isinstance(ranges[0], HourRange) else None
        return _ask(
            found,
            "ask_date",
            example_day=f"date:{example_date.isoformat()}",
            example_hours=(said.start, said.end) if said else _NINE_TO_FIVE,
        )
    # "any time after 5pm": all day, but from a time, so the hours are asked
    all_day = spec.all_day and not has_lone_time(s)
    hours = ranges[0] if ranges else (ALL_DAY if all_day else None)
    if hours is None and spec.date is not None and spec.date < ctx.at.date() and not invalid:
        return None  # "yesterday i finished my course": news, not time on offer
    if hours is None:
        kind, data = _which_times(spec, invalid or has_lone_time(s), lone_time(s))
        return _ask(found, kind, **data)
    if isinstance(hours, Either):
        return _ask(
            found,
            "ask_am_pm",
            example_day=spec.label,
            am_hours=(hours.morning.start, hours.morning.end),
            pm_hours=(hours.evening.start, hours.evening.end),
        )
    start, end = window(spec, hours, ctx.at)
    if spec.label == "tomorrow" and ctx.at.hour < SMALL_HOURS_END and not spec.recurring:
        # "free tomorrow 9-5" at half past midnight: the coming morning's day, today, or the
        # day after; asked, with today as the example
        today = ctx.at.date()
        return _ask(
            found,
            "ask_today_or_tomorrow",
            first_day=today.isoformat(),
            second_day=(today + timedelta(days=1)).isoformat(),
            example_day=f"date:{today.isoformat()}",
            example_hours=(hours.start, hours.end),
        )
    ask: tuple[str, dict[str, Any]] | None = None
    if len(ranges) > 1:
        ask = ("ask_one_range", {"example_day": "days:mon", "example_hours": _NINE_TO_FIVE})
    elif rate is None and (stray := _STRAY_NUMBER.search(s)) and 4 <= int(stray.group(1)) <= 200:
        example = {"example_day": spec.label, "example_hours": (hours.start, hours.end)}
        ask = ("ask_rate", {"said_rate": stray.group(1), **example})
    elif ranges and has_lone_time(s):
        # "free tmrw 9-5 but need to leave by 4": which end stands is asked, not guessed
        example = {"example_day": spec.label, "example_hours": (hours.start, hours.end)}
        ask = ("ask_from_to", {"when_day": spec.label, "when_part": "", **example})
    return Parsed(
        "availability",
        start=start,
        end=end,
        ambiguous=ask is not None,
        ask=ask[0] if ask else None,
        ask_data=tuple(ask[1].items()) if ask else (),
        **found,
    )


# Where one day's hours end and the next day's begin: "mon 9-5, wed 12-6 and fri 8-4".
_BETWEEN_CLAUSES = re.compile(r"\s*(?:[,;+&]|(?<![a-z])(?:and|y|i|e|si)(?![a-z]))\s*")
_BETWEEN_DAYS = re.compile(
    _BETWEEN_CLAUSES.pattern + r"|(?<=[0-9m])\s+(?=(?:on\s+)?(?:mon|tue|wed|thu|fri|sat"
    r"|sun|today|tonight|tomorrow|tmrw)[a-z]*(?![a-z]))"
)


def _day_by_day(t: Text, ctx: Context) -> Parsed | None:
    """Each day with hours of its own, "available mon 9-5, wed 12-6" or the hours first, "7-3
    tomorrow and 9-5 friday": the first day's free time, with the others said after it
    (`then`), each read on its own. None unless every part is a day with its hours, read
    clearly."""
    for between in (_BETWEEN_DAYS, _BETWEEN_CLAUSES):
        if (each := _each_day(t, ctx, between)) is not None:
            return each
    return None


def _each_day(t: Text, ctx: Context, between: re.Pattern[str]) -> Parsed | None:
    parts = []
    carried = ""
    for part in (part for part in between.split(t.norm) if part and part.strip()):
        spec = find_days(part, ctx.at)[0]
        if spec.said_a_day and not spec.all_day and not find_ranges(part, None)[0]:
            carried += f" {part}"  # "mon and wed 8-4": Monday shares Wednesday's hours
            continue
        if not spec.said_a_day and parts and not carried and find_ranges(part, None)[0]:
            # "sat 9-12 and 2-5": the second hours on the day said before them
            part = " ".join(f"{find_ranges(parts[-1], None)[2]} {part}".split())
        parts.append(f"{carried} {part}".strip())
        carried = ""
    if carried or len(parts) < 2:
        return None
    read = [availability(Text.of(f"available {part}"), ctx) for part in parts]
    if any(
        p.ambiguous or p.start is None or not find_days(part, ctx.at)[0].said_a_day
        for p, part in zip(read, parts, strict=True)
    ):
        return None
    rest = ", ".join(f"available {part.strip()}" for part in parts[1:])
    return replace(read[0], then=rest)


def _into_the_next_day(night: re.Match[str], spec: DaySpec, ranges: list) -> bool:
    """Whether the days said are one night's: the day and the next, with hours past midnight."""
    first, after = WEEKDAYS.index(night["first"]), WEEKDAYS.index(night["next"])
    return (
        after == (first + 1) % 7
        and spec.weekdays == {first, after}
        and len(ranges) == 1
        and isinstance(ranges[0], HourRange)
        and ranges[0].end < ranges[0].start
    )


def has_hours(t: Text, ctx: Context) -> bool:
    """Whether a text gives hours of the clock, the mark of availability however it is worded."""
    _, s = find_rate(t.norm)
    if (several := date_range(s)) is not None:
        s = s.replace(several, " ")  # "away 14-20 dec": dates, not hours
    spec, s = find_days(s, ctx.at)
    ranges, _, _ = find_ranges(s, spec.context)
    return bool(ranges) or (spec.all_day and spec.said_a_day)


def _date_to_ask(spec: DaySpec, at: datetime) -> date | None:
    """When the day must be asked back, the date to give as the example reply's."""
    if spec.bad_date:
        # "31/11": a day also said in words, if any, else the day after tomorrow.
        return spec.date if spec.label.startswith("date:") else (at + timedelta(days=2)).date()
    if spec.date_not_that_day:
        return spec.date  # "fri the 10th", a Thursday
    if spec.next_unclear:
        # "next tuesday" on a Monday: the later of the two Tuesdays it may mean.
        return window(spec, ALL_DAY, at)[0].date() + timedelta(days=7)
    return None


def _days_left_this_week(today: date, left_out: Collection[int] = ()) -> tuple[str, ...]:
    """The days from today to Friday, or to Sunday from Friday on: "this week" as said; those
    `left_out` too, when nothing else is left."""
    last = 6 if today.weekday() >= 4 else 4
    days = WEEKDAYS[today.weekday() : last + 1]
    return tuple(d for d in days if WEEKDAYS.index(d) not in left_out) or days


def _in_words_unknown(t: Text) -> bool:
    """Whether most of a text is words no language here knows (a name aside): a language we do
    not read, where "today", the day taken when none is said, may not be what it says."""
    names = {fold(word) for word in t.original.split() if word[:1].isupper()}
    letters = [word for word in t.words if len(word) >= 3 and word.isalpha()]
    unknown = [word for word in unknown_words(letters) if word not in names]
    return len(unknown) >= 2 and 2 * len(unknown) >= len(letters)


def _ask(found: dict[str, Any], kind: str, **data: Any) -> Parsed:
    return Parsed("availability", ambiguous=True, ask=kind, ask_data=tuple(data.items()), **found)


def _which_times(spec: DaySpec, gave_one_time: bool, one_time: str) -> tuple[str, dict[str, Any]]:
    example = {
        "example_day": spec.label or "tomorrow",
        "example_hours": _NIGHT_HOURS
        if spec.part_of_day == "night"
        else _EXAMPLE_HOURS[spec.context],
    }
    said = {"when_day": spec.label, "when_part": spec.part_of_day or ""}
    if gave_one_time:
        # The time said ("from 8", "until 3") is kept, for an answer that gives only the other
        # end, and the example starts (or ends) there: "from 10" gives "10am-5pm".
        around = hours_around(one_time, spec.context)
        if around is not None:
            example["example_hours"] = (around.start, around.end)
        return "ask_from_to", {**said, "when_time": one_time, **example}
    return "ask_times", {**said, **example}
