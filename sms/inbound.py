"""The inbound path: store every text first, then act on it; a fault never loses a text.

What a stored text does is sms.acting's. This module keeps it from being lost: acting is retried
on transient database errors (a deadlock, a serialization failure, two texts from a new number
making its worker at once) with back-off, and a text that still cannot be acted on is left
waiting, counted on its row, for the inbound sweep. A fault is never answered "didn't
understand": that reply is only for texts that were read and not understood.
"""

import functools
import logging
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import phonenumbers
from sqlalchemy import Connection, bindparam, literal_column, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from exchange.errors import Refused
from exchange.waves import top_up_queued
from sms.acting import act, market_for
from sms.segments import segments
from store.db import Database, is_transient
from store.models import Message, Worker

log = logging.getLogger(__name__)

# Store a text unless its provider sid is stored already (Twilio retrying a webhook).
SQLITE_STORE = (
    sqlite.insert(Message)
    .on_conflict_do_nothing(index_elements=["provider_sid"])
    .returning(Message.id)
)
POSTGRES_STORE = (
    postgresql.insert(Message)
    .on_conflict_do_nothing(index_elements=["provider_sid"])
    .returning(Message.id)
)

# Tries of one text in one go, and the first pause between them (doubled each time, jittered).
TRIES = 5
FIRST_PAUSE = 0.02
# Texts acted on in one go, before the waves they queued are topped up, and about how long
# one go may take.
BATCH = 5
BATCH_SECONDS = 0.02
# A text left waiting is tried again by the sweep after this, times the failures so far.
SWEEP_PAUSE = timedelta(seconds=30)
LONGEST_SWEEP_PAUSE = timedelta(minutes=15)
# What a phone number may be written with before phonenumbers reads it.
PHONE_CHARACTERS = re.compile(r"\+?[0-9 ().\-]{3,31}")
# Characters no database should be asked to keep: NUL (PostgreSQL refuses it), the other
# control characters but tab and newlines, and lone surrogates.
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def storable(text: str) -> str:
    """The text with what no database should keep replaced by U+FFFD, visibly."""
    return UNSTORABLE.sub("\ufffd", text)


