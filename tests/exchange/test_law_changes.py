"""A rise in the minimum (asked, raised only on YES), rule sets for the console, and breaks."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import col, select

from exchange import timesheets
from exchange.errors import Refused
from exchange.law.breaks import break_flag, flag_missing_break
from exchange.law.history import add_rule, rule_set, rule_sets, set_market_rules, withdraw_rule
from exchange.law.minimums import accept_raise, apply_new_minimums, pending_raise
from exchange.workers import update_terms
from sms.templates import render
from store.models import (
    LabourRule,
    Market,
    Notice,
    Operator,
    RateRaise,
    RuleChange,
    SettingChange,
    TermsChange,
)
from tests import bookings, factories

TODAY = date(2026, 11, 26)


class TestMinimumRises:
    def test_a_birthday_into_a_higher_band_asks_from_that_day(self, db, now):
        with db.write() as session:
            worker = factories.worker(
                session, "+447700900101", now, rate=1100, born=date(2005, 12, 3)
            )
            (raised_id,) = apply_new_minimums(session, now)
            raised = session.get(RateRaise, raised_id)
            assert (raised.new_rate_minor, raised.from_date) == (1271, date(2026, 12, 3))
            assert pending_raise(session, worker) == raised

    def test_a_rate_of_their_own_at_the_minimum_ends_the_question(self, db, now):
        with db.write() as session:
            worker = factories.worker(
                session, "+447700900101", now, rate=1100, born=date(2005, 12, 3)
            )
            apply_new_minimums(session, now)
            update_terms(session, worker, now, asking_rate_minor=1400)
            assert pending_raise(session, worker) is None
            assert accept_raise(session, worker, now) is None
            assert worker.asking_rate_minor == 1400

    def test_yes_raises_the_rate_as_the_workers_own_change(self, db, now):
        with db.write() as session:
            worker = factories.worker(
                session, "+447700900101", now, rate=1100, born=date(2005, 12, 3)
            )
            apply_new_minimums(session, now)
            accept_raise(session, worker, now)
            change = session.exec(
                select(TermsChange).where(TermsChange.field == "asking_rate_minor")
            ).one()
        assert worker.asking_rate_minor == 1271
        assert (change.changed_by, change.old_value, change.new_value) == ("worker", "1100", "1271")

    def test_nobody_is_asked_about_a_rise_more_than_two_weeks_away(self, db, now):
        with db.write() as session:
            factories.worker(session, "+447700900101", now, rate=1100, born=date(2005, 12, 31))
            assert apply_new_minimums(session, now) == []


@pytest.fixture
def admin(db, now):
    with db.write() as session:
        made = Operator(username="ada", name="Ada", role="admin")
        session.add(made)
        session.flush()
        return made


def a_rise(**changes) -> LabourRule:
    row = dict(
        rule_set="uk", kind="minimum_wage", authority="uk", age_from=21, value=1320,
        effective_from=date(2027, 4, 1), law="National Living Wage", source="https://www.gov.uk",
    )  # fmt: skip
    return LabourRule(**(row | changes))


class TestRuleSets:
    def test_each_rule_set_lists_its_markets_and_each_rule_its_state_and_source(self, db):
        with db.read() as session:
            sets = {view.name: view for view in rule_sets(session, TODAY)}
        assert sets["uk"].markets == ("London",) and sets["us-or-portland"].markets == ()
        states = {
            (view.rule.age_from, view.rule.effective_from): view.state
            for view in sets["uk"].rules
            if view.rule.kind == "minimum_wage"
        }
        assert states[(21, date(2026, 4, 1))] == "in force"
        assert states[(21, date(2025, 4, 1))] == "replaced"
        assert all(view.rule.source for view in sets["uk"].rules)

    def test_an_admin_adds_a_change_of_law_as_a_new_row_with_the_reason(self, db, now, admin):
        with db.write() as session:
            rule = add_rule(session, admin, a_rise(), "Budget 2026", now)
            (view,) = [v for v in rule_set(session, "uk", TODAY).rules if v.rule.id == rule.id]
        assert view.state == "from 2027-04-01"
        assert [(c.action, c.operator_id, c.reason) for c in view.changes] == [
            ("added", admin.id, "Budget 2026")
        ]

    @pytest.mark.parametrize("role", ["staff", "franchisee", "auditor"])
    def test_only_an_admin_may_change_a_rule_set(self, db, now, role):
        with db.write() as session, pytest.raises(Refused):
            add_rule(session, Operator(username="x", name="X", role=role), a_rise(), "why", now)

    def test_a_rule_without_its_source_is_refused(self, db, now, admin):
        with db.write() as session, pytest.raises(Refused, match="source"):
            add_rule(session, admin, a_rise(source=" "), "why", now)

    def test_a_rule_in_force_cannot_be_withdrawn_but_one_to_come_can(self, db, now, admin):
        with db.write() as session:
            in_force = session.exec(
                select(LabourRule).where(LabourRule.kind == "night", LabourRule.rule_set == "uk")
            ).one()
            with pytest.raises(Refused, match="new row"):
                withdraw_rule(session, admin, in_force.id, "mistake", now, TODAY)
            rule = add_rule(session, admin, a_rise(), "Budget 2026", now)
            withdraw_rule(session, admin, rule.id, "typed the wrong figure", now, TODAY)
            actions = session.exec(select(RuleChange.action).where(RuleChange.rule_id == rule.id))
            assert list(actions) == ["added", "withdrawn"]

    def test_a_market_changes_rule_set_or_right_to_work_only_by_an_admin_and_it_is_recorded(
        self, db, now, admin
    ):
        with db.write() as session:
            market = factories.market(session)
            set_market_rules(session, admin, market.id, now, requires_right_to_work=True)
            with pytest.raises(Refused):
                set_market_rules(
                    session, Operator(username="s", name="S", role="staff"), market.id, now,
                    rule_set="us-or-portland",
                )  # fmt: skip
            change = session.exec(select(SettingChange)).one()
            assert session.get(Market, market.id).requires_right_to_work
        assert (change.field, change.new_value, change.operator_id) == (
            "requires_right_to_work",
            "True",
            admin.id,
        )


class TestBreaks:
    def test_a_long_shift_with_no_break_recorded_is_flagged(self, db, now):
        with db.write() as session:
            shift = factories.shift(session, now, hours=7)
            assert break_flag(session, shift, 420, None) == (
                "No break recorded on 7h of work; the law asks for 20 minutes (A 20-minute break "
                "in a shift of more than 6 hours (Working Time Regulations 1998 reg 12))"
            )
            assert break_flag(session, shift, 420, 20) is None
            assert break_flag(session, shift, 360, None) is None

    def test_checking_out_of_a_long_shift_without_a_break_tells_the_buyer(self, db, now):
        with db.write() as session:
            start = datetime(2026, 11, 27, 8, tzinfo=UTC)
            booking, shift, _ = bookings.book(session, now, start=start, hours=8)
            timesheets.check_out(session, booking.worker_id, shift.end, minutes=480)
            notice = session.exec(select(Notice).where(Notice.kind == "buyer_break_missing")).one()
        assert notice.data["flag"].startswith("No break recorded on 8h of work")

    def test_a_timesheet_with_the_break_taken_is_not_flagged(self, db, now):
        with db.write() as session:
            start = datetime(2026, 11, 27, 8, tzinfo=UTC)
            booking, shift, _ = bookings.book(session, now, start=start, hours=8)
            timesheet = timesheets.check_out(
                session, booking.worker_id, shift.end, minutes=460, break_minutes=20
            )
            assert flag_missing_break(session, timesheet, shift.end) is None
            kinds = session.exec(select(Notice.kind)).all()
        assert "buyer_break_missing" not in kinds

    def test_the_timesheet_texts_show_the_shifts_break(self, db, now):
        with db.write() as session:
            start = datetime(2026, 11, 27, 8, tzinfo=UTC)
            booking, shift, _ = bookings.book(session, now, start=start, hours=8)
            timesheets.check_out(session, booking.worker_id, shift.end, minutes=480)
            kinds = ("timesheet_sent", "buyer_timesheet")
            told = {
                n.kind: render(n.kind, "en", n.data)
                for n in session.exec(select(Notice).where(col(Notice.kind).in_(kinds)))
            }
        assert f", {shift.break_minutes} min break" in told["timesheet_sent"]
        assert f", {shift.break_minutes} min break" in told["buyer_timesheet"]
