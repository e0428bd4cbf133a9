"""The Health screen: a franchisee's own markets over 12 weeks, the weekly rates chart and
table, and their share of each sector against the cap."""

from exchange.franchises import measure_shares
from exchange.health import WEEKS, health
from exchange.money import format_money
from tests.conftest import NOW
from tests.poems_tui.helpers import rows, shown, wait_for


async def test_a_franchisee_sees_their_markets_health(make_app, console_db):
    with console_db.read() as session:
        london = health(session, NOW, [1], None)
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: len(rows(app, "weeks")) == WEEKS)
        text = shown(app)
        weeks = rows(app, "weeks")
        chart = app.screen.query_one("#rates").data
    filled = f"places filled {100 * london.filled / london.slots:.0f}% ({london.filled} of {london.slots})"
    assert filled in text
    assert london.bookings > 0
    assert [row[1] for row in weeks] == [str(week.bookings) for week in london.weeks]
    last = london.weeks[-1]
    assert weeks[-1][3] == (format_money(last.median, "GBP") if last.median else "-")
    assert chart == [week.median or 0 for week in london.weeks]
    assert (
        "Share of each sector (last 90 days): general: 100.0% of booked hours, cap 30%: OVER"
        in text
    )


async def test_kays_health_holds_none_of_londons_bookings(make_app, console_db):
    app = make_app(operator="kay")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: len(rows(app, "weeks")) == WEEKS)
        assert all(row[1] == "0" for row in rows(app, "weeks"))
        assert "places filled none yet" in shown(app)


async def test_the_monthly_flag_says_what_must_be_divested(make_app, console_db):
    with console_db.write() as session:
        (flag,) = measure_shares(session, NOW)
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await wait_for(pilot, lambda: "Flagged this month" in shown(app))
        text = shown(app)
    assert f"Flagged this month: {flag.share_bp / 100:.1f}% of general booked hours" in text
    assert "against a cap of 30%: hand on markets worth at least" in text
