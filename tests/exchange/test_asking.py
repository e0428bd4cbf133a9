"""The pooled rates and the question a worker asks, from a seeded market with London places:
nothing about fewer than five workers, nothing that can be subtracted, answers only from them."""

from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from exchange.asking import POOLED_WEEKS, answer, pooled_rows, rates_asked
from exchange.errors import Refused
from exchange.places import place_code
from exchange.public import ADDITIVE, TOTAL, complete_weeks, part_of_day
from exchange.publishing import build
from store.db import Database
from store.models import Booking, Market, Shift
from tests.conftest import NOW
from tests.disclosure import additive_tables, recoverable_in
from tests.once import london_with_history


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory) -> str:
    """Thirteen weeks of a 600-worker London market, so the 12-week window is full."""
    return london_with_history(tmp_path_factory, NOW, workers=600, weeks=13)


@pytest.fixture(scope="module")
def document(seeded_url):
    database = Database(seeded_url)
    with database.read() as session:
        built = build(session, NOW)
    database.dispose()
    return built


@pytest.fixture
def seeded(seeded_url):
    database = Database(seeded_url)
    yield database
    database.dispose()


def bookings_by_cell(db) -> list[tuple[int, str, dict[str, str]]]:
    """Every standing booking's worker, week start and cell, worked out again from the rows."""
    with db.read() as session:
        market = session.exec(select(Market)).first()
        start, end = complete_weeks(NOW, market.tz, max(POOLED_WEEKS))
        found = session.exec(
            select(Booking.worker_id, Shift)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .where(
                Shift.status != "cancelled",
                col(Booking.status).not_in(("dropped", "cancelled")),
                col(Shift.start) >= start,
                col(Shift.start) < end,
            )
        ).all()
    facts = []
    for worker_id, shift in found:
        local = shift.start.astimezone(ZoneInfo(market.tz))
        weeks_back = (end.astimezone(ZoneInfo(market.tz)) - local).days // 7 + 1
        cell = {
            "skill": shift.skill,
            "place": place_code(shift.postcode),
            "weekday": f"{local:%a}",
            "part_of_day": part_of_day(local.hour),
        }
        facts.append((worker_id, weeks_back, cell))
    return facts


def test_every_pooled_cell_shown_describes_five_workers_or_more(seeded, document):
    facts = bookings_by_cell(seeded)
    shown = [row for row in document["pooled_rates"] if not row["suppressed"]]
    assert {row["weeks"] for row in shown} == set(POOLED_WEEKS)
    for row in shown:
        people = {
            worker
            for worker, back, cell in facts
            if back <= row["weeks"] and all(row[d] in (TOTAL, cell[d]) for d in cell)
        }
        assert len(people) == row["workers"] >= 5, row


def test_every_pooled_cell_of_fewer_than_five_workers_is_withheld_and_blank(seeded, document):
    facts = bookings_by_cell(seeded)
    small = 0
    for row in document["pooled_rates"]:
        people = {
            worker
            for worker, back, cell in facts
            if back <= row["weeks"] and all(row[d] in (TOTAL, cell[d]) for d in cell)
        }
        if len(people) < 5:
            small += 1
            assert row["suppressed"] and row["workers"] is None and row["rate_median"] is None
    assert small, "the seeded market should have small cells"


def test_the_pooled_tables_publish_nothing_that_adds_up(document):
    """Windows of 1, 3 and 12 weeks nest and roll weekly: a count in them could be subtracted."""
    assert document["pooled_rates"]
    assert all(not set(ADDITIVE) & set(row) for row in document["pooled_rates"])
    assert all("buyers" not in row for row in document["pooled_rates"])


def test_no_withheld_cell_of_the_whole_publication_can_be_worked_out(document):
    """The exact-algebra check over every table of the publication that carries a count."""
    tables = additive_tables(document)
    assert any(not hidden for cells in tables.values() for hidden in cells.values())
    assert recoverable_in(document) == set()


def test_a_count_over_several_weeks_would_be_refused_by_the_check(document):
    pooled = [dict(row, bookings=1) for row in document["pooled_rates"][:3]]
    with pytest.raises(AssertionError, match="over more than one week"):
        additive_tables({"pooled_rates": pooled})


