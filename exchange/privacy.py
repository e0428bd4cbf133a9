"""A worker's private data: what is held about them, and erasing it when they ask.

Erasure keeps what the law needs for money (bookings, timesheets, ledger entries, offers) but
ties it to no name or phone: the worker's row keeps its id with an anonymous token for a phone.
Shifts still to come are given back to the market first, since nobody can reach the worker now.
"""

import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, Column, String, cast, delete, or_, update
from sqlmodel import Session, SQLModel, col, func, select

from exchange import offers
from exchange.audit import record_erasure
from exchange.workers import skills_of
from store.models import (
    AuditEntry,
    AvailabilityPattern,
    AvailabilityWindow,
    Booking,
    Conversation,
    CredentialCheck,
    DataAccess,
    LedgerEntry,
    Message,
    Notice,
    Offer,
    TermsChange,
    Timesheet,
    Worker,
    WorkerCredential,
    WorkerSkill,
)
from store.statuses import NoticeStatus, WorkerStatus

ERASED = "[erased]"
# Worker columns that are not about the person: kept so the money records still add up.
KEPT = {
    "id",
    "market_id",
    "status",
    "language",
    "currency",
    "asking_rate_minor",
    "min_shift_minutes",
    "notice_minutes",
    "tax_percent",
    "opted_out",
    "last_booked_at",
    "created_at",
}
PERSONAL_TERMS = ("joined", "name", "place", "travel_areas", "date_of_birth")


@dataclass(frozen=True)
class Held:
    """What the exchange holds about one worker, as counts a text can carry."""

    name: str | None
    place: str | None
    skills: list[str]
    rate: int | None
    currency: str
    offers: int
    bookings: int
    timesheets: int
    payments: int
    texts: int
    free_times: int
    looks: int


def _count(session: Session, query) -> int:
    return session.exec(select(func.count()).select_from(query.subquery())).one()


def held(session: Session, worker: Worker) -> Held:
    """A summary of everything held about a worker (the MY DATA text)."""
    wid = worker.id
    bookings = select(Booking.id).where(Booking.worker_id == wid)
    return Held(
        name=worker.name,
        place=worker.postcode or worker.zip,
        skills=skills_of(session, wid),
        rate=worker.asking_rate_minor,
        currency=worker.currency,
        offers=_count(session, select(Offer.id).where(Offer.worker_id == wid)),
        bookings=_count(session, bookings),
        timesheets=_count(
            session, select(Timesheet.id).where(col(Timesheet.booking_id).in_(bookings))
        ),
        payments=_count(
            session,
            select(LedgerEntry.txn).where(LedgerEntry.worker_id == wid).distinct(),
        ),
        texts=_count(
            session,
            select(Message.id).where(or_(Message.worker_id == wid, Message.phone == worker.phone)),
        ),
        free_times=_count(
            session, select(AvailabilityWindow.id).where(AvailabilityWindow.worker_id == wid)
        ),
        looks=_count(session, select(DataAccess.id).where(DataAccess.worker_id == wid)),
    )


def erase(session: Session, worker: Worker, now: datetime) -> str:
    """Erase a worker's personal data; returns the anonymous token that replaces the phone."""
    wid, phone, name = worker.id, worker.phone, worker.name
    token = f"erased-{secrets.token_hex(8)}"
    # Nobody can reach them now: their coming shifts go back to the market, buyers are told.
    for offer, _shift in offers.live_offers(session, wid):
        offers.decline(session, wid, offer.ref, now)
    for _booking, shift, offer in offers.upcoming_bookings(session, wid, now):
        if shift.start > now:
            offers.drop_booking(session, wid, offer.ref, now)
    session.flush()
    for table in (AvailabilityWindow, AvailabilityPattern, WorkerSkill, WorkerCredential):
        session.execute(delete(table).where(table.worker_id == wid))
    session.execute(delete(Conversation).where(Conversation.phone == phone))
    mine = or_(Message.worker_id == wid, Message.phone == phone)
    session.execute(update(Message).where(mine).values(phone=token, body="", exchange_phone=None))
    # Texts not yet sent are never sent now; sent ones keep no words or number.
    session.execute(
        update(Notice)
        .where(
            or_(Notice.worker_id == wid, Notice.phone == phone),
            Notice.status == NoticeStatus.PENDING,
        )
        .values(status=NoticeStatus.ERASED)
    )
    session.execute(
        update(Notice)
        .where(or_(Notice.worker_id == wid, Notice.phone == phone))
        .values(phone=token, data={})
    )
    session.execute(
        update(TermsChange)
        .where(TermsChange.worker_id == wid, col(TermsChange.field).in_(PERSONAL_TERMS))
        .values(old_value=None, new_value=None)
    )
    session.execute(
        update(CredentialCheck).where(CredentialCheck.worker_id == wid).values(ref="", result=None)
    )
    for column in Worker.__table__.columns:
        if column.name in KEPT:
            continue
        if column.name == "phone":
            worker.phone = token
        elif column.name == "travel_areas":
            worker.travel_areas = []
        elif column.nullable:
            setattr(worker, column.name, None)
    worker.status, worker.opted_out = WorkerStatus.ERASED, True
    session.add(worker)
    session.flush()
    _sweep(session, phone, wid, everywhere=True)
    if name:
        _sweep(session, name, wid, everywhere=False)
    record_erasure(session, wid, (phone, name), now)
    # Rows changed by statements above must be read again, not written back from memory.
    session.expire_all()
    return token


def holds_text(column: Column) -> bool:
    """A column of words or JSON (sqlmodel's strings are TypeDecorators over String)."""
    kind = column.type
    return isinstance(kind, JSON) or isinstance(getattr(kind, "impl", kind), String)


def _sweep(session: Session, needle: str, worker_id: int, everywhere: bool) -> None:
    """Replace the phone or name wherever else the exchange wrote it: a buyer's text naming the
    worker, a reason typed by staff. The phone is swept from every table; the name only from
    texts and from rows about this worker, so another person's "Annandale Road" is left alone.
    The audit chain is left to `record_erasure`: redacted, never rewritten."""
    pattern = re.compile(rf"(?<![\w+]){re.escape(needle)}(?!\w)")
    escaped = json.dumps(needle)[1:-1]
    for table in SQLModel.metadata.sorted_tables:
        if table.name in (AuditEntry.__tablename__, Worker.__tablename__):
            continue
        scope = []
        if not everywhere and table.name not in (Message.__tablename__, Notice.__tablename__):
            if "worker_id" not in table.c:
                continue
            scope.append(table.c.worker_id == worker_id)
        pk = list(table.primary_key.columns)
        for column in table.columns:
            if column.primary_key or not holds_text(column):
                continue
            text = cast(column, String)
            rows = session.execute(
                select(*pk, column).where(
                    or_(
                        text.contains(needle, autoescape=True),
                        text.contains(escaped, autoescape=True),
                    ),
                    *scope,
                )
            ).all()
            for *keys, value in rows:
                if isinstance(column.type, JSON):
                    dumped = json.dumps(value, ensure_ascii=False)
                    value = json.loads(pattern.sub(ERASED, dumped))
                else:
                    value = pattern.sub(ERASED, value)
                session.execute(
                    update(table)
                    .where(*(c == k for c, k in zip(pk, keys, strict=True)))
                    .values({column.name: value})
                )
