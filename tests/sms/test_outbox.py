"""The outbox: each notice sent at most once, retried when it may yet go, never to an opted-out number."""

from datetime import timedelta

from sqlmodel import select

from exchange.notices import notify_worker
from sms import outbox
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
