"""Which day a text means: "tmrw", "sat", "28/11", "28 nov", "every weekday", "mon wed fri"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sms.parsing.reading import fuzzy
from sms.parsing.text import words_of
from sms.parsing.times import AFTERNOON, AM, PM, HourRange

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_WORDS = {
    **dict.fromkeys(("mon", "monday"), 0),
    **dict.fromkeys(("tue", "tues", "tuesday"), 1),
    **dict.fromkeys(("wed", "weds", "wednesday"), 2),
    **dict.fromkeys(("thu", "thur", "thurs", "thursday"), 3),
    **dict.fromkeys(("fri", "friday"), 4),
    **dict.fromkeys(("sat", "saturday"), 5),
    **dict.fromkeys(("sun", "sunday"), 6),
}
_PLURAL_WEEKDAYS = {
    "mondays": 0,
    "tuesdays": 1,
    "wednesdays": 2,
    "thursdays": 3,
    "fridays": 4,
    "saturdays": 5,
    "sundays": 6,
}
_GROUPS = {
    "weekday": (0, 1, 2, 3, 4),
    "wkday": (0, 1, 2, 3, 4),
    "weekend": (5, 6),
    "wkend": (5, 6),
    "wknd": (5, 6),
}
_TODAY = frozenset(("today", "tday", "tdy", "todays"))
_TOMORROW = frozenset(
    (
        "tomorrow", "tomorow", "tommorow", "tommorrow", "tomorro", "tmorrow", "tmrw", "tmrow",
        "tmr", "tmw", "tmoz", "tomoz", "tomo", "tmoro",
    )
)  # fmt: skip
_TONIGHT = frozenset(("tonight", "tonite", "tonyt"))
_YESTERDAY = frozenset(("yesterday", "yday", "ystday", "yesterdy"))  # refused later, as past
_OVERMORROW = frozenset(("overmorrow",))  # the day after tomorrow, as every language reads it
_RELATIVE_LABEL = {0: "today", 1: "tomorrow", -1: "yesterday"}
_EVERY = frozenset(("every", "each", "daily", "everyday"))
_PART_OF_DAY = {AM: "morning", AFTERNOON: "afternoon", PM: "evening"}
# Night hours are read as evening ones ("nights 8-8" is 20:00-08:00); only the question says night.
_NIGHT = frozenset(("night", "nights"))
_CONTEXT = {
    **dict.fromkeys(("tonight", "tonite", "tonyt", "evening", "evenings", "eve"), PM),
    **dict.fromkeys(_NIGHT, PM),
    **dict.fromkeys(("morning", "mornings", "early"), AM),
    **dict.fromkeys(("afternoon", "afternoons", "arvo"), AFTERNOON),
}
_FUZZY_DAYS = (
    "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "weekdays", "weekends", "tonight",
)  # fmt: skip
_KNOWN = (
    frozenset(
        (
            *_WEEKDAY_WORDS,
            *_PLURAL_WEEKDAYS,
            *_TODAY,
            *_TOMORROW,
            *_TONIGHT,
            *_YESTERDAY,
            *_OVERMORROW,
            *_EVERY,
            *_CONTEXT,
        )
    )
    | {f"{group}s" for group in _GROUPS}
    | set(_GROUPS)
)
_DAY_NAME = "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True))
# Between two day names the other languages' "to" stays as written ("seg a sex", "lun al vie",
# "luni pana vineri"): it means nothing else there.
_DAY_SPAN = re.compile(
    rf"(?<![a-z])({_DAY_NAME})s?\s*(?:-+|to|till?|until|thru|through|a|al|ate|hasta|do|la"
    rf"|pana(?:\s+la)?)\s*({_DAY_NAME})s?(?![a-z])"
)
# A month's name, whole or cut short ("jan", "sept"), and its number by the first three letters.
MONTHS = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
)
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "mai", May in Romanian and cut short in Portuguese, the lexicon leaves as it is ("nu mai" is
# "no more"): a month only after a day's number, "1 mai".
MONTH_NUMBER = {m: i for i, m in enumerate(_MONTH_WORDS, 1)} | {"mai": 5}
_NUMERIC_DATE = re.compile(
    r"(?<![0-9/.:,])([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}|[0-9]{2}))?(?![0-9/])"
)
# "14.12" or "14.12." as much of Europe writes a date: two-digit month or a closing dot, and no
# clock after it, so "9.30-5.30" and "13.50" stay times and money.
_DOTTED_DATE = re.compile(
    r"(?<![0-9.,:/£$€@])([0-9]{1,2})\.([0-9]{2}|[0-9]\.)\.?(?![0-9])"
    r"(?!\s*(?:-|~|>|[ap]\.?m|h(?![a-z])|hrs?|hours?|to|till?|until|an\s+hour)(?![a-z0-9]))"
)
_MONTH_DAY = re.compile(
    rf"(?<![a-z]){MONTHS}\s*([0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9a-z])"
    r"(?!\s*(?:[-:.]|to(?![a-z])|till?(?![a-z])|until|[ap]\.?m?(?![a-z])))"
)
_DAY_MONTH = re.compile(
    rf"(?<![0-9:.,/-])([0-9]{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS.replace('|may|', '|ma[iy]|')}"
)
# Several dates at once: "14-20 dec", "dec 14-20", "14th to 20th", "14/12-20/12", "del 14 al 20
# de diciembre" (read as "14 al 20 december"). Not hours, and not one day.
_ORDINAL = r"[0-9]{1,2}(?:st|nd|rd|th)"
_DATE_RANGE = re.compile(
    rf"(?<![0-9:.,£$€])[0-9]{{1,2}}(?:st|nd|rd|th)?\s*(?:-+|–|to|till?|until|al|a|do|la|pana"
    rf"(?:\s+la)?)\s*(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS}"
    # ... unless a day follows the month ("9-5 dec 14"): a clock range after it is still fine
    r"(?!\s*[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9]|\s*(?:[-–:.]|am|pm|to|till?|until)(?![a-z])))"
    rf"|(?<![a-z])(?<![0-9]\s)(?<![0-9])(?<!(?:st|nd|rd|th)\s){MONTHS}\s*[0-9]{{1,2}}(?:st|nd|rd|th)?\s*(?:-+|–|to|till?|until)\s*"
    r"[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9:.])"
    rf"|(?<![0-9])(?:the\s+)?{_ORDINAL}\s*(?:-+|–|to|till?|until)\s*(?:the\s+)?{_ORDINAL}"
    r"|(?<![0-9/])[0-9]{1,2}/[0-9]{1,2}\s*(?:-+|–|to|till?|until)\s*[0-9]{1,2}/[0-9]{1,2}(?![0-9])"
)


_RANGE_END = re.compile(
    r"\s*(?:-+|–|to|till?|until|al|a|do|la|pana(?:\s+la)?)\s*(?:the\s+)?[0-9]{1,2}(?:/[0-9]{1,2})?"
    r"(?:st|nd|rd|th)?"
)


# Two dates, each with its month: "20th dec - 3rd jan", "between 20 december and 3 january"
# (Romanian "între ... și ..."), "de 20 de dezembro a 3 de janeiro".
_A_DATE = rf"[0-9]{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS.replace('(', '(?:', 1)}"
_TWO_DATES = re.compile(
    rf"(?<![0-9:.,£$€])(?:between\s+(?P<a>{_A_DATE})\s+and\s+(?:the\s+)?(?P<b>{_A_DATE})"
    rf"|(?P<a2>{_A_DATE})\s*(?:-+|–|to|till?|until|al|a|do|la|pana(?:\s+la)?)\s*(?:the\s+)?"
    rf"(?P<b2>{_A_DATE}))"
)


# Two dates listed, not a span: "24th and 27th dec", "24 y 27 de diciembre", "the 3rd, 10th".
_DATES_LISTED = re.compile(
    rf"(?<![0-9:.,/£$€-])(?:[0-9]{{1,2}}(?:st|nd|rd|th)?\s*(?:,|and|&|or|y|i|e|si)\s*(?:the\s+)?"
    rf"[0-9]{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS}"
    rf"|{_ORDINAL}\s*(?:,|and|&|or)\s*(?:the\s+)?{_ORDINAL})"
)


def dates_listed(s: str) -> str | None:
    """Two or more dates said one after another ("24th and 27th dec"), as written; or None."""
    m = _DATES_LISTED.search(s)
    return m.group(0) if m is not None else None


def date_range(s: str) -> str | None:
    """Several dates said at once ("away 14-20 dec"), as written; None when there are none."""
    m = _TWO_DATES.search(s) or _DATE_RANGE.search(s)
    return m.group(0) if m is not None else None


def first_of_range(said: str, at: datetime) -> date | None:
    """The first date of a range `date_range` found: "14-20 dec" -> 14 Dec; "20-3 jan" -> 20
    Dec, the month before the last date's when the first would come after it."""
    if (two := _TWO_DATES.search(said)) is not None:
        return find_days(two["a"] or two["a2"], at)[0].date
    if _DATES_LISTED.fullmatch(said):
        # "24th and 27th dec": the first day listed, in the month said after the last
        day = re.match(r"[0-9]{1,2}(?:st|nd|rd|th)?", said)
        month = re.search(MONTHS, said)
        return find_days(f"{day[0]} {month[0]}" if month else f"the {day[0]}", at)[0].date
    first = find_days(_RANGE_END.sub("", said, count=1), at)[0].date
    last = last_of_range(said, at)
    if first is not None and last is not None and first > last:
        back = first.replace(day=1) - timedelta(days=1)
        first = back.replace(day=first.day) if first.day <= back.day else None
    return first


