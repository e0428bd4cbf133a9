"""Two `poems tick` processes on one PostgreSQL database at the same moments (and eight threads on
either database): every offer and every reminder goes out exactly once."""

import threading
from datetime import UTC, datetime, timedelta

from sqlmodel import func, select

from exchange import offers
from scheduler.jobs import run_due
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from store.db import Database
from store.migrate import upgrade
from store.models import Booking, Message, Notice, Offer, Publication, Worker
from tests import factories
from tests.scheduler.day import tick_twice

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
FRI = NOW + timedelta(days=1)
# The moments of the day both processes tick at (London is on UTC in November): the first
# wave, the second, the booking texts with the evening reminders, and the day itself: each
# reminder before its shift starts and each check-in check while its shift runs (later, they
# would be dropped as late).
BEFORE_YES = ["2026-11-26T10:00", "2026-11-26T10:15"]
AFTER_YES = [
    "2026-11-26T18:00",
    "2026-11-27T04:30",
    "2026-11-27T08:30",
    "2026-11-27T12:30",
    "2026-11-27T14:20",
]


def say_yes(db: Database, shift_id: int, phones: list[str], at: datetime) -> None:
    """Each worker takes their offer of the shift (the reply is left for the ticks to send)."""
    for phone in phones:
        with db.read() as session:
            ref = session.exec(
                select(Offer.ref)
                .join(Worker, Worker.id == Offer.worker_id)
                .where(Worker.phone == phone, Offer.shift_id == shift_id, Offer.status == "live")
            ).one()
        deliver(db, phone, f"Y {ref}", at)


def test_two_tick_processes_send_every_offer_and_reminder_exactly_once(postgres_url):
    db = Database(postgres_url)
    upgrade(db, env={})
    with db.write() as session:
        phones = [factories.worker(session, f"+4477009{n:05d}", NOW).phone for n in range(1, 25)]
        # Three shifts of two slots: each wave offers each one to six workers.
        shifts = [
            factories.shift(session, NOW, start=FRI.replace(hour=hour), slots=2).id
            for hour in (6, 10, 14)
        ]
        for shift_id in shifts:
            offers.send_wave(session, shift_id, NOW)

    printed = []
    for at in BEFORE_YES:
        printed += tick_twice(postgres_url, at)
    # Wave 2 went to workers 7-12; two of them take each shift.
    for n, shift_id in enumerate(shifts):
        say_yes(db, shift_id, phones[6 + 2 * n : 8 + 2 * n], NOW + timedelta(minutes=20))
    for at in AFTER_YES:
        printed += tick_twice(postgres_url, at)

    with db.read() as session:
        per_notice = dict(
            session.exec(
                select(Message.notice_id, func.count())
                .where(Message.direction == "out")
                .group_by(Message.notice_id)
            ).all()
        )
        kinds = dict(session.exec(select(Notice.kind, func.count()).group_by(Notice.kind)).all())
        unsent = session.exec(select(Notice.id).where(Notice.status != "sent")).all()
        offer_rows = session.exec(select(func.count()).select_from(Offer)).one()
        bookings = session.exec(
            select(func.count()).select_from(Booking).where(Booking.status == "booked")
        ).one()
    db.dispose()

    assert set(per_notice.values()) == {1}, "a notice went out more than once"
    assert unsent == [] and len(per_notice) == sum(kinds.values())
    assert len(printed) == len(per_notice)
    assert bookings == 6
    assert kinds["offer"] == offer_rows == 36
    assert kinds["reminder_evening"] == kinds["reminder_before"] == kinds["checkin_check"] == 6


def test_eight_threads_ticking_at_the_same_moments_send_each_text_once(any_db):
    """The same claim rules under a tighter race: threads released together by a barrier."""
    with any_db.write() as session:
        for n in range(1, 13):
            factories.worker(session, f"+4477009{n:05d}", NOW)
        shift_ids = [
            factories.shift(session, NOW, start=FRI.replace(hour=hour), slots=2).id
            for hour in (6, 10)
        ]
        for shift_id in shift_ids:
            offers.send_wave(session, shift_id, NOW)
        phones = [w.phone for w in session.exec(select(Worker).order_by(Worker.id))]

    def race(at: datetime) -> None:
        start = threading.Barrier(8)
        errors: list[BaseException] = []

        def tick() -> None:
            try:
                start.wait()
                run_due(any_db, SimulatorGateway(), at)
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=tick) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []

    race(NOW)
    race(NOW + timedelta(minutes=15))
    for n, shift_id in enumerate(shift_ids):
        say_yes(any_db, shift_id, phones[6 + 2 * n : 8 + 2 * n], NOW + timedelta(minutes=20))
    for at in (
        NOW + timedelta(minutes=20),
        NOW + timedelta(hours=8),
        FRI.replace(hour=4, minute=30),
        FRI.replace(hour=8, minute=30),
        FRI.replace(hour=12, minute=20),
    ):
        race(at)

    with any_db.read() as session:
        per_notice = session.exec(
            select(func.count()).where(Message.direction == "out").group_by(Message.notice_id)
        ).all()
        kinds = dict(session.exec(select(Notice.kind, func.count()).group_by(Notice.kind)).all())
    assert set(per_notice) == {1} and len(per_notice) == sum(kinds.values())
    assert kinds["offer"] == 24
    assert kinds["reminder_evening"] == kinds["reminder_before"] == kinds["checkin_check"] == 4


def test_two_tick_processes_publish_the_days_data_once(postgres_url, tmp_path, monkeypatch):
    monkeypatch.setenv("POEMS_PUBLISH_DIR", str(tmp_path / "public"))
    db = Database(postgres_url)
    upgrade(db, env={})
    tick_twice(postgres_url, "2026-11-26T10:00")
    with db.read() as session:
        published = session.exec(select(func.count()).select_from(Publication)).one()
    db.dispose()
    assert published == 1
