"""State lives in the database: after a stop and a restart, what fell due while down runs once,
late, not twice and not never."""

from datetime import timedelta

from sqlmodel import select

from exchange import timers
from scheduler.runner import start_scheduler
from store.db import Database
from store.models import Deadline
from tests.scheduler.day import ANN, Watching, book, tick

EVENING = timedelta(hours=8)  # Thu 18:00, the evening before the booked shift


def booked_then_stopped(sqlite_url, now) -> None:
    """One process books a shift, sends what it must, and stops."""
    first = Database(sqlite_url)
    with first.write() as session:
        book(session, now)
    tick(first, now)
    first.dispose()


def test_a_reminder_due_while_nothing_ran_is_sent_once_at_the_first_tick_after_a_restart(
    db, sqlite_url, now
):
    booked_then_stopped(sqlite_url, now)
    restarted = Database(sqlite_url)
    late = now + EVENING + timedelta(hours=3)
    sent = tick(restarted, late)
    assert [(to, body[:9]) for to, body in sent] == [(ANN, "Tomorrow:")]
    assert tick(restarted, late + timedelta(minutes=1)) == []
    restarted.dispose()


def test_a_reminder_sent_before_a_restart_is_not_sent_again_after_it(db, sqlite_url, now):
    booked_then_stopped(sqlite_url, now)
    before = Database(sqlite_url)
    assert len(tick(before, now + EVENING)) == 1
    before.dispose()
    after = Database(sqlite_url)
    assert tick(after, now + EVENING + timedelta(minutes=1)) == []
    after.dispose()


def test_a_sweep_that_died_before_committing_leaves_the_reminder_due(db, sqlite_url, now):
    booked_then_stopped(sqlite_url, now)
    dying = Database(sqlite_url)
    try:
        with dying.write() as session:
            first_due = session.exec(
                select(Deadline).where(Deadline.kind == "reminder_evening")
            ).one()
            timers.fire(session, first_due.id, now + EVENING)
            raise KeyboardInterrupt  # the process is killed before the commit
    except KeyboardInterrupt:
        pass
    dying.dispose()
    restarted = Database(sqlite_url)
    assert [body[:9] for _, body in tick(restarted, now + EVENING)] == ["Tomorrow:"]
    restarted.dispose()


def test_the_scheduler_catches_up_at_once_when_it_starts(db, sqlite_url, now):
    booked_then_stopped(sqlite_url, now)
    gateway = Watching()
    restarted = Database(sqlite_url)
    scheduler = start_scheduler(
        restarted, gateway, lambda: now + EVENING + timedelta(hours=1), every_seconds=0.2
    )
    try:
        assert gateway.first.wait(timeout=30)
    finally:
        scheduler.shutdown()
        restarted.dispose()
    assert [(m.to, m.body[:9]) for m in gateway.sent] == [(ANN, "Tomorrow:")]
