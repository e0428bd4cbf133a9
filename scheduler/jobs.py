"""Timed jobs: each one an idempotent sweep of what is due, safe to run late or twice.

Each unit of work (a shift's wave, a deadline, a pattern) runs in its own write transaction
and claims its rows first, so two `poems serve` processes on one database never do it twice.
"""

import logging
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import col, select

from exchange import credentials, disputes, franchises, recurring, timers, waves
from exchange.audit import audit
from exchange.law import minimums
from exchange.localtime import local
from exchange.publishing import publish_daily
from services.credentials import run_consented_checks
from services.each import each_alone
from sms import inbound, outbox
from sms.gateways import Gateway
from store.db import Database
from store.models import AuditEntry, Concession, Deadline, Market, Message

log = logging.getLogger(__name__)


def sweep_inbound(db: Database, now: datetime) -> int:
    """Act on stored texts not yet acted on: the process stopped between store and act, or
    acting failed and its next try is due. Returns how many were acted on here."""
    return inbound.sweep(db, now)


def sweep_waves(db: Database, now: datetime) -> int:
    """Top up the shifts newly free workers may fit, expire unanswered offers, send next waves,
    close shifts nobody is left to take."""
    waves.top_up_queued(db, now)
    with db.read() as session:
        shift_ids = waves.shifts_due(session, now)
    outcomes = each_alone(
        db, "shift", shift_ids, lambda session, shift_id: waves.advance(session, shift_id, now)
    )
    return sum(outcome in ("wave", "unfilled") for outcome in outcomes)


def sweep_deadlines(db: Database, now: datetime) -> int:
    """Fire every deadline that is due, each once, in its own transaction. One whose moment has
    passed (a reminder after its shift began, after a gap in the sweeps) is dropped unsaid and
    counted in the log. Returns how many did their work."""
    with db.read() as session:
        due = session.exec(
            select(Deadline.id)
            .where(col(Deadline.done_at).is_(None), col(Deadline.due_at) <= now)
            .order_by(Deadline.due_at, Deadline.id)
        ).all()
    outcomes = each_alone(
        db,
        "deadline",
        due,
        lambda session, deadline_id: timers.fire(session, deadline_id, now),
    )
    late = outcomes.count(timers.LATE)
    if late:
        log.warning("%d timed texts dropped unsent: their moment had passed", late)
    return outcomes.count(timers.FIRED)


def sweep_patterns(db: Database, now: datetime) -> int:
    """Make windows a fortnight ahead from each repeating availability pattern."""
    with db.read() as session:
        pattern_ids = recurring.patterns_due(session, now)
    return sum(
        each_alone(
            db,
            "availability pattern",
            pattern_ids,
            lambda session, pid: recurring.extend_pattern(session, pid, now),
        )
    )


def retire_windows(db: Database, now: datetime) -> int:
    """Delete availability windows that ended more than a day ago."""
    with db.write() as session:
        return recurring.retire_windows(session, now)


def escalate_disputes(db: Database, now: datetime) -> int:
    """Disputes untouched for the concession's hours go to staff; each is claimed once, so two
    processes never escalate the same one twice."""
    with db.write() as session:
        return len(disputes.escalate_due(session, now))


def measure_shares(db: Database, now: datetime) -> int:
    """The monthly measure of each franchisee's share per sector (rule 9): the first sweep of a
    month, in the oldest market's zone, measures and records it on the audit chain; later sweeps
    that month find the record and do nothing. Returns how many were flagged."""
    with db.write() as session:
        # The concession's row, locked, keeps two PostgreSQL processes from measuring at once
        # (SQLite's writers already take turns).
        session.exec(select(Concession).with_for_update()).first()
        home = session.exec(select(Market.tz).order_by(Market.id)).first() or "UTC"
        subject = f"concession:shares:{local(now, home):%Y-%m}"
        done = session.exec(
            select(AuditEntry.id).where(
                AuditEntry.action == "share_measure", AuditEntry.subject == subject
            )
        ).first()
        if done is not None:
            return 0
        flagged = franchises.measure_shares(session, now, home)
        audit(session, None, "share_measure", subject, f"{len(flagged)} flagged", now)
        return len(flagged)


def apply_minimums(db: Database, now: datetime) -> int:
    """A new legal minimum (rule 11), from before its first day: each worker whose rate it
    passes is asked once, in their language, to raise it. The asking is recorded per worker and
    figure, so a later or second run tells nobody twice. Returns how many were asked."""
    with db.write() as session:
        # The concession's row, locked, keeps two PostgreSQL processes from asking at once.
        session.exec(select(Concession).with_for_update()).first()
        return len(minimums.apply_new_minimums(session, now))


def publish_data(db: Database, out_dir: Path, now: datetime) -> int:
    """The day's publication of the anonymised data (rule 1): the first sweep of a UTC day
    writes it to `out_dir`; later ones that day do nothing. Returns how many were written."""
    from website.site import write_site  # the charting library loads only when publishing

    return int(publish_daily(db, out_dir, now, render=write_site) is not None)


def sweep_outbox(
    db: Database, gateway: Gateway, now: datetime, lease: timedelta = outbox.LEASE
) -> int:
    """Send what is due, after resolving notices left "sending" longer than `lease`."""
    return len(outbox.drain(db, gateway, now, lease=lease))


def run_due(
    db: Database,
    gateway: Gateway,
    now: datetime,
    publish_to: Path | None = None,
    verifier: credentials.Verifier | None = None,
) -> list[Message]:
    """Every job once as of `now`, in order; returns the messages sent.

    Texts first (a reply already in decides an offer), then new windows before the waves that
    use them, then deadlines, disputes, the credential checks workers consented to (with a
    `verifier`), new legal minimums and the month's shares, the day's publication when
    `publish_to` names its folder, and last the outbox, which sends what all of them wrote.
    """
    sweep_inbound(db, now)
    sweep_patterns(db, now)
    retire_windows(db, now)
    sweep_waves(db, now)
    sweep_deadlines(db, now)
    escalate_disputes(db, now)
    if verifier is not None:
        run_consented_checks(db, verifier, now)
    apply_minimums(db, now)
    measure_shares(db, now)
    if publish_to is not None:
        publish_data(db, publish_to, now)
    return outbox.drain(db, gateway, now)
