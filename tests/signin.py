"""Signing in for tests that run `poems`: an operator with a known password, signed in by
`poems signin` into a session file of the test's own, as a script would be."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from exchange.operators import add_operator
from poems.cli import main
from store.db import Database
from store.migrate import upgrade
from tests.conftest import NOW

PASSWORD = "password1"


def add_operator_at(url: str, username: str, role: str) -> None:
    """An operator with the tests' password on the database at `url`, migrated first if new."""
    database = Database(url)
    try:
        upgrade(database, env={})
        with database.write() as session:
            add_operator(session, username, username.title(), role, PASSWORD, NOW)
    finally:
        database.dispose()


def sign_in(
    url: str, monkeypatch: pytest.MonkeyPatch, state_dir: Path, username: str = "sam",
    role: str = "staff",
) -> str:  # fmt: skip
    """Add the operator and sign them in: later commands on `url` act as them without --as."""
    add_operator_at(url, username, role)
    monkeypatch.setenv("POEMS_STATE_DIR", str(state_dir))
    monkeypatch.setenv("POEMS_PASSWORD", PASSWORD)
    result = CliRunner().invoke(main, ["signin", username, "--db", url])
    assert result.exit_code == 0, result.output
    monkeypatch.delenv("POEMS_PASSWORD")
    return username
