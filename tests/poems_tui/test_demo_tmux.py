"""`poems demo` in a real terminal, driven with tmux as a person would type."""

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from poems_tui.sample import DEMO_OPERATORS

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed (CI installs it with apt-get install tmux)",
)
REPO = Path(__file__).resolve().parents[2]
# Every fault the console could print: Python's and Textual's ways of showing a traceback.
TRACEBACK_WORDS = ("Traceback", "Error:", "stopped on a fault")


class Terminal:
    """A tmux session running one command; counts every keystroke sent to it."""

    def __init__(self, command: str, size: tuple[int, int] = (100, 30), env=None) -> None:
        self.name = f"poems-{uuid.uuid4().hex[:8]}"
        # A tmux server of its own: on the shared one, a session started as another test's last
        # session ends meets a server on its way out, and fails.
        self.tmux = ["tmux", "-L", self.name]
        self.keystrokes = 0
        settings = [f"{key}={value}" for key, value in (env or {}).items()]
        subprocess.run(
            [
                *self.tmux,
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(size[0]),
                "-y",
                str(size[1]),
            ]
            + ["-c", str(REPO), "env", *settings, "bash", "-c", command],
            check=True,
        )
        # Keep the pane after the command ends, so a crash's last words can be read.
        subprocess.run(
            [*self.tmux, "set-option", "-t", self.name, "remain-on-exit", "on"], check=True
        )

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-t", self.name, "-p"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def wait_until_gone(self, text: str, timeout: float = 60.0) -> None:
        began = time.monotonic()
        while text in self.screen():
            if time.monotonic() - began > timeout:
                raise AssertionError(f"{text!r} still shown; the screen was:\n{self.screen()}")
            time.sleep(0.2)

    def wait_for(self, *texts: str, timeout: float = 60.0) -> str:
        """The screen once every one of `texts` is on it at once: a screen captured while the
        console redraws it may hold one and not yet the other."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            shown = self.screen()
            if all(text in shown for text in texts):
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{texts!r} never all appeared; the screen was:\n{self.screen()}")

    def type(self, text: str) -> None:
        """Text as typed, one keystroke a character."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)
        self.keystrokes += len(text)
        time.sleep(0.2)

    def press(self, *keys: str) -> None:
        """Named keys (Enter, Tab, Escape, Right), one keystroke each, at a person's pace."""
        for key in keys:
            subprocess.run([*self.tmux, "send-keys", "-t", self.name, key], check=True)
            self.keystrokes += 1
            time.sleep(0.25)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], check=False)


def no_traceback(shown: str) -> None:
    for word in TRACEBACK_WORDS:
        assert word not in shown, f"the console showed {word!r}:\n{shown}"


def test_the_demo_signs_in_and_the_phone_gets_a_reply(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    term = Terminal(f"{sys.executable} -m poems demo --db {url}")
    try:
        term.wait_for("Sign in", timeout=60)
        # Typed ahead in one burst: the Tab must move on before the password arrives.
        subprocess.run(
            [*term.tmux, "send-keys", "-t", term.name, "staff", "Tab", "staff", "Enter"], check=True
        )
        term.wait_for("1 Live")
        term.press("5")
        term.wait_for("Or pick a worker")
        term.press("C-n")
        term.type("07700 900888")
        term.press("Enter")
        term.wait_for("+447700900888")
        term.type("hello")
        term.press("Enter")
        # the text as written and its reply, both on the phone
        term.wait_for("hello", "What is your name?")
    finally:
        term.close()


def test_each_demo_role_opens_help_and_signs_out_without_a_traceback(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    term = Terminal(f"{sys.executable} -m poems demo --db {url}")
    try:
        term.wait_for("Sign in", timeout=60)
        for username in ("staff", "admin", "fran", "audit"):
            password = DEMO_OPERATORS[username][2]
            term.type(username)
            term.press("Tab")
            term.type(password)
            term.press("Enter")
            term.wait_for(f"({DEMO_OPERATORS[username][1]})")
            # The first screen shown and its footer drawn: the next key is its own.
            term.wait_for("newest first, updating live")
            term.press("?")
            shown = term.wait_for("Keys here")
            no_traceback(shown)
            term.press("Escape")
            term.wait_until_gone("Keys here")
            term.press("C-o")
            no_traceback(term.wait_for("Signed out. Sign in to go on."))
    finally:
        term.close()


@pytest.mark.skipif(not (REPO / "requirements.lock").exists(), reason="needs the repository")
def test_a_walk_in_books_a_shift_from_scripts_demo_in_at_most_100_keystrokes(tmp_path):
    """README's "First five minutes": from `bash scripts/demo` on a fresh HOME, onboard a
    walk-in, text their availability from the Phone, post a shift for a buyer, book it with Y."""
    home = tmp_path / "home"
    home.mkdir()
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    term = Terminal(
        f"bash scripts/demo --at 2026-11-26T10:00 --db {url}",
        env={"HOME": home, "PATH": os.environ["PATH"]},
    )
    try:
        term.wait_for("Sign in", timeout=300)
        term.type("staff")
        term.press("Tab")
        term.type("staff")
        term.press("Enter")
        term.wait_for("1 Live")
        # Workers, n: the walk-in form; Enter moves to what is still missing, then signs up.
        term.press("2", "n")
        term.wait_for("Onboard a walk-in")
        # Pay here depends on age, so the form asks for a date of birth too.
        for text in ("07700900555", "Ann Lee", "care", "E1 6AN", "1/2/1990", "13"):
            term.type(text)
            term.press("Enter")
        term.wait_for("Ann Lee signed up")
        # Phone: the newest worker is first in the list; Enter holds their phone, and a person
        # types once the cursor is in its text box (the footer then offers esc, Leave field).
        term.press("5")
        term.wait_for("Or pick a worker")
        term.press("Enter")
        term.wait_for("Leave field")
        term.type("tomorrow 9-5")
        term.press("Enter")
        term.wait_for("Got it: free")
        # Shifts, n: a shift tomorrow at the buyer's own address, up to 15.00 an hour.
        term.press("Escape", "3", "n")
        term.wait_for("Post a shift for a buyer")
        term.type("Syd")
        term.press("Right", "Enter")
        term.type("care")
        term.press("Enter")
        term.type("15")
        term.press("Enter")
        term.wait_for("posted; offered to")
        # Ann's phone gets the offer; Y books it.
        term.press("5")
        term.wait_for("Work: care")
        term.press("Enter")
        term.wait_for("Leave field")
        term.type("Y")
        term.press("Enter")
        shown = term.wait_for("Booked")
        no_traceback(shown)
        assert term.keystrokes <= 100, term.keystrokes
    finally:
        term.close()
