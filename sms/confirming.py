"""Nothing is done on a guess (rule 12): what ends or changes something a worker has happens on
the exact command, or after the exchange has asked and the worker replied with it.

"DROP 4821" drops; "cant make it wednesday, kid is sick" finds Wednesday's booking and asks
"Drop your cleaning shift Wed 9 Dec 10:00-16:00? Reply DROP 4821 to confirm". The confirming
word is the exact command itself, so a confirmation needs no state to be remembered: "NO" asks
"Pass on offer 4821...? Reply N 4821", "my rate is 14 now" asks "Reply RATE 14.00".
"""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from exchange import fates
from exchange.localtime import local
from exchange.notices import notify_worker
from exchange.shifts import shift_facts
from services.selling import answer_offer, drop_booking, open_offers
from services.terms import own_skills
from services.unit import TextTransaction
from sms.parser import Parsed
from sms.parsing.days import WEEKDAYS, find_days
from sms.parsing.keywords import (
    I_MEANT,
    NO_THANKS,
    UNABLE,
    free_day_as_a_yes,
    one_day,
    typed_as_the_command,
)
from sms.parsing.lexicon import fold
from sms.parsing.text import Text, words_of
from sms.parsing.times import CLOCK
from sms.templates import say
from store.models import Market, Message, Notice, Offer, Shift, Worker
from store.statuses import OfferStatus


