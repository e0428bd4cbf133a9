"""Shared fixtures: a real database file (or the real PostgreSQL server), a fixed clock."""

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from store.db import Database, normalise_url
from store.migrate import upgrade
from tests.twilio_double import twilio_double  # noqa: F401

POSTGRES_URL = os.environ.get("POEMS_TEST_POSTGRES_URL")

# Thursday 26 November 2026, 10:00 in London (UTC in winter).
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def published_here(tmp_path, monkeypatch) -> None:
    """`poems tick` publishes the day's data; a test's goes to its own folder, never the user's."""
    monkeypatch.setenv("POEMS_PUBLISH_DIR", str(tmp_path / "published"))


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'poems.db'}"


@pytest.fixture
def db(sqlite_url) -> Iterator[Database]:
    """A migrated SQLite file with the default market."""
    database = Database(sqlite_url)
    upgrade(database, env={})
    yield database
    database.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A database of this test's own on the PostgreSQL server, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("POEMS_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped")
    server = make_url(normalise_url(POSTGRES_URL))
    name = f"poems_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, tmp_path) -> Iterator[Database]:
    """The same test on a SQLite file and on PostgreSQL (skipped when no server is configured)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'poems.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = Database(url)
    upgrade(database, env={})
    yield database
    database.dispose()
