"""A market's health for its franchisee: how well shifts fill, what the hours pay, how often
things go wrong, and the franchisee's share of each sector against the concession's cap."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median, quantiles

from sqlmodel import Session, col, func, select

from exchange.franchises import Share, divest_words, flags_for, markets_of, shares
from store.models import Booking, Dispute, Shift

WEEKS = 12


@dataclass(frozen=True)
class WeekOfRates:
    """The hourly rates booked in shifts starting one week: median and quartiles, minor units."""

    start: datetime
    bookings: int
    median: int | None
    q1: int | None
    q3: int | None


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
        weeks=_weeks(since, [(start, booking.rate_minor) for booking, start in booked]),
        shares=held,
        flags=[
            divest_words(flag, markets_of(session, flag.franchisee_id, flag.sector))
            for flag in flags_for(session, franchisee_id)
        ],
    )


def _weeks(since: datetime, rates: list[tuple[datetime, int]]) -> list[WeekOfRates]:
    weeks = []
    for n in range(WEEKS):
        start = since + timedelta(weeks=n)
        paid = sorted(rate for at, rate in rates if start <= at < start + timedelta(weeks=1))
        if len(paid) >= 2:
            q1, _, q3 = quantiles(paid, n=4, method="inclusive")
            weeks.append(WeekOfRates(start, len(paid), int(median(paid)), round(q1), round(q3)))
        elif paid:
            weeks.append(WeekOfRates(start, 1, paid[0], paid[0], paid[0]))
        else:
            weeks.append(WeekOfRates(start, 0, None, None, None))
    return weeks
