"""Live: a new text shows within a second, newest first; the feed filters by phone or word."""

import inspect
import threading

from poems_tui.app import PoemsConsole
from sms import inbound
from tests.poems_tui.helpers import rows, wait_for


async def test_a_new_text_shows_at_the_top_at_the_next_poll(make_app, console_db, fixed_now):
    # The poll is driven by hand here, so the test does not depend on how busy the machine is.
    app = make_app(operator="staff", tick_seconds=3600, gateway=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: rows(app, "feed"))
        # From another thread, as the webhook would: the console only reads the database.
        sender = threading.Thread(
            target=inbound.deliver, args=(console_db, "+447700900104", "SHIFTS", fixed_now)
        )
        sender.start()
        sender.join()
        await pilot.pause(0.1)
        assert rows(app, "feed")[0][4] != "SHIFTS"
        app.screen.poll()
        await wait_for(pilot, lambda: rows(app, "feed")[0][4] == "SHIFTS")
        assert rows(app, "feed")[0][2] == "Dara Okafor"


def test_the_console_polls_for_new_texts_at_least_once_a_second():
    assert inspect.signature(PoemsConsole).parameters["tick_seconds"].default <= 1.0


async def test_the_feed_filters_by_word_and_by_phone(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: rows(app, "feed"))
        await pilot.press("slash", *"DBS")
        await wait_for(pilot, lambda: all("DBS" in row[4] for row in rows(app, "feed")))
        assert rows(app, "feed")
        app.screen.query_one("#feed-filter").value = "07700 900103"
        await wait_for(pilot, lambda: {row[2] for row in rows(app, "feed")} == {"Chen Wei"})
