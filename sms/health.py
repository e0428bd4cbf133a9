"""The health of the texts themselves, for staff: texts waiting to be acted on and why, texts
that needed more than one try, and notices due, stuck "sending", held or failed.

`text_health` is what `poems health` prints and what the console can show.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import literal_column
from sqlmodel import Session, col, func, select

from sms.outbox import LEASE
from store.models import Message, Notice
from store.statuses import NoticeStatus

# How many of the texts and notices that need a look are listed by name.
LISTED = 20
# The notices counted by state (those due are counted by when they are due).
COUNTED = (NoticeStatus.SENDING, NoticeStatus.HELD, NoticeStatus.FAILED)
RECENT = timedelta(days=1)


@dataclass(frozen=True)
class WaitingText:
    """A stored text not yet acted on."""

    id: int
    phone: str
    received_at: datetime
    tries: int
    error: str | None
    next_try_at: datetime | None


@dataclass(frozen=True)
class TroubledNotice:
    """A notice that failed, or is stuck "sending" past its lease."""

    id: int
    kind: str
    phone: str
    status: str
    error: str | None
    since: datetime | None


@dataclass(frozen=True)
class TextHealth:
    """Counts, and the first few of what needs a person's look."""

    texts_waiting: int
    texts_failing: int
    oldest_waiting_at: datetime | None
    texts_retried_recently: int
    notices_due: int
    notices_sending: int
    notices_stuck: int
    notices_held: int
    notices_failed: int
    waiting: tuple[WaitingText, ...]
    troubled: tuple[TroubledNotice, ...]

    @property
    def needs_a_look(self) -> bool:
        """Something only a person can resolve may be waiting."""
        return bool(self.texts_failing or self.notices_stuck)


def text_health(session: Session, now: datetime, lease: timedelta = LEASE) -> TextHealth:
    """Where the texts stand as of `now`; `lease` is how long "sending" may last."""
    waiting_texts = (
        select(Message)
        .where(
            col(Message.direction) == literal_column("'in'"), col(Message.processed_at).is_(None)
        )
        .order_by(Message.id)
    )
    waiting = session.exec(waiting_texts.limit(LISTED)).all()
    counts = session.exec(
        select(func.count(), func.count(Message.act_error), func.min(Message.created_at)).where(
            col(Message.direction) == literal_column("'in'"), col(Message.processed_at).is_(None)
        )
    ).one()
    retried = session.exec(
        select(func.count())
        .select_from(Message)
        .where(
            # Written out so the partial index ix_message_retried serves it.
            col(Message.act_attempts) > literal_column("0"),
            col(Message.processed_at) >= now - RECENT,
        )
    ).one()
    by_status = dict(
        session.exec(
            select(Notice.status, func.count())
            .where(col(Notice.status).in_(COUNTED))
            .group_by(Notice.status)
        ).all()
    )
    due = session.exec(
        select(func.count())
        .select_from(Notice)
        .where(Notice.status == NoticeStatus.PENDING, col(Notice.next_attempt_at) <= now)
    ).one()
    stuck = session.exec(
        select(Notice)
        .where(Notice.status == NoticeStatus.SENDING, col(Notice.claimed_at) <= now - lease)
        .order_by(Notice.id)
        .limit(LISTED)
    ).all()
    stuck_count = session.exec(
        select(func.count())
        .select_from(Notice)
        .where(Notice.status == NoticeStatus.SENDING, col(Notice.claimed_at) <= now - lease)
    ).one()
    failed = session.exec(
        select(Notice)
        .where(Notice.status == NoticeStatus.FAILED)
        .order_by(col(Notice.id).desc())
        .limit(LISTED)
    ).all()
    return TextHealth(
        texts_waiting=counts[0],
        texts_failing=counts[1],
        oldest_waiting_at=counts[2],
        texts_retried_recently=retried,
        notices_due=due,
        notices_sending=by_status.get(NoticeStatus.SENDING, 0),
        notices_stuck=stuck_count,
        notices_held=by_status.get(NoticeStatus.HELD, 0),
        notices_failed=by_status.get(NoticeStatus.FAILED, 0),
        waiting=tuple(
            WaitingText(m.id, m.phone, m.created_at, m.act_attempts, m.act_error, m.act_after)
            for m in waiting
        ),
        troubled=tuple(
            TroubledNotice(n.id, n.kind, n.phone, n.status, n.last_error, n.claimed_at)
            for n in [*stuck, *failed]
        ),
    )
