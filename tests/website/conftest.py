"""A seeded London market with its places, published once per test process with `poems
publish`, and the site served as `poems serve` serves it."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.applications import Starlette
from starlette.testclient import TestClient

from poems.cli import main, with_public_site
from store.db import Database
from tests.conftest import NOW
from tests.once import london_with_history, made_once

# The babysitter's question: childcare near Bow on Tuesday afternoons over twelve weeks, and
# the same near East Ham, where the parents live.
ASKED = {
    "skill": "childcare",
    "place": "E3 4AB",
    "miles": "3",
    "weekday": "Tue",
    "part": "afternoon",
    "weeks": "12",
    "compare": "E6 2AA",
}


@pytest.fixture(scope="session")
def seeded_url(tmp_path_factory) -> str:
    """Thirteen weeks of a 2,000-worker London market: enough for childcare to show."""
    return london_with_history(tmp_path_factory, NOW, workers=2000, weeks=13)


@pytest.fixture(scope="session")
def site(seeded_url, tmp_path_factory) -> Path:
    def make(folder: Path) -> None:
        result = CliRunner().invoke(
            main,
            ["publish", "--out", str(folder / "public"), "--db", seeded_url]
            + ["--at", "2026-11-26T10:00"],
        )
        assert result.exit_code == 0, result.output

    return made_once(tmp_path_factory, "site", make) / "public"


@pytest.fixture(scope="session")
def document(site) -> dict:
    return json.loads((site / "public.json").read_text())


@pytest.fixture
def served(seeded_url, site):
    database = Database(seeded_url)
    yield TestClient(with_public_site(Starlette(), database, site))
    database.dispose()
