"""APScheduler set-up for `poems serve`: the sweeps run on a timer, state lives in the database.

Every job is one of the sweeps `poems tick` runs, so what fell due while the process was down
runs once, late, on the first run after a start.
"""

from collections.abc import Callable, Collection
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.background import BackgroundScheduler

from exchange.credentials import Verifier
from scheduler import jobs
from services.credentials import run_consented_checks
from sms import outbox
from sms.gateways import Gateway
from store.db import Database

# Seconds between runs: texts and the outbox often, waves and deadlines at minute precision,
# dispute escalation every few minutes, availability upkeep, the month's shares, new legal
# minimums (asked about a fortnight ahead), the day's publication and the query planner's
# statistics rarely.
EVERY = {
    "waves": 20,
    "credentials": 20,
    "deadlines": 20,
    "escalation": 300,
    "patterns": 3600,
    "retire": 3600,
    "shares": 3600,
    "minimums": 3600,
    "publish": 3600,
    "statistics": 3600,
}

# Sweeps that keep the books rather than answer anyone: with `books_after`, a start catches
# them up a little after the texts waiting to be answered and sent, one at a time.
BOOKKEEPING = ("credentials", "escalation", "patterns", "retire", "shares", "minimums",
               "statistics", "publish")  # fmt: skip


def start_scheduler(
    db: Database,
    gateway: Gateway,
    clock: Callable[[], datetime],
    every_seconds: float = 5,
    publish_to: Path | None = None,
    lease: timedelta = outbox.LEASE,
    verifier: Verifier | None = None,
    only: Collection[str] | None = None,
    without: Collection[str] = (),
    books_after: float = 0,
) -> BackgroundScheduler:
    """Start the sweeps (`only` those named, when given, and none named in `without`);
    coalesced so a stall never queues the same sweep twice.

    `every_seconds` is the interval of the inbound and outbox sweeps; the others keep EVERY's.
    With `publish_to`, the anonymised data is published there once a day. `lease` is how long
    a notice may be "sending" before the outbox sweep asks the provider whether it went. With
    a `verifier`, the credential checks workers consented to are looked up. With `books_after`,
    the book-keeping sweeps first run that many seconds after the start, a second apart, so
    that a restart answers the texts waiting first.
    """
    scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1})
    sweeps: dict[str, Callable[[], object]] = {
        "inbound": lambda: jobs.sweep_inbound(db, clock()),
        "outbox": lambda: jobs.sweep_outbox(db, gateway, clock(), lease),
        "waves": lambda: jobs.sweep_waves(db, clock()),
        "deadlines": lambda: jobs.sweep_deadlines(db, clock()),
        "patterns": lambda: jobs.sweep_patterns(db, clock()),
        "retire": lambda: jobs.retire_windows(db, clock()),
        "escalation": lambda: jobs.escalate_disputes(db, clock()),
        "shares": lambda: jobs.measure_shares(db, clock()),
        "minimums": lambda: jobs.apply_minimums(db, clock()),
        "statistics": db.refresh_statistics,
    }
    if verifier is not None:
        sweeps["credentials"] = lambda: run_consented_checks(db, verifier, clock())
    if publish_to is not None:
        sweeps["publish"] = lambda: jobs.publish_data(db, publish_to, clock())
    for name, sweep in sweeps.items():
        if (only is not None and name not in only) or name in without:
            continue
        seconds = EVERY.get(name, every_seconds)
        # First run soon (by the real clock APScheduler keeps): a restart catches up now, not
        # an interval later.
        later = books_after + BOOKKEEPING.index(name) if name in BOOKKEEPING and books_after else 0
        first = datetime.now(UTC) + timedelta(seconds=later)
        scheduler.add_job(
            sweep,
            "interval",
            seconds=seconds,
            id=name,
            next_run_time=first,
            misfire_grace_time=None,
        )
    scheduler.start()
    return scheduler
