"""Rule 11 as a property: over random workers, ages, rates, opt-outs, shifts and weeks, no booking
the exchange makes breaks a rule of its market.

Each example runs the real matching and YES on its own SQLite file, then checks every booking
against the rule set with a checker written apart from the exchange's own (whole periods, every
day, week and window, rather than the one new shift at a time).
"""

import contextlib
import random
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from exchange import offers
from exchange.availability import post_availability
from exchange.errors import Refused
from exchange.law.people import opt_out_of_week
from exchange.shifts import post_shift
from exchange.workers import register_worker
from store.db import Database
from store.migrate import upgrade
from store.models import Booking, Buyer, LabourRule, Market, OfferSkip, Shift, Worker

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
DAYS = 10

TIGHT = [
    # Small figures, so random weeks reach every limit.
    dict(kind="minimum_wage", value=1000),
    dict(kind="minimum_age", value=16),
    dict(kind="week", age_from=18, value=10 * 60, period_days=14, rolling=True, opt_out=True),
    dict(kind="week", age_to=17, value=8 * 60, period_days=7),
    dict(kind="day", value=10 * 60),
    dict(kind="rest", age_from=18, value=11 * 60),
    dict(kind="rest", age_to=17, value=12 * 60),
    dict(kind="break", age_from=18, value=20, over_minutes=360),
    dict(kind="break", age_to=17, value=30, over_minutes=270),
    dict(kind="night", age_to=17, night_from="22:00", night_to="06:00"),
]