def last_of_range(said: str, at: datetime) -> date | None:
    """The last date of a range `date_range` found: "14-20 dec" -> 20 Dec."""
    if (two := _TWO_DATES.search(said)) is not None:
        return find_days(two["b"] or two["b2"], at)[0].date
    return find_days(_RANGE_START.sub(" ", said, count=1), at)[0].date


_RANGE_START = re.compile(
    r"(?:the\s+)?(?<![0-9])[0-9]{1,2}(?:/[0-9]{1,2})?(?:st|nd|rd|th)?\s*"
    r"(?:-+|–|to|till?|until|al|a|do|la|pana(?:\s+la)?)\s*(?=(?:the\s+)?[0-9])"
)


_NO_CLOCK_AFTER = (
    r"(?![0-9:.,/])(?!\s*(?:[-~>]|(?:am|pm|a|p|h|hrs?|hours?|to|till?|until|and|at|mins?|minutes?"
    r"|people|shifts?{})(?![a-z0-9])))"
)
_ORDINAL_DAY = re.compile(
    r"(?<![0-9:.,/-])([0-9]{1,2})(?:st|nd|rd|th|-?go)(?![a-z])"  # "18th", Polish "18-go"
    # "the 28", "day 28", "on the 28": a day of the month where no clock follows; after "day"
    # a "from" may follow (Portuguese "dia 18 das 8"), after "the" it may be "the 2 from ...".
    r"|(?<![a-z])(?:the|on\s+the)\s+([0-9]{1,2})"
    + _NO_CLOCK_AFTER.format("|from")
    + r"|(?<![a-z])day\s+([0-9]{1,2})"
    + _NO_CLOCK_AFTER.format("")
)
_ALL_DAY = re.compile(
    r"(?<![a-z])(?:all\s*day|any\s*time|whole\s+day|full\s+day|all\s+the\s+day|whenever"
    r"|any\s+hours|(?:im\s+|i\s+am\s+)?flexible)(?![a-z])"
)
# "24/7" is not the 24th of July: every day, at hours still to be asked.
_ALWAYS = re.compile(r"(?<![0-9/])24\s*/\s*7(?![0-9/])")
_WEEK_SPLIT = re.compile(r"(?<![a-z])week\s+(days?|ends?)(?![a-z])")
# "semana que viene", "săptămâna viitoare": read word for word, the week comes first.
NEXT_WEEK = re.compile(r"(?<![a-z])(?:next\s+week|week\s+next)(?![a-z])")
# A day said by its name or as today, tonight or tomorrow: "not today", "sunday no".
A_DAY_SAID = r"(?:today|tonight|tomorrow|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|weekends?)"
# Before this hour "tomorrow" may mean the day after the night: the coming morning's.
SMALL_HOURS_END = 5
# Only some days or parts of the day, for good: "i can only do weekends", "just mornings for me".
ONLY_THESE_TIMES = re.compile(
    r"^(?:(?:i|im|i\s+am)\s+)?(?:(?:can|could|will)\s+)?(?:only|just)\s+(?:(?:want|do|work|doing"
    r"|working|available|free|take|taking)\s+)?(?:on\s+|at\s+|for\s+|in\s+)?(?:the\s+)?"
    rf"(?:{A_DAY_SAID}|mornings?|afternoons?|evenings?|nights?|days|weekdays)"
    r"(?:\s+(?:shifts?|jobs?|work|only|for\s+me|now|from\s+now\s+on|please|pls|thanks))*$"
)
# "free all week 9-5", "this week": which of its days is asked, not guessed (today only, or
# every day for good, were both wrong).
THIS_WEEK = re.compile(r"(?<![a-z])(?:this|all|whole|all\s+the|the\s+whole)\s+week(?![a-z])")


