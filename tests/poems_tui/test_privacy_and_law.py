"""The console asks why before a worker's record opens, the worker's WHO SAW shows the look, a
worker's data can be exported from the record, and each market's labour rules are shown with
their sources and history; only an admin gives a rule a new figure, and it is recorded."""

import json
import time

from sqlmodel import select

from exchange.portability import FORMAT
from poems_tui.screens.law_forms import NewFigureScreen
from poems_tui.screens.reason import ReasonScreen
from poems_tui.screens.worker import WorkerScreen
from sms import inbound, outbox
from sms.gateways import SimulatorGateway
from store.models import AuditEntry, DataAccess, LabourRule, RuleChange, Worker
from tests.poems_tui.helpers import rows, shown, wait_for


def first_worker(db) -> Worker:
    with db.read() as session:
        return session.exec(
            select(Worker).where(Worker.status == "active").order_by(Worker.name)
        ).first()


async def pick(pilot, name: str) -> None:
    app = pilot.app
    await pilot.press("2")
    app.screen.query_one("#worker-search").value = name
    await wait_for(pilot, lambda: rows(app, "workers") and rows(app, "workers")[0][0] == name)
    app.screen.query_one("#workers").focus()
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReasonScreen))


class TestWhyBeforeARecord:
    async def test_a_record_opens_only_after_a_reason_and_the_look_is_kept(
        self, make_app, console_db
    ):
        worker = first_worker(console_db)
        app = make_app(operator="staff")
        async with app.run_test(size=(100, 30)) as pilot:
            await pick(pilot, worker.name)
            assert "Why open" in shown(app)
            await pilot.press("escape")  # no reason, no record
            await pilot.pause()
            assert not isinstance(app.screen, WorkerScreen)
            with console_db.read() as session:
                assert session.exec(select(DataAccess)).all() == []
            await pick(pilot, worker.name)
            await pilot.press("down", "down", "enter")  # "a problem with a shift"
            await wait_for(pilot, lambda: isinstance(app.screen, WorkerScreen))
        with console_db.read() as session:
            (look,) = session.exec(select(DataAccess)).all()
            logged = session.exec(select(AuditEntry).where(AuditEntry.action == "access")).all()
        assert (look.worker_id, look.reason) == (worker.id, "shift_problem")
        assert [e.subject for e in logged] == [f"worker:{worker.id}"]

    async def test_another_reason_needs_words(self, make_app, console_db):
        worker = first_worker(console_db)
        app = make_app(operator="staff")
        async with app.run_test(size=(100, 30)) as pilot:
            await pick(pilot, worker.name)
            await pilot.press("end", "enter")  # "another reason", nothing typed
            await wait_for(pilot, lambda: "Say in a few words why" in shown(app))
            assert isinstance(app.screen, ReasonScreen)
            await pilot.press(*"checking an old complaint", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, WorkerScreen))
        with console_db.read() as session:
            (look,) = session.exec(select(DataAccess)).all()
        assert (look.reason, look.detail) == ("other", "checking an old complaint")

    async def test_who_saw_by_text_lists_the_console_look(self, make_app, console_db, fixed_now):
        worker = first_worker(console_db)
        # One phone network for the console and the test: the console sends on the simulator
        # each tick, and its last tick's sending may still be under way when the test texts
        gateway = SimulatorGateway()
        app = make_app(operator="staff", gateway=gateway)
        async with app.run_test(size=(100, 30)) as pilot:
            await pick(pilot, worker.name)
            await pilot.press("down", "down", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, WorkerScreen))
        outbox.drain(console_db, gateway, fixed_now)
        gateway.sent.clear()
        inbound.deliver(console_db, worker.phone, "WHO SAW", fixed_now)
        outbox.drain(console_db, gateway, fixed_now)
        replies = []
        for _ in range(100):  # whichever sender took it, the reply reaches the phone
            if replies := [m.body for m in gateway.sent if m.to == worker.phone]:
                break
            time.sleep(0.05)
        (reply,) = replies
        assert reply.startswith("Who saw your data: Sam Patel (staff) Thu 26 Nov 10:00, a problem")


