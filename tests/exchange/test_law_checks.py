"""Rule 11 in the exchange: what cannot be posted, offered or booked, and the rule that says so."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from exchange import credentials, offers
from exchange.availability import post_availability
from exchange.errors import Refused
from exchange.law.people import end_week_opt_out, opt_out_of_week
from exchange.law.right_to_work import ask_right_to_work, has_right_to_work
from exchange.shifts import post_shift
from exchange.workers import register_worker, update_terms
from store.models import Booking, LabourRule, Market, OfferSkip, Operator, WorkerCredential
from tests import factories

ADULT, MINOR = date(1990, 1, 1), date(2009, 6, 1)  # 36 and 17 on 26 Nov 2026
FRI = datetime(2026, 11, 27, tzinfo=UTC)  # London is on UTC in winter


def at(day: datetime, hour: float) -> datetime:
    return day + timedelta(hours=hour)


def person(session, now, phone="+447700900101", born=ADULT, rate=1300):
    worker = factories.worker(session, phone, now, rate=rate, born=born, free_hours=1)
    for day in range(0, 12):
        start = FRI + timedelta(days=day - 1)
        post_availability(session, worker.id, start, start + timedelta(hours=24), now)
    return worker


def offered(session, now, worker, start, hours, break_minutes=None):
    """Post a shift and send its wave: the worker's offer, or None with the skip recorded."""
    shift = post_shift(
        session,
        factories.market(session),
        factories.buyer(session),
        "care",
        "E1 7AA",
        start,
        start + timedelta(hours=hours),
        1,
        1450,
        now,
        break_minutes=break_minutes,
    )
    made = [o for o in offers.send_wave(session, shift.id, now) if o.worker_id == worker.id]
    return (made[0] if made else None), shift


def booked(session, now, worker, start, hours, break_minutes=None):
    offer, _ = offered(session, now, worker, start, hours, break_minutes)
    assert offer is not None
    assert offers.accept(session, worker.id, offer.ref, now).outcome == "booked"


def skip_rule(session, worker, shift):
    return session.exec(
        select(OfferSkip.rule).where(
            OfferSkip.worker_id == worker.id, OfferSkip.shift_id == shift.id
        )
    ).one()


class TestMinimumWage:
    def test_an_asking_rate_under_the_minimum_is_refused_with_the_figure(self, db, now):
        with db.write() as session, pytest.raises(Refused) as refused:
            register_worker(
                session, factories.market(session), "+447700900101", "Ann", ["care"], "E1 6AN",
                1000, now, date_of_birth=ADULT,
            )  # fmt: skip
        assert refused.value.code == "under_minimum"
        assert refused.value.message == "£10.00 is under the legal minimum for you, £12.71"

    def test_the_minimum_is_the_one_for_the_workers_age_band(self, db, now):
        with db.write() as session:
            worker = person(session, now, born=MINOR, rate=800)
            assert worker.asking_rate_minor == 800

    def test_a_lower_rate_by_update_is_refused_and_the_rate_kept(self, db, now):
        with db.write() as session:
            worker = person(session, now, rate=1300)
            with pytest.raises(Refused, match="under the legal minimum for you, £12.71"):
                update_terms(session, worker, now, asking_rate_minor=1200)
            assert worker.asking_rate_minor == 1300

    def test_a_shift_whose_top_rate_is_under_the_adult_minimum_cannot_be_posted(self, db, now):
        with db.write() as session, pytest.raises(Refused) as refused:
            factories.shift(session, now, max_rate=1200)
        assert refused.value.code == "under_minimum"
        assert "under the legal minimum here, £12.71/hr" in refused.value.message

    def test_a_yes_after_the_minimum_rose_past_the_rate_books_nothing(self, db, now):
        with db.write() as session:
            worker = person(session, now, rate=1300)
            offer, shift = offered(session, now, worker, at(FRI, 9), 4)
            session.add(
                LabourRule(
                    rule_set="uk", kind="minimum_wage", authority="uk", age_from=21, value=1350,
                    effective_from=date(2026, 11, 26), law="a new minimum", source="https://x",
                )
            )  # fmt: skip
            session.flush()
            answer = offers.accept(session, worker.id, offer.ref, now)
            assert answer.outcome == "barred" and offer.status == "barred"
            assert session.exec(select(Booking)).all() == []
            assert skip_rule(session, worker, shift) == "minimum_wage"


