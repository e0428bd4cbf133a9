"""`poems serve` is killed with SIGKILL while its outbox drains a backlog, then started again:
every notice reaches the Twilio-shaped server exactly once, none is stranded "sending"."""

from collections import Counter
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

from sqlmodel import col, func, select

from exchange.notices import notify_phone
from store.models import Message, Notice
from tests.serving import serve, wait_for

BACKLOG = 300


def queue_backlog(db, now) -> None:
    with db.write() as session:
        for n in range(BACKLOG):
            notify_phone(session, f"+4477009{n:05d}", "help", now)


def count(db, *where) -> int:
    with db.read() as session:
        return session.exec(select(func.count()).select_from(Notice).where(*where)).one()


def test_a_serve_killed_mid_drain_sends_every_notice_once_after_a_restart(
    any_db, twilio_double, tmp_path
):
    queue_backlog(any_db, datetime.now(UTC))
    twilio_double.delay = 0.005  # each send takes a moment, as over the internet
    # A third of the way through, the provider stops answering: the kill lands mid-send.
    twilio_double.hold_after = BACKLOG // 3
    lease = {"POEMS_OUTBOX_LEASE_SECONDS": "1"}
    first = serve(any_db.url, twilio_double, tmp_path / "first.log", **lease)
    try:
        wait_for(lambda: twilio_double.held > 0, seconds=60, every=0.01)
    finally:
        first.kill()
    twilio_double.release()
    stranded = count(any_db, Notice.status == "sending")
    gone_before = len(twilio_double.messages)
    assert stranded > 0, "nothing was left sending when serve was killed mid-send"
    assert gone_before < BACKLOG

    second = serve(any_db.url, twilio_double, tmp_path / "second.log", **lease)
    try:
        wait_for(lambda: count(any_db, Notice.status == "sent") == BACKLOG, seconds=120)
    finally:
        second.stop()

    per_notice = Counter(
        parse_qs(urlsplit(m.status_callback).query)["notice"][0] for m in twilio_double.messages
    )
    assert len(per_notice) == BACKLOG and set(per_notice.values()) == {1}
    with any_db.read() as session:
        logged = Counter(
            session.exec(select(Message.notice_id).where(col(Message.direction) == "out")).all()
        )
    assert len(logged) == BACKLOG and set(logged.values()) == {1}
    assert twilio_double.lookups > 0, "stranded notices were not looked up at the provider"
