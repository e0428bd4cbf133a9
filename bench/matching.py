"""What matching costs on a city's market: a posted shift against its bare SQL query, and an
availability text as the market grows in workers and in open shifts.

    .venv/bin/python bench/matching.py                    # 100,000 workers; growth from 1,000
    .venv/bin/python bench/matching.py --workers 20000 --growth 1000,20000

Matching a shift: exchange.matching.eligible_workers (the query through SQLModel, then notice,
the law's checks in Python and the published reason for each) against the same SELECT run with
sqlite3 on the same file, rows fetched and nothing more, over the same future shifts, a few
rounds each.

An availability text: a registered worker texts "available tomorrow 8am-8pm". Acting on it is
its own transaction (store, read, save the window, find the open shifts that could fit the
worker from the worker's side and queue them); topping up those shifts' waves comes after, one
short transaction each. Medians (the shifts queued and their top-up: means, since most workers
fit none) over --texts workers, on a copy of each seeded market
(bench/seeded.py), with the planner's statistics refreshed as `poems serve` does. The growth
in open shifts keeps N of the 100,000-worker market's future shifts open (posting more to
reach 2,000).
"""

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seeded import NOW, seeded_sqlite  # noqa: E402

BARE = """
SELECT w.*, a.id, a.worker_id, a.start, a."end", a.created_at FROM worker w
JOIN availabilitywindow a ON a.worker_id = w.id
WHERE w.id IN (SELECT z.worker_id FROM workerarea z WHERE z.area IN ({areas}))
  AND EXISTS (SELECT 1 FROM workerskill k WHERE k.worker_id = w.id AND k.skill = ?)
  AND w.status = 'active' AND w.opted_out = 0 AND w.suspended_at IS NULL AND w.currency = ?
  AND w.asking_rate_minor <= ? AND w.min_shift_minutes <= ?
  AND a.start <= ? AND a."end" >= ?
  AND NOT EXISTS (
    SELECT b.id FROM booking b JOIN shift s ON s.id = b.shift_id
    WHERE b.worker_id = w.id AND b.status = 'booked' AND s.start < ? AND s."end" > ?)
  AND NOT EXISTS (
    SELECT o.id FROM offer o WHERE o.shift_id = ? AND o.worker_id = w.id AND o.status != 'filled')
ORDER BY w.last_booked_at IS NOT NULL, w.last_booked_at, a.created_at, w.id
"""
OPEN = ("open", "offering")
TEXT = "available tomorrow 8am-8pm"


def stored(instant) -> str:
    """An instant as the tables store it (naive UTC text, with microseconds)."""
    return instant.replace(tzinfo=None).isoformat(" ", timespec="microseconds")


def copy_of(path: Path, folder: Path) -> str:
    target = folder / path.name
    shutil.copyfile(path, target)
    return f"sqlite:///{target}"


