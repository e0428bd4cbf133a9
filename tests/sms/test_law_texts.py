"""The law by text: each refusal and its wording, the date of birth asked only where needed, a
rise in the minimum taken only on YES, the weekly opt-out, and WHY naming the rule."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from exchange import offers
from exchange.law.minimums import apply_new_minimums
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from store.models import LabourRule, Market, Offer, Worker
from tests import factories

NEW = "+447700900555"
ANN = "+447700900101"
FRI = datetime(2026, 11, 27, tzinfo=UTC)


def text(db, body, at, phone=NEW) -> list[str]:
    deliver(db, phone, body, at)
    return [m.body for m in drain(db, SimulatorGateway(), at)]


def sign_up_to_the_rate(db, now, born="31/12/1990") -> None:
    for answer in ("hello", "Ann Smith", "1", "E1 6AN"):
        text(db, answer, now)
    assert text(db, born, now) == [
        "Your lowest hourly rate? You set it; we never change it. e.g. 13.50"
    ]


class TestSignUp:
    def test_the_date_of_birth_is_asked_after_the_place_saying_why(self, db, now):
        for answer in ("hello", "Ann Smith", "1"):
            text(db, answer, now)
        assert text(db, "E1 6AN", now) == [
            "Your date of birth? The law here sets pay and working hours by age, so we need "
            "it. e.g. 31/12/1990"
        ]

    def test_a_date_of_birth_that_is_not_one_is_asked_again(self, db, now):
        for answer in ("hello", "Ann Smith", "1", "E1 6AN"):
            text(db, answer, now)
        assert text(db, "last spring", now) == ["Please send your date of birth like 31/12/1990"]

    def test_a_rate_under_the_minimum_is_refused_with_the_figure(self, db, now):
        sign_up_to_the_rate(db, now)
        assert text(db, "£10", now) == [
            "£10.00 is under the legal minimum for you, £12.71. Reply with £12.71 or more."
        ]
        assert text(db, "£12.71", now)[0].startswith("You're in, Ann Smith")

    def test_the_minimum_is_the_one_for_the_age_given(self, db, now):
        sign_up_to_the_rate(db, now, born="1 June 2009")
        assert text(db, "£7", now) == [
            "£7.00 is under the legal minimum for you, £8.00. Reply with £8.00 or more."
        ]
        assert text(db, "£8.50", now)[0].startswith("You're in")
        with db.read() as session:
            assert session.exec(select(Worker)).one().date_of_birth == date(2009, 6, 1)

    def test_a_child_still_at_school_is_told_from_when_they_can_join(self, db, now):
        for answer in ("hello", "Ann Smith", "1", "E1 6AN"):
            text(db, answer, now)
        assert text(db, "31/12/2010", now) == [
            "Sorry, you can take work here from Sat 26 Jun 2027: the law on work while at "
            "school. Text JOIN then to sign up."
        ]

    @pytest.fixture
    def rules_for_every_age(self, db):
        """The market's rules: one minimum wage, whatever the worker's age."""
        with db.write() as session:
            session.add(
                LabourRule(
                    rule_set="flat", kind="minimum_wage", authority="test", value=1000,
                    effective_from=date(2020, 1, 1), law="one minimum", source="https://x.org",
                )
            )  # fmt: skip
            factories.market(session).rule_set = "flat"

    def test_no_date_of_birth_is_asked_where_the_rules_do_not_depend_on_age(
        self, db, now, rules_for_every_age
    ):
        for answer in ("hello", "Ann Smith", "1"):
            text(db, answer, now)
        assert text(db, "E1 6AN", now) == [
            "Your lowest hourly rate? You set it; we never change it. e.g. 13.50"
        ]
        assert text(db, "£10", now)[0].startswith("You're in")

    def test_a_birth_date_sent_unasked_is_not_kept_where_the_rules_do_not_need_it(
        self, db, now, rules_for_every_age
    ):
        for answer in ("hello", "Ann Smith, born 3 May 1985", "1", "E1 6AN"):
            text(db, answer, now)
        assert text(db, "£10", now)[0].startswith("You're in")
        with db.read() as session:
            assert session.exec(select(Worker)).one().date_of_birth is None


@pytest.fixture
def ann(db, now):
    with db.write() as session:
        return factories.worker(session, ANN, now, rate=1300, free_from=FRI, free_hours=24).id


def shift_at(db, now, start, hours, break_minutes=None):
    with db.write() as session:
        shift = factories.shift(session, now, start=start, hours=hours)
        if break_minutes is not None:
            shift.break_minutes = break_minutes
        return shift.id


def wave(db, now, shift_id):
    with db.write() as session:
        offers.send_wave(session, shift_id, now)
    return [m.body for m in drain(db, SimulatorGateway(), now)]


class TestRate:
    def test_rate_under_the_minimum_is_refused_with_the_figure(self, db, now, ann):
        assert text(db, "RATE 10", now, ANN) == [
            "£10.00 is under the legal minimum for you, £12.71. Text RATE £12.71 or more."
        ]


class TestWhy:
    def test_why_names_the_rule_that_kept_a_night_shift_from_a_minor(self, db, now):
        with db.write() as session:
            factories.worker(
                session, ANN, now, rate=900, born=date(2009, 6, 1), free_from=FRI, free_hours=24
            )
        assert wave(db, now, shift_at(db, now, FRI + timedelta(hours=19), 4)) == []
        (reply,) = text(db, "WHY", now, ANN)
        assert "care Fri 27 Nov 19:00-23:00" in reply
        assert (
            "Under 18: no work between 22:00 and 06:00 (Working Time Regulations 1998 reg 6A)"
            in reply
        )

    def test_why_asks_for_the_date_of_birth_when_it_is_missing(self, db, now):
        with db.write() as session:
            factories.worker(session, ANN, now, born=None, free_from=FRI, free_hours=24)
        wave(db, now, shift_at(db, now, FRI + timedelta(hours=9), 4))
        (reply,) = text(db, "WHY", now, ANN)
        assert "we need your date of birth first" in reply and "DOB 31/12/1990" in reply

    def test_a_date_of_birth_by_text_lets_offers_through(self, db, now):
        with db.write() as session:
            factories.worker(session, ANN, now, born=None, free_from=FRI, free_hours=24)
        wave(db, now, shift_at(db, now, FRI + timedelta(hours=9), 4))
        replies = text(db, "DOB 31/12/1990", now, ANN)
        assert (
            replies[0] == "Thanks, your date of birth is saved. Offers that fit can reach you now."
        )
        assert replies[1].startswith("Work: care")


class TestOffers:
    def test_an_offer_for_a_shift_over_6_hours_shows_its_break(self, db, now, ann):
        (offer,) = wave(db, now, shift_at(db, now, FRI + timedelta(hours=9), 8))
        assert offer.startswith(
            "Work: care at Rosewood, E1 6AN, Fri 27 Nov 09:00-17:00, 20 min break,"
        )

    def test_a_yes_the_law_stops_at_booking_says_why(self, db, now, ann):
        wave(db, now, shift_at(db, now, FRI + timedelta(hours=9), 4))
        with db.write() as session:
            ref = session.exec(select(Offer.ref)).one()
            session.add(
                LabourRule(
                    rule_set="uk", kind="minimum_wage", authority="uk", age_from=21, value=1350,
                    effective_from=date(2026, 11, 1), law="National Living Wage (test)",
                    source="https://x.org",
                )
            )  # fmt: skip
        (reply,) = text(db, f"Y {ref}", now, ANN)
        assert reply.startswith(
            f"Sorry, we can't book you for {ref} (care Fri 27 Nov 09:00-13:00):"
        )
        assert "your rate £13.00/hr is under the legal minimum for you, £13.50" in reply


class TestMinimumRises:
    @pytest.fixture
    def rise(self, db):
        with db.write() as session:
            session.add(
                LabourRule(
                    rule_set="uk", kind="minimum_wage", authority="uk", age_from=21, value=1350,
                    effective_from=date(2026, 12, 1), law="National Living Wage (test)",
                    source="https://x.org",
                )
            )  # fmt: skip

    def test_workers_under_the_new_minimum_are_asked_once(self, db, now, ann, rise):
        with db.write() as session:
            assert len(apply_new_minimums(session, now)) == 1
            assert apply_new_minimums(session, now) == []
        assert [m.body for m in drain(db, SimulatorGateway(), now)] == [
            "The legal minimum for you is £13.50/hr from Tue 1 Dec, over your rate of £13.00/hr. "
            "Reply YES to raise your rate to £13.50, or text RATE and your own rate at or over it. "
            "Till then no offers from that day."
        ]

    def test_no_offers_from_that_day_until_yes_then_the_rate_is_raised(self, db, now, rise):
        later = datetime(2026, 12, 2, 9, tzinfo=UTC)
        with db.write() as session:
            factories.worker(session, ANN, now, rate=1300, free_from=later, free_hours=12)
            apply_new_minimums(session, now)
        drain(db, SimulatorGateway(), now)
        assert wave(db, now, shift_at(db, now, later, 4)) == []
        replies = text(db, "YES", now, ANN)
        assert replies[0] == "Done: your rate is now £13.50/hr. Offers can reach you again."
        assert replies[1].startswith("Work: care") and "£13.50/hr" in replies[1]
        with db.read() as session:
            assert session.exec(select(Worker)).one().asking_rate_minor == 1350


class TestWeekOptOut:
    def test_work_over_48_is_recorded_in_writing_and_48_limit_takes_it_back(self, db, now, ann):
        assert text(db, "WORK OVER 48", now, ANN) == [
            "Recorded: you agree in writing to work over 48 hours a week on average. "
            "Text 48 LIMIT to take it back (7 days' notice)."
        ]
        assert text(db, "48 limit", now, ANN) == [
            "Recorded: the 48-hour average limit applies to you again from Thu 3 Dec."
        ]
        with db.read() as session:
            worker = session.exec(select(Worker)).one()
            assert worker.week_opt_out_at == now
            assert worker.week_opt_out_ends_at == now + timedelta(days=7)

    def test_a_minor_cannot_opt_out(self, db, now):
        with db.write() as session:
            factories.worker(session, ANN, now, rate=900, born=date(2009, 6, 1))
            assert session.get(Market, 1).rule_set == "uk"
        assert text(db, "WORK OVER 48", now, ANN) == [
            "Sorry: The weekly limit here has no opt-out for you."
        ]
