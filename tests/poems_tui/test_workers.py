"""Workers: search among thousands a page at a time; onboard; terms; a credential check with consent."""

from sqlalchemy import insert
from sqlmodel import select

from exchange.credentials import Verdict
from poems_tui.screens.worker import WorkerScreen
from services.who import Who
from services.workers import PAGE, search
from sms import inbound, outbox
from sms.gateways import SimulatorGateway
from sms.templates import render
from store.models import CredentialCheck, Message, Notice, TermsChange, Worker, WorkerSkill
from tests.poems_tui.helpers import rows, shown, type_in_one_burst, wait_for


def add_many(db, count: int, now) -> None:
    """Workers in bulk, straight into the tables (the console only reads them)."""
    with db.write() as session:
        session.execute(
            insert(Worker),
            [
                {
                    "phone": f"+4478{n:08d}",
                    "name": f"Zed Many {n:05d}",
                    "status": "active",
                    "market_id": 1,
                    "asking_rate_minor": 1300,
                    "postcode": "E1 6AN",
                    "travel_areas": ["E"],
                    "created_at": now,
                }
                for n in range(count)
            ],
        )
        ids = session.exec(select(Worker.id).where(Worker.name.like("Zed Many%"))).all()
        session.execute(insert(WorkerSkill), [{"worker_id": i, "skill": "care"} for i in ids])


async def test_search_among_many_workers_loads_pages_not_the_table(make_app, console_db, fixed_now):
    add_many(console_db, 2000, fixed_now)
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: "2,019 workers" in shown(app))
        assert len(rows(app, "workers")) == PAGE
        await pilot.press("slash", *"zed many 01")
        await wait_for(
            pilot, lambda: rows(app, "workers") and rows(app, "workers")[0][0] == "Zed Many 01000"
        )
        assert len(rows(app, "workers")) == PAGE
        app.screen.query_one("#workers").focus()
        await pilot.press("ctrl+end")
        await wait_for(pilot, lambda: len(rows(app, "workers")) == 2 * PAGE)
        assert rows(app, "workers")[PAGE][0] == f"Zed Many 010{PAGE}"


def test_a_search_reads_one_index_range_however_many_workers(console_db, fixed_now):
    add_many(console_db, 2000, fixed_now)
    who = Who(1, "staff", "Sam", "staff", None)
    by_phone = search(console_db, who, "07800001234")
    by_name = search(console_db, who, "ZED MANY 0150")
    by_word = search(console_db, who, "hussain")
    assert [row.name for row in by_phone.rows] == ["Zed Many 01234"]
    assert by_name.mode == "name" and len(by_name.rows) == 10
    assert by_word.mode == "word" and [row.name for row in by_word.rows] == ["Bilal Hussain"]
    with console_db.read() as session:
        plan = (
            session.connection()
            .exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM worker WHERE name >= 'Zed' AND name < 'Zee'"
            )
            .all()
        )
    assert "ix_worker_name" in str(plan)


async def open_worker(pilot, name: str) -> None:
    app = pilot.app
    await pilot.press("2")
    app.screen.query_one("#worker-search").value = name
    await wait_for(pilot, lambda: rows(app, "workers") and rows(app, "workers")[0][0] == name)
    app.screen.query_one("#workers").focus()
    await pilot.press("enter")  # the reason asked for, then the first reason chosen
    await pilot.pause()
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, WorkerScreen) and app.screen.record)


async def test_onboarding_a_walk_in_sends_the_welcome_text(make_app, console_db, fixed_now):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        form = app.screen
        for field, value in {
            "phone": "07700 900555",
            "name": "Wanda Walkin",
            "skills": "care 2",
            "place": "e1 6an",
            "born": "02/03/1988",
            "rate": "13.90",
        }.items():
            form.query_one(f"#{field}").value = value
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is not form)
    outbox.drain(console_db, SimulatorGateway(), fixed_now)  # whatever the console left unsent
    with console_db.read() as session:
        welcome = session.exec(
            select(Message.body).where(Message.phone == "+447700900555", Message.direction == "out")
        ).all()
        assert welcome and welcome[0].startswith("Welcome to POEMS, Wanda Walkin: care, cleaning")
        joined = session.exec(select(TermsChange).where(TermsChange.field == "joined")).all()
    assert joined[-1].changed_by == "staff"


