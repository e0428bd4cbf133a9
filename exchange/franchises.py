"""The concession and its franchises: who runs which market, and that nobody grows too big (rule 9).

A franchisee holds franchises; a franchise runs markets. The share cap is measured on booked
hours per sector over the concession's window, and a franchisee over it is flagged with the
hours they must hand on; an admin moves a market to another franchise, its history kept.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from exchange.audit import audit
from exchange.errors import Refused
from exchange.operators import require
from store.models import (
    Booking,
    Concession,
    Franchise,
    Market,
    MarketTransfer,
    Operator,
    ShareFlag,
    Shift,
)
from store.statuses import BOOKING_STANDS, OperatorRole


def concession(session: Session) -> Concession:
    """The concession's limits (`poems db upgrade` stores them; the defaults until it has)."""
    return session.exec(select(Concession).order_by(Concession.id)).first() or Concession()


def add_franchise(
    session: Session, name: str, franchisee: Operator, now: datetime, by: Operator | None = None
) -> Franchise:
    """A new franchise held by a franchisee, recorded in the audit chain as made `by` an operator
    (None: the exchange itself); only an admin makes one."""
    if by is not None:
        require(by, OperatorRole.ADMIN)
    name = " ".join(name.split())
    if not name:
        raise Refused("bad_name", "A franchise needs a name")
    if franchisee.role != OperatorRole.FRANCHISEE:
        raise Refused("not_franchisee", f"{franchisee.username} is not a franchisee")
    if session.exec(select(Franchise.id).where(Franchise.name == name)).first():
        raise Refused("taken", f"There is already a franchise called {name}")
    franchise = Franchise(name=name, franchisee_id=franchisee.id, created_at=now)
    session.add(franchise)
    session.flush()
    audit(
        session,
        by.id if by else None,
        "franchise_add",
        f"franchise:{franchise.id}",
        f"{name}, held by operator:{franchisee.id}",
        now,
    )
    return franchise


def franchise_of(session: Session, franchisee: Operator, now: datetime) -> Franchise:
    """The franchisee's first franchise, made under their name when they hold none yet."""
    found = session.exec(
        select(Franchise).where(Franchise.franchisee_id == franchisee.id).order_by(Franchise.id)
    ).first()
    return found or add_franchise(session, franchisee.name, franchisee, now)


def add_market(
    session: Session, market: Market, now: datetime, by: Operator | None = None
) -> Market:
    """Open a new market, recorded in the audit chain as made `by` an operator (None: the
    exchange itself, or an administrator at the command line)."""
    session.add(market)
    session.flush()
    audit(
        session,
        by.id if by else None,
        "market_add",
        f"market:{market.id}",
        f"{market.name}: {market.sector} in {market.area}",
        now,
    )
    return market


def franchisee_of(session: Session, market: Market) -> Operator | None:
    """Who runs a market, if anyone does."""
    if market.franchise_id is None:
        return None
    franchise = session.get(Franchise, market.franchise_id)
    return session.get(Operator, franchise.franchisee_id)


def transfer_market(
    session: Session,
    market_id: int,
    to_franchise_id: int,
    operator: Operator,
    reason: str,
    now: datetime,
) -> MarketTransfer:
    """Move a market to another franchise (admins only); shifts, bookings and disputes stay with
    the market, so its history goes with it and the transfer itself is recorded."""
    require(operator, OperatorRole.ADMIN)
    market = session.get(Market, market_id)
    target = session.get(Franchise, to_franchise_id)
    if market is None or target is None:
        raise Refused("no_market", "No such market or franchise")
    if not reason.strip():
        raise Refused("no_reason", "Say why the market moves")
    if market.franchise_id == target.id:
        raise Refused("same_franchise", f"{market.name} is already in {target.name}")
    transfer = MarketTransfer(
        market_id=market.id,
        from_franchise_id=market.franchise_id,
        to_franchise_id=target.id,
        operator_id=operator.id,
        reason=reason.strip(),
        at=now,
    )
    market.franchise_id = target.id
    session.add_all([market, transfer])
    audit(
        session,
        operator.id,
        "market_transfer",
        f"market:{market.id}",
        f"to franchise {target.id}: {reason.strip()}",
        now,
    )
    session.flush()
    return transfer


def transfers(session: Session, market_id: int) -> list[MarketTransfer]:
    return list(
        session.exec(
            select(MarketTransfer)
            .where(MarketTransfer.market_id == market_id)
            .order_by(col(MarketTransfer.id))
        )
    )


