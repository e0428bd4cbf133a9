"""Pictures of the main screens at 80x24 and 120x40, on the sample market at a fixed clock.

Update them with `pytest tests/poems_tui/test_snapshots.py --snapshot-update` and look at the
report before committing.
"""

import pytest

from poems_tui.screens.shift_forms import PostShiftScreen
from poems_tui.screens.worker import WorkerScreen
from services.phone import conversation
from tests.poems_tui.helpers import post_form_with_a_mistake, rows, shown, wait_for

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@SIZES
class TestSignIn:
    def test_the_sign_in_screen(self, snap_compare, make_app, size):
        app = make_app(operator=None, demo_hint="Demo accounts: staff / staff")
        assert snap_compare(app, terminal_size=size)


@SIZES
class TestHelpAndSigningOut:
    def test_the_help_over_the_workers_table(self, snap_compare, make_app, size):
        async def opened(pilot):
            await pilot.press("2")
            await wait_for(pilot, lambda: rows(pilot.app, "workers"))
            await pilot.press("question_mark")
            await wait_for(pilot, lambda: "Keys here" in shown(pilot.app))
            await pilot.pause(0.2)

        assert snap_compare(make_app(), terminal_size=size, run_before=opened)

    def test_signed_out(self, snap_compare, make_app, size):
        async def signed_out(pilot):
            await wait_for(pilot, lambda: rows(pilot.app, "feed"))
            await pilot.press("ctrl+o")
            await wait_for(pilot, lambda: "Signed out" in shown(pilot.app))

        assert snap_compare(make_app(), terminal_size=size, run_before=signed_out)


@SIZES
class TestLive:
    def test_the_feed_newest_first(self, snap_compare, make_app, size):
        async def loaded(pilot):
            await wait_for(pilot, lambda: rows(pilot.app, "feed"))
            # The table sizes its Text column on the next idle, after the rows are in.
            await pilot.pause(0.2)

        assert snap_compare(make_app(), terminal_size=size, run_before=loaded)


@SIZES
class TestWorkers:
    def test_the_table(self, snap_compare, make_app, size):
        async def loaded(pilot):
            await pilot.press("2")
            await wait_for(pilot, lambda: rows(pilot.app, "workers"))

        assert snap_compare(make_app(), terminal_size=size, run_before=loaded)

    def test_a_workers_record(self, snap_compare, make_app, size):
        async def opened(pilot):
            await pilot.press("2")
            await wait_for(pilot, lambda: rows(pilot.app, "workers"))
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("enter")
            await wait_for(
                pilot,
                lambda: isinstance(pilot.app.screen, WorkerScreen) and pilot.app.screen.record,
            )

        assert snap_compare(make_app(), terminal_size=size, run_before=opened)


@SIZES
class TestShifts:
    def test_the_board(self, snap_compare, make_app, size):
        async def loaded(pilot):
            await pilot.press("3", "right")
            await wait_for(pilot, lambda: len(rows(pilot.app, "shifts")) == 2)

        assert snap_compare(make_app(), terminal_size=size, run_before=loaded)

    def test_the_post_form(self, snap_compare, make_app, size):
        async def opened(pilot):
            await pilot.press("3")
            await pilot.pause()
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, PostShiftScreen))
            await pilot.pause(0.3)

        assert snap_compare(make_app(), terminal_size=size, run_before=opened)


@SIZES
class TestPhone:
    def test_a_conversation(self, snap_compare, make_app, size):
        async def picked(pilot):
            await pilot.press("5")
            await pilot.pause()
            pilot.app.screen.pick("+447700900103")
            expected = len(conversation(pilot.app.db, "+447700900103"))
            await wait_for(pilot, lambda: len(pilot.app.screen.query(".bubble")) == expected)
            await pilot.pause(0.2)

        assert snap_compare(make_app(), terminal_size=size, run_before=picked)


@SIZES
class TestSettings:
    def test_the_settings_form(self, snap_compare, make_app, size):
        async def loaded(pilot):
            await pilot.press("6")
            await wait_for(pilot, lambda: pilot.app.screen.query_one("#markup_bp").value)

        assert snap_compare(make_app(operator="admin"), terminal_size=size, run_before=loaded)


@SIZES
class TestDisputes:
    def test_the_queue(self, snap_compare, make_app, opened, size):
        async def loaded(pilot):
            await pilot.press("7")
            await wait_for(pilot, lambda: rows(pilot.app, "disputes"))

        assert snap_compare(make_app(operator="admin"), terminal_size=size, run_before=loaded)

    def test_a_disputes_page(self, snap_compare, make_app, opened, size):
        async def opened_page(pilot):
            await pilot.press("7")
            await wait_for(pilot, lambda: rows(pilot.app, "disputes"))
            await pilot.press("enter")
            await wait_for(pilot, lambda: "Timeline" in shown(pilot.app))

        assert snap_compare(make_app(operator="fran"), terminal_size=size, run_before=opened_page)


@SIZES
class TestHealth:
    def test_a_franchisees_health(self, snap_compare, make_app, size):
        async def loaded(pilot):
            await pilot.press("8")
            await wait_for(pilot, lambda: "Last 12 weeks" in shown(pilot.app))
            await pilot.pause(0.2)

        assert snap_compare(make_app(operator="fran"), terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("theme", ["light", "ansi"])
class TestThemes:
    """A light terminal, and one with only its own 16 colours: the feed and a form with a mistake."""

    def test_the_feed(self, snap_compare, make_app, theme):
        async def loaded(pilot):
            await wait_for(pilot, lambda: rows(pilot.app, "feed"))
            await pilot.pause(0.2)

        app = make_app(theme=theme)
        assert snap_compare(app, terminal_size=(80, 24), run_before=loaded)

    def test_a_form_flagging_a_mistake(self, snap_compare, make_app, theme):
        app = make_app(theme=theme)
        assert snap_compare(app, terminal_size=(80, 24), run_before=post_form_with_a_mistake)
