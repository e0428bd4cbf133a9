"""The console's fixtures: one seeded sample market copied per test, a fixed clock, an app maker."""

import random
import shutil
import types
from collections.abc import Callable, Iterator
from datetime import datetime
from unittest import mock

import pytest

from exchange import credentials, offers
from poems_tui.app import PoemsConsole
from poems_tui.sample import seed_sample
from sms.gateways import SimulatorGateway
from store.db import Database
from store.migrate import upgrade
from tests.conftest import NOW


def fixed_refs(seed: int) -> types.SimpleNamespace:
    """A stand-in for the random module whose SystemRandom repeats, so references do too."""
    rng = random.Random(seed)
    return types.SimpleNamespace(SystemRandom=lambda: rng, Random=random.Random)


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory) -> str:
    """The sample market, seeded once (about 3 s) at the fixed clock."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db, env={})
    with (
        mock.patch.object(offers, "random", fixed_refs(1)),
        mock.patch.object(credentials, "random", fixed_refs(2)),
    ):
        seed_sample(db, NOW)
    db.dispose()
    return str(path)


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
