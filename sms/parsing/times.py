"""Clock times and hour ranges: "9-5", "2pm-6pm", "10:00-14:00", "0800-1200", "5-9" (which?).

Hours are minutes after midnight here; days.py turns them into datetimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sms.parsing.lexicon import joins, separators

DAY = 24 * 60
AM, PM, AFTERNOON = "am", "pm", "afternoon"  # what the words around a range say about it


def _clock_pattern(p: str) -> str:
    return (
        rf"(?:(?<![a-z])(?P<{p}word>noon|midday|midnight)(?![a-z])"
        rf"|(?P<{p}hhmm>[0-9]{{3,4}})(?![0-9])"
        rf"|(?P<{p}h>[0-9]{{1,2}})(?![0-9])(?:[:.](?P<{p}m>[0-9]{{2}})(?![0-9]))?)"
        rf"(?:\s*(?P<{p}ap>[ap])\.?m(?![a-z])\.?|(?P<{p}ap1>[ap])(?![a-z]))?"
    )


def _words(words: tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# Between two clock times: a dash, or a word for "to" in any language ("9 do 17", "9 a 5").
_SEP = rf"\s*(?:-+|>|~|(?<![a-z])(?:{_words(separators())})(?![a-z]))\s*"
_AND = rf"(?:and|{_words(joins())})" if joins() else "and"
_NOT_A_DURATION = (
    # "9-5 min £14": "min" before money is the lowest rate, not minutes
    r"(?!\s*(?:h|hrs?|hours?|days?|mins?(?!\s*(?:[£$€0-9]|$))|minutes?|people|shifts?|weeks?)(?![a-z]))"
    r"(?!x(?![a-z]))"
)
_RANGE = re.compile(
    # "1988-05-04", like "15-07-1985": a date, whose numbers are no hours
    rf"(?<![0-9:.,/£$€@])(?<![0-9]-){_clock_pattern('a_')}{_SEP}{_clock_pattern('b_')}"
    rf"(?![0-9])(?!\s*[-/.]\s*[0-9]){_NOT_A_DURATION}"
)
_BETWEEN = re.compile(
    rf"(?<![a-z])between\s+{_clock_pattern('a_')}\s+{_AND}\s+{_clock_pattern('b_')}(?![0-9])"
)
CLOCK = re.compile(rf"(?<![0-9:.,/£$€@]){_clock_pattern('')}(?![0-9])")
# A time given on its own ("from 2pm", "until 5", "at 9:30"): a range with a side missing.
_LONE = re.compile(
    rf"(?:(?<![a-z])(?:from|frm|after|since|until|till|til|before|by|at)\s+{_clock_pattern('')}"
    r"|(?<![0-9:.,/£$€@])[0-9]{1,2}(?:[:.][0-9]{2})?\s*[ap]\.?m?(?![a-z])"
    r"|(?<![0-9:.,/£$€@])[0-9]{1,2}:[0-9]{2})"
)
# "8 till about 4", "finished at around 5": a time said loosely is the time
LOOSELY = re.compile(r"(?<![a-z])(?:about|around|approx(?:imately)?|roughly|abt|circa)\s+(?=[0-9])")
_FILLER = re.compile(
    r"(?<![a-z])o\s*clock(?![a-z])|(?<=[0-9]{4})\s*h(?:rs|ours)?(?![a-z])|(?<=[0-9])\s*ish(?![a-z])"
    rf"|{LOOSELY.pattern}"
)


@dataclass(frozen=True)
class Clock:
    """One written time: hour as written, the am/pm marker, and whether it is surely 24-hour."""

    hour: int
    minute: int = 0
    marker: str | None = None
    h24: bool = False

    def fixed(self) -> int | None:
        """Minutes after midnight when the writing leaves no doubt, else None."""
        if self.marker == AM:
            return (self.hour % 12) * 60 + self.minute
        if self.marker == PM:
            return (self.hour % 12 + 12) * 60 + self.minute
        if self.h24:
            return (self.hour % 24) * 60 + self.minute
        return None

    def readings(self) -> tuple[int, int]:
        """(morning, afternoon) readings of an unmarked 1..12: "12" is midnight or noon."""
        am = (self.hour % 12) * 60 + self.minute
        return am, am + 12 * 60


@dataclass(frozen=True)
class HourRange:
    """A span of the clock; an end at or before the start is the next day."""

    start: int
    end: int

    @property
    def overnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True)
class Either:
    """A range that reads as morning or as evening ("5-9"): ask which."""

    morning: HourRange
    evening: HourRange


ALL_DAY = HourRange(8 * 60, 20 * 60)  # "all day": the working day, 08:00-20:00


def clock_from(m: re.Match[str], p: str = "") -> Clock | None:
    """The Clock in a match of a clock pattern with group prefix p; None when impossible."""
    word = m.group(f"{p}word")
    if word:
        return Clock(0 if word == "midnight" else 12, 0, None, True)
    ap = m.group(f"{p}ap") or m.group(f"{p}ap1")
    marker = {"a": AM, "p": PM}.get(ap) if ap else None
    raw = m.group(f"{p}hhmm")
    if raw:
        hour, minute = int(raw[:-2]), int(raw[-2:])
        h24 = len(raw) == 4
    else:
        written = m.group(f"{p}h")
        hour, minute = int(written), int(m.group(f"{p}m") or 0)
        h24 = written.startswith("0") or hour == 0 or hour >= 13
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        return None
    if marker and not 1 <= hour <= 12:
        return None
    return Clock(hour, minute, marker, h24)


def resolve(a: Clock, b: Clock, context: str | None = None) -> HourRange | Either:
    """Read a written range by the rules in the sms.parser docstring."""
    fa, fb = a.fixed(), b.fixed()
    if fa is not None and fb is not None:
        return HourRange(fa, fb)
    if fa is not None:
        return HourRange(fa, _other_end(fa, b, a.marker is None, as_end=True))
    if fb is not None:
        return HourRange(_other_end(fb, a, b.marker is None, as_end=False), fb)
    if context is not None:
        start = a.readings()[0] if context == AM else _daytime(a, evening=True)
        return HourRange(start, _shortest_end(start, b))
    if (a.hour, a.minute) >= (b.hour, b.minute):  # "9-5", "10-2", "12-4"
        return HourRange(_daytime(a), _evening(b))
    if a.hour <= 4:  # "1-5", "2-6"
        return HourRange(_evening(a), _evening(b))
    if a.hour <= 6:  # "5-9", "6-10": an early shift or an evening one; the text does not say
        return Either(HourRange(_daytime(a), _daytime(b)), HourRange(_evening(a), _evening(b)))
    return HourRange(_daytime(a), _daytime(b))  # "7-11", "8-12", "9-12"


def _daytime(c: Clock, evening: bool = False) -> int:
    """An unmarked hour in daylight: 12 is noon; 1..11 morning (or afternoon if evening)."""
    if c.hour == 12:
        return 12 * 60 + c.minute
    return c.readings()[1] if evening else c.readings()[0]


def _evening(c: Clock) -> int:
    """An unmarked hour after noon: 12 is midnight."""
    return c.minute if c.hour == 12 else c.readings()[1]


def _other_end(fixed: int, free: Clock, fixed_is_24h: bool, as_end: bool) -> int:
    """The unmarked side of a range whose other side is certain."""
    if fixed_is_24h:
        # "8-14", "14-6": the writer uses the 24-hour clock; keep it unless it runs backwards.
        plain = (free.hour % 24) * 60 + free.minute
        for option in (plain, plain + 12 * 60 if free.hour < 12 else None):
            if option is not None and (option > fixed if as_end else option < fixed):
                return option
        return plain
    # "2-6pm", "9-5pm", "10am-2": the marker carries over where it gives the shorter shift.
    if as_end:
        return _shortest_end(fixed, free)
    return min(free.readings(), key=lambda start: _length(start, fixed))


def _shortest_end(start: int, end: Clock) -> int:
    return min((r % DAY for r in end.readings()), key=lambda e: _length(start, e))


def _length(start: int, end: int) -> int:
    return (end - start) % DAY or DAY


# "17h30" and "9h" as much of Europe writes the clock.
_H_MINUTES = re.compile(r"(?<![0-9])([0-9]{1,2})h([0-9]{2})(?![0-9])")
_H_ALONE = re.compile(r"(?<![0-9])([0-9]{1,2})h(?![a-z0-9])")
# "half 8" as British people say half past eight.
_HALF_PAST = re.compile(r"(?<![a-z])half\s+(?:past\s+)?([0-9]{1,2})(?![0-9:.])")
_AT_H_MINUTES = re.compile(r"(?<![a-z])at\s+([0-9]{1,2})h([0-9]{2})(?![0-9])")
_QUARTER_PAST = re.compile(r"(?<![a-z])quarter\s+past\s+([0-9]{1,2})(?![0-9:.])")
_QUARTER_TO = re.compile(r"(?<![a-z])quarter\s+to\s+([0-9]{1,2})(?![0-9:.])")
# "las diez menos cuarto", "10 fără un sfert", "dez menos um quarto" (read "10 less a quarter"),
# Polish "za kwadrans dziesiąta" ("in a quarter of an hour 10", an hour after it): 9:45;
# Polish "wpół do dziesiątej" ("half before 10"): 9:30.
_LESS_A_QUARTER = re.compile(
    r"(?<![0-9.,:])([0-9]{1,2})\s+less\s+a\s+quarter(?:\s+of\s+an\s+hour)?(?![a-z])"
    r"|(?<![a-z])in\s+a\s+quarter\s+of\s+an\s+hour\s+(?:at\s+)?([0-9]{1,2})"
    r"(?![0-9:.]|\s*(?:m|mins?|minutes?|h|hrs?|hours?)(?![a-z]))"
)
_HALF_BEFORE = re.compile(r"(?<![a-z])half\s+before\s+([0-9]{1,2})(?![0-9:.])")
# "a las 3 y media" reads "at 3 and a half": a clock after "at", not three and a half hours;
# "a las 9 y cuarto", "la 9 și un sfert": "at 9 and a quarter", a quarter past.
_AT_AND_A_HALF = re.compile(
    r"(?<![a-z])at\s+([0-9]{1,2})\s+and\s+a\s+(half|quarter)(?!\s*(?:hours?|hrs?|h)(?![a-z]))"
)
# "de 9 y media a 5", "od 9 i pół do 17": the start of a range, half or a quarter past.
_PART_PAST_BEFORE_AN_END = re.compile(
    r"(?<![0-9.,:])([0-9]{1,2})\s+and\s+a\s+(half|quarter)"
    r"(?=\s*(?:-|to|till?|until|at|a|do|la)\s*[0-9])"
)


# "9 in the morning", "5 in the afternoon", "8 at night": an hour with its half of the day.
_OF_THE_DAY = re.compile(
    r"(?<![0-9.,:])([0-9]{1,2}(?::[0-9]{2})?)\s+(?:in\s+the|at)\s+(morning|afternoon|evening|night)"
    r"(?![a-z])"
)


def _with_half_of_the_day(m: re.Match) -> str:
    # "12 at night" is midnight, "12 in the morning" too
    morning = m[2] == "morning" or (m[2] == "night" and m[1].split(":")[0] == "12")
    return f"{m[1]}{'am' if morning else 'pm'}"


# "from 10 for 4 hours", "4 hours from 10am": a start and how long, as the range they make.
_FOR_SO_LONG = re.compile(
    r"(?<![a-z0-9.,:])(?:from\s+)?(?P<h>[0-9]{1,2})(?::(?P<m>[0-5][0-9]))?\s*(?P<half>am|pm)?\s+for\s+"
    r"(?:(?:about|around)\s+)?(?P<n>[0-9]{1,2})\s*(?:hours?|hrs?|h)(?![a-z])"
    r"|(?<![a-z0-9.,:])(?P<n2>[0-9]{1,2})\s*(?:hours?|hrs?|h)\s+from\s+(?P<h2>[0-9]{1,2})"
    r"(?::(?P<m2>[0-5][0-9]))?\s*(?P<half2>am|pm)?(?![0-9a-z])"
)


def _so_long_from(m: re.Match) -> str:
    hour, hours = int(m["h"] or m["h2"]), int(m["n"] or m["n2"])
    minute, half = m["m"] or m["m2"] or "00", m["half"] or m["half2"]
    if not 1 <= hours <= 16 or hour > 23 or (half and not 1 <= hour <= 12):
        return m[0]
    if half:
        start = hour % 12 + (12 if half == "pm" else 0)
        return f"{start:02d}:{minute}-{(start + hours) % 24:02d}:{minute}"
    if hour + hours > 12 and hour <= 6:
        return m[0]  # "from 3 for 10 hours": 3am or 3pm, asked as any lone time is
    end = hour + hours
    if end >= 24:
        return m[0]
    return f"{hour}:{minute}-{end}:{minute}"


def _hour_before(hour: str) -> int:
    return (int(hour) - 1) % 24 or 12


def clock_words(s: str, hours_worked: bool = False) -> str:
    """Clock times said in words, as digits: "half 8" -> "8:30", "17h30" -> "17:30",
    "quarter to 6" -> "5:45", "at 3 and a half" -> "at 3:30". Where `hours_worked` may be
    said ("terminei, 7h30"), "7h30" stays hours unless it follows "at"."""
    if hours_worked:
        # No shift runs 17 hours: "finished 17h30" is when.
        s = _AT_H_MINUTES.sub(r"at \1:\2", s)
        s = _H_MINUTES.sub(lambda m: f"{m[1]}:{m[2]}" if int(m[1]) > 16 else m[0], s)
    else:
        s = _H_ALONE.sub(r"\1 ", _H_MINUTES.sub(r"\1:\2", s))
    s = _HALF_PAST.sub(r"\1:30", _QUARTER_PAST.sub(r"\1:15", s))
    s = _QUARTER_TO.sub(lambda m: f"{_hour_before(m[1])}:45", s)
    s = _LESS_A_QUARTER.sub(lambda m: f"{_hour_before(m[1] or m[2])}:45", s)
    s = _HALF_BEFORE.sub(lambda m: f"{_hour_before(m[1])}:30", s)
    s = _PART_PAST_BEFORE_AN_END.sub(lambda m: f"{m[1]}:{30 if m[2] == 'half' else 15}", s)
    s = _OF_THE_DAY.sub(_with_half_of_the_day, s)
    if not hours_worked:
        s = _FOR_SO_LONG.sub(_so_long_from, s)
    return _AT_AND_A_HALF.sub(lambda m: f"at {m[1]}:{30 if m[2] == 'half' else 15}", s)


def find_ranges(s: str, context: str | None) -> tuple[list[HourRange | Either], bool, str]:
    """Every hour range in s, whether an impossible one was seen ("25-30"), and s without them."""
    s = clock_words(_FILLER.sub(" ", s))
    found: list[HourRange | Either] = []
    invalid = False
    for pattern in (_BETWEEN, _RANGE):
        for m in pattern.finditer(s):
            a, b = clock_from(m, "a_"), clock_from(m, "b_")
            if a is None or b is None:
                invalid = True
                continue
            found.append(resolve(a, b, context))
            s = s[: m.start()] + " " * (m.end() - m.start()) + s[m.end() :]
    return found, invalid, s


def has_lone_time(s: str) -> bool:
    """Whether s gives a time without a range around it ("from 2pm", "available 9:30")."""
    return _LONE.search(s) is not None


def lone_time(s: str) -> str:
    """The time s gives without a range around it, as written ("from 8", "until 3", "2pm"), or
    "" if none."""
    found = _LONE.search(s)
    return found.group(0) if found is not None else ""


_TIME_WORD = re.compile(r"^\W*(?:from|frm|after|since|until|till|til|before|by|at)\s+")
_UNTIL = re.compile(r"^\W*(?:until|till|til|before|by)(?![a-z])")


def lone_time_parts(one_time: str) -> tuple[str, bool]:
    """A lone time as `lone_time` gives it, split: the time alone, and whether it ends the hours
    ("until 3") rather than starts them ("from 8")."""
    return _TIME_WORD.sub("", one_time).strip(), _UNTIL.match(one_time) is not None


# How long an example reply runs from an evening start: "from 10pm" gives "10pm-2am".
_EVENING_HOURS = 4 * 60


def hours_around(one_time: str, context: str | None) -> HourRange | None:
    """A working day's hours from a lone time ("from 10": 10am-5pm; "until 3": 9am-3pm), or
    None when 9 to 5 makes no working day around it ("from 8pm")."""
    given, until = lone_time_parts(one_time)
    said = CLOCK.search(given)
    clock = clock_from(said) if said is not None else None
    if not until and clock is not None:
        evening = clock.fixed() if clock.marker == PM or clock.h24 else None
        if evening is None and context == PM and clock.marker is None:
            evening = clock.readings()[1]  # "tonight from 9": 9pm
        if evening is not None and evening >= 17 * 60:
            # "from 10pm", "tonight from 8": an evening's hours from then, not a working day's
            return HourRange(evening, (evening + _EVENING_HOURS) % DAY)
    if not until and given in ("5", "6"):
        return None  # "after 6": as likely the evening as the morning
    ranges, _, _ = find_ranges(f"9am-{given}" if until else f"{given}-5pm", context)
    hours = ranges[0] if ranges else None
    if not isinstance(hours, HourRange) or not 60 <= _length(hours.start, hours.end) <= 12 * 60:
        return None
    if not until and _length(hours.start, hours.end) < _EVENING_HOURS:
        # "after 4": the afternoon and evening from then, not one hour before five
        return HourRange(hours.start, (hours.start + _EVENING_HOURS) % DAY)
    return hours


def spoken(minutes: int) -> str:
    """Minutes after midnight as people text them: 540 -> "9am", 1050 -> "5:30pm"."""
    hour, minute = divmod(minutes % DAY, 60)
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}:{minute:02d}{suffix}" if minute else f"{hour}{suffix}"