# "free this afternoon": today's afternoon, and an example reply that says today.
_THIS_PART = re.compile(r"(?<![a-z])this\s+(?=(?:morning|afternoon|arvo|evening|eve)(?![a-z]))")
# "free sat am", "tmrw pm": am or pm standing for the part of a day just named, where nothing
# follows it (in Romanian "mâine am" begins "tomorrow I have").
_DAY_AM_PM = re.compile(
    r"(?<![a-z])(?P<day>[a-z]+)\s+(?P<part>am|pm)(?=\s*(?:$|[,.;!?&/]|and\b|or\b|only\b))"
)
_SAID_PART = {"am": "morning", "pm": "afternoon"}


def _part_after_a_day(said: re.Match[str]) -> str:
    """ "sat am" as "sat morning"; any other word before am or pm is left as it is."""
    day = _spelled(said["day"])
    if day in _WEEKDAY_WORDS or day in _TODAY or day in _TOMORROW:
        return f"{said['day']} {_SAID_PART[said['part']]}"
    return said.group(0)


_ONE_DAYS_SHIFT = re.compile(
    r"(?<![a-z])(mon|tues|wednes|thurs|fri|satur|sun)days\s+(shift|job|booking|work|one)(?![a-z])"
)


@dataclass
class DaySpec:
    """What a text says about the day, before any clock time is applied."""

    date: date | None = None  # from an explicit date, "today" or "tomorrow"
    weekdays: set[int] = field(default_factory=set)
    recurring: bool = False
    next_week: bool = False  # "next thu" said on a Thursday
    # "tue next week", "next week": a day of the week after this one (weeks begin on Monday).
    in_next_week: bool = False
    in_this_week: bool = False  # "this week", "all week"
    # "next tuesday" said on a Monday: tomorrow to some, a week tomorrow to others.
    next_unclear: bool = False
    context: str | None = None  # AM, PM or AFTERNOON from "morning", "tonight", ...
    all_day: bool = False
    part_of_day: str | None = None  # "morning", "afternoon", "evening" or "night", asked back
    # How to write this day back in an example reply, in any language: "tomorrow", "tonight",
    # "date:2026-11-28", "days:mon,wed", "every:mon,tue,wed,thu,fri", "next:mon,wed" (next
    # week's); "" when no day was said.
    label: str = ""
    bad_date: bool = False
    # "fri the 10th" when the 10th is a Thursday: which of the two was meant is asked.
    date_not_that_day: bool = False

    @property
    def days(self) -> tuple[str, ...]:
        return tuple(WEEKDAYS[i] for i in sorted(self.weekdays))

    @property
    def said_a_day(self) -> bool:
        return self.date is not None or bool(self.weekdays) or self.bad_date

    def leave_out(self, weekdays: set[int]) -> None:
        """The days refused taken away, from the days and from how they are written back: "every
        day except tuesday" is asked about six days, not seven."""
        self.weekdays -= weekdays
        if self.weekdays and self.label.startswith(("days:", "every:", "next:")):
            self.label = _weekday_label(self)


