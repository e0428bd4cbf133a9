"""The inbound path: store every text first, then act on it in one transaction."""

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from exchange.notices import notify_phone, notify_worker
from exchange.phones import to_e164
from exchange.workers import is_operator_phone, worker_by_phone
from sms import buyer_texts, commands, dispute_texts, law_texts, signup
from sms.parser import parse
from sms.segments import segments
from store.db import Database
from store.models import Buyer, Conversation, Market, Message, Worker

log = logging.getLogger(__name__)

OPT_IN_WORDS = {"START", "UNSTOP", "YES", "Y"}


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


def market_for(
    session: Session, exchange_phone: str | None, worker: Worker | None = None
) -> Market:
    """The market a text belongs to: its own number's, the worker's home market, or the first."""
    if exchange_phone:
        market = session.exec(select(Market).where(Market.phone_number == exchange_phone)).first()
        if market is not None:
            return market
    if worker is not None and worker.market_id is not None:
        return session.get(Market, worker.market_id)
    market = session.exec(select(Market).order_by(Market.id)).first()
    if market is None:
        raise RuntimeError("the exchange has no market yet: run `poems db upgrade`")
    return market


def act(session: Session, message: Message, now: datetime) -> None:
    worker = worker_by_phone(session, message.phone)
    market = market_for(session, message.exchange_phone, worker)
    parsed = parse(message.body, now.astimezone(ZoneInfo(market.tz)))
    if parsed.intent == "stop":
        opt_out(session, message.phone, worker, market, now)
        return
    if worker is not None and worker.opted_out:
        # Only the opt-in words reach someone who opted out; anything else stays stored, unanswered.
        if message.body.strip().strip(".!").upper() in OPT_IN_WORDS:
            worker.opted_out = False
            session.add(worker)
            notify_worker(session, worker, "opted_in", now)
        return
    if is_operator_phone(session, message.phone):
        notify_phone(session, message.phone, "operator", now)
        return
    buyers = [] if worker else list(session.exec(select(Buyer).where(Buyer.phone == message.phone)))
    if buyers:
        buyer_texts.act(session, buyers, message.body, now, message.id)
        return
    if worker is None:
        worker = Worker(
            phone=message.phone, market_id=market.id, currency=market.currency, created_at=now
        )
        session.add(worker)
        session.flush()
        message.worker_id = worker.id
    if worker.status != "active":
        if parsed.intent == "register" or session.get(Conversation, worker.phone) is None:
            signup.start(session, worker, market, now)
        else:
            signup.answer(session, worker, market, message.body, now)
        return
    if law_texts.act(session, worker, market, message.body, now):
        return
    if dispute_texts.answered(session, worker, message.body, parsed, now, message.id):
        return
    commands.run(session, worker, market, parsed, now)


def opt_out(
    session: Session, phone: str, worker: Worker | None, market: Market, now: datetime
) -> None:
    """A carrier keyword: no text goes to this number again until it opts back in."""
    if worker is None:
        worker = Worker(phone=phone, market_id=market.id, currency=market.currency, created_at=now)
    worker.opted_out = True
    session.add(worker)