class TestExport:
    async def test_the_record_writes_a_complete_export_and_the_worker_sees_it(
        self, make_app, console_db, tmp_path
    ):
        worker = first_worker(console_db)
        app = make_app(operator="staff", export_dir=tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pick(pilot, worker.name)
            await pilot.press("enter")
            await wait_for(
                pilot, lambda: isinstance(app.screen, WorkerScreen) and app.screen.record
            )
            await pilot.press("x")
            await wait_for(pilot, lambda: list(tmp_path.glob("*.json")))
            await wait_for(pilot, lambda: "a copy of your data" in shown(app))
        (path,) = tmp_path.glob("*.json")
        document = json.loads(path.read_text())
        assert document["format"] == FORMAT and document["worker"]["phone"] == worker.phone
        with console_db.read() as session:
            reasons = session.exec(select(DataAccess.reason).order_by(DataAccess.id)).all()
        assert reasons == ["asked_by_worker", "export"]

    async def test_an_auditor_cannot_export(self, make_app, console_db, tmp_path):
        worker = first_worker(console_db)
        app = make_app(operator="audit", export_dir=tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pick(pilot, worker.name)
            await pilot.press("enter")
            await wait_for(
                pilot, lambda: isinstance(app.screen, WorkerScreen) and app.screen.record
            )
            await pilot.press("x")
            await pilot.pause()
        assert list(tmp_path.glob("*.json")) == []


def uk_adult_minimum(db) -> LabourRule:
    with db.read() as session:
        return session.exec(
            select(LabourRule)
            .where(LabourRule.rule_set == "uk", LabourRule.kind == "minimum_wage")
            .where(LabourRule.age_from == 21)
            .order_by(LabourRule.effective_from.desc())
        ).first()


class TestLabourRules:
    async def test_each_market_shows_its_rules_with_their_sources(self, make_app):
        app = make_app(operator="audit")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("6")
            await wait_for(pilot, lambda: "Labour rules: uk" in shown(app))
            text = shown(app)
        assert "minimum_wage (uk) ages 21-: £12.71/hr, from 2026-04-01, in force" in text
        assert "minimum_wage (uk) ages 21-: £12.21/hr, from 2025-04-01, replaced" in text
        assert "source: https://www.gov.uk/national-minimum-wage-rates" in text
        assert "Working Time Regulations 1998 reg 10" in text

    async def test_an_admin_gives_a_rule_a_new_figure_and_it_is_recorded(
        self, make_app, console_db, fixed_now
    ):
        current = uk_adult_minimum(console_db)
        app = make_app(operator="admin")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("6")
            await wait_for(pilot, lambda: "Labour rules: uk" in shown(app))
            await pilot.press("ctrl+l")
            await wait_for(pilot, lambda: isinstance(app.screen, NewFigureScreen))
            for field, value in {
                "rule": f"#{current.id}",
                "value": "13.20",
                "from": "2027-04-01",
                "source": "https://www.gov.uk/national-minimum-wage-rates (from April 2027)",
                "reason": "Budget 2026",
            }.items():
                app.screen.query_one(f"#{field}").value = value
            await pilot.press("ctrl+s")
            await wait_for(
                pilot, lambda: "£13.20/hr, from 2027-04-01, from 2027-04-01" in shown(app)
            )
            assert "added by admin: Budget 2026" in shown(app)
        with console_db.read() as session:
            made = session.exec(select(LabourRule).where(LabourRule.value == 1320)).one()
            change = session.exec(select(RuleChange).where(RuleChange.rule_id == made.id)).one()
            logged = session.exec(select(AuditEntry).where(AuditEntry.action == "rule_added")).one()
        assert (made.kind, made.age_from, made.authority) == ("minimum_wage", 21, "uk")
        assert (change.action, change.reason, change.at) == ("added", "Budget 2026", fixed_now)
        assert logged.subject == f"rule:{made.id}"

    async def test_nobody_but_an_admin_may_change_a_rule(self, make_app, console_db):
        app = make_app(operator="fran")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("6")
            await wait_for(pilot, lambda: "Labour rules: uk" in shown(app))
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert not isinstance(app.screen, NewFigureScreen)
        with console_db.read() as session:
            assert session.exec(select(RuleChange)).all() == []
