"""A worker's export re-imports into an empty database with the same trading history."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner

from exchange import ledger, timesheets
from exchange.errors import Refused
from exchange.portability import FORMAT, export_worker, import_worker
from exchange.workers import update_terms, worker_by_phone
from poems.cli import main
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from store.db import Database
from store.migrate import upgrade
from tests import bookings, factories
from tests.signin import PASSWORD, add_operator_at

ANN = "+447700900101"


@pytest.fixture
def traded(db, now):
    """Ann has offers, two bookings (one worked, confirmed and paid), texts and a rate change."""
    with db.write() as session:
        timesheet, booking, shift, worker = bookings.submitted(session, now, phone=ANN)
        paid_at = shift.end + timedelta(hours=1)
        timesheets.buyer_confirm(session, shift.buyer_id, timesheet.ref, paid_at)
        ledger.settle(session, timesheet.id, paid_at)
        bookings.book(session, now, phone=ANN, start=now + timedelta(days=3))
        factories.worker(session, "+447700900102", now)  # someone else, not exported
        update_terms(session, worker, now, asking_rate_minor=1400)
    deliver(db, ANN, "SHIFTS", now + timedelta(days=2))
    drain(db, SimulatorGateway(), now + timedelta(days=2))
    return db


def exported(db, now) -> dict:
    with db.read() as session:
        return export_worker(session, worker_by_phone(session, ANN), now)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty(request, tmp_path):
    """Another exchange, just made: a SQLite file, or a database on the PostgreSQL server."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'other.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = Database(url)
    upgrade(database, env={})
    yield database
    database.dispose()


def test_an_export_holds_every_kind_of_record(traded, now):
    document = exported(traded, now)
    assert document["format"] == FORMAT and document["worker"]["phone"] == ANN
    for part in ("skills", "availability", "offers", "bookings", "ledger", "messages"):
        assert document[part], part
    assert all(offer["reason"] for offer in document["offers"])
    assert any(b["timesheet"] for b in document["bookings"])
    assert {e["account"] for e in document["ledger"]} >= {"worker", "buyer:Rosewood Care Home"}


def test_an_export_reimports_into_an_empty_database_with_the_same_trading_history(
    traded, empty, now
):
    before = exported(traded, now)
    with empty.write() as session:
        import_worker(session, json.loads(json.dumps(before)), now)
    assert exported(empty, now) == before


def test_new_shifts_after_an_import_get_fresh_references(traded, empty, now):
    with empty.write() as session:
        import_worker(session, exported(traded, now), now)
    with empty.write() as session:
        shift = factories.shift(session, now, start=now + timedelta(days=5))
    assert shift.ref not in {s["ref"] for s in exported(traded, now)["shifts"]}


def test_importing_a_worker_already_here_is_refused(traded, now):
    document = exported(traded, now)
    with pytest.raises(Refused), traded.write() as session:
        import_worker(session, document, now)


def test_worker_export_and_import_commands_round_trip(
    traded, empty, now, tmp_path, sqlite_url, monkeypatch
):
    out = tmp_path / "ann.json"
    add_operator_at(sqlite_url, "sam", "staff")
    add_operator_at(empty.url, "sam", "staff")
    monkeypatch.setenv("POEMS_PASSWORD", PASSWORD)
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "worker",
            "export",
            ANN,
            "--out",
            str(out),
            "--db",
            sqlite_url,
            "--at",
            "2026-11-26T10:00",
            "--as",
            "sam",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["worker", "import", str(out), "--as", "sam", "--db", empty.url])
    assert result.exit_code == 0, result.output
    before = json.loads(out.read_text())
    after = exported(empty, now)
    # The copy itself was a look at Ann's data: her WHO SAW shows it; the new exchange's does not.
    assert before.pop("seen_by")[0]["why"] == "a copy of your data"
    after.pop("seen_by")
    assert after == before
