"""The Inbox: texts a person must read, and the people who answer them (rule 13).

A text the exchange cannot act on with confidence, and every text about safety or conduct, opens
a conversation here (or joins the one already open for that phone). Staff, and a franchisee for
their own markets, read it beside the worker's recent texts, bookings and disputes, and reply;
the reply goes through the outbox, and reading a worker's texts is logged for their WHO SAW.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import case
from sqlmodel import Session, col, select

from exchange.access import record_access
from exchange.audit import audit
from exchange.errors import Refused
from exchange.localtime import local
from exchange.notices import notify_phone, notify_worker
from exchange.operators import market_ids_for, may_write
from store.models import (
    Booking,
    Dispute,
    InboxThread,
    Market,
    Message,
    Offer,
    Operator,
    Shift,
    Worker,
)
from store.statuses import BookingStatus, InboxThreadStatus

URGENT_REASONS = ("safety", "conduct")
# The working day the Inbox is answered in, local to the market.
WORK_STARTS, WORK_ENDS = time(9), time(17)
LONGEST_REPLY = 600
SHOWN_TEXTS = 20


def due_by(opened_at: datetime, hours: int, tz: str) -> datetime:
    """`hours` working hours (Monday to Friday, 09:00-17:00 local) after `opened_at`."""
    zone = ZoneInfo(tz)
    at = opened_at.astimezone(zone)
    left = timedelta(hours=hours)
    while True:
        if at.weekday() >= 5 or at.time() >= WORK_ENDS:
            at = datetime.combine(at.date() + timedelta(days=1), WORK_STARTS, tzinfo=zone)
            continue
        if at.time() < WORK_STARTS:
            at = datetime.combine(at.date(), WORK_STARTS, tzinfo=zone)
        day_end = datetime.combine(at.date(), WORK_ENDS, tzinfo=zone)
        if at + left <= day_end:
            return at + left
        left -= day_end - at
        at = day_end


def hand_over(
    session: Session,
    message: Message,
    market: Market,
    worker: Worker | None,
    reason: str,
    now: datetime,
) -> tuple[InboxThread, bool]:
    """Put a text in the Inbox: the phone's open conversation, or a new one.

    Returns the conversation and whether the sender should be told a person will reply: once
    for a new conversation, and again when they write after it was answered, not for every text.
    """
    urgent = reason in URGENT_REASONS
    thread = session.exec(
        select(InboxThread)
        .where(InboxThread.phone == message.phone, InboxThread.status != InboxThreadStatus.CLOSED)
        .order_by(col(InboxThread.id).desc())
    ).first()
    tell = thread is None or thread.status == InboxThreadStatus.ANSWERED
    if thread is None:
        thread = InboxThread(
            phone=message.phone,
            worker_id=worker.id if worker else None,
            market_id=market.id,
            reason=reason,
            urgent=urgent,
            opened_at=now,
            last_text_at=now,
            due_at=now if urgent else due_by(now, market.inbox_answer_hours, market.tz),
        )
    else:
        if thread.status == InboxThreadStatus.ANSWERED:
            thread.status = InboxThreadStatus.OPEN
            thread.due_at = due_by(now, market.inbox_answer_hours, market.tz)
        if urgent and not thread.urgent:
            thread.urgent, thread.reason, thread.due_at = True, reason, now
        thread.last_text_at = now
        thread.worker_id = thread.worker_id or (worker.id if worker else None)
    session.add(thread)
    session.flush()
    message.thread_id = thread.id
    session.add(message)
    return thread, tell


# The number to call in danger, by the market's region.
EMERGENCY = {"GB": "999", "US": "911"}


def tell_sender(
    session: Session, thread: InboxThread, worker: Worker | None, language: str, now: datetime
) -> None:
    """The sender hears at once, in their language, that a person will text back."""
    kind = "inbox_urgent" if thread.urgent else "inbox_received"
    market = session.get(Market, thread.market_id)
    emergency = EMERGENCY.get(market.region if market else "GB", "112")
    if worker is not None:
        notify_worker(session, worker, kind, now, emergency=emergency)
    else:
        notify_phone(session, thread.phone, kind, now, language=language, emergency=emergency)


@dataclass(frozen=True)
class ThreadRow:
    """One conversation in the Inbox list."""

    id: int
    phone: str
    who: str
    market: str
    reason: str
    urgent: bool
    status: str
    opened_at: datetime
    last_text_at: datetime
    due_at: datetime
    overdue: bool
    last_text: str
    reading: str


def _visible(session: Session, operator: Operator):
    query = select(InboxThread)
    markets = market_ids_for(session, operator)
    if markets is not None:
        query = query.where(col(InboxThread.market_id).in_(markets))
    return query


def threads(
    session: Session, operator: Operator, now: datetime, include_closed: bool = False
) -> list[ThreadRow]:
    """The conversations this operator may read: urgent first, then overdue, then oldest."""
    query = _visible(session, operator)
    if not include_closed:
        query = query.where(InboxThread.status != InboxThreadStatus.CLOSED)
    query = query.order_by(
        col(InboxThread.urgent).desc(),
        case((col(InboxThread.status) == InboxThreadStatus.ANSWERED, 1), else_=0),
        col(InboxThread.due_at),
        col(InboxThread.id),
    )
    rows = []
    for thread in session.exec(query):
        last = session.exec(
            select(Message).where(Message.thread_id == thread.id).order_by(col(Message.id).desc())
        ).first()
        worker = session.get(Worker, thread.worker_id) if thread.worker_id else None
        market = session.get(Market, thread.market_id)
        rows.append(
            ThreadRow(
                id=thread.id,
                phone=thread.phone,
                who=(worker.name if worker and worker.name else thread.phone),
                market=market.name if market else "",
                reason=thread.reason,
                urgent=thread.urgent,
                status=thread.status,
                opened_at=thread.opened_at,
                last_text_at=thread.last_text_at,
                due_at=thread.due_at,
                overdue=thread.status == InboxThreadStatus.OPEN and now > thread.due_at,
                last_text=last.body if last else "",
                reading=_reading_words(last.reading if last else None),
            )
        )
    return rows


def _reading_words(reading: dict | None) -> str:
    """What the machine read, in a line: "late (late: pl:spóźnię się=running late)"."""
    if not reading:
        return ""
    intent = reading.get("intent", "unknown")
    rule = reading.get("rule")
    return f"{intent} ({rule})" if rule else intent


@dataclass(frozen=True)
class ThreadText:
    at: datetime
    direction: str
    body: str
    reading: str
    in_thread: bool


@dataclass(frozen=True)
class ThreadBooking:
    """One of the worker's bookings beside a conversation: dropped or disputed from there."""

    booking_id: int
    offer_ref: str
    line: str
    droppable: bool  # booked and still to come


