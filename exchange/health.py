"""A market's health for its franchisee: how well shifts fill, what the hours pay, how often
things go wrong, and the franchisee's share of each sector against the concession's cap.

The weekly figures are the published ones (rule 5: no operator-only analytics): each market's
whole-week cell of the published tables, withheld where it describes fewer than five workers."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlmodel import Session, col, func, select

from exchange.franchises import Share, divest_words, flags_for, markets_of, shares
from exchange.public import TOTAL, booked_work_rows
from store.models import Booking, Dispute, Market, Shift

WEEKS = 12


@dataclass(frozen=True)
class WeekOfRates:
    """One market's complete week as published: workers, bookings and the hourly rates paid
    (median and quartiles, minor units); all None when the week is withheld."""

    market: str
    currency: str
    week: str
    workers: int | None
    bookings: int | None
    median: int | None
    q1: int | None
    q3: int | None

    @property
    def withheld(self) -> bool:
        return self.workers is None


@dataclass(frozen=True)
class Health:
    since: datetime
    slots: int
    filled: int
    median_fill_minutes: int | None
    bookings: int
    no_shows: int
    disputes: int
    weeks: list[WeekOfRates]
    shares: list[Share]
    # The monthly measure's flags: what each franchisee over the cap must divest.
    flags: list[str]

    @property
    def fill_rate(self) -> float | None:
        return self.filled / self.slots if self.slots else None

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows / self.bookings if self.bookings else None

    @property
    def dispute_rate(self) -> float | None:
        return self.disputes / self.bookings if self.bookings else None


def health(
    session: Session, now: datetime, market_ids: list[int] | None, franchisee_id: int | None
) -> Health:
    """The last 12 weeks of shifts that have started, in the markets given (None: all)."""
    since = now - timedelta(weeks=WEEKS)
    in_markets = col(Shift.market_id).in_(market_ids) if market_ids is not None else True
    started = (col(Shift.start) >= since, col(Shift.start) < now, in_markets)
    posted = session.exec(
        select(Shift).where(*started, Shift.status != "cancelled").order_by(col(Shift.start))
    ).all()
    last_booked = dict(
        session.exec(
            select(Booking.shift_id, func.max(Booking.created_at))
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .where(*started)
            .group_by(Booking.shift_id)
        ).all()
    )
    fill_minutes = [
        (last_booked[shift.id] - shift.created_at).total_seconds() // 60
        for shift in posted
        if shift.booked >= shift.slots and shift.id in last_booked and shift.created_at
    ]
    booked = session.exec(
        select(Booking, Shift.start)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(*started, col(Booking.status).in_(("booked", "done")))
    ).all()
    disputed = session.exec(
        select(func.count(func.distinct(Dispute.booking_id)))
        .join(Booking, col(Booking.id) == Dispute.booking_id)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(*started)
    ).one()
    held = [
        s for s in shares(session, now) if franchisee_id is None or s.franchisee_id == franchisee_id
    ]
    return Health(
        since=since,
        slots=sum(shift.slots for shift in posted),
        filled=sum(min(shift.booked, shift.slots) for shift in posted),
        median_fill_minutes=int(median(fill_minutes)) if fill_minutes else None,
        bookings=len(booked),
        no_shows=sum(1 for booking, _ in booked if booking.arrived is False),
        disputes=int(disputed),
        weeks=published_weeks(session, now, market_ids),
        shares=held,
        flags=[
            divest_words(flag, markets_of(session, flag.franchisee_id, flag.sector))
            for flag in flags_for(session, franchisee_id)
        ],
    )


def published_weeks(
    session: Session, now: datetime, market_ids: list[int] | None
) -> list[WeekOfRates]:
    """The last complete weeks of each market as the publication shows them, oldest first."""
    in_markets = col(Market.id).in_(market_ids) if market_ids is not None else True
    weeks = []
    for market in session.exec(select(Market).where(in_markets).order_by(col(Market.id))).all():
        for row in booked_work_rows(session, market, now, weeks=WEEKS):
            if (row["table"], row["skill"], row["area"]) != ("skill_area", TOTAL, TOTAL):
                continue
            weeks.append(
                WeekOfRates(
                    market=market.name,
                    currency=market.currency,
                    week=row["week"],
                    workers=row["workers"],
                    bookings=row["bookings"],
                    median=row["rate_median"],
                    q1=row["rate_q1"],
                    q3=row["rate_q3"],
                )
            )
    return weeks
