"""A small Twilio-shaped HTTP server on loopback, so tests drive the real twilio library.

The Messages endpoints, with basic auth, Twilio's JSON message resource and Twilio's JSON error
shape: create (POST /2010-04-01/Accounts/{AccountSid}/Messages.json, 201), list (GET on the
same path; To and From filters, newest first, paged by PageSize and Page) and fetch (GET
.../Messages/{Sid}.json). Failures of creates can be programmed one request at a time with
`fail_next()` and `drop_next()`.

Use the `twilio_double` fixture and point a twilio client at it with
`make_twilio_http_client(double)`, or a whole `poems serve` with TWILIO_API_BASE_URL.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from sms.segments import segments
from sms.twilio_gateway import RebasedHttpClient

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token"

_MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Messages\.json$")
_MESSAGE_PATH = re.compile(
    r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Messages/(?P<sid>[A-Za-z0-9]+)\.json$"
)

# Twilio's own codes for bare HTTP failures, used when fail_next() is given no code.
_DEFAULT_CODES = {401: 20003, 404: 20404, 429: 20429, 500: 20500, 503: 20503}
_DEFAULT_MESSAGES = {
    401: "Authenticate",
    404: "The requested resource was not found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass(frozen=True)
class RecordedMessage:
    """One message the double accepted, as the form fields arrived."""

    sid: str
    account_sid: str
    to: str
    from_: str | None
    messaging_service_sid: str | None
    body: str
    status_callback: str | None
    date_created: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass(frozen=True)
class _Failure:
    status: int
    code: int | None
    message: str


_DROP = object()


class TwilioDouble:
    """A Twilio Messages API on 127.0.0.1 with an ephemeral port, served from a thread."""

    def __init__(
        self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN, keep_alive: bool = False
    ) -> None:
        """With `keep_alive`, connections stay open between requests (HTTP/1.1), as Twilio's
        API keeps them; without it each request has a connection of its own."""
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.messages: list[RecordedMessage] = []
        self.requests = 0  # every create request, failed ones included
        self.lookups = 0  # every list or fetch request
        self.delay = 0.0  # seconds each create takes, as a far-away API does
        # Once this many messages are in, further creates hang unanswered until release():
        # a sender killed then is certainly mid-send.
        self.hold_after: int | None = None
        self.held = 0  # creates hanging now
        self._released = threading.Event()
        self._planned: deque[_Failure | object] = deque()
        self._lock = threading.Lock()
        handler = _handler_for(self)
        if keep_alive:
            handler.protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes: on a kept connection Nagle's algorithm
            # would hold the body for the client's delayed ACK, some 40 ms a request.
            handler.disable_nagle_algorithm = True
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The double's origin, e.g. http://127.0.0.1:54321."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> TwilioDouble:
        """Serve in a daemon thread."""
        # A short poll interval keeps stop() fast.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def release(self) -> None:
        """Stop holding: hanging creates are dropped unanswered, as a request lost in transit."""
        self.hold_after = None
        self._released.set()

    def _hold(self) -> bool:
        """Hang this create while holding; True if it was held (and must go unanswered)."""
        if self.hold_after is None or len(self.messages) < self.hold_after:
            return False
        with self._lock:
            self.held += 1
        self._released.wait(timeout=60)
        with self._lock:
            self.held -= 1
        return True

    def fail_next(self, status: int, code: int | None = None, message: str | None = None) -> None:
        """Answer the next Messages request with an error in Twilio's JSON shape."""
        with self._lock:
            self._planned.append(
                _Failure(
                    status=status,
                    code=code if code is not None else _DEFAULT_CODES.get(status),
                    message=message or _DEFAULT_MESSAGES.get(status, "Error"),
                )
            )

    def drop_next(self) -> None:
        """Close the connection on the next Messages request without answering."""
        with self._lock:
            self._planned.append(_DROP)

    def _take_plan(self) -> _Failure | object | None:
        with self._lock:
            self.requests += 1
            return self._planned.popleft() if self._planned else None

    def _record(self, message: RecordedMessage) -> None:
        with self._lock:
            self.messages.append(message)

    def _listed(self, query: dict[str, str]) -> list[RecordedMessage]:
        """Messages matching a list request's filters, newest first, as Twilio lists them."""
        with self._lock:
            self.lookups += 1
            found = list(self.messages)
        for name, attribute in (("To", "to"), ("From", "from_")):
            if query.get(name):
                found = [m for m in found if getattr(m, attribute) == query[name]]
        return found[::-1]

    def _fetched(self, sid: str) -> RecordedMessage | None:
        with self._lock:
            self.lookups += 1
            return next((m for m in self.messages if m.sid == sid), None)


def _error(status: int, code: int | None, message: str) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message, "status": status}
    if code is not None:
        body["code"] = code
        body["more_info"] = f"https://www.twilio.com/docs/errors/{code}"
    return body


