"""Each status column (and an operator's role) holds only its enum's values: the database refuses
any other, takes every one the enum holds, and the migration that added the checks keeps the
rows already there, up and down."""

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import Table, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from store.db import Database
from store.migrate import migrating
from store.models import (
    Booking,
    Buyer,
    CredentialCheck,
    Dispute,
    InboxThread,
    Market,
    Message,
    Notice,
    Offer,
    Operator,
    RateRaise,
    Shift,
    Timesheet,
    Worker,
)
from store.statuses import (
    BookingStatus,
    CredentialCheckStatus,
    DisputeStatus,
    InboxThreadStatus,
    MessageStatus,
    NoticeStatus,
    OfferStatus,
    OperatorRole,
    RateRaiseStatus,
    ShiftStatus,
    TimesheetStatus,
    WorkerStatus,
)

# Each checked column: its table, its name and the enum of what it may hold.
COLUMNS = [
    (Operator.__table__, "role", OperatorRole),
    (Worker.__table__, "status", WorkerStatus),
    (CredentialCheck.__table__, "status", CredentialCheckStatus),
    (Shift.__table__, "status", ShiftStatus),
    (Offer.__table__, "status", OfferStatus),
    (Booking.__table__, "status", BookingStatus),
    (Timesheet.__table__, "status", TimesheetStatus),
    (Dispute.__table__, "status", DisputeStatus),
    (InboxThread.__table__, "status", InboxThreadStatus),
    (Message.__table__, "status", MessageStatus),
    (Notice.__table__, "status", NoticeStatus),
    (RateRaise.__table__, "status", RateRaiseStatus),
]
NAMED = [pytest.param(table, column, states, id=table.name) for table, column, states in COLUMNS]
# What no enum holds: a state some other system might have written.
STRANGER = "paused"
BEFORE_CHECKS = "0006"


def every_status(session: Session, now: datetime) -> None:
    """One row in each state of every checked column, in a market of their own."""
    market = Market(name="Statuses", sector="care", area="Hackney", created_at=now)
    session.add(market)
    session.flush()
    session.add_all(
        Operator(username=f"op_{role}", name=f"An {role}", role=role) for role in OperatorRole
    )
    workers = [
        Worker(phone=f"+44770090{n:04d}", market_id=market.id, status=status, travel_areas=["E8"])
        for n, status in enumerate(WorkerStatus)
    ]
    buyer = Buyer(market_id=market.id, name="Statuses buyer")
    session.add_all([*workers, buyer])
    session.flush()
    start = now + timedelta(days=1)
    shifts = [
        Shift(
            market_id=market.id,
            buyer_id=buyer.id,
            skill="care",
            postcode="E8 1AA",
            start=start,
            end=start + timedelta(hours=4),
            slots=1,
            max_rate_minor=1500,
            status=status,
        )
        for status in ShiftStatus
    ]
    session.add_all(shifts)
    session.flush()
    session.add_all(
        Offer(
            shift_id=shifts[n % len(shifts)].id,
            worker_id=workers[n // len(shifts)].id,
            wave=1,
            rank=1,
            ref=str(1000 + n),
            status=status,
            reason="rotation",
        )
        for n, status in enumerate(OfferStatus)
    )
    bookings = [
        Booking(
            shift_id=shifts[n].id,
            worker_id=workers[0].id,
            rate_minor=1300,
            currency="GBP",
            status=status,
        )
        for n, status in enumerate(BookingStatus)
    ]
    session.add_all(bookings)
    session.flush()
    session.add_all(
        Timesheet(booking_id=bookings[n].id, ref=str(bookings[n].id), worker_minutes=240, status=s)
        for n, s in enumerate(TimesheetStatus)
    )
    session.add_all(
        Dispute(
            market_id=market.id,
            booking_id=bookings[0].id,
            worker_id=workers[0].id,
            buyer_id=buyer.id,
            opened_by="worker",
            category="pay",
            summary="Paid two hours, not four",
            currency="GBP",
            status=status,
            opened_at=now,
            touched_at=now,
            due_at=now,
        )
        for status in DisputeStatus
    )
    session.add_all(
        InboxThread(
            phone=workers[0].phone,
            market_id=market.id,
            status=status,
            reason="not_understood",
            opened_at=now,
            last_text_at=now,
            due_at=now,
        )
        for status in InboxThreadStatus
    )
    session.add_all(
        Message(direction="out", phone=workers[0].phone, body="Hello", status=status)
        for status in MessageStatus
    )
    session.add_all(
        Notice(kind="offer", phone=workers[0].phone, status=status) for status in NoticeStatus
    )
    session.add_all(
        CredentialCheck(worker_id=workers[0].id, credential="dbs", ref="4821", status=status)
        for status in CredentialCheckStatus
    )
    session.add_all(
        RateRaise(
            worker_id=workers[0].id,
            old_rate_minor=1200,
            new_rate_minor=1271,
            currency="GBP",
            from_date=date(2027, 4, 1),
            status=status,
            asked_at=now,
        )
        for status in RateRaiseStatus
    )


def stored(db: Database, table: Table, column: str) -> list[tuple[int, str]]:
    with db.read() as session:
        return list(session.execute(select(table.c.id, table.c[column]).order_by(table.c.id)))


def every_row(db: Database) -> list[list[tuple[int, str]]]:
    return [stored(db, table, column) for table, column, _ in COLUMNS]


def write_stranger(db: Database, table: Table, column: str) -> None:
    with db.write() as session:
        first = session.execute(select(table.c.id).order_by(table.c.id)).scalars().first()
        session.execute(update(table).where(table.c.id == first).values({column: STRANGER}))


def migrate(db: Database, revision: str) -> None:
    with migrating(db) as config:
        command.upgrade(config, revision)


def unmigrate(db: Database, revision: str) -> None:
    with migrating(db) as config:
        command.downgrade(config, revision)


def allowed_by_database(db: Database, table: Table, column: str) -> set[str]:
    """The values the database's own CHECK constraint on the column names."""
    name = f"ck_{table.name}_{column}"
    with db.read() as session:
        if db.is_sqlite:
            schema = session.execute(
                text("SELECT sql FROM sqlite_master WHERE name = :table"), {"table": table.name}
            ).scalar_one()
            check = re.search(rf"CONSTRAINT {name} CHECK \((.*?)\)\)", schema).group(1)
        else:
            check = session.execute(
                text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = :name"),
                {"name": name},
            ).scalar_one()
    return set(re.findall(r"'([^']*)'", check))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request, sqlite_url) -> Iterator[Database]:
    """A database with no tables yet, on a SQLite file and on PostgreSQL."""
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    database = Database(url)
    yield database
    database.dispose()


