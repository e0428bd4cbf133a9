"""A fault in the console: one line saying what broke, a hint, the traceback in a file, and an
exit status that is not 0."""

from pathlib import Path

import pytest
from textual.binding import Binding

from poems_tui.app import TOAST_MARGIN, PoemsConsole
from poems_tui.crash import run_console
from poems_tui.roles import KEYS
from tests.conftest import NOW


class FaultyConsole(PoemsConsole):
    """The console with one key whose action fails, as a bug in a screen would."""

    BINDINGS = [*PoemsConsole.BINDINGS, Binding("ctrl+b", "fail", "Fail")]

    def action_fail(self) -> None:
        {}["disputes"]


def test_a_crash_prints_its_last_line_and_a_hint_and_exits_1(
    console_db, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    app = FaultyConsole(console_db, clock=lambda: NOW, operator="staff", cursor_blink=False)

    async def press_the_faulty_key(pilot) -> None:
        await pilot.pause(0.2)
        await pilot.press("ctrl+b")

    with pytest.raises(SystemExit) as stopped:
        run_console(app, headless=True, size=(80, 24), auto_pilot=press_the_faulty_key)

    assert stopped.value.code == 1
    said = capsys.readouterr().err.strip().splitlines()
    assert said[0] == "The POEMS console stopped on a fault: KeyError: 'disputes'"
    assert "Please send it to whoever looks after your exchange" in said[1]
    kept = Path(said[1].split("The whole traceback is in ")[1].split(". Please")[0])
    assert kept.is_relative_to(tmp_path)
    assert "in action_fail" in kept.read_text()
    # No screenful of traceback with local variables: the two lines are all.
    assert len(said) == 2


def test_a_console_closed_normally_exits_0(console_db, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    app = PoemsConsole(console_db, clock=lambda: NOW, operator="staff", cursor_blink=False)

    async def quit_at_once(pilot) -> None:
        await pilot.press("ctrl+q")

    run_console(app, headless=True, size=(80, 24), auto_pilot=quit_at_once)
    assert app.return_code == 0 and app.crash is None


async def test_a_toast_about_to_expire_is_not_drawn_again_so_no_timer_runs_backwards(make_app):
    """Textual times a toast by its notification's time left, read just after checking that
    some was left: one expiring in between gave a negative timer, which Textual runs for ever,
    and a walk of the console froze at 100% CPU. A toast about to expire is let go instead."""
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify("Saved", timeout=10)
        await pilot.pause()
        (notification,) = list(app._notifications)
        notification.raised_at -= 10 - (TOAST_MARGIN - 0.02)  # a moment before it expires
        await pilot.press(KEYS["workers"])  # a screen opened draws its toasts again
        # Let go when drawn again, not left to expire of itself.
        assert notification not in app._notifications
        await pilot.press(KEYS["live"])
        await pilot.pause()
        assert app.current_mode == "live"
