"""The daily cap on texts to one worker: offers beyond it are held, and summed up in one digest.

Only offers are held; replies to a worker's own texts and texts about their bookings always go.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, func, select

from exchange.localtime import local
from exchange.notices import notify_worker
from store.db import Database
from store.models import Market, Message, Notice, Worker

HELD_KINDS = frozenset({"offer"})


def held_over_cap(db: Database, notice_id: int, now: datetime) -> bool:
    """True when the notice is an offer held by the daily cap (see hold_if_over_cap)."""
    with db.read() as session:
        if session.get(Notice, notice_id).kind not in HELD_KINDS:
            return False
    with db.write() as session:
        return hold_if_over_cap(session, session.get(Notice, notice_id), now, not db.is_sqlite)


def hold_if_over_cap(session: Session, notice: Notice, now: datetime, lock: bool) -> bool:
    """Hold an offer to a worker already texted `daily_text_cap` times this local day.

    The first offer held in a day queues one digest. `lock` takes the worker's row lock
    (PostgreSQL), so two dispatchers never both queue the digest.
    """
    if notice.kind not in HELD_KINDS or notice.worker_id is None:
        return False
    query = select(Worker).where(Worker.id == notice.worker_id)
    if lock:
        query = query.with_for_update()
    worker = session.exec(query).first()
    market = session.get(Market, worker.market_id) if worker and worker.market_id else None
    if market is None:
        return False
    midnight = start_of_day(now, market.tz)
    sent = session.exec(
        select(func.count())
        .select_from(Message)
        .where(
            Message.direction == "out",
            Message.worker_id == worker.id,
            col(Message.created_at) >= midnight,
        )
    ).one()
    if sent < market.daily_text_cap:
        return False
    notice.status = "held"
    session.add(notice)
    digest = session.exec(
        select(Notice.id).where(
            Notice.worker_id == worker.id,
            Notice.kind == "digest",
            col(Notice.created_at) >= midnight,
        )
    ).first()
    if digest is None:
        notify_worker(session, worker, "digest", now, cap=market.daily_text_cap)
    return True


def start_of_day(now: datetime, tz: str) -> datetime:
    """Local midnight of the day `now` falls in, as an instant."""
    return datetime.combine(local(now, tz).date(), time(0), tzinfo=ZoneInfo(tz))
