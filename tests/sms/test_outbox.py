"""The outbox: each notice sent at most once, retried when it may yet go, never to an opted-out number."""

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from exchange.notices import NoticeUnfit, notify_worker
from sms import outbox
from sms.catalogs import NOTICE_KINDS, notice_fields
from sms.gateways import SendResult, SimulatorGateway
from sms.twilio_gateway import TwilioGateway
from store.models import Message, Notice, Worker
from tests import factories
from tests.twilio_double import ACCOUNT_SID, AUTH_TOKEN, make_twilio_http_client


def queue_help(db, now, phone="+447700900001"):
    with db.write() as session:
        worker = session.exec(
            select(Worker).where(Worker.phone == phone)
        ).first() or factories.worker(session, phone, now)
        notice = notify_worker(session, worker, "help", now)
        session.flush()
        return notice.id


def notice(db, notice_id):
    with db.read() as session:
        return session.get(Notice, notice_id)


class FlakyGateway:
    """A gateway that fails the way it is told, a set number of times; it stands for the network."""

    name = "flaky"

    def __init__(self, results):
        self.results = list(results)
        self.calls = 0

    def send(self, to, body, from_=None, notice_id=None):
        self.calls += 1
        return (
            self.results.pop(0)
            if self.results
            else SendResult(sid=f"SM{self.calls}", status="queued")
        )

    def look_up(self, to, body, since):
        return None


def test_a_pending_notice_is_sent_and_logged(db, now):
    notice_id = queue_help(db, now)
    sent = outbox.drain(db, SimulatorGateway(), now)
    assert [m.phone for m in sent] == ["+447700900001"]
    assert sent[0].body.startswith("POEMS texts:")
    assert notice(db, notice_id).status == "sent"
    with db.read() as session:
        logged = session.exec(select(Message).where(Message.direction == "out")).one()
        assert logged.notice_id == notice_id and logged.provider_sid.startswith("SM")


def test_draining_twice_sends_once(db, now):
    queue_help(db, now)
    gateway = SimulatorGateway()
    outbox.drain(db, gateway, now)
    outbox.drain(db, gateway, now)
    assert len(gateway.sent) == 1


def test_nothing_is_sent_to_an_opted_out_number(db, now):
    notice_id = queue_help(db, now)
    with db.write() as session:
        session.exec(select(Worker)).one().opted_out = True
    gateway = SimulatorGateway()
    assert outbox.drain(db, gateway, now) == []
    assert len(gateway.sent) == 0
    assert notice(db, notice_id).status == "suppressed"


def test_a_transient_failure_is_retried_after_a_back_off(db, now):
    notice_id = queue_help(db, now)
    gateway = FlakyGateway([SendResult(sid=None, status="failed", transient=True)])
    assert outbox.drain(db, gateway, now) == []
    assert notice(db, notice_id).next_attempt_at == now + timedelta(seconds=30)
    assert outbox.drain(db, gateway, now + timedelta(seconds=10)) == []
    assert len(outbox.drain(db, gateway, now + timedelta(seconds=30))) == 1
    assert gateway.calls == 2


def test_a_notice_that_keeps_failing_gives_up_after_five_tries(db, now):
    notice_id = queue_help(db, now)
    gateway = FlakyGateway([SendResult(sid=None, status="failed", transient=True)] * 10)
    for minutes in range(0, 60, 5):
        outbox.drain(db, gateway, now + timedelta(minutes=minutes))
    assert gateway.calls == 5
    assert notice(db, notice_id).status == "failed"


def test_a_permanent_failure_is_not_retried(db, now):
    notice_id = queue_help(db, now)
    gateway = FlakyGateway([SendResult(sid=None, status="failed", error_code=21211)])
    outbox.drain(db, gateway, now)
    outbox.drain(db, gateway, now + timedelta(hours=1))
    assert gateway.calls == 1 and notice(db, notice_id).status == "failed"


