"""The phone simulator's view of the log: one number's conversation, and numbers to pick from."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from store.db import Database
from store.models import Message, Worker


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


def workers_to_pick(db: Database, limit: int = 12) -> list[tuple[str, str]]:
    """(phone, name) of workers who texted lately, newest first, for the number picker."""
    with db.read() as session:
        recent = session.exec(
            select(Message.phone, Worker.name)
            .join(Worker, col(Worker.id) == Message.worker_id, isouter=True)
            .where(Message.direction == "in")
            .order_by(col(Message.id).desc())
            .limit(limit * 10)
        ).all()
        if len(recent) < limit:
            recent += session.exec(
                select(Worker.phone, Worker.name).where(Worker.status == "active").limit(limit)
            ).all()
    seen: dict[str, str] = {}
    for phone, name in recent:
        if phone not in seen:
            seen[phone] = name or ""
    return list(seen.items())[:limit]
