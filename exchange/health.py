"""A market's health for its franchisee: how well shifts fill, what the hours pay, how often
things go wrong, and the franchisee's share of each sector against the concession's cap.

Rule 5 holds here as in the publication (no operator-only analytics): every figure covers the
same complete weeks the publication does, so it moves a week at a time and never booking by
booking, and each is withheld when it describes fewer workers than `may_show` allows. The
weekly figures are each market's whole-week cell of the published tables.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, false, or_
from sqlmodel import Session, col, func, select

from exchange.franchises import Share, divest_words, flags_for, markets_of, shares
from exchange.public import TOTAL, booked_work_rows, complete_weeks
from exchange.stats import median
from exchange.suppression import may_show
from store.models import Booking, Dispute, Market, Shift
from store.statuses import BOOKING_STANDS, ShiftStatus

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
    """The markets' last complete weeks, from `since` up to `until`. Every count and time below
    describes the workers booked in them: all are None when too few were (`withheld`)."""

    since: datetime
    until: datetime
    workers: int | None
    slots: int | None
    filled: int | None
    median_fill_minutes: int | None
    bookings: int | None
    no_shows: int | None
    disputes: int | None
    weeks: list[WeekOfRates]
    shares: list[Share]
    # The monthly measure's flags: what each franchisee over the cap must divest.
    flags: list[str]

    @property
    def withheld(self) -> bool:
        return self.workers is None

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
    """The last 12 complete weeks (each market's own) of shifts, in the markets given (None:
    all), with the published weekly figures and the franchisee's shares."""
    in_markets = col(Market.id).in_(market_ids) if market_ids is not None else True
    markets = session.exec(select(Market).where(in_markets).order_by(col(Market.id))).all()
    spans = {market.id: complete_weeks(now, market.tz, WEEKS) for market in markets}
    started = or_(
        false(),
        *(
            and_(Shift.market_id == market_id, col(Shift.start) >= start, col(Shift.start) < end)
            for market_id, (start, end) in spans.items()
        ),
    )
    posted = session.exec(
        select(Shift)
        .where(started, Shift.status != ShiftStatus.CANCELLED)
        .order_by(col(Shift.start))
    ).all()
    last_booked = dict(
        session.exec(
            select(Booking.shift_id, func.max(Booking.created_at))
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .where(started)
            .group_by(Booking.shift_id)
        ).all()
    )
    fill_minutes = [
        int((last_booked[shift.id] - shift.created_at).total_seconds() // 60)
        for shift in posted
        if shift.booked >= shift.slots and shift.id in last_booked and shift.created_at
    ]
    booked = session.exec(
        select(Booking)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(started, col(Booking.status).in_(BOOKING_STANDS))
    ).all()
    disputed = session.exec(
        select(func.count(func.distinct(Dispute.booking_id)))
        .join(Booking, col(Booking.id) == Dispute.booking_id)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(started)
    ).one()
    figures = {
        "workers": len({booking.worker_id for booking in booked}),
        "slots": sum(shift.slots for shift in posted),
        "filled": sum(min(shift.booked, shift.slots) for shift in posted),
        "median_fill_minutes": median(fill_minutes) if fill_minutes else None,
        "bookings": len(booked),
        "no_shows": sum(1 for booking in booked if booking.arrived is False),
        "disputes": int(disputed),
    }
    if not may_show(figures["workers"]):
        figures = dict.fromkeys(figures)
    held = [
        s for s in shares(session, now) if franchisee_id is None or s.franchisee_id == franchisee_id
    ]
    since, until = complete_weeks(now, "UTC", WEEKS)
    if spans:
        since = min(start for start, _ in spans.values())
        until = max(end for _, end in spans.values())
    return Health(
        since=since,
        until=until,
        **figures,
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
