"""Market health from stored records: fill rate, time to fill, rates paid by week, no-show and
dispute rates, and the franchisee's sector share against the cap. Rule 5 holds as in the
publication: nothing from fewer than five workers, and only complete weeks."""

from datetime import timedelta

import pytest

from exchange import disputes, offers
from exchange.franchises import franchise_of
from exchange.health import health
from exchange.operators import add_operator
from exchange.public import booked_work_rows
from tests import factories
from tests.bookings import book

RATES = (1300, 1350, 1400, 1500, 1700)
COUNTS = ("workers", "slots", "filled", "median_fill_minutes", "bookings", "no_shows", "disputes")


def booked_week(session, now, workers: int) -> None:
    """`workers` workers booked on shifts tomorrow (week 2026-W48), one more shift nobody took;
    the first worker did not come and the second disputes their pay."""
    booked = [
        book(session, now, phone=f"+44770090010{n}", rate=RATES[n], name=f"Worker {n}")[0]
        for n in range(workers)
    ]
    factories.shift(session, now)
    booked[0].arrived = False
    session.add(booked[0])
    disputes.open_dispute(session, booked[1].id, "worker", "pay", "paid 2 hours not 4", now)


def test_health_counts_what_was_stored(db, now):
    with db.write() as session:
        fran = add_operator(session, "fran", "Fran", "franchisee", "password1", now)
        booked_week(session, now, workers=5)
        market = factories.market(session)
        market.franchise_id = franchise_of(session, fran, now).id
        session.add(market)
        session.flush()
        # The Tuesday after: the week the shifts were in is complete.
        later = now + timedelta(days=5)
        found = health(session, later, [market.id], fran.id)
        everyone = health(session, later, None, None)
        other = health(session, later, [market.id + 1], fran.id)
    assert (found.workers, found.slots, found.filled, found.fill_rate) == (5, 6, 5, 5 / 6)
    assert found.median_fill_minutes == 0
    assert (found.bookings, found.no_shows, found.disputes) == (5, 1, 1)
    assert (found.no_show_rate, found.dispute_rate) == (0.2, 0.2)
    (share,) = found.shares
    assert (share.sector, share.share_bp, share.over) == ("general", 10_000, True)
    assert everyone.bookings == 5
    assert other.withheld and other.fill_rate is None and other.weeks == []


@pytest.mark.parametrize("workers", [4, 5])
def test_no_figure_from_four_workers_and_every_figure_from_five(db, now, workers):
    """Rule 5: the counts, rates and weekly quartiles Health shows describe five workers or none."""
    with db.write() as session:
        booked_week(session, now, workers)
        found = health(session, now + timedelta(days=5), None, None)
    (week,) = found.weeks
    figures = [getattr(found, name) for name in COUNTS]
    rates = (found.fill_rate, found.no_show_rate, found.dispute_rate)
    if workers == 4:
        assert found.withheld and week.withheld
        assert figures == [None] * len(COUNTS) and rates == (None, None, None)
        assert (week.workers, week.bookings, week.q1, week.median, week.q3) == (None,) * 5
    else:
        assert not found.withheld and not week.withheld
        assert figures == [5, 6, 5, 0, 5, 1, 1]
        assert (week.workers, week.q1, week.median, week.q3) == (5, 1350, 1400, 1500)


def test_a_booking_counts_only_once_its_week_is_complete(db, now):
    """The figures move a week at a time, so no reload singles out one booking's outcome."""
    with db.write() as session:
        booked_week(session, now, workers=5)
        before = health(session, now + timedelta(days=5), None, None)
        late = book(session, now + timedelta(days=4), phone="+447700900199", name="Late")[0]
        late.arrived = False
        session.add(late)
        session.flush()
        running = health(session, now + timedelta(days=6), None, None)
        after = health(session, now + timedelta(days=12), None, None)
    assert (running.bookings, running.no_shows) == (before.bookings, before.no_shows) == (5, 1)
    assert (after.bookings, after.no_shows) == (6, 2)


def test_time_to_fill_runs_from_posting_to_the_last_slots_booking(db, now):
    with db.write() as session:
        start = (now + timedelta(days=1)).replace(hour=9, minute=0)
        workers = [
            factories.worker(session, f"+44770090010{n}", now, free_from=start) for n in range(5)
        ]
        shift = factories.shift(session, now, slots=5, start=start)
        sent = {o.worker_id: o for o in offers.send_wave(session, shift.id, now)}
        for minutes, worker in zip((20, 35, 50, 70, 90), workers, strict=True):
            answer = offers.accept(
                session, worker.id, sent[worker.id].ref, now + timedelta(minutes=minutes)
            )
            assert answer.outcome == "booked"
        found = health(session, now + timedelta(days=5), None, None)
    assert (found.filled, found.median_fill_minutes) == (5, 90)


def test_the_weekly_figures_are_the_published_ones(db, now):
    with db.write() as session:
        for n, rate in enumerate(RATES):
            book(session, now, phone=f"+44770090011{n}", rate=rate, name=f"Worker {n}")
        market = factories.market(session)
        later = now + timedelta(days=5)
        (week,) = health(session, later, [market.id], None).weeks
        (row,) = [
            row
            for row in booked_work_rows(session, market, later)
            if (row["table"], row["skill"], row["area"]) == ("skill_area", "*", "*")
        ]
    assert not week.withheld
    assert (week.market, week.week, week.workers, week.bookings) == (
        market.name,
        row["week"],
        5,
        5,
    )
    assert (week.q1, week.median, week.q3) == (row["rate_q1"], row["rate_median"], row["rate_q3"])
    assert (week.q1, week.median, week.q3) == (1350, 1400, 1500)
