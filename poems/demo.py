"""`poems demo`: the console on an embedded SQLite file seeded with a believable market,
with the phone simulator and the scheduler running."""

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from store.db import Database
from store.migrate import upgrade
from store.models import Worker


def demo_db(db_url: str | None) -> Database:
    """The demo's database, migrated and seeded once (a fresh temporary file by default)."""
    if db_url is None:
        folder = Path(tempfile.mkdtemp(prefix="poems-demo-"))
        db_url = f"sqlite:///{folder / 'demo.db'}"
    db = Database(db_url)
    upgrade(db, env={})
    seed(db, datetime.now(UTC))
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


def run_demo(db_url: str | None = None, theme: str = "dark") -> None:
    from exchange.credentials import FileRegistryVerifier
    from poems_tui.app import PoemsConsole, utc_now
    from poems_tui.crash import run_console
    from poems_tui.sample import DEMO_HINT
    from scheduler.runner import start_scheduler
    from sms.gateways import SimulatorGateway

    db = demo_db(db_url)
    gateway = SimulatorGateway()
    scheduler = start_scheduler(db, gateway, utc_now)
    try:
        run_console(
            PoemsConsole(
                db,
                gateway=gateway,
                verifier=FileRegistryVerifier(),
                demo_hint=DEMO_HINT,
                theme=theme,
            )
        )
    finally:
        scheduler.shutdown(wait=False)
        db.dispose()