async def test_onboarding_refuses_a_number_already_registered_and_keeps_what_was_typed(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        form = app.screen
        values = {
            "phone": "07700 900101",
            "name": "Ann Again",
            "skills": "care",
            "place": "E1 6AN",
            "born": "1/2/1990",
            "rate": "14",
        }
        for field, value in values.items():
            form.query_one(f"#{field}").value = value
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "already registered" in shown(app))
        assert app.screen is form and form.query_one("#name").value == "Ann Again"


async def test_a_bad_postcode_is_flagged_as_it_is_typed(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        app.screen.query_one("#place").focus()
        await pilot.press(*"97201")
        await wait_for(pilot, lambda: "is not a postcode or ZIP here" in shown(app))


async def test_terms_changed_at_the_desk_record_who_and_why_and_tell_the_worker(
    make_app, console_db
):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_worker(pilot, "Bilal Hussain")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#asking_rate").value = "14.25"
        app.screen.query_one("#reason").value = "Asked at the desk for a higher rate"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkerScreen))
        await wait_for(pilot, lambda: "£14.25/hr" in shown(app))
    with console_db.read() as session:
        change = session.exec(select(TermsChange).order_by(TermsChange.id.desc())).first()
        told = session.exec(select(Notice).where(Notice.kind == "terms_changed_by_staff")).one()
    assert (change.field, change.new_value, change.changed_by) == (
        "asking_rate_minor",
        "1425",
        "staff",
    )
    assert change.reason == "Asked at the desk for a higher rate"
    assert told.data["changes"] == {"asking_rate_minor": 1425}
    assert "your rate is £14.25/hr" in render(told.kind, "en", told.data)


class RecordingVerifier:
    name = "test registry"

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def verify(self, credential, phone, name, now):
        self.calls.append((credential, phone))
        return Verdict(True, "the record is valid")


async def test_the_verifier_runs_only_after_the_workers_yes(make_app, console_db, fixed_now):
    verifier = RecordingVerifier()
    app = make_app(operator="staff", verifier=verifier)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_worker(pilot, "Chen Wei")
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkerScreen))
        with console_db.read() as session:
            check = session.exec(
                select(CredentialCheck).where(CredentialCheck.status == "asked")
            ).one()
            asked = session.exec(select(Notice).where(Notice.kind == "credential_ask")).all()
        assert render(asked[-1].kind, "en", asked[-1].data).startswith(
            f"May we check your licence with the licensing authority? Reply YES {check.ref}"
        )
        await pilot.pause(0.6)  # the console's checker (every 0.2 s here) has run
        assert verifier.calls == []
        inbound.deliver(console_db, "+447700900103", f"YES {check.ref}", fixed_now)
        await wait_for(pilot, lambda: verifier.calls, timeout=3)
        assert verifier.calls == [("licence", "+447700900103")]
        # the verifier answers before the checker writes its answer down: the console stays
        # open till it has (under load, closing at once left the check "consented")
        await wait_for(pilot, lambda: check_status(console_db, check.id) == "verified", timeout=3)
    with console_db.read() as session:
        assert session.get(CredentialCheck, check.id).status == "verified"


def check_status(db, check_id: int) -> str:
    with db.read() as session:
        return session.get(CredentialCheck, check_id).status


async def test_a_walk_in_typed_ahead_lands_each_answer_in_its_own_field(make_app, console_db):
    """A clerk who knows the form types on without looking: whatever follows an Enter belongs
    to the next field, however far behind the console is."""
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await wait_for(pilot, lambda: "Onboard a walk-in" in shown(app))
        await type_in_one_burst(pilot, "07700900555", "Ann Lee", "care", "E1 6AN", "1/2/1990", "13")
        await wait_for(pilot, lambda: "Onboard a walk-in" not in shown(app))
    with console_db.read() as session:
        ann = session.exec(select(Worker).where(Worker.phone == "+447700900555")).one()
    assert (ann.name, ann.postcode) == ("Ann Lee", "E1 6AN")