def test_twilio_21610_marks_the_worker_opted_out(db, now, twilio_double):
    queue_help(db, now)
    twilio_double.fail_next(
        status=400, code=21610, message="Attempt to send to unsubscribed recipient"
    )
    gateway = TwilioGateway(
        ACCOUNT_SID,
        AUTH_TOKEN,
        from_number="+447700900000",
        http_client=make_twilio_http_client(twilio_double),
    )
    outbox.drain(db, gateway, now)
    with db.read() as session:
        assert session.exec(select(Worker)).one().opted_out


def test_notices_go_out_through_the_real_twilio_library(db, now, twilio_double):
    queue_help(db, now)
    gateway = TwilioGateway(
        ACCOUNT_SID,
        AUTH_TOKEN,
        from_number="+447700900000",
        http_client=make_twilio_http_client(twilio_double),
    )
    (sent,) = outbox.drain(db, gateway, now)
    (received,) = twilio_double.messages
    assert received.to == "+447700900001" and received.body == sent.body
    assert sent.provider_sid == received.sid


def test_status_callbacks_keep_the_furthest_status(db, now):
    queue_help(db, now)
    (sent,) = outbox.drain(db, SimulatorGateway(), now)
    outbox.record_status(db, sent.provider_sid, "delivered", None, now)
    outbox.record_status(db, sent.provider_sid, "sent", None, now)
    with db.read() as session:
        assert session.get(Message, sent.id).status == "delivered"


def test_a_status_twilio_does_not_document_is_not_kept_but_its_error_code_is(db, now):
    queue_help(db, now)
    # "scheduled" has no place in the order, so any word could follow it.
    gateway = FlakyGateway([SendResult(sid="SM1", status="scheduled")])
    (sent,) = outbox.drain(db, gateway, now)
    assert outbox.record_status(db, sent.provider_sid, "paused", 30003, now)
    with db.read() as session:
        message = session.get(Message, sent.id)
        assert (message.status, message.error_code) == ("scheduled", 30003)


def test_a_send_in_words_twilio_does_not_document_is_logged_as_accepted(db, now):
    queue_help(db, now)
    gateway = FlakyGateway([SendResult(sid="SM1", status="paused")])
    (sent,) = outbox.drain(db, gateway, now)
    with db.read() as session:
        assert session.get(Message, sent.id).status == "accepted"


def twilio(double, status_callback=None):
    return TwilioGateway(
        ACCOUNT_SID,
        AUTH_TOKEN,
        from_number="+447700900000",
        status_callback=status_callback,
        http_client=make_twilio_http_client(double),
    )


def strand(db, notice_id):
    """The process that claimed the notice died: it is left "sending", its send unrecorded."""
    with db.write() as session:
        notice = session.get(Notice, notice_id)
        notice.status, notice.provider_sid, notice.sent_at = "sending", None, None
        for message in session.exec(select(Message).where(Message.notice_id == notice_id)):
            session.delete(message)


def test_a_notice_that_cannot_be_rendered_fails_with_its_error_and_the_others_go(db, now):
    first = queue_help(db, now, "+447700900001")
    with db.write() as session:
        worker = factories.worker(session, "+447700900002", now)
        # Written before its words changed: the words now need a field it lacks.
        broken = Notice(
            kind="booked", phone=worker.phone, worker_id=worker.id, data={}, created_at=now,
            next_attempt_at=now,
        )  # fmt: skip
        session.add(broken)
        session.flush()
        broken = broken.id
    last = queue_help(db, now, "+447700900003")
    sent = outbox.drain(db, SimulatorGateway(), now)
    assert sorted(m.notice_id for m in sent) == [first, last]
    assert notice(db, broken).status == "failed"
    assert notice(db, broken).last_error.startswith("render: KeyError")


