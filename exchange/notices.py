"""The transactional outbox: what a person must be told is a row written with the change itself."""

from datetime import datetime
from typing import Any

from sqlmodel import Session

from store.models import Buyer, Notice, Worker


def notify_worker(
    session: Session, worker: Worker, kind: str, now: datetime, /, **data: Any
) -> Notice:
    notice = Notice(
        kind=kind,
        phone=worker.phone,
        worker_id=worker.id,
        language=worker.language,
        data=data,
        created_at=now,
        next_attempt_at=now,
    )
    session.add(notice)
    return notice


def notify_phone(
    session: Session, phone: str, kind: str, now: datetime, /, language: str = "en", **data: Any
) -> Notice:
    """A notice to a number that is not (yet) a worker: someone signing up, say."""
    notice = Notice(
        kind=kind, phone=phone, language=language, data=data, created_at=now, next_attempt_at=now
    )
    session.add(notice)
    return notice


def notify_buyer(session: Session, buyer: Buyer, kind: str, now: datetime, /, **data: Any) -> None:
    """Buyers without a phone hear from staff instead; nothing is queued for them."""
    if not buyer.phone:
        return
    session.add(
        Notice(
            kind=kind,
            phone=buyer.phone,
            buyer_id=buyer.id,
            data=data,
            created_at=now,
            next_attempt_at=now,
        )
    )
