"""The outbox dispatcher: claim a few due notices at a time with their words rendered, send
each at most once, record what happened, and retry what may yet go.

A notice stays "sending" from its claim to its record. One a dead process left "sending" (or
whose send ended in a dropped connection) is looked up at the provider once its lease runs
out: found, it is recorded as sent; unknown there, it is sent. So nothing is sent twice and
nothing is stranded.
"""

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from sms.gateways import Gateway, SendResult
from sms.segments import segments
from sms.templates import render
from sms.text_cap import hold_if_over_cap, lock_workers
from store.db import Database, is_transient
from store.models import Market, Message, Notice, Worker
from store.statuses import MessageStatus, NoticeStatus

log = logging.getLogger(__name__)

# Claimed a few at a time: a dispatcher that dies strands no more than this.
BATCH = 10
MOST_ATTEMPTS = 5
FIRST_RETRY = timedelta(seconds=30)
# How long a notice may be "sending" before another dispatcher asks the provider about it.
LEASE = timedelta(minutes=2)
# The only texts that reach someone who opted out: that it is done, and, when they write asking
# for work, how to come back.
TOLD_WHEN_OPTED_OUT = frozenset(("opted_out", "opted_out_still"))
# Clocks differ: a provider's record of a send may be stamped a little before our claim.
CLOCK_SLACK = timedelta(minutes=5)
RECORD_TRIES = 5
# Furthest first: a late "sent" callback must not overwrite "delivered".
STATUS_ORDER = [
    MessageStatus.ACCEPTED,
    MessageStatus.QUEUED,
    MessageStatus.SENDING,
    MessageStatus.SENT,
    MessageStatus.DELIVERED,
    MessageStatus.UNDELIVERED,
    MessageStatus.FAILED,
    MessageStatus.READ,
]


@dataclass(frozen=True)
class Claimed:
    """A notice claimed for sending, with its words."""

    notice_id: int
    phone: str
    body: str
    sender: str | None
    claimed_at: datetime
    provider_sid: str | None = None


def drain(
    db: Database, gateway: Gateway, now: datetime, batch: int = BATCH, lease: timedelta = LEASE
) -> list[Message]:
    """Send every notice that is due, in order, after resolving any left "sending" longer than
    `lease`; returns the messages that went out."""
    return recover(db, gateway, now, lease) + send_due(db, gateway, now, batch)


def send_due(db: Database, gateway: Gateway, now: datetime, batch: int = BATCH) -> list[Message]:
    """Send every notice that is due, `batch` at a time; returns the messages that went out."""
    sent: list[Message] = []
    while True:
        claimed, more = claim(db, now, batch)
        results = [(notice, _send(gateway, notice)) for notice in claimed]
        if results:
            sent += record(db, results, now)
        if not more:
            return sent


def claim(db: Database, now: datetime, batch: int = BATCH) -> tuple[list[Claimed], bool]:
    """Mark up to `batch` due notices "sending", each with its words, so no other dispatcher
    sends them; and whether more may be due. On the way, a notice to an opted-out number is
    suppressed, an offer over the daily cap is held, and one whose words cannot be rendered is
    failed with the error."""
    with db.write() as session:
        query = (
            select(Notice)
            .where(Notice.status == NoticeStatus.PENDING, col(Notice.next_attempt_at) <= now)
            .order_by(Notice.id)
            .limit(batch)
        )
        if not db.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        notices = session.exec(query).all()
        if not notices:
            return [], False
        if not db.is_sqlite:
            lock_workers(session, notices)
        opted_out = _opted_out(session, {notice.phone for notice in notices})
        senders = _senders(session, notices)
        claimed, held = [], False
        for notice in notices:
            if notice.phone in opted_out and notice.kind not in TOLD_WHEN_OPTED_OUT:
                notice.status = NoticeStatus.SUPPRESSED
            elif hold_if_over_cap(session, notice, now):
                held = True
                continue
            else:
                try:
                    notice.body = render(notice.kind, notice.language, notice.data)
                except Exception as error:
                    notice.status = NoticeStatus.FAILED
                    notice.last_error = f"render: {type(error).__name__}: {error}"[:500]
                    log.error(
                        "notice %s (%s) cannot be rendered: %r", notice.id, notice.kind, error
                    )
                else:
                    notice.status, notice.claimed_at = NoticeStatus.SENDING, now
                    notice.attempts += 1
                    claimed.append(
                        Claimed(notice.id, notice.phone, notice.body, senders.get(notice.id), now)
                    )
            # Claimed offers count against the cap of the next in the batch (autoflush).
            session.add(notice)
        # A held offer may have queued the day's digest, due at once.
        return claimed, held or len(notices) == batch


