"""The Twilio webhook: check the signature, store the text, answer fast, then act on it."""

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from exchange.errors import Refused
from sms import inbound, outbox
from sms.gateways import Gateway
from store.db import Database

log = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(
    db: Database,
    gateway: Gateway,
    auth_token: str,
    public_url: str,
    clock: Callable[[], datetime] = utc_now,
) -> Starlette:
    """POST /sms/inbound and POST /sms/status, signed by Twilio with `auth_token`."""
    validator = RequestValidator(auth_token)
    public_url = public_url.rstrip("/")

    async def signed_form(request: Request) -> dict[str, str] | None:
        form = {key: str(value) for key, value in (await request.form()).items()}
        # Behind a proxy the request's own URL is not the one Twilio signed.
        url = public_url + request.url.path
        if request.url.query:
            url += "?" + request.url.query
        signature = request.headers.get("X-Twilio-Signature", "")
        if not auth_token or not validator.validate(url, form, signature):
            log.warning("rejected %s: bad or missing X-Twilio-Signature", request.url.path)
            return None
        return form

    async def inbound_sms(request: Request) -> Response:
        form = await signed_form(request)
        if form is None:
            return PlainTextResponse("invalid signature", status_code=403)
        sid, phone = form.get("MessageSid"), form.get("From")
        if not sid or not phone:
            return PlainTextResponse("MessageSid and From are required", status_code=400)
        now = clock()
        try:
            message_id = await run_in_threadpool(
                inbound.receive, db, phone, form.get("Body", ""), now, sid, form.get("To")
            )
        except Refused as refusal:
            return PlainTextResponse(refusal.message, status_code=400)
        task = None
        if message_id is not None:
            task = BackgroundTask(act_and_send, message_id)
        return Response(EMPTY_TWIML, media_type="application/xml", background=task)

    async def delivery_status(request: Request) -> Response:
        form = await signed_form(request)
        if form is None:
            return PlainTextResponse("invalid signature", status_code=403)
        sid = form.get("MessageSid") or form.get("SmsSid")
        status = form.get("MessageStatus") or form.get("SmsStatus")
        if not sid or not status:
            return PlainTextResponse("MessageSid and MessageStatus are required", status_code=400)
        error = form.get("ErrorCode")
        code = int(error) if error and error.isdecimal() else None
        await run_in_threadpool(outbox.record_status, db, sid, status, code, clock())
        return Response(status_code=204)

    async def health(_: Request) -> Response:
        return PlainTextResponse("ok")

    def act_and_send(message_id: int) -> None:
        now = clock()
        inbound.process(db, message_id, now)
        outbox.drain(db, gateway, now)

    return Starlette(
        routes=[
            Route("/sms/inbound", inbound_sms, methods=["POST"]),
            Route("/sms/status", delivery_status, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
        ]
    )
