"""The outbox dispatcher: render each notice, send it at most once, retry what may yet go."""

import logging
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from sms.gateways import Gateway, SendResult
from sms.segments import segments
from sms.templates import render
from sms.text_cap import held_over_cap
from store.db import Database
from store.models import Market, Message, Notice, Worker

log = logging.getLogger(__name__)

MOST_ATTEMPTS = 5
FIRST_RETRY = timedelta(seconds=30)
# Furthest first: a late "sent" callback must not overwrite "delivered".
STATUS_ORDER = [
    "accepted",
    "queued",
    "sending",
    "sent",
    "delivered",
    "undelivered",
    "failed",
    "read",
]


def drain(db: Database, gateway: Gateway, now: datetime, batch: int = 200) -> list[Message]:
    """Send every notice that is due, in order; returns the messages that went out."""
    sent: list[Message] = []
    while True:
        claimed = _claim(db, now, batch)
        if not claimed:
            return sent
        for notice_id in claimed:
            message = _send_one(db, gateway, notice_id, now)
            if message is not None:
                sent.append(message)


def _claim(db: Database, now: datetime, batch: int) -> list[int]:
    """Mark due notices as being sent, so no other dispatcher sends them too."""
    with db.write() as session:
        query = (
            select(Notice)
            .where(Notice.status == "pending", col(Notice.next_attempt_at) <= now)
            .order_by(Notice.id)
            .limit(batch)
        )
        if not db.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        notices = session.exec(query).all()
        for notice in notices:
            notice.status = "sending"
            notice.attempts += 1
            session.add(notice)
        return [notice.id for notice in notices]


def _send_one(db: Database, gateway: Gateway, notice_id: int, now: datetime) -> Message | None:
    if held_over_cap(db, notice_id, now):
        return None
    with db.read() as session:
        notice = session.get(Notice, notice_id)
        if _opted_out(session, notice.phone):
            body = None
        else:
            body = render(notice.kind, notice.language, notice.data)
            sender = _sender(session, notice)
    if body is None:
        with db.write() as session:
            notice = session.get(Notice, notice_id)
            notice.status = "suppressed"
            session.add(notice)
        return None
    result = gateway.send(notice.phone, body, sender)
    return _record(db, notice_id, body, result, now)


def _record(
    db: Database, notice_id: int, body: str, result: SendResult, now: datetime
) -> Message | None:
    with db.write() as session:
        notice = session.get(Notice, notice_id)
        if result.sid is None:
            return _failed(session, notice, result, now)
        notice.status = "sent"
        notice.sent_at = now
        message = Message(
            direction="out",
            phone=notice.phone,
            body=body,
            provider_sid=result.sid,
            status=result.status,
            error_code=result.error_code,
            segments=segments(body),
            worker_id=notice.worker_id,
            notice_id=notice.id,
            created_at=now,
            status_at=now,
        )
        session.add_all([notice, message])
        session.flush()
        return message


def _failed(session: Session, notice: Notice, result: SendResult, now: datetime) -> None:
    notice.last_error = f"{result.status} {result.error_code or ''}".strip()
    if result.opted_out:
        notice.status = "suppressed"
        mark_opted_out(session, notice.phone)
    elif result.transient and notice.attempts < MOST_ATTEMPTS:
        notice.status = "pending"
        notice.next_attempt_at = now + FIRST_RETRY * 2 ** (notice.attempts - 1)
    else:
        notice.status = "failed"
        log.warning("notice %s to %s failed: %s", notice.id, notice.phone, notice.last_error)
    session.add(notice)
    return None


def _opted_out(session: Session, phone: str) -> bool:
    return bool(session.exec(select(Worker.opted_out).where(Worker.phone == phone)).first())


def _sender(session: Session, notice: Notice) -> str | None:
    """The market's own number when it has one; otherwise the gateway's default."""
    if notice.worker_id is None:
        return None
    worker = session.get(Worker, notice.worker_id)
    if worker is None or worker.market_id is None:
        return None
    return session.get(Market, worker.market_id).phone_number


def mark_opted_out(session: Session, phone: str) -> None:
    worker = session.exec(select(Worker).where(Worker.phone == phone)).first()
    if worker is not None:
        worker.opted_out = True
        session.add(worker)


def record_status(
    db: Database, sid: str, status: str, error_code: int | None, now: datetime
) -> bool:
    """A delivery status callback; keeps the furthest status, since callbacks arrive out of order."""
    with db.write() as session:
        message = session.exec(select(Message).where(Message.provider_sid == sid)).first()
        if message is None:
            return False
        if _rank(status) >= _rank(message.status):
            message.status = status
            message.status_at = now
        if error_code:
            message.error_code = error_code
            if error_code == 21610:
                mark_opted_out(session, message.phone)
        session.add(message)
        return True


def _rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1
