"""The inbound path: store every text first, then act on it in one transaction.

What a text does once stored is sms.acting's; this module keeps it from being lost.
"""

import logging
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from exchange.notices import notify_phone
from exchange.phones import to_e164
from exchange.workers import worker_by_phone
from sms.acting import act, market_for
from sms.segments import segments
from store.db import Database
from store.models import Message

log = logging.getLogger(__name__)


def receive(
    db: Database,
    phone: str,
    body: str,
    now: datetime,
    sid: str | None = None,
    exchange_phone: str | None = None,
) -> int | None:
    """Store an inbound text; None when this provider sid was stored before (a retried webhook)."""
    try:
        with db.write() as session:
            if sid and session.exec(select(Message.id).where(Message.provider_sid == sid)).first():
                return None
            market = market_for(session, exchange_phone)
            message = Message(
                direction="in",
                phone=to_e164(phone, market.region) if not phone.startswith("+") else phone,
                exchange_phone=exchange_phone,
                body=body,
                provider_sid=sid,
                segments=segments(body),
                created_at=now,
            )
            worker = worker_by_phone(session, message.phone)
            message.worker_id = worker.id if worker else None
            session.add(message)
            session.flush()
            return message.id
    except IntegrityError:
        # Two deliveries of one webhook raced; the first one stored it.
        return None


def process(db: Database, message_id: int, now: datetime) -> None:
    """Act on a stored text once. Whatever goes wrong, the sender gets a reply, not silence."""
    try:
        with db.write() as session:
            # Claim the text first: a second process acting on it finds nothing left to claim.
            claimed = session.execute(
                update(Message)
                .where(col(Message.id) == message_id, col(Message.processed_at).is_(None))
                .values(processed_at=now)
            ).rowcount
            if not claimed:
                return
            act(session, session.get(Message, message_id), now)
    except Exception:
        log.exception("acting on message %s failed", message_id)
        with db.write() as session:
            message = session.get(Message, message_id)
            if message.processed_at is None:
                message.processed_at = now
                notify_phone(session, message.phone, "unknown", now)
                session.add(message)


def deliver(
    db: Database,
    phone: str,
    body: str,
    now: datetime,
    sid: str | None = None,
    exchange_phone: str | None = None,
) -> int | None:
    """Receive and act: the whole inbound path for one text."""
    message_id = receive(db, phone, body, now, sid, exchange_phone)
    if message_id is not None:
        process(db, message_id, now)
    return message_id
