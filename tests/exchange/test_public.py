"""Published data from a seeded market: nothing about fewer than five workers, nothing recoverable."""

import csv
import json
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlmodel import col, select

from exchange.areas import home_area
from exchange.public import TOTAL, part_of_day
from exchange.publishing import FILES, VERSION, build, publish_daily
from poems.cli import main
from poems.seed import seed_market
from store.db import Database
from store.migrate import upgrade
from store.models import Booking, Market, Shift
from tests.conftest import NOW
from tests.disclosure import recoverable
from tests.once import made_once

DIMS = ("skill", "area", "weekday", "part_of_day")


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory) -> str:
    """A market with five weeks of history, through the seeding developer's market builder;
    one per module, since publishing only reads it."""

    def make(folder: Path) -> None:
        database = Database(f"sqlite:///{folder / 'poems.db'}")
        upgrade(database, env={})
        seed_market(database, NOW, workers=400, weeks=5)
        database.dispose()

    return f"sqlite:///{made_once(tmp_path_factory, 'seeded', make) / 'poems.db'}"


@pytest.fixture
def seeded(seeded_url):
    database = Database(seeded_url)
    yield database
    database.dispose()


@pytest.fixture
def published(seeded, now):
    with seeded.read() as session:
        return build(session, now)


def booked_facts(db) -> list[tuple[int, dict[str, str]]]:
    """Every standing booking's worker and what it was, worked out again from the tables."""
    with db.read() as session:
        found = session.exec(
            select(Booking.worker_id, Shift, Market)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .join(Market, col(Market.id) == Shift.market_id)
            .where(
                Shift.status != "cancelled",
                col(Booking.status).not_in(("dropped", "cancelled")),
            )
        ).all()
    facts = []
    for worker_id, shift, market in found:
        local = shift.start.astimezone(ZoneInfo(market.tz))
        year, week, _ = local.isocalendar()
        facts.append(
            (
                worker_id,
                {
                    "market": market.name,
                    "week": f"{year}-W{week:02d}",
                    "skill": shift.skill,
                    "area": home_area(shift.postcode),
                    "weekday": f"{local:%a}",
                    "part_of_day": part_of_day(local.hour),
                },
            )
        )
    return facts


def test_no_published_cell_describes_fewer_than_five_workers(seeded, published):
    shown = [row for row in published["booked_work"] if not row["suppressed"]]
    assert shown, "the seeded market should publish something"
    facts = booked_facts(seeded)
    for row in shown:
        people = {
            worker
            for worker, fact in facts
            if fact["market"] == row["market"]
            and all(row[d] in (TOTAL, fact[d]) for d in ("week", *DIMS))
        }
        assert len(people) >= 5, row


def test_no_withheld_cell_can_be_worked_out_by_subtraction(published):
    rows = published["booked_work"]
    assert any(row["suppressed"] for row in rows) and not all(row["suppressed"] for row in rows)
    tables: dict[tuple, dict[tuple[str, str], bool]] = {}
    for row in rows:
        week = (row["market"], row["week"])
        if row["table"] == "skill_area":
            table, key = (week, "skill_area"), (row["skill"], row["area"])
        else:
            table = (week, "skill_time", row["skill"])
            key = (row["weekday"], row["part_of_day"])
        tables.setdefault(table, {})[key] = row["suppressed"]

    def name(table, key):
        """A cell's identity is what it describes, so a total shared by two tables is one."""
        week, kind, *skill = table
        if kind == "skill_area":
            return (week, key[0], key[1], TOTAL, TOTAL)
        return (week, skill[0], TOTAL, key[0], key[1])

    # Weeks (and markets) share no cell, so each week's tables are checked on their own.
    for week in {table[0] for table in tables}:
        linked = {table: cells for table, cells in tables.items() if table[0] == week}
        assert recoverable(linked, name) == set(), week


def test_the_rates_table_shows_only_cells_of_five_workers_or_more(published):
    for row in published["rates_4_weeks"]:
        assert row["suppressed"] or row["workers"] >= 5
        assert row["suppressed"] or "bookings" not in row  # nothing in it adds up


def test_only_complete_weeks_are_published(published, now):
    year, week, _ = now.isocalendar()
    assert all(row["week"] < f"{year}-W{week:02d}" for row in published["booked_work"])


def test_publish_writes_json_csv_and_a_versioned_schema(seeded_url, tmp_path):
    out = tmp_path / "public"
    result = CliRunner().invoke(
        main, ["publish", "--out", str(out), "--db", seeded_url, "--at", "2026-11-26T10:00"]
    )
    assert result.exit_code == 0, result.output
    assert set(FILES) <= {p.name for p in out.iterdir()}
    schema = json.loads((out / "schema.json").read_text())
    document = json.loads((out / "public.json").read_text())
    assert schema["version"] == document["version"] == VERSION
    with (out / "booked_work.csv").open() as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == schema["files"]["booked_work.csv"]
        assert len(list(reader)) == len(document["booked_work"])


def test_a_withheld_cell_is_blank_in_the_csv(seeded_url, tmp_path):
    out = tmp_path / "public"
    CliRunner().invoke(
        main, ["publish", "--out", str(out), "--db", seeded_url, "--at", "2026-11-26T10:00"]
    )
    with (out / "booked_work.csv").open() as f:
        hidden = [row for row in csv.DictReader(f) if row["suppressed"] == "true"]
    assert hidden and all(row["workers"] == row["rate_median"] == "" for row in hidden)


def test_the_scheduler_publishes_once_a_day(db, now, tmp_path):
    assert publish_daily(db, tmp_path, now) is not None
    assert publish_daily(db, tmp_path, now + timedelta(hours=5)) is None
    assert publish_daily(db, tmp_path, now + timedelta(days=1)) is not None
