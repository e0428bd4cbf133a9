"""Acting on one stored text: who sent it (worker, buyer, operator, someone new) and what it does."""

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from exchange.notices import notify_phone, notify_worker
from exchange.workers import is_operator_phone, worker_by_phone
from sms import buyer_texts, commands, dispute_texts, law_texts, signup
from sms.parser import parse
from store.models import Buyer, Conversation, Market, Message, Worker

OPT_IN_WORDS = {"START", "UNSTOP", "YES", "Y"}


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