def test_every_place_the_tables_name_is_published_with_its_name_and_centre(document):
    places = {place["code"]: place for place in document["places"]}
    named = {row["place"] for row in document["pooled_rates"]} - {TOTAL}
    assert named <= set(places)
    bow = places.get("E2")
    assert bow == {
        "code": "E2",
        "kind": "place",
        "name": "Bethnal Green",
        "latitude": 51.529,
        "longitude": -0.06,
    }
    assert places["E"]["name"] == "London E" and places["E"]["kind"] == "area"


def shown_cell(document, weeks: int):
    """A place-level cell the publication shows, to ask about."""
    return next(
        row
        for row in document["pooled_rates"]
        if not row["suppressed"]
        and row["weeks"] == weeks
        and TOTAL not in (row["place"], row["weekday"], row["part_of_day"])
    )


def test_rates_asked_answers_with_the_published_figures_of_every_place_within_the_distance(
    seeded, document
):
    cell = shown_cell(document, 12)
    with seeded.read() as session:
        market = session.exec(select(Market)).first()
        asked = rates_asked(
            session,
            market,
            cell["skill"],
            f"{cell['place']} 1AA",
            3,
            cell["weekday"].lower(),
            cell["part_of_day"],
            12,
            NOW,
        )
    published = {
        row["place"]: row
        for row in document["pooled_rates"]
        if row["weeks"] == 12
        and (row["skill"], row["weekday"], row["part_of_day"])
        == (cell["skill"], cell["weekday"], cell["part_of_day"])
    }
    assert asked.near[0].place == cell["place"] and asked.near[0].miles == 0
    assert (asked.near[0].workers, asked.near[0].median) == (cell["workers"], cell["rate_median"])
    for figure in asked.near:
        row = published[figure.place]
        assert figure.withheld == row["suppressed"]
        assert (figure.q1, figure.median, figure.q3) == (
            row["rate_q1"],
            row["rate_median"],
            row["rate_q3"],
        )
        assert figure.miles <= 3
    assert asked.market.workers == published[TOTAL]["workers"]
    assert (asked.from_week, asked.to_week) == (cell["from_week"], cell["to_week"])


def test_nearer_places_come_first_and_farther_ones_are_left_out(seeded, document):
    cell = shown_cell(document, 12)
    with seeded.read() as session:
        market = session.exec(select(Market)).first()
        wide = rates_asked(session, market, cell["skill"], cell["place"], 10, TOTAL, TOTAL, 12, NOW)
        close = rates_asked(session, market, cell["skill"], cell["place"], 1, TOTAL, TOTAL, 12, NOW)
    distances = [figure.miles for figure in wide.near]
    assert distances == sorted(distances) and len(wide.near) > len(close.near) >= 1
    assert all(figure.miles <= 1 for figure in close.near)


@pytest.mark.parametrize(
    ("weekday", "part", "weeks", "code"),
    [
        ("someday", "evening", 3, "bad_weekday"),
        ("tue", "teatime", 3, "bad_part_of_day"),
        ("tue", "evening", 5, "bad_weeks"),
    ],
)
def test_a_question_the_tables_cannot_answer_is_refused_with_a_reason(
    seeded, weekday, part, weeks, code
):
    with seeded.read() as session:
        market = session.exec(select(Market)).first()
        with pytest.raises(Refused) as refused:
            rates_asked(session, market, "childcare", "E3", 5, weekday, part, weeks, NOW)
    assert refused.value.code == code


def test_a_place_without_a_known_centre_is_answered_for_itself_alone(document):
    cell = shown_cell(document, 12)
    rows = document["pooled_rates"]
    asked = answer(
        rows, {}, cell["skill"], cell["place"], None, 5, cell["weekday"], cell["part_of_day"], 12
    )
    assert [figure.place for figure in asked.near] == [cell["place"]]
    assert asked.near[0].miles is None and asked.near[0].median == cell["rate_median"]


def test_the_rows_for_one_skill_are_the_rows_the_publication_holds(seeded, document):
    cell = shown_cell(document, 12)
    with seeded.write() as session:
        market = session.exec(select(Market)).first()
        rows = pooled_rows(session, market, NOW, skills=[cell["skill"]], windows=[12])
    assert rows == [
        row
        for row in document["pooled_rates"]
        if row["skill"] == cell["skill"] and row["weeks"] == 12
    ]


def test_only_complete_weeks_are_pooled(document):
    year, week, _ = NOW.isocalendar()
    assert all(row["to_week"] < f"{year}-W{week:02d}" for row in document["pooled_rates"])
