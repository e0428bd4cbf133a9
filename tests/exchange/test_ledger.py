"""Settlement: balanced entries in minor units, cancellation pay, and a worker's earnings."""

import itertools
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from exchange import ledger, timesheets
from exchange.money import pay_for_minutes
from exchange.shifts import cancel_shift
from exchange.workers import update_terms
from store.models import Concession, LedgerEntry
from tests import factories
from tests.bookings import book, notices, submitted


def legs(session, **where):
    query = select(LedgerEntry)
    for field, value in where.items():
        query = query.where(getattr(LedgerEntry, field) == value)
    return {e.account: e.amount_minor for e in session.exec(query)}


def confirmed(session, now, minutes, tax=0, at=None, **terms):
    """A timesheet for `minutes` confirmed by the buyer at `at` (default the shift's end)."""
    timesheet, booking, shift, worker = submitted(session, now, minutes=minutes, **terms)
    update_terms(session, worker, now, tax_percent=tax)
    timesheets.buyer_confirm(session, shift.buyer_id, timesheet.ref, at or shift.end)
    return timesheet, booking, shift, worker


def test_the_worked_example_has_exact_figures(any_db, now):
    """4 h at £13.00, 2% markup, half to the franchisee, 20% tax."""
    with any_db.write() as session:
        market = factories.market(session)
        market.markup_bp, market.franchisee_share_bp = 200, 5000
        timesheet, booking, shift, worker = confirmed(session, now, 240, tax=20, rate=1300)
        buyer = shift.buyer_id
        assert legs(session, booking_id=booking.id) == {
            f"buyer:{buyer}": -5304,
            f"worker:{worker.id}": 4160,
            f"tax:{worker.id}": 1040,
            f"franchisee:{market.id}": 52,
            "operator": 52,
        }


def test_the_statement_shows_hours_rate_gross_withheld_and_net(any_db, now):
    with any_db.write() as session:
        confirmed(session, now, 240, tax=20, rate=1300)
        (statement,) = notices(session, "statement")
        # Money is kept in pence and worded in the worker's language when sent.
        shown = {"hours": "4h", "rate": 1300, "gross": 5200, "withheld": 1040, "tax": 20}
        assert shown.items() <= statement.data.items()
        assert statement.data["net"] == 4160


def test_the_buyer_receipt_shows_the_markup_and_its_split(any_db, now):
    with any_db.write() as session:
        confirmed(session, now, 240, rate=1300)
        (receipt,) = notices(session, "receipt")
        shown = {"gross": 5200, "markup": 104, "markup_pct": "2", "total": 5304}
        assert shown.items() <= receipt.data.items()
        assert (receipt.data["franchisee"], receipt.data["operator"]) == (52, 52)


def test_a_worker_without_tax_gets_no_tax_leg(any_db, now):
    with any_db.write() as session:
        timesheet, booking, shift, worker = confirmed(session, now, 60, tax=0)
        assert f"tax:{worker.id}" not in legs(session, booking_id=booking.id)


def test_settling_an_unconfirmed_timesheet_writes_nothing(any_db, now):
    with any_db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        assert ledger.settle(session, timesheet.id, shift.end) is None
        assert legs(session) == {}


@given(
    rate=st.integers(1, 100_000),
    minutes=st.integers(1, 24 * 60),
    markup=st.integers(0, 10_000),
    share=st.integers(0, 10_000),
    tax=st.integers(0, 60),
)
def test_every_split_balances(rate, minutes, markup, share, tax):
    figures = ledger.split(rate, minutes, markup, share, tax)
    assert figures.net + figures.withheld == figures.gross == pay_for_minutes(rate, minutes)
    assert figures.franchisee + figures.operator == figures.markup
    assert min(figures.net, figures.withheld, figures.franchisee, figures.operator) >= 0
    assert figures.total == figures.gross + figures.markup


PHONES = itertools.count(1)


