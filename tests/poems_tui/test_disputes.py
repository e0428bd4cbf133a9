"""The Disputes screen: a franchisee's queue holds only their markets' disputes, oldest deadline
first with counts by state; a dispute's page shows the timeline and takes a question, a note and
a decision, each stored and texted through the real exchange."""

from datetime import timedelta

from sqlmodel import col, select
from textual.widgets import Select

from exchange import disputes
from exchange.access import accesses_for
from poems_tui.screens.disputes import DisputeScreen
from services.disputes import page
from services.who import who_is
from services.workers import search
from store.models import (
    Dispute,
    DisputeDecision,
    DisputeEvent,
    Notice,
    Operator,
    Worker,
)
from tests.conftest import NOW
from tests.poems_tui.helpers import rows, shown, wait_for


async def test_a_franchisee_sees_only_their_own_markets_disputes(make_app, opened):
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await wait_for(pilot, lambda: rows(app, "disputes"))
        refs = [row[0] for row in rows(app, "disputes")]
        assert refs == [opened["london"]]
        assert "Disputes: 1 open, 0 escalated, 0 decided" in shown(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Timeline" in shown(app))
        assert "london: paid 2 hours not 4" in shown(app)
        assert "Shift S1." in shown(app) and "Shift S2." not in shown(app)
        assert "leeds" not in shown(app)


async def test_a_second_franchisee_sees_the_other(make_app, opened):
    app = make_app(operator="kay")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await wait_for(pilot, lambda: rows(app, "disputes"))
        assert [row[0] for row in rows(app, "disputes")] == [opened["leeds"]]


async def test_the_page_asks_notes_and_decides(make_app, opened, console_db):
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await wait_for(pilot, lambda: rows(app, "disputes"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Timeline" in shown(app))
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#question").value = "What time did you leave?"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "What time did you leave?" in shown(app))
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#note").value = "Ring the manager about the sign-out sheet"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Ring the manager" in shown(app))
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        form.query_one("#outcome").value = "part"
        form.query_one("#reason").value = "The sheet shows 3 hours"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "needs the amount" in shown(app))
        form.query_one("#amount").value = "13.00"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "first: part" in shown(app))
    with console_db.read() as session:
        dispute = session.exec(select(Dispute).where(Dispute.ref == opened["london"])).one()
        decision = session.exec(select(DisputeDecision)).one()
        kinds = [e.kind for e in session.exec(select(DisputeEvent).order_by(DisputeEvent.id))]
        told = session.exec(
            select(Notice.kind).where(
                col(Notice.kind).in_(("dispute_question", "dispute_decided_own"))
            )
        ).all()
    assert (dispute.status, decision.outcome, decision.amount_minor) == ("decided", "part", 1300)
    assert kinds[-3:] == ["question", "note", "decision"]
    assert sorted(told) == ["dispute_decided_own", "dispute_question"]


async def test_an_auditor_reads_the_page_and_cannot_decide(make_app, opened, console_db):
    app = make_app(operator="audit")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await wait_for(pilot, lambda: rows(app, "disputes"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Timeline" in shown(app))
        await pilot.press("d")
        await pilot.pause()
        assert "Timeline" in shown(app)
    with console_db.read() as session:
        assert session.exec(select(DisputeDecision)).first() is None


def test_the_queue_is_oldest_deadline_first(console_db, opened):
    with console_db.write() as session:
        london = session.exec(select(Dispute).where(Dispute.ref == opened["london"])).one()
        london.due_at = NOW + timedelta(hours=200)
        session.add(london)
        staff = session.exec(select(Operator).where(Operator.username == "admin")).one()
        assert [d.ref for d in disputes.queue(session, staff)] == [
            opened["leeds"],
            opened["london"],
        ]


async def test_a_franchisee_cannot_open_another_franchisees_dispute_or_see_their_workers(
    make_app, opened, console_db
):
    with console_db.read() as session:
        kay = session.exec(select(Operator).where(Operator.username == "kay")).one()
        leeds = session.exec(select(Dispute).where(Dispute.ref == opened["leeds"])).one()
        kay_who = who_is(session, kay)
        leeds_workers = session.exec(select(Worker).where(Worker.market_id == 2)).all()
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        fran_who = app.who
        assert page(console_db, fran_who, leeds.id, NOW) is None
        app.push_screen(DisputeScreen(leeds.id))
        await wait_for(pilot, lambda: "not one of your markets'" in shown(app))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DisputeScreen)
        await pilot.press("escape", "2")
        await pilot.pause()
        assert not app.screen.query("#workers")
    fran_workers = {row.phone for row in search(console_db, fran_who, "").rows}
    assert fran_workers and leeds_workers
    assert not fran_workers & {w.phone for w in leeds_workers}
    assert page(console_db, kay_who, leeds.id, NOW) is not None


async def test_staff_open_a_dispute_for_a_buyer_and_a_bad_booking_is_refused(
    make_app, opened, console_db
):
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await wait_for(pilot, lambda: rows(app, "disputes"))
        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        form.query_one("#booking").value = "99999"
        form.query_one("#party").value = "buyer"
        form.query_one("#category").value = "conduct"
        form.query_one("#summary").value = "Left the kitchen unattended"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "No booking 99999" in shown(app))
        form.query_one("#booking").value = "1"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(rows(app, "disputes")) == 3)
    with console_db.read() as session:
        made = session.exec(select(Dispute).where(Dispute.opened_by == "buyer")).one()
        staff = session.exec(select(Operator).where(Operator.username == "staff")).one()
    assert (made.booking_id, made.category, made.opened_by_operator_id) == (1, "conduct", staff.id)


