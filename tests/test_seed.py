"""Seeding: a believable market history in bulk, and the demo market made by the exchange itself."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from click.testing import CliRunner
from sqlalchemy import func, text
from sqlmodel import col, select

from exchange.eligibility import REQUIREMENTS
from exchange.franchises import franchisee_of
from exchange.matching import eligible_workers
from poems.cli import main
from poems.seed import seed_demo, seed_market
from poems.seed.history import ASKED, MET_BY_BUCKET
from scheduler.jobs import run_due
from sms.gateways import SimulatorGateway
from sms.parser import parse
from sms.templates import render
from store.db import Database
from store.migrate import alembic_config, upgrade
from store.models import (
    Booking,
    LedgerEntry,
    Market,
    Message,
    Notice,
    Offer,
    Operator,
    Shift,
    Worker,
)
from tests.conftest import NOW

WORKERS, WEEKS = 400, 2
STATES = {"open", "offering", "filled", "cancelled", "unfilled", "done"}


def seeded(url: str, workers: int = WORKERS, weeks: int = WEEKS, rng_seed: int = 1) -> Database:
    database = Database(url)
    upgrade(database, env={})
    seed_market(database, NOW, workers, weeks, rng_seed=rng_seed)
    return database


@pytest.fixture(scope="module")
def market_db(tmp_path_factory) -> Database:
    """One small seeded market shared by the read-only tests here."""
    database = seeded(f"sqlite:///{tmp_path_factory.mktemp('seed') / 'poems.db'}")
    yield database
    database.dispose()


def test_the_seeded_database_passes_the_migration_check_and_its_keys_hold(market_db):
    with market_db.engine.begin() as connection:
        config = alembic_config(market_db.url)
        config.attributes["connection"] = connection
        command.check(config)
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_every_ledger_transaction_sums_to_zero(market_db):
    with market_db.read() as session:
        sums = session.exec(
            select(LedgerEntry.txn, func.sum(LedgerEntry.amount_minor)).group_by(LedgerEntry.txn)
        ).all()
    assert len(sums) > 50
    assert [txn for txn, total in sums if total != 0] == []


def test_every_booking_is_at_the_workers_own_rate_and_never_above_the_top_rate(market_db):
    with market_db.read() as session:
        rows = session.exec(
            select(Booking.rate_minor, Worker.asking_rate_minor, Shift.max_rate_minor)
            .join(Worker, col(Worker.id) == Booking.worker_id)
            .join(Shift, col(Shift.id) == Booking.shift_id)
        ).all()
    assert len(rows) > 100
    assert all(rate == asking <= top for rate, asking, top in rows)


def test_shifts_are_seeded_in_every_state(market_db):
    with market_db.read() as session:
        states = set(session.exec(select(Shift.status).distinct()))
    assert states >= STATES


def test_booked_counts_match_the_bookings_and_never_exceed_the_slots(market_db):
    with market_db.read() as session:
        live = (
            select(func.count())
            .where(Booking.shift_id == Shift.id, Booking.status == "booked")
            .scalar_subquery()
        )
        rows = session.exec(select(Shift.booked, Shift.slots, live, Shift.status)).all()
    assert all(booked <= slots for booked, slots, _, _ in rows)
    assert all(booked == counted for booked, _, counted, status in rows if status != "cancelled")


def test_no_worker_is_booked_on_two_shifts_at_once(market_db):
    with market_db.read() as session:
        rows = session.exec(
            select(Booking.worker_id, Shift.start, Shift.end)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .where(Booking.status == "booked")
            .order_by(Booking.worker_id, Shift.start)
        ).all()
    clashes = [(a, b) for a, b in zip(rows, rows[1:], strict=False) if a[0] == b[0] and b[1] < a[2]]
    assert clashes == []


def test_about_ten_texts_per_worker_per_seeded_week(market_db):
    with market_db.read() as session:
        texts = session.exec(select(func.count()).select_from(Message)).one()
        directions = set(session.exec(select(Message.direction).distinct()))
    assert 5 <= texts / (WORKERS * WEEKS) <= 20
    assert directions == {"in", "out"}


def test_every_text_sent_is_what_the_templates_say_for_its_notice(market_db):
    with market_db.read() as session:
        rows = session.exec(
            select(Notice, Message.body)
            .join(Message, col(Message.notice_id) == Notice.id)
            .order_by(Notice.id)
        ).all()
    assert len({notice.kind for notice, _ in rows}) >= 8
    for notice, body in rows[::7]:
        assert render(notice.kind, notice.language, notice.data) == body, notice.kind


def test_availability_texts_read_back_as_the_windows_they_made(market_db):
    zone = ZoneInfo("Europe/London")
    with market_db.read() as session:
        said = session.exec(
            select(Message.body, Message.created_at, Notice.data)
            .join(Notice, col(Notice.worker_id) == Message.worker_id)
            .where(
                Message.direction == "in",
                Notice.kind == "availability_saved",
                Notice.created_at == Message.created_at,
            )
            .limit(300)
        ).all()
    assert len(said) > 100
    for body, at, data in said:
        parsed = parse(body, at.astimezone(zone))
        start, end = (
            moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
            for moment in (parsed.start, parsed.end)
        )
        assert (start, end) == (
            datetime.fromisoformat(data["start"]),
            datetime.fromisoformat(data["end"]),
        ), body


def test_live_offer_references_are_unique_for_each_worker(market_db):
    with market_db.read() as session:
        live = session.exec(
            select(Offer.worker_id, Offer.ref, func.count())
            .where(Offer.status == "live")
            .group_by(Offer.worker_id, Offer.ref)
            .having(func.count() > 1)
        ).all()
    assert live == []


def test_the_exchange_carries_on_from_a_seeded_market(tmp_path):
    """The real matching and the scheduler's jobs run on seeded rows as on their own."""
    database = seeded(f"sqlite:///{tmp_path / 'poems.db'}", workers=150, weeks=1)
    with database.read() as session:
        market = session.exec(select(Market)).first()
        future = session.exec(
            select(Shift).where(col(Shift.start) > NOW).order_by(Shift.start)
        ).all()
        assert future
        for shift in future[:20]:
            for candidate in eligible_workers(session, shift, market, NOW):
                assert candidate.worker.asking_rate_minor <= shift.max_rate_minor
    run_due(database, SimulatorGateway(), NOW + timedelta(minutes=20))
    database.dispose()


