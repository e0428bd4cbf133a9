"""Rule 5 at every door: a figure describing four workers is withheld, and one describing five
is shown, wherever figures leave the exchange: the published files, the public site and its
question page, RATES by text, and a buyer's notice that a shift went unfilled. (Health, the
franchisee's figures, is held to it in tests/exchange/test_health.py.)"""

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import col, select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from exchange import offers
from poems.cli import main, with_public_site
from scheduler.jobs import sweep_waves
from store.models import Notice
from tests import factories
from tests.bookings import book

RATES = (1300, 1350, 1400, 1500, 1700)
ASKER = "+447911123456"
AT = "2026-11-26T10:00"


@pytest.fixture(params=[4, 5], ids=["four-workers", "five-workers"])
def paid(request, db, now) -> int:
    """That many workers, each paid for care at E1 7AA on Friday 13 November 09:00-13:00 (a
    complete week, inside the 4-week rates and the 3- and 12-week pooled rates), and a care
    worker near E1 who asks."""
    with db.write() as session:
        for n in range(request.param):
            book(session, now - timedelta(days=14), f"+44790000000{n}", RATES[n], name=f"W {n}")
        factories.worker(session, ASKER, now)
    return request.param


@pytest.fixture
def published(paid, sqlite_url, tmp_path) -> Path:
    out = tmp_path / "public"
    result = CliRunner().invoke(
        main, ["publish", "--out", str(out), "--db", sqlite_url, "--at", AT]
    )
    assert result.exit_code == 0, result.output
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return list(csv.DictReader(lines))


def test_the_published_tables(paid, published):
    booked = read_csv(published / "booked_work.csv")
    rates = read_csv(published / "rates_4_weeks.csv")
    pooled = read_csv(published / "pooled_rates.csv")
    assert json.loads((published / "public.json").read_text())["threshold_workers"] == 5
    assert booked and rates and pooled
    if paid == 4:
        for row in booked + rates + pooled:
            assert row["suppressed"] == "true"
            assert row["workers"] == row["rate_median"] == ""
        return
    (week,) = [
        r for r in booked if (r["table"], r["skill"], r["area"]) == ("skill_area", "care", "E")
    ]
    (four_weeks,) = [r for r in rates if (r["skill"], r["area"]) == ("care", "E")]
    (pooled_cell,) = [
        r
        for r in pooled
        if (r["weeks"], r["skill"], r["place"], r["weekday"], r["part_of_day"])
        == ("3", "care", "E1", "Fri", "morning")
    ]
    for row in (week, four_weeks, pooled_cell):
        assert row["suppressed"] == "false"
        assert (row["workers"], row["rate_q1"], row["rate_median"], row["rate_q3"]) == (
            "5",
            "1350",
            "1400",
            "1500",
        )
    assert week["bookings"] == "5"


def test_the_public_sites_figures(paid, published):
    """The care page's grid of rates by weekday and part of day, as its CSV gives it."""
    (friday_morning,) = [
        row
        for row in read_csv(published / "london" / "care-grid.csv")
        if (row["weekday"], row["part_of_day"]) == ("Fri", "morning")
    ]
    if paid == 4:
        assert (friday_morning["withheld"], friday_morning["rate_median"]) == ("true", "")
        assert "fewer than 5 workers" in (published / "london" / "care.html").read_text()
    else:
        assert (friday_morning["withheld"], friday_morning["rate_median"]) == ("false", "14.00")


def test_the_public_sites_question(paid, db, published):
    client = TestClient(with_public_site(Starlette(), db, published))
    page = client.get(
        "/public/ask",
        params={
            "skill": "care",
            "place": "E1 7AA",
            "miles": "3",
            "weekday": "Fri",
            "part": "morning",
            "weeks": "3",
        },
    )
    assert page.status_code == 200
    if paid == 4:
        assert "fewer than 5 workers" in page.text and "£14.00" not in page.text
    else:
        assert "£14.00" in page.text and "£13.50 to £15.00" in page.text


def test_rates_by_text(paid, sqlite_url):
    result = CliRunner().invoke(main, ["text", ASKER, "RATES care", "--db", sqlite_url, "--at", AT])
    assert result.exit_code == 0, result.output
    # The texts queued before it (each worker's welcome) go out first; the answer is last.
    to, reply = result.output.strip().splitlines()[-1].split("\t", 1)
    assert to == ASKER
    if paid == 4:
        assert reply.startswith("Not enough data yet for care near E")
        assert "£14.00" not in reply
    else:
        assert "middle half paid £13.50-£15.00/hr, median £14.00, 5 workers" in reply


@pytest.mark.parametrize("offered", [4, 5])
def test_a_buyers_unfilled_notice(db, now, offered):
    """The asking rates of the workers offered a shift nobody took: only from five of them."""
    with db.write() as session:
        for n in range(offered):
            factories.worker(session, f"+4477009{n:05d}", now, rate=RATES[n])
        shift = factories.shift(session, now, slots=offered, max_rate=1800)
        offers.send_wave(session, shift.id, now)
    for window in range(1, offered + 1):
        sweep_waves(db, now + timedelta(minutes=15 * window))
    with db.read() as session:
        (notice,) = session.exec(
            select(Notice).where(col(Notice.kind).startswith("shift_unfilled"))
        )
    assert notice.data["eligible"] == offered
    if offered == 4:
        assert notice.kind == "shift_unfilled_few" and "median_rate" not in notice.data
    else:
        assert notice.kind == "shift_unfilled" and notice.data["median_rate"] == 1400