# The days of the week from each day to Sunday.
_LEFT_THIS_WEEK = {day: set(range(day, 7)) for day in range(7)}


def find_days(s: str, at: datetime) -> tuple[DaySpec, str]:
    """The day words and dates in folded text s, and s without them."""
    spec = DaySpec()
    today = at.date()
    s = _WEEK_SPLIT.sub(lambda m: f"week{m.group(1)}", s)
    s = _ONE_DAYS_SHIFT.sub(r"\1day \2", s)  # "saturday's shift", folded "saturdays shift"
    s = _ALWAYS.sub(" every day ", s)
    s = _THIS_PART.sub("today ", s)
    s = _DAY_AM_PM.sub(_part_after_a_day, s)
    s = _A_WEEK_ON.sub(lambda m: _week_after(m, today), s)
    s = _find_date(s, today, _month_first(at), spec)
    for m in _DAY_SPAN.finditer(s):
        first, last = _WEEKDAY_WORDS[m.group(1)], _WEEKDAY_WORDS[m.group(2)]
        spec.weekdays.update((first + k) % 7 for k in range((last - first) % 7 + 1))
    s = _DAY_SPAN.sub(" ", s)
    if _ALL_DAY.search(s):
        spec.all_day = True
        s = _ALL_DAY.sub(" ", s)
    relative: int | None = None
    relatives: set[int] = set()
    said_next = tonight = False
    parts_said: set[str] = set()
    for word in words_of(s):
        word = _spelled(word)
        if word in _WEEKDAY_WORDS:
            spec.weekdays.add(_WEEKDAY_WORDS[word])
        elif word in _PLURAL_WEEKDAYS:
            spec.weekdays.add(_PLURAL_WEEKDAYS[word])
            spec.recurring = True
        elif word.rstrip("s") in _GROUPS:
            spec.weekdays.update(_GROUPS[word.rstrip("s")])
            spec.recurring = spec.recurring or word.endswith("s")
        elif word in _EVERY:
            spec.recurring = True
            if word in ("daily", "everyday"):
                spec.weekdays.update(range(7))
        elif word == "day" and spec.recurring and not spec.weekdays:
            spec.weekdays.update(range(7))  # "every day"
        elif word in _TODAY or word in _TONIGHT:
            relative = 0
            tonight = tonight or word in _TONIGHT
        elif word in _TOMORROW:
            relative = 1
        elif word in _YESTERDAY:
            relative = -1
        elif word in _OVERMORROW:
            relative = 2
        if relative is not None:
            relatives.add(relative)
        elif word == "next":
            said_next = True
        if word in _CONTEXT:
            parts_said.add(_CONTEXT[word])
            spec.context = spec.context or _CONTEXT[word]
            part = "night" if word in _NIGHT else _PART_OF_DAY[_CONTEXT[word]]
            spec.part_of_day = spec.part_of_day or part
    if {AM, AFTERNOON} <= parts_said:
        # "tomorrow morning no but afternoon 1-5": neither half settles the hours; "1-5" is read
        # as if no part were said (13-17), never 1am-5am
        spec.context = spec.part_of_day = None
    if spec.date is None and relative is not None:
        spec.date = today + timedelta(days=relative)
        ahead = {today + timedelta(days=r) for r in relatives if r >= 0}
        if (spec.weekdays or len(ahead) > 1) and not spec.recurring and relative >= 0:
            # "7-3 tomorrow or wednesday", "today and tomorrow": every day said, from the first.
            spec.weekdays.update(day.weekday() for day in ahead)
            spec.date = min(ahead)
        label = "tonight" if tonight and relative == 0 else _RELATIVE_LABEL.get(relative)
        spec.label = spec.label or label or f"date:{spec.date.isoformat()}"
    spec.next_week = said_next and today.weekday() in spec.weekdays
    spec.in_next_week = NEXT_WEEK.search(s) is not None
    spec.in_this_week = THIS_WEEK.search(s) is not None
    if spec.in_next_week or spec.in_this_week:
        spec.recurring = False  # "every day next week": the days of that one week, not for good
    if (
        spec.in_this_week
        and not spec.in_next_week
        and spec.weekdays & _LEFT_THIS_WEEK[today.weekday()]
    ):
        # "every day this week", said on a Thursday: Thursday to Sunday (weeks begin on Monday)
        spec.weekdays &= _LEFT_THIS_WEEK[today.weekday()]
    days_left_this_week = {(today.weekday() + k) % 7 for k in range(1, 7 - today.weekday())}
    spec.next_unclear = (
        said_next
        and not spec.in_next_week
        and not spec.recurring
        and spec.date is None
        and bool(spec.weekdays & days_left_this_week)
    )
    if spec.recurring and not spec.weekdays:
        spec.recurring = False  # "every" with no day named repeats nothing we know
    spec.date_not_that_day = (
        spec.label.startswith("date:")
        and spec.date is not None
        and bool(spec.weekdays)
        and not spec.recurring
        and spec.date.weekday() not in spec.weekdays
    )
    if not spec.label and spec.weekdays:
        spec.label = _weekday_label(spec)
    return spec, s


