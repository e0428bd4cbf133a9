"""The schema comes from the migrations, matches the tables, and an empty database gets a market."""

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import select

from store.db import Database
from store.migrate import alembic_config, migrating, newest_revision, stored_revision, upgrade
from store.models import Market


def test_the_migrations_match_the_tables(any_db):
    # alembic check fails when autogenerate would write a new migration.
    with any_db.engine.begin() as connection:
        config = alembic_config(any_db.url)
        config.attributes["connection"] = connection
        command.check(config)


def test_upgrade_twice_keeps_one_default_market(db):
    upgrade(db, env={})
    with db.read() as session:
        assert len(session.exec(select(Market)).all()) == 1


def test_the_default_market_comes_from_poems_market_settings(sqlite_url):
    env = {
        "POEMS_MARKET_NAME": "Portland care",
        "POEMS_MARKET_SECTOR": "care",
        "POEMS_MARKET_AREA": "Portland, Oregon",
        "POEMS_MARKET_TZ": "America/Los_Angeles",
        "POEMS_MARKET_CURRENCY": "USD",
        "POEMS_MARKET_REGION": "US",
        "POEMS_MARKET_SKILLS": "care,cleaning",
    }
    market = upgrade(Database(sqlite_url), env=env)
    assert (market.name, market.tz, market.currency, market.region) == (
        "Portland care",
        "America/Los_Angeles",
        "USD",
        "US",
    )
    assert market.skills == ["care", "cleaning"]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db):
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_the_default_database_lives_under_the_users_data_directory(monkeypatch, tmp_path):
    from store.db import default_url

    monkeypatch.delenv("POEMS_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'poems' / 'poems.db'}"


def test_each_migration_is_named_by_its_revision_so_the_newest_is_known_without_alembic():
    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    for script in scripts.walk_revisions():
        assert Path(script.path).name.startswith(f"{script.revision}_"), script.path
    assert newest_revision() == scripts.get_current_head()


def test_a_schema_behind_is_brought_to_the_newest_and_one_up_to_date_is_left_as_it_is(db):
    assert stored_revision(db) == newest_revision()
    with migrating(db) as config:
        command.downgrade(config, "-1")
    assert stored_revision(db) < newest_revision()
    upgrade(db, env={})
    assert stored_revision(db) == newest_revision()
    upgrade(db, env={})
    assert stored_revision(db) == newest_revision()


def test_a_database_never_migrated_has_no_revision(sqlite_url):
    assert stored_revision(Database(sqlite_url)) is None
