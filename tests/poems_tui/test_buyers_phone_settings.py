"""Buyers added and edited; the phone's round trip through the inbound path; settings recorded."""

from sqlmodel import select

from poems_tui.widgets.phone.handset import Handset
from store.models import Buyer, Market, Message, SettingChange
from tests.poems_tui.helpers import rows, shown, type_in_one_burst, wait_for


async def test_a_buyer_is_added_and_then_edited(make_app, console_db):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await wait_for(pilot, lambda: rows(app, "buyers"))
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#name").value = "Stepney City Farm"
        form.query_one("#phone").value = "020 7946 0999"
        form.query_one("#default_postcode").value = "e1 3da"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(r[0] == "Stepney City Farm" for r in rows(app, "buyers")))
        index = [r[0] for r in rows(app, "buyers")].index("Stepney City Farm")
        app.screen.query_one("#buyers").move_cursor(row=index)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#phone").value == "+442079460999"
        app.screen.query_one("#contact_name").value = "Jo Field"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(r[1] == "Jo Field" for r in rows(app, "buyers")))
    with console_db.read() as session:
        farm = session.exec(select(Buyer).where(Buyer.name == "Stepney City Farm")).one()
    assert (farm.default_postcode, farm.contact_name) == ("E1 3DA", "Jo Field")


async def test_a_buyer_on_a_workers_phone_is_refused_in_the_form(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "n")
        await pilot.pause()
        app.screen.query_one("#name").value = "Odd Buyer"
        app.screen.query_one("#phone").value = "07700 900101"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "is a worker's phone" in shown(app))


async def test_the_phone_texts_the_exchange_and_shows_the_reply(make_app, console_db):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#phone-number").value = "07700 900777"
        app.screen.query_one("#phone-number").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.screen.query_one("#compose").disabled)
        await pilot.press(*"hello", "enter")
        await wait_for(pilot, lambda: "What is your name?" in " ".join(_bubbles(app)))
        assert _bubbles(app)[0] == "hello"
    with console_db.read() as session:
        log = session.exec(select(Message).where(Message.phone == "+447700900777")).all()
    assert [m.direction for m in log] == ["in", "out"]


async def test_a_number_and_a_text_typed_ahead_send_the_whole_text_from_that_number(
    make_app, console_db
):
    """The demo's first steps typed without waiting: the text after the number's Enter is
    written on the phone, every letter of it."""
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await wait_for(pilot, lambda: app.current_mode == "phone")
        await pilot.press("ctrl+n")
        await type_in_one_burst(pilot, "07700 900888", "hello")
        await wait_for(pilot, lambda: "What is your name?" in " ".join(_bubbles(app)))
        assert _bubbles(app)[0] == "hello"
    with console_db.read() as session:
        said = session.exec(select(Message.body).where(Message.phone == "+447700900888")).first()
    assert said == "hello"


async def test_a_number_that_is_no_phone_number_is_said_so_and_opens_no_phone(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await wait_for(pilot, lambda: app.current_mode == "phone")
        await pilot.press("ctrl+n", *"123", "enter")
        await wait_for(pilot, lambda: "not a phone number" in shown(app))
        assert app.focused.id == "phone-number"
        assert app.screen.query_one("#compose").disabled


async def test_a_digit_types_into_the_number_box_and_escape_or_alt_then_the_digit_leaves(
    make_app,
):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await wait_for(pilot, lambda: app.current_mode == "phone")
        await pilot.press("ctrl+n", "0", "7")
        assert app.screen.query_one("#phone-number").value == "07"
        await pilot.press("alt+1")
        await wait_for(pilot, lambda: app.current_mode == "live")
        await pilot.press("5")
        await wait_for(pilot, lambda: app.current_mode == "phone")
        assert app.focused.id == "phone-number"
        await pilot.press("escape", "1")
        await wait_for(pilot, lambda: app.current_mode == "live")


def _bubbles(app) -> list[str]:
    return [str(b.content) for b in app.screen.query_one(Handset).query(".bubble")]


async def test_a_setting_change_is_recorded_with_who_and_when(make_app, console_db, fixed_now):
    app = make_app(operator="fran")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")  # franchisee keys: 1 live, 3 shifts, 6 settings
        await pilot.press("6")
        await wait_for(pilot, lambda: app.screen.query_one("#markup_bp").value == "2")
        app.screen.query_one("#markup_bp").value = "2.5"
        app.screen.query_one("#quiet_start").value = "2230"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Markup % 200 -> 250" in shown(app))
    with console_db.read() as session:
        changes = session.exec(select(SettingChange).order_by(SettingChange.id)).all()
        market = session.get(Market, 1)
    assert [(c.field, c.old_value, c.new_value) for c in changes] == [
        ("markup_bp", "200", "250"),
        ("quiet_start", "21:00", "22:30"),
    ]
    assert all(c.operator_id is not None and c.at == fixed_now for c in changes)
    assert (market.markup_bp, market.quiet_start) == (250, "22:30")


async def test_a_setting_outside_the_concession_is_refused(make_app):
    app = make_app(operator="admin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await wait_for(pilot, lambda: app.screen.query_one("#markup_bp").value == "2")
        app.screen.query_one("#markup_bp").focus()
        await pilot.press("ctrl+a", *"15")
        await wait_for(pilot, lambda: "at most 10%" in shown(app))