@dataclass(frozen=True)
class Share:
    """One franchisee's booked minutes in one sector against the whole sector's."""

    franchisee_id: int
    sector: str
    minutes: int
    sector_minutes: int
    cap_bp: int

    @property
    def share_bp(self) -> int:
        return self.minutes * 10_000 // self.sector_minutes if self.sector_minutes else 0

    @property
    def over(self) -> bool:
        return self.minutes * 10_000 > self.cap_bp * self.sector_minutes

    @property
    def divest_minutes(self) -> int:
        """The fewest booked minutes to hand on so the rest is within the cap.

        Minutes handed to another franchisee stay in the sector, so the sector total stands.
        """
        allowed = self.cap_bp * self.sector_minutes // 10_000
        return max(0, self.minutes - allowed)


def shares(session: Session, now: datetime) -> list[Share]:
    """Every franchisee's share of each sector's booked hours over the concession's window."""
    limits = concession(session)
    since = now - timedelta(days=limits.share_window_days)
    minutes = func.sum((func.julianday(Shift.end) - func.julianday(Shift.start)) * 1440)
    if session.get_bind().dialect.name == "postgresql":
        minutes = func.sum(func.extract("epoch", Shift.end - Shift.start) / 60)
    rows = session.exec(
        select(Market.sector, Franchise.franchisee_id, minutes)
        .select_from(Booking)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .join(Market, col(Market.id) == Shift.market_id)
        .outerjoin(Franchise, col(Franchise.id) == Market.franchise_id)
        .where(
            col(Booking.status).in_(BOOKING_STANDS),
            col(Shift.start) >= since,
            col(Shift.start) < now,
        )
        .group_by(Market.sector, Franchise.franchisee_id)
    ).all()
    totals: dict[str, int] = {}
    held: list[tuple[str, int, int]] = []
    for sector, franchisee_id, booked in rows:
        booked = round(booked or 0)
        totals[sector] = totals.get(sector, 0) + booked
        if franchisee_id is not None:
            held.append((sector, franchisee_id, booked))
    return [
        Share(franchisee_id, sector, booked, totals[sector], limits.share_cap_bp)
        for sector, franchisee_id, booked in sorted(held)
    ]


def measure_shares(session: Session, now: datetime, tz: str = "UTC") -> list[ShareFlag]:
    """The monthly measure: flag each franchisee over the cap in a sector, once per month."""
    limits = concession(session)
    period = now.astimezone(ZoneInfo(tz)).strftime("%Y-%m")
    flags = []
    for share in shares(session, now):
        if not share.over:
            continue
        known = session.exec(
            select(ShareFlag).where(
                ShareFlag.franchisee_id == share.franchisee_id,
                ShareFlag.sector == share.sector,
                ShareFlag.period == period,
            )
        ).first()
        if known is not None:
            continue
        flag = ShareFlag(
            franchisee_id=share.franchisee_id,
            sector=share.sector,
            period=period,
            share_bp=share.share_bp,
            cap_bp=share.cap_bp,
            franchisee_minutes=share.minutes,
            sector_minutes=share.sector_minutes,
            divest_minutes=share.divest_minutes,
            window_start=now - timedelta(days=limits.share_window_days),
            window_end=now,
            measured_at=now,
        )
        session.add(flag)
        flags.append(flag)
    session.flush()
    return flags


def flags_for(session: Session, franchisee_id: int | None = None) -> list[ShareFlag]:
    """The newest month's flags, for one franchisee or for all."""
    query = select(ShareFlag).order_by(col(ShareFlag.period).desc(), col(ShareFlag.id))
    if franchisee_id is not None:
        query = query.where(ShareFlag.franchisee_id == franchisee_id)
    flags = list(session.exec(query))
    newest = flags[0].period if flags else None
    return [flag for flag in flags if flag.period == newest]


def divest_words(flag: ShareFlag, markets: list[Market]) -> str:
    """What the franchisee must do, in words for the console."""
    hours = flag.divest_minutes / 60
    days = (flag.window_end - flag.window_start).days
    names = ", ".join(market.name for market in markets) or "a market"
    return (
        f"{flag.share_bp / 100:.1f}% of {flag.sector} booked hours against a cap of "
        f"{flag.cap_bp / 100:g}%: hand on markets worth at least {hours:.0f} booked hours "
        f"over {days} days (from {names})"
    )


def markets_of(session: Session, franchisee_id: int, sector: str | None = None) -> list[Market]:
    query = (
        select(Market)
        .join(Franchise, col(Franchise.id) == Market.franchise_id)
        .where(Franchise.franchisee_id == franchisee_id)
        .order_by(col(Market.id))
    )
    if sector is not None:
        query = query.where(Market.sector == sector)
    return list(session.exec(query))
