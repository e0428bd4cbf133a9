"""The live message feed: newest first, read by id so each refresh reads only what is new."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import col, select

from services.who import Who
from store.db import Database
from store.models import Buyer, Message, Worker

PAGE = 200


@dataclass(frozen=True)
class FeedRow:
    id: int
    at: datetime | None
    direction: str
    phone: str
    who: str
    status: str
    body: str


def feed(
    db: Database, who: Who, after_id: int = 0, text: str = "", limit: int = PAGE
) -> list[FeedRow]:
    """Messages newer than `after_id`, newest first, matching a phone, a worker's or buyer's
    name or a word when given. Each names its worker or buyer where the number is known."""
    query = (
        select(Message, Worker.name)
        .join(Worker, col(Worker.id) == Message.worker_id, isouter=True)
        .where(col(Message.id) > after_id)
        .order_by(col(Message.id).desc())
        .limit(limit)
    )
    if who.market_ids is not None:
        buyers_here = select(Buyer.phone).where(col(Buyer.market_id).in_(who.market_ids))
        query = query.where(
            or_(col(Worker.market_id).in_(who.market_ids), col(Message.phone).in_(buyers_here))
        )
    text = text.strip()
    if text:
        digits = "".join(ch for ch in text if ch.isdecimal())
        if digits and len(digits) >= len(text.replace(" ", "").lstrip("+")) - 1:
            query = query.where(col(Message.phone).contains(digits.lstrip("0")))
        else:
            word = f"%{text.lower()}%"
            buyers_named = select(Buyer.phone).where(func.lower(Buyer.name).like(word))
            query = query.where(
                or_(
                    func.lower(Message.body).like(word),
                    func.lower(Worker.name).like(word),
                    col(Message.phone).in_(buyers_named),
                )
            )
    with db.read() as session:
        rows = session.exec(query).all()
        unnamed = {m.phone for m, name in rows if not name}
        buyers = (
            dict(
                session.exec(
                    select(Buyer.phone, Buyer.name).where(col(Buyer.phone).in_(unnamed))
                ).all()
            )
            if unnamed
            else {}
        )
    return [
        FeedRow(
            m.id,
            m.created_at,
            m.direction,
            m.phone,
            name or buyers.get(m.phone) or m.phone,
            m.status,
            m.body,
        )
        for m, name in rows
    ]
