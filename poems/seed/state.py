"""What a seeding run holds while it plays: the workers and buyers it made, their windows, and
every text, kept small until written."""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from poems.seed.bulk import Bulk
from poems.seed.texts import Bodies, Spoken
from store.statuses import WorkerStatus

WEEK = timedelta(days=7)
DAYS_AHEAD = 4  # shifts and availability reach this many days past now


@dataclass(eq=False, slots=True)
class SeedWorker:
    """What the simulation needs to know of a worker; the row itself goes straight to the table.

    Its facts carry Worker's column names, so eligibility's in-memory checks read it as they
    read any worker (exchange.eligibility.WorkerFacts).
    """

    id: int
    phone: str
    name: str
    skills: tuple[str, ...]
    area: str
    postcode: str
    currency: str
    asking_rate_minor: int
    rate_text: str
    tax: int
    notice_minutes: int
    min_shift_minutes: int
    joined: datetime
    opted_out_at: datetime | None
    status: str = WorkerStatus.ACTIVE
    suspended_at: datetime | None = None
    travel_miles: int | None = None
    credentials: tuple[tuple[str, datetime | None], ...] = ()
    booked_at: list[datetime] = field(default_factory=list)
    # (start, end, booking id) of each shift booked and not dropped or cancelled.
    booked: list[tuple[datetime, datetime, int]] = field(default_factory=list)
    live_refs: set[str] = field(default_factory=set)

    @property
    def travel_areas(self) -> tuple[str, ...]:
        return (self.area,)

    def last_booked(self, before: datetime) -> datetime | None:
        """When this worker last said YES and got the shift, as known at `before`."""
        return max((at for at in self.booked_at if at <= before), default=None)


class Free(NamedTuple):
    """A window a worker said they are free in, and when they said it."""

    posted: datetime
    start: datetime
    end: datetime
    worker: SeedWorker


@dataclass(eq=False, slots=True)
class SeedBuyer:
    """A buyer as the simulation needs it: its trade, its place, how busy it is (weight)."""

    id: int
    name: str
    phone: str | None
    skill: str
    area: str
    postcode: str
    place: str
    weight: float


class Log:
    """Every text of the history as a small tuple, written in time order at the end.

    A tuple: (at, out, phone, body, segments, worker_id, buyer_id, kind, facts, extra); a text
    going out also becomes a notice whose data is extra + facts, as exchange/notices.py writes it.
    """

    def __init__(self, bodies: Bodies) -> None:
        self.bodies = bodies
        self.items: list[tuple] = []

    def inbound(self, at: datetime, worker: SeedWorker, body: str) -> None:
        self.items.append((at, False, worker.phone, body, 1, worker.id, None, None, None, None))

    def from_buyer(self, at: datetime, buyer: SeedBuyer, body: str) -> None:
        if buyer.phone is not None:
            self.items.append((at, False, buyer.phone, body, 1, None, buyer.id, None, None, None))

    def outbound(
        self,
        at: datetime,
        worker: SeedWorker,
        kind: str,
        said: dict[str, Any],
        facts: dict[str, Any] | None,
        extra: dict[str, Any],
    ) -> None:
        """A text to a worker: `said` holds its fields as spoken, facts + extra its notice data."""
        if not self.bodies.has(kind):
            return
        body, segments = self.bodies(kind, said, facts, extra)
        self.items.append(
            (at, True, worker.phone, body, segments, worker.id, None, kind, facts, extra)
        )

    def to_buyer(
        self,
        at: datetime,
        buyer: SeedBuyer,
        kind: str,
        said: dict[str, Any],
        facts: dict[str, Any],
        extra: dict[str, Any],
    ) -> None:
        """Buyers without a phone hear from staff instead, as in exchange/notices.py."""
        if buyer.phone is None or not self.bodies.has(kind):
            return
        body, segments = self.bodies(kind, said, facts, extra)
        self.items.append(
            (at, True, buyer.phone, body, segments, None, buyer.id, kind, facts, extra)
        )


@dataclass(eq=False)
class Seeding:
    """One seeding run: the market, the clock, the random source and what has been made."""

    market: Any  # the market's settings, read once (a SimpleNamespace of Market's columns)
    now: datetime
    weeks: int
    rng: random.Random
    bulk: Bulk
    log: Log
    spoken: Spoken
    zone: ZoneInfo
    days: list[date]
    areas: list[str]
    law: Any = None  # poems.seed.law.Law, set once the session is open
    workers: list[SeedWorker] = field(default_factory=list)
    buyers: list[SeedBuyer] = field(default_factory=list)
    # (skill, area, day index) -> the windows of workers with that skill in that area that day
    buckets: dict[tuple[str, str, int], list[Free]] = field(default_factory=dict)
    _midnights: dict[date, datetime] = field(default_factory=dict)

    @property
    def start(self) -> datetime:
        return self.now - self.weeks * WEEK

    def at(self, day: date, hour: float) -> datetime:
        """A local wall-clock hour on a day, as a UTC instant (the day's noon offset applies)."""
        midnight = self._midnights.get(day)
        if midnight is None:
            noon = datetime(day.year, day.month, day.day, 12, tzinfo=self.zone)
            offset = noon.utcoffset() or timedelta(0)
            midnight = datetime(day.year, day.month, day.day, tzinfo=UTC) - offset
            self._midnights[day] = midnight
        return midnight + timedelta(hours=hour)