async def test_staff_lift_a_suspension_from_the_page_and_the_worker_is_told(
    make_app, opened, console_db
):
    with console_db.write() as session:
        dispute = session.exec(select(Dispute).where(Dispute.ref == opened["london"])).one()
        worker = session.get(Worker, dispute.worker_id)
        worker.suspended_at = NOW
        session.add(worker)
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(DisputeScreen(dispute.id))
        await wait_for(pilot, lambda: "Timeline" in shown(app))
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#party").value = "worker"
        app.screen.query_one("#note").value = "Spoke to both; the points stand, the pause goes"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "A franchisee may not do that" in shown(app))
        await pilot.press("escape")
    with console_db.read() as session:
        assert session.get(Worker, dispute.worker_id).suspended_at is not None
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(DisputeScreen(dispute.id))
        await wait_for(pilot, lambda: "Timeline" in shown(app))
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#party").value = "worker"
        app.screen.query_one("#note").value = "Spoke to both; the points stand, the pause goes"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, DisputeScreen))
    with console_db.read() as session:
        assert session.get(Worker, dispute.worker_id).suspended_at is None
        told = session.exec(select(Notice).where(Notice.kind == "suspension_lifted")).all()
    assert len(told) == 1


async def test_outcome_and_fault_are_chosen_from_a_list_not_typed(make_app, opened):
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await wait_for(pilot, lambda: rows(app, "disputes"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Timeline" in shown(app))
        await pilot.press("d")
        await pilot.pause(0.3)
        form = app.screen
        outcome, fault = form.query_one("#outcome", Select), form.query_one("#at_fault", Select)
        assert [value for _, value in outcome._options if value != Select.NULL] == [
            "uphold",
            "part",
            "reject",
        ]
        assert {value for _, value in fault._options} >= {"worker", "buyer", "none"}
        # The outcome has the focus: Enter opens its list, R jumps to Reject, Enter takes it.
        await pilot.press("enter", "R", "enter")
        await wait_for(pilot, lambda: outcome.value == "reject")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "A reason both sides can read is needed" in shown(app))


async def test_opening_a_dispute_is_a_look_the_worker_sees_in_who_saw(make_app, opened, console_db):
    with console_db.read() as session:
        london = session.exec(select(Dispute).where(Dispute.ref == opened["london"])).one()
    app = make_app(operator="fran")
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(DisputeScreen(london.id))
        await wait_for(pilot, lambda: "Timeline" in shown(app))
    with console_db.read() as session:
        latest = accesses_for(session, london.worker_id)[0]
    assert (latest.reason, latest.detail) == ("dispute", london.ref)
    assert latest.who.endswith("(franchisee)")
