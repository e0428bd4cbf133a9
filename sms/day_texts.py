"""A worker's texts on the day of a shift: LATE 15, running 10 min late, HERE, arrived."""

import re
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session

from exchange.localtime import local
from exchange.notices import notify_worker
from exchange.reminders import buyer_contact
from exchange.shifts import shift_facts, shift_minutes
from services import days
from services.unit import TextTransaction
from sms.confirming import last_notice
from sms.parser import Parsed, parse
from sms.parsing.reading import read
from sms.parsing.text import Text
from store.models import Buyer, Market, Notice, Worker


def late(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """Tell the buyer of the booking nearest now how late the worker will be, and thank them.
    Asked how late and still without minutes ("not sure, traffic is bad"), the buyer is told
    they are late, rather than the worker being asked again."""
    asked = last_notice(session, worker, now)
    answer = days.report_late(
        TextTransaction(session),
        worker.id,
        parsed.late_minutes,
        parsed.offer_ref,
        now,
        from_now=parsed.late_from_now,
        on=parsed.start,
        unsure=asked is not None and asked.kind == "how_late",
    )
    if answer.outcome == "no_booking":
        notify_worker(session, worker, "late_no_booking", now)
        return
    if answer.outcome == "how_late":
        notify_worker(session, worker, "how_late", now)
        return
    if answer.outcome == "on_the_way":
        notify_worker(
            session, worker, "checkin_too_early", now, **shift_facts(answer.shift, market)
        )
        return
    buyer = session.get(Buyer, answer.shift.buyer_id)
    if answer.outcome == "late_unsure":
        notify_worker(
            session, worker, "late_noted_unsure", now, **shift_facts(answer.shift, market, buyer)
        )
        return
    if answer.outcome == "on_time":
        notify_worker(
            session, worker, "late_on_time", now, **shift_facts(answer.shift, market, buyer)
        )
        return
    notify_worker(
        session,
        worker,
        "late_noted" if buyer.phone else "late_noted_unsent",
        now,
        late_minutes=answer.booking.late_minutes,
        contact=buyer_contact(buyer),
        **shift_facts(answer.shift, market, buyer),
    )


# Not knowing how long: "not sure", "no idea", "nie wiem", "no sé".
_NOT_SURE = re.compile(
    r"(?<![a-z])(?:not\s+sure|unsure|no\s+idea|(?:dont|do\s+not)\s+know|cant\s+say|depends)(?![a-z])"
)


def answer_to_how_late(
    worker: Worker, market: Market, body: str, parsed: Parsed, asked: Notice, now: datetime
) -> Parsed | None:
    """ "about 15 mins" or "pół godziny" just after "How late will you be?" (`asked`): the minutes,
    read as if the worker had said they were late by them; "not sure", late without them. None
    when the text is no such answer."""
    if asked.kind != "how_late" or parsed.intent != "unknown":
        return None
    again = parse(f"running late {body}", local(now, market.tz), language=worker.language)
    if again.intent != "late":
        return None
    if again.late_minutes is None and not _NOT_SURE.search(read(body).canonical):
        return None  # "where do i park?": another matter, for a person
    return again


# Texts that asked the worker how many hours they worked.
HOURS_ASKED = frozenset(("ask_hours_worked", "refused_before_the_end"))


def answer_to_hours_asked(
    worker: Worker, market: Market, body: str, parsed: Parsed, asked: Notice, now: datetime
) -> Parsed | None:
    """ "3.5", "3 godziny" or "left at 4pm" just after "How many hours did you work?" (`asked`):
    read as if the worker had texted DONE with them. None when the text is no such answer."""
    if asked.kind not in HOURS_ASKED or parsed.intent != "unknown":
        return None
    return _as_done(worker, market, body, now)


def hours_after_the_shift(
    session: Session, worker: Worker, market: Market, body: str, parsed: Parsed, now: datetime
) -> Parsed | None:
    """ "4h", "three and a half hours", "worked till 1" alone, a shift of theirs just over with
    no hours sent: as if the worker had texted DONE with them (the buyer still confirms them).
    "4 hours, no break" too, which alone reads as a complaint about the break. None otherwise."""
    norm = Text.of(body, worker.language).norm
    hours = _BREAK_SAID.sub(" ", norm)
    if parsed.intent == "dispute" and not _HOURS_ALONE.match(hours):
        return None  # "they had me doing 10 hrs no break": a complaint
    if parsed.intent not in ("unknown", "dispute") or len(hours.split()) > _FEW_WORDS:
        return None
    if not _HOURS_SAID.search(norm):
        return None  # "9" alone may be anything: a time, a number, a reference
    again = _as_done(worker, market, body, now)
    if again is None or not days.hours_awaited(TextTransaction(session), worker.id, now):
        return None
    return again


# A bare count of hours is a few words; a longer text says more than its hours.
_FEW_WORDS = 5
# Hours named as such ("4h", "3 and a half hours", "4 and a half"), or the time they left
# ("till 1").
_HOURS_SAID = re.compile(
    r"[0-9]\s*(?:h|hrs?|hours?)(?![a-z])|(?<![a-z])hours?(?![a-z])|(?<![a-z])(?:till?|until)\s+[0-9]"
    r"|(?<![0-9])[0-9]{1,2}\s+and\s+a\s+half(?![a-z])"
)
# Hours and nothing else: "4 hours", "did 4h", "worked 4 and a half hours".
_HOURS_ALONE = re.compile(
    r"^\W*(?:(?:did|worked|done)\s+)?[0-9]{1,2}(?:[.,][0-9]{1,2})?(?:\s+and\s+a\s+half)?"
    r"\s*(?:h|hrs?|hours?)?\W*$"
)
# The break taken, said beside the hours ("4 hours, had 30 min break"): no more than hours.
_BREAK_SAID = re.compile(
    r"(?<![a-z])(?:(?:had|took|with|plus|and)\s+)?(?:a\s+)?(?:[0-9]+\s*(?:m|mins?|minutes?)"
    r"|half\s+(?:an\s+)?hour)\s+(?:lunch\s+)?break(?![a-z])|(?<![a-z])no\s+break(?![a-z])"
)


def _as_done(worker: Worker, market: Market, body: str, now: datetime) -> Parsed | None:
    again = parse(f"done {body}", local(now, market.tz), language=worker.language)
    said = again.minutes_worked is not None or again.end is not None
    if again.intent != "check_out" or not said or again.ambiguous:
        return None
    return again


def check_in(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """Check the worker in to the booking starting about now; say how to check out."""
    answer = days.check_in(
        TextTransaction(session), worker.id, parsed.offer_ref, now, words=parsed.detail
    )
    if answer.outcome == "no_booking":
        notify_worker(session, worker, "checkin_no_booking", now)
        return
    buyer = session.get(Buyer, answer.shift.buyer_id)
    facts = shift_facts(answer.shift, market, buyer)
    if answer.outcome == "too_early":
        notify_worker(session, worker, "checkin_too_early", now, **facts)
        return
    kind = "checked_in" if answer.outcome == "checked_in" else "already_in"
    if parsed.detail:
        # Kept outside: the buyer was passed their words, or has no phone to pass them to
        kind = "checked_in_passed_on" if buyer.phone else "checked_in_call"
    notify_worker(
        session,
        worker,
        kind,
        now,
        checkin_time=answer.booking.checked_in_at.isoformat(),
        shift_hours=hours_text(shift_minutes(answer.shift)),
        contact=buyer_contact(buyer),
        **facts,
    )


def hours_text(minutes: int) -> str:
    """240 -> '4', 330 -> '5.5', 285 -> '4.75': how a worker would type the hours after DONE."""
    hours = Decimal(minutes) / 60
    return f"{hours.quantize(Decimal('0.01')).normalize():f}"
