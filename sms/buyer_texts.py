"""A buyer's texts: OK 1042, HOURS 1042 3.5, ARRIVED 1042, NOSHOW 1042, APPEAL D12; anything
else gets help, unless staff asked the buyer a question about a dispute: then it is the answer.

Buyers have a few short commands of their own, each with the reference they were sent.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, select

from exchange.errors import Refused
from exchange.notices import notify_buyer
from exchange.shifts import shift_facts
from services import disputing, timesheets
from services.inbox import hand_to_a_person
from services.shifts import shifts_to_come_for_buyers
from services.unit import TextTransaction
from sms.confirming import last_notice_where
from sms.parsing.text import plain
from sms.parsing.times import CLOCK, HourRange, clock_from, find_ranges
from sms.templates import and_list, say
from store.models import Booking, Buyer, Market, Notice, Shift
from store.statuses import BookingStatus

_REF = r"\W*(?:booking\W*)?#?\s*(?P<ref>[0-9]{1,8})(?![0-9])"
_COMMANDS = (
    # A bare OK confirms the one timesheet waiting, if there is only one.
    (
        "confirm",
        re.compile(
            r"^(?:ok|okay|yes|y|confirm|confirmed|agree|agreed|approve|approved)(?![a-z])(?:"
            + _REF
            + ")?"
        ),
    ),
    ("amend", re.compile(r"^(?:hours|hrs|amend|change)(?![a-z])" + _REF)),
    ("arrived", re.compile(r"^(?:arrived|here|in)(?![a-z])" + _REF)),
    ("noshow", re.compile(r"^(?:no\s*show|not\s+(?:arrived|here)|not|absent)(?![a-z])" + _REF)),
)
_APPEAL = re.compile(r"^appeal(?![a-z])\W*(?P<ref>d\s*[0-9]{1,8}(?![0-9]))?\W*(?P<why>.*)$", re.I)
# Words that may follow a command without changing it.
_POLITE = re.compile(r"(?:(?:thanks|thank\s+you|thx|ta|cheers|please|pls)\W*)*")
_PARTS = re.compile(
    r"(?P<h>[0-9]{1,2})\s*(?:h|hr|hrs|hours?)\s*(?:and\s*)?(?P<m>[0-9]{1,2})\s*(?:m|mins?|minutes?)?"
)
_CLOCK = re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})")
_MINUTES = re.compile(r"(?P<m>[0-9]{1,4})\s*(?:m|mins?|minutes?)")
_HOURS = re.compile(r"(?P<h>[0-9]{1,2}(?:[.,][0-9]{1,2})?)\s*(?:h|hr|hrs|hours?)?")

_WORDS = re.compile(r"[^\W\d_]{2,}")

HINTS = {
    "confirm": "Reply e.g. OK 1042 with the booking number we sent you.",
    "amend": "Reply e.g. HOURS 1042 3.5 or HOURS 1042 3h30.",
    "arrived": "Reply e.g. ARRIVED 1042 or NOSHOW 1042.",
    "noshow": "Reply e.g. ARRIVED 1042 or NOSHOW 1042.",
    "appeal": "Reply e.g. APPEAL D12 and why.",
}


@dataclass(frozen=True)
class BuyerText:
    """What a buyer's text asks for: `intent` is confirm, amend, arrived, noshow, appeal or help."""

    intent: str
    ref: str | None = None
    minutes: int | None = None
    why: str = ""


def parse_buyer(body: str) -> BuyerText:
    """Read a buyer's text; anything that is not a whole command is "help"."""
    if m := _APPEAL.match(" ".join(body.split())):
        ref = m.group("ref")
        return BuyerText(
            "appeal", ref.replace(" ", "").upper() if ref else None, why=m.group("why")
        )
    text = " ".join(body.lower().split()).strip(" .!")
    for intent, pattern in _COMMANDS:
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end() :].strip(" .!")
        if intent != "amend":
            polite = _POLITE.fullmatch(rest) is not None
            return BuyerText(intent, m.group("ref")) if polite else BuyerText("help")
        minutes = parse_duration(rest)
        return BuyerText("amend", m.group("ref"), minutes) if minutes else BuyerText("help")
    return BuyerText("help")


