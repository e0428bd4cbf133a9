"""The daily cap on texts to one worker: offers beyond it are held, and summed up in one digest.

Only offers are held; replies to a worker's own texts and texts about their bookings always go.
"""

from collections.abc import Iterable
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, func, select

from exchange.localtime import local
from exchange.notices import notify_worker
from store.models import Market, Message, Notice, Worker
from store.statuses import NoticeStatus

HELD_KINDS = frozenset({"offer"})


def lock_workers(session: Session, notices: Iterable[Notice]) -> None:
    """Take the row locks of the workers whose held kinds of notice are about to be claimed,
    in id order, so two dispatchers never both queue a digest nor wait on each other in a ring.
    (PostgreSQL; SQLite's writers already take turns.) NO KEY UPDATE leaves inserts that refer
    to the worker (offers, texts) free to go on."""
    ids = sorted({n.worker_id for n in notices if n.kind in HELD_KINDS and n.worker_id})
    if ids:
        session.exec(
            select(Worker.id)
            .where(col(Worker.id).in_(ids))
            .order_by(Worker.id)
            .with_for_update(key_share=True)
        ).all()


def hold_if_over_cap(session: Session, notice: Notice, now: datetime) -> bool:
    """Hold an offer to a worker already texted `daily_text_cap` times this local day.

    Texts sent count, and so do notices claimed for sending but not yet recorded. The first
    offer held in a day queues one digest. The caller holds the worker's lock (lock_workers).
    """
    if notice.kind not in HELD_KINDS or notice.worker_id is None:
        return False
    worker = session.get(Worker, notice.worker_id)
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
    sending = session.exec(
        select(func.count())
        .select_from(Notice)
        .where(
            Notice.worker_id == worker.id,
            Notice.status == NoticeStatus.SENDING,
            col(Notice.claimed_at) >= midnight,
        )
    ).one()
    if sent + sending < market.daily_text_cap:
        return False
    notice.status = NoticeStatus.HELD
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
