"""The Inbox: a text handed to a person, and, for the console, the conversations an operator may
read and one of them whole."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from exchange import inbox
from exchange.errors import Refused
from exchange.localtime import local
from services.unit import Unit
from services.who import Who, operator_of
from store.db import Database
from store.models import Market, Message, Worker
from store.statuses import InboxThreadStatus


@dataclass(frozen=True)
class Waiting:
    """One line of the Inbox, worded for the table."""

    id: int
    flags: str
    who: str
    phone: str
    last: str
    read_as: str
    since: str
    due: str


@dataclass(frozen=True)
class Conversation:
    view: inbox.ThreadView
    tz: str


def waiting(db: Database, who: Who, now, include_closed: bool = False) -> list[Waiting]:
    """Urgent first, then overdue, then oldest; answered ones after those still waiting."""
    with db.read() as session:
        rows = inbox.threads(session, operator_of(session, who), now, include_closed)
        zones = dict(session.exec(select(Market.name, Market.tz)).all())
    return [
        Waiting(
            row.id,
            " ".join(
                word
                for word, shown in (
                    ("URGENT", row.urgent),
                    ("OVERDUE", row.overdue),
                    (row.status.upper(), row.status != InboxThreadStatus.OPEN),
                )
                if shown
            ),
            row.who,
            row.phone,
            " ".join(row.last_text.split()),
            row.reading,
            f"{local(row.opened_at, zones.get(row.market, 'UTC')):%a %d %b %H:%M}",
            f"{local(row.due_at, zones.get(row.market, 'UTC')):%a %H:%M}",
        )
        for row in rows
    ]


def conversation(db: Database, who: Who, thread_id: int, now) -> Conversation | None:
    """One conversation; opening it is a look at the worker's data, logged for their WHO SAW."""
    with db.write() as session:
        try:
            view = inbox.thread_view(session, operator_of(session, who), thread_id, now)
        except Refused:
            return None
        market = session.exec(select(Market).where(Market.name == view.row.market)).first()
        return Conversation(view, market.tz if market else "UTC")


def threads(db: Database, who: Who, now, include_closed: bool = False) -> list[inbox.ThreadRow]:
    """The Inbox as rows of data, for scripts: the same conversations the console lists."""
    with db.read() as session:
        return inbox.threads(session, operator_of(session, who), now, include_closed)


def thread(db: Database, who: Who, thread_id: int, now) -> inbox.ThreadView:
    """One conversation whole; refused outside the operator's markets, logged for WHO SAW."""
    with db.write() as session:
        return inbox.thread_view(session, operator_of(session, who), thread_id, now)


def answer(db: Database, who: Who, thread_id: int, text: str, now) -> None:
    """A person answers the sender, word for word, through the outbox."""
    with db.write() as session:
        inbox.reply(session, operator_of(session, who), thread_id, text, now)


def close_conversation(db: Database, who: Who, thread_id: int, now) -> None:
    """Nothing more to say: the conversation leaves the Inbox."""
    with db.write() as session:
        inbox.close(session, operator_of(session, who), thread_id, now)


@dataclass(frozen=True)
class HandedOver:
    """Where a text went in the Inbox, and whether its sender was told a person will reply."""

    thread_id: int
    told: bool


def hand_to_a_person(
    db: Unit,
    message_id: int,
    market_id: int,
    worker_id: int | None,
    reason: str,
    now: datetime,
    tell: bool = True,
) -> HandedOver:
    """A text the exchange will not act on (not understood, or about safety or conduct) joins
    its sender's open conversation in the Inbox, or opens one. With `tell`, the sender hears
    at once, in their language, that a person will text back: once a conversation, and again
    after it was answered."""
    with db.write() as session:
        message = session.get(Message, message_id)
        worker = session.get(Worker, worker_id) if worker_id is not None else None
        market = session.get(Market, market_id)
        thread, first = inbox.hand_over(session, message, market, worker, reason, now)
        told = tell and first
        if told:
            language = worker.language if worker is not None else "en"
            inbox.tell_sender(session, thread, worker, language, now)
        return HandedOver(thread.id, told)
