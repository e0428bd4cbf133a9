"""`poems health`: where the texts stand, in lines or JSON, and an exit status for monitoring."""

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from exchange.operators import add_operator
from poems.cli import main
from sms import inbound
from tests import factories
from tests.conftest import NOW
from tests.signin import PASSWORD

ANN = "+447700900101"


@pytest.fixture(autouse=True)
def staff(db, monkeypatch):
    """Health lists phones, so staff sign in: sam, with the password in POEMS_PASSWORD."""
    with db.write() as session:
        add_operator(session, "sam", "Sam", "staff", PASSWORD, NOW)
    monkeypatch.setenv("POEMS_PASSWORD", PASSWORD)


def health(db, *args: str):
    return CliRunner().invoke(
        main, ["health", "--as", "sam", "--db", db.url, "--at", "2026-11-26T10:05", *args]
    )


def test_a_quiet_exchange_is_healthy(db):
    result = health(db)
    assert result.exit_code == 0
    assert "texts waiting to be acted on: 0; failing: 0" in result.output


def test_a_text_that_keeps_failing_is_listed_with_its_error_and_exits_1(db, now):
    with db.write() as session:
        factories.worker(session, ANN, now)
    with db.write() as session:
        session.execute(text("ALTER TABLE offer RENAME TO offer_away"))
    message_id = inbound.deliver(db, ANN, "SHIFTS", now)
    result = health(db)
    assert result.exit_code == 1
    assert "texts waiting to be acted on: 1, the oldest for 5 min; failing: 1" in result.output
    assert f"text {message_id} from {ANN}: 1 tries, OperationalError" in result.output


def test_health_as_json_counts_the_notices(db, now):
    with db.write() as session:
        factories.worker(session, ANN, now)
    inbound.deliver(db, ANN, "SHIFTS", now)
    found = json.loads(health(db, "--json").output)
    assert found["texts_waiting"] == 0 and found["notices_due"] == 1
    assert found["notices_failed"] == found["notices_stuck"] == 0