_A_WEEKDAY = "(?:" + "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True)) + ")"
# A day a week after the coming one, as British people say it: "sat week", "a week on monday",
# "monday after next", "a week tomorrow".
_A_WEEK_ON = re.compile(
    rf"(?<![a-z])(?:(?P<day>{_A_WEEKDAY})\s+(?:week(?!\s*(?:days?|ends?))|after\s+next)"
    rf"|a\s+week\s+(?:on\s+)?(?P<day2>{_A_WEEKDAY}|tomorrow|tmrw|today))(?![a-z])"
)


def _week_after(m: re.Match, today: date) -> str:
    """The date a week after the day said, written as a date the reader knows: "19 dec"."""
    said = m["day"] or m["day2"]
    if said in ("tomorrow", "tmrw", "today"):
        first = today + timedelta(days=int(said != "today"))
    else:
        first = today + timedelta(days=(_WEEKDAY_WORDS[said] - today.weekday() - 1) % 7 + 1)
    day = first + timedelta(days=7)
    return f" {day.day} {_MONTH_WORDS[day.month - 1]} "


def is_day_word(word: str) -> bool:
    """Whether a word names a day or a part of one ("sat", "tmrw", "weekends", "tonight")."""
    return _spelled(word) in _KNOWN


def _spelled(word: str) -> str:
    return word if word in _KNOWN else (fuzzy(word, _FUZZY_DAYS) or word)