def sender_number(raw: str, region: str) -> str:
    """The sender as E.164, read with the market's region; Refused when it cannot be a phone."""
    if not PHONE_CHARACTERS.fullmatch(raw.strip()):
        raise Refused("bad_phone", "From is not a phone number")
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise Refused("bad_phone", "From is not a phone number") from error
    if not phonenumbers.is_possible_number(number):
        raise Refused("bad_phone", "From is not a phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@dataclass(frozen=True)
class Incoming:
    """A text as the provider hands it over."""

    phone: str
    body: str
    sid: str | None = None
    exchange_phone: str | None = None


def receive(
    db: Database,
    phone: str,
    body: str,
    now: datetime,
    sid: str | None = None,
    exchange_phone: str | None = None,
) -> int | None:
    """Store an inbound text; None when this provider sid was stored before (a retried webhook).

    Refused when the sender is not a phone number.
    """
    (stored,) = receive_many(db, [Incoming(phone, body, sid, exchange_phone)], now)
    if isinstance(stored, Refused):
        raise stored
    return stored


def receive_many(
    db: Database,
    texts: list[Incoming],
    now: datetime,
    more: Callable[[], list[Incoming]] | None = None,
) -> list[int | None | Refused]:
    """Store texts in one transaction, so one commit serves many webhooks: for each, its id,
    None when its sid was stored before (a retried webhook), or the refusal of a sender that
    is not a phone number. `more`, called once the transaction is under way, adds the texts
    that arrived while it waited for the write lock (their results follow in order)."""
    store = SQLITE_STORE if db.is_sqlite else POSTGRES_STORE
    texts = list(texts)
    for attempt in range(TRIES):
        try:
            with db.write_plainly() as connection:
                if more is not None:
                    texts += more()
                    more = None
                return [_store(connection, store, text, now) for text in texts]
        except Exception as error:
            if not is_transient(error) or attempt == TRIES - 1:
                raise
        _pause(attempt)
    raise AssertionError("unreachable")


def _store(connection: Connection, store, text: Incoming, now: datetime) -> int | None | Refused:
    # The market's region reads a number written without its country code; Twilio's have one.
    try:
        region = "ZZ" if text.phone.startswith("+") else _region(connection, text.exchange_phone)
        number = sender_number(text.phone, region)
    except Refused as refusal:
        return refusal
    row = _received() | {
        "phone": number,
        "exchange_phone": text.exchange_phone,
        "body": storable(text.body),
        "provider_sid": text.sid,
        "segments": segments(text.body),
        "created_at": now,
    }
    # One plain INSERT, not the ORM's unit of work, which would double what it costs; a sid
    # stored before inserts nothing and returns no id.
    return connection.execute(store, row).scalar_one_or_none()


@functools.cache
def _received() -> dict:
    """An inbound text's row as the model fills it (status, counts...), made once: building a
    model for each text cost the webhook a tenth of its time."""
    return Message(direction="in", phone="", body="").model_dump(exclude={"id"})


def _region(connection: Connection, exchange_phone: str | None) -> str:
    with Session(bind=connection) as session:
        return market_for(session, exchange_phone).region


def process(db: Database, message_id: int, now: datetime) -> bool:
    """Act on a stored text once; True when it was acted on here.

    False when it was already acted on (by another process, say) or when acting failed: then
    the text stays waiting for the inbound sweep, with the failure counted on its row.
    """
    try:
        with db.write() as session:
            message = _claim(session, message_id, now, 0)
            if message is None:
                return False
            act(session, message, now)
        return True
    except Exception as error:
        return _after_failure(db, message_id, now, error)


def act_on_waiting(
    db: Database, now: datetime, most: int | None = None, seconds: float | None = None
) -> list[int]:
    """Act on the oldest waiting texts whose turn has come and that no other worker holds (SKIP
    LOCKED on PostgreSQL), up to `most` (BATCH) or for about `seconds` (BATCH_SECONDS); the ids
    taken (acted on, or left waiting after a fault), oldest first; empty when none waits.

    Each text has a transaction of its own: on PostgreSQL it may lock a shift, and a
    transaction locks at most one; on SQLite the webhook waits for the one write lock to store
    a text, and waits least behind short transactions.
    """
    most = BATCH if most is None else most
    seconds = BATCH_SECONDS if seconds is None else seconds
    taken: list[int] = []
    began = time.monotonic()
    while len(taken) < most and time.monotonic() - began < seconds:
        took = _act_alone(db, now)
        if took is None:
            break
        taken.append(took[0])
    return taken


def sweep(db: Database, now: datetime) -> int:
    """Act on every waiting text whose turn has come, as act_on_waiting does, until none is
    left; how many were acted on here. Each text is taken once a sweep: one that fails again
    waits for the next."""
    acted, seen = 0, set()
    while (took := _act_alone(db, now)) is not None and took[0] not in seen:
        seen.add(took[0])
        acted += took[1]
    return acted


def _act_alone(db: Database, now: datetime) -> tuple[int, bool] | None:
    """The oldest waiting text claimed and acted on in a transaction of its own: its id, and
    whether it was acted on (False: a fault left it waiting); None when none waits."""
    message_id = None
    try:
        with db.write() as session:
            message = _claim_next(session, now, skip_locked=not db.is_sqlite)
            if message is None:
                return None
            message_id = message.id
            act(session, message, now)
        return message_id, True
    except Exception as error:
        if message_id is None:
            raise
        return message_id, _after_failure(db, message_id, now, error)


def _claim_next(session: Session, now: datetime, skip_locked: bool) -> Message | None:
    """Claim the oldest waiting text in one statement, as _claim claims a known one; texts
    another transaction holds are passed over when `skip_locked` (PostgreSQL)."""
    return session.scalars(_claim_next_statement(skip_locked), {"now": now}).first()


@functools.cache
def _claim_next_statement(skip_locked: bool):
    # Built once: building the statement costs more than running it.
    now = bindparam("now", type_=Message.__table__.c.processed_at.type)
    oldest = _waiting(now).limit(1)
    if skip_locked:
        oldest = oldest.with_for_update(skip_locked=True)
    return (
        update(Message)
        .where(col(Message.id) == oldest.scalar_subquery(), col(Message.processed_at).is_(None))
        .values(**_claimed(now, None))
        .returning(Message)
        # The row is new to this session: nothing in it to bring up to date.
        .execution_options(synchronize_session=False)
    )


def _claim(session: Session, message_id: int, now: datetime, failed: int) -> Message | None:
    """Mark the text acted on, in the transaction that acts on it: a second worker finds
    nothing to claim, and a rollback leaves it waiting. The sender's worker, known by now if
    the text made one, is kept with it; `failed` tries so far are counted on it."""
    parameters = {"now": now, "message_id": message_id, "failed": failed}
    return session.scalars(_claim_statement(bool(failed)), parameters).first()


@functools.cache
def _claim_statement(failed: bool):
    now = bindparam("now", type_=Message.__table__.c.processed_at.type)
    return (
        update(Message)
        .where(col(Message.id) == bindparam("message_id"), col(Message.processed_at).is_(None))
        .values(**_claimed(now, bindparam("failed") if failed else None))
        .returning(Message)
        .execution_options(synchronize_session=False)
    )


def _claimed(now, failed) -> dict:
    values = {
        "processed_at": now,
        "worker_id": select(Worker.id).where(Worker.phone == Message.phone).scalar_subquery(),
    }
    if failed is not None:
        values["act_attempts"] = Message.act_attempts + failed
    return values


def _after_failure(db: Database, message_id: int, now: datetime, error: Exception) -> bool:
    """Try a text again while its failure is transient, with back-off; then leave it waiting,
    the failures counted. True when a later try acted on it."""
    failed = 1
    while is_transient(error) and failed < TRIES:
        log.info("acting on message %s: %s; trying again", message_id, _short(error))
        _pause(failed - 1)
        try:
            with db.write() as session:
                message = _claim(session, message_id, now, failed)
                if message is None:
                    return False
                act(session, message, now)
            return True
        except Exception as again:
            error, failed = again, failed + 1
    if is_transient(error):
        log.warning("acting on message %s failed %s times: %s", message_id, failed, error)
    else:
        log.error("acting on message %s failed", message_id, exc_info=error)
    _leave_waiting(db, message_id, failed, error, now)
    return False


def _leave_waiting(
    db: Database, message_id: int, failed: int, error: BaseException, now: datetime
) -> None:
    """Count the failures on the text and say when the sweep may try it again."""
    try:
        with db.write() as session:
            message = session.get(Message, message_id)
            if message is None or message.processed_at is not None:
                return
            message.act_attempts += failed
            message.act_error = storable(_short(error))[:500]
            message.act_after = now + min(LONGEST_SWEEP_PAUSE, SWEEP_PAUSE * message.act_attempts)
            session.add(message)
    except Exception:
        # The database itself is failing; the text still waits, unmarked, for the sweep.
        log.exception("could not record the failure of message %s", message_id)


def waiting(session: Session, now: datetime, limit: int = 500) -> list[int]:
    """Stored texts not yet acted on whose next try is due, oldest first."""
    return list(session.exec(_waiting(now).limit(limit)))


def _waiting(now: datetime):
    return (
        select(Message.id)
        .where(
            # Written out so the partial index ix_message_waiting serves it on both databases.
            col(Message.direction) == literal_column("'in'"),
            col(Message.processed_at).is_(None),
            or_(col(Message.act_after).is_(None), col(Message.act_after) <= now),
        )
        .order_by(Message.id)
    )


def deliver(
    db: Database,
    phone: str,
    body: str,
    now: datetime,
    sid: str | None = None,
    exchange_phone: str | None = None,
) -> int | None:
    """Receive and act: the whole inbound path for one text, with the waves it tops up."""
    message_id = receive(db, phone, body, now, sid, exchange_phone)
    if message_id is not None:
        process(db, message_id, now)
        top_up_queued(db, now)
    return message_id


def _pause(attempt: int) -> None:
    time.sleep(FIRST_PAUSE * 2**attempt * random.uniform(0.5, 1.5))


def _short(error: BaseException) -> str:
    """The error's first line: enough to recognise it in the console without the whole query."""
    first = str(error).strip().splitlines()
    return f"{type(error).__name__}: {first[0] if first else ''}"
