"""The Twilio webhook: signed requests only, each MessageSid acted on once, status callbacks kept,
bad input refused with a clear 4xx."""

import pytest
from sqlmodel import func, select
from starlette.testclient import TestClient
from twilio.request_validator import RequestValidator

from exchange.notices import notify_worker
from sms import webform
from sms.gateways import SimulatorGateway
from sms.webhook import create_app
from store.models import Message, Notice
from tests import factories

TOKEN = "a-secret-auth-token"
PUBLIC = "https://poems.example.org"
WORKER = "+447700900321"


@pytest.fixture
def gateway():
    return SimulatorGateway()


@pytest.fixture
def client(db, now, gateway):
    app = create_app(db, gateway, TOKEN, PUBLIC + "/", clock=lambda: now)
    with TestClient(app, base_url="http://10.0.0.5:8000") as test_client:
        yield test_client


def settled(client) -> None:
    """Wait for the pipeline's threads to act on what was taken and send what followed."""
    assert client.app.state.pipeline.idle(timeout=10)


def signed(
    path: str, form: dict[str, str], token: str = TOKEN, url: str = PUBLIC
) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(url + path, form)}


def inbound_form(sid: str = "SM" + "a" * 32, body: str = "hello") -> dict[str, str]:
    return {
        "MessageSid": sid,
        "From": WORKER,
        "To": "+447700900000",
        "Body": body,
        "AccountSid": "AC1",
    }


def count(db, **where) -> int:
    with db.read() as session:
        query = select(func.count()).select_from(Message)
        for key, value in where.items():
            query = query.where(getattr(Message, key) == value)
        return session.exec(query).one()


def test_a_signed_text_is_stored_answered_with_twiml_and_replied_to(db, client, gateway):
    form = inbound_form()
    response = client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert "<Response>" in response.text
    assert count(db, direction="in", provider_sid=form["MessageSid"]) == 1
    settled(client)
    assert [m.to for m in gateway.sent] == [WORKER]
    assert "What is your name?" in gateway.sent[0].body


def test_a_replayed_webhook_changes_nothing(db, client, gateway):
    form = inbound_form()
    for _ in range(3):
        assert (
            client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form)).status_code
            == 200
        )
    settled(client)
    assert count(db, direction="in") == 1
    assert count(db, direction="out") == 1
    assert len(gateway.sent) == 1


def test_a_bad_signature_gets_403_and_nothing_is_stored(db, client, gateway):
    form = inbound_form()
    response = client.post(
        "/sms/inbound", data=form, headers=signed("/sms/inbound", form, token="wrong")
    )
    assert response.status_code == 403
    assert count(db) == 0 and len(gateway.sent) == 0


def test_a_missing_signature_gets_403(db, client):
    assert client.post("/sms/inbound", data=inbound_form()).status_code == 403
    assert count(db) == 0


def test_a_tampered_body_gets_403(db, client):
    form = inbound_form()
    headers = signed("/sms/inbound", form)
    assert (
        client.post("/sms/inbound", data=form | {"Body": "STOP"}, headers=headers).status_code
        == 403
    )


def test_the_signature_is_checked_against_the_public_url_not_the_proxy_address(db, client):
    form = inbound_form()
    wrong = signed("/sms/inbound", form, url="http://10.0.0.5:8000")
    assert client.post("/sms/inbound", data=form, headers=wrong).status_code == 403
    assert (
        client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form)).status_code
        == 200
    )


def test_a_signature_over_the_public_url_with_its_port_is_taken_too(db, client):
    """Twilio has signed the same URL with and without its port; either is Twilio's."""
    form = inbound_form()
    with_port = signed("/sms/inbound", form, url="https://poems.example.org:443")
    assert client.post("/sms/inbound", data=form, headers=with_port).status_code == 200
    assert count(db, direction="in") == 1


@pytest.mark.parametrize("signature", ["é" * 28, "x", "=" * 200])
def test_a_signature_header_of_any_shape_that_is_not_twilios_gets_403(db, client, signature):
    form = inbound_form()
    headers = {"X-Twilio-Signature": signature.encode()}
    assert client.post("/sms/inbound", data=form, headers=headers).status_code == 403
    assert count(db) == 0