def test_a_notice_short_of_a_field_or_of_an_unknown_kind_is_refused_where_it_is_written(db, now):
    with db.write() as session:
        worker = factories.worker(session, "+447700900002", now)
        with pytest.raises(
            NoticeUnfit, match="a booked notice needs buyer, place, rate, skill, when"
        ):
            notify_worker(session, worker, "booked", now, ref="4821")
        with pytest.raises(NoticeUnfit, match="no notice kind 'bookd'"):
            notify_worker(session, worker, "bookd", now)
        # {when} may come as its parts, start and end.
        start, end = now.isoformat(), (now + timedelta(hours=4)).isoformat()
        notify_worker(
            session, worker, "rates_when_none", now, start=start, end=end, skill="care",
            miles=2, place="E1",
        )  # fmt: skip


def test_what_each_notice_must_carry_is_written_from_the_words_as_they_are_now():
    assert json.loads(NOTICE_KINDS.read_text()) == notice_fields()


def test_notices_are_claimed_a_few_at_a_time(db, now):
    for n in range(outbox.BATCH + 3):
        queue_help(db, now, f"+4477009001{n:02d}")
    claimed, more = outbox.claim(db, now)
    assert len(claimed) == outbox.BATCH and more
    assert all(c.body.startswith("POEMS texts:") for c in claimed)
    rest, more = outbox.claim(db, now)
    assert len(rest) == 3 and not more


def test_a_stranded_notice_the_provider_has_is_recorded_and_not_sent_again(db, now, twilio_double):
    notice_id = queue_help(db, now)
    outbox.drain(db, twilio(twilio_double), now)
    strand(db, notice_id)
    assert outbox.drain(db, twilio(twilio_double), now + timedelta(seconds=30)) == []
    (recovered,) = outbox.drain(db, twilio(twilio_double), now + outbox.LEASE)
    assert len(twilio_double.messages) == 1 and twilio_double.lookups == 1
    assert recovered.provider_sid == twilio_double.messages[0].sid
    assert notice(db, notice_id).status == "sent"


def test_a_stranded_notice_the_provider_never_had_is_sent_once(db, now, twilio_double):
    notice_id = queue_help(db, now)
    twilio_double.drop_next()  # the connection drops before Twilio takes the message
    assert outbox.drain(db, twilio(twilio_double), now) == []
    assert notice(db, notice_id).status == "sending"
    (sent,) = outbox.drain(db, twilio(twilio_double), now + outbox.LEASE)
    assert [m.sid for m in twilio_double.messages] == [sent.provider_sid]
    assert outbox.drain(db, twilio(twilio_double), now + 2 * outbox.LEASE) == []
    assert len(twilio_double.messages) == 1 and notice(db, notice_id).status == "sent"


def test_a_delivery_callback_names_its_notice_so_a_stranded_send_is_recorded(
    db, now, twilio_double
):
    notice_id = queue_help(db, now)
    outbox.drain(db, twilio(twilio_double, "https://poems.example.org/sms/status"), now)
    (message,) = twilio_double.messages
    assert message.status_callback.endswith(f"/sms/status?notice={notice_id}")
    strand(db, notice_id)
    assert outbox.record_status(db, message.sid, "delivered", None, now, notice_id=notice_id)
    twilio_double.stop()  # nobody to ask: the callback alone says it went
    (recovered,) = outbox.drain(db, twilio(twilio_double), now + outbox.LEASE)
    assert recovered.provider_sid == message.sid and twilio_double.lookups == 0
    assert notice(db, notice_id).status == "sent"


def test_a_stranded_notice_waits_while_the_provider_cannot_be_asked(db, now, twilio_double):
    notice_id = queue_help(db, now)
    outbox.drain(db, twilio(twilio_double), now)
    strand(db, notice_id)
    twilio_double.stop()
    assert outbox.drain(db, twilio(twilio_double), now + outbox.LEASE) == []
    assert notice(db, notice_id).status == "sending"
    assert notice(db, notice_id).claimed_at == now + outbox.LEASE