class TestBreaks:
    def test_a_shift_over_6_hours_carries_the_legal_break_unless_told_more(self, db, now):
        with db.write() as session:
            assert factories.shift(session, now, hours=8).break_minutes == 20
            assert factories.shift(session, now, hours=6).break_minutes == 0

    def test_a_shift_posted_with_too_short_a_break_is_refused(self, db, now):
        with db.write() as session, pytest.raises(Refused) as refused:
            offered(session, now, None, at(FRI, 9), 7, break_minutes=10)
        assert refused.value.code == "short_break"
        assert "at least 20 minutes" in refused.value.message

    def test_a_minor_is_not_offered_a_long_shift_without_their_longer_break(self, db, now):
        with db.write() as session:
            minor = person(session, now, born=MINOR, rate=900)
            offer, shift = offered(session, now, minor, at(FRI, 9), 5)
            assert offer is None and skip_rule(session, minor, shift) == "break"
            offer, _ = offered(session, now, minor, at(FRI + timedelta(days=1), 9), 5, 30)
            assert offer is not None


class TestYoungWorkers:
    def test_a_minor_is_not_offered_night_work_and_an_adult_is(self, db, now):
        with db.write() as session:
            minor = person(session, now, "+447700900101", MINOR, 900)
            adult = person(session, now, "+447700900102", ADULT, 1300)
            shift = factories.shift(session, now, start=at(FRI, 19), hours=4)
            made = offers.send_wave(session, shift.id, now)
            assert [o.worker_id for o in made] == [adult.id]
            assert skip_rule(session, minor, shift) == "night"

    def test_a_minor_is_not_offered_what_makes_more_than_8_hours_a_day(self, db, now):
        with db.write() as session:
            minor = person(session, now, born=MINOR, rate=900)
            booked(session, now, minor, at(FRI, 7), 4)
            offer, shift = offered(session, now, minor, at(FRI, 12), 4.5, 30)
            assert offer is None and skip_rule(session, minor, shift) == "day"

    def test_a_minor_is_not_offered_what_makes_more_than_40_hours_a_week(self, db, now):
        with db.write() as session:
            minor = person(session, now, born=MINOR, rate=900)
            monday = datetime(2026, 11, 30, tzinfo=UTC)
            for day in range(5):
                booked(session, now, minor, at(monday + timedelta(days=day), 8), 8, 30)
            offer, shift = offered(session, now, minor, at(monday + timedelta(days=5), 8), 2)
            assert offer is None and skip_rule(session, minor, shift) == "week"

    def test_a_child_still_at_school_is_never_offered_work(self, db, now):
        with db.write() as session:
            child = person(session, now, born=date(2011, 3, 1), rate=900)
            offer, shift = offered(session, now, child, at(FRI, 9), 3)
            assert offer is None and skip_rule(session, child, shift) == "school_age"

    def test_without_a_date_of_birth_nobody_is_offered_work_where_age_matters(self, db, now):
        with db.write() as session:
            worker = person(session, now, born=None)
            offer, shift = offered(session, now, worker, at(FRI, 9), 3)
            assert offer is None and skip_rule(session, worker, shift) == "age"


class TestPosting:
    """What the law forbids everyone is refused when it is posted, with the rule named."""

    def test_a_shift_too_long_for_anyone_is_not_posted(self, db, now):
        with db.write() as session, pytest.raises(Refused) as refused:
            offered(session, now, None, at(FRI, 8), 15)  # 08:00-23:00
        assert refused.value.code == "unlawful_shift"
        assert refused.value.details["rule"] == "rest"
        assert "Working Time Regulations 1998 reg 10" in refused.value.message

    def test_night_work_forbidden_at_every_age_is_not_posted(self, db, now):
        with db.write() as session:
            session.add(
                LabourRule(
                    rule_set="uk", kind="night", authority="test", night_from="00:00",
                    night_to="05:00", effective_from=date(2020, 1, 1),
                    law="No work between 00:00 and 05:00 (Test Act s1)",
                    source="https://example.org",
                )
            )  # fmt: skip
        with db.write() as session, pytest.raises(Refused) as refused:
            offered(session, now, None, at(FRI, 23), 3)
        assert refused.value.details["rule"] == "night"
        assert "Test Act s1" in refused.value.message

    def test_night_work_forbidden_only_to_minors_is_posted_for_adults(self, db, now):
        with db.write() as session:
            shift = factories.shift(session, now, start=at(FRI, 21), hours=4)
            assert shift.id is not None


