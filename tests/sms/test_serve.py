"""The webhook under a real uvicorn server on loopback, replying through the real twilio library."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlmodel import select
from twilio.request_validator import RequestValidator

from sms.twilio_gateway import TwilioGateway
from sms.webhook import create_app
from store.db import Database
from store.models import Message
from tests.serving import serve, signature, text_form
from tests.twilio_double import ACCOUNT_SID, AUTH_TOKEN, make_twilio_http_client

WORKER = "+447700900321"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError("timed out")


@pytest.fixture
def server(db, now, twilio_double):
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    gateway = TwilioGateway(
        ACCOUNT_SID,
        AUTH_TOKEN,
        from_number="+447700900000",
        http_client=make_twilio_http_client(twilio_double),
    )
    app = create_app(db, gateway, AUTH_TOKEN, public, clock=lambda: now)
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    wait_for(lambda: uv.started)
    yield public
    uv.should_exit = True
    thread.join(timeout=10)


def test_a_signed_text_over_real_http_is_answered_through_twilio(db, server, twilio_double):
    form = {"MessageSid": "SM" + "c" * 32, "From": WORKER, "To": "+447700900000", "Body": "hello"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(server + "/sms/inbound", form)
    response = httpx.post(
        server + "/sms/inbound", data=form, headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 200 and "<Response>" in response.text
    sent = wait_for(lambda: twilio_double.messages)
    assert sent[0].to == WORKER and "What is your name?" in sent[0].body

    def recorded():
        # A session of its own each time: one kept open reads the moment it began.
        with db.read() as session:
            return session.exec(select(Message).where(Message.direction == "out")).all()

    out = wait_for(recorded)
    assert out[0].provider_sid == sent[0].sid


def test_poems_serve_starts_and_refuses_unsigned_webhooks(sqlite_url):
    port = free_port()
    env = os.environ | {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM": "+447700900000",
        "POEMS_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "poems", "serve", "--db", sqlite_url, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"

        def healthy():
            try:
                return httpx.get(base + "/health").status_code == 200
            except httpx.TransportError:
                return False

        wait_for(healthy, seconds=60)
        unsigned = httpx.post(
            base + "/sms/inbound", data={"MessageSid": "SM1", "From": WORKER, "Body": "hi"}
        )
        assert unsigned.status_code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_poems_serve_with_twilio_half_set_says_what_is_missing_in_one_line(sqlite_url):
    env = os.environ | {"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_FROM": "+447700900000"}
    env.pop("TWILIO_AUTH_TOKEN", None)
    finished = subprocess.run(
        [sys.executable, "-m", "poems", "serve", "--db", sqlite_url, "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode != 0
    assert finished.stderr.strip().splitlines() == [
        "Error: Twilio is partly configured; missing TWILIO_AUTH_TOKEN"
    ]


def test_staging_signs_webhooks_with_twilio_and_keeps_replies_on_the_simulator(sqlite_url):
    port = free_port()
    env = os.environ | {
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "POEMS_OUTBOUND": "simulator",
        "POEMS_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_FROM", "TWILIO_MESSAGING_SERVICE_SID"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "poems", "serve", "--db", sqlite_url, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:

        def healthy():
            try:
                return httpx.get(base + "/health").status_code == 200
            except httpx.TransportError:
                return False

        wait_for(healthy, seconds=30)
        form = {"MessageSid": "SM" + "e" * 32, "From": WORKER, "To": "+447700900000", "Body": "hi"}
        signature = RequestValidator(AUTH_TOKEN).compute_signature(base + "/sms/inbound", form)
        assert httpx.post(base + "/sms/inbound", data=form).status_code == 403
        signed = httpx.post(
            base + "/sms/inbound", data=form, headers={"X-Twilio-Signature": signature}
        )
        assert signed.status_code == 200
        db = Database(sqlite_url)

        def replied():
            with db.read() as session:
                return session.exec(select(Message).where(Message.direction == "out")).first()

        reply = wait_for(replied, seconds=30)
        db.dispose()
        assert reply.phone == WORKER and "What is your name?" in reply.body
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=15)
    assert "sending through the simulator gateway" in errors


def test_a_worker_process_killed_is_started_again_and_texts_are_still_answered(
    db, twilio_double, tmp_path
):
    served = serve(db.url, twilio_double, tmp_path / "serve.log")
    try:
        killed = wait_for(
            lambda: (
                set(worker_processes(served.process.pid))
                if len(worker_processes(served.process.pid)) == 2
                else None
            )
        )
        # The actor and the sender, each with SIGKILL: nothing of theirs is cleaned up.
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        wait_for(lambda: len(set(worker_processes(served.process.pid)) - killed) == 2, seconds=30)
        wait_for(served.healthy, seconds=60)
        form = text_form("SM" + "d" * 32, WORKER, "hello")
        response = httpx.post(
            served.base + "/sms/inbound", data=form, headers=signature("/sms/inbound", form)
        )
        assert response.status_code == 200
        sent = wait_for(lambda: [m for m in twilio_double.messages if m.to == WORKER])
        assert "What is your name?" in sent[0].body
    finally:
        served.stop()


def worker_processes(pid: int) -> list[int]:
    """The processes `poems serve` started to act and to send (Linux's /proc)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            spawned = b"spawn_main" in (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid and spawned:
            found.append(int(entry.name))
    return found
