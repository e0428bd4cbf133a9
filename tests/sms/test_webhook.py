"""The Twilio webhook: signed requests only, each MessageSid acted on once, status callbacks kept,
bad input refused with a clear 4xx."""

import pytest
from sqlmodel import func, select
from starlette.testclient import TestClient
from twilio.request_validator import RequestValidator

from sms.gateways import SimulatorGateway
from sms.webhook import create_app
from store.models import Message

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


def signed(path: str, form: dict[str, str], token: str = TOKEN) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(PUBLIC + path, form)}


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
    wrong = {
        "X-Twilio-Signature": RequestValidator(TOKEN).compute_signature(
            "http://10.0.0.5:8000/sms/inbound", form
        )
    }
    assert client.post("/sms/inbound", data=form, headers=wrong).status_code == 403
    assert (
        client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form)).status_code
        == 200
    )


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