MARKETS = {
    "uk": dict(tz="Europe/London", currency="GBP", region="GB", place="E1 6AN", where="E1 7AA"),
    "tight": dict(tz="Europe/London", currency="GBP", region="GB", place="E1 6AN", where="E1 7AA"),
    "us-or-portland": dict(
        tz="America/Los_Angeles", currency="USD", region="US", place="97201", where="97201"
    ),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> str:
    """A migrated database with the tight test rule set, copied for each example."""
    path = tmp_path_factory.mktemp("law") / "template.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db, env={})
    with db.write() as session:
        for row in TIGHT:
            session.add(
                LabourRule(
                    rule_set="tight",
                    authority="test",
                    effective_from=date(2020, 1, 1),
                    law=f"test {row['kind']}",
                    source="https://example.org",
                    **row,
                )
            )
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return str(path)


@dataclass(frozen=True)
class Person:
    age: int | None
    birthday_offset: int
    rate: int
    opted_out: bool


@dataclass(frozen=True)
class Work:
    day: int
    start_minute: int
    minutes: int
    break_minutes: int | None
    slots: int


people = st.lists(
    st.builds(
        Person,
        age=st.integers(13, 45).map(lambda years: None if years == 13 else years),
        birthday_offset=st.integers(0, 364),
        rate=st.integers(700, 1700),
        opted_out=st.booleans(),
    ),
    min_size=1,
    max_size=4,
)
work = st.lists(
    st.builds(
        Work,
        day=st.integers(0, DAYS - 1),
        start_minute=st.integers(0, 95).map(lambda q: q * 15),
        minutes=st.integers(4, 52).map(lambda q: q * 15),
        break_minutes=st.one_of(st.none(), st.sampled_from([0, 10, 20, 30, 45])),
        slots=st.integers(1, 3),
    ),
    min_size=1,
    max_size=20,
)


def run_market(path: str, rule_set: str, workers: list[Person], shifts: list[Work], seed: int):
    """Register, post, offer and answer YES in a random order; return the database."""
    chance = random.Random(seed)
    db = Database(f"sqlite:///{path}")
    shape = MARKETS[rule_set]
    zone = ZoneInfo(shape["tz"])
    with db.write() as session:
        market = session.exec(select(Market)).one()
        market.rule_set, market.tz = rule_set, shape["tz"]
        market.currency, market.region = shape["currency"], shape["region"]
        market.quiet_start = market.quiet_end = "00:00"  # offers go out whatever the hour
        buyer = Buyer(market_id=market.id, name="Buyer", default_place="Somewhere")
        session.add_all([market, buyer])
        session.flush()
        ids = []
        for n, who in enumerate(workers):
            born = (
                None
                if who.age is None
                else date(NOW.year - who.age, 1, 1) + timedelta(days=who.birthday_offset)
            )
            try:
                worker = register_worker(
                    session, market, f"+1503555{n:04d}", f"Worker {n}", ["care"],
                    shape["place"], who.rate, NOW, date_of_birth=born,
                )  # fmt: skip
            except Refused as refusal:
                # Under the minimum: ask a little over it instead, so most examples trade.
                worker = register_worker(
                    session, market, f"+1503555{n:04d}", f"Worker {n}", ["care"],
                    shape["place"], refusal.details["minimum"] + who.rate % 150, NOW,
                    date_of_birth=born,
                )  # fmt: skip
            if who.opted_out:
                with contextlib.suppress(Refused):  # under 18: no opt-out
                    opt_out_of_week(session, worker, NOW)
            for day in range(DAYS + 2):
                start = NOW + timedelta(days=day)
                post_availability(session, worker.id, start, start + timedelta(days=1), NOW)
            ids.append(worker.id)
    for job in shifts:
        local_start = datetime.combine(
            NOW.date() + timedelta(days=1 + job.day), time(0), tzinfo=zone
        ) + timedelta(minutes=job.start_minute)
        start = local_start.astimezone(UTC)
        with db.write() as session:
            market = session.exec(select(Market)).one()
            buyer = session.exec(select(Buyer)).one()
            try:
                shift = post_shift(
                    session, market, buyer, "care", shape["where"], start,
                    start + timedelta(minutes=job.minutes), job.slots, 1800, NOW,
                    break_minutes=job.break_minutes,
                )  # fmt: skip
            except Refused:
                continue
            made = offers.send_wave(session, shift.id, NOW)
            chance.shuffle(made)
            for offer in made:
                if chance.random() < 0.8:
                    offers.accept(session, offer.worker_id, offer.ref, NOW)
    return db


# An independent reading of the rules: whole periods, every day, week and window.


def in_force(rows, kind, age, day):
    latest = {}
    for rule in rows:
        if rule.kind != kind or rule.effective_from > day:
            continue
        if age is not None and not (
            (rule.age_from is None or age >= rule.age_from)
            and (rule.age_to is None or age <= rule.age_to)
        ):
            continue
        key = rule.authority if age is not None else (rule.authority, rule.age_from, rule.age_to)
        if key not in latest or rule.effective_from >= latest[key].effective_from:
            latest[key] = rule
    return [rule for rule in latest.values() if rule.value is not None or rule.night_from]


def age(born, day):
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def overlap(a, b):
    return max(0.0, (min(a[1], b[1]) - max(a[0], b[0])).total_seconds())


def last_friday_of_june(born, years):
    turns = date(born.year + years, born.month, min(born.day, 28))
    year = turns.year + (1 if born.month >= 9 else 0)
    day = date(year, 6, 30)
    while day.weekday() != 4:
        day -= timedelta(days=1)
    return day


def broken_rules(rows, zone, worker, booked):
    """Every rule the worker's bookings break, as readable strings (empty when lawful)."""
    broken = []
    spans = sorted((shift.start, shift.end) for _, shift in booked)
    local = lambda instant: instant.astimezone(zone)  # noqa: E731
    midnight = lambda day: datetime.combine(day, time(0), tzinfo=zone)  # noqa: E731
    needs_age = any(
        rule.age_from is not None or rule.age_to is not None or rule.kind.endswith("age")
        or rule.kind == "school_leaving"
        for rule in rows
    )  # fmt: skip
    for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False):
        if b_start < a_end:
            broken.append("double booked")
    for booking, shift in booked:
        day = local(shift.start).date()
        if worker.date_of_birth is None:
            if needs_age:
                broken.append("no age")
            continue
        years = age(worker.date_of_birth, day)
        least = max((r.value for r in in_force(rows, "minimum_wage", years, day)), default=0)
        if booking.rate_minor < least:
            broken.append(f"rate {booking.rate_minor} < {least}")
        for rule in in_force(rows, "minimum_age", years, day):
            if years < rule.value:
                broken.append("under age")
        for rule in in_force(rows, "school_leaving", years, day):
            if day <= last_friday_of_june(worker.date_of_birth, rule.value):
                broken.append("at school")
        minutes = (shift.end - shift.start).total_seconds() / 60
        for rule in in_force(rows, "break", years, day):
            if minutes > rule.over_minutes and shift.break_minutes < rule.value:
                broken.append(f"break {shift.break_minutes} < {rule.value}")
        for rule in in_force(rows, "night", years, day):
            begin, end = time.fromisoformat(rule.night_from), time.fromisoformat(rule.night_to)
            for back in (1, 0):
                night_day = day - timedelta(days=back)
                night = (
                    datetime.combine(night_day, begin, tzinfo=zone),
                    datetime.combine(night_day + timedelta(days=1), end, tzinfo=zone),
                )
                if overlap((shift.start, shift.end), night):
                    broken.append("night work")
    born = worker.date_of_birth
    if born is None or not spans:
        return broken
    days = {local(s).date() + timedelta(days=n) for s, e in spans for n in range(2)}
    for day in sorted(days):
        period = (midnight(day), midnight(day + timedelta(days=1)))
        worked = sum(overlap(span, period) for span in spans)
        for rule in in_force(rows, "day", age(born, day), day):
            if worked > rule.value * 60:
                broken.append(f"day {day} {worked / 3600:.2f}h")
    mondays = {day - timedelta(days=day.weekday()) for day in days}
    for monday in sorted(mondays):
        period = (midnight(monday), midnight(monday + timedelta(days=7)))
        worked = sum(overlap(span, period) for span in spans)
        for rule in in_force(rows, "week", age(born, monday), monday):
            if not rule.rolling and worked > rule.value * 60:
                broken.append(f"week of {monday} {worked / 3600:.2f}h")
    for rule in {r.id: r for d in days for r in in_force(rows, "week", age(born, d), d)}.values():
        if not rule.rolling or (rule.opt_out and worker.week_opt_out_at is not None):
            continue
        length = timedelta(days=rule.period_days)
        cap = rule.value * 60 * rule.period_days / 7
        starts = {
            edge - shift_back
            for s, e in spans
            for edge in (s, e)
            for shift_back in (timedelta(0), length)
        }
        for start in starts:
            ages = (age(born, local(start).date()), age(born, local(start + length).date()))
            covered = any(
                (rule.age_from is None or a >= rule.age_from) and (rule.age_to is None or a <= rule.age_to)
                for a in ages
            )  # fmt: skip
            worked = sum(overlap(span, (start, start + length)) for span in spans)
            if covered and worked > cap:
                broken.append(f"average week from {start} {worked / 3600:.2f}h")
    for rule in {r.id: r for d in days for r in in_force(rows, "rest", age(born, d), d)}.values():
        rest = timedelta(minutes=rule.value)
        chains = [list(spans[0])]
        for start, end in spans[1:]:
            if start - chains[-1][1] < rest:
                chains[-1][1] = max(chains[-1][1], end)
            else:
                chains.append([start, end])
        for start, end in chains:
            years = age(born, local(start).date())
            banded = (rule.age_from is None or years >= rule.age_from) and (
                rule.age_to is None or years <= rule.age_to
            )
            if banded and timedelta(days=1) - (end - start) < rest:
                broken.append(f"rest after {start}")
    return broken