def recover(
    db: Database, gateway: Gateway, now: datetime, lease: timedelta = LEASE
) -> list[Message]:
    """Resolve notices "sending" for longer than `lease`: a delivery callback or the provider's
    own record says whether each went; one the provider has no record of is sent now."""
    sent: list[Message] = []
    with db.read() as session:
        # A look before any lock: almost always there is nothing to resolve.
        if not session.exec(_stranded(now, lease).limit(1)).first():
            return sent
    while True:
        stranded = _claim_stranded(db, now, lease)
        if not stranded:
            return sent
        results = []
        for notice in stranded:
            if notice.provider_sid:
                results.append(
                    (notice, SendResult(sid=notice.provider_sid, status=MessageStatus.SENT))
                )
                continue
            found = _look_up(gateway, notice)
            if found is not None and found.sid is None:
                # Left "sending" under a fresh lease: asked again when that runs out.
                log.warning("notice %s: the provider could not be asked; later", notice.notice_id)
                continue
            if found is None:
                found = _send(gateway, notice)
            else:
                log.info("notice %s had gone as %s; recorded", notice.notice_id, found.sid)
            results.append((notice, found))
        sent += record(db, results, now)


def _send(gateway: Gateway, notice: Claimed) -> SendResult:
    """Send one claimed notice; its id rides on the delivery callback."""
    return gateway.send(notice.phone, notice.body, notice.sender, notice_id=notice.notice_id)


def _look_up(gateway: Gateway, notice: Claimed) -> SendResult | None:
    """The provider's record of a stranded notice."""
    return gateway.look_up(notice.phone, notice.body, notice.claimed_at - CLOCK_SLACK)


def _claim_stranded(db: Database, now: datetime, lease: timedelta) -> list[Claimed]:
    """Take notices "sending" past their lease under a fresh one, so one dispatcher resolves each."""
    with db.write() as session:
        query = _stranded(now, lease).limit(BATCH)
        if not db.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        notices = session.exec(query).all()
        senders = _senders(session, notices)
        stranded = []
        for notice in notices:
            # Claimed before the words were kept with the notice: they are rendered the same.
            body = notice.body or render(notice.kind, notice.language, notice.data)
            stranded.append(
                Claimed(
                    notice.id,
                    notice.phone,
                    body,
                    senders.get(notice.id),
                    notice.claimed_at,
                    notice.provider_sid,
                )
            )
            notice.body, notice.claimed_at = body, now
            session.add(notice)
        return stranded


def _stranded(now: datetime, lease: timedelta):
    return (
        select(Notice)
        .where(Notice.status == NoticeStatus.SENDING, col(Notice.claimed_at) <= now - lease)
        .order_by(Notice.id)
    )


def record(
    db: Database, results: Sequence[tuple[Claimed, SendResult]], now: datetime
) -> list[Message]:
    """Record a batch of sends in one transaction; returns the messages that went out.

    Retried on transient errors: the sends happened, and must not be forgotten for a deadlock.
    """
    for attempt in range(RECORD_TRIES):
        try:
            with db.write() as session:
                notices = {
                    notice.id: notice
                    for notice in session.exec(
                        select(Notice).where(
                            col(Notice.id).in_([claimed.notice_id for claimed, _ in results])
                        )
                    )
                }
                known = set(
                    session.exec(
                        select(Message.provider_sid).where(
                            col(Message.provider_sid).in_(
                                [result.sid for _, result in results if result.sid]
                            )
                        )
                    )
                )
                return [
                    message
                    for claimed, result in results
                    if (
                        message := _record_one(
                            session, notices.get(claimed.notice_id), claimed, result, known, now
                        )
                    )
                    is not None
                ]
        except Exception as error:
            if not is_transient(error) or attempt == RECORD_TRIES - 1:
                # The notices stay "sending"; once their lease runs out the provider is asked.
                log.exception("recording %s sends failed", len(results))
                return []
            time.sleep(0.05 * 2**attempt)
    return []


