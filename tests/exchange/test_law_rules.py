"""The shipped rule sets: sources beside every figure, and the rule in force by age and date."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from exchange.law.rules import age_on, load_set, minimum_wage_for, school_leaving_date
from store.labour_law import RULE_SETS
from store.migrate import ensure_rule_sets
from store.models import LabourRule, Market, Worker

SOURCE_PREFIXES = ("https://",)


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_every_shipped_figure_has_its_law_and_a_source_beside_it(name):
    for row in RULE_SETS[name]:
        assert row["law"].strip() and row["authority"].strip(), row
        assert row["source"].startswith(SOURCE_PREFIXES), row
        assert isinstance(row["effective_from"], date), row


def test_a_figure_we_could_not_confirm_says_so_in_its_note():
    unsure = [
        row
        for rows in RULE_SETS.values()
        for row in rows
        if "UNVERIFIED" in (row.get("note") or "")
    ]
    assert [row["value"] for row in unsure] == [1630]


def test_the_default_market_trades_under_the_uk_rule_set(db):
    with db.read() as session:
        market = session.exec(select(Market)).one()
        stored = session.exec(select(LabourRule).where(LabourRule.rule_set == "uk")).all()
    assert market.rule_set == "uk"
    assert len(stored) == len(RULE_SETS["uk"]) and all(rule.source for rule in stored)


def test_shipped_rules_are_added_once(db, now):
    assert ensure_rule_sets(db, now) == 0


@pytest.mark.parametrize(
    ("age", "on", "minimum"),
    [
        (30, date(2026, 11, 26), 1271),
        (21, date(2026, 11, 26), 1271),
        (20, date(2026, 11, 26), 1085),
        (18, date(2026, 11, 26), 1085),
        (17, date(2026, 11, 26), 800),
        (30, date(2026, 3, 31), 1221),
        (19, date(2026, 3, 31), 1000),
        (16, date(2026, 3, 31), 755),
        (None, date(2026, 11, 26), 1271),
    ],
)
def test_the_uk_minimum_wage_follows_the_age_band_and_the_date(db, age, on, minimum):
    with db.read() as session:
        book = load_set(session, "uk")
    assert book.minimum_wage(age, on)[0] == minimum


def test_in_portland_the_higher_of_the_oregon_and_federal_minimum_applies(db):
    with db.read() as session:
        book = load_set(session, "us-or-portland")
    amount, rule = book.minimum_wage(17, date(2026, 11, 26))
    assert (amount, rule.authority) == (1630, "oregon")


def test_both_shipped_rule_sets_need_an_age_and_a_set_without_bands_does_not(db):
    with db.write() as session:
        session.add(
            LabourRule(
                rule_set="flat",
                kind="minimum_wage",
                authority="test",
                value=1000,
                effective_from=date(2020, 1, 1),
                law="a flat minimum",
                source="https://example.org",
            )
        )
    with db.read() as session:
        needs = {name: load_set(session, name).needs_age(date(2026, 11, 26)) for name in RULE_SETS}
        assert not load_set(session, "flat").needs_age(date(2026, 11, 26))
    assert needs == {"uk": True, "us-or-portland": True}


@pytest.mark.parametrize(
    ("born", "leaves"),
    [
        (date(2010, 12, 31), date(2027, 6, 25)),  # turns 16 in the 2026-27 school year
        (date(2010, 7, 1), date(2026, 6, 26)),  # a summer birthday leaves before turning 16
        (date(2010, 9, 1), date(2027, 6, 25)),
    ],
)
def test_school_leaving_is_the_last_friday_in_june_of_the_school_year_they_turn_16(born, leaves):
    assert school_leaving_date(born, 16) == leaves
    assert leaves.weekday() == 4


def test_someone_born_on_29_february_turns_a_year_older_on_1_march():
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_each_law_is_short_enough_to_quote_in_a_text(name):
    # A refusal quotes the law after its own words; both fit two segments with room to spare.
    assert max(len(row["law"]) for row in RULE_SETS[name]) <= 120


def test_minimum_wage_for_a_worker_uses_their_age_on_the_day(db, now):
    with db.read() as session:
        market = session.exec(select(Market)).one()
        worker = Worker(phone="+447700900101", date_of_birth=date(2005, 12, 3))
        before = minimum_wage_for(session, worker, market, datetime(2026, 12, 2, 12, tzinfo=UTC))
        after = minimum_wage_for(session, worker, market, datetime(2026, 12, 3, 12, tzinfo=UTC))
    assert (before[0], after[0]) == (1085, 1271)
