"""Accounts, franchises and who holds which market: the administrators' use cases."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from exchange import franchises
from exchange.errors import Refused
from exchange.operators import add_first_operator, add_operator
from exchange.phones import to_e164
from services.who import Who, operator_of
from store.db import Database
from store.models import Franchise, Market, Operator


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: str


def add_account(
    db: Database,
    by: Who | None,
    username: str,
    name: str,
    role: str,
    password: str,
    now: datetime,
    phone: str | None = None,
    region: str = "GB",
) -> Account:
    """A console account. `by` None is the first account of a new exchange, an admin; after it
    only a signed-in admin adds one, and the phone may belong to nobody who trades."""
    with db.write() as session:
        number = to_e164(phone, region) if phone else None
        if by is None:
            added = add_first_operator(session, username, name, password, now, phone=number)
        else:
            added = add_operator(
                session, username, name, role, password, now, phone=number,
                by=operator_of(session, by),
            )  # fmt: skip
        return Account(added.id, added.username, added.role)


@dataclass(frozen=True)
class FranchiseAdded:
    name: str
    holder: str


def add_franchise(
    db: Database, by: Who, name: str, franchisee: str, now: datetime
) -> FranchiseAdded:
    """A franchise held by a franchisee; admins only, recorded in the audit chain."""
    with db.write() as session:
        holder = _operator_named(session, franchisee)
        added = franchises.add_franchise(session, name, holder, now, by=operator_of(session, by))
        return FranchiseAdded(added.name, holder.username)


@dataclass(frozen=True)
class Moved:
    market: str
    was: str
    now_with: str


def transfer_market(
    db: Database, by: Who, market_name: str, to_franchise: str, reason: str, now: datetime
) -> Moved:
    """A market moves to another franchise (admins only); its history stays with it."""
    with db.write() as session:
        moving = market_named(session, market_name)
        target = session.exec(select(Franchise).where(Franchise.name == to_franchise)).first()
        if target is None:
            raise Refused("no_franchise", f"no franchise {to_franchise!r}")
        moved = franchises.transfer_market(
            session, moving.id, target.id, operator_of(session, by), reason, now
        )
        return Moved(moving.name, franchise_name(session, moved.from_franchise_id), target.name)


def market_named(session, name: str) -> Market:
    found = session.exec(select(Market).where(Market.name == name)).first()
    if found is None:
        raise Refused("no_market", f"no market {name!r}")
    return found


def franchise_name(session, franchise_id: int | None) -> str:
    held = session.get(Franchise, franchise_id) if franchise_id is not None else None
    return held.name if held is not None else "no franchise"


def _operator_named(session, username: str) -> Operator:
    found = session.exec(
        select(Operator).where(Operator.username == username.strip().lower())
    ).first()
    if found is None:
        raise Refused("no_operator", f"no operator {username!r}")
    return found
