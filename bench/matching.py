"""Who may be offered a shift: `eligible_workers` against its bare SQL query alone.

    .venv/bin/python bench/matching.py                    # a seeded market of 20,000 workers
    .venv/bin/python bench/matching.py --workers 100000

Ours: exchange.matching.eligible_workers (the query through SQLModel, then notice, travel area
and the law's checks in Python, and the published reason for each). Bare: the same SELECT run
with sqlite3 on the same file, rows fetched and nothing more. Both over the same future shifts,
a few rounds each. The market is seeded once and cached (bench/seeded.py). Prints ratios.
"""

import argparse
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seeded import NOW, seeded_sqlite  # noqa: E402

BARE = """
SELECT w.*, a.* FROM worker w
JOIN workerskill k ON k.worker_id = w.id AND k.skill = ?
JOIN availabilitywindow a ON a.worker_id = w.id
WHERE w.status = 'active' AND w.opted_out = 0 AND w.currency = ?
  AND w.asking_rate_minor <= ? AND w.min_shift_minutes <= ?
  AND a.start <= ? AND a."end" >= ?
  AND NOT EXISTS (
    SELECT b.id FROM booking b JOIN shift s ON s.id = b.shift_id
    WHERE b.worker_id = w.id AND b.status = 'booked' AND s.start < ? AND s."end" > ?)
  AND NOT EXISTS (SELECT o.id FROM offer o WHERE o.shift_id = ? AND o.worker_id = w.id)
ORDER BY w.last_booked_at IS NOT NULL, w.last_booked_at, a.created_at, w.id
"""


def stored(instant) -> str:
    """An instant as the tables store it (naive UTC text, with microseconds)."""
    return instant.replace(tzinfo=None).isoformat(" ", timespec="microseconds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=20_000)
    parser.add_argument("--shifts", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    path = seeded_sqlite(options.workers)

    from sqlmodel import col, select

    from exchange.matching import eligible_workers
    from store.db import Database
    from store.models import Market, Shift

    database = Database(f"sqlite:///{path}")
    with database.read() as session:
        market = session.exec(select(Market)).first()
        shifts = session.exec(
            select(Shift)
            .where(col(Shift.start) > NOW, col(Shift.status).in_(("open", "offering", "filled")))
            .order_by(Shift.id)
            .limit(options.shifts)
        ).all()
        eligible_workers(session, shifts[0], market, NOW)  # warm the caches
        began = time.perf_counter()
        found = 0
        for _ in range(options.rounds):
            for shift in shifts:
                found += len(eligible_workers(session, shift, market, NOW))
        ours = time.perf_counter() - began

    bare_db = sqlite3.connect(path)
    params = [
        (
            shift.skill,
            shift.currency,
            shift.max_rate_minor,
            int((shift.end - shift.start).total_seconds() // 60),
            stored(shift.start),
            stored(shift.end),
            stored(shift.end),
            stored(shift.start),
            shift.id,
        )
        for shift in shifts
    ]
    bare_db.execute(BARE, params[0]).fetchall()
    began = time.perf_counter()
    rows = 0
    for _ in range(options.rounds):
        for values in params:
            rows += len(bare_db.execute(BARE, values).fetchall())
    bare = time.perf_counter() - began
    calls = options.rounds * len(shifts)
    print(
        f"matching on {options.workers:,} workers, {len(shifts)} future shifts x {options.rounds}"
    )
    print(f"  ours  {ours / calls * 1000:7.2f} ms a shift  ({found / calls:.1f} eligible)")
    print(
        f"  bare  {bare / calls * 1000:7.2f} ms a shift  ({rows / calls:.1f} rows before Python's checks)"
    )
    print(f"  ratio ours/bare {ours / bare:.1f}x")


if __name__ == "__main__":
    main()