def _weekday_label(spec: DaySpec) -> str:
    kind = "every" if spec.recurring else "next" if spec.in_next_week else "days"
    return f"{kind}:" + ",".join(spec.days)


def _month_first(at: datetime) -> bool:
    # US markets write 11/28; everyone else 28/11.
    return str(getattr(at.tzinfo, "key", "")).startswith("America/")


def _find_date(s: str, today: date, month_first: bool, spec: DaySpec) -> str:
    found = _date_in(s, today, month_first, None)
    if found is None:
        return s
    spec.date, s, form = found
    spec.bad_date = spec.date is None
    if spec.date is None:
        return s
    spec.label = f"date:{spec.date.isoformat()}"
    # "the 19th and 20th", "19/12 and 20/12": more dates written the same way, in the same week.
    while (more := _date_in(s, today, month_first, form)) is not None:
        also, s, _ = more
        if also is not None and 0 < (also - spec.date).days < 7:
            spec.weekdays.update((spec.date.weekday(), also.weekday()))
    return s


def _date_in(
    s: str, today: date, month_first: bool, form: re.Pattern | None
) -> tuple[date | None, str, re.Pattern] | None:
    """The first date written in s (only in `form`, when given): the date (None when there is no
    such day), s without it, and the form it was written in."""
    forms = (_NUMERIC_DATE, _DOTTED_DATE, _MONTH_DAY, _DAY_MONTH, _ORDINAL_DAY)
    for pattern in forms if form is None else (form,):
        m = pattern.search(s)
        if m is None:
            continue
        if pattern is _NUMERIC_DATE:
            first, second = int(m.group(1)), int(m.group(2))
            swap = second > 12 or (month_first and first <= 12)
            day, month = (second, first) if swap else (first, second)
            year = m.group(3)
            when = _dated(today, day, month, int(year) % 100 + 2000 if year else None)
        elif pattern is _DOTTED_DATE:
            if not 1 <= int(m.group(2).rstrip(".")) <= 12:
                continue
            when = _dated(today, int(m.group(1)), int(m.group(2).rstrip(".")), None)
        elif pattern is _ORDINAL_DAY:
            when = _day_of_month(today, int(m.group(1) or m.group(2) or m.group(3)))
        else:
            month_word, number = (
                (m.group(1), m.group(2)) if pattern is _MONTH_DAY else m.group(2, 1)
            )
            when = _dated(today, int(number), MONTH_NUMBER[month_word[:3]], None)
        return when, f"{s[: m.start()]} {s[m.end() :]}", pattern
    return None