@settings(
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    # From above the adult minimum wage: the law keeps lower asks off the exchange.
    rate=st.integers(1300, 100_000),
    minutes=st.integers(1, 24 * 60),
    markup=st.integers(0, 2_000),
    share=st.integers(0, 10_000),
    tax=st.integers(0, 60),
)
def test_the_ledger_always_sums_to_zero_and_settling_twice_writes_nothing(
    any_db, now, rate, minutes, markup, share, tax
):
    with any_db.write() as session:
        market = factories.market(session)
        market.markup_bp, market.franchisee_share_bp = markup, share
        market.booking_cap_minor = 10**9
        limits = session.exec(select(Concession)).one()
        limits.booking_cap_minor = 10**9
        session.add_all([market, limits])
        phone = f"+4477001{next(PHONES):05d}"
        timesheet, booking, shift, worker = confirmed(
            session, now, minutes, tax=tax, rate=rate, phone=phone
        )
        before = len(session.exec(select(LedgerEntry)).all())
        assert ledger.settle(session, timesheet.id, shift.end) is None
        entries = session.exec(select(LedgerEntry)).all()
        assert len(entries) == before
        by_txn = defaultdict(int)
        for entry in entries:
            by_txn[entry.txn] += entry.amount_minor
        assert all(total == 0 for total in by_txn.values())
        assert sum(entry.amount_minor for entry in entries) == 0
        mine = legs(session, booking_id=booking.id)
        net, withheld = mine.get(f"worker:{worker.id}", 0), mine.get(f"tax:{worker.id}", 0)
        assert net + withheld == pay_for_minutes(rate, minutes)


def test_a_late_cancellation_pays_the_markets_cancellation_time(any_db, now):
    with any_db.write() as session:
        booking, shift, worker = book(session, now, rate=1300)  # starts in 23 hours
        cancel_shift(session, shift.id, "no longer needed", now)
        paid = legs(session, kind="cancellation")
        assert paid[f"worker:{worker.id}"] == pay_for_minutes(1300, 120) == 2600
        assert paid[f"buyer:{shift.buyer_id}"] == -2652
        (statement,) = notices(session, "cancel_statement")
        assert statement.data["hours"] == "2h"


def test_a_cancellation_with_the_full_notice_pays_nothing(any_db, now):
    with any_db.write() as session:
        start = (now + timedelta(days=2)).replace(hour=9)
        booking, shift, worker = book(session, now, start=start)
        cancel_shift(session, shift.id, "no longer needed", now)
        assert legs(session) == {}
        assert notices(session, "cancel_statement") == []


def test_a_cancellation_exactly_at_the_notice_pays_nothing(any_db, now):
    with any_db.write() as session:
        booking, shift, worker = book(session, now)
        cancel_shift(session, shift.id, "no longer needed", shift.start - timedelta(hours=24))
        assert legs(session) == {}


def test_earnings_this_week_start_on_monday_at_local_midnight(db):
    posted = datetime(2026, 11, 20, 10, tzinfo=UTC)
    saturday, sunday = datetime(2026, 11, 21, 8, tzinfo=UTC), datetime(2026, 11, 22, 8, tzinfo=UTC)
    with db.write() as session:
        # London is on UTC in November: Sunday 23:30 is last week, Monday 00:30 this week.
        _paid_hour(session, posted, saturday, datetime(2026, 11, 22, 23, 30, tzinfo=UTC))
        worker = _paid_hour(session, posted, sunday, datetime(2026, 11, 23, 0, 30, tzinfo=UTC))
        thursday = datetime(2026, 11, 26, 10, tzinfo=UTC)
        got = ledger.earnings(session, worker.id, thursday, "Europe/London")
        assert (got.week.gross, got.month.gross) == (1300, 2600)


def test_earnings_this_month_start_at_local_midnight_on_the_first(db):
    posted = datetime(2026, 7, 28, 10, tzinfo=UTC)
    thursday, friday = datetime(2026, 7, 30, 8, tzinfo=UTC), datetime(2026, 7, 31, 8, tzinfo=UTC)
    with db.write() as session:
        # 22:59 UTC is 23:59 in London (summer time); 23:01 UTC is 00:01 on 1 August.
        _paid_hour(session, posted, thursday, datetime(2026, 7, 31, 22, 59, tzinfo=UTC), tax=20)
        worker = _paid_hour(session, posted, friday, datetime(2026, 7, 31, 23, 1, tzinfo=UTC), 20)
        wednesday = datetime(2026, 8, 5, 9, tzinfo=UTC)
        got = ledger.earnings(session, worker.id, wednesday, "Europe/London")
        assert got.month == ledger.Totals(gross=1300, withheld=260, net=1040)
        assert got.week == ledger.Totals()


def _paid_hour(session, posted, start, confirmed_at, tax=0):
    """One hour at £13.00 on a shift starting `start`, confirmed by the buyer at `confirmed_at`."""
    booking, shift, worker = book(session, posted, start=start, rate=1300)
    update_terms(session, worker, posted, tax_percent=tax)
    timesheet = timesheets.check_out(session, worker.id, shift.end, minutes=60)
    timesheets.buyer_confirm(session, shift.buyer_id, timesheet.ref, confirmed_at)
    return worker