@dataclass(frozen=True)
class ThreadView:
    """A conversation with what staff need beside it to answer well."""

    row: ThreadRow
    worker_id: int | None
    language: str
    texts: list[ThreadText]
    bookings: list[ThreadBooking]
    disputes: list[str]
    category: str | None  # what the last text complained of, as the machine read it


def thread_view(session: Session, operator: Operator, thread_id: int, now: datetime) -> ThreadView:
    """One conversation, its texts, and the worker's bookings and disputes.

    Reading a worker's texts is a look at their data: it is logged for their WHO SAW.
    """
    thread = thread_for(session, operator, thread_id)
    row = next(r for r in threads(session, operator, now, include_closed=True) if r.id == thread.id)
    worker = session.get(Worker, thread.worker_id) if thread.worker_id else None
    texts = [
        ThreadText(
            at=m.created_at,
            direction=m.direction,
            body=m.body,
            reading=_reading_words(m.reading),
            in_thread=m.thread_id == thread.id,
        )
        for m in reversed(
            session.exec(
                select(Message)
                .where(Message.phone == thread.phone)
                .order_by(col(Message.id).desc())
                .limit(SHOWN_TEXTS)
            ).all()
        )
    ]
    bookings: list[ThreadBooking] = []
    disputes: list[str] = []
    market = session.get(Market, thread.market_id)
    tz = market.tz if market else "UTC"
    if worker is not None:
        record_access(session, operator.id, worker.id, "asked_by_worker", "inbox", now)
        for booking, shift, offer in session.exec(
            select(Booking, Shift, Offer)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .join(Offer, col(Offer.id) == Booking.offer_id)
            .where(Booking.worker_id == worker.id)
            .order_by(col(Shift.start).desc())
            .limit(5)
        ):
            starts = local(shift.start, tz)
            bookings.append(
                ThreadBooking(
                    booking.id,
                    offer.ref,
                    f"{booking.id} ({offer.ref}) {shift.skill} {starts:%a %d %b %H:%M} "
                    f"{booking.status}",
                    booking.status == BookingStatus.BOOKED and shift.start > now,
                )
            )
        for dispute in session.exec(
            select(Dispute).where(Dispute.worker_id == worker.id).order_by(col(Dispute.id).desc())
        ).all()[:5]:
            disputes.append(f"{dispute.ref} {dispute.category} {dispute.status}")
    last_in = session.exec(
        select(Message.reading)
        .where(Message.thread_id == thread.id, Message.direction == "in")
        .order_by(col(Message.id).desc())
    ).first()
    return ThreadView(
        row=row,
        worker_id=worker.id if worker else None,
        language=worker.language if worker else "en",
        texts=texts,
        bookings=bookings,
        disputes=disputes,
        category=(last_in or {}).get("category") or (thread.reason if thread.urgent else None),
    )