def parse_duration(text: str) -> int | None:
    """Minutes in '3.5', '3,5', '3h30', '3 hrs 30 mins', '3:30', '210 mins'; None otherwise."""
    text = text.strip()
    if m := _PARTS.fullmatch(text) or _CLOCK.fullmatch(text):
        hours, minutes = int(m.group("h")), int(m.group("m"))
        return hours * 60 + minutes if minutes < 60 else None
    if m := _MINUTES.fullmatch(text):
        return int(m.group("m"))
    if m := _HOURS.fullmatch(text):
        hours = Decimal(m.group("h").replace(",", "."))
        return int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return None


def act(
    session: Session,
    buyers: list[Buyer],
    body: str,
    now: datetime,
    message_id: int | None = None,
    courtesy: bool = False,
) -> None:
    """Carry out a buyer's text; a refusal or a garbled text gets a short reply, changing nothing.
    Words that are no command ("nobody has turned up", "she only did 5 hours") also go to a
    person; thanks alone gets nothing back."""
    said = parse_buyer(body)
    if said.intent == "help" or (said.intent == "confirm" and said.ref is None):
        said = _answer_to_the_question(session, buyers, body, now) or said
    bare = said.intent == "confirm" and said.ref is None
    if (said.intent == "help" or bare) and _answered(session, buyers, body, now, message_id):
        return
    if said.intent == "help" and courtesy:
        return  # "thanks", "cheers": nothing asked, nothing to answer
    if bare:
        said = _the_one_waiting(session, buyers, said, now)
        if said is None:
            return
    if said.intent == "help" and _WHO_IS_COMING.search(plain(body)):
        _shifts_to_come(session, buyers, now)
        return
    buyer = _owner(session, buyers, said.ref if said.intent != "appeal" else None)
    if said.intent == "help" and message_id is not None and len(_WORDS.findall(body)) >= 2:
        text = TextTransaction(session)
        hand_to_a_person(text, message_id, buyer.market_id, None, "buyer", now, tell=False)
        notify_buyer(session, buyer, "buyer_to_a_person", now, example=_example(session, buyer))
        return
    if said.intent == "help":
        notify_buyer(session, buyer, "buyer_help", now, example=_example(session, buyer))
        return
    if said.intent == "hours_said":
        # Other hours than the worker's, in words: asked back as the command that changes them
        notify_buyer(
            session, buyer, "buyer_hours_asked", now, booking=said.ref, hours=_typed(said.minutes)
        )
        return
    text = TextTransaction(session)
    try:
        if said.intent == "appeal":
            disputing.appeal(text, "buyer", buyer.id, said.ref, said.why, now, message_id)
        elif said.intent == "confirm":
            timesheets.confirm_hours(text, buyer.id, said.ref, now)
        elif said.intent == "amend":
            timesheets.change_hours(text, buyer.id, said.ref, said.minutes, now)
        else:
            arrived = said.intent == "arrived"
            timesheets.say_arrived(text, buyer.id, said.ref, arrived, now)
    except Refused as refusal:
        notify_buyer(
            session, buyer, "buyer_refused", now, reason=refusal.message, hint=HINTS[said.intent]
        )