class TestRest:
    def test_a_split_shift_is_fine(self, db, now):
        with db.write() as session:
            worker = person(session, now)
            booked(session, now, worker, at(FRI, 9), 4)
            offer, _ = offered(session, now, worker, at(FRI, 15), 2)
            assert offer is not None

    def test_less_than_11_hours_rest_in_24_is_refused(self, db, now):
        with db.write() as session:
            worker = person(session, now)
            booked(session, now, worker, at(FRI, 14), 8)
            offer, shift = offered(session, now, worker, at(FRI, 30), 4)  # Sat 06:00
            assert offer is None and skip_rule(session, worker, shift) == "rest"

    def test_a_minor_needs_12_hours(self, db, now):
        with db.write() as session:
            minor = person(session, now, born=MINOR, rate=900)
            booked(session, now, minor, at(FRI, 9), 4)
            offer, shift = offered(session, now, minor, at(FRI, 20.5), 1.5)  # 20:30-22:00
            assert offer is None and skip_rule(session, minor, shift) == "rest"


class TestWeek:
    @pytest.fixture
    def short_weeks(self, db):
        """A rule set whose average week is 10 hours over 14 days, so a test can reach it."""
        with db.write() as session:
            session.add(
                LabourRule(
                    rule_set="test", kind="week", authority="test", value=600, period_days=14,
                    rolling=True, opt_out=True, effective_from=date(2020, 1, 1),
                    law="10 hours a week on average", source="https://example.org",
                )
            )  # fmt: skip
            factories.market(session).rule_set = "test"

    def test_the_average_week_limit_leaves_out_who_it_would_put_over(self, db, now, short_weeks):
        with db.write() as session:
            worker = person(session, now)
            booked(session, now, worker, at(FRI, 8), 12)
            booked(session, now, worker, at(FRI, 8 + 48), 6)
            offer, shift = offered(session, now, worker, at(FRI, 8 + 96), 3)
            assert offer is None and skip_rule(session, worker, shift) == "week"

    def test_a_written_opt_out_lifts_it_and_withdrawing_it_brings_it_back(
        self, db, now, short_weeks
    ):
        with db.write() as session:
            worker = person(session, now)
            booked(session, now, worker, at(FRI, 8), 12)
            booked(session, now, worker, at(FRI, 8 + 48), 6)
            assert opt_out_of_week(session, worker, now)
            offer, _ = offered(session, now, worker, at(FRI, 8 + 96), 3)
            assert offer is not None
            end_week_opt_out(session, worker, now - timedelta(days=7))
            offer, shift = offered(session, now, worker, at(FRI, 8 + 120), 3)
            assert offer is None and skip_rule(session, worker, shift) == "week"


class TestRightToWork:
    def test_a_market_that_requires_it_offers_work_only_to_who_holds_it(self, db, now):
        with db.write() as session:
            session.get(Market, factories.market(session).id).requires_right_to_work = True
            holder = person(session, now, "+447700900101")
            other = person(session, now, "+447700900102")
            session.add(
                WorkerCredential(
                    worker_id=holder.id, credential="right_to_work", source="registry",
                    verified_at=now, expires_at=now + timedelta(days=365),
                )
            )  # fmt: skip
            shift = factories.shift(session, now)
            made = offers.send_wave(session, shift.id, now)
            assert [o.worker_id for o in made] == [holder.id]
            assert skip_rule(session, other, shift) == "right_to_work"

    def test_the_right_to_work_is_checked_only_after_the_workers_yes(self, db, now):
        verifier = Registry()
        with db.write() as session:
            session.get(Market, factories.market(session).id).requires_right_to_work = True
            staff = Operator(username="sam", name="Sam", role="staff")
            session.add(staff)
            worker = person(session, now)
            check = ask_right_to_work(session, worker.id, staff, now)
            assert not credentials.run_check(session, check.id, verifier, now)
            assert verifier.asked == []
            credentials.answer(session, check, True, now)
            assert credentials.run_check(session, check.id, verifier, now)
            assert has_right_to_work(session, worker.id, now + timedelta(days=300))
            assert not has_right_to_work(session, worker.id, now + timedelta(days=400))
            offer, _ = offered(session, now, worker, at(FRI, 9), 3)
            assert offer is not None and verifier.asked == ["right_to_work"]


class Registry:
    """A verifier that says yes for a year and remembers what it was asked."""

    name = "test registry"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def verify(self, credential, phone, name, now):
        self.asked.append(credential)
        return credentials.Verdict(True, "the record is valid", now + timedelta(days=365))


def test_two_offers_for_the_same_hours_never_make_two_bookings(db, now):
    with db.write() as session:
        worker = person(session, now)
        first, _ = offered(session, now, worker, at(FRI, 9), 4)
        second, _ = offered(session, now, worker, at(FRI, 10), 4)
        assert offers.accept(session, worker.id, first.ref, now).outcome == "booked"
        assert offers.accept(session, worker.id, second.ref, now).outcome == "barred"
