"""The dispute and share timers: an untouched dispute escalates to staff after 72 hours, once;
the monthly measure flags a franchisee over the share cap, once a month."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlmodel import func, select

from exchange import disputes
from scheduler import jobs
from store.models import AuditEntry, Dispute, DisputeEvent, ShareFlag
from tests.scheduler.day import book, tick
from tests.scheduler.shares import thirty_and_twenty_nine

HOURS_72 = timedelta(hours=72)


def opened(db, now):
    """A worker's pay dispute opened at the end of their shift; returns its id and that moment."""
    with db.write() as session:
        booked = book(session, now)
        end = now + timedelta(days=1, hours=3)
        dispute = disputes.open_dispute(session, booked.booking_id, "worker", "pay", "x", end)
        return dispute.id, end


def escalations(db) -> int:
    with db.read() as session:
        return session.exec(
            select(func.count()).select_from(DisputeEvent).where(DisputeEvent.kind == "escalated")
        ).one()


def test_an_untouched_dispute_is_not_escalated_before_72_hours(any_db, now):
    dispute_id, opened_at = opened(any_db, now)
    tick(any_db, opened_at + HOURS_72 - timedelta(minutes=1))
    with any_db.read() as session:
        assert session.get(Dispute, dispute_id).status == "open"
    assert escalations(any_db) == 0


def test_an_untouched_dispute_goes_to_staff_after_72_hours_once(any_db, now):
    dispute_id, opened_at = opened(any_db, now)
    tick(any_db, opened_at + HOURS_72)
    tick(any_db, opened_at + HOURS_72 + timedelta(hours=1))
    with any_db.read() as session:
        dispute = session.get(Dispute, dispute_id)
        assert dispute.status == "escalated" and dispute.escalated_at == opened_at + HOURS_72
    assert escalations(any_db) == 1


def test_two_processes_escalating_at_once_escalate_a_dispute_once(any_db, now):
    _, opened_at = opened(any_db, now)
    due = opened_at + HOURS_72
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(lambda _: jobs.escalate_disputes(any_db, due), range(2)))
    assert sorted(done) == [0, 1] and escalations(any_db) == 1


def flags(db) -> list[tuple[int, str]]:
    with db.read() as session:
        return [
            (flag.franchisee_id, flag.period)
            for flag in session.exec(select(ShareFlag).order_by(ShareFlag.id))
        ]


def test_the_share_job_flags_a_franchisee_at_30_5_percent_and_not_one_at_29(any_db, now):
    with any_db.write() as session:
        over, _under = thirty_and_twenty_nine(session, now)
    tick(any_db, now + timedelta(days=10))
    assert flags(any_db) == [(over, "2026-12")]


def measures(db) -> list[str]:
    with db.read() as session:
        return list(
            session.exec(
                select(AuditEntry.subject)
                .where(AuditEntry.action == "share_measure")
                .order_by(AuditEntry.seq)
            )
        )


def test_the_share_job_runs_once_a_month(any_db, now):
    with any_db.write() as session:
        over, _under = thirty_and_twenty_nine(session, now)
    tick(any_db, now + timedelta(days=10))
    tick(any_db, now + timedelta(days=11))
    assert flags(any_db) == [(over, "2026-12")]
    assert measures(any_db) == ["concession:shares:2026-12"]
    tick(any_db, now + timedelta(days=40))
    assert flags(any_db) == [(over, "2026-12"), (over, "2027-01")]
    assert measures(any_db)[-1] == "concession:shares:2027-01"