# Who is booked, or whether anyone is: "who is coming tomorrow?", "is the shift covered".
_WHO_IS_COMING = re.compile(
    r"(?<![a-z])(?:who(?:\s+is|s|\s+s|\s+are|\s+will\s+be|ll\s+be)?\s+(?:coming|booked|working"
    r"|covering|doing|sent|on\s+(?:today|tonight|tomorrow|tmrw|(?:the|my|our)\s+shift))"
    r"|(?:is|will)\s+(?:anyone|any\s+one|anybody|somebody|someone)\s+(?:be\s+)?(?:coming|booked"
    r"|covering)|(?:has|have)\s+(?:anyone|any\s+one|anybody|someone|somebody)\s+(?:been\s+)?"
    r"(?:taken|accepted|booked|picked\s+up|found)|(?:names?|who)\s+(?:of|is)\s+(?:the|our|my)\s+"
    r"(?:carers?|workers?|staff|person|people|cleaners?)\s+(?:coming|booked|tomorrow|today)"
    r"|who\s+(?:are|r)\s+(?:you|u)\s+sending|(?:is|are|was)\s+(?:the|my|our|tomorrows?|todays?|that|(?:mon|tues|wednes|thurs|fri"
    r"|satur|sun)days?)\s+(?:\w+\s+)?"
    r"shifts?\s+(?:filled|covered|booked|taken)|what\s+time\s+(?:is|are|will)\s+(?:she|he|they"
    r"|the\s+worker|my\s+worker)\s+(?:be\s+)?(?:coming|arriving|here|starting)"
    r"|(?:my|our)\s+(?:shifts|bookings)\s*\?|any\s+(?:news|update)\s+on\s+(?:the|my|our|tomorrows?)"
    r"\s+(?:\w+\s+)?shift)(?![a-z])"
)
_YES_THERE = re.compile(
    r"^\W*(?:yes|yeah|yep|y|yh|ok|she\s+is|he\s+is|they\s+are|(?:she|he)s\s+here|arrived"
    r"|(?:she|he|they)\s+(?:has\s+|have\s+|just\s+)?arrived|here|just\s+arrived|all\s+good)(?:\W+(?:thanks|thank\s+you|she\s+is|he\s+is|here"
    r"|(?:she|he)s|(?:she|he|they)\s+(?:has|have)|arrived|just\s+now|now|on\s+time|x+))*\W*$"
)
# "she hasnt turned up", "nobody has come yet": after "has Ann arrived?", a no-show.
_NOT_THERE = re.compile(
    r"^\W*(?:no|nope|n|not\s+yet|nobody|no\s+one|no\s+sign|not\s+here|no\s+show"
    r"|(?:(?:she|he|they)\s+(?:hasnt|has\s+not|havent|have\s+not|didnt|did\s+not|never)"
    r"|(?:nobody|no\s+one)(?:\s+(?:has|have))?)\s+(?:turned\s+up|arrived|come|came|shown\s+up"
    r"|showed\s+up))"
    r"(?:\W+(?:not\s+yet|nobody|no\s+one|here|yet|sorry|still\s+waiting|no\s+sign))*\W*$"
)
# "yes thats right", "all good 👍" to "... says 6h. Reply OK 12 to confirm": the hours agreed.
_ASSENT = (
    r"yes|yeah|yep|y|yh|ok|okay|confirm(?:ed)?|correct|right|thats?\s+(?:right|correct|fine|ok)"
    r"|(?:all|looks?|all\s+looks)\s+(?:good|fine|ok|correct)|agreed?|perfect|fine|spot\s+on"
    r"|👍|✅|👌"
)
_RIGHT = re.compile(
    rf"^(?:\W*(?:thanks|thank\s+you))?\W*(?:{_ASSENT})(?:\W+(?:{_ASSENT}|thanks|thank\s+you|x+))*"
    r"\W*$"
)
# How long after a question a bare answer is taken as its answer: "has Ann arrived?" is asked
# during the shift; the hours wait two days.
_ANSWER_WITHIN = {"checkin_check": timedelta(hours=2), "buyer_timesheet": timedelta(hours=48)}