def test_a_status_callback_updates_the_outbound_message(db, client, gateway):
    form = inbound_form()
    client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    settled(client)
    sid = gateway.sent[0].sid
    status = {"MessageSid": sid, "MessageStatus": "undelivered", "ErrorCode": "30003"}
    assert (
        client.post("/sms/status", data=status, headers=signed("/sms/status", status)).status_code
        == 204
    )
    with db.read() as session:
        message = session.exec(select(Message).where(Message.provider_sid == sid)).one()
        assert (message.status, message.error_code) == ("undelivered", 30003)


def test_a_status_callback_without_a_valid_signature_gets_403(db, client):
    status = {"MessageSid": "SMx", "MessageStatus": "delivered"}
    assert client.post("/sms/status", data=status).status_code == 403


@pytest.fixture
def any_client(any_db, now, gateway):
    app = create_app(any_db, gateway, TOKEN, PUBLIC, clock=lambda: now)
    with TestClient(app, base_url="http://10.0.0.5:8000") as test_client:
        yield test_client


def post_signed(client, path: str, form: dict[str, str]):
    return client.post(path, data=form, headers=signed(path, form))


def test_a_body_over_the_limit_is_refused_413_before_it_is_read(db, client):
    huge = b"Body=" + b"x" * (webform.MOST_BYTES + 1)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    assert client.post("/sms/inbound", content=huge, headers=headers).status_code == 413

    def chunks():
        for _ in range(100):
            yield b"x" * 1024

    assert client.post("/sms/inbound", content=chunks(), headers=headers).status_code == 413
    assert count(db) == 0


def test_a_body_that_is_not_a_urlencoded_form_is_refused_400(db, client):
    assert client.post("/sms/inbound", json={"Body": "hi"}).status_code == 400
    bad_utf8 = {"Content-Type": "application/x-www-form-urlencoded"}
    assert client.post("/sms/inbound", content=b"Body=%FF", headers=bad_utf8).status_code == 400
    assert count(db) == 0


@pytest.mark.parametrize("sender", ["+abc", "+1555", "+44\x00", "+²", "x" * 41])
def test_a_signed_text_from_something_not_a_phone_is_refused_400(db, client, gateway, sender):
    response = post_signed(client, "/sms/inbound", inbound_form() | {"From": sender})
    assert response.status_code == 400
    settled(client)
    assert count(db) == 0 and len(gateway.sent) == 0


def test_a_signed_body_over_twilios_limit_is_refused_413(db, client):
    form = inbound_form(body="x" * (webform.MOST_BODY_CHARACTERS + 1))
    assert post_signed(client, "/sms/inbound", form).status_code == 413
    assert count(db) == 0


def test_nul_and_control_characters_in_a_body_are_stored_and_answered(any_db, any_client):
    form = inbound_form(body="hel\x00lo\x1b")
    assert post_signed(any_client, "/sms/inbound", form).status_code == 200
    settled(any_client)
    with any_db.read() as session:
        stored = session.exec(select(Message).where(Message.direction == "in")).one()
    assert stored.body == "hel\ufffdlo\ufffd" and stored.processed_at is not None
    assert count(any_db, direction="out") == 1


@pytest.mark.parametrize("code", ["²", "1" * 20, "-1", "3 0"])
def test_a_status_callback_with_an_error_code_that_is_not_a_number_is_refused_400(db, client, code):
    status = {"MessageSid": "SM" + "b" * 32, "MessageStatus": "failed", "ErrorCode": code}
    assert post_signed(client, "/sms/status", status).status_code == 400


def test_a_status_callback_with_an_unknown_status_word_is_refused_400(db, client):
    status = {"MessageSid": "SM" + "b" * 32, "MessageStatus": "sent\x00"}
    assert post_signed(client, "/sms/status", status).status_code == 400


def test_the_notice_a_callback_names_is_read_from_its_signed_url(db, client, now):
    with db.write() as session:
        notice = notify_worker(session, factories.worker(session, WORKER, now), "help", now)
        session.flush()
        notice.status, notice.claimed_at = "sending", now
        notice_id = notice.id
    path = f"/sms/status?notice={notice_id}"
    status = {"MessageSid": "SM" + "d" * 32, "MessageStatus": "sent"}
    assert post_signed(client, path, status).status_code == 204
    with db.read() as session:
        assert session.get(Notice, notice_id).provider_sid == "SM" + "d" * 32
    assert post_signed(client, "/sms/status?notice=x", status).status_code == 400
