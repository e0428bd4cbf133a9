"""A seeded market in a SQLite file, built once and reused by the benchmarks.

The file lives under /tmp (POEMS_BENCH_DIR to move it), named by the market's size, the seed
and a digest of the schema and the seeding code, so a change to either builds it afresh.
"""

import hashlib
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from poems.seed import seed_market  # noqa: E402
from store.db import Database  # noqa: E402
from store.migrate import upgrade  # noqa: E402

# The clock every benchmark seeds at: a Thursday morning in London, so runs compare.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def digest() -> str:
    """What the seeded file depends on: the tables, the migrations and the seeding code."""
    sources = sorted(
        [ROOT / "store" / "models.py", *(ROOT / "store" / "migrations" / "versions").glob("*.py")]
        + [
            source
            for source in (ROOT / "poems" / "seed").glob("*.py")
            if source.name not in ("demo.py", "bar.py")
        ]
    )
    hashed = hashlib.sha256()
    for source in sources:
        hashed.update(source.read_bytes())
    return hashed.hexdigest()[:12]


def seeded_sqlite(workers: int, weeks: int = 1, rng_seed: int = 1, now: datetime = NOW) -> Path:
    """The path of a SQLite file seeded with this market, building it if it is not there yet."""
    folder = Path(os.environ.get("POEMS_BENCH_DIR", "/tmp/poems-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    stamp = f"{now:%Y%m%dT%H%M}"
    path = folder / f"market-{workers}w-{weeks}wk-s{rng_seed}-{stamp}-{digest()}.db"
    if path.exists():
        return path
    building = path.with_suffix(".building")
    for stale in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        stale.unlink(missing_ok=True)
    began = time.perf_counter()
    database = Database(f"sqlite:///{building}")
    upgrade(database, env={})
    report = seed_market(database, now, workers, weeks, rng_seed=rng_seed)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    building.rename(path)
    print(
        f"built {path.name}: {report.total:,} rows in {time.perf_counter() - began:.1f}s",
        file=sys.stderr,
    )
    return path