def test_seeding_is_the_same_for_the_same_seed(tmp_path):
    def rows(database: Database) -> list:
        with database.engine.connect() as connection:
            return [
                connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
                for table in ("worker", "shift", "offer", "booking", "ledgerentry", "message")
            ]

    first = seeded(f"sqlite:///{tmp_path / 'a.db'}", workers=120, weeks=1, rng_seed=5)
    again = seeded(f"sqlite:///{tmp_path / 'b.db'}", workers=120, weeks=1, rng_seed=5)
    other = seeded(f"sqlite:///{tmp_path / 'c.db'}", workers=120, weeks=1, rng_seed=6)
    assert rows(first) == rows(again)
    assert rows(first) != rows(other)


def test_seeding_twice_adds_a_second_crowd_without_clashes(tmp_path):
    database = seeded(f"sqlite:///{tmp_path / 'poems.db'}", workers=80, weeks=1)
    seed_market(database, NOW, 80, 1)
    with database.read() as session:
        assert session.exec(select(func.count()).select_from(Worker)).one() == 160


def test_seed_demo_makes_a_market_once(db):
    first = seed_demo(db, NOW)
    second = seed_demo(db, NOW)
    assert not first.skipped and first.rows["worker"] >= 30
    assert second.skipped and second.total == 0
    with db.read() as session:
        states = set(session.exec(select(Shift.status).distinct()))
        operators = set(session.exec(select(Operator.username)))
        market = session.exec(select(Market)).first()
        fran = session.exec(select(Operator).where(Operator.username == "fran")).first()
        holder = franchisee_of(session, market)
        sums = session.exec(
            select(func.sum(LedgerEntry.amount_minor)).group_by(LedgerEntry.txn)
        ).all()
    assert {"open", "offering", "filled", "done", "cancelled", "unfilled"} <= states
    assert {"admin", "staff", "fran"} <= operators
    assert holder.id == fran.id
    assert sums and set(sums) == {0}


def test_poems_seed_fills_a_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'poems.db'}"
    result = CliRunner().invoke(
        main,
        ["seed", "--db", url, "--workers", "60", "--weeks", "1", "--at", "2026-11-26T10:00"],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("seeded worker 60,")
    assert result.stdout.strip().endswith("rows/s)")


def test_seeding_on_postgresql(postgres_url):
    database = seeded(postgres_url, workers=120, weeks=1)
    with database.read() as session:
        assert session.exec(select(func.count()).select_from(Worker)).one() == 120
        sums = session.exec(
            select(func.sum(LedgerEntry.amount_minor)).group_by(LedgerEntry.txn)
        ).all()
        assert sums and set(sums) == {0}
    # The id sequences moved past the seeded ids, so the exchange's own inserts still work.
    with database.write() as session:
        session.add(Worker(phone="+447700800001", created_at=NOW))
    database.dispose()


def test_the_seeder_asks_every_requirement_its_windows_bucket_does_not_meet():
    """A requirement added to matching is asked by the seeder too, or the seeder says why not."""
    assert sorted(ASKED + MET_BY_BUCKET) == sorted(need.code for need in REQUIREMENTS)
