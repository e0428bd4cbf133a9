"""The phone simulator's view of the log: one number's conversation, and numbers to pick from."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from services.who import Who
from store.db import Database
from store.models import Buyer, Message, Worker

# Enough for any desk's market; a bigger one is found by typing the number.
MOST_TO_PICK = 1000


@dataclass(frozen=True)
class Bubble:
    id: int
    mine: bool
    body: str
    at: datetime | None
    status: str


def conversation(db: Database, phone: str, after_id: int = 0, limit: int = 100) -> list[Bubble]:
    """Texts to and from one number, oldest first; `mine` is what the phone sent."""
    with db.read() as session:
        rows = session.exec(
            select(Message)
            .where(Message.phone == phone, col(Message.id) > after_id)
            .order_by(col(Message.id).desc())
            .limit(limit)
        ).all()
    return [
        Bubble(m.id, m.direction == "in", m.body, m.created_at, m.status) for m in reversed(rows)
    ]


def workers_to_pick(db: Database, who: Who, limit: int = MOST_TO_PICK) -> list[tuple[str, str]]:
    """(phone, name) of every worker in the operator's markets, newest first."""
    query = select(Worker.phone, Worker.name).order_by(col(Worker.id).desc()).limit(limit)
    if who.market_ids is not None:
        query = query.where(col(Worker.market_id).in_(who.market_ids))
    with db.read() as session:
        return [(phone, name or "") for phone, name in session.exec(query).all()]


def name_of(db: Database, phone: str) -> str:
    """The worker's name on this number, else the buyer's; blank for a stranger."""
    with db.read() as session:
        worker = session.exec(select(Worker.name).where(Worker.phone == phone)).first()
        if worker:
            return worker
        buyer = session.exec(select(Buyer.name).where(Buyer.phone == phone)).first()
    return buyer or ""
