"""Apply the Alembic migrations and create the default market on an empty database."""

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from store.db import Database
from store.labour_law import BY_REGION, RULE_SETS
from store.models import Concession, LabourRule, Market

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"

DEFAULT_SKILLS = [
    "care",
    "cleaning",
    "kitchen",
    "childcare",
    "warehouse",
    "hospitality",
    "gardening",
    "retail",
]


def alembic_config(url: str) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


@contextmanager
def migrating(db: Database) -> Iterator["Config"]:
    """An Alembic config whose migrations run in one transaction on one connection.

    On SQLite the foreign keys are checked once, at the end, and only when a migration ran:
    batch mode rebuilds a table by copy, drop and rename, and the drop of a table other rows
    point at would fail. SQLite ignores the pragma inside a transaction, so it is set on the
    driver's connection before one begins.
    """
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        driver = connection.connection.driver_connection if db.is_sqlite else None
        if driver is not None:
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config = alembic_config(db.url)
                config.attributes["connection"] = connection
                before = MigrationContext.configure(connection).get_current_revision()
                yield config
                after = MigrationContext.configure(connection).get_current_revision()
                if driver is not None and after != before:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"the migrations broke foreign keys: {broken[:5]}")
        finally:
            if driver is not None:
                driver.execute("PRAGMA foreign_keys=ON")


def upgrade(db: Database, env: Mapping[str, str] | None = None) -> Market:
    """Bring the schema to the newest revision; return the default market, creating it if none."""
    if stored_revision(db) != newest_revision():
        from alembic import command

        with migrating(db) as config:
            command.upgrade(config, "head")
    ensure_rule_sets(db, datetime.now(UTC))
    ensure_concession(db)
    return ensure_default_market(db, os.environ if env is None else env)


def newest_revision() -> str:
    """The newest migration's revision: each is named by its revision, "0008_....py", so the
    newest is known without loading them all (tests/store/test_migrations.py holds the naming).
    Every `poems` command checks it, and a schema already up to date costs only this."""
    return max(
        path.name[:4] for path in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    )


def stored_revision(db: Database) -> str | None:
    """The revision the database's schema is at; None for a database never migrated."""
    with db.engine.connect() as connection:
        try:
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except DBAPIError:
            return None


def ensure_concession(db: Database) -> None:
    """The concession's limits, at their defaults until an admin changes them."""
    with db.write() as session:
        if session.exec(select(Concession.id)).first() is None:
            session.add(Concession())


def ensure_default_market(db: Database, env: Mapping[str, str]) -> Market:
    with db.write() as session:
        market = session.exec(select(Market).order_by(Market.id)).first()
        if market is not None:
            return market
        skills = env.get("POEMS_MARKET_SKILLS")
        market = Market(
            name=env.get("POEMS_MARKET_NAME", "London"),
            sector=env.get("POEMS_MARKET_SECTOR", "general"),
            area=env.get("POEMS_MARKET_AREA", "London"),
            tz=env.get("POEMS_MARKET_TZ", env.get("POEMS_TZ", "Europe/London")),
            currency=env.get("POEMS_MARKET_CURRENCY", "GBP"),
            region=env.get("POEMS_MARKET_REGION", "GB"),
            rule_set=env.get("POEMS_MARKET_RULES")
            or BY_REGION.get(env.get("POEMS_MARKET_REGION", "GB")),
            phone_number=env.get("POEMS_MARKET_PHONE") or env.get("TWILIO_FROM"),
            skills=skills.split(",") if skills else list(DEFAULT_SKILLS),
            created_at=datetime.now(UTC),
        )
        session.add(market)
        session.flush()
        return market


def ensure_rule_sets(db: Database, now: datetime) -> int:
    """Add the shipped labour rules not yet stored (a withdrawn row counts as stored)."""
    added = 0
    with db.write() as session:
        for rule_set, rows in RULE_SETS.items():
            stored = {
                _key(rule)
                for rule in session.exec(select(LabourRule).where(LabourRule.rule_set == rule_set))
            }
            for row in rows:
                rule = LabourRule(rule_set=rule_set, created_at=now, **row)
                if _key(rule) not in stored:
                    session.add(rule)
                    added += 1
    return added


def _key(rule: LabourRule) -> tuple:
    return (rule.kind, rule.authority, rule.age_from, rule.age_to, rule.effective_from)
