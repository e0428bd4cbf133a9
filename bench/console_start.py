"""The console's start on a big market: time to the first usable screen, and resident memory.

Each run is a fresh process, from before its first import to the moment the screen shows what
a person came for: for the console, the Live feed's newest texts (then the Workers table's
first page); for the bare stack, a Textual app with a DataTable filled from a list. The ratio
is console over bare, medians of the runs made alternately in the same invocation.

    .venv/bin/python bench/console_start.py                 # 100,000 workers, ~1.2M texts
    .venv/bin/python bench/console_start.py --workers 20000 --runs 3
"""

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import time

BEGAN = time.perf_counter()


def rss_mib() -> float:
    """Peak resident memory of this process (VmHWM starts afresh at exec, unlike ru_maxrss)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def wait_for(pilot, condition, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("the screen never became usable")
        await pilot.pause(0.01)


async def console(path: str) -> dict[str, float]:
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from seeded import NOW

    from poems_tui.app import PoemsConsole
    from sms.gateways import SimulatorGateway
    from store.db import Database

    def table_rows(app, table_id: str) -> int:
        from textual.css.query import NoMatches
        from textual.widgets import DataTable

        try:
            return app.screen.query_one(f"#{table_id}", DataTable).row_count
        except NoMatches:
            return 0

    imported = time.perf_counter()
    app = PoemsConsole(
        Database(f"sqlite:///{path}"),
        clock=lambda: NOW,
        gateway=SimulatorGateway(),
        operator="staff",
        cursor_blink=False,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: table_rows(app, "feed") > 0)
        live = time.perf_counter() - BEGAN
        await pilot.press("2")
        await wait_for(pilot, lambda: table_rows(app, "workers") > 0)
        workers = time.perf_counter() - BEGAN
    return {
        "seconds": live,
        "app_seconds": live - (imported - BEGAN),
        "workers_seconds": workers,
        "rss_mib": rss_mib(),
    }


async def bare(stack: bool = False) -> dict[str, float]:
    """A bare Textual app; with `stack`, after importing the exchange's tables (SQLModel,
    SQLAlchemy, pydantic) as well: the floor the chosen stack sets."""
    if stack:
        from pathlib import Path

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        import store.models  # noqa: F401
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    class Bare(App[None]):
        def compose(self):
            yield Header()
            yield DataTable(id="feed")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Time", "Who", "Text")
            table.add_rows([(str(i), f"worker {i}", "available sat 9-5") for i in range(200)])

    imported = time.perf_counter()
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.query_one(DataTable).row_count > 0)
        seconds = time.perf_counter() - BEGAN
    return {
        "seconds": seconds,
        "app_seconds": seconds - (imported - BEGAN),
        "rss_mib": rss_mib(),
    }


def child(kind: str, path: str | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind]
    if path:
        command += ["--db", path]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def ensure_staff(path: str) -> None:
    """The staff account the console opens as (a seeded market has none of its own)."""
    from seeded import NOW
    from sqlmodel import select

    from exchange.operators import add_operator
    from store.db import Database
    from store.models import Operator

    db = Database(f"sqlite:///{path}")
    with db.write() as session:
        if session.exec(select(Operator).where(Operator.username == "staff")).first() is None:
            add_operator(session, "staff", "Sam Staff", "staff", "staff-bench", NOW)
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["console", "bare", "stack"])
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child:
        import asyncio

        made = asyncio.run(
            console(args.db) if args.child == "console" else bare(args.child == "stack")
        )
        print(json.dumps(made))
        return
    from seeded import seeded_sqlite

    path = str(seeded_sqlite(args.workers))
    ensure_staff(path)
    with sqlite3.connect(path) as connection:
        workers, messages = (
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("worker", "message")
        )
    runs: dict[str, list[dict[str, float]]] = {"console": [], "bare": [], "stack": []}
    for _ in range(args.runs):
        runs["bare"].append(child("bare", None))
        runs["stack"].append(child("stack", None))
        runs["console"].append(child("console", path))

    def median(kind: str, field: str) -> float:
        return statistics.median(run[field] for run in runs[kind])

    print(f"market: {workers:,} workers, {messages:,} messages; {args.runs} runs each")
    print(f"bare Textual app, first screen:   {median('bare', 'seconds'):.2f} s")
    print(f"bare app after SQLModel tables:   {median('stack', 'seconds'):.2f} s")
    print(f"console, Live feed shown:         {median('console', 'seconds'):.2f} s")
    print(
        f"from the app's start (imports done): console {median('console', 'app_seconds'):.2f} s, "
        f"bare {median('bare', 'app_seconds'):.2f} s "
        f"({median('console', 'app_seconds') / median('bare', 'app_seconds'):.2f}x)"
    )
    print(f"console, Workers first page:      {median('console', 'workers_seconds'):.2f} s")
    print(
        f"ratio, first usable screen:       {median('console', 'seconds') / median('bare', 'seconds'):.2f}x"
    )
    print(f"peak RSS: console {median('console', 'rss_mib'):.0f} MiB, "
          f"bare {median('bare', 'rss_mib'):.0f} MiB "
          f"({median('console', 'rss_mib') / median('bare', 'rss_mib'):.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