def match_shifts(url: str, shifts: int, rounds: int) -> None:
    from sqlmodel import col, select

    from exchange.eligibility import areas_covering
    from exchange.matching import eligible_workers
    from store.db import Database
    from store.models import Market, Shift

    database = Database(url)
    database.refresh_statistics()
    with database.read() as session:
        market = session.exec(select(Market)).first()
        posted = session.exec(
            select(Shift)
            .where(col(Shift.start) > NOW, col(Shift.status).in_((*OPEN, "filled")))
            .order_by(Shift.id)
            .limit(shifts)
        ).all()
        eligible_workers(session, posted[0], market, NOW)  # warm the caches
        began = time.perf_counter()
        found = 0
        for _ in range(rounds):
            for shift in posted:
                found += len(eligible_workers(session, shift, market, NOW))
        ours = time.perf_counter() - began
    bare_db = sqlite3.connect(database.url.removeprefix("sqlite:///"))
    params = [
        (
            *areas_covering(shift.postcode),
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
        for shift in posted
    ]
    statements = [
        BARE.format(areas=", ".join("?" * len(areas_covering(shift.postcode)))) for shift in posted
    ]
    bare_db.execute(statements[0], params[0]).fetchall()
    began = time.perf_counter()
    rows = 0
    for _ in range(rounds):
        for statement, values in zip(statements, params, strict=True):
            rows += len(bare_db.execute(statement, values).fetchall())
    bare = time.perf_counter() - began
    bare_db.close()
    database.dispose()
    calls = rounds * len(posted)
    print(
        f"  ours  {ours / calls * 1000:7.2f} ms a shift  ({found / calls:.1f} eligible)  goal < 50 ms"
    )
    print(
        f"  bare  {bare / calls * 1000:7.2f} ms a shift  ({rows / calls:.1f} rows before Python's checks)"
    )
    print(f"  ratio ours/bare {ours / bare:.1f}x")


def keep_open(url: str, count: int) -> int:
    """Keep `count` of the market's future shifts open (the rest closed as unfilled), posting
    more through the exchange's own rules when it has fewer; returns how many are open."""
    from sqlalchemy import update
    from sqlmodel import col, func, select

    from exchange.shifts import post_shift
    from store.db import Database
    from store.models import Buyer, Market, Shift

    database = Database(url)
    with database.write() as session:
        future = session.exec(
            select(Shift.id)
            .where(col(Shift.start) > NOW, col(Shift.status).in_((*OPEN, "unfilled")))
            .order_by(Shift.start, Shift.id)
        ).all()
        kept, closed = future[:count], future[count:]
        session.execute(update(Shift).where(col(Shift.id).in_(kept)).values(status="open"))
        session.execute(update(Shift).where(col(Shift.id).in_(closed)).values(status="unfilled"))
        market = session.exec(select(Market)).first()
        buyer = session.exec(select(Buyer)).first()
        template = session.get(Shift, kept[-1])
        for n in range(count - len(kept)):
            start = NOW + timedelta(days=1, hours=n % 10)
            post_shift(
                session,
                market,
                buyer,
                template.skill,
                template.postcode,
                start,
                start + timedelta(hours=4),
                1,
                template.max_rate_minor,
                NOW,
            )
    database.refresh_statistics()
    with database.read() as session:
        opened = session.exec(
            select(func.count())
            .select_from(Shift)
            .where(col(Shift.start) > NOW, col(Shift.status).in_(OPEN))
        ).one()
    database.dispose()
    return opened


def availability_texts(url: str, texts: int) -> dict[str, float]:
    """Median milliseconds of acting on an availability text and of finding the shifts that
    could fit; the mean number queued and the mean milliseconds of topping them up."""
    from sqlalchemy import func
    from sqlmodel import col, select

    from exchange.matching import shifts_that_could_fit
    from exchange.waves import top_up_queued
    from sms import inbound
    from store.db import Database
    from store.models import Shift, Worker

    database = Database(url)
    database.refresh_statistics()
    with database.read() as session:
        phones = session.exec(
            select(Worker.phone)
            .where(Worker.status == "active", col(Worker.opted_out).is_(False))
            .order_by(Worker.id)
            .limit(texts * 50)
        ).all()[::50][:texts]
        open_shifts = session.exec(
            select(func.count())
            .select_from(Shift)
            .where(col(Shift.start) > NOW, col(Shift.status).in_(OPEN))
        ).one()
    acting, finding, topping, queued = [], [], [], []
    for n, phone in enumerate(phones):
        message_id = inbound.receive(database, phone, TEXT, NOW, f"SMbench{n:026d}")
        began = time.perf_counter()
        inbound.process(database, message_id, NOW)
        acting.append(time.perf_counter() - began)
        with database.read() as session:
            worker = session.exec(select(Worker).where(Worker.phone == phone)).one()
            began = time.perf_counter()
            found = shifts_that_could_fit(session, worker, NOW)
            finding.append(time.perf_counter() - began)
        queued.append(len(found))
        began = time.perf_counter()
        top_up_queued(database, NOW)
        topping.append(time.perf_counter() - began)
    database.dispose()
    middle = statistics.median
    return {
        "open": open_shifts,
        "acting": middle(acting[1:]) * 1000,
        "finding": middle(finding[1:]) * 1000,
        "queued": statistics.mean(queued),
        "topping": statistics.mean(topping[1:]) * 1000,
    }


def row(label: str, found: dict[str, float]) -> str:
    return (
        f"  {label:>9}  {found['open']:>11,}  {found['acting']:10.1f} ms  "
        f"{found['finding']:9.1f} ms  {found['queued']:6.1f}  {found['topping']:10.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--shifts", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--texts", type=int, default=20)
    parser.add_argument("--growth", default="1000,10000,100000", help="market sizes, in workers")
    parser.add_argument("--open", default="10,100,1000,2000", help="open shifts to keep")
    options = parser.parse_args()
    sizes = [int(size) for size in options.growth.split(",")]
    paths = {size: seeded_sqlite(size) for size in {*sizes, options.workers}}
    header = "  {:>9}  {:>11}  {:>13}  {:>12}  {:>6}  {:>13}".format(
        "workers", "open shifts", "acting on it", "of which fit", "queued", "topping up"
    )
    with tempfile.TemporaryDirectory(prefix="poems-bench-matching-") as name:
        folder = Path(name)
        print(
            f"matching a posted shift on {options.workers:,} workers, {options.shifts} future shifts x {options.rounds}"
        )
        match_shifts(copy_of(paths[options.workers], folder), options.shifts, options.rounds)

        print(f'an availability text ("{TEXT}"), median of {options.texts} workers; goal < 50 ms')
        print(header)
        for size in sizes:
            url = copy_of(paths[size], folder)
            print(row(f"{size:,}", availability_texts(url, options.texts)))
            Path(url.removeprefix("sqlite:///")).unlink()
        print(f"  ... on {options.workers:,} workers, as the open shifts grow")
        print(header)
        for count in [int(count) for count in options.open.split(",")]:
            url = copy_of(paths[options.workers], folder)
            keep_open(url, count)
            print(row(f"{options.workers:,}", availability_texts(url, options.texts)))
            Path(url.removeprefix("sqlite:///")).unlink()


if __name__ == "__main__":
    main()