def thread_for(session: Session, operator: Operator, thread_id: int) -> InboxThread:
    """A conversation in the Inbox, refused outside the operator's markets."""
    thread = session.get(InboxThread, thread_id)
    if thread is None:
        raise Refused("no_thread", f"No conversation {thread_id} in the Inbox")
    markets = market_ids_for(session, operator)
    if markets is not None and thread.market_id not in markets:
        raise Refused("not_allowed", "That conversation belongs to another franchisee's market")
    return thread


def reply(
    session: Session, operator: Operator, thread_id: int, text: str, now: datetime
) -> InboxThread:
    """A person answers: the text goes to the sender through the outbox, word for word."""
    if not may_write(operator):
        raise Refused("not_allowed", "Auditors read the Inbox; they do not answer it")
    thread = thread_for(session, operator, thread_id)
    words = " ".join(text.split())
    if not words:
        raise Refused("empty_reply", "Write the reply first")
    if len(words) > LONGEST_REPLY:
        raise Refused("long_reply", f"Keep a reply under {LONGEST_REPLY} characters")
    worker = session.get(Worker, thread.worker_id) if thread.worker_id else None
    if worker is not None:
        notify_worker(session, worker, "staff_reply", now, text=words)
        record_access(session, operator.id, worker.id, "asked_by_worker", "inbox reply", now)
    else:
        notify_phone(session, thread.phone, "staff_reply", now, text=words)
    thread.status = InboxThreadStatus.ANSWERED
    thread.answered_at, thread.answered_by = now, operator.id
    session.add(thread)
    audit(session, operator.id, "inbox_reply", f"inbox:{thread.id}", None, now)
    return thread


def close(session: Session, operator: Operator, thread_id: int, now: datetime) -> InboxThread:
    """Nothing more to say: the conversation leaves the Inbox (a new text opens another)."""
    if not may_write(operator):
        raise Refused("not_allowed", "Auditors read the Inbox; they do not change it")
    thread = thread_for(session, operator, thread_id)
    thread.status, thread.closed_at = InboxThreadStatus.CLOSED, now
    session.add(thread)
    audit(session, operator.id, "inbox_close", f"inbox:{thread.id}", None, now)
    return thread
