"""`poems serve` run as an operator runs it, in a process of its own: signatures on, texts sent
through the real twilio client to the Twilio-shaped double on loopback."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx
from twilio.request_validator import RequestValidator

from tests.twilio_double import ACCOUNT_SID, AUTH_TOKEN, TwilioDouble

POEMS = str(Path(sys.executable).parent / "poems")
PUBLIC = "https://poems.example.org"
EXCHANGE = "+447700900000"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check: Callable[[], T], seconds: float = 30.0, every: float = 0.05) -> T:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds} s")


@dataclass
class Served:
    """One `poems serve` process and the address it answers on."""

    process: subprocess.Popen
    base: str
    log: Path

    def healthy(self) -> bool:
        try:
            return httpx.get(self.base + "/health", timeout=1).status_code == 200
        except httpx.TransportError:
            return False

    def kill(self) -> None:
        """SIGKILL to the webhook and its worker at once: no shutdown, no flush, as when a
        container or a machine dies."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def serve(db_url: str, double: TwilioDouble, log: Path, **env: str) -> Served:
    """Start `poems serve` on a free port; returns once it answers /health."""
    port = free_port()
    settings = os.environ | {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM": EXCHANGE,
        "TWILIO_API_BASE_URL": double.base_url,
        "POEMS_PUBLIC_URL": PUBLIC,
        **env,
    }
    with log.open("ab") as errors:
        process = subprocess.Popen(
            [POEMS, "serve", "--db", db_url, "--port", str(port)],
            env=settings,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )
    served = Served(process, f"http://127.0.0.1:{port}", log)
    try:
        wait_for(lambda: served.healthy() or process.poll() is not None, seconds=60)
    except AssertionError:
        served.stop()
        raise
    if process.poll() is not None:
        raise AssertionError(f"poems serve exited: {log.read_text()[-2000:]}")
    return served


def signature(path: str, form: dict[str, str]) -> dict[str, str]:
    """The X-Twilio-Signature Twilio would send for this form to the public URL."""
    return {
        "X-Twilio-Signature": RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC + path, form)
    }


def text_form(sid: str, phone: str, body: str) -> dict[str, str]:
    return {
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": phone,
        "To": EXCHANGE,
        "Body": body,
    }
