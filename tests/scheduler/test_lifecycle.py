"""The day of a shift by `poems` commands only: two waves, a late YES, a booking, reminders at
their ticks, LATE, HERE, DONE 4, the buyer's amendment the worker accepts, settlement and the
statement; and a shift nobody takes, closed as unfilled with the buyer told.

The same script runs on a SQLite file with one `poems tick` at a time, and on PostgreSQL with two
`poems tick` processes started together at every moment: each text still goes out once."""

import json

import pytest
from click.testing import CliRunner
from sqlmodel import func, select

from poems.cli import main
from store.db import Database
from store.models import LedgerEntry, Message
from tests.scheduler.day import tick_twice
from tests.signin import sign_in

ANN, BOB, CAT, DAN = "+447700900101", "+447700900102", "+447700900103", "+447700900104"
BUYER = "+447700900999"
POSTED = "2026-11-26T10:00"


@pytest.fixture(params=["sqlite", "postgresql, two tick processes"])
def database_url(request, sqlite_url) -> str:
    return sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")


@pytest.fixture
def poems(database_url, monkeypatch, tmp_path):
    sign_in(database_url, monkeypatch, tmp_path / "state")
    runner = CliRunner()
    two_processes = database_url.startswith("postgresql")

    def run(*args: str) -> list[str]:
        if two_processes and args[0] == "tick":
            return tick_twice(database_url, args[2])
        result = runner.invoke(main, [*args, "--db", database_url], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    run.url = database_url
    return run


def texts(lines: list[str]) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in lines]


# What to answer each sign-up question with, found by a word of the question.
ANSWERS = {
    "name?": None,  # the worker's name
    "numbers": "1",
    "postcode": "E1 6AN",
    "birth": "31/12/1990",
    "hourly rate": "£13",
}


def sign_up(poems, phone: str, name: str, at: str) -> None:
    """Answer the sign-up dialogue, whatever order its questions come in, until the worker is in."""
    body = "hello"
    for _ in range(10):
        ((_, reply),) = texts(poems("text", phone, body, "--at", at))
        if reply.startswith("You're in"):
            return
        key = next(k for k in ANSWERS if k in reply.lower())
        body = ANSWERS[key] or name
    raise AssertionError(f"sign-up did not finish: {reply}")


def tick(poems, at: str) -> list[tuple[str, str]]:
    return texts(poems("tick", "--at", at))


def text(poems, phone: str, body: str, at: str) -> dict[str, str]:
    return dict(texts(poems("text", phone, body, "--at", at)))


def post_shift(poems, workers: list[tuple[str, str]]) -> tuple[str, dict[str, str]]:
    """Workers signed up and free tomorrow 9-5; a care shift tomorrow 10:00-14:00 posted."""
    for phone, name in workers:
        sign_up(poems, phone, name, POSTED)
        text(poems, phone, "avail tmrw 9-5", POSTED)
    poems(
        "buyer", "add", "Rosewood Care", "--phone", "07700 900999", "--contact", "Mary Jones",
        "--place", "Rosewood, E1 6AN",
    )  # fmt: skip
    out = poems(
        "shift", "add", "--buyer", "Rosewood Care", "--skill", "care", "--postcode", "E1 7AA",
        "--start", "2026-11-27T10:00", "--end", "2026-11-27T14:00", "--max-rate", "14.50",
        "--at", POSTED,
    )  # fmt: skip
    return out[0], dict(texts(out[1:]))


def ref_in(offer: str) -> str:
    return offer.split("Reply Y ")[1].split(" ")[0]


