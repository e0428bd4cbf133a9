"""AVAILABLE texts: one window, one per named day ("mon wed fri 9-5"), or a repeating pattern
("every weekday 9-3"), each answered with what was saved."""

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from exchange.errors import Refused
from exchange.localtime import local
from exchange.notices import notify_worker
from exchange.recurring import WEEKDAYS, windows_on_days
from exchange.shifts import shift_facts
from services.selling import (
    Withdrawn,
    bookings_to_come,
    make_available,
    open_offers,
    withdraw_free_time,
)
from services.unit import TextTransaction
from sms import confirming, formats, refusals
from sms.parser import Parsed, parse
from sms.parsing.days import find_days
from sms.parsing.lexicon import fold, separators
from sms.parsing.text import Text
from sms.parsing.times import find_ranges, lone_time_parts
from sms.templates import and_list, day_said, say
from store.models import Market, Notice, Offer, Shift, Worker


def availability(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """Save the worker's free time (and a new rate said with it), then offer open shifts that fit."""
    zone = ZoneInfo(market.tz)
    start, end = parsed.start.astimezone(zone), parsed.end.astimezone(zone)
    times = f"{start:%H:%M}-{end:%H:%M}"
    if parsed.recurring:
        spans, weekly = [], (parsed.days, f"{start:%H:%M}", f"{end:%H:%M}")
    else:
        spans, weekly = windows_on_days(parsed.start, parsed.end, parsed.days, market.tz), None
    try:
        free = make_available(
            TextTransaction(session),
            worker,
            now,
            spans,
            weekly,
            rate_minor=parsed.rate,
            instead_of=(parsed.replaces, market.tz) if parsed.replaces else None,
        )
    except Refused as refusal:
        example = say("example_available", worker.language)
        refusals.tell(session, worker, refusal, now, example=example)
        return
    money = {"rate": parsed.rate, "currency": worker.currency}
    if parsed.recurring:
        notify_worker(
            session,
            worker,
            "availability_repeats",
            now,
            days=days_text(free.pattern.days, worker.language),
            times=times,
            **money,
        )
    elif len(spans) == 1:
        notify_worker(
            session,
            worker,
            "availability_saved",
            now,
            start=free.windows[0].start.isoformat(),
            end=free.windows[0].end.isoformat(),
            tz=market.tz,
            **money,
        )
    else:
        dates = and_list(
            [formats.day(local(begins, market.tz), worker.language) for begins, _ in spans],
            worker.language,
        )
        notify_worker(
            session, worker, "availability_saved_days", now, dates=dates, times=times, **money
        )
    _new_place_said(session, worker, market, parsed, now)


def _new_place_said(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """ "free tmrw 9-5, also my postcode changed to E2 7DG": a whole postcode other than the
    worker's, said with free time, is asked back as POSTCODE would change it (a district they
    live in already, "I live in NG7", is only where they are); "within 3 miles", as TRAVEL."""
    said = parsed.postcode or parsed.zip
    own = worker.postcode or worker.zip or ""
    moved = not (
        said is None or own.startswith(said) or (parsed.postcode and " " not in parsed.postcode)
    )
    farthest = parsed.travel_miles if parsed.travel_miles != worker.travel_miles else None
    if not moved and farthest is None:
        return
    # "free sat 9-5 within 3 miles": how far they go, asked back as TRAVEL would change it
    change = Parsed(
        "profile_update",
        postcode=parsed.postcode if moved else None,
        zip=parsed.zip if moved else None,
        travel_miles=farthest,
    )
    confirming.terms(session, worker, market, change, now)


def free_time_also_said(
    session: Session, worker: Worker, market: Market, words: str, said_at: datetime, now: datetime
) -> None:
    """Free time a text said besides what it was read as ("cant do tuesday, available thursday
    9-5"; "wolny jutro 9-17" as a first text, kept through the sign-up): saved when it reads
    clearly and is not over; anything less is left."""
    parsed = parse(words, said_at.astimezone(ZoneInfo(market.tz)), language=worker.language)
    if parsed.intent == "availability" and not parsed.ambiguous and parsed.end > now:
        availability(session, worker, market, parsed, now)
    if parsed.intent == "availability" and parsed.then:
        # "mon 9-5, wed 12-6, fri 8-4": each day after the first, in turn
        free_time_also_said(session, worker, market, parsed.then, said_at, now)


def days_text(days: list[str], language: str = "en") -> str:
    """['mon'..'fri'] -> 'weekday', all seven -> 'day', else 'Mon, Wed and Fri', in the language."""
    if set(days) == set(WEEKDAYS):
        return say("day_every_day", language)
    if set(days) == set(WEEKDAYS[:5]):
        return say("day_weekday", language)
    return and_list([formats.weekday(WEEKDAYS.index(day), language) for day in days], language)


def busy(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """Free no longer: BUSY and the days takes the free times back; said in a sentence, it is
    asked back with that command. Bookings on those days stay, and the worker hears of them."""
    label = _day_code(parsed, local(now, market.tz).date())
    if not parsed.exact:
        # Days on end ("away next week") are asked back whole; the bookings in them are told
        # after the BUSY, each with how to drop it.
        if parsed.end is None and _booked_then(session, worker, market, parsed, now):
            # "im busy tomorrow" with a booking tomorrow: ask about the booking first.
            days = (WEEKDAYS[parsed.start.weekday()],) if parsed.start else parsed.days
            confirming.drop(session, worker, market, replace(parsed, days=days), now)
            return
        if (offered := _offer_then(session, worker, market, parsed)) is not None:
            # "saturday no thanks" with Saturday's offer open: passing on it is asked
            confirming.confirm_decline(session, worker, market, offered, now)
            return
        notify_worker(session, worker, "confirm_busy", now, command_day=label)
        return
    on, until = _dates_off(parsed, market)
    text = TextTransaction(session)
    withdrawn = withdraw_free_time(
        text, worker.id, now, market.tz, parsed.days, on=on, every=parsed.recurring, until=until
    )
    if withdrawn.every:
        notify_worker(session, worker, "busy_every", now, command_day=label)
    elif until is not None:
        first, last = (formats.day(day, worker.language) for day in (on, until))
        notify_worker(session, worker, "busy_from_to", now, first=first, last=last)
    else:
        dates = [formats.day(day, worker.language) for day in withdrawn.dates]
        notify_worker(session, worker, "busy_on", now, dates=and_list(dates, worker.language))
    still = [
        say(
            "shifts_booked_line",
            worker.language,
            ref=offer.ref,
            rate=booking.rate_minor,
            **shift_facts(shift, market),
        )
        for booking, shift, offer in bookings_to_come(text, worker.id, now)
        if _falls_on(local(shift.start, market.tz).date(), withdrawn)
    ]
    if still:
        notify_worker(session, worker, "busy_still_booked", now, lines=" | ".join(still))


def yes_to_busy_asked(
    session: Session, worker: Worker, market: Market, body: str, asked: Notice | None, now: datetime
) -> bool:
    """A bare YES just after "No offers for sat? Reply BUSY sat to confirm": asked, and
    confirmed, so the free time is taken back as BUSY sat takes it. True when so."""
    if asked is None or asked.kind != "confirm_busy":
        return False
    if not confirming.said_yes(body, worker.language, ok=True):
        return False
    code = asked.data["command_day"]
    busy(session, worker, market, _busy_asked(code, market, asked.created_at), now)
    return True


def _busy_asked(code: str, market: Market, asked_at: datetime) -> Parsed:
    """The BUSY a question asked at `asked_at` was for, from its days as `_day_code` wrote
    them ("tomorrow" is the day after the question)."""
    kind, _, value = code.partition(":")
    if kind in ("days", "every"):
        return Parsed("busy", days=tuple(value.split(",")), recurring=kind == "every", exact=True)
    zone = ZoneInfo(market.tz)
    first, _, last = value.partition("..")
    on = date.fromisoformat(first) if first else local(asked_at, market.tz).date()
    if kind == "tomorrow":
        on += timedelta(days=1)
    start = datetime.combine(on, time(0), tzinfo=zone)
    end = datetime.combine(date.fromisoformat(last), time(0), tzinfo=zone) if last else None
    return Parsed("busy", start=start, end=end + timedelta(days=1) if end else None, exact=True)


def _dates_off(parsed: Parsed, market: Market) -> tuple[date | None, date | None]:
    """The date a BUSY names, and the last of the days on end it names, if it does."""
    if parsed.start is None:
        return None, None
    on = parsed.start.astimezone(ZoneInfo(market.tz)).date()
    if parsed.end is None:
        return on, None
    return on, parsed.end.astimezone(ZoneInfo(market.tz)).date() - timedelta(days=1)


def _day_code(parsed: Parsed, today: date) -> str:
    """The days as the command writes them back: "every:sat,sun", "days:sat", "tomorrow",
    "date:2026-12-08", "dates:2026-12-14..2026-12-20"."""
    if parsed.start is not None and parsed.end is not None:
        last = (parsed.end - timedelta(days=1)).date()
        return f"dates:{parsed.start.date().isoformat()}..{last.isoformat()}"
    if parsed.start is not None:
        said = {today: "today", today + timedelta(days=1): "tomorrow"}
        return said.get(parsed.start.date(), f"date:{parsed.start.date().isoformat()}")
    return ("every:" if parsed.recurring else "days:") + ",".join(parsed.days)


def _booked_then(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> bool:
    for _, shift, _ in bookings_to_come(TextTransaction(session), worker.id, now):
        day = local(shift.start, market.tz).date()
        if (parsed.start and day == parsed.start.date()) or (
            not parsed.start and WEEKDAYS[day.weekday()] in parsed.days
        ):
            return True
    return False


def _offer_then(
    session: Session, worker: Worker, market: Market, parsed: Parsed
) -> tuple[Offer, Shift] | None:
    """The one offer open on the single day a BUSY names, if there is just one."""
    if parsed.end is not None or parsed.recurring:
        return None
    days = (WEEKDAYS[parsed.start.weekday()],) if parsed.start else parsed.days
    then = confirming.on_days(open_offers(TextTransaction(session), worker.id), market, days)
    return then[0] if len(then) == 1 else None


def _falls_on(day: date, withdrawn: Withdrawn) -> bool:
    return day in withdrawn.dates or WEEKDAYS[day.weekday()] in withdrawn.every


# A change to the free time just saved: "actually make that 10-6", "sorry i meant sunday".
_CORRECTION = re.compile(
    r"^\W*(?:(?:sorry|oops|no|wait|ah|stop|my\s+bad|(?:wrong|the\s+wrong)\s+(?:day|time|times|one))\W+)*"
    r"(?:actually|after\s+all|make\s+(?:that|it)|i\s+meant|i\s+mean"
    r"|correction|change\s+(?:that|it)(?:\s+to)?|no\s+wait)(?![a-z])\W*(?P<rest>.+)$"
)
# The free time just saved, taken back: "cancel that", "oops delete that", "anuluj to".
_TAKE_IT_BACK = re.compile(
    r"^\W*(?:(?:sorry|oops|no|wait|ah|my\s+bad)\W+)*(?:cancel|undo|delete|scratch|ignore|forget"
    r"|remove)(?:\s+(?:that|it|this|the\s+last\s+one))?(?:\W+(?:please|pls|sorry))?\W*$"
)
# A day's free time changed outright: "can i change saturday to 12-8".
_CHANGE_DAY = re.compile(
    r"^\W*(?:(?:can|could)\s+i\s+|please\s+|pls\s+)?change\s+(?:my\s+)?(?P<day>[a-z]+)"
    r"(?:\s+(?:hours|times|availability))?\s+to\s+(?P<rest>.+)$"
)
# One end of the free time just saved, moved: "can only do till 3 now", "jednak tylko do 15",
# "só a partir das 11".
_CLOCK_ALONE = r"[0-9]{1,2}(?:[:.][0-9]{2})?(?:\s*[ap]m)?"
_ONE_END_MOVED = re.compile(
    r"^\W*(?:(?:but|now|so)\W+)*(?:only\s+|just\s+)?(?:(?:i\s+)?(?:can|could)(?:\s+make\s+it)?\s+)?"
    r"(?:only\s+|just\s+)?"
    r"(?:do\s+|work\s+|stay\s+|be\s+free\s+|free\s+)?(?:only\s+|just\s+)?"
    rf"(?:(?:till|until|til|to|within)\s+(?:at\s+)?(?P<end>{_CLOCK_ALONE})"
    rf"|from\s+(?:at\s+)?(?P<start>{_CLOCK_ALONE}))"
    r"(?:\W+(?:now|instead|then|please|pls|actually|after\s+all|sorry))*\W*$"
)
_NOT_THE_OLD_DAY = re.compile(r"(?<![a-z])(?:not|instead\s+of)\s+(?:the\s+|on\s+)?[a-z0-9/]+\W*$")


def _nearest(said: str, to: datetime) -> str:
    """A clock time said alone, as HH:MM: without am or pm, the reading nearer `to`, the end it
    moves ("till 3" after 17:00 is 15:00, "from 7" after 18:00 is 19:00)."""
    clock = re.match(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*([ap]m)?", said)
    hour, minute, half = int(clock[1]) % 24, int(clock[2] or 0), clock[3]
    if half is not None:
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif hour <= 12:
        was = to.hour * 60 + to.minute
        hour = min((hour % 12, hour % 12 + 12), key=lambda h: abs(h * 60 + minute - was))
    return f"{hour:02d}:{minute:02d}"


def changed_free_time(
    worker: Worker, market: Market, body: str, parsed: Parsed, last: Notice | None, now: datetime
) -> Parsed | None:
    """ "can i change saturday to 12-8", and "actually make that 10-6" or "sorry i meant
    sunday" just after "Got it: free Sat 28 Nov 09:00-17:00" (`last`): the free time that
    replaces that day's, with the date it `replaces`. None when the text is no such change."""
    if parsed.intent not in ("availability", "unknown", "cancel", "dispute") and not (
        parsed.intent == "accept" and parsed.ambiguous
    ):
        return None
    at = local(now, market.tz)
    norm = Text.of(body, worker.language).norm
    if (change := _CHANGE_DAY.match(norm)) is not None:
        again = parse(f"available {change['day']} {change['rest']}", at, language=worker.language)
        if again.intent != "availability" or again.start is None or again.recurring:
            return None
        return replace(again, replaces=again.start.date())
    if last is None or last.kind != "availability_saved":
        return None
    saved = local(datetime.fromisoformat(last.data["start"]), market.tz)
    if _TAKE_IT_BACK.match(norm):
        # "cancel that" just after it was saved: that day's free time, asked back as BUSY
        return Parsed("busy", start=saved.replace(hour=0, minute=0, second=0, microsecond=0))
    said = _CORRECTION.match(norm)
    saved_end = local(datetime.fromisoformat(last.data["end"]), market.tz)
    saved_day = day_said(f"date:{saved.date()}", "en", market.currency)
    moved = _ONE_END_MOVED.match(said["rest"] if said else norm)
    if moved is not None:
        # the other end kept: "till 3" after 09:00-17:00 is 09:00-15:00
        start = _nearest(moved["start"], saved) if moved["start"] else f"{saved:%H:%M}"
        end = _nearest(moved["end"], saved_end) if moved["end"] else f"{saved_end:%H:%M}"
        rest = f"{saved_day} {start}-{end}"
    elif said is None:
        return None
    else:
        rest = _NOT_THE_OLD_DAY.sub(" ", said["rest"])
        spec, left = find_days(rest, at)
        hours_said = bool(find_ranges(left, spec.context)[0])
        if not spec.said_a_day and not hours_said:
            return None
        if not spec.said_a_day:
            rest = f"{saved_day} {rest}"
        elif not hours_said:
            rest = f"{rest} {saved:%H:%M}-{saved_end:%H:%M}"  # "i meant sunday": the same hours
    again = parse(f"available {rest}", at, language=worker.language)
    if again.intent != "availability" or again.start is None or again.recurring:
        return None
    return replace(again, replaces=saved.date())


# Questions about free time whose answer may leave out what the question already said.
TIMES_ASKED = frozenset(("ask_times", "ask_from_to", "ask_am_pm"))
_HALF_OF_THE_DAY = re.compile(
    r"^\W*(?:the\s+|in\s+the\s+|at\s+)?(?P<am>am|a\.m\.?|morning|mornings|first|1st"
    r"|the\s+first\s+one)"
    r"|^\W*(?:the\s+|in\s+the\s+|at\s+)?(?P<pm>pm|p\.m\.?|evening|evenings|night|afternoon|second"
    r"|2nd|later)"
)


def answer_to_times_asked(
    worker: Worker, market: Market, body: str, parsed: Parsed, asked: Notice, now: datetime
) -> Parsed | None:
    """ "9-5" just after "What times are you free tmrw?" (`asked`), "pm" after "Did you mean
    5am-9am or 5pm-9pm?": the answer read with the day and the part of the day the question was
    about, as if the worker had said them again. None when the text is no such answer, or
    names its own day."""
    norm = Text.of(" ".join(body.split()), worker.language).norm
    if asked.kind in DAYS_ASKED:
        return _answer_to_days_asked(
            norm, parsed, asked, local(now, market.tz), worker.language, market.currency
        )
    and_another = _AND_ANOTHER_DAY.match(norm) is not None
    if (parsed.days and not and_another) or parsed.then:
        return None
    if parsed.intent not in ("availability", "unknown") and not (
        parsed.intent in ("help", "accept") and _A_PART_ALONE.match(norm)
    ):
        # "morning" alone greets, and "the evening one" picks an offer, except as the answer
        # to "What times...?" or "am or pm?"
        return None
    if asked.kind not in TIMES_ASKED:
        return None
    at = local(now, market.tz)
    said = " ".join(body.split())
    if find_days(norm, at)[0].said_a_day and not and_another:
        return None  # "sat 9-5": the day is theirs; "9-5 and sunday too" adds one
    # The day the worker said: an example day is only an example, except beside AM or PM.
    said_day = asked.data.get("example_day" if asked.kind == "ask_am_pm" else "when_day")
    said_back = day_said(said_day or "", "en", market.currency)
    day = f"{said_back} {asked.data.get('when_part') or ''}".strip()
    if asked.kind == "ask_am_pm":
        # "pm", and the worker's own words for the half of the day: "wieczorem", "por la tarde"
        half = _HALF_OF_THE_DAY.match(fold(said)) or _HALF_OF_THE_DAY.match(norm)
        if half is not None:
            start, end = asked.data["pm_hours" if half.group("pm") else "am_hours"]
            said = f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"
    elif asked.data.get("when_time") and (
        other := _THE_OTHER_TIME.match(Text.of(said, worker.language).norm)
    ):
        # "till 4" just after "free tmrw from 8" was asked back: from 8 till 4
        given, until = lone_time_parts(asked.data["when_time"])
        other_time = other.group("time")
        said = f"from {other_time} till {given}" if until else f"from {given} till {other_time}"
    elif not day:
        return None  # nothing said before that this answer leaves out
    # In canonical words: "das 9 às 17" after "available sat" would be read as English
    said = Text.of(said, worker.language).norm
    again = parse(f"available {day} {said}", at, language=worker.language)
    if again.intent != "availability":
        return None
    if again.start is not None:
        return again
    # "9 till late", "from 10", "morning": a closer question, with the day kept
    closer = again.ask is not None and (again.ask != asked.kind or _TIME_SAID.search(said))
    return again if closer else None


# A yes to "Is 13 your rate per hour?" in words: "yes thats my rate", "13 is my rate", "yes 13
# an hour", "tak, 13 funtów za godzinę" (read as "yes, 13 pounds an hour").
_RATE_CONFIRMED = re.compile(
    r"^\W*(?:(?:yes+|yeah|yep|yup|ya|correct|right|thats\s+right|ok|okay)(?![a-z])\W*)*"
    r"(?:(?:thats|that\s+is|its|it\s+is)\s+)?(?:my\s+(?:rate|price)(?:\s+per\s+hour)?(?![a-z])"
    r"|[£$€]?\s*(?P<rate>[0-9]+(?:[.,][0-9]{1,2})?)\s*(?:pounds?|quid|euros?|dollars?)?\s*"
    r"(?:(?:is\s+)?(?:my\s+)?(?:rate|price)|an?\s+hour|per\s+hour|ph|p/h|/h|/hr|hourly)?(?![a-z]))"
    r"\W*(?:(?:please|pls|thanks|thank\s+you|x+)(?![a-z])\W*)*$"
)


def answer_to_rate_asked(
    worker: Worker, market: Market, body: str, asked: Notice | None, now: datetime
) -> Parsed | None:
    """ "yes", "13 is my rate" just after "Is 13 your rate per hour? Reply e.g. AVAILABLE sat
    9am-5pm @13": that reply, as if sent; None for any other text."""
    if asked is None or asked.kind != "ask_rate":
        return None
    rate = str(asked.data["said_rate"])
    said = Text.of(" ".join(body.split()), worker.language).norm
    confirmed = _RATE_CONFIRMED.match(said)
    if not confirmed and not confirming.said_yes(body, worker.language, ok=True):
        return None
    if confirmed and confirmed["rate"] not in (None, rate):
        return None  # "15 an hour": another rate than the one asked about, not a yes
    start, end = asked.data["example_hours"]
    day = day_said(asked.data.get("example_day", ""), "en", market.currency)
    command = f"available {day} {formats.hours(start, end, 'en')} @{rate}"
    again = parse(command, local(now, market.tz), language="en")
    return again if again.intent == "availability" and not again.ambiguous else None


# Questions that ask which day: hours alone are no answer to them.
DAYS_ASKED = frozenset(("ask_days", "ask_date", "ask_today_or_tomorrow"))


def _answer_to_days_asked(
    norm: str, parsed: Parsed, asked: Notice, at: datetime, language: str, currency: str
) -> Parsed | None:
    """ "9-5" just after "Which days?": the day asked again, with those hours in the example;
    never free today, which nobody said. "mon wed 9-5" just after "Which days? ... next week":
    next week's Monday and Wednesday. "the 28th", "dziś" just after "Today, Fri 27 Nov, or Sat
    28 Nov? ... 9am-5pm": that day, with the hours the worker gave."""
    spec, besides = find_days(norm, at)
    # only there are the example's hours the worker's own: elsewhere they may be an example
    hours = asked.data.get("example_hours") if asked.kind == "ask_today_or_tomorrow" else None
    if spec.said_a_day and hours and not _TIME_SAID_ALONE.search(besides):
        day = norm
        if spec.label in ("today", "tomorrow"):
            # "tomorrow" again: the later of the two days asked about
            which = asked.data["first_day" if spec.label == "today" else "second_day"]
            day = day_said(f"date:{which}", "en", currency)
        start, end = hours
        return parse(f"available {day} {formats.hours(start, end, 'en')}", at, language=language)
    if parsed.intent != "availability":
        return None
    if spec.said_a_day:
        next_week_asked = str(asked.data.get("example_day", "")).startswith("next:")
        said_which_week = spec.date or spec.in_next_week or spec.in_this_week or spec.next_week
        if next_week_asked and spec.weekdays and not said_which_week:
            return parse(f"available {norm} next week", at, language=language)
        return None  # "sat 9-5": the day is theirs
    if parsed.start is None or parsed.end is None:
        return None
    hours = tuple(t.hour * 60 + t.minute for t in (parsed.start, parsed.end))
    example = {"example_day": asked.data.get("example_day", ""), "example_hours": hours}
    return replace(
        parsed,
        start=None,
        end=None,
        ambiguous=True,
        ask=asked.kind,
        ask_data=tuple(example.items()),
    )


# A time of its own in an answer that names a day (the day's own words left out): "sat from
# 10", "dziś rano".
_TIME_SAID_ALONE = re.compile(
    r"[0-9]|(?<![a-z])(?:mornings?|afternoons?|evenings?|nights?|late|early|all\s+day)(?![a-z])"
)
# The hours asked for, and another day with them: "9-5 and sunday too", "9-17 i w niedzielę".
_AND_ANOTHER_DAY = re.compile(
    r"^\W*[0-9][^a-z]*(?:(?:am|pm|h)(?![a-z])[^a-z]*)*(?:and|&|plus|also|i|y|e|si)(?![a-z])"
)
_A_PART_ALONE = re.compile(
    r"^\W*(?:the\s+|in\s+the\s+)?(?:mornings?|afternoons?|evenings?|nights?)(?:\s+one)?\W*$"
)
_TIME_SAID = re.compile(r"[0-9]|(?<![a-z])(?:mornings?|afternoons?|evenings?|nights?|late|early)")
# An answer that gives only the other end of the hours: "till 4", "4pm", "until 18:00".
# Read in the worker's words, so "do 18", "hasta las 6" and "pana la 18" are "till" too.
_THE_OTHER_TIME = re.compile(
    rf"^\W*(?:(?:from|till?|until|to|-|and|after|before|by|{'|'.join(separators())})\s*)?"
    r"(?P<time>[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)\W*$"
)