def _answer_to_the_question(
    session: Session, buyers: list[Buyer], body: str, now: datetime
) -> BuyerText | None:
    """ "yes" or "not yet" just after "has Ann arrived...? Reply ARRIVED 12 or NOSHOW 12", "all
    good" or "she did 5 hours" just after "Ann says 6h... Reply OK 12": the command the question
    named, for its booking; other hours are asked back as HOURS."""
    text = plain(body)
    yes, no, right = _YES_THERE.match(text), _NOT_THERE.match(text), _RIGHT.match(text)
    hours = _hours_in_words(text)
    left = _LEFT_AT.search(text) if hours is None else None
    span = _span_said(text) if hours is None and left is None else None
    if all(said is None for said in (yes, no, right, hours, left, span)):
        return None
    to_them = col(Notice.buyer_id).in_([buyer.id for buyer in buyers])
    asked = last_notice_where(session, to_them, now - max(_ANSWER_WITHIN.values()))
    if (
        asked is None
        or asked.kind not in _ANSWER_WITHIN
        or now - asked.created_at > _ANSWER_WITHIN[asked.kind]
    ):
        return None  # the last text asked nothing (a receipt), or was asked long ago
    booking = str(asked.data["booking"])
    if asked.kind == "checkin_check" and (yes or no):
        return BuyerText("arrived" if yes else "noshow", booking)
    if asked.kind == "buyer_timesheet" and right:
        return BuyerText("confirm")  # as a bare OK: the one waiting, or which is asked
    if asked.kind == "buyer_timesheet" and hours is not None:
        return BuyerText("hours_said", booking, minutes=hours)
    if asked.kind == "buyer_timesheet" and span is not None:
        return BuyerText("hours_said", booking, minutes=span)  # "no she did 11-2": 3 hours
    if asked.kind == "buyer_timesheet" and left is not None:
        # "she left at 2": the hours from the start to then, asked back as HOURS
        clock = CLOCK.match(text, left.end())
        said = clock_from(clock) if clock is not None else None
        if said is None:
            return None
        fixed = said.fixed()
        hour, minute = divmod(said.readings()[0] if fixed is None else fixed, 60)
        try:
            worked = timesheets.worked_until(
                TextTransaction(session), asked.buyer_id, booking, hour, minute, fixed is None, now
            )
        except Refused:
            return None
        return BuyerText("hours_said", booking, minutes=worked) if worked > 0 else None
    return None


# When the worker left, said by the buyer: "she left at 2", "he went home at 1.30pm"; the time
# follows, read as the parser reads a time of day.
_LEFT_AT = re.compile(
    r"(?<![a-z])(?:left|went(?:\s+home)?|gone(?:\s+home)?|finished|clocked\s+(?:out|off)|stopped"
    r"|signed\s+out)\s+(?:at\s+|around\s+|about\s+)?(?=[0-9])"
)
# The hours worked with no unit, as the whole answer to "Ann says 6h": "she only did 5".
_DID_BARE = re.compile(
    r"^\W*(?:(?:she|he|they|the\s+worker)\s+)?(?:only\s+)?(?:did|worked|stayed(?:\s+for)?"
    r"|was\s+here\s+for)\s+(?:only\s+)?(?P<h>[0-9]{1,2}(?:[.,][0-9]{1,2})?)\W*$"
)
# Hours said in a sentence: "she only did 5 hours", "5.5 hours", "5h30".
_HOURS_SAID = re.compile(
    r"(?<![0-9.,:])(?P<h>[0-9]{1,2}(?:[.,][0-9]{1,2})?)\s*(?:h|hr|hrs|hours?)(?:\s*(?P<m>[0-9]{1,2})"
    r"\s*(?:m|mins?|minutes?)?)?(?![a-z0-9])"
)


def _shifts_to_come(session: Session, buyers: list[Buyer], now: datetime) -> None:
    """The buyers' shifts to come, each with who is booked on it or that it is being offered."""
    buyer = buyers[0]
    shifts = shifts_to_come_for_buyers(TextTransaction(session), [b.id for b in buyers], now)
    if not shifts:
        notify_buyer(session, buyer, "buyer_shifts_none", now)
        return
    lines = []
    for shift, names in shifts:
        facts = shift_facts(shift, session.get(Market, shift.market_id))
        if names:
            line = say(
                "buyer_shift_booked_line",
                "en",
                workers=and_list(names, "en"),
                booked=len(names),
                slots=shift.slots,
                **facts,
            )
        else:
            line = say("buyer_shift_open_line", "en", **facts)
        lines.append(line)
    notify_buyer(session, buyer, "buyer_shifts", now, lines=" | ".join(lines))


