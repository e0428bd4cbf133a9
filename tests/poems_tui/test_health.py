"""The Health screen: a franchisee's own markets over 12 weeks, the published weekly figures as
a terminal chart and a table, and their share of each sector against the cap."""

import re
from datetime import timedelta

import pytest

from exchange.franchises import measure_shares
from exchange.health import health
from exchange.money import format_money
from tests.bookings import book
from tests.conftest import NOW
from tests.poems_tui.helpers import rows, shown, wait_for

WITHHELD = "fewer than 5 workers"


async def test_a_franchisee_sees_their_markets_health(make_app, two_weeks):
    with two_weeks.read() as session:
        london = health(session, NOW, [1], None)
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: "places filled" in shown(app))
        await wait_for(pilot, lambda: len(rows(app, "weeks")) == len(london.weeks))
        text = shown(app)
        weeks = rows(app, "weeks")
    filled = f"places filled {100 * london.filled / london.slots:.0f}% ({london.filled} of {london.slots})"
    assert filled in text
    assert london.workers >= 5
    assert (
        "Share of each sector (last 90 days): general: 100.0% of booked hours, cap 30%: OVER"
        in text
    )
    for row, week in zip(weeks, london.weeks, strict=True):
        assert row[1] == week.market
        assert row[2] == (WITHHELD if week.withheld else str(week.workers))


@pytest.fixture
def two_weeks(console_db):
    """Five workers booked in the week of 16 Nov, three in the week before: one week that is
    published and one that is withheld."""
    with console_db.write() as session:
        for n, rate in enumerate((1300, 1350, 1400, 1500, 1700)):
            book(session, NOW - timedelta(days=10), f"+44770090090{n}", rate, name=f"Five {n}")
        for n in range(3):
            book(session, NOW - timedelta(days=17), f"+44770090091{n}", 1600, name=f"Three {n}")
    return console_db


async def test_no_count_is_shown_from_fewer_than_five_workers(make_app, console_db):
    """Rule 5: four workers booked in the complete weeks, and the summary shows no count."""
    with console_db.write() as session:
        for n in range(4):
            book(session, NOW - timedelta(days=10), f"+44770090092{n}", 1400, name=f"Four {n}")
        london = health(session, NOW, [1], None)
    assert london.withheld
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: "Last 12 weeks" in shown(app))
        summary = str(app.screen.query_one("#health-summary").content)
    assert not re.search(r"\d+ of \d+", summary), summary
    assert "withheld: fewer than 5 workers were booked" in summary


async def test_the_weekly_chart_draws_only_the_published_figures(make_app, two_weeks):
    """A withheld week is left out of the line and says why in the table, never a zero."""
    with two_weeks.read() as session:
        london = health(session, NOW, [1], None)
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: len(rows(app, "weeks")) == len(london.weeks))
        chart = app.screen.query_one("#rates")
        plotted = chart.plotted
        drawn = str(chart.render())
        weeks = rows(app, "weeks")
    assert [(week.week, week.withheld) for week in london.weeks] == [
        ("2026-W46", True),
        ("2026-W47", False),
    ]
    assert plotted == {
        "Lower quartile": [(2, 13.5)],
        "Median": [(2, 14.0)],
        "Upper quartile": [(2, 15.0)],
    }
    assert "Hourly rate paid, published weeks" in drawn and "16 Nov" in drawn
    assert weeks == [
        ["Mon 9 Nov", "London", WITHHELD, "", "", "", ""],
        ["Mon 16 Nov", "London", "5", "5", "£13.50", "£14.00", "£15.00"],
    ]
    assert format_money(london.weeks[1].median, "GBP") == "£14.00"


async def test_kays_health_holds_none_of_londons_bookings(make_app, console_db):
    app = make_app(operator="kay")
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: "withheld: fewer than 5 workers" in shown(app))
        assert all(row[1] != "London" for row in rows(app, "weeks"))


async def test_the_monthly_flag_says_what_must_be_divested(make_app, console_db):
    with console_db.write() as session:
        (flag,) = measure_shares(session, NOW)
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: "Flagged this month" in shown(app))
        text = shown(app)
    assert f"Flagged this month: {flag.share_bp / 100:.1f}% of general booked hours" in text
    assert "against a cap of 30%: hand on markets worth at least" in text
