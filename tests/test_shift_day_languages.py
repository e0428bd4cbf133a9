"""A whole shift day by `poems` commands, in each of our five languages: sign-up, availability,
an offer, YES, running late, arrived, finished, and the pay statement. Every reply is in the
worker's own language (the catalog's words for its kind, not English) and fits two segments."""

import re

import pytest
from click.testing import CliRunner
from sqlmodel import col, select

from poems.cli import main
from sms.catalogs import template
from sms.parsing.lexicon import fold
from sms.segments import segments, to_plain_gsm
from store.db import Database
from store.models import Booking, Notice, Timesheet
from tests.signin import sign_in

WORKER = "+447700900301"
DAY = {
    "en": {
        "hello": "hi, im looking for work",
        "name": "Ann Smith",
        "dob": "31/12/1990",
        "rate": "13.50",
        "free": "available tomorrow 8-4",
        "yes": "yes please",
        "late": "running 10 mins late sorry",
        "here": "im here",
        "done": "all done",
    },
    "es": {
        "hello": "hola, busco trabajo",
        "name": "me llamo María José",
        "dob": "31/12/1990",
        "rate": "13,50",
        "free": "disponible mañana de 8 a 16",
        "yes": "sí",
        "late": "llego 10 minutos tarde, perdón",
        "here": "ya llegué",
        "done": "terminé",
    },
    "pl": {
        "hello": "dzień dobry, szukam pracy",
        "name": "Anna Kowalska",
        "dob": "31.12.1990",
        "rate": "13,50",
        "free": "wolna jutro 8-16",
        "yes": "tak",
        "late": "spóźnię się 10 minut",
        "here": "jestem na miejscu",
        "done": "skończyłam",
    },
    "ro": {
        "hello": "bună ziua, caut de lucru",
        "name": "Ioana Popescu",
        "dob": "31.12.1990",
        "rate": "13,50",
        "free": "liberă mâine 8-16",
        "yes": "da",
        "late": "întârzii 10 minute",
        "here": "am ajuns",
        "done": "am terminat",
    },
    "pt": {
        "hello": "olá, procuro trabalho",
        "name": "Ana Souza",
        "dob": "31/12/1990",
        "rate": "13,50",
        "free": "livre amanhã das 8 às 16",
        "yes": "sim",
        "late": "vou chegar 10 minutos atrasada",
        "here": "cheguei",
        "done": "terminei",
    },
}
# The day's replies, in order, by kind.
KINDS = [
    "signup_name", "signup_skills", "signup_place", "signup_dob", "signup_rate", "signup_done",
    "availability_saved", "offer", "booked", "reminder_evening", "reminder_before",
    "late_noted_unsent", "checked_in", "timesheet_sent", "timesheet_stood", "statement",
]  # fmt: skip


@pytest.fixture
def poems(sqlite_url, monkeypatch, tmp_path):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state")
    runner = CliRunner()

    def run(*args: str) -> list[str]:
        result = runner.invoke(main, [*args, "--db", sqlite_url], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    return run


def _plain(text: str) -> str:
    return fold(to_plain_gsm(text))


def in_the_words_of(kind: str, language: str, reply: str) -> bool:
    """Whether a reply is the catalog's words for its kind: every stretch of the template's own
    words (between its fields) is in the reply, as sent or without diacritics."""
    said = _plain(reply)
    pieces = [piece for piece in re.split(r"\{\w+\}", template(kind, language)) if piece.strip()]
    return all(_plain(piece).strip(" .,:;") in said for piece in pieces if len(piece.strip()) > 3)


@pytest.mark.parametrize("language", sorted(DAY))
def test_a_whole_shift_day_in_the_worker_s_language(poems, sqlite_url, language):
    said = DAY[language]

    def text(body: str, at: str) -> None:
        poems("text", WORKER, body, "--at", at)

    at = "2026-11-26T10:00"
    for body in (said["hello"], said["name"], "2", "E1 6AN", said["dob"], said["rate"]):
        text(body, at)
    text(said["free"], "2026-11-26T10:05")
    poems("buyer", "add", "Rosewood Care")
    poems(
        "shift", "add", "--buyer", "Rosewood Care", "--skill", "cleaning", "--postcode",
        "E1 7AA", "--start", "2026-11-27T09:00", "--end", "2026-11-27T13:00", "--slots", "1",
        "--max-rate", "14.50", "--at", "2026-11-26T10:10",
    )  # fmt: skip
    text(said["yes"], "2026-11-26T10:12")
    poems("tick", "--at", "2026-11-26T18:00")
    poems("tick", "--at", "2026-11-27T08:00")
    text(said["late"], "2026-11-27T08:50")
    text(said["here"], "2026-11-27T09:08")
    text(said["done"], "2026-11-27T13:02")
    poems("tick", "--at", "2026-11-29T14:00")

    database = Database(sqlite_url)
    with database.read() as session:
        told = session.exec(
            select(Notice).where(Notice.phone == WORKER).order_by(col(Notice.id))
        ).all()
        booking = session.exec(select(Booking)).one()
        timesheet = session.exec(select(Timesheet)).one()
    database.dispose()
    assert [notice.kind for notice in told] == KINDS
    assert timesheet.booking_id == booking.id
    assert timesheet.worker_minutes == 240
    for notice in told:
        assert notice.language == language, notice.kind
        assert notice.status == "sent", notice.kind
        assert segments(notice.body) <= 2, notice.body
        assert in_the_words_of(notice.kind, language, notice.body), (notice.kind, notice.body)