def _handler_for(double: TwilioDouble) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "TwilioDouble/1"

        def log_message(self, *args: Any) -> None:
            pass  # keep pytest output clean

        def _reply(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            header = self.headers.get("Authorization", "")
            if not header.startswith("Basic "):
                return False
            try:
                user, _, password = base64.b64decode(header[6:]).decode().partition(":")
            except (ValueError, UnicodeDecodeError):
                return False
            return (user, password) == (double.account_sid, double.auth_token)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            listed, fetched = _MESSAGES_PATH.match(parts.path), _MESSAGE_PATH.match(parts.path)
            found = listed or fetched
            if found is None:
                self._reply(404, _error(404, 20404, "The requested resource was not found"))
                return
            if not self._authorised() or found["account"] != double.account_sid:
                self._reply(401, _error(401, 20003, "Authenticate"))
                return
            if fetched:
                message = double._fetched(fetched["sid"])
                if message is None:
                    self._reply(404, _error(404, 20404, "The requested resource was not found"))
                    return
                self._reply(200, _resource(double, message))
                return
            query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
            self._reply(200, _page(double, parts.path, query, double._listed(query)))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode()
            match = _MESSAGES_PATH.match(urlsplit(self.path).path)
            if match is None:
                self._reply(404, _error(404, 20404, "The requested resource was not found"))
                return
            plan = double._take_plan()
            if plan is _DROP or double._hold():
                self.close_connection = True
                # shutdown, not close: the handler's file objects would keep the socket open.
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if not self._authorised() or match["account"] != double.account_sid:
                self._reply(401, _error(401, 20003, "Authenticate"))
                return
            if isinstance(plan, _Failure):
                self._reply(plan.status, _error(plan.status, plan.code, plan.message))
                return
            form = {key: values[-1] for key, values in parse_qs(raw).items()}
            time.sleep(double.delay)
            problem = _validate(form)
            if problem is not None:
                self._reply(400, _error(400, *problem))
                return
            self._reply(201, _create(double, form))

    return Handler


def _validate(form: dict[str, str]) -> tuple[int, str] | None:
    """Twilio's answer to a request missing what a message needs, if it does."""
    if not form.get("To"):
        return 21604, "A 'To' phone number is required."
    if not (form.get("From") or form.get("MessagingServiceSid")):
        return 21603, "A 'From' phone number is required."
    if not form.get("Body"):
        return 21602, "Message body is required."
    if len(form["Body"]) > 1600:
        return 21617, "The concatenated message body exceeds the 1600 character limit."
    return None


def _create(double: TwilioDouble, form: dict[str, str]) -> dict[str, Any]:
    """Record the message and return its resource as Twilio's create answer."""
    message = RecordedMessage(
        sid="SM" + uuid.uuid4().hex,
        account_sid=double.account_sid,
        to=form["To"],
        from_=form.get("From"),
        messaging_service_sid=form.get("MessagingServiceSid"),
        body=form["Body"],
        status_callback=form.get("StatusCallback"),
    )
    double._record(message)
    return _resource(double, message)


def _resource(double: TwilioDouble, message: RecordedMessage) -> dict[str, Any]:
    """One message as Twilio's JSON resource."""
    created = format_datetime(message.date_created, usegmt=True)
    uri = f"/2010-04-01/Accounts/{double.account_sid}/Messages/{message.sid}.json"
    return {
        "account_sid": double.account_sid,
        "api_version": "2010-04-01",
        "body": message.body,
        "date_created": created,
        "date_sent": None,
        "date_updated": created,
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": message.from_,
        "messaging_service_sid": message.messaging_service_sid,
        "num_media": "0",
        "num_segments": str(segments(message.body)),
        "price": None,
        "price_unit": "USD",
        "sid": message.sid,
        # Twilio says "accepted" while a Messaging Service still has to pick the sender.
        "status": "queued" if message.from_ else "accepted",
        "subresource_uris": {"media": uri.replace(".json", "/Media.json")},
        "to": message.to,
        "uri": uri,
    }


def _page(
    double: TwilioDouble, path: str, query: dict[str, str], found: list[RecordedMessage]
) -> dict[str, Any]:
    """One page of a message list, in Twilio's paging shape."""
    size = max(1, min(int(query.get("PageSize") or 50), 1000))
    page = int(query.get("Page") or 0)
    records = found[page * size : (page + 1) * size]
    filters = {key: value for key, value in query.items() if key in ("To", "From")}

    def uri(number: int) -> str:
        return f"{path}?{urlencode({**filters, 'PageSize': size, 'Page': number})}"

    more = (page + 1) * size < len(found)
    return {
        "messages": [_resource(double, message) for message in records],
        "end": page * size + max(len(records) - 1, 0),
        "first_page_uri": uri(0),
        "next_page_uri": uri(page + 1) if more else None,
        "page": page,
        "page_size": size,
        "previous_page_uri": uri(page - 1) if page else None,
        "start": page * size,
        "uri": uri(page),
    }


class LoopbackHttpClient(RebasedHttpClient):
    """The production client that rebases *.twilio.com requests, aimed at a local double."""

    def __init__(self, base_url: str, timeout: float = 2.0) -> None:
        super().__init__(base_url, timeout=timeout)
        # Proxy settings from the environment must not route loopback traffic elsewhere.
        if self.session is not None:
            self.session.trust_env = False


def make_twilio_http_client(double: TwilioDouble, timeout: float = 10.0) -> LoopbackHttpClient:
    """A twilio HTTP client whose requests go over loopback to `double`. Its timeout is the
    real client's: on a machine busy with other tests, 2 s has gone by before the double read
    the request."""
    return LoopbackHttpClient(double.base_url, timeout=timeout)


@pytest.fixture
def twilio_double() -> Iterator[TwilioDouble]:
    """A running TwilioDouble, stopped after the test."""
    double = TwilioDouble().start()
    try:
        yield double
    finally:
        double.stop()
