"""Ten thousand hostile texts and five hundred delivery callbacks through the signed webhook, on
SQLite and on PostgreSQL: no 5xx, every text stored or refused with a 4xx, every stored text
acted on, and no reply longer than two segments. Sent in four parts of their own (each its own
database and its own texts), so a run spread over a few processes finishes them side by side."""

import asyncio
import random
from collections import Counter

import httpx
import pytest
from sqlmodel import col, func, select

from sms.gateways import SimulatorGateway
from sms.segments import segments
from sms.webhook import create_app
from store.models import Message
from tests import factories
from tests.serving import PUBLIC, signature, text_form
from tests.twilio_double import AUTH_TOKEN

PARTS = 4
TEXTS = 10_000 // PARTS
CALLBACKS = 500 // PARTS
AT_ONCE = 16
PIECES = [
    "\x00",
    "\x01",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u202e",
    "\ufeff",
    "\u200b",
    "²",
    "٣",
    "１２",
    "⁹",
    "𝟗",
    "½",
    "Ⅻ",
    "\U0001f600",
    "🇬🇧",
    "ß",
    "ñ",
    "Ł",
    "ș",
    "ã",
    "'; DROP TABLE worker; --",
    "{0}",
    "{name}",
    "{}",
    "%s",
    "%(x)s",
    "\\",
    "\n\n\n",
    "\r\n",
    "\t",
    "9" * 30,
    "-1",
    "-0",
    "1e309",
    "NaN",
    "inf",
    "0x1F",
    "99:99",
    "25:00",
    "24:00",
    "0:00",
    "31/02/2026",
    "29/02/2027",
    "01/01/0001",
    "31/12/9999",
    "YES",
    "NO",
    "Y",
    "N",
    "STOP",
    "START",
    "AVAILABLE",
    "available tomorrow 8am-8pm",
    "free sat 5-9",
    "SHIFTS",
    "RATE",
    "RATE 13.50",
    "RATE 99999999999999999999",
    "YES 99999999999999999999",
    "YES 1234",
    "NO 1234",
    "£",
    "$",
    "€",
    "£-5",
    "£1e9",
    "DOB",
    "DOB 31/12/1990",
    "WHY",
    "WHO SAW",
    "MY DATA",
    "DELETE MY DATA",
    "LANG",
    "LANG xx",
    "HELP",
    "DONE",
    "LATE 20",
    "LATE 99999999999",
    "AREAS E, N, SW",
    "SKILLS 1,2,99",
    "TAX 101",
    "TAX -5",
    "tomorrow",
    "9-5",
    "avail 0:00-24:00",
    " ",
    "",
    "Maria Lopez",
    "E1 6AN",
    "97201",
    "13.50",
]
BAD_SENDERS = [
    "",
    "+",
    "+abc",
    "+1555",
    "+44\x00",
    "+447700900\x00123",
    "+٤٤٧٧٠٠٩٠٠٣٢١",
    "x" * 100,
    "whatsapp:+447700900123",
    "\U0001f600",
    "+44 (0) 7700 900",
    "00000000000000000000000",
    "+447700900123; DROP",
    "-1",
    "+0",
]
BAD_SIDS = ["", "SM", "SM\x00" + "a" * 30, "SM" + "a" * 100, "SM-123", "SMé" + "a" * 31]
ERROR_CODES = ["", "30003", "²", "٣", "1" * 20, "-1", "3 0", "0", "99999", "\x00", "1e3"]
STATUSES = ["delivered", "sent", "failed", "undelivered", "read", "queued", "", "\x00", "x" * 40]


def hostile_body(rng: random.Random) -> str:
    body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))
    if rng.random() < 0.03:
        body = body * rng.randint(1, 1700)  # at Twilio's limit of 1,600 characters, and past it
    return body


def hostile_texts(rng: random.Random, senders: list[str], count: int) -> list[dict[str, str]]:
    forms, sids = [], []
    for n in range(count):
        sid = "SM" + f"{n:032x}"
        roll = rng.random()
        if roll < 0.03 and sids:
            sid = rng.choice(sids)  # Twilio retrying a webhook
        elif roll < 0.05:
            sid = rng.choice(BAD_SIDS)
        sender = rng.choice(BAD_SENDERS) if rng.random() < 0.15 else rng.choice(senders)
        form = text_form(sid, sender, hostile_body(rng))
        if rng.random() < 0.02:
            form["To"] = rng.choice(["", "+44\x00", "abc", "+447700900000"])
        forms.append(form)
        sids.append(sid)
    return forms


def hostile_callbacks(rng: random.Random, sids: list[str]) -> list[tuple[str, dict[str, str]]]:
    callbacks = []
    for _ in range(CALLBACKS):
        status = {
            "MessageSid": rng.choice([*BAD_SIDS, *sids]),
            "MessageStatus": rng.choice(STATUSES),
            "ErrorCode": rng.choice(ERROR_CODES),
        }
        query = rng.choice(
            ["", "?notice=1", "?notice=%C2%B2", "?notice=" + "9" * 30, "?notice=%00"]
        )
        callbacks.append(("/sms/status" + query, status))
    return callbacks


async def post_all(app, requests: list[tuple[str, dict[str, str]]]) -> list[int]:
    """Post each signed form to the app, a few at once, as Twilio's webhooks arrive."""
    transport = httpx.ASGITransport(app=app)
    gate = asyncio.Semaphore(AT_ONCE)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:

        async def post(path: str, form: dict[str, str]) -> int:
            async with gate:
                response = await client.post(path, data=form, headers=signature(path, form))
                return response.status_code

        return await asyncio.gather(*(post(path, form) for path, form in requests))


@pytest.mark.parametrize("part", range(PARTS), ids=lambda part: f"part{part + 1}")
def test_hostile_texts_are_stored_or_refused_with_a_4xx_and_answered_briefly(any_db, now, part):
    rng = random.Random(13 + part)
    with any_db.write() as session:
        registered = [
            factories.worker(session, f"+4477009{n:05d}", now).phone for n in range(1, 41)
        ]
    senders = registered + [f"+4477008{n:05d}" for n in range(160)]
    forms = hostile_texts(rng, senders, TEXTS)
    app = create_app(any_db, SimulatorGateway(), AUTH_TOKEN, PUBLIC, clock=lambda: now)
    app.state.pipeline.start()
    try:
        statuses = asyncio.run(post_all(app, [("/sms/inbound", form) for form in forms]))
        assert app.state.pipeline.idle(timeout=600)
        with any_db.read() as session:
            sent = session.exec(
                select(Message.provider_sid).where(Message.direction == "out")
            ).all()
        statuses += asyncio.run(post_all(app, hostile_callbacks(rng, sent[:50])))
    finally:
        app.state.pipeline.stop()

    counted = Counter(statuses)
    assert set(counted) <= {200, 204, 400, 413}, counted
    accepted = {
        form["MessageSid"] for form, status in zip(forms, statuses, strict=False) if status == 200
    }
    with any_db.read() as session:
        stored = set(
            session.exec(select(Message.provider_sid).where(Message.direction == "in")).all()
        )
        waiting = session.exec(
            select(func.count())
            .select_from(Message)
            .where(Message.direction == "in", col(Message.processed_at).is_(None))
        ).one()
        replies = session.exec(select(Message.body).where(Message.direction == "out")).all()
    assert stored == accepted, "a text answered 200 was not stored, or one refused was"
    assert waiting == 0
    assert replies and max(segments(body) for body in replies) <= 2
    assert counted[400] and counted[413] and counted[200] > TEXTS // 2
