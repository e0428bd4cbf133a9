"""Published data: what was booked, by skill, area, weekday, part of day and ISO week.

Only complete ISO weeks (Monday to Sunday, market time) are published, so a daily publication
never differs from the one before by a single day's bookings. Each week has one hub table
(skill x area) and, per skill, one spoke table (weekday x part of day) whose grand total is the
hub's row for that skill. The rates table covers the last four complete weeks, skill x area, and
the pooled rates (exchange/asking.py) the last 1, 3 and 12 weeks by place, weekday and part of
day; neither carries counts that add up, so nothing in them can be subtracted. See
docs/public-data.md.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from exchange.areas import home_area
from exchange.places import place_code
from exchange.stats import median, quartiles
from exchange.suppression import TOTAL, Count, Key, protect_linked, suppress
from store.models import Booking, Market, Shift
from store.statuses import BOOKING_STANDS, ShiftStatus

RATES_WEEKS = 4
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def part_of_day(hour: int) -> str:
    """morning 06-12, afternoon 12-17, evening 17-22, night 22-06 (local start time)."""
    if 6 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


@dataclass(frozen=True)
class Slotted:
    """A shift as the tables see it: where and when, in the market's local time."""

    week: str
    skill: str
    area: str
    weekday: str
    part_of_day: str
    slots: int
    # The postcode district or ZIP: finer than the area, for the pooled rates.
    place: str
    buyer_id: int


@dataclass(frozen=True)
class Booked:
    shift: Slotted
    worker_id: int
    rate: int
    minutes_to_fill: int | None


@dataclass
class Acc:
    """Running figures for one cell."""

    slots: int = 0
    workers: set[int] = field(default_factory=set)
    buyers: set[int] = field(default_factory=set)
    rates: list[int] = field(default_factory=list)
    fill_minutes: list[int] = field(default_factory=list)

    @property
    def count(self) -> Count:
        return Count(bookings=len(self.rates), workers=len(self.workers))


def week_start(now: datetime, tz: str) -> datetime:
    """Monday 00:00 (market time) of the week `now` falls in, as an aware local datetime."""
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    return datetime.combine(today - timedelta(days=today.weekday()), time(), zone)