@pytest.mark.parametrize("rule_set", ["uk", "tight", "us-or-portland"])
@settings(
    max_examples=10,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(workers=people, shifts=work, seed=st.integers(0, 2**16))
def test_no_booking_the_exchange_makes_breaks_a_rule_of_its_market(
    template, tmp_path_factory, rule_set, workers, shifts, seed
):
    path = tmp_path_factory.mktemp("example") / "poems.db"
    shutil.copy(template, path)
    db = run_market(str(path), rule_set, workers, shifts, seed)
    try:
        with db.read() as session:
            market = session.exec(select(Market)).one()
            rows = session.exec(
                select(LabourRule).where(
                    LabourRule.rule_set == rule_set, col(LabourRule.withdrawn_at).is_(None)
                )
            ).all()
            skipped = session.exec(select(OfferSkip.rule)).all()
            for rule in sorted(set(skipped)):
                event(f"left out by {rule}")
            for worker in session.exec(select(Worker)).all():
                booked = session.exec(
                    select(Booking, Shift)
                    .join(Shift, col(Shift.id) == Booking.shift_id)
                    .where(Booking.worker_id == worker.id, Booking.status == "booked")
                ).all()
                event(f"a worker with {min(len(booked), 5)} bookings")
                assert broken_rules(rows, ZoneInfo(market.tz), worker, booked) == [], worker
    finally:
        db.dispose()
