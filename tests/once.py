"""Costly read-only fixtures (a migrated template, a seeded market) made once per test run,
whichever test process asks first: the others wait for it and use the same files."""

import fcntl
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from exchange.places import import_places, read_places
from poems.seed import seed_market
from store.db import Database
from store.migrate import upgrade


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, filled by `make(folder)` in the first process of this run to ask."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, which every test process's own folder is in
    folder = root / f"once-{name}"
    with open(root / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".made").exists():
            folder.mkdir(exist_ok=True)
            make(folder)
            (folder / ".made").touch()
    return folder


LONDON = Path(__file__).parent / "fixtures" / "london_districts.csv"


def london_with_history(
    factory: pytest.TempPathFactory, now: datetime, workers: int, weeks: int
) -> str:
    """The URL of a seeded London market of `workers` workers and `weeks` of history up to
    `now`, with the places of its districts, made once per run."""

    def make(folder: Path) -> None:
        database = Database(f"sqlite:///{folder / 'poems.db'}")
        upgrade(database, env={})
        seed_market(database, now, workers=workers, weeks=weeks)
        with database.write() as session, LONDON.open() as lines:
            import_places(session, read_places(lines))
        database.dispose()

    return f"sqlite:///{made_once(factory, f'london-{workers}-{weeks}', make) / 'poems.db'}"