# A break named beside the span: its length is not the hours worked ("9 till 5 with an hour
# lunch"), so the span is left for a person.
_BREAK_SAID = re.compile(r"(?<![a-z])(?:lunch|break|breaks)(?![a-z])")
_NOT_THAT = re.compile(r"(?<![a-z])not(?![a-z])")


def _span_said(text: str) -> int | None:
    """The minutes of the span of the clock an answer gives: "no she did 11-2", "she was here
    11:30 to 3"; with two, the first when the second is denied ("11-2 not 11-3")."""
    if _BREAK_SAID.search(text):
        return None
    spans = [said for said in find_ranges(text, None)[0] if isinstance(said, HourRange)]
    if len(spans) == 2 and _NOT_THAT.search(text):
        spans = spans[:1]
    if len(spans) != 1:
        return None
    minutes = (spans[0].end - spans[0].start) % (24 * 60)
    return minutes or None


def _hours_in_words(text: str) -> int | None:
    """The minutes of the one span of hours a sentence gives, or None (none, or more than one)."""
    found = _HOURS_SAID.findall(text)
    if not found and (bare := _DID_BARE.match(text)) is not None:
        found = [(bare["h"], "")]  # "she only did 3": the hours, the unit left out
    if len(found) != 1:
        return None
    hours, minutes = found[0]
    total = parse_duration(f"{hours}h{minutes}" if minutes else hours)
    return total if total and total <= 24 * 60 else None


def _typed(minutes: int) -> str:
    """Minutes as HOURS takes them back: 330 -> "5h30", 300 -> "5h"."""
    hours, left = divmod(minutes, 60)
    return f"{hours}h{left:02d}" if left else f"{hours}h"


def _answered(
    session: Session, buyers: list[Buyer], body: str, now: datetime, message_id: int | None
) -> bool:
    """Free words while staff wait on this buyer's answer to a dispute question are the answer."""
    if not body.strip():
        return False
    for buyer in buyers:
        waiting = disputing.answer_question(
            TextTransaction(session), "buyer", buyer.id, body, now, message_id
        )
        if waiting is not None:
            notify_buyer(session, buyer, "buyer_dispute_reply_kept", now, dispute=waiting.ref)
            return True
    return False


def _the_one_waiting(
    session: Session, buyers: list[Buyer], said: BuyerText, now: datetime
) -> BuyerText | None:
    """A bare OK: the timesheet it confirms when only one waits; else a reply, and None."""
    text = TextTransaction(session)
    waiting = [ref for buyer in buyers for ref in timesheets.waiting_for_buyer(text, buyer.id)]
    if len(waiting) == 1:
        return BuyerText("confirm", waiting[0])
    if not waiting:
        notify_buyer(session, buyers[0], "buyer_help", now, example=_example(session, buyers[0]))
        return None
    notify_buyer(
        session,
        buyers[0],
        "buyer_refused",
        now,
        reason=f"{len(waiting)} timesheets wait for you ({', '.join(waiting[:5])})",
        hint=HINTS["confirm"],
    )
    return None


def _owner(session: Session, buyers: list[Buyer], ref: str | None) -> Buyer:
    """Of the buyers on one phone, the one the reference belongs to (else the first)."""
    if ref is not None and len(buyers) > 1:
        owner = session.exec(
            select(Shift.buyer_id)
            .join(Booking, col(Booking.shift_id) == Shift.id)
            .where(Booking.id == int(ref))
        ).first()
        for buyer in buyers:
            if buyer.id == owner:
                return buyer
    return buyers[0]


def _example(session: Session, buyer: Buyer) -> str:
    """The buyer's latest timesheet waiting for them, else their soonest booking still on, so
    the example is one they can send."""
    waiting = next(iter(timesheets.waiting_for_buyer(TextTransaction(session), buyer.id)), None)
    if waiting is not None:
        return waiting
    booked = session.exec(
        select(Booking.id)
        .join(Shift, col(Booking.shift_id) == Shift.id)
        .where(Shift.buyer_id == buyer.id, Booking.status == BookingStatus.BOOKED)
        .order_by(col(Shift.start))
    ).first()
    return str(booked) if booked is not None else "1042"
