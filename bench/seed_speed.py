"""How fast `seed_market` writes a market, against plain sqlite3 writing the same rows.

    .venv/bin/python bench/seed_speed.py                      # 20,000 workers, 1 week
    .venv/bin/python bench/seed_speed.py --workers 100000     # the full run

Ours: seed_market into a fresh migrated SQLite file (simulation, texts and all). Bare: the same
rows, table by table, read back from our file and inserted with sqlite3 executemany into a fresh
file with the same tables and indexes, in one transaction, with the same pragmas (WAL,
synchronous=NORMAL). Each side runs in its own process, so its peak RSS is its own.
Prints ratios; asserts nothing about time.
"""

import argparse
import multiprocessing
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seeded import NOW  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ours(path: str, workers: int, weeks: int, results) -> None:
    from poems.seed import seed_market
    from store.db import Database
    from store.migrate import upgrade

    database = Database(f"sqlite:///{path}")
    upgrade(database, env={})
    began = time.perf_counter()
    cpu = time.process_time()
    report = seed_market(database, NOW, workers, weeks)
    results.put(
        {
            "seconds": time.perf_counter() - began,
            "cpu": time.process_time() - cpu,
            "rows": report.rows,
            "rss": peak_rss_mb(),
        }
    )


def bare(source: str, target: str, results) -> None:
    """The same rows into the same tables, with nothing of ours in between."""
    read = sqlite3.connect(source)
    schema = read.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    write = sqlite3.connect(target, isolation_level=None)
    write.execute("PRAGMA journal_mode=WAL")
    write.execute("PRAGMA synchronous=NORMAL")
    write.execute("PRAGMA foreign_keys=ON")
    write.execute("PRAGMA cache_size=-262144")
    for (statement,) in schema:
        write.execute(statement)
    tables = [
        name
        for (name,) in read.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        )
    ]
    order = _parents_first(read, tables)
    spent = 0.0
    rows = 0
    write.execute("BEGIN IMMEDIATE")
    for table in order:
        data = read.execute(f'SELECT * FROM "{table}"').fetchall()
        if not data:
            continue
        marks = ", ".join("?" * len(data[0]))
        began = time.perf_counter()
        write.executemany(f'INSERT INTO "{table}" VALUES ({marks})', data)
        spent += time.perf_counter() - began
        rows += len(data)
    began = time.perf_counter()
    write.execute("COMMIT")
    spent += time.perf_counter() - began
    results.put({"seconds": spent, "rows": rows, "rss": peak_rss_mb()})


def _parents_first(connection: sqlite3.Connection, tables: list[str]) -> list[str]:
    parents = {
        table: {row[2] for row in connection.execute(f'PRAGMA foreign_key_list("{table}")')}
        for table in tables
    }
    done: list[str] = []
    while len(done) < len(tables):
        for table in tables:
            if table not in done and parents[table] <= set(done) | {table}:
                done.append(table)
    return done


def run(target, *args) -> dict:
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    process = context.Process(target=target, args=(*args, results))
    process.start()
    found = results.get()
    process.join()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=20_000)
    parser.add_argument("--weeks", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="poems-seed-bench-") as folder:
        mine = str(Path(folder) / "ours.db")
        seeded = run(ours, mine, options.workers, options.weeks)
        floor = run(bare, mine, str(Path(folder) / "bare.db"))
    total = sum(seeded["rows"].values())
    messages = seeded["rows"].get("message", 0)
    print(
        f"seed {options.workers:,} workers x {options.weeks} week(s): {total:,} rows "
        f"({messages:,} messages)"
    )
    print(
        f"  ours  {seeded['seconds']:7.1f}s  {total / seeded['seconds']:>9,.0f} rows/s  "
        f"cpu {seeded['cpu']:.1f}s  peak RSS {seeded['rss']:,.0f} MB"
    )
    print(
        f"  bare  {floor['seconds']:7.1f}s  {floor['rows'] / floor['seconds']:>9,.0f} rows/s  "
        f"(sqlite3 executemany of the same rows)  peak RSS {floor['rss']:,.0f} MB"
    )
    print(f"  ratio ours/bare {seeded['seconds'] / floor['seconds']:.1f}x")


if __name__ == "__main__":
    main()
