"""`poems demo` in a real terminal: sign in, text the exchange from the Phone screen, read the reply."""

import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed (CI installs it with apt-get install tmux)",
)


def screen(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-t", session, "-p"], capture_output=True, text=True, check=False
    ).stdout


def wait_for_text(session: str, text: str, timeout: float = 20.0) -> str:
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        shown = screen(session)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen(session)}")


def keys(session: str, *typed: str) -> None:
    for key in typed:
        subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
        # A person's pace: a key that moves focus is handled before the next one arrives.
        time.sleep(0.15)


def burst(session: str, *typed: str) -> None:
    """Keys sent at once, as a fast typist's type-ahead arrives."""
    subprocess.run(["tmux", "send-keys", "-t", session, *typed], check=True)


def test_the_demo_signs_in_and_the_phone_gets_a_reply(tmp_path):
    session = f"poems-{uuid.uuid4().hex[:8]}"
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    command = f"{sys.executable} -m poems demo --db {url}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command], check=True
    )
    try:
        wait_for_text(session, "Sign in", timeout=30)
        # Typed ahead in one burst: the Tab must move on before the password arrives.
        burst(session, "staff", "Tab", "staff", "Enter")
        wait_for_text(session, "1 Live")
        keys(session, "5")
        wait_for_text(session, "Or pick a worker")
        keys(session, "07700 900888", "Enter")
        wait_for_text(session, "+447700900888")
        keys(session, "hello", "Enter")
        shown = wait_for_text(session, "What is your name?")
        assert "hello" in shown
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
