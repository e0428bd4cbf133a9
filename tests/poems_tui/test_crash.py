"""A fault in the console: one line saying what broke, a hint, the traceback in a file, and an
exit status that is not 0."""

from pathlib import Path

import pytest
from textual.binding import Binding

from poems_tui.app import PoemsConsole
from poems_tui.crash import run_console
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