def iso_week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def booked_work(
    session: Session,
    market: Market,
    start: datetime,
    end: datetime,
    skills: Collection[str] | None = None,
) -> tuple[list[Slotted], list[Booked]]:
    """Shifts starting in [start, end) that were not cancelled, and their standing bookings."""
    zone = ZoneInfo(market.tz)
    of_skills = col(Shift.skill).in_(list(skills)) if skills is not None else True
    shifts = session.exec(
        select(Shift).where(
            Shift.market_id == market.id,
            Shift.status != ShiftStatus.CANCELLED,
            col(Shift.start) >= start,
            col(Shift.start) < end,
            of_skills,
        )
    ).all()
    slotted: dict[int, Slotted] = {}
    for shift in shifts:
        local = shift.start.astimezone(zone)
        slotted[shift.id] = Slotted(
            week=iso_week(local),
            skill=shift.skill,
            area=home_area(shift.postcode),
            weekday=WEEKDAYS[local.weekday()],
            part_of_day=part_of_day(local.hour),
            slots=shift.slots,
            place=place_code(shift.postcode) or shift.postcode,
            buyer_id=shift.buyer_id,
        )
    booked = []
    if slotted:
        rows = session.exec(
            select(Booking, Shift.created_at)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            # Ids come from the shifts read above; chunking is not needed at market sizes.
            .where(
                col(Booking.shift_id).in_(list(slotted)), col(Booking.status).in_(BOOKING_STANDS)
            )
        ).all()
        for booking, posted_at in rows:
            wait = None
            if booking.created_at and posted_at:
                wait = max(0, int((booking.created_at - posted_at).total_seconds() // 60))
            booked.append(
                Booked(slotted[booking.shift_id], booking.worker_id, booking.rate_minor, wait)
            )
    return list(slotted.values()), booked


Dim = Callable[[Slotted], str]


def gather(slotted: list[Slotted], booked: list[Booked], row: Dim, column: Dim) -> dict[Key, Acc]:
    """Interior cells and margins of one table: (row, column), (row, *), (*, column), (*, *)."""
    cells: dict[Key, Acc] = {}

    def keys(shift: Slotted) -> list[Key]:
        r, c = row(shift), column(shift)
        return [(r, c), (r, TOTAL), (TOTAL, c), (TOTAL, TOTAL)]

    for shift in slotted:
        for key in keys(shift):
            cells.setdefault(key, Acc()).slots += shift.slots
    for item in booked:
        for key in keys(item.shift):
            acc = cells[key]
            acc.workers.add(item.worker_id)
            acc.buyers.add(item.shift.buyer_id)
            acc.rates.append(item.rate)
            if item.minutes_to_fill is not None:
                acc.fill_minutes.append(item.minutes_to_fill)
    return cells


def measures(acc: Acc, counts: bool = True) -> dict[str, Any]:
    """The published figures of one cell that is shown."""
    rates = quartiles(acc.rates)
    out: dict[str, Any] = {"workers": len(acc.workers)}
    if counts:
        out |= {
            "buyers": len(acc.buyers),
            "bookings": len(acc.rates),
            "slots_posted": acc.slots,
            "fill_rate": round(len(acc.rates) / acc.slots, 3),
            "time_to_fill_minutes": median(acc.fill_minutes) if acc.fill_minutes else None,
        }
    return out | {"rate_q1": rates.q1, "rate_median": rates.median, "rate_q3": rates.q3}


# Figures only the weekly tables carry; "buyers" is no sum, but the multi-week tables leave it
# out so that nothing in them describes a buyer.
COUNTS = ("buyers", "bookings", "slots_posted", "fill_rate", "time_to_fill_minutes")
# The figures that add up, and so can be subtracted: only the weekly tables publish them.
ADDITIVE = ("bookings", "slots_posted")
FIGURES = ("workers", *COUNTS, "rate_q1", "rate_median", "rate_q3")


def cell_row(base: dict[str, Any], acc: Acc, hidden: bool, counts: bool = True) -> dict[str, Any]:
    """A published row: blank figures when suppressed; `counts` False leaves out every figure
    but workers and rates."""
    shown = {key: None for key in FIGURES if counts or key not in COUNTS}
    if not hidden:
        shown |= measures(acc, counts)
    return base | {"suppressed": hidden} | shown


def _count_map(cells: dict[Key, Acc]) -> dict[Key, Count]:
    return {key: acc.count for key, acc in cells.items()}


def week_tables(
    market: Market, week: str, slotted: list[Slotted], booked: list[Booked]
) -> list[dict[str, Any]]:
    """The hub and spoke tables of one week, suppressed together, as published rows."""
    hub = gather(slotted, booked, lambda s: s.skill, lambda s: s.area)
    spokes = {
        skill: gather(
            [s for s in slotted if s.skill == skill],
            [b for b in booked if b.shift.skill == skill],
            lambda s: s.weekday,
            lambda s: s.part_of_day,
        )
        for skill in sorted({s.skill for s in slotted})
    }
    hub_hidden, spoke_hidden = protect_linked(
        _count_map(hub), {skill: _count_map(cells) for skill, cells in spokes.items()}
    )
    base = {"market": market.name, "currency": market.currency, "week": week}
    rows = [
        cell_row(
            base
            | {
                "table": "skill_area",
                "skill": r,
                "area": c,
                "weekday": TOTAL,
                "part_of_day": TOTAL,
            },
            acc,
            (r, c) in hub_hidden,
        )
        for (r, c), acc in sorted(hub.items())
    ]
    for skill, cells in spokes.items():
        rows += [
            cell_row(
                base
                | {
                    "table": "skill_time",
                    "skill": skill,
                    "area": TOTAL,
                    "weekday": r,
                    "part_of_day": c,
                },
                acc,
                (r, c) in spoke_hidden[skill],
            )
            for (r, c), acc in sorted(cells.items())
        ]
    return rows


def complete_weeks(now: datetime, tz: str, weeks: int) -> tuple[datetime, datetime]:
    """The span of the last `weeks` complete ISO weeks before `now`, as aware instants."""
    end = week_start(now, tz)
    return end - timedelta(weeks=weeks), end


def booked_work_rows(
    session: Session, market: Market, now: datetime, weeks: int = 52
) -> list[dict[str, Any]]:
    """Every published row of a market's weekly tables, oldest week first."""
    start, end = complete_weeks(now, market.tz, weeks)
    slotted, booked = booked_work(session, market, start, end)
    rows: list[dict[str, Any]] = []
    for week in sorted({s.week for s in slotted}):
        rows += week_tables(
            market,
            week,
            [s for s in slotted if s.week == week],
            [b for b in booked if b.shift.week == week],
        )
    return rows


def rates_rows(session: Session, market: Market, now: datetime) -> list[dict[str, Any]]:
    """Hourly rates paid over the last four complete weeks, skill x area, suppressed.

    No additive count is published here, so primary suppression is all it needs.
    """
    start, end = complete_weeks(now, market.tz, RATES_WEEKS)
    slotted, booked = booked_work(session, market, start, end)
    cells = gather(slotted, booked, lambda s: s.skill, lambda s: s.area)
    hidden = suppress(_count_map(cells))
    base = {
        "market": market.name,
        "currency": market.currency,
        "from_week": iso_week(start),
        "to_week": iso_week(end - timedelta(days=1)),
    }
    return [
        cell_row(base | {"skill": r, "area": c}, acc, (r, c) in hidden, counts=False)
        for (r, c), acc in sorted(cells.items())
    ]


@dataclass(frozen=True)
class RatesAnswer:
    """The published rates figure a RATES text answers with."""

    skill: str
    area: str  # an area code, or TOTAL for the whole market
    from_week: str
    to_week: str
    workers: int
    q1: int
    median: int
    q3: int
    currency: str


def rates_near(
    session: Session, market: Market, skill: str, area: str | None, now: datetime
) -> RatesAnswer | None:
    """The published figure for a skill in an area, else across the market; None if neither is shown."""
    rows = {(row["skill"], row["area"]): row for row in rates_rows(session, market, now)}
    for key in ((skill, area), (skill, TOTAL)):
        row = rows.get(key)
        if row is not None and not row["suppressed"]:
            return RatesAnswer(
                skill=skill,
                area=key[1],
                from_week=row["from_week"],
                to_week=row["to_week"],
                workers=row["workers"],
                q1=row["rate_q1"],
                median=row["rate_median"],
                q3=row["rate_q3"],
                currency=row["currency"],
            )
    return None