@pytest.mark.parametrize(("table", "column", "states"), NAMED)
def test_a_value_outside_the_enum_is_refused(any_db, now, table, column, states):
    with any_db.write() as session:
        every_status(session, now)
    with pytest.raises(IntegrityError):
        write_stranger(any_db, table, column)
    assert STRANGER not in {value for _, value in stored(any_db, table, column)}


@pytest.mark.parametrize(("table", "column", "states"), NAMED)
def test_every_value_the_enum_holds_is_taken(any_db, now, table, column, states):
    with any_db.write() as session:
        every_status(session, now)
    assert {value for _, value in stored(any_db, table, column)} >= set(states)


@pytest.mark.parametrize(("table", "column", "states"), NAMED)
def test_the_database_allows_exactly_what_the_enum_holds(any_db, table, column, states):
    assert allowed_by_database(any_db, table, column) == set(states)


def test_the_checks_come_in_over_rows_of_every_status_and_keep_them(empty_db, now):
    migrate(empty_db, BEFORE_CHECKS)
    with empty_db.write() as session:
        every_status(session, now)
    before = every_row(empty_db)
    migrate(empty_db, "head")
    assert every_row(empty_db) == before
    with pytest.raises(IntegrityError):
        write_stranger(empty_db, Worker.__table__, "status")


def test_the_checks_go_again_on_downgrade_and_the_rows_stay(empty_db, now):
    migrate(empty_db, "head")
    with empty_db.write() as session:
        every_status(session, now)
    before = every_row(empty_db)
    unmigrate(empty_db, BEFORE_CHECKS)
    assert every_row(empty_db) == before
    write_stranger(empty_db, Worker.__table__, "status")
    assert STRANGER in {value for _, value in stored(empty_db, Worker.__table__, "status")}


def test_the_rebuilt_worker_table_still_keeps_the_workers_areas(sqlite_url, now):
    """On SQLite the checks rebuild the worker table; the triggers that keep WorkerArea must
    come back with it."""
    db = Database(sqlite_url)
    migrate(db, BEFORE_CHECKS)
    with db.write() as session:
        every_status(session, now)
    migrate(db, "head")
    with db.write() as session:
        worker = Worker(phone="+447700901234", travel_areas=["n 1"], created_at=now)
        session.add(worker)
        session.flush()
        added = worker.id
    with db.read() as session:
        areas = session.execute(
            text("SELECT area FROM workerarea WHERE worker_id = :id"), {"id": added}
        )
        assert areas.scalars().all() == ["N1"]
    db.dispose()
