"""Outbound gateways: TwilioGateway against a loopback Twilio double, and the simulator."""

import re
import socket
from datetime import UTC, datetime, timedelta

import pytest

from sms.gateways import NOT_ASKED, SendResult, SimulatorGateway
from sms.twilio_gateway import TwilioGateway, outbound_gateway, twilio_gateway_from_env
from tests.twilio_double import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    TwilioDouble,
    make_twilio_http_client,
)

WORKER = "+447700900123"
EXCHANGE = "+447700900001"
SERVICE = "MG" + "1" * 32
CALLBACK = "https://poems.example.org/sms/status"


def gateway(double: TwilioDouble, **kwargs) -> TwilioGateway:
    settings = {"from_number": EXCHANGE, "status_callback": CALLBACK}
    settings.update(kwargs)
    account = settings.pop("account_sid", ACCOUNT_SID)
    token = settings.pop("auth_token", AUTH_TOKEN)
    return TwilioGateway(account, token, http_client=make_twilio_http_client(double), **settings)


def test_twilio_gateway_sends_through_twilio(twilio_double):
    result = gateway(twilio_double).send(WORKER, "Shift 42: Sat 9-5, £12.50/h. Reply YES 42")

    assert re.fullmatch(r"SM[0-9a-f]{32}", result.sid)
    assert result == SendResult(sid=result.sid, status="queued")
    [sent] = twilio_double.messages
    assert sent.sid == result.sid
    assert sent.to == WORKER
    assert sent.from_ == EXCHANGE
    assert sent.messaging_service_sid is None
    assert sent.body == "Shift 42: Sat 9-5, £12.50/h. Reply YES 42"
    assert sent.status_callback == CALLBACK


def test_twilio_gateway_from_argument_overrides_default_number(twilio_double):
    gateway(twilio_double).send(WORKER, "hi", from_="+447700900999")

    assert twilio_double.messages[0].from_ == "+447700900999"


def test_twilio_gateway_uses_messaging_service(twilio_double):
    gw = gateway(twilio_double, from_number=None, messaging_service_sid=SERVICE)

    result = gw.send(WORKER, "hello")

    assert result.status == "accepted"
    assert not result.transient
    [sent] = twilio_double.messages
    assert sent.messaging_service_sid == SERVICE
    assert sent.from_ is None


def test_twilio_gateway_without_status_callback_sends_none(twilio_double):
    gateway(twilio_double, status_callback=None).send(WORKER, "hello")

    assert twilio_double.messages[0].status_callback is None


def test_bad_credentials_fail_and_are_not_transient(twilio_double):
    result = gateway(twilio_double, auth_token="wrong").send(WORKER, "hello")

    assert result == SendResult(sid=None, status="failed", error_code=20003)
    assert twilio_double.messages == []


def test_server_error_is_transient(twilio_double):
    twilio_double.fail_next(status=500)

    result = gateway(twilio_double).send(WORKER, "hello")

    assert result == SendResult(sid=None, status="failed", error_code=20500, transient=True)
    assert twilio_double.messages == []


def test_too_many_requests_is_transient(twilio_double):
    twilio_double.fail_next(status=429, code=20429)

    result = gateway(twilio_double).send(WORKER, "hello")

    assert result.transient
    assert result.error_code == 20429
    assert not result.opted_out


def test_queue_overflow_code_is_transient_even_on_400(twilio_double):
    twilio_double.fail_next(status=400, code=30001, message="Queue overflow")

    assert gateway(twilio_double).send(WORKER, "hello").transient


def test_unsubscribed_recipient_is_opted_out_not_transient(twilio_double):
    twilio_double.fail_next(
        status=400, code=21610, message="Attempt to send to unsubscribed recipient"
    )

    result = gateway(twilio_double).send(WORKER, "hello")

    assert result == SendResult(sid=None, status="failed", error_code=21610, opted_out=True)


def test_other_client_error_fails_and_is_not_transient(twilio_double):
    twilio_double.fail_next(status=400, code=21211, message="Invalid 'To' Phone Number")

    result = gateway(twilio_double).send("+1555", "hello")

    assert result == SendResult(sid=None, status="failed", error_code=21211)


def test_dropped_connection_after_sending_is_not_retried(twilio_double):
    """Twilio may have queued a message whose reply was lost: resending could text twice."""
    twilio_double.drop_next()

    result = gateway(twilio_double).send(WORKER, "hello")

    assert result == SendResult(sid=None, status="unknown", transient=False)
    assert twilio_double.messages == []


def test_failure_is_programmed_for_one_request_only(twilio_double):
    twilio_double.fail_next(status=500)
    gw = gateway(twilio_double)

    assert gw.send(WORKER, "first").transient
    assert gw.send(WORKER, "retry").status == "queued"
    assert [m.body for m in twilio_double.messages] == ["retry"]


def test_unreachable_server_is_transient():
    """Nothing listens on the port: a connection error, reported not raised."""
    double = TwilioDouble()
    double.stop()  # frees the port without ever serving

    assert gateway(double).send(WORKER, "hello").transient


def test_twilio_gateway_needs_a_sender():
    with pytest.raises(ValueError):
        TwilioGateway(ACCOUNT_SID, AUTH_TOKEN)


