"""`poems demo`: the console on an embedded SQLite file seeded with a believable market,
with the phone simulator and the scheduler running."""

import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from store.db import Database
from store.migrate import upgrade
from store.models import Worker


def running_from(start: datetime | None) -> Callable[[], datetime]:
    """A clock that reads `start` now and runs on in real time; the real clock without one."""
    if start is None:
        return lambda: datetime.now(UTC)
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def demo_db(db_url: str | None, now: datetime | None = None) -> Database:
    """The demo's database, migrated and seeded once (a fresh temporary file by default)."""
    if db_url is None:
        folder = Path(tempfile.mkdtemp(prefix="poems-demo-"))
        db_url = f"sqlite:///{folder / 'demo.db'}"
    db = Database(db_url)
    upgrade(db, env={})
    seed(db, now or datetime.now(UTC))
    return db


def seed(db: Database, now: datetime) -> None:
    """The demo market, once; then the demo's sign-ins."""
    from poems.seed import seed_demo
    from poems_tui.sample import ensure_demo_operators

    with db.read() as session:
        empty = session.exec(select(func.count()).select_from(Worker)).one() == 0
    if empty:
        seed_demo(db, now)
    ensure_demo_operators(db, now)


def run_demo(db_url: str | None = None, theme: str = "dark", at: datetime | None = None) -> None:
    """The demo console; with `at`, its clock starts there (a script's or a test's own time)."""
    from exchange.credentials import FileRegistryVerifier
    from poems_tui.app import PoemsConsole
    from poems_tui.crash import run_console
    from poems_tui.sample import DEMO_HINT
    from scheduler.runner import start_scheduler
    from sms.gateways import SimulatorGateway

    clock = running_from(at)
    db = demo_db(db_url, clock())
    gateway = SimulatorGateway()
    # The scheduler looks the consented credential checks up; the console runs no copy of it.
    scheduler = start_scheduler(db, gateway, clock, verifier=FileRegistryVerifier())
    try:
        run_console(
            PoemsConsole(
                db,
                clock=clock,
                gateway=gateway,
                demo_hint=DEMO_HINT,
                theme=theme,
            )
        )
    finally:
        scheduler.shutdown(wait=False)
        db.dispose()
