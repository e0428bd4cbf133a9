"""The Inbox screen: texts the exchange would not act on reach a person, urgent first; a
franchisee sees only their markets'; staff read the texts with what the machine read in each,
answer (the answer goes out by text), drop a booking on the worker's word, or close it."""

from sqlmodel import col, select
from textual.widgets import Select

from exchange.access import accesses_for
from poems_tui.screens.inbox import ConversationScreen
from sms import inbound
from sms.templates import render
from store.models import Booking, InboxThread, Notice, Offer, Shift, Worker
from tests.conftest import NOW
from tests.poems_tui.helpers import rows, shown, wait_for

INBOX = "9"
MAREK = "+447700900113"


async def open_inbox(pilot, app) -> list[list[str]]:
    await pilot.press(INBOX)
    await wait_for(pilot, lambda: rows(app, "inbox"))
    return rows(app, "inbox")


async def test_staff_see_every_conversation_with_safety_at_the_top(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        table = [" | ".join(row) for row in await open_inbox(pilot, app)]
        assert "URGENT" in table[0] and "grabbing my arm" in table[0]
        assert any("klucze" in row for row in table)
        assert any("canteen wall" in row for row in table)
        assert "3 waiting: 1 urgent" in shown(app)


async def test_a_franchisee_sees_only_their_markets_conversations(make_app):
    app = make_app(operator="kay")
    async with app.run_test(size=(120, 40)) as pilot:
        table = [" | ".join(row) for row in await open_inbox(pilot, app)]
        assert len(table) == 1 and "canteen wall" in table[0]


async def test_a_conversation_shows_the_reading_and_the_answer_reaches_the_worker(
    make_app, console_db
):
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_inbox(pilot, app)
        row = next(i for i, r in enumerate(table) if "klucze" in " | ".join(r))
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Texts (" in shown(app))
        page = shown(app)
        assert "Marek Zielinski" in page and "writes in pl" in page
        assert "[unknown" in page  # what the machine read, beside the text
        await pilot.press("a")
        await pilot.pause(0.3)
        app.screen.query_one("#text").value = "Klucze zostaw u portiera. Sam, POEMS"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConversationScreen))
        await wait_for(pilot, lambda: "answered" in shown(app))
    with console_db.read() as session:
        (answer,) = session.exec(
            select(Notice).where(Notice.phone == MAREK, Notice.kind == "staff_reply")
        ).all()
        assert answer.data["text"] == "Klucze zostaw u portiera. Sam, POEMS"
        assert (
            render(answer.kind, "pl", answer.data) == "POEMS: Klucze zostaw u portiera. Sam, POEMS"
        )
        marek = session.exec(select(Worker).where(Worker.phone == MAREK)).one()
        assert any(look.detail == "inbox" for look in accesses_for(session, marek.id))


async def test_a_booking_is_dropped_on_the_worker_s_word_in_one_step(make_app, console_db):
    with console_db.read() as session:
        booked = session.exec(
            select(Booking, Worker.phone)
            .join(Shift, col(Shift.id) == Booking.shift_id)
            .join(Worker, col(Worker.id) == Booking.worker_id)
            .where(Booking.status == "booked", col(Shift.start) > NOW)
        ).first()
    booking, phone = booked
    inbound.deliver(console_db, phone, "my mum is in hospital, pls can someone sort it", NOW)
    with console_db.read() as session:
        thread = session.exec(select(InboxThread).where(InboxThread.phone == phone)).one()
        ref = session.get(Offer, booking.offer_id).ref
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ConversationScreen(thread.id))
        await wait_for(pilot, lambda: "Bookings" in shown(app))
        await pilot.press("x")
        await pilot.pause(0.3)
        app.screen.query_one("#ref", Select).value = ref
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "dropped" in shown(app))
        shown_after = {"text": shown(app)}
    with console_db.read() as session:
        assert session.get(Booking, booking.id).status == "dropped"
    assert ref in shown_after["text"]


async def test_an_auditor_reads_but_cannot_answer_or_close(make_app):
    app = make_app(operator="audit")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_inbox(pilot, app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Texts (" in shown(app))
        for key in ("a", "c", "x"):
            await pilot.press(key)
            await pilot.pause(0.1)
            assert isinstance(app.screen, ConversationScreen)
        assert app.screen.check_action("answer", ()) is False
