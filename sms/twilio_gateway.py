"""The Twilio gateway: sends through Twilio's Messages API for real phones.

Kept apart from sms.gateways so the console and the simulator never load the Twilio client.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http import HttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from urllib3.exceptions import NewConnectionError

from sms.gateways import Gateway, SendResult

log = logging.getLogger(__name__)

# Twilio error codes that a later retry may get past: too many requests, internal error,
# service unavailable, queue overflow.
TRANSIENT_ERROR_CODES: frozenset[int] = frozenset({20429, 20500, 20503, 30001})
# The recipient replied STOP: never send to them again until they reply START.
OPTED_OUT_ERROR_CODE = 21610


class TwilioGateway:
    """Sends through Twilio's Messages API.

    The sender is, in order: the `from_` passed to send(), the Messaging Service, the default
    number. `timeout` applies to the default HTTP client; a client passed in keeps its own.
    """

    name = "twilio"

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_number: str | None = None,
        messaging_service_sid: str | None = None,
        status_callback: str | None = None,
        http_client: HttpClient | None = None,
        timeout: float = 10.0,
    ) -> None:
        if not (from_number or messaging_service_sid):
            raise ValueError("TwilioGateway needs a from_number or a messaging_service_sid")
        self.from_number = from_number
        self.messaging_service_sid = messaging_service_sid
        self.status_callback = status_callback
        self.client = Client(
            account_sid,
            auth_token,
            http_client=http_client or TwilioHttpClient(timeout=timeout),
        )

    def send(self, to: str, body: str, from_: str | None = None) -> SendResult:
        """Hand one message to Twilio and report the outcome without raising."""
        sender: dict[str, str] = {}
        if from_:
            sender["from_"] = from_
        elif self.messaging_service_sid:
            sender["messaging_service_sid"] = self.messaging_service_sid
        else:
            sender["from_"] = self.from_number or ""
        extra = {"status_callback": self.status_callback} if self.status_callback else {}
        try:
            message = self.client.messages.create(to=to, body=body, **sender, **extra)
        except (TwilioRestException, TwilioServiceException) as exc:
            return _from_twilio_error(exc.status, exc.code)
        except requests.RequestException as exc:
            # At most once: retry only when the request cannot have reached Twilio. After it went
            # out (a read timeout, a dropped reply) Twilio may have queued it, so it is not resent.
            never_sent = isinstance(exc, requests.exceptions.ConnectTimeout) or (
                isinstance(exc, requests.ConnectionError) and _refused(exc)
            )
            log.warning("twilio send to %s: network error (sent: %s): %s", to, not never_sent, exc)
            return SendResult(
                sid=None, status="failed" if never_sent else "unknown", transient=never_sent
            )
        except (TwilioException, ValueError) as exc:
            # ValueError covers an unparseable response body.
            log.error("twilio send to %s: unexpected error: %r", to, exc)
            return SendResult(sid=None, status="failed")
        return SendResult(
            sid=message.sid,
            status=message.status or "queued",
            error_code=message.error_code,
        )


def _refused(exc: requests.ConnectionError) -> bool:
    """True when the connection was never made (refused, no route, name not found)."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError)


def _from_twilio_error(status: int, code: int | None) -> SendResult:
    """Map an HTTP status and Twilio error code to a failed SendResult."""
    if code == OPTED_OUT_ERROR_CODE:
        return SendResult(sid=None, status="failed", error_code=code, opted_out=True)
    transient = status == 429 or status >= 500 or code in TRANSIENT_ERROR_CODES
    log.log(
        logging.WARNING if transient else logging.ERROR,
        "twilio send failed: HTTP %s, code %s",
        status,
        code,
    )
    return SendResult(sid=None, status="failed", error_code=code, transient=transient)


def twilio_gateway_from_env(env: Mapping[str, str]) -> Gateway | None:
    """Build a TwilioGateway from TWILIO_* settings, or None when none are set.

    Raises ValueError when Twilio is half configured, so a deployment never falls back to the
    simulator by accident.
    """
    sid = env.get("TWILIO_ACCOUNT_SID", "").strip()
    token = env.get("TWILIO_AUTH_TOKEN", "").strip()
    from_number = env.get("TWILIO_FROM", "").strip() or None
    service = env.get("TWILIO_MESSAGING_SERVICE_SID", "").strip() or None
    if not (sid or token or from_number or service):
        return None
    missing = [
        name
        for name, value in (("TWILIO_ACCOUNT_SID", sid), ("TWILIO_AUTH_TOKEN", token))
        if not value
    ]
    if not (from_number or service):
        missing.append("TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID")
    if missing:
        raise ValueError("Twilio is partly configured; missing " + ", ".join(missing))
    public_url = env.get("POEMS_PUBLIC_URL", "").strip().rstrip("/")
    return TwilioGateway(
        sid,
        token,
        from_number=from_number,
        messaging_service_sid=service,
        status_callback=public_url + "/sms/status" if public_url else None,
    )
