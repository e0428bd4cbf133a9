"""The Inbox by `poems` commands: a text the exchange cannot act on reaches a person, who answers
it, and the answer reaches the worker; safety comes first; a franchisee sees only their own
markets' conversations; the staff member's look shows in the worker's WHO SAW."""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from exchange.workers import register_worker
from poems.cli import main
from store.db import Database
from store.migrate import upgrade
from tests import factories
from tests.scheduler.shares import operator, sector_market

ANN, BEA = "+447700900101", "+447700900202"
AT = "2026-11-26T10:00"


@pytest.fixture
def poems(sqlite_url, now, monkeypatch):
    database = Database(sqlite_url)
    upgrade(database, env={})
    with database.write() as session:
        factories.worker(session, ANN, now, name="Ann Smith")
        operator(session, "sam", "staff", now)
        north = operator(session, "north", "franchisee", now)
        elsewhere = sector_market(session, "North care", north, now)
        register_worker(
            session, elsewhere, BEA, "Bea Nowak", ("cleaning",), "E2 7AA", 1300, now,
            date_of_birth=date(1990, 1, 1),
        )  # fmt: skip
    database.dispose()
    monkeypatch.setenv("POEMS_PASSWORD", "password1")
    runner = CliRunner()

    def run(*args: str, ok: bool = True) -> list[str]:
        result = runner.invoke(main, [*args, "--db", sqlite_url], catch_exceptions=False)
        assert (result.exit_code == 0) == ok, result.output
        return result.output.splitlines()

    return run


def sent(lines: list[str]) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in lines)


def conversations(poems, who: str) -> list[dict]:
    return [json.loads(line) for line in poems("inbox", "list", "--json", "--as", who)]


def test_a_text_not_understood_is_answered_by_staff_and_the_answer_reaches_the_worker(poems):
    told = sent(
        poems("text", BEA, "the bus didnt come again whats going on with the rota", "--at", AT)
    )
    assert "A person at POEMS will read this and text you back" in told[BEA]
    told = sent(poems("text", ANN, "the client is getting aggressive with me", "--at", AT))
    assert "999" in told[ANN]  # in danger, the emergency number comes first

    waiting = conversations(poems, "sam")
    assert [row["phone"] for row in waiting] == [ANN, BEA]  # safety at the top
    assert waiting[0]["urgent"] and not waiting[1]["urgent"]
    ann_thread = waiting[0]["id"]

    shown = "\n".join(poems("inbox", "show", str(ann_thread), "--as", "sam"))
    assert "the client is getting aggressive with me" in shown
    assert "Bookings" in shown or "Ann Smith" in shown

    answer = "Sam at the job centre: are you safe now? I will call you in 5 minutes."
    assert sent(poems("inbox", "reply", str(ann_thread), answer, "--as", "sam")) == {
        ANN: f"POEMS: {answer}"
    }
    replied = conversations(poems, "sam")
    assert next(row for row in replied if row["id"] == ann_thread)["status"] == "answered"

    (who_saw,) = sent(poems("text", ANN, "WHO SAW", "--at", AT)).values()
    assert "Sam" in who_saw


def test_a_franchisee_sees_and_answers_only_their_own_markets_conversations(poems):
    poems("text", ANN, "the client is getting aggressive with me", "--at", AT)
    poems("text", BEA, "the bus didnt come again whats going on with the rota", "--at", AT)
    theirs = conversations(poems, "north")
    assert [row["phone"] for row in theirs] == [BEA]
    ann_thread = next(row["id"] for row in conversations(poems, "sam") if row["phone"] == ANN)
    refused = poems("inbox", "show", str(ann_thread), "--as", "north", ok=False)
    assert "another franchisee's market" in "\n".join(refused)
    refused = poems("inbox", "reply", str(ann_thread), "hello", "--as", "north", ok=False)
    assert "another franchisee's market" in "\n".join(refused)


def test_a_closed_conversation_leaves_the_inbox_and_a_new_text_opens_another(poems):
    poems("text", BEA, "the bus didnt come again whats going on with the rota", "--at", AT)
    (row,) = conversations(poems, "north")
    assert poems("inbox", "close", str(row["id"]), "--as", "north") == [
        f"conversation {row['id']} closed"
    ]
    assert conversations(poems, "north") == []
    poems("text", BEA, "and now the shift sheet says something else??", "--at", AT)
    (again,) = conversations(poems, "north")
    assert again["id"] != row["id"]
