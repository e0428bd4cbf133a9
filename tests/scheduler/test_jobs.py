"""The sweeps the scheduler runs: each idempotent, safe to run late or twice."""

import json
import time
from datetime import timedelta

from click.testing import CliRunner
from sqlmodel import func, select

from exchange import credentials
from exchange.operators import add_operator
from poems.cli import main
from scheduler.jobs import sweep_inbound, sweep_outbox
from scheduler.runner import start_scheduler
from sms.gateways import SimulatorGateway
from sms.inbound import receive
from store.models import CredentialCheck, Publication
from tests import factories
from tests.scheduler.day import Watching


def test_a_text_stored_but_not_acted_on_is_picked_up_by_the_sweep_once(db, now):
    receive(db, "+447700900321", "hello", now, sid="SM" + "b" * 32)
    assert sweep_inbound(db, now + timedelta(seconds=5)) == 1
    assert sweep_inbound(db, now + timedelta(seconds=10)) == 0
    assert sweep_outbox(db, SimulatorGateway(), now + timedelta(seconds=10)) == 1


def publications(db) -> int:
    with db.read() as session:
        return session.exec(select(func.count()).select_from(Publication)).one()


def test_poems_tick_publishes_the_days_data_once_a_day(db, sqlite_url, tmp_path, monkeypatch):
    out = tmp_path / "public"
    monkeypatch.setenv("POEMS_PUBLISH_DIR", str(out))
    for at in ("2026-11-26T10:00", "2026-11-26T18:00", "2026-11-27T09:00"):
        result = CliRunner().invoke(main, ["tick", "--at", at, "--db", sqlite_url])
        assert result.exit_code == 0, result.output
    assert publications(db) == 2
    published = json.loads((out / "public.json").read_text())
    assert published["published_at"].startswith("2026-11-27T09:00")


def test_the_scheduler_publishes_as_soon_as_it_starts(db, now, tmp_path):
    out = tmp_path / "public"
    scheduler = start_scheduler(db, SimulatorGateway(), lambda: now, publish_to=out)
    try:
        deadline = time.monotonic() + 30
        while publications(db) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scheduler.shutdown()
    assert publications(db) == 1 and (out / "schema.json").exists()


def test_after_a_start_the_text_waiting_goes_before_the_books_are_kept(db, now, tmp_path):
    """`poems serve` starts its sweeps so: a text waiting since before a restart is answered and
    sent first, the day's publication and the like a little later."""
    receive(db, "+447700900321", "hello", now, sid="SM" + "c" * 32)
    gateway = Watching()
    started = time.monotonic()
    scheduler = start_scheduler(
        db, gateway, lambda: now, every_seconds=0.2, publish_to=tmp_path / "public", books_after=1
    )
    try:
        assert gateway.first.wait(30)
        assert publications(db) == 0
        deadline = time.monotonic() + 30
        while publications(db) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scheduler.shutdown()
    assert publications(db) == 1
    assert time.monotonic() - started >= 1


def test_poems_tick_looks_up_a_consented_credential_check_once(db, sqlite_url, now, monkeypatch):
    with db.write() as session:
        worker = factories.worker(session, "+447700900101", now)
        staff = add_operator(session, "sam", "Sam Staff", "staff", "long enough", now)
        check = credentials.ask_consent(session, worker.id, "licence", staff, now)
        credentials.answer(session, check, True, now)
    monkeypatch.setenv("POEMS_CREDENTIAL_REGISTRY", str(credentials.DEMO_REGISTRY))
    first = CliRunner().invoke(main, ["tick", "--at", "2026-11-26T10:05", "--db", sqlite_url])
    assert first.exit_code == 0, first.output
    with db.read() as session:
        assert session.get(CredentialCheck, check.id).status == "verified"
    assert any("licence" in line for line in first.output.splitlines())
    again = CliRunner().invoke(main, ["tick", "--at", "2026-11-26T10:06", "--db", sqlite_url])
    assert again.output == ""
