"""Buyers for the console."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from exchange import buyers as buyers_rules
from exchange.errors import Refused
from services.who import Who, operator_of
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


@dataclass(frozen=True)
class Saved:
    id: int
    name: str


def add_buyer(
    db: Database, who: Who, market_id: int, typed: dict[str, str], now: datetime
) -> Saved:
    """A new buyer in a market, checked as the console checks it, wherever it is typed."""
    with db.write() as session:
        buyer = buyers_rules.add_buyer(session, market_id, operator_of(session, who), typed, now)
        return Saved(buyer.id, buyer.name)


def edit_buyer(
    db: Database, who: Who, buyer_id: int, typed: dict[str, str], now: datetime
) -> Saved:
    with db.write() as session:
        buyer = buyers_rules.edit_buyer(session, buyer_id, operator_of(session, who), typed, now)
        return Saved(buyer.id, buyer.name)


def buyer_named(db: Database, who: Who, market_id: int, name: str) -> int:
    """The buyer of that name in the market, for a command that names it."""
    with db.read() as session:
        found = session.exec(
            select(Buyer.id).where(
                Buyer.market_id == market_id, func.lower(Buyer.name) == name.strip().lower()
            )
        ).first()
    if found is None or (who.market_ids is not None and market_id not in who.market_ids):
        raise Refused(
            "no_buyer",
            f"There is no buyer called {name!r}: add it first with `poems buyer add {name!r}`",
        )
    return found
