"""The `poems` command contract: output formats, clear errors, nothing changed by bad input."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from poems.cli import main
from tests.signin import sign_in


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_parse_prints_one_json_object_in_local_time():
    result = run("parse", "avail tmrw 9-5", "--at", "2026-11-26T10:00", "--tz", "Europe/London")
    assert result.exit_code == 0
    assert json.loads(result.output) == {
        "intent": "availability",
        "start": "2026-11-27T09:00:00",
        "end": "2026-11-27T17:00:00",
        "language": "en",
        "rule": "availability_text",
    }


def test_parse_names_the_language_and_the_vocabulary_entry_that_decided():
    result = run("parse", "wolny jutro 9-17", "--at", "2026-12-07T10:00", "--tz", "Europe/London")
    found = json.loads(result.output)
    assert (found["intent"], found["language"], found["start"]) == (
        "availability",
        "pl",
        "2026-12-08T09:00:00",
    )
    assert "pl:jutro=tomorrow" in found["rule"]


def test_parse_jsonl_answers_each_line_in_order():
    lines = [
        {"body": "YES 4821"},
        {"body": "STOP"},
        {"body": "free sat 10:00-14:00 £13", "at": "2026-11-26T10:00", "tz": "Europe/London"},
    ]
    result = run("parse", "--jsonl", input="\n".join(json.dumps(line) for line in lines) + "\n")
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a["intent"] for a in answers] == ["accept", "stop", "availability"]
    assert answers[0]["offer_ref"] == "4821"
    assert answers[2]["rate"] == 1300 and answers[2]["currency"] == "GBP"


def test_parse_jsonl_answers_a_broken_line_without_stopping():
    result = run("parse", "--jsonl", input='not json\n{"body": "help"}\n')
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert first["intent"] == "unknown" and "error" in first
    assert second["intent"] == "help"


def test_parse_refuses_an_unknown_zone_clearly():
    result = run("parse", "help", "--tz", "Mars/Olympus")
    assert result.exit_code != 0 and "IANA" in result.output


def test_text_from_a_number_that_cannot_be_a_phone_is_refused(sqlite_url):
    result = run("text", "banana", "hello", "--db", sqlite_url)
    assert result.exit_code == 1 and "not a phone number" in result.output


def test_text_prints_each_reply_as_to_tab_body(sqlite_url):
    result = run("text", "07700 900123", "hello", "--db", sqlite_url, "--at", "2026-11-26T10:00")
    (line,) = result.output.splitlines()
    to, body = line.split("\t")
    assert to == "+447700900123" and "What is your name?" in body


def test_a_shift_over_the_cap_is_refused_with_the_reason_and_nothing_posted(
    sqlite_url, monkeypatch, tmp_path
):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state")
    assert run("buyer", "add", "Rosewood", "--db", sqlite_url).exit_code == 0
    args = ["shift", "add", "--buyer", "Rosewood", "--skill", "care", "--postcode", "E1 7AA"]
    args += ["--start", "2026-11-27T08:00", "--end", "2026-11-27T20:00", "--max-rate", "30"]
    result = run(*args, "--db", sqlite_url, "--at", "2026-11-26T10:00")
    assert result.exit_code == 1 and "over this market's cap of £300.00" in result.output
    assert run("shift", "show", "S1", "--db", sqlite_url).exit_code == 1


def test_a_bad_time_is_a_clear_usage_error(sqlite_url):
    result = run("text", "+447700900123", "hi", "--db", sqlite_url, "--at", "yesterday")
    assert result.exit_code == 2 and "ISO" in result.output


def test_the_poems_entry_point_runs_as_a_program(sqlite_url):
    done = subprocess.run(
        [sys.executable, "-m", "poems", "db", "upgrade", "--db", sqlite_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "database ready" in done.stdout


def test_shift_add_makes_no_buyer_on_the_fly_and_says_how_to_add_one(
    sqlite_url, monkeypatch, tmp_path
):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state")
    args = ["shift", "add", "--buyer", "Rosewood", "--skill", "care", "--postcode", "E1 7AA"]
    args += ["--start", "2026-11-27T09:00", "--end", "2026-11-27T13:00", "--max-rate", "14.50"]
    result = run(*args, "--db", sqlite_url, "--at", "2026-11-26T10:00")
    assert result.exit_code == 1 and "poems buyer add" in result.output
    assert "Traceback" not in result.output
    # Had a buyer been made, adding one by that name would be refused as taken.
    assert run("buyer", "add", "Rosewood", "--db", sqlite_url).exit_code == 0


def test_buyer_add_refuses_a_staff_phone(sqlite_url, monkeypatch, tmp_path):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state", "ada", "admin")
    made = run(
        "operator", "add", "sam", "--name", "Sam Staff", "--role", "staff", "--phone",
        "07700 900555", "--password-stdin", "--db", sqlite_url, input="long enough\n",
    )  # fmt: skip
    assert made.exit_code == 0
    result = run("buyer", "add", "Bow Kitchen", "--phone", "07700 900555", "--db", sqlite_url)
    assert result.exit_code == 1 and "Operators cannot buy or sell" in result.output
    assert "Traceback" not in result.output


def test_operator_add_refuses_a_buyer_s_phone(sqlite_url, monkeypatch, tmp_path):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state", "ada", "admin")
    added = run("buyer", "add", "Bow Kitchen", "--phone", "07700 900555", "--db", sqlite_url)
    assert added.exit_code == 0
    result = run(
        "operator", "add", "sam", "--name", "Sam Staff", "--role", "staff", "--phone",
        "07700 900555", "--password-stdin", "--db", sqlite_url, input="long enough\n",
    )  # fmt: skip
    assert result.exit_code == 1 and "that is a buyer's phone" in result.output


@pytest.mark.parametrize(
    "option", [("--postcode", "not a postcode"), ("--postcode", "97201"), ("--phone", "banana")]
)
def test_buyer_add_refuses_what_the_console_refuses(sqlite_url, option, monkeypatch, tmp_path):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state")
    result = run("buyer", "add", "Bow Kitchen", *option, "--db", sqlite_url)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "is not a" in result.output
    assert run("buyer", "add", "Bow Kitchen", "--db", sqlite_url).exit_code == 0


def test_shift_add_refuses_a_shift_nobody_may_lawfully_work_and_names_the_rule(
    sqlite_url, monkeypatch, tmp_path
):
    sign_in(sqlite_url, monkeypatch, tmp_path / "state")
    assert run("buyer", "add", "Rosewood", "--db", sqlite_url).exit_code == 0
    args = ["shift", "add", "--buyer", "Rosewood", "--skill", "care", "--postcode", "E1 7AA"]
    args += ["--start", "2026-11-27T08:00", "--end", "2026-11-27T23:00", "--max-rate", "14.50"]
    result = run(*args, "--db", sqlite_url, "--at", "2026-11-26T10:00")
    assert result.exit_code == 1 and "Nobody may lawfully work this shift" in result.output
    assert "Working Time Regulations 1998 reg 10" in result.output
    assert run("shift", "show", "S1", "--db", sqlite_url).exit_code == 1
