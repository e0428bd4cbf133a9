"""The sandbox: fictitious people on its own database, every text marked, none ever sent out."""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sqlmodel import select

from exchange.sandbox import is_sandbox, mark_sandbox
from poems.cli import main
from poems.sandbox import MARK, SandboxGateway, open_sandbox, sandbox_console
from sms import twilio_gateway
from sms.twilio_gateway import outbound_gateway, twilio_gateway_from_env
from store.db import Database
from store.migrate import upgrade
from store.models import Message, Worker
from tests import factories
from tests.conftest import NOW
from tests.poems_tui.helpers import wait_for
from tests.twilio_double import ACCOUNT_SID, AUTH_TOKEN, LoopbackHttpClient


@pytest.fixture
def twilio_configured(monkeypatch, twilio_double):
    """TWILIO_* set, and any Twilio client the code makes talks to the loopback double."""
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", AUTH_TOKEN)
    monkeypatch.setenv("TWILIO_FROM", "+447700900000")
    monkeypatch.setattr(
        twilio_gateway,
        "TwilioHttpClient",
        lambda timeout=10.0: LoopbackHttpClient(twilio_double.base_url),
    )
    return twilio_double


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_a_sandbox_session_never_reaches_the_twilio_gateway(twilio_configured, tmp_path):
    # The settings do reach the double when the real gateway is built from them...
    twilio_gateway_from_env(os.environ).send("+447700900999", "wiring check")
    assert twilio_configured.requests == 1
    # ...and a whole sandbox session adds nothing to it.
    url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    result = run("sandbox", "--script", "--db", url, "--at", "2026-11-26T10:00")
    assert result.exit_code == 0, result.output
    assert twilio_configured.requests == 1
    database = Database(url)
    with database.read() as session:
        sent = session.exec(select(Message).where(Message.direction == "out")).all()
    database.dispose()
    assert len(sent) >= 5


def test_every_line_and_text_of_a_sandbox_session_is_marked(tmp_path):
    url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    result = run("sandbox", "--script", "--db", url, "--at", "2026-11-26T10:00")
    lines = result.output.splitlines()
    assert "SANDBOX" in lines[0] and all(line.startswith(MARK) for line in lines[1:])
    texts = [line.split(" < ", 1)[1] for line in lines if " < " in line]
    assert texts and all(text.startswith(MARK) for text in texts)


def test_the_sandbox_gateway_marks_and_keeps_every_text():
    gateway = SandboxGateway()
    result = gateway.send("+447700900101", "Booked: care")
    assert result.status == "delivered"
    assert [m.body for m in gateway.sent] == ["[SANDBOX] Booked: care"]


def test_the_transcript_holds_every_text_offer_reason_and_booking(tmp_path):
    url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    run("sandbox", "--script", "--db", url, "--at", "2026-11-26T10:00")
    out = tmp_path / "transcript.txt"
    result = run("sandbox", "--db", url, "transcript", "--out", str(out))
    assert result.exit_code == 0, result.output
    transcript = out.read_text()
    assert transcript.startswith("POEMS SANDBOX TRANSCRIPT")
    assert "by the rule; asked £" in transcript
    assert "BOOKED  S1: Ann Example at £13.00/hr" in transcript
    assert "from Chen Example (+447700900103): WHY" in transcript


def test_the_sandbox_refuses_a_real_exchanges_database(db, now, sqlite_url):
    with db.write() as session:
        factories.worker(session, "+447700900101", now)
    result = CliRunner().invoke(main, ["sandbox", "--script", "--db", sqlite_url])
    assert result.exit_code != 0 and "not a sandbox" in result.output


def test_the_sandbox_is_seeded_once_and_labelled(tmp_path):
    url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    for _ in range(2):
        open_sandbox(url, NOW).dispose()
    database = Database(url)
    upgrade(database, env={})
    with database.read() as session:
        assert is_sandbox(session) and len(session.exec(select(Worker)).all()) == 6
    database.dispose()


async def test_every_console_screen_of_the_sandbox_is_marked_sandbox(tmp_path):
    """The console `poems sandbox` runs, signed in through its own sign-in screen."""
    from poems_tui.app import PoemsConsole
    from poems_tui.roles import KEYS

    database = open_sandbox(f"sqlite:///{tmp_path / 'sandbox.db'}", NOW)
    app = sandbox_console(database, cursor_blink=False, clock=lambda: NOW)
    assert isinstance(app, PoemsConsole) and isinstance(app.gateway, SandboxGateway)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "SANDBOX" in app.export_screenshot()  # the sign-in screen
            app.screen.query_one("#username").value = "sandbox"
            app.screen.query_one("#password").value = "sandbox"
            app.screen.query_one("#password").focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.who is not None)
            assert "phone" in app.screens_allowed
            # The phone and settings last: their forms take the number keys as typing.
            for name in sorted(app.screens_allowed, key=lambda name: name in ("phone", "settings")):
                await pilot.press(KEYS[name])
                await wait_for(pilot, lambda name=name: app.current_mode == name)
                await pilot.pause()
                assert "SANDBOX" in app.export_screenshot(), name
    finally:
        database.dispose()


def test_poems_serve_refuses_a_sandbox_database_with_twilio_settings(tmp_path):
    url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    database = Database(url)
    upgrade(database, env={})
    with database.write() as session:
        mark_sandbox(session, NOW)
    database.dispose()
    env = os.environ | {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM": "+447700900000",
    }
    # Today's code would start serving and never return: the timeout fails the test then.
    done = subprocess.run(
        [sys.executable, "-m", "poems", "serve", "--db", url, "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "is a sandbox" in done.stderr and "TWILIO_ACCOUNT_SID" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_sandbox_takes_the_simulator_when_no_twilio_setting_is_set():
    assert outbound_gateway({}, sandbox=True).name == "simulator"
    with pytest.raises(ValueError, match="sandbox"):
        outbound_gateway({"POEMS_OUTBOUND": "twilio"}, sandbox=True)