def _dated(today: date, day: int, month: int, year: int | None) -> date | None:
    """The date, or with no year its next occurrence from today on; None if no such day."""
    try:
        if year is not None:
            return date(year, month, day)
        this_year = date(today.year, month, day)
    except ValueError:
        try:  # 29/2 outside a leap year may still be next year's
            return date(today.year + 1, month, day) if year is None else None
        except ValueError:
            return None
    return this_year if this_year >= today else _next_year(this_year)


def _day_of_month(today: date, day: int) -> date | None:
    """ "the 28th": the next date with that day of the month, from today on."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _next_year(d: date) -> date | None:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return None


def window(spec: DaySpec, hours: HourRange, at: datetime) -> tuple[datetime, datetime]:
    """The first occurrence of hours on the day spec means, as datetimes in at's zone.

    No day given: today if the window has not ended yet, else tomorrow. Weekdays: the next
    such day, today included if its window has not ended.
    """
    today = at.date()
    if spec.date is not None:
        return _span(spec.date, hours, at)
    if not spec.weekdays:
        first = _span(today, hours, at)
        return first if first[1] > at else _span(today + timedelta(days=1), hours, at)
    if spec.in_next_week:
        first = next_monday(today)
    else:
        first = today + timedelta(days=7) if spec.next_week else today
    for k in range(15):
        day = first + timedelta(days=k)
        if day.weekday() in spec.weekdays:
            found = _span(day, hours, at)
            if found[1] > at:
                return found
    return _span(today, hours, at)  # unreachable: some weekday comes within a fortnight


def next_monday(today: date) -> date:
    """The first day of next week (weeks begin on Monday)."""
    return today + timedelta(days=7 - today.weekday())


def _span(day: date, hours: HourRange, at: datetime) -> tuple[datetime, datetime]:
    start = datetime.combine(day, _clock(hours.start), tzinfo=at.tzinfo)
    end_day = day + timedelta(days=1) if hours.overnight else day
    return start, datetime.combine(end_day, _clock(hours.end), tzinfo=at.tzinfo)


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def whole_day(spec: DaySpec, at: datetime) -> tuple[datetime, datetime] | None:
    """Midnight to midnight of the day a query names ("any shifts today"), if it names one."""
    if not spec.said_a_day or spec.bad_date:
        return None
    return window(spec, HourRange(0, 0), at)


def nearest(at: datetime, minute_options: tuple[int, ...]) -> datetime:
    """The occurrence of one of these clock times nearest to `at`, today or yesterday.

    For "finished 6pm": a time is reported soon after it happens, or announced ahead.
    """
    today = at.date()
    candidates = [
        datetime.combine(day, _clock(minutes % (24 * 60)), tzinfo=at.tzinfo)
        for day in (today, today - timedelta(days=1))
        for minutes in minute_options
    ]
    return min(candidates, key=lambda c: abs(c - at))