def drop(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """DROP 4821 drops at once, and so does DROP alone just after "Drop your shift...? Reply DROP
    4821 to confirm"; anything less exact is asked back about the booking it means."""
    ref = parsed.offer_ref
    refs = [ref] if ref is not None else []
    if parsed.exact and ref is None and (asked := last_notice(session, worker, now)) is not None:
        refs = _drops_asked_with(session, asked) if asked.kind == "confirm_drop" else []
    if parsed.exact and refs:
        _drop_each(session, worker, refs, now)
        return
    booked = fates.bookings_ahead(session, worker.id, now, market.tz, parsed.days)
    if parsed.offer_ref is not None:
        booked = [row for row in booked if row[2].ref == parsed.offer_ref] or booked
    if len(booked) > 1 and parsed.part_of_day in _PART_STARTS:
        # "cant do tomorrow afternoon", booked 9-1 and 3-7: the one that starts then
        booked = [
            row
            for row in booked
            if _minutes_into_the_day(local(row[1].start, market.tz))
            in _PART_STARTS[parsed.part_of_day]
        ] or booked
    if not booked and parsed.days and parsed.offer_ref is None:
        offered = on_days(open_offers(TextTransaction(session), worker.id), market, parsed.days)
        if len(offered) == 1:
            # "I won't be able to take the shift on Thursday": the offer on that day
            confirm_decline(session, worker, market, offered[0], now)
            return
        # Nothing booked on the day said: "not free sunday after all" takes back the free time.
        code = "days:" + ",".join(parsed.days)
        notify_worker(session, worker, "confirm_busy", now, command_day=code)
        return
    if len(booked) == 1 or (parsed.detail in EVERY and booked):
        # one booking, or "both" after which of them: each asked back with its own DROP
        for _, shift, offer in booked:
            facts = shift_facts(shift, market)
            notify_worker(session, worker, "confirm_drop", now, ref=offer.ref, **facts)
        return
    if booked:
        _which_booking(session, worker, market, booked, now)
        return
    live = open_offers(TextTransaction(session), worker.id)
    if len(live) == 1:
        confirm_decline(session, worker, market, live[0], now)
        return
    notify_worker(session, worker, "no_booking", now)


def hours_short_of_the_offer(
    session: Session, worker: Worker, market: Market, body: str, parsed: Parsed, now: datetime
) -> Parsed | None:
    """ "can i do 9-12 only", "can i start at 10?", "mogę od 10?" with an offer open and no day
    said: part of the offer's hours, a condition on it to ask about, not free time today."""
    if parsed.intent not in ("availability", "unknown") or parsed.days or parsed.recurring:
        return None
    if parsed.ambiguous and parsed.ask not in ("ask_from_to", "ask_times"):
        return None
    norm = Text.of(body, worker.language).norm
    if parsed.start is None and not CLOCK.search(norm):
        return None
    if not _PART_OF_IT.search(norm) or find_days(norm, local(now, market.tz))[0].said_a_day:
        return None
    if not open_offers(TextTransaction(session), worker.id):
        return None
    return Parsed(
        "accept", ambiguous=True, ask="ask_accept_condition", text_language=parsed.text_language
    )


# Only some of the hours, or asking for them: "9-12 only", "can i do 9-12", "just till 12".
_PART_OF_IT = re.compile(
    r"(?<![a-z])(?:only|just|can\s+i\s+(?:do|work|come|start|leave|finish))(?![a-z])"
    # "mogę od 10?" (read "can do from 10?")
    r"|^\W*can\s+do\s+(?:from|till?|until|after|to)\s+[0-9]"
)


def free_day_taking_the_offer(
    session: Session, worker: Worker, market: Market, body: str, parsed: Parsed, now: datetime
) -> Parsed | None:
    """ "yes i can do tomorrow", "tak, mogę jutro" from a worker with an offer open on that day
    (or any open, no day said) is a yes to it, not free time with the hours to ask."""
    if parsed.intent != "availability" or parsed.ask != "ask_times":
        return None
    day = free_day_as_a_yes(body, local(now, market.tz), worker.language)
    if day is None:
        return None
    live = open_offers(TextTransaction(session), worker.id)
    # by its date: "tomorrow" is not next week's offer on the same weekday
    if on_the_day_asked(live, market, parsed, now) if day else live:
        # with several open and no day said, which one is asked, with their numbers
        return Parsed("accept", days=day, text_language=parsed.text_language)
    return None


def on_the_day_asked(
    offered: list[tuple[Offer, Shift]], market: Market, parsed: Parsed, now: datetime
) -> list[tuple[Offer, Shift]]:
    """Those of the offers on the day a free time with no hours names: its weekdays ("free
    sat"), or the date its question back names ("What times are you free tmrw?")."""
    if parsed.days:
        return on_days(offered, market, parsed.days)
    label = str(dict(parsed.ask_data).get("when_day") or "")
    today = local(now, market.tz).date()
    named = {"today": today, "tonight": today, "tomorrow": today + timedelta(days=1)}.get(label)
    if label.startswith("date:"):
        named = date.fromisoformat(label.removeprefix("date:"))
    return [row for row in offered if local(row[1].start, market.tz).date() == named]


# When a shift starting in each part of the day may start, in minutes after midnight.
_PART_STARTS = {
    "morning": range(5 * 60, 12 * 60),
    "afternoon": range(12 * 60, 17 * 60),
    "evening": range(17 * 60, 21 * 60),
    "night": range(19 * 60, 24 * 60),
}


def _minutes_into_the_day(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def starting_then(
    offered: list[tuple[Offer, Shift]], market: Market, part: str | None, starts: tuple[int, ...]
) -> list[tuple[Offer, Shift]]:
    """Those of the offers whose shift starts at one of `starts` (minutes after midnight, where
    it is) or in `part` of the day ("the 9am one", "the morning one")."""
    found = []
    for offer, shift in offered:
        minutes = _minutes_into_the_day(local(shift.start, market.tz))
        if minutes in starts or (part is not None and minutes in _PART_STARTS.get(part, ())):
            found.append((offer, shift))
    return found


def on_days(
    offered: list[tuple[Offer, Shift]], market: Market, days: tuple[str, ...]
) -> list[tuple[Offer, Shift]]:
    """Those of the offers whose shift falls on one of `days` ("mon".."sun") where it is."""
    return [row for row in offered if WEEKDAYS[local(row[1].start, market.tz).weekday()] in days]


# Where "the first one" .. "the third one" and "the last one" point among the offers open.
PLACES = {"first": 0, "second": 1, "third": 2, "last": -1}


def nth_offer(offered: list[tuple[Offer, Shift]], place: str) -> str | None:
    """The ref of the offer that `place` names among those open (soonest shift first), when the
    order they were sent in agrees; None when it does not, or there is no such offer."""
    index = PLACES[place]
    if index >= len(offered):
        return None
    sent = sorted(offered, key=lambda row: row[0].id)
    named = offered[index][0]
    return named.ref if sent[index][0].id == named.id else None


def yes_to_pass_asked(
    session: Session, worker: Worker, body: str, asked: Notice | None, now: datetime
) -> bool:
    """A YES in words just after "Pass on offer 4821...? Reply N 4821 to confirm, or Y 4821 to
    take it": yes to passing, or to taking it? Neither is guessed: the question again. Y typed
    as the command takes it. True when asked again."""
    if asked is None or asked.kind != "confirm_decline" or typed_as_the_command(body, "Y"):
        return False
    notify_worker(session, worker, asked.kind, now, **asked.data)
    return True


# A yes and nothing more: "yes", "yeah sorry", "tak" (not "yes i can make it", which keeps it).
_BARE_YES = re.compile(
    r"^\W*(?:yes+|y|yeah|yea|yep|yup|ya|ye|sure|yes\s+please)"
    r"(?:\W+(?:please|pls|thanks|thank\s+you|sorry|x+|yes))*\W*$"
)


# "ok", "alright" on their own: a yes only where it changes little (see said_yes).
_OK_ALONE = re.compile(
    r"^\W*(?:ok+|okay|okey|okie|oki|k|kk|alright|alrite|fine|thats\s+fine|ok\s+then|go\s+on)"
    r"(?:\W+(?:please|pls|thanks|thank\s+you|x+))*\W*$"
)
# Said to confirm what was asked: "confirm", "yes i confirm", "potwierdzam".
_CONFIRM_SAID = re.compile(
    r"^\W*(?:(?:yes+|yeah|yep|ok|okay)\W+)*(?:i\s+)?confirm(?:ed)?(?:\W+(?:please|pls|thanks"
    r"|thank\s+you|x+))*\W*$"
)
# The pass asked about, said back: "yes pass", "pass on it", "sí, paso".
_PASS_SAID = re.compile(
    r"^\W*(?:(?:yes+|yeah|yep|ok|okay|sorry)\W+)*(?:i\s+)?pass(?:\s+on\s+(?:it|this|that)"
    r"|\s+it|\s+this\s+time)?(?:\W+(?:please|pls|thanks|thank\s+you|sorry|x+))*\W*$"
)


def said_yes(body: str, language: str | None, ok: bool = False) -> bool:
    """A yes and nothing more, or "confirm": the answer to a question asked just before. With
    `ok`, "ok" and "alright" too, for a question whose yes changes little and is undone as
    easily (no offers on a day): to a booking dropped, "ok" may only be "noted"."""
    said = Text.of(body, language).norm
    return bool(
        _BARE_YES.match(said) or _CONFIRM_SAID.match(said) or (ok and _OK_ALONE.match(said))
    )


def the_one_offer_shown(body: str, language: str | None, asked: Notice | None) -> str | None:
    """A bare YES just after one offer alone was shown with "To take one, reply Y and its
    number": that offer's number, the question's only answer; else None."""
    if asked is None or asked.kind != "shifts_offer_open" or not said_yes(body, language):
        return None
    listed = [ref.strip() for ref in str(asked.data.get("refs", "")).split(",") if ref.strip()]
    return listed[0] if len(listed) == 1 else None


def pass_confirmed(
    session: Session, worker: Worker, body: str, asked: Notice | None, now: datetime
) -> bool:
    """ "yes pass", "confirm" just after "Pass on offer 4821...? Reply N 4821 to confirm": the
    pass asked about, made. True when so."""
    if asked is None or asked.kind != "confirm_decline":
        return False
    said = Text.of(body, worker.language).norm
    if not (_PASS_SAID.match(said) or _CONFIRM_SAID.match(said)):
        return False
    answer = answer_offer(TextTransaction(session), worker.id, asked.data["ref"], False, now)
    if answer.outcome == "closed":
        notify_worker(session, worker, "accept_closed", now, ref=answer.offer.ref)
    return True


def yes_to_drop_asked(
    session: Session, worker: Worker, body: str, asked: Notice | None, now: datetime
) -> bool:
    """A bare YES just after "Drop your shift...? Reply DROP 4821 to confirm": the worker was
    asked and confirmed (rule 12), so the booking is dropped as DROP 4821 drops it. Asked again,
    they would think it done and stay home with the buyer never told. True when so."""
    if asked is None or asked.kind != "confirm_drop" or not said_yes(body, worker.language):
        return False
    _drop_each(session, worker, _drops_asked_with(session, asked), now)
    return True


def _drop_each(session: Session, worker: Worker, refs: list[str], now: datetime) -> None:
    """Drop each booking as DROP 4821 drops it; one no longer booked is said so."""
    for ref in refs:
        answer = drop_booking(TextTransaction(session), worker.id, ref, now)
        if answer.outcome == "no_booking":
            notify_worker(session, worker, "no_booking", now)


def _drops_asked_with(session: Session, asked: Notice) -> list[str]:
    """The bookings "Drop your shift...?" asked about, with any asked in the same breath ("both"
    after which booking): one YES or DROP answers them all."""
    together = session.exec(
        select(Notice).where(
            Notice.worker_id == asked.worker_id,
            Notice.kind == "confirm_drop",
            Notice.created_at == asked.created_at,
        )
    ).all()
    return [notice.data["ref"] for notice in together] or [asked.data["ref"]]


# The booking kept, said in words after "Drop your shift...?": "no keep it", "i can make it".
_KEEP_IT = re.compile(
    r"^\W*(?:(?:no|nah|nope|sorry|actually|wait|oh|ok|okay)\W+)*(?:(?:please\s+)?keep\s+(?:it|me\s+on"
    r"|the\s+(?:shift|booking))|(?:dont|do\s+not)\s+(?:cancel|drop)(?:\s+(?:it|me|the\s+shift))?"
    r"|(?:i\s+)?can\s+(?:still\s+)?(?:make\s+it|go|come|do\s+it)(?:\s+after\s+all)?|ill\s+(?:still\s+)?go"
    r"|i\s+will\s+(?:still\s+)?go|(?:im|i\s+am)\s+(?:still\s+)?(?:coming|going))"
    r"(?:\W+(?:please|pls|thanks|thank\s+you|sorry|x+))*\W*$"
)


def drop_kept(
    session: Session, worker: Worker, body: str, asked: Notice | None, now: datetime
) -> bool:
    """ "no keep it", "actually i can make it" just after "Drop your shift...? Reply DROP 4821
    to confirm": the booking stays, and they hear so. True when so."""
    if asked is None or asked.kind != "confirm_drop":
        return False
    if not _KEEP_IT.match(Text.of(body, worker.language).norm):
        return False
    notify_worker(session, worker, "drop_kept", now, **asked.data)
    return True


def called_off(session: Session, worker: Worker, parsed: Parsed, now: datetime) -> bool:
    """A bare NO just after a question that ends in the command to confirm ("Drop your
    shift...? Reply DROP 4821 to confirm", "Change your rate to £15.00/hr?"): nothing changes,
    and they hear so, not "no open offers". A NO to "Pass on offer...?" is not one: it may be
    the pass itself; nor is "cant make it" to "Drop your shift?", which says why to drop it.
    True when so."""
    asked = last_notice(session, worker, now)
    if asked is None or asked.kind not in ASKED_BACK - {"confirm_decline", "delete_confirm"}:
        return False
    if asked.kind == "confirm_drop" and parsed.detail == UNABLE:
        return False
    if asked.kind == "confirm_drop":
        notify_worker(session, worker, "drop_kept", now, **asked.data)
    else:
        notify_worker(session, worker, "nothing_changed", now)
    return True


def choices(market: Market, listed: list[tuple[str, Shift]]) -> dict[str, object]:
    """Offers or bookings to choose from: their numbers, and each with the day and time it
    starts, for a worker whose phone cannot scroll back to the texts that named them."""
    refs = [ref for ref, _ in listed]
    return {
        "count": len(refs),
        "refs": ", ".join(refs),
        "listed": [[ref, shift.start.isoformat()] for ref, shift in listed],
        "tz": market.tz,
        "example": refs[0],
    }


def _which_booking(session, worker, market, booked, now) -> None:
    listed = [(offer.ref, shift) for _, shift, offer in booked]
    notify_worker(session, worker, "which_booking", now, **choices(market, listed))


def decline(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """N 4821 passes at once, and so does N alone just after "Pass on offer 4821...? Reply N 4821
    to confirm"; a bare NO is asked back about the offer it means."""
    ref = parsed.offer_ref
    if parsed.exact and ref is None and (asked := last_notice(session, worker, now)) is not None:
        ref = asked.data.get("ref") if asked.kind == "confirm_decline" else None
    if ref is not None:
        answer = answer_offer(TextTransaction(session), worker.id, ref, False, now)
        if answer.outcome == "closed":
            notify_worker(session, worker, "accept_closed", now, ref=answer.offer.ref)
        elif answer.outcome == "unknown_ref":
            notify_worker(session, worker, "unknown_ref", now, ref=ref)
        return
    live = open_offers(TextTransaction(session), worker.id)
    if parsed.detail in EVERY and len(live) > 1:
        for offer, _ in live:  # "both", after which of them: each passed on, each told
            answer_offer(TextTransaction(session), worker.id, offer.ref, False, now)
        return
    on_the_day = on_days(live, market, parsed.days) if parsed.days else []
    if len(live) == 1 or len(on_the_day) == 1:
        # "no thanks" to the one offer; "not saturday", "the saturday one" to that day's
        confirm_decline(session, worker, market, (on_the_day or live)[0], now)
    elif live:
        listed = [(offer.ref, shift) for offer, shift in live]
        notify_worker(session, worker, "which_decline", now, **choices(market, listed))
    elif parsed.detail not in (*EVERY, NO_THANKS) and fates.bookings_ahead(
        session, worker.id, now, market.tz, parsed.days
    ):
        # "cant make it" with no offer open: it is a booking they mean; "neither" and "im good
        # thanks" are not
        drop(session, worker, market, parsed, now)
    else:
        notify_worker(session, worker, "no_offer", now)


def confirm_decline(
    session: Session, worker: Worker, market: Market, live: tuple[Offer, Shift], now: datetime
) -> None:
    """ "Pass on offer 4821 ...? Reply N 4821 to confirm": passing, asked before it is done."""
    offer, shift = live
    notify_worker(
        session, worker, "confirm_decline", now, ref=offer.ref, **shift_facts(shift, market)
    )


def terms(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> bool:
    """A change of terms said in a sentence is asked back with its exact command; True when
    asked (an exact command is for the caller to carry out)."""
    if parsed.exact:
        return False
    if _already(worker, parsed):
        return False  # nothing would change: the caller says what stands
    if parsed.rate is not None:
        amount = f"{parsed.rate // 100}.{parsed.rate % 100:02d}"
        notify_worker(
            session, worker, "confirm_rate", now, rate=parsed.rate, plain_rate=amount,
            currency=worker.currency,
        )  # fmt: skip
    elif parsed.postcode or parsed.zip:
        kind = "confirm_zip" if parsed.zip else "confirm_postcode"
        notify_worker(session, worker, kind, now, place=parsed.postcode or parsed.zip)
    elif parsed.skills or parsed.skill:
        current = own_skills(TextTransaction(session), worker.id)
        said = list(parsed.skills or (parsed.skill,))
        if parsed.detail == "remove":
            new = [s for s in current if s not in said]
        elif parsed.detail == "only":
            new = said
        else:
            new = current + [s for s in said if s not in current]
        if not new:
            notify_worker(session, worker, "refused_no_skills", now)
        elif new == current:
            changes = say("terms_skills", worker.language, skills=current)
            notify_worker(session, worker, "terms_unchanged", now, changes=changes)
        else:
            notify_worker(session, worker, "confirm_skills", now, skills=new)
    elif parsed.name:
        notify_worker(session, worker, "confirm_name", now, name=parsed.name)
    elif parsed.tax_percent is not None:
        notify_worker(session, worker, "confirm_tax", now, tax=parsed.tax_percent)
    elif parsed.travel_miles is not None:
        notify_worker(session, worker, "confirm_travel", now, miles=parsed.travel_miles)
    elif parsed.notice_minutes is not None:
        notify_worker(
            session, worker, "confirm_notice", now, notice_hours=parsed.notice_minutes // 60
        )
    else:
        return False
    return True


def _already(worker: Worker, parsed: Parsed) -> bool:
    """Whether every term the text names is already the worker's."""
    said = {
        "asking_rate_minor": parsed.rate,
        "postcode": parsed.postcode,
        "zip": parsed.zip,
        "name": parsed.name,
        "tax_percent": parsed.tax_percent,
        "travel_miles": parsed.travel_miles,
        "notice_minutes": parsed.notice_minutes,
    }
    named = {field: value for field, value in said.items() if value is not None}
    if not named or parsed.skill or parsed.skills:
        return False
    return all(getattr(worker, field) == value for field, value in named.items())


# The questions that end in the command to send back to confirm.
ASKED_BACK = frozenset(
    ("confirm_busy", "confirm_decline", "confirm_drop", "confirm_name", "confirm_notice")
    + ("which_booking",)
    + ("confirm_postcode", "confirm_rate", "confirm_skills", "confirm_tax", "confirm_travel")
    + ("confirm_zip", "delete_confirm", "ask_times", "ask_from_to", "ask_am_pm", "ask_date")
    + ("ask_rate", "ask_one_range", "ask_days", "ask_today_or_tomorrow")
)
# How long after such a question a bare YES is taken to answer it.
ASKED_WITHIN = timedelta(hours=1)


# What a worker may answer "ok thanks" to, with nothing left to answer: a booking made, a reminder,
# free time saved.
TOLD = frozenset(
    ("booked", "accept_already_booked", "reminder_evening", "reminder_before")
    + ("availability_saved", "availability_saved_days", "availability_repeats")
)


def just_told(session: Session, worker: Worker, now: datetime) -> bool:
    """Whether the last text sent the worker, just now, was news of a booking or a reminder."""
    last = last_notice(session, worker, now)
    return last is not None and last.kind in TOLD


def yes_to_the_last(session: Session, worker: Worker, now: datetime) -> bool:
    """A bare YES, no offer open, just after the exchange texted the worker. After a question
    asked back, the question again, since it names the command that confirms (the YES itself
    changes nothing, rule 12); after news of a booking ("ok thanks"), nothing. True when so."""
    last = last_notice(session, worker, now)
    if last is not None and last.kind in ASKED_BACK:
        notify_worker(session, worker, last.kind, now, **last.data)
    return last is not None and last.kind in ASKED_BACK | TOLD


def place_asked_for(asked: Notice | None) -> bool:
    """Whether the text just sent asked the worker where they are ("What is your postcode?")."""
    return asked is not None and asked.kind in ("ask_postcode", "ask_zip")


def last_notice(session: Session, worker: Worker, now: datetime) -> Notice | None:
    """The last text the exchange sent the worker, if it was just now; but the question when
    one text of theirs had two answers, the question and then news that needs no answer
    ("cant make it tomorrow but can do sat 9-5": "Drop your shift?", then "Got it: free sat"),
    since a YES then answers the question."""
    recent = session.exec(
        select(Notice)
        .where(Notice.worker_id == worker.id, col(Notice.created_at) >= now - ASKED_WITHIN)
        .order_by(col(Notice.id).desc())
        .limit(3)
    ).all()
    if not recent:
        return None
    last = recent[0]
    if last.kind in TOLD:
        for earlier in recent[1:]:
            if earlier.created_at != last.created_at:
                break
            if earlier.kind in ASKED_BACK or earlier.kind.startswith(("ask_", "confirm_")):
                return earlier
    return last


def question_left_open(
    session: Session, worker: Worker, kinds: frozenset[str], message_id: int, now: datetime
) -> Notice | None:
    """The last question of these kinds asked within the hour that the worker has sent nothing
    since (`message_id` being the text that answers it): "What times are you free sat?", then
    an offer, then "9-5"."""
    asked = session.exec(
        select(Notice)
        .where(
            Notice.worker_id == worker.id,
            col(Notice.kind).in_(kinds),
            col(Notice.created_at) >= now - ASKED_WITHIN,
        )
        .order_by(col(Notice.id).desc())
        .limit(1)
    ).first()
    if asked is None:
        return None
    said_since = session.exec(
        select(Message.id)
        .where(
            Message.phone == worker.phone,
            Message.direction == "in",
            col(Message.created_at) > asked.created_at,
            Message.id != message_id,
        )
        .limit(1)
    ).first()
    return asked if said_since is None else None


def last_notice_where(session: Session, to: Any, since: datetime) -> Notice | None:
    """The last text the exchange sent to whom `to` picks out, if it was sent since then."""
    return session.exec(
        select(Notice)
        .where(to, col(Notice.created_at) >= since)
        .order_by(col(Notice.id).desc())
        .limit(1)
    ).first()


def late_yes(session: Session, worker: Worker, market: Market, now: datetime) -> bool:
    """A YES when no offer is open: if one closed just before, its fate; True when told."""
    closed = fates.last_closed_offer(session, worker.id, now)
    if closed is None:
        return False
    offer, shift = closed
    kind = {OfferStatus.FILLED: "accept_filled", OfferStatus.EXPIRED: "accept_expired"}.get(
        offer.status, "accept_cancelled"
    )
    facts = shift_facts(shift, market)
    notify_worker(
        session, worker, kind, now, ref=offer.ref, expires_at=offer.expires_at.isoformat(), **facts
    )
    return True


# "the first one", "2nd", "8982" just after "You have 2 offers: 8982, 8085. Reply Y and the
# number": which of the offers listed, by its place in the list or its number.
_PLACE_IN_THE_LIST = re.compile(
    r"^\W*(?:(?:yes|ok|okay|y)\W+)?(?:the\s+)?(?:(?P<first>first|1st|1)|(?P<second>second|2nd|2)"
    r"|(?P<third>third|3rd|3)|(?P<last>last))(?:\s+(?:one|offer|shift|please|pls|thanks))*\W*$"
)
_A_REF_ALONE = re.compile(r"^\W*#?(?P<ref>[0-9]{3,8})\W*$")
_BESIDE_A_DAY = frozenset(
    ("the", "one", "shift", "offer", "job", "on", "for", "please", "yes", "ok", "okay", "y")
)


# "oops wrong one, i meant the saturday": a slip put right, then the day
_SLIP_PUT_RIGHT = re.compile(
    rf"^\W*(?:(?:oops|sorry|soz|no|wait|my\s+bad|wrong\s+one)\W+)*{I_MEANT}\W+"
)


def _the_day_alone(body: str, at: datetime) -> tuple[str, ...]:
    """The weekday of one day said alone, where it is `at`: "sat", "the sunday one", "tomorrow",
    "jutro", "the one tomorrow please", "oops, i meant the saturday"; () for any other text."""
    said = _SLIP_PUT_RIGHT.sub("", Text.of(body).norm)
    words = [w for w in words_of(said) if w not in _BESIDE_A_DAY]
    return (one_day(" ".join(words), at) or ()) if words else ()


def picked_from_the_list(body: str, parsed: Parsed, asked: Notice, at: datetime) -> Parsed | None:
    """The offer a worker picks, by its place or its number, from the list the exchange just
    sent them (`asked`: the offers' numbers, or their lines); None when the text is no such
    pick. `at` is now where the market is: "tomorrow" is the day after it."""
    if asked.kind not in _PICKED_FOR:
        return None
    listed = [ref.strip() for ref in str(asked.data.get("refs", "")).split(",") if ref.strip()]
    if parsed.intent == "accept" and parsed.offer_ref is None and parsed.detail in PLACES:
        # "the first one": first in the list as sent, whatever order the offers went in; to
        # pass on, or to drop, when that is what the list was asked for
        picked = _in_place(listed, parsed.detail)
        intent, exact = _PICKED_FOR[asked.kind]
        return replace(picked, intent=intent, exact=exact) if picked is not None else None
    if asked.kind in _DAY_PICKED_FOR and parsed.intent == "accept" and parsed.detail in EVERY:
        # "both" after "Reply N and the number to pass on one": every one, passed on; never a
        # yes to them
        return Parsed(_DAY_PICKED_FOR[asked.kind], detail=parsed.detail)
    said_a_day = parsed.offer_ref is None and parsed.start is None and bool(parsed.days)
    if asked.kind in _DAY_PICKED_FOR and said_a_day and parsed.intent in ("accept", "availability"):
        # "the saturday one", "sat" after "You have 2 bookings: ..." or "Reply N and the number
        # to pass on one": the one on that day, to drop or pass on as the list was asked for,
        # asked back; never a yes to it
        return Parsed(_DAY_PICKED_FOR[asked.kind], days=parsed.days)
    alone = _the_day_alone(body, at) if parsed.offer_ref is None else ()
    if asked.kind in _DAY_PICKED_FOR and alone and parsed.intent != "cancel":
        # "tomorrow", "the one today", "jutro" after "You have 2 bookings: ...": the one on
        # that day, as "the saturday one" picks it (read alone, "tomorrow" is free time)
        return Parsed(_DAY_PICKED_FOR[asked.kind], days=alone)
    if asked.kind not in ("which", "shifts_offer_open"):
        return None
    if alone and parsed.intent in ("availability", "unknown"):
        # "sat", "the sunday one", "the one tomorrow please": the offer on that day, as "yes
        # saturday" picks it
        return Parsed("accept", days=alone)
    if parsed.intent != "unknown":
        return None
    if (alone := _A_REF_ALONE.match(body)) is not None:
        ref = alone.group("ref")
        return Parsed("accept", offer_ref=ref, exact=True) if ref in listed else None
    if asked.kind != "which":
        return None  # "2" after the offers' lines is no pick: they are not numbered
    # As written: "2", "2nd" (which reads as Polish "nd"); in words, the parser read the place
    place = _PLACE_IN_THE_LIST.match(fold(body))
    if place is None:
        return None
    return _in_place(listed, place.lastgroup)


# The lists a place ("the first one") picks from, and what the pick does: a drop is still
# asked back before it is made.
_PICKED_FOR = {
    "which": ("accept", True),
    "shifts_offer_open": ("accept", True),
    "which_decline": ("decline", True),
    "which_booking": ("cancel", False),
}


# "both", "all": every one listed.
EVERY = ("both", "all")
# The lists a day ("the saturday one") or "both" picks from, and what the pick is.
_DAY_PICKED_FOR = {"which_booking": "cancel", "which_decline": "decline"}


def _in_place(listed: list[str], place: str) -> Parsed | None:
    index = PLACES[place]
    if index >= len(listed) or not listed:
        return None
    return Parsed("accept", offer_ref=listed[index], exact=True)
