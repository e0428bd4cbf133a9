"""The Twilio webhook: check the signature on a bounded body, store the text (in a transaction
shared with the texts arriving beside it) and answer at once; acting on it and sending the
replies happen in the pipeline's workers, never in the answer."""

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from exchange.errors import Refused
from sms import outbox, webform
from sms.gateways import Gateway
from sms.inbound import Incoming
from sms.pipeline import Pipeline
from sms.storer import Storer
from sms.webform import Refusal
from store.db import Database

log = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def utc_now() -> datetime:
    return datetime.now(UTC)


class Workers(Protocol):
    """What acts on the stored texts: a Pipeline in this process, or poems.serving's worker."""

    def start(self) -> object: ...

    def take(self, message_id: int) -> None: ...

    def alive(self) -> bool: ...

    def stop(self, timeout: float = 10.0) -> None: ...


def create_app(
    db: Database,
    gateway: Gateway,
    auth_token: str,
    public_url: str,
    clock: Callable[[], datetime] = utc_now,
    pipeline: Workers | None = None,
) -> Starlette:
    """POST /sms/inbound and POST /sms/status, signed by Twilio with `auth_token`, and GET
    /health (503 while nothing acts on the texts).

    Workers passed in are started and stopped by the caller (`poems serve`), so the app may be
    mounted inside another; without them a Pipeline in this process starts and stops with the
    app. Either way they are `app.state.pipeline`.
    """
    owned = pipeline is None
    validator = RequestValidator(auth_token)
    public_url = public_url.rstrip("/")
    pipeline = pipeline or Pipeline(db, gateway, clock)
    storer = Storer(db, clock)

    async def signed_form(request: Request) -> dict[str, str]:
        raw = await webform.read_bounded(request)
        fields = webform.form_fields(raw, request.headers.get("content-type", ""))
        # Behind a proxy the request's own URL is not the one Twilio signed.
        url = public_url + request.url.path
        if request.url.query:
            url += "?" + request.url.query
        if not auth_token:
            raise Refusal(403, "no TWILIO_AUTH_TOKEN to check signatures with")
        webform.check_signature(
            validator, url, fields, request.headers.get("X-Twilio-Signature", "")
        )
        return fields

    async def inbound_sms(request: Request) -> Response:
        try:
            sid, sender, body, to = webform.inbound_text(await signed_form(request))
            message_id = await storer.store(Incoming(sender, body, sid, to))
        except Refusal as refusal:
            return _refused(request, refusal)
        except Refused as refusal:
            return _refused(request, Refusal(400, refusal.message))
        except Exception:
            # The database cannot take the text; Twilio may try the fallback URL.
            return PlainTextResponse("cannot store texts just now", status_code=503)
        if message_id is not None:
            pipeline.take(message_id)
        return Response(EMPTY_TWIML, media_type="application/xml")

    async def delivery_status(request: Request) -> Response:
        try:
            fields = await signed_form(request)
            query = dict(parse_qsl(request.url.query, max_num_fields=webform.MOST_FIELDS))
            sid, status, code, notice_id = webform.delivery_status(fields, query)
        except (Refusal, ValueError) as refusal:
            if not isinstance(refusal, Refusal):
                refusal = Refusal(400, "the query is not urlencoded")
            return _refused(request, refusal)
        await run_in_threadpool(outbox.record_status, db, sid, status, code, clock(), notice_id)
        return Response(status_code=204)

    async def health(_: Request) -> Response:
        if not pipeline.alive():
            return PlainTextResponse("nothing is acting on the texts", status_code=503)
        return PlainTextResponse("ok")

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        if owned:
            pipeline.start()
        try:
            yield
        finally:
            await run_in_threadpool(storer.stop)
            if owned:
                await run_in_threadpool(pipeline.stop)

    app = Starlette(
        routes=[
            Route("/sms/inbound", inbound_sms, methods=["POST"]),
            Route("/sms/status", delivery_status, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.pipeline = pipeline
    return app


def _refused(request: Request, refusal: Refusal) -> Response:
    log.warning("refused %s: %s %s", request.url.path, refusal.status, refusal.reason)
    return PlainTextResponse(refusal.reason, status_code=refusal.status)