def test_simulator_returns_delivered_and_never_opens_a_socket(monkeypatch):
    def no_sockets(*args, **kwargs):
        raise AssertionError("the simulator opened a socket")

    monkeypatch.setattr(socket, "socket", no_sockets)
    monkeypatch.setattr(socket, "create_connection", no_sockets)
    sim = SimulatorGateway()

    result = sim.send(WORKER, "hello", from_=EXCHANGE)

    assert result.status == "delivered"
    assert re.fullmatch(r"SM[0-9a-f]{32}", result.sid)
    assert not result.transient and not result.opted_out
    assert [(m.sid, m.to, m.body, m.from_) for m in sim.sent] == [
        (result.sid, WORKER, "hello", EXCHANGE)
    ]


def test_from_env_returns_none_without_settings():
    assert twilio_gateway_from_env({}) is None
    assert twilio_gateway_from_env({"POEMS_PUBLIC_URL": "https://x.example", "HOME": "/"}) is None


def test_from_env_rejects_half_configured_twilio():
    with pytest.raises(ValueError, match="TWILIO_AUTH_TOKEN"):
        twilio_gateway_from_env({"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_FROM": EXCHANGE})


def test_from_env_builds_gateway_with_status_callback():
    gw = twilio_gateway_from_env(
        {
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_MESSAGING_SERVICE_SID": SERVICE,
            "POEMS_PUBLIC_URL": "https://poems.example.org/",
        }
    )

    assert isinstance(gw, TwilioGateway)
    assert gw.name == "twilio"
    assert gw.messaging_service_sid == SERVICE
    assert gw.status_callback == CALLBACK


def test_from_env_gateway_sends_through_twilio(twilio_double):
    gw = twilio_gateway_from_env(
        {
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_FROM": EXCHANGE,
            "POEMS_PUBLIC_URL": "https://poems.example.org",
        }
    )
    gw.client.http_client = make_twilio_http_client(twilio_double)

    assert gw.send(WORKER, "hello").status == "queued"
    assert twilio_double.messages[0].status_callback == CALLBACK


SETTINGS = {
    "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
    "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
    "TWILIO_FROM": EXCHANGE,
    "POEMS_PUBLIC_URL": "https://poems.example.org",
}


def test_twilio_api_base_url_sends_through_a_twilio_shaped_server_there(twilio_double):
    gw = twilio_gateway_from_env(SETTINGS | {"TWILIO_API_BASE_URL": twilio_double.base_url})
    result = gw.send(WORKER, "hello", notice_id=7)
    assert result.status == "queued"
    (sent,) = twilio_double.messages
    assert (sent.sid, sent.status_callback) == (result.sid, CALLBACK + "?notice=7")


def test_a_twilio_api_base_url_that_is_not_http_is_refused():
    with pytest.raises(ValueError, match="TWILIO_API_BASE_URL must be an http"):
        twilio_gateway_from_env(SETTINGS | {"TWILIO_API_BASE_URL": "localhost:9000"})


def test_look_up_finds_a_sent_message_in_twilios_list_by_its_words(twilio_double):
    gw = gateway(twilio_double)
    since = datetime.now(UTC) - timedelta(minutes=1)
    gw.send("+447700900555", "hello")
    sent = gw.send(WORKER, "hello")
    gw.send(WORKER, "goodbye")
    found = gw.look_up(WORKER, "hello", since)
    assert found.sid == sent.sid
    assert gw.look_up(WORKER, "hello again", since) is None
    assert gw.look_up(WORKER, "hello", datetime.now(UTC) + timedelta(minutes=1)) is None


def test_look_up_says_when_twilio_could_not_be_asked():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gw = TwilioGateway(
        ACCOUNT_SID,
        AUTH_TOKEN,
        from_number=EXCHANGE,
        api_base_url=f"http://127.0.0.1:{port}",
        timeout=1,
    )
    assert gw.look_up(WORKER, "hello", datetime.now(UTC)) is NOT_ASKED


def test_staging_keeps_texts_on_the_simulator_while_twilio_signs_the_webhooks():
    assert outbound_gateway(SETTINGS | {"POEMS_OUTBOUND": "simulator"}).name == "simulator"
    assert outbound_gateway(
        {"TWILIO_AUTH_TOKEN": AUTH_TOKEN, "POEMS_OUTBOUND": "simulator"}
    ).name == ("simulator")
    assert outbound_gateway(SETTINGS).name == "twilio"
    assert outbound_gateway({}).name == "simulator"


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"POEMS_OUTBOUND": "carrier-pigeon"}, "POEMS_OUTBOUND is twilio or simulator"),
        ({"POEMS_OUTBOUND": "twilio"}, "no TWILIO_ settings"),
        ({"TWILIO_AUTH_TOKEN": AUTH_TOKEN}, "missing TWILIO_ACCOUNT_SID, TWILIO_FROM"),
    ],
)
def test_outbound_settings_that_cannot_work_say_so_in_one_line(env, says):
    with pytest.raises(ValueError, match=says) as refused:
        outbound_gateway(env)
    assert "\n" not in str(refused.value)
