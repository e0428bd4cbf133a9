"""Buyers for the console."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from poems_tui.services.who import Who
from store.db import Database
from store.models import Buyer, Market, Shift


@dataclass(frozen=True)
class BuyerRow:
    id: int
    market_id: int
    market: str
    name: str
    contact_name: str
    phone: str
    default_postcode: str
    default_place: str
    shifts: int


def buyers(db: Database, who: Who) -> list[BuyerRow]:
    shifts = select(Shift.buyer_id, func.count().label("n")).group_by(Shift.buyer_id).subquery()
    query = (
        select(Buyer, Market.name, shifts.c.n)
        .join(Market, col(Market.id) == Buyer.market_id)
        .join(shifts, shifts.c.buyer_id == Buyer.id, isouter=True)
        .order_by(Buyer.name)
    )
    if who.market_ids is not None:
        query = query.where(col(Buyer.market_id).in_(who.market_ids))
    with db.read() as session:
        rows = session.exec(query).all()
    return [
        BuyerRow(
            b.id,
            b.market_id,
            market,
            b.name,
            b.contact_name or "",
            b.phone or "",
            b.default_postcode or "",
            b.default_place or "",
            n or 0,
        )
        for b, market, n in rows
    ]
