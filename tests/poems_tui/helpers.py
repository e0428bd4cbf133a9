"""Waiting for the console and reading what it shows."""

import time
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Static

from poems_tui.screens.live import LiveScreen
from poems_tui.screens.shift_forms import PostShiftScreen


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = 5.0) -> float:
    """Pause until `condition()` is true; the seconds it took. Fails after `timeout`."""
    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > timeout:
            raise AssertionError(f"not true within {timeout}s: {condition}")
        await pilot.pause(0.05)
    return time.monotonic() - began


async def signed_in(pilot: Pilot) -> None:
    """Until the first screen is open with who signed in shown in its header: a test that ends
    sooner leaves the header to draw the name while the console closes, and Textual fails there
    (NoMatches for HeaderTitle)."""
    app = pilot.app
    await wait_for(
        pilot,
        lambda: (
            isinstance(app.screen, LiveScreen)
            and app.who is not None
            # a screenshot writes spaces as &#160;: the surname alone is looked for
            and app.who.name.split()[-1] in app.export_screenshot()
        ),
    )


def shown(app: App) -> str:
    """The words on the current screen: every Static's text and every table cell."""
    parts = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.content))
    for table in app.screen.query(DataTable):
        for index in range(table.row_count):
            parts.append(" | ".join(str(cell) for cell in table.get_row_at(index)))
    return "\n".join(parts)


def rows(app: App, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def open_the_post_form(pilot: Pilot) -> Screen:
    """The Shifts screen's post form, open: it opens once the market's buyers are read."""
    await pilot.press("3")
    await pilot.pause()
    await pilot.press("n")
    await wait_for(pilot, lambda: post_form_shown(pilot.app))
    return pilot.app.screen


def post_form_shown(app: App) -> bool:
    """Whether the post form is the screen, its boxes mounted (under load the screen is pushed
    a moment before its children are there to query)."""
    return isinstance(app.screen, PostShiftScreen) and bool(app.screen.query("#skill"))


async def post_form_with_a_mistake(pilot: Pilot) -> None:
    """The Shifts screen's post form open, with a skill the market does not have typed in."""
    await open_the_post_form(pilot)
    pilot.app.screen.query_one("#skill").focus()
    await pilot.press(*"plumbing")
    await wait_for(pilot, lambda: "One of: care, cleaning" in shown(pilot.app))


# The key names Textual gives the punctuation a clerk types into forms.
_PUNCTUATION_KEYS = {" ": "space", "/": "slash", ".": "full_stop", "-": "minus", ",": "comma"}


async def type_in_one_burst(pilot: Pilot, *typed: str) -> None:
    """Each text, then Enter, arriving together as a fast typist's keys reach a busy console:
    nothing is handled before the next key is already waiting."""
    keys = []
    for text in typed:
        keys += [(_PUNCTUATION_KEYS.get(char, char), char) for char in text]
        keys.append(("enter", "\r"))
    await _in_one_burst(pilot, keys)


async def press_in_one_burst(pilot: Pilot, *keys: str) -> None:
    """Named keys ("right", "enter") arriving together, as `type_in_one_burst` sends text."""
    await _in_one_burst(pilot, [(key, "\r" if key == "enter" else None) for key in keys])


async def _in_one_burst(pilot: Pilot, keys: list[tuple[str, str | None]]) -> None:
    driver = pilot.app._driver
    for key, char in keys:
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
