"""Acting on one stored text: who sent it (worker, buyer, operator, someone new) and what it does."""

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, func, select

from exchange import inbox
from exchange.notices import notify_phone, notify_worker
from exchange.operators import is_operator_phone
from exchange.workers import update_terms, worker_by_phone
from sms import buyer_texts, commands, dispute_texts, law_texts, signup, templates
from sms.parser import Parsed, parse
from sms.parsing.complaints import URGENT
from store.models import Buyer, Conversation, Market, Message, TermsChange, Worker
from store.statuses import WorkerStatus

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
    parsed = parse(
        message.body,
        now.astimezone(ZoneInfo(market.tz)),
        language=worker.language if worker else None,
    )
    # What the exchange read stays with the text, for the people who read it after.
    message.reading = parsed.to_json()
    session.add(message)
    if parsed.intent == "stop":
        opt_out(session, message.phone, worker, market, now)
        return
    if worker is not None and worker.opted_out:
        # Only the opt-in words reach someone who opted out; anything else stays stored, unanswered.
        if parsed.intent == "start" or message.body.strip().strip(".!").upper() in OPT_IN_WORDS:
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
            phone=message.phone,
            market_id=market.id,
            currency=market.currency,
            language=speakable(parsed.text_language),
            created_at=now,
        )
        session.add(worker)
        session.flush()
        message.worker_id = worker.id
    reason = a_person_reads(parsed)
    if worker.status != WorkerStatus.ACTIVE and reason in URGENT:
        # Safety comes before the sign-up's next question.
        thread, tell = inbox.hand_over(session, message, market, worker, reason, now)
        if tell:
            inbox.tell_sender(session, thread, worker, worker.language, now)
        return
    if worker.status != WorkerStatus.ACTIVE:
        if parsed.intent == "register" or session.get(Conversation, worker.phone) is None:
            signup.start(session, worker, market, now, parsed)
        else:
            signup.answer(session, worker, market, message.body, now, parsed)
        return
    adopt_language(session, worker, parsed, len(message.body.split()), now)
    if law_texts.act(session, worker, market, message.body, now):
        return
    if dispute_texts.answered(session, worker, message.body, parsed, now, message.id):
        return
    if reason is not None:
        thread, tell = inbox.hand_over(session, message, market, worker, reason, now)
        if parsed.ask is not None:
            notify_worker(session, worker, parsed.ask, now, **parsed.question_data)
        elif tell:
            inbox.tell_sender(session, thread, worker, worker.language, now)
        return
    commands.run(session, worker, market, parsed, now)


def a_person_reads(parsed: Parsed) -> str | None:
    """Why a text goes to the Inbox, if it does: not understood, or about safety or conduct."""
    if parsed.intent == "unknown":
        return "not_understood"
    if parsed.intent == "dispute" and parsed.category in URGENT:
        return parsed.category
    return None


def speakable(language: str | None) -> str:
    """A language we write texts in, else English."""
    return language if language in templates.LANGUAGES else "en"


# A worker's language is taken from their first texts; after that only LANG changes it.
FIRST_TEXTS = 5
WORDS_THAT_SHOW_A_LANGUAGE = 3


def adopt_language(
    session: Session, worker: Worker, parsed: Parsed, words: int, now: datetime
) -> None:
    """Early on, a worker who writes a few words in one of our languages is answered in it."""
    said = parsed.text_language
    if said is None or said == worker.language or said not in templates.LANGUAGES:
        return
    if words < WORDS_THAT_SHOW_A_LANGUAGE or parsed.intent == "profile_update":
        return  # "Sí 4821" shows little; a change of language is the worker's own to make
    texts = session.exec(
        select(func.count())
        .select_from(Message)
        .where(Message.worker_id == worker.id, Message.direction == "in")
    ).one()
    chose = session.exec(
        select(TermsChange.id).where(
            TermsChange.worker_id == worker.id,
            TermsChange.field == "language",
            TermsChange.changed_by != "exchange",
        )
    ).first()
    if texts <= FIRST_TEXTS and chose is None:
        update_terms(session, worker, now, changed_by="exchange", language=said)


def opt_out(
    session: Session, phone: str, worker: Worker | None, market: Market, now: datetime
) -> None:
    """A carrier keyword: no text goes to this number again until it opts back in."""
    if worker is None:
        worker = Worker(phone=phone, market_id=market.id, currency=market.currency, created_at=now)
    worker.opted_out = True
    session.add(worker)