def test_a_shift_from_posting_through_two_waves_to_the_statement_each_text_once(poems):
    ref, wave1 = post_shift(
        poems, [(ANN, "Ann Smith"), (BOB, "Bob Jones"), (CAT, "Cat Lee"), (DAN, "Dan Roe")]
    )
    assert set(wave1) == {ANN, BOB, CAT}

    assert tick(poems, "2026-11-26T10:14") == []
    ((to, offer),) = tick(poems, "2026-11-26T10:15")
    assert to == DAN and offer.startswith("Work: care at Rosewood, E1 6AN, Fri 27 Nov 10:00-14:00")

    late_yes = text(poems, ANN, f"Y {ref_in(wave1[ANN])}", "2026-11-26T10:16")
    assert late_yes[ANN].startswith(f"Sorry, offer {ref_in(wave1[ANN])} has closed.")

    booked = text(poems, DAN, f"Y {ref_in(offer)}", "2026-11-26T10:20")
    assert booked[DAN].startswith("Booked: care at Rosewood")
    assert booked[BUYER].startswith("POEMS: Dan Roe booked for care")
    assert tick(poems, "2026-11-26T10:20") == []

    assert tick(poems, "2026-11-26T17:59") == []
    ((to, evening),) = tick(poems, "2026-11-26T18:00")
    assert to == DAN and evening.startswith("Tomorrow: care at Rosewood, E1 6AN")
    assert "Ask for Mary Jones, +447700900999" in evening and "LATE 15" in evening
    assert tick(poems, "2026-11-26T18:00") == []

    assert tick(poems, "2026-11-27T07:59") == []
    ((to, soon),) = tick(poems, "2026-11-27T08:00")
    assert to == DAN and soon.startswith("Soon: care at Rosewood")
    assert tick(poems, "2026-11-27T08:00") == []

    late = text(poems, DAN, "LATE 15", "2026-11-27T09:50")
    assert late[BUYER] == (
        f"POEMS: Dan Roe is running 15 min late for care Fri 27 Nov 10:00-14:00 (shift {ref})."
    )
    assert late[DAN].startswith("Thanks. We told Rosewood Care you will be 15 min late")

    here = text(poems, DAN, "HERE", "2026-11-27T10:12")
    assert here == {DAN: "Checked in 10:12. Text DONE 4 when you finish."}
    assert tick(poems, "2026-11-27T10:40") == []

    done = text(poems, DAN, "DONE 4", "2026-11-27T14:05")
    booking = done[BUYER].split("(booking ")[1].split(")")[0]
    assert done[BUYER].startswith(f"POEMS: Dan Roe says 4h for care Fri 27 Nov (booking {booking})")
    assert done[DAN].startswith("Thanks. 4h for care Fri 27 Nov sent to Rosewood Care")

    amended = text(poems, BUYER, f"HOURS {booking} 3.5", "2026-11-27T15:00")
    assert amended[DAN].startswith(
        f"Rosewood Care changed your hours for care Fri 27 Nov (booking {booking}) from 4h to 3h30."
    )
    assert tick(poems, "2026-11-27T15:30") == []

    settled = text(poems, DAN, f"ACCEPT {booking}", "2026-11-27T16:00")
    assert settled[DAN] == (
        f"Pay for booking {booking}: 3h30 at £13.00/hr = £45.50. Tax held £0.00 (0%). "
        "You get £45.50."
    )
    assert "£45.50" in settled[BUYER] and "Total £46.41" in settled[BUYER]
    # The 48-hour deadline has nothing left to do: the timesheet is already settled.
    assert tick(poems, "2026-11-29T16:00") == []

    db = Database(poems.url)
    with db.read() as session:
        legs = session.exec(select(LedgerEntry.amount_minor)).all()
        sent = session.exec(
            select(Message.notice_id, func.count())
            .where(Message.direction == "out")
            .group_by(Message.notice_id)
        ).all()
    db.dispose()
    assert {count for _, count in sent} == {1}, "a text went out more than once"
    assert legs and sum(legs) == 0


def test_a_shift_nobody_takes_ends_unfilled_with_the_buyer_told(poems):
    ref, wave1 = post_shift(poems, [(ANN, "Ann Smith")])
    assert set(wave1) == {ANN}
    ((to, told),) = tick(poems, "2026-11-26T10:15")
    assert to == BUYER
    assert told.startswith(f"POEMS: nobody is left to offer {ref} (care Fri 27 Nov 10:00-14:00)")
    assert "Eligible workers offered it: 1 (too few to show their rates)" in told
    assert json.loads(poems("shift", "show", ref, "--json")[0])["status"] == "unfilled"
    assert tick(poems, "2026-11-26T10:30") == []
