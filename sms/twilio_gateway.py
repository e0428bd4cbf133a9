"""The Twilio gateway: sends through Twilio's Messages API for real phones.

Kept apart from sms.gateways so the console and the simulator never load the Twilio client.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http import HttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client
from urllib3.exceptions import NewConnectionError

from sms.gateways import NOT_ASKED, Gateway, SendResult, SimulatorGateway
from store.statuses import MessageStatus

log = logging.getLogger(__name__)

# Twilio error codes that a later retry may get past: too many requests, internal error,
# service unavailable, queue overflow.
TRANSIENT_ERROR_CODES: frozenset[int] = frozenset({20429, 20500, 20503, 30001})
# The recipient replied STOP: never send to them again until they reply START.
OPTED_OUT_ERROR_CODE = 21610
# How many of a number's newest messages are read to find one a dead process may have sent.
LOOK_UP_DEPTH = 50


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
        api_base_url: str | None = None,
    ) -> None:
        if not (from_number or messaging_service_sid):
            raise ValueError("TwilioGateway needs a from_number or a messaging_service_sid")
        self.from_number = from_number
        self.messaging_service_sid = messaging_service_sid
        self.status_callback = status_callback
        if http_client is None:
            http_client = (
                RebasedHttpClient(api_base_url, timeout=timeout)
                if api_base_url
                else TwilioHttpClient(timeout=timeout)
            )
        self.client = Client(account_sid, auth_token, http_client=http_client)
        # The client loads its message API on first use, a third of a second: here, at start,
        # rather than while the first text of the day waits to go.
        self.messages = self.client.messages

    def send(
        self, to: str, body: str, from_: str | None = None, notice_id: int | None = None
    ) -> SendResult:
        """Hand one message to Twilio and report the outcome without raising.

        The delivery callback's URL carries `notice_id`, so a callback can tell which notice
        went even when the process that sent it died before recording it.
        """
        sender: dict[str, str] = {}
        if from_:
            sender["from_"] = from_
        elif self.messaging_service_sid:
            sender["messaging_service_sid"] = self.messaging_service_sid
        else:
            sender["from_"] = self.from_number or ""
        extra = {}
        if self.status_callback:
            query = f"?{urlencode({'notice': notice_id})}" if notice_id is not None else ""
            extra["status_callback"] = self.status_callback + query
        try:
            message = self.messages.create(to=to, body=body, **sender, **extra)
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
                sid=None,
                status=MessageStatus.FAILED if never_sent else "unknown",
                transient=never_sent,
            )
        except (TwilioException, ValueError) as exc:
            # ValueError covers an unparseable response body.
            log.error("twilio send to %s: unexpected error: %r", to, exc)
            return SendResult(sid=None, status=MessageStatus.FAILED)
        return SendResult(
            sid=message.sid,
            status=message.status or MessageStatus.QUEUED,
            error_code=message.error_code,
        )

    def look_up(self, to: str, body: str, since: datetime) -> SendResult | None:
        """The message with these words sent to `to` since `since`, from Twilio's message list
        (newest first); None when Twilio has none, NOT_ASKED when Twilio could not be asked."""
        try:
            for message in self.messages.list(to=to, limit=LOOK_UP_DEPTH):
                if message.date_created is not None and message.date_created < since:
                    break
                if (message.direction or "").startswith("outbound") and message.body == body:
                    return SendResult(
                        sid=message.sid, status=message.status, error_code=message.error_code
                    )
        except (TwilioException, requests.RequestException, ValueError) as exc:
            log.warning("twilio: looking up a message to %s failed: %s", to, exc)
            return NOT_ASKED
        return None


class RebasedHttpClient(TwilioHttpClient):
    """Sends what the twilio library addresses to *.twilio.com to another Twilio-shaped API
    (a staging server, a local test double), path and query unchanged."""

    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        base = urlsplit(base_url)
        if base.scheme not in ("http", "https") or not base.netloc:
            raise ValueError(f"TWILIO_API_BASE_URL must be an http(s) URL, not {base_url!r}")
        super().__init__(timeout=timeout)
        self.base = base

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        """Rewrite the Twilio origin to the base URL's, then send for real."""
        parts = urlsplit(url)
        if parts.hostname and parts.hostname.endswith("twilio.com"):
            path = self.base.path.rstrip("/") + parts.path
            url = urlunsplit((self.base.scheme, self.base.netloc, path, parts.query, ""))
        return super().request(method, url, *args, **kwargs)


def _refused(exc: requests.ConnectionError) -> bool:
    """True when the connection was never made (refused, no route, name not found)."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError)


def _from_twilio_error(status: int, code: int | None) -> SendResult:
    """Map an HTTP status and Twilio error code to a failed SendResult."""
    if code == OPTED_OUT_ERROR_CODE:
        return SendResult(sid=None, status=MessageStatus.FAILED, error_code=code, opted_out=True)
    transient = status == 429 or status >= 500 or code in TRANSIENT_ERROR_CODES
    log.log(
        logging.WARNING if transient else logging.ERROR,
        "twilio send failed: HTTP %s, code %s",
        status,
        code,
    )
    return SendResult(sid=None, status=MessageStatus.FAILED, error_code=code, transient=transient)


TWILIO_SETTINGS = frozenset(
    (
        "TWILIO_ACCOUNT_SID",
        "TWILIO_AUTH_TOKEN",
        "TWILIO_FROM",
        "TWILIO_MESSAGING_SERVICE_SID",
        "TWILIO_API_BASE_URL",
    )
)


def twilio_gateway_from_env(env: Mapping[str, str]) -> Gateway | None:
    """Build a TwilioGateway from TWILIO_* settings, or None when none are set.

    TWILIO_API_BASE_URL sends to a Twilio-shaped API there instead of Twilio's. Raises
    ValueError when Twilio is half configured, so a deployment never falls back to the
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
        api_base_url=env.get("TWILIO_API_BASE_URL", "").strip() or None,
    )


def outbound_gateway(env: Mapping[str, str], sandbox: bool = False) -> Gateway:
    """Where texts go: POEMS_OUTBOUND=simulator keeps them on the simulator whatever else is
    set (staging: webhooks signed and checked with TWILIO_AUTH_TOKEN, nothing sent); otherwise
    Twilio when it is configured, else the simulator. Raises ValueError on a bad setting, and
    on any Twilio setting for a `sandbox` database."""
    outbound = env.get("POEMS_OUTBOUND", "").strip().lower()
    if outbound not in ("", "twilio", "simulator"):
        raise ValueError(f"POEMS_OUTBOUND is twilio or simulator, not {outbound!r}")
    real = sorted(name for name, value in env.items() if name in TWILIO_SETTINGS and value.strip())
    if sandbox and (real or outbound == "twilio"):
        # Rule 10: a sandbox's people are fictitious, so no real text may leave or come in.
        raise ValueError(
            "This database is a sandbox: it sends and takes no real texts. Unset "
            + (", ".join(real) or "POEMS_OUTBOUND")
            + " to serve it on the simulator."
        )
    if outbound == "simulator":
        return SimulatorGateway()
    gateway = twilio_gateway_from_env(env)
    if gateway is None and outbound == "twilio":
        raise ValueError("POEMS_OUTBOUND=twilio, but no TWILIO_ settings are set")
    return gateway or SimulatorGateway()