def _record_one(
    session: Session,
    notice: Notice | None,
    claimed: Claimed,
    result: SendResult,
    known: set[str],
    now: datetime,
) -> Message | None:
    """Record one send; `known` are the provider sids already logged as messages."""
    if notice is None or notice.status != NoticeStatus.SENDING:
        return None
    if result.sid is None:
        return _failed(session, notice, result, now)
    if result.sid in known:
        notice.status, notice.sent_at = NoticeStatus.SENT, notice.sent_at or now
        session.add(notice)
        return None
    notice.status = NoticeStatus.SENT
    notice.sent_at = now
    notice.provider_sid = result.sid
    message = Message(
        direction="out",
        phone=notice.phone,
        body=claimed.body,
        provider_sid=result.sid,
        # The provider took the send (it gave a sid); a word of its we do not know says no more.
        status=provider_status(result.status) or MessageStatus.ACCEPTED,
        error_code=result.error_code,
        segments=segments(claimed.body),
        worker_id=notice.worker_id,
        notice_id=notice.id,
        created_at=now,
        status_at=now,
    )
    session.add_all([notice, message])
    return message


def _failed(session: Session, notice: Notice, result: SendResult, now: datetime) -> None:
    notice.last_error = f"{result.status} {result.error_code or ''}".strip()
    if result.status == "unknown":
        # The request may have reached the provider: it stays "sending" until its lease runs
        # out, then the provider is asked whether it went.
        pass
    elif result.opted_out:
        notice.status = NoticeStatus.SUPPRESSED
        mark_opted_out(session, notice.phone)
    elif result.transient and notice.attempts < MOST_ATTEMPTS:
        notice.status = NoticeStatus.PENDING
        notice.next_attempt_at = now + FIRST_RETRY * 2 ** (notice.attempts - 1)
    else:
        notice.status = NoticeStatus.FAILED
        log.warning("notice %s to %s failed: %s", notice.id, notice.phone, notice.last_error)
    session.add(notice)
    return None


def _opted_out(session: Session, phones: set[str]) -> set[str]:
    return set(
        session.exec(
            select(Worker.phone).where(col(Worker.phone).in_(phones), col(Worker.opted_out))
        )
    )


def _senders(session: Session, notices: Sequence[Notice]) -> dict[int, str]:
    """Each notice's market number, where its worker's market has one; else the gateway's."""
    worker_ids = {notice.worker_id for notice in notices if notice.worker_id is not None}
    if not worker_ids:
        return {}
    numbers = dict(
        session.exec(
            select(Worker.id, Market.phone_number)
            .join(Market, col(Market.id) == Worker.market_id)
            .where(col(Worker.id).in_(worker_ids), col(Market.phone_number).is_not(None))
        ).all()
    )
    return {
        notice.id: numbers[notice.worker_id] for notice in notices if notice.worker_id in numbers
    }


def mark_opted_out(session: Session, phone: str) -> None:
    worker = session.exec(select(Worker).where(Worker.phone == phone)).first()
    if worker is not None:
        worker.opted_out = True
        session.add(worker)


def record_status(
    db: Database,
    sid: str,
    status: str,
    error_code: int | None,
    now: datetime,
    notice_id: int | None = None,
) -> bool:
    """A delivery status callback; keeps the furthest status, since callbacks arrive out of order.

    A callback for a send not yet recorded (its dispatcher may have died) leaves the provider's
    sid on its notice, so the notice is recorded as sent, never sent again.
    """
    with db.write() as session:
        message = session.exec(select(Message).where(Message.provider_sid == sid)).first()
        if message is None:
            notice = session.get(Notice, notice_id) if notice_id is not None else None
            if notice is None or notice.status != NoticeStatus.SENDING:
                return False
            notice.provider_sid = sid
            session.add(notice)
            return True
        known = provider_status(status)
        if known is None:
            log.warning("message %s: status %r is not one Twilio documents; not kept", sid, status)
        elif _rank(known) >= _rank(message.status):
            message.status = known
            message.status_at = now
        if error_code:
            message.error_code = error_code
            if error_code == 21610:
                mark_opted_out(session, message.phone)
        session.add(message)
        return True


def provider_status(status: str) -> MessageStatus | None:
    """The provider's word for a message as a MessageStatus; None for one it does not document."""
    try:
        return MessageStatus(status)
    except ValueError:
        return None


def _rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1
