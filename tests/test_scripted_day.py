"""The whole path by `poems` commands: sign-up, availability, an offer, YES, and a late YES."""

import json

import pytest
from click.testing import CliRunner

from poems.cli import main
from tests.signin import sign_in

ANN, BOB = "+447700900101", "+447700900102"


@pytest.fixture
def poems(sqlite_url, monkeypatch, tmp_path):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state")
    runner = CliRunner()

    def run(*args: str) -> list[str]:
        result = runner.invoke(main, [*args, "--db", sqlite_url], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    return run


def texts(lines: list[str]) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in lines]


def sign_up(poems, phone: str, name: str, at: str) -> None:
    (reply,) = texts(poems("text", phone, "hello", "--at", at))
    assert reply[0] == phone and "What is your name?" in reply[1]
    (reply,) = texts(poems("text", phone, name, "--at", at))
    assert "1 care" in reply[1]
    (reply,) = texts(poems("text", phone, "1", "--at", at))
    assert "postcode" in reply[1].lower()
    (reply,) = texts(poems("text", phone, "E1 6AN", "--at", at))
    assert "date of birth" in reply[1]
    (reply,) = texts(poems("text", phone, "31/12/1990", "--at", at))
    assert "hourly rate" in reply[1]
    (reply,) = texts(poems("text", phone, "£13", "--at", at))
    assert reply[1].startswith(f"You're in, {name}")


def test_a_worker_signs_up_posts_availability_takes_an_offer_and_a_late_yes_hears_filled(poems):
    at = "2026-11-26T10:00"
    sign_up(poems, ANN, "Ann Smith", at)
    sign_up(poems, BOB, "Bob Jones", at)

    (reply,) = texts(poems("text", ANN, "avail tmrw 9-5", "--at", at))
    assert "free Fri 27 Nov 09:00-17:00" in reply[1]
    (reply,) = texts(poems("text", BOB, "available tomorrow 8am-6pm", "--at", at))
    assert "free Fri 27 Nov 08:00-18:00" in reply[1]

    poems("buyer", "add", "Rosewood Care")
    out = poems(
        "shift",
        "add",
        "--buyer",
        "Rosewood Care",
        "--skill",
        "care",
        "--postcode",
        "E1 7AA",
        "--start",
        "2026-11-27T10:00",
        "--end",
        "2026-11-27T14:00",
        "--slots",
        "1",
        "--max-rate",
        "14.50",
        "--at",
        at,
    )
    ref, offers = out[0], dict(texts(out[1:]))
    assert set(offers) == {ANN, BOB}
    assert "£13.00/hr" in offers[ANN]
    ann_ref = offers[ANN].split("Reply Y ")[1].split(" ")[0]
    bob_ref = offers[BOB].split("Reply Y ")[1].split(" ")[0]

    (reply,) = texts(poems("text", ANN, f"Y {ann_ref}", "--at", "2026-11-26T10:05"))
    assert reply == (ANN, reply[1]) and reply[1].startswith("Booked: care")
    (reply,) = texts(poems("text", BOB, f"yes {bob_ref}", "--at", "2026-11-26T10:06"))
    assert "was filled just before your reply" in reply[1]

    shown = json.loads(poems("shift", "show", ref, "--json")[0])
    assert shown["ref"] == ref and shown["slots"] == 1
    assert shown["status"] == "filled" and shown["booked"] == [ANN]
