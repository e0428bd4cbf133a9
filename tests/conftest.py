"""Shared fixtures: a real database file (or the real PostgreSQL server), a fixed clock."""

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import store.db
from store.db import Database, normalise_url
from store.migrate import upgrade
from tests.once import made_once
from tests.twilio_double import twilio_double  # noqa: F401

POSTGRES_URL = os.environ.get("POEMS_TEST_POSTGRES_URL")
# Tests make hundreds of accounts: their passwords are hashed at Argon2id's cheapest cost.
os.environ["POEMS_PASSWORD_HASH"] = "test"
# Speed is measured in bench/, not here: on a machine busy with other tests a first example can
# take far longer than the rest, and that is no fault of the code.
settings.register_profile("poems", deadline=None)
settings.load_profile("poems")


def _engines_share_compiled_sql(make_engine):
    """SQLAlchemy keeps the SQL it compiled per engine, keyed by the engine's dialect; a test
    makes an engine of its own, so each compiled every statement again (a third of the
    processor time of a test of texts). Engines of one kind share the first one's dialect,
    once it has connected and read its server, and with it what was compiled."""
    shared: dict[str, tuple] = {}

    def make(url: str):
        engine = make_engine(url)
        first = shared.setdefault(engine.dialect.name, (engine.dialect, engine._compiled_cache))
        dialect, compiled = first
        if dialect is not engine.dialect and dialect.server_version_info is not None:
            engine.dialect = engine.pool._dialect = dialect
            engine._compiled_cache = compiled
        return engine

    return make


store.db.make_engine = _engines_share_compiled_sql(store.db.make_engine)

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


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """One SQLite file migrated once per test run; each test gets a copy of it."""

    def make(folder: Path) -> None:
        database = Database(f"sqlite:///{folder / 'poems.db'}")
        upgrade(database, env={})
        with database.engine.connect() as connection:
            # Everything into the main file, so one file copy is the whole database.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()

    return made_once(tmp_path_factory, "template", make) / "poems.db"


def migrated_sqlite(template: Path, folder: Path) -> Database:
    """A migrated SQLite file with the default market, copied from the run's template."""
    path = folder / "poems.db"
    shutil.copyfile(template, path)
    return Database(f"sqlite:///{path}")


@pytest.fixture
def db(sqlite_template, tmp_path) -> Iterator[Database]:
    """A migrated SQLite file with the default market."""
    database = migrated_sqlite(sqlite_template, tmp_path)
    yield database
    database.dispose()


def _postgres_server():
    if not POSTGRES_URL:
        pytest.skip("POEMS_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped")
    server = make_url(normalise_url(POSTGRES_URL))
    return server, create_engine(server, isolation_level="AUTOCOMMIT")


def _create_database(server, template: str | None = None) -> Iterator[str]:
    """A database of its own on the server, dropped when the generator closes."""
    server, admin = server
    name = f"poems_test_{uuid.uuid4().hex[:12]}"
    like = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{like}'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """An empty database of this test's own on the PostgreSQL server, dropped afterwards."""
    server = _postgres_server()
    yield from _create_database(server)
    server[1].dispose()


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A database migrated once per test run, the template of each test's own copy."""
    server = _postgres_server()
    made = _create_database(server)
    url = next(made)
    database = Database(url)
    upgrade(database, env={})
    database.dispose()
    yield make_url(url).database
    made.close()
    server[1].dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, tmp_path, sqlite_template) -> Iterator[Database]:
    """The same test on a SQLite file and on PostgreSQL (skipped when no server is configured)."""
    if request.param == "sqlite":
        database = migrated_sqlite(sqlite_template, tmp_path)
        yield database
        database.dispose()
        return
    template = request.getfixturevalue("postgres_template")
    server = _postgres_server()
    made = _create_database(server, template)
    database = Database(next(made))
    yield database
    database.dispose()
    made.close()
    server[1].dispose()
