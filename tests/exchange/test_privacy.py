"""DELETE MY DATA: no table holds the phone or the name after it; money records stay."""

from datetime import timedelta

import pytest
from sqlalchemy import String, cast, or_, select
from sqlmodel import SQLModel

from exchange import ledger, timesheets
from exchange.access import record_access
from exchange.audit import verify
from exchange.privacy import holds_text
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from store.models import Booking, LedgerEntry, Operator, Shift, Worker
from tests import bookings

ANN, NAME = "+447700900101", "Ann Smith"


def tables_holding(db, needle: str) -> list[str]:
    """Every table.column whose value contains `needle`, read with plain SQL."""
    found = []
    with db.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for column in table.columns:
                if not holds_text(column):
                    continue
                hit = connection.execute(
                    select(column).where(cast(column, String).contains(needle)).limit(1)
                ).first()
                if hit is not None:
                    found.append(f"{table.name}.{column.name}")
    return found


@pytest.fixture
def db(any_db):
    """Erasure runs on SQLite and on PostgreSQL (when a server is configured)."""
    return any_db


@pytest.fixture
def history(db, now):
    """Ann has texted, been booked, worked, been paid, and been looked at by staff."""
    with db.write() as session:
        timesheet, booking, shift, worker = bookings.submitted(session, now, phone=ANN, name=NAME)
        timesheets.buyer_confirm(
            session, shift.buyer_id, timesheet.ref, shift.end + timedelta(hours=1)
        )
        ledger.settle(session, timesheet.id, shift.end + timedelta(hours=1))
        staff = Operator(username="jo", name="Jo Bloggs", role="staff")
        session.add(staff)
        session.flush()
        record_access(session, staff.id, worker.id, "other", f"{NAME} asked about pay", now)
        worker_id = worker.id
    later = now + timedelta(days=2)
    deliver(db, ANN, "MY DATA", later)
    drain(db, SimulatorGateway(), later)
    assert tables_holding(db, ANN) and tables_holding(db, NAME)
    return worker_id, later


def erase_by_text(db, at) -> None:
    deliver(db, ANN, "DELETE MY DATA", at)
    drain(db, SimulatorGateway(), at)
    deliver(db, ANN, "DELETE", at + timedelta(minutes=1))
    drain(db, SimulatorGateway(), at + timedelta(minutes=1))


def test_after_delete_my_data_no_table_holds_the_phone_or_the_name(db, history):
    erase_by_text(db, history[1])
    assert tables_holding(db, ANN) == []
    assert tables_holding(db, NAME) == []


def test_bookings_and_ledger_entries_are_kept_without_a_name(db, history):
    worker_id, at = history
    with db.read() as session:
        before = (
            len(session.exec(select(Booking.id)).all()),
            sum(e.amount_minor for e in session.exec(select(LedgerEntry)).scalars()),
        )
    erase_by_text(db, at)
    with db.read() as session:
        after = (
            len(session.exec(select(Booking.id)).all()),
            sum(e.amount_minor for e in session.exec(select(LedgerEntry)).scalars()),
        )
        worker = session.get(Worker, worker_id)
        paid = session.exec(
            select(LedgerEntry).where(LedgerEntry.account == f"worker:{worker_id}")
        ).all()
    assert after == before and paid
    assert worker.phone.startswith("erased-") and worker.name is None


def test_the_audit_chain_still_verifies_after_an_erasure(db, history):
    erase_by_text(db, history[1])
    with db.read() as session:
        report = verify(session)
    assert report.ok and report.redacted >= 1


def test_the_same_phone_can_join_again_as_a_new_worker(db, history):
    worker_id, at = history
    erase_by_text(db, at)
    deliver(db, ANN, "hello", at + timedelta(minutes=5))
    (reply,) = [m.body for m in drain(db, SimulatorGateway(), at + timedelta(minutes=5))]
    assert "What is your name?" in reply
    with db.read() as session:
        again = session.exec(
            select(Worker).where(or_(Worker.phone == ANN, Worker.id == worker_id))
        ).scalars()
        assert sorted(w.status for w in again) == ["erased", "signing_up"]


def test_shifts_still_to_come_go_back_to_the_market(db, now):
    with db.write() as session:
        booking, shift, worker = bookings.book(session, now, phone=ANN, name=NAME)
    erase_by_text(db, now + timedelta(hours=1))
    with db.read() as session:
        assert session.get(Booking, booking.id).status == "dropped"
        assert session.get(Shift, shift.id).booked == 0
    assert tables_holding(db, NAME) == []  # the buyer heard of the drop without the name
