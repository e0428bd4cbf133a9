"""Market health from stored records: fill rate, time to fill, rates paid by week, no-show and
dispute rates, and the franchisee's sector share against the cap."""

from datetime import timedelta

from exchange import disputes, offers
from exchange.franchises import franchise_of
from exchange.health import health
from exchange.operators import add_operator
from exchange.public import booked_work_rows
from tests import factories
from tests.bookings import book


def test_health_counts_what_was_stored(db, now):
    with db.write() as session:
        fran = add_operator(session, "fran", "Fran", "franchisee", "password1", now)
        ann, _, _ = book(session, now, phone="+447700900101", rate=1300, name="Ann")
        bob, _, _ = book(
            session, now + timedelta(minutes=30), phone="+447700900102", rate=1500, name="Bob"
        )
        book(session, now, phone="+447700900103", rate=1700, name="Cy")
        factories.shift(session, now)  # nobody took it
        ann.arrived = False
        session.add(ann)
        disputes.open_dispute(session, bob.id, "worker", "pay", "paid 2 hours not 4", now)
        market = factories.market(session)
        market.franchise_id = franchise_of(session, fran, now).id
        session.add(market)
        session.flush()
        # The Tuesday after: the week the shifts were in is complete, so published.
        later = now + timedelta(days=5)
        found = health(session, later, [market.id], fran.id)
        everyone = health(session, later, None, None)
        other = health(session, later, [market.id + 1], fran.id)
    assert (found.slots, found.filled, found.fill_rate) == (4, 3, 0.75)
    assert found.median_fill_minutes == 0
    assert (found.bookings, found.no_shows, found.disputes) == (3, 1, 1)
    # Three workers: the published week is withheld, and so Health shows it withheld.
    assert [(week.week, week.withheld, week.median) for week in found.weeks] == [
        ("2026-W48", True, None)
    ]
    (share,) = found.shares
    assert (share.sector, share.share_bp, share.over) == ("general", 10_000, True)
    assert everyone.bookings == 3
    assert (other.slots, other.bookings, other.fill_rate, other.dispute_rate) == (0, 0, None, None)


def test_time_to_fill_runs_from_posting_to_the_last_slots_booking(db, now):
    with db.write() as session:
        start = (now + timedelta(days=1)).replace(hour=9, minute=0)
        workers = [
            factories.worker(session, f"+44770090010{n}", now, free_from=start) for n in (1, 2)
        ]
        shift = factories.shift(session, now, slots=2, start=start)
        sent = {o.worker_id: o for o in offers.send_wave(session, shift.id, now)}
        for minutes, worker in zip((20, 90), workers, strict=True):
            answer = offers.accept(
                session, worker.id, sent[worker.id].ref, now + timedelta(minutes=minutes)
            )
            assert answer.outcome == "booked"
        found = health(session, now + timedelta(days=2), None, None)
    assert (found.filled, found.median_fill_minutes) == (2, 90)


def test_the_weekly_figures_are_the_published_ones(db, now):
    with db.write() as session:
        for n, rate in enumerate((1300, 1350, 1400, 1500, 1700)):
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
