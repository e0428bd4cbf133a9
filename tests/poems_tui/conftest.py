"""The console's fixtures: one seeded sample market copied per test, a fixed clock, an app maker."""

import random
import shutil
import types
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
from sqlmodel import col, select

from exchange import credentials, disputes, offers
from poems_tui.app import PoemsConsole
from poems_tui.sample import seed_sample
from sms.gateways import SimulatorGateway
from store.db import Database
from store.migrate import upgrade
from store.models import Booking, Buyer, Shift, Worker
from tests.conftest import NOW
from tests.once import made_once


def fixed_refs(seed: int) -> types.SimpleNamespace:
    """A stand-in for the random module whose SystemRandom repeats, so references do too."""
    rng = random.Random(seed)
    return types.SimpleNamespace(SystemRandom=lambda: rng, Random=random.Random)


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory) -> str:
    """The sample market, seeded once (about 3 s) at the fixed clock."""

    def make(folder: Path) -> None:
        db = Database(f"sqlite:///{folder / 'sample.db'}")
        upgrade(db, env={})
        with (
            mock.patch.object(offers, "random", fixed_refs(1)),
            mock.patch.object(credentials, "random", fixed_refs(2)),
        ):
            seed_sample(db, NOW)
        with db.engine.connect() as connection:
            # Everything into the main file, so one file copy is the whole database.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()

    return str(made_once(tmp_path_factory, "sample", make) / "sample.db")


@pytest.fixture
def console_db(sample_file, tmp_path) -> Iterator[Database]:
    """A copy of the sample market of this test's own."""
    path = tmp_path / "console.db"
    shutil.copy(sample_file, path)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def make_app(console_db) -> Callable[..., PoemsConsole]:
    """A console on the sample market at the fixed clock, signed in as `operator` when given."""

    def make(operator: str | None = "staff", **options) -> PoemsConsole:
        options.setdefault("gateway", SimulatorGateway())
        options.setdefault("cursor_blink", False)
        options.setdefault("tick_seconds", 0.2)
        return PoemsConsole(console_db, clock=lambda: NOW, operator=operator, **options)

    return make


@pytest.fixture
def fixed_now() -> datetime:
    return NOW


@pytest.fixture
def opened(console_db) -> dict[str, str]:
    """One dispute in each market: London (Fran's) and Leeds (Kay's)."""
    refs = {}
    with console_db.write() as session:
        for market_id, name in ((1, "london"), (2, "leeds")):
            booking = session.exec(
                select(Booking)
                .join(Shift, col(Shift.id) == Booking.shift_id)
                .where(Shift.market_id == market_id)
                .order_by(col(Booking.id))
            ).first()
            if booking is None:
                booking = _booked(session, market_id)
            found = disputes.open_dispute(
                session, booking.id, "worker", "pay", f"{name}: paid 2 hours not 4", NOW
            )
            refs[name] = found.ref
    return refs


def _booked(session, market_id: int) -> Booking:
    """A shift yesterday at the market's first buyer, booked by its first worker."""
    buyer = session.exec(select(Buyer).where(Buyer.market_id == market_id)).first()
    worker = session.exec(select(Worker).where(Worker.market_id == market_id)).first()
    start = NOW - timedelta(days=1)
    shift = Shift(
        market_id=market_id,
        buyer_id=buyer.id,
        skill="kitchen",
        postcode=buyer.default_postcode,
        start=start,
        end=start + timedelta(hours=4),
        slots=1,
        booked=1,
        max_rate_minor=1400,
        status="filled",
    )
    session.add(shift)
    session.flush()
    booking = Booking(
        shift_id=shift.id, worker_id=worker.id, rate_minor=1300, currency="GBP", created_at=NOW
    )
    session.add(booking)
    session.flush()
    return booking
