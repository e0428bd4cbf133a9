"""Two `poems serve` processes on one PostgreSQL database, driven hard with signed webhooks over
loopback: new numbers, AVAILABLE, YES and SHIFTS at once, 24 at a time. Every text is stored,
acted on and answered with the right reply; nothing is answered "didn't understand", nothing is
sent twice, and PostgreSQL counts no deadlock."""

import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
from sqlalchemy import text
from sqlmodel import col, func, select

from exchange import offers
from store.db import Database
from store.migrate import upgrade
from store.models import Booking, Message, Notice, Offer, ShiftTopUp, Worker
from tests import factories
from tests.serving import serve, signature, text_form, wait_for

AREAS = ["E", "N", "W", "SE", "SW", "NW", "EC", "WC", "IG", "RM", "HA", "CR"]
AT_ONCE = 24
REPLIES = {
    "new": {"signup_name"},
    "available": {"availability_saved"},
    "yes": {"booked", "accept_filled", "accept_closed"},
    "shifts": {"shifts", "shifts_offer_open", "shifts_none"},
}


def market_of_twelve_shifts(db: Database, now: datetime) -> list[tuple[str, str, str]]:
    """Twelve open shifts tomorrow, one per area, each offered to six workers there; returns
    the texts to send: (kind, phone, body)."""
    texts: list[tuple[str, str, str]] = []
    tomorrow = (now + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    later = tomorrow + timedelta(days=2)
    with db.write() as session:
        market = factories.market(session)
        market.quiet_start = market.quiet_end = "00:00"  # offers go at any hour of the run
        number = iter(range(1, 10_000))
        for area in AREAS:
            for n in range(6):
                worker = factories.worker(
                    session,
                    f"+4477009{next(number):05d}",
                    now,
                    place=f"{area}1 2BB",
                    free_from=tomorrow - timedelta(hours=2),
                    free_hours=6,
                )
                if n < 5:
                    texts.append(("yes", worker.phone, ""))
        for area in AREAS:
            for _ in range(13):
                phone = f"+4477009{next(number):05d}"
                factories.worker(session, phone, now, place=f"{area}1 2BB", free_from=later)
                # the date, not "tomorrow", which in the small hours is asked back
                texts.append(("available", phone, f"available {tomorrow:%d/%m} 8am-8pm"))
            for _ in range(4):
                phone = f"+4477009{next(number):05d}"
                factories.worker(session, phone, now, place=f"{area}1 2BB", free_from=later)
                texts.append(("shifts", phone, "SHIFTS"))
        for area in AREAS:
            shift = factories.shift(
                session, now, slots=2, start=tomorrow, hours=1, postcode=f"{area}1 1AA"
            )
            offers.send_wave(session, shift.id, now)
        refs = dict(
            session.exec(
                select(Worker.phone, Offer.ref).join(Offer, col(Offer.worker_id) == Worker.id)
            ).all()
        )
    texts = [
        (kind, phone, f"YES {refs[phone]}" if kind == "yes" else body)
        for kind, phone, body in texts
    ]
    texts += [("new", f"+4477008{n:05d}", "hello") for n in range(100)]
    return texts


def deadlocks(db: Database) -> int:
    with db.engine.connect() as connection:
        return connection.execute(
            text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        ).scalar()


def test_two_serve_processes_answer_every_text_right_once(postgres_url, twilio_double, tmp_path):
    db = Database(postgres_url)
    upgrade(db, env={})
    now = datetime.now(UTC)
    texts = market_of_twelve_shifts(db, now)
    assert len(texts) >= 360
    before = deadlocks(db)
    servers = [serve(postgres_url, twilio_double, tmp_path / f"serve-{n}.log") for n in (1, 2)]
    try:
        local = threading.local()

        def send(numbered: tuple[int, tuple[str, str, str]]) -> int:
            n, (_, phone, body) = numbered
            if not hasattr(local, "client"):
                local.client = httpx.Client(timeout=30)
            form = text_form("SM" + uuid.uuid4().hex, phone, body)
            response = local.client.post(
                servers[n % 2].base + "/sms/inbound",
                data=form,
                headers=signature("/sms/inbound", form),
            )
            return response.status_code

        with ThreadPoolExecutor(AT_ONCE) as pool:
            statuses = Counter(pool.map(send, enumerate(texts)))
        assert statuses == {200: len(texts)}
        wait_for(lambda: settled(db), seconds=120, every=0.25)
    finally:
        for served in servers:
            served.stop()

    with db.read() as session:
        inbound = session.exec(select(Message).where(Message.direction == "in")).all()
        replies: dict[str, set[str]] = {}
        for phone, kind in session.exec(select(Notice.phone, Notice.kind)):
            replies.setdefault(phone, set()).add(kind)
        per_notice = Counter(
            session.exec(select(Message.notice_id).where(Message.direction == "out")).all()
        )
        notices = session.exec(select(func.count()).select_from(Notice)).one()
        unsent = session.exec(select(Notice.status).where(Notice.status != "sent")).all()
        booked = session.exec(
            select(Booking.shift_id, func.count()).group_by(Booking.shift_id)
        ).all()
    assert len(inbound) == len(texts)
    assert all(m.processed_at is not None and m.act_attempts == 0 for m in inbound)
    for kind, phone, _ in texts:
        assert replies.get(phone, set()) & REPLIES[kind], (
            f"{kind} text from {phone}: {replies.get(phone)}"
        )
    assert not any("unknown" in kinds for kinds in replies.values()), "a fallback reply went out"
    assert unsent == [] and set(per_notice.values()) == {1} and len(per_notice) == notices
    sent_by_twilio = Counter(
        parse_qs(urlsplit(m.status_callback).query)["notice"][0] for m in twilio_double.messages
    )
    assert set(sent_by_twilio.values()) == {1}, "a notice went to Twilio twice"
    assert len(twilio_double.messages) == notices
    assert sorted(count for _, count in booked) == [2] * len(AREAS)
    assert deadlocks(db) == before
    db.dispose()


def settled(db: Database) -> bool:
    """Every text acted on, every notice sent, no shift left to top up."""
    with db.read() as session:
        waiting = session.exec(
            select(func.count())
            .select_from(Message)
            .where(Message.direction == "in", col(Message.processed_at).is_(None))
        ).one()
        unsent = session.exec(
            select(func.count())
            .select_from(Notice)
            .where(col(Notice.status).in_(("pending", "sending")))
        ).one()
        queued = session.exec(select(func.count()).select_from(ShiftTopUp)).one()
    return waiting == unsent == queued == 0
