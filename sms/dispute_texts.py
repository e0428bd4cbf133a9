"""Disputes by text: DISPUTE with a reference, a day or neither; APPEAL D12; MY RECORD; and the
answer to a question staff asked about a dispute, which goes to that dispute."""

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from exchange.errors import Refused
from exchange.localtime import local
from exchange.notices import notify_worker
from services import disputing
from services.disputes import open_dispute
from services.selling import open_offers
from services.timesheets import (
    changed_hours_to_answer,
    dispute_changed_hours,
    remind_of_hours_with_the_buyer,
)
from services.unit import TextTransaction
from sms import conversations, refusals
from sms.parser import Parsed
from sms.parsing.complaints import category_of, weekday_of
from sms.parsing.text import Text
from sms.templates import say
from store.models import Booking, Conversation, Market, Shift, Worker

# A half-told complaint (which booking? what about?) waits this long for its answer.
ANSWER_WITHIN = timedelta(hours=24)
LISTED = 5
# While staff wait on an answer, these are read as the answer rather than as a command.
ANSWER_INTENTS = frozenset(("unknown", "dispute", "accept", "decline"))
# MY RECORD names this many points, each cut to this length, to stay in two texts.
SHOWN_POINTS = 3
LONGEST_POINT = 50


def dispute(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """Find the booking the complaint is about, ask what it is about when the words do not say,
    and open the dispute; the exchange's notice confirms it with the dispute's reference."""
    detail = parsed.detail or ""
    ref = parsed.offer_ref
    text = TextTransaction(session)
    amended = changed_hours_to_answer(text, worker.id)
    if ref is None and len(amended) == 1:
        ref = amended[0]
    if ref in amended:
        _attempt(
            session,
            worker,
            now,
            lambda: dispute_changed_hours(text, worker.id, ref, detail, now),
        )
    elif ref is not None and ref.upper().startswith("D"):
        _add_detail(session, worker, ref, detail, now)
    elif ref is not None:
        booking = disputing.booking_by_ref(text, worker.id, ref)
        if booking is None:
            notify_worker(session, worker, "dispute_no_such_booking", now, ref=ref)
        else:
            _about(session, worker, booking, detail, now)
    elif (
        parsed.category == "pay"
        and _NOT_PAID_YET.search(Text.of(detail, worker.language).norm)
        and remind_of_hours_with_the_buyer(text, worker.id, now)
    ):
        # "why havent i been paid", "still not paid for friday": where their hours are, not a
        # complaint opened
        return
    else:
        _find_booking(session, worker, market, detail, now)


# Not paid yet, asked or said, not a complaint: "why havent i been paid", "dlaczego nie
# dostałam pieniędzy?" (read as "why not been paid"), "i still havent been paid".
_NOT_PAID_YET = re.compile(
    r"^\W*(?:why|when|has|have|did|is|are|where|how\s+come)(?![a-z])|(?<![a-z])(?:still|yet)(?![a-z])"
)


def _find_booking(
    session: Session, worker: Worker, market: Market, detail: str, now: datetime
) -> None:
    """A complaint naming no booking: the one on the day it names, the only recent one, or a
    numbered list of the recent ones to choose from."""
    weekday = weekday_of(detail, now.astimezone(ZoneInfo(market.tz)))
    text = TextTransaction(session)
    on_day = disputing.recent_bookings(text, worker.id, now, market.tz, weekday=weekday)
    if weekday is not None and len(on_day) == 1:
        _about(session, worker, on_day[0][0], detail, now)
        return
    recent = disputing.recent_bookings(text, worker.id, now, market.tz)[:LISTED]
    if not recent:
        notify_worker(session, worker, "dispute_no_booking", now, days=disputing.RECENT.days)
    elif len(recent) == 1:
        _about(session, worker, recent[0][0], detail, now)
    else:
        choices = {"detail": detail, "bookings": [b.id for b, _, _ in recent]}
        conversations.remember(session, worker.phone, "dispute", "which", choices, now)
        lines = " | ".join(
            say("dispute_line", worker.language, number=n, skill=shift.skill,
                day_of=local(shift.start, market.tz).date().isoformat())
            for n, (_, shift, _) in enumerate(recent, start=1)
        )  # fmt: skip
        notify_worker(session, worker, "dispute_which", now, lines=lines)


def _about(session: Session, worker: Worker, booking: Booking, detail: str, now: datetime) -> None:
    """Open the dispute if the words say what it is about, else ask."""
    category = category_of(detail)
    if category is not None:
        _open(session, worker, booking, category, detail, now)
        return
    told = {"detail": detail, "booking": booking.id}
    conversations.remember(session, worker.phone, "dispute", "category", told, now)
    shift = session.get(Shift, booking.shift_id)
    day = local(shift.start, session.get(Market, shift.market_id).tz).date().isoformat()
    notify_worker(session, worker, "dispute_category", now, skill=shift.skill, day=day)


def _open(
    session: Session, worker: Worker, booking: Booking, category: str, detail: str, now: datetime
) -> None:
    summary = detail or f"A problem with {category}"
    _attempt(
        session,
        worker,
        now,
        lambda: open_dispute(
            TextTransaction(session), None, booking.id, "worker", category, summary, now
        ),
    )
    conversations.forget(session, worker.phone, "dispute")


def answered(
    session: Session,
    worker: Worker,
    body: str,
    parsed: Parsed,
    now: datetime,
    message_id: int | None = None,
) -> bool:
    """A text that answers a dispute question, ours or staff's, is handled here; True if so."""
    pending = conversations.waiting(session, worker.phone, "dispute", ANSWER_WITHIN, now)
    if pending is not None and _answer(session, worker, pending, body, now):
        return True
    conversations.forget(session, worker.phone, "dispute")
    if parsed.intent not in ANSWER_INTENTS or parsed.offer_ref or not body.strip():
        return False
    text = TextTransaction(session)
    if parsed.intent in ("accept", "decline") and open_offers(text, worker.id):
        return False  # with an offer open, YES takes it; staff can ask again
    waiting = disputing.answer_question(text, "worker", worker.id, body, now, message_id)
    if waiting is None:
        return False
    notify_worker(session, worker, "dispute_reply_kept", now, dispute=waiting.ref)
    return True


def _answer(
    session: Session, worker: Worker, pending: Conversation, body: str, now: datetime
) -> bool:
    """The number of the booking, or what the complaint is about; anything else is a new text."""
    detail = pending.data.get("detail", "")
    if pending.step == "which":
        choice = body.strip(" .")
        bookings = pending.data.get("bookings", [])
        if not choice.isdecimal() or not 1 <= int(choice) <= len(bookings):
            return False
        _about(session, worker, session.get(Booking, bookings[int(choice) - 1]), detail, now)
        return True
    category = category_of(body)
    if category is None:
        return False
    told = " ".join(part for part in (detail, body.strip()) if part)
    _open(session, worker, session.get(Booking, pending.data["booking"]), category, told, now)
    return True


def appeal(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """APPEAL D12 and why: the decision goes to a second reviewer; the exchange tells both."""
    _attempt(
        session,
        worker,
        now,
        lambda: disputing.appeal(
            TextTransaction(session), "worker", worker.id, parsed.offer_ref,
            parsed.detail or "", now,
        ),
    )  # fmt: skip


def my_record(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """MY RECORD: the worker's live penalty points, why each was given and when it ends."""
    standing = disputing.standing(TextTransaction(session), worker.id, now)
    points = standing.points
    if not points:
        notify_worker(session, worker, "my_record_clean", now)
        return
    details = "; ".join(
        f"{_short(point.reason)}, ends {local(point.expires_at, market.tz):%-d %b %Y}"
        for point in points[-SHOWN_POINTS:]
    )
    if len(points) > SHOWN_POINTS:
        details += f"; and {len(points) - SHOWN_POINTS} older"
    notify_worker(
        session,
        worker,
        "my_record",
        now,
        points=len(points),
        details=details,
        limit=standing.limit,
    )


def _short(reason: str) -> str:
    return reason if len(reason) <= LONGEST_POINT else reason[: LONGEST_POINT - 3] + "..."


def _add_detail(session: Session, worker: Worker, ref: str, detail: str, now: datetime) -> None:
    """DISPUTE D12 and more words: they go to that dispute for the decider."""

    try:
        found = disputing.add_to_dispute(
            TextTransaction(session), "worker", worker.id, ref, detail, now
        )
    except Refused as refusal:
        refusals.tell(session, worker, refusal, now)
        return
    notify_worker(session, worker, "dispute_reply_kept", now, dispute=found.ref)


def _attempt(session: Session, worker: Worker, now: datetime, act: Callable[[], object]) -> None:
    """Do it, or reply with why not and change nothing."""
    try:
        act()
    except Refused as refusal:
        refusals.tell(session, worker, refusal, now)


HANDLERS = {"dispute": dispute, "appeal": appeal, "my_record": my_record}
