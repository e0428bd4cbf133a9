"""Matching: who is eligible for a shift, in what order, and the reason each offer records."""

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from exchange.areas import covers
from exchange.eligibility import areas_covering
from exchange.matching import eligible_workers
from exchange.offer_reasons import read_reason, reason_for_staff
from exchange.workers import update_terms
from store.models import WorkerCredential
from tests import factories


def eligible_phones(session, shift, now):
    return [
        c.worker.phone for c in eligible_workers(session, shift, factories.market(session), now)
    ]


def test_a_worker_who_fits_every_rule_is_eligible(db, now):
    with db.write() as session:
        factories.worker(session, "+447700900001", now)
        shift = factories.shift(session, now)
        assert eligible_phones(session, shift, now) == ["+447700900001"]


def test_the_wrong_skill_is_not_eligible(db, now):
    with db.write() as session:
        factories.worker(session, "+447700900001", now, skills=("kitchen",))
        assert eligible_phones(session, factories.shift(session, now), now) == []


def test_a_window_that_does_not_cover_the_shift_is_not_eligible(db, now):
    with db.write() as session:
        tomorrow_ten = (now + timedelta(days=1)).replace(hour=10)
        factories.worker(session, "+447700900001", now, free_from=tomorrow_ten, free_hours=8)
        assert eligible_phones(session, factories.shift(session, now), now) == []


def test_an_asking_rate_over_the_buyers_top_rate_is_not_eligible(db, now):
    with db.write() as session:
        factories.worker(session, "+447700900001", now, rate=1500)
        factories.worker(session, "+447700900002", now, rate=1450)
        assert eligible_phones(session, factories.shift(session, now, max_rate=1450), now) == [
            "+447700900002"
        ]


def test_a_shift_shorter_than_the_workers_minimum_is_not_eligible(db, now):
    with db.write() as session:
        worker = factories.worker(session, "+447700900001", now)
        update_terms(session, worker, now, min_shift_minutes=300)
        assert eligible_phones(session, factories.shift(session, now, hours=4), now) == []


def test_too_little_notice_is_not_eligible(db, now):
    with db.write() as session:
        worker = factories.worker(session, "+447700900001", now, free_from=now, free_hours=6)
        update_terms(session, worker, now, notice_minutes=180)
        soon = factories.shift(session, now, start=now + timedelta(hours=2), hours=2)
        assert eligible_phones(session, soon, now) == []


def test_a_shift_outside_the_workers_area_is_not_eligible(db, now):
    with db.write() as session:
        factories.worker(session, "+447700900001", now, place="SW1A 1AA")
        factories.worker(session, "+447700900002", now, place="E2 8DY")
        assert eligible_phones(session, factories.shift(session, now, postcode="E1 7AA"), now) == [
            "+447700900002"
        ]


def test_an_opted_out_worker_is_not_eligible(db, now):
    with db.write() as session:
        worker = factories.worker(session, "+447700900001", now)
        worker.opted_out = True
        assert eligible_phones(session, factories.shift(session, now), now) == []


def test_least_recently_booked_comes_first_then_who_was_free_first(db, now):
    with db.write() as session:
        recent = factories.worker(session, "+447700900001", now)
        recent.last_booked_at = now - timedelta(days=1)
        older = factories.worker(session, "+447700900002", now)
        older.last_booked_at = now - timedelta(days=9)
        factories.worker(session, "+447700900003", now + timedelta(minutes=5))
        factories.worker(session, "+447700900004", now)
        assert eligible_phones(session, factories.shift(session, now), now) == [
            "+447700900004",
            "+447700900003",
            "+447700900002",
            "+447700900001",
        ]


def test_the_reason_says_each_rule_and_the_place_in_the_ranking(db, now):
    with db.write() as session:
        factories.worker(session, "+447700900001", now, rate=1300)
        factories.worker(session, "+447700900002", now, rate=1280)
        shift = factories.shift(session, now, max_rate=1450)
        second = eligible_workers(session, shift, factories.market(session), now)[1]
        assert read_reason(second.reason) == {
            "place": 2,
            "of": 2,
            "asked_rate": 1280,
            "free_start": "2026-11-27T06:00:00+00:00",
            "free_end": "2026-11-27T18:00:00+00:00",
            "last_booked": None,
        }
        assert reason_for_staff(second.reason, "GBP", "Europe/London") == (
            "2 of 2 by the rule; asked £12.80/hr; free Fri 27 Nov 06:00-18:00; never booked"
        )


def test_a_shift_that_requires_a_credential_goes_only_to_workers_who_hold_it(db, now):
    with db.write() as session:
        holder = factories.worker(session, "+447700900001", now)
        lapsed = factories.worker(session, "+447700900002", now)
        factories.worker(session, "+447700900003", now)
        session.add(
            WorkerCredential(
                worker_id=holder.id, credential="dbs", source="registry", verified_at=now
            )
        )
        session.add(
            WorkerCredential(
                worker_id=lapsed.id,
                credential="dbs",
                source="registry",
                verified_at=now - timedelta(days=400),
                expires_at=now,
            )
        )
        shift = factories.shift(session, now)
        shift.credentials = ["dbs"]
        assert eligible_phones(session, shift, now) == ["+447700900001"]


@given(
    place=st.from_regex(
        r"[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}|[0-9]{5}", fullmatch=True
    ),
    area=st.from_regex(r"[A-Za-z]{0,2}[0-9]{0,2}[A-Za-z]?", fullmatch=True),
)
def test_the_areas_covering_a_place_are_exactly_those_covers_accepts(place, area):
    looked_up = area.replace(" ", "").upper() in areas_covering(place)
    assert looked_up == covers([area], place)


def test_a_worker_whose_areas_do_not_cover_the_place_is_not_eligible(db, now):
    with db.write() as session:
        factories.worker(session, "+447700900001", now, place="EC1A 1BB")
        factories.worker(session, "+447700900002", now, place="E2 8AA")
        assert eligible_phones(session, factories.shift(session, now), now) == ["+447700900002"]


def test_matching_reads_no_whole_table_of_workers(db, now):
    """SQLite's plan for a shift's match starts from the indexes (windows, areas, the few who
    travel) and never scans every worker: what keeps a city's matching fast."""
    from sqlalchemy import event

    seen = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("SELECT worker.id"):
            seen.append((statement, parameters))

    with db.write() as session:
        factories.worker(session, "+447700900001", now)
        shift = factories.shift(session, now)
        event.listen(db.engine, "before_cursor_execute", keep)
        try:
            eligible_workers(session, shift, factories.market(session), now)
        finally:
            event.remove(db.engine, "before_cursor_execute", keep)
        statement, parameters = seen[0]
        plan = (
            session.connection()
            .exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            .all()
        )
    steps = [row[-1] for row in plan]
    assert not any(step.startswith("SCAN worker") for step in steps), steps
    assert any("ix_worker_travels" in step for step in steps), steps
