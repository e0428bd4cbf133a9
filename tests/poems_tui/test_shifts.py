"""Shifts: the board by state, posting with a form that checks as you type, a shift's waves, cancelling."""

from datetime import UTC, datetime

from sqlmodel import select

from poems_tui.app import PoemsConsole
from poems_tui.screens.shift import ShiftScreen
from poems_tui.screens.shift_forms import PostShiftScreen
from store.models import Notice, Shift
from tests.poems_tui.helpers import (
    open_the_post_form,
    post_form_shown,
    press_in_one_burst,
    rows,
    shown,
    wait_for,
)


async def test_the_board_counts_shifts_in_every_state(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await wait_for(pilot, lambda: "Offering 2" in shown(app) or "Offering 2" in _tabs(app))
        assert _tabs(app) == (
            "Open 1 Offering 2 Filled 1 In progress 1 Done 1 Unfilled 1 Cancelled 1"
        )
        await pilot.press("right")
        await wait_for(pilot, lambda: len(rows(app, "shifts")) == 2)
        assert {row[2] for row in rows(app, "shifts")} == {"kitchen", "cleaning"}


def _tabs(app) -> str:
    from textual.widgets import Tab

    return " ".join(str(tab.label) for tab in app.screen.query(Tab))


async def fill(form: PostShiftScreen, **values: str) -> None:
    for field, value in values.items():
        form.query_one(f"#{field}").value = value


async def test_the_post_form_flags_mistakes_as_they_are_typed(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_post_form(pilot)
        app.screen.query_one("#skill").focus()
        await pilot.press(*"plumbing")
        await wait_for(pilot, lambda: "One of: care, cleaning" in shown(app))
        app.screen.query_one("#slots").focus()
        await pilot.press("backspace", *"99")
        await wait_for(pilot, lambda: "From 1 to 50 people" in shown(app))


async def test_posting_a_shift_sends_the_first_wave(make_app, console_db):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_post_form(pilot)
        form = app.screen
        await fill(
            form,
            buyer="rosewood care home",
            skill="care",
            day="tomorrow",
            start="10:00",
            end="14:00",
            slots="1",
            max_rate="14.50",
        )
        await wait_for(pilot, lambda: "one booking up to £58.00 of the £300.00 cap" in shown(app))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is not form)
    with console_db.read() as session:
        posted = session.exec(select(Shift).order_by(Shift.id.desc())).first()
        offers = session.exec(
            select(Notice).where(
                Notice.kind == "offer", Notice.data["shift"].as_string() == posted.ref
            )
        ).all()
    assert (posted.skill, posted.status, posted.posted_by is not None) == ("care", "offering", True)
    # Where was left blank: the buyer's own address, which is also the postcode matched on.
    assert (posted.place, posted.postcode) == ("Rosewood, 3 Cable St", "E1 6AN")
    assert offers


async def test_a_refusal_from_the_exchange_shows_in_the_form_with_nothing_lost(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_post_form(pilot)
        form = app.screen
        await fill(
            form,
            buyer="Rosewood Care Home",
            skill="care",
            day="tomorrow",
            start="06:00",
            end="23:00",
            slots="1",
            max_rate="25",
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "over this market's cap" in shown(app))
        assert app.screen is form and form.query_one("#max_rate").value == "25"


async def test_a_shift_shows_every_offer_with_its_reason_and_reply(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "right", "right")  # Filled
        await wait_for(pilot, lambda: rows(app, "shifts"))
        app.screen.query_one("#shifts").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftScreen) and rows(app, "offers"))
        replies = {row[3] for row in rows(app, "offers")}
        assert "accepted" in replies
        await wait_for(pilot, lambda: "by the rule; asked" in shown(app))
        accepted = [row for row in rows(app, "offers") if row[3] == "accepted"]
        assert all(row[5] != "-" for row in accepted)


async def test_cancelling_needs_a_reason_and_tells_the_booked_worker(make_app, console_db):
    app = make_app(operator="staff")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "right", "right")
        await wait_for(pilot, lambda: rows(app, "shifts"))
        app.screen.query_one("#shifts").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftScreen) and app.screen.detail)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "A reason is needed" in shown(app))
        app.screen.query_one("#reason").value = "The ward is closed"
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ShiftScreen) and "cancelled" in shown(app)
        )
    with console_db.read() as session:
        told = session.exec(select(Notice).where(Notice.kind == "shift_cancelled")).all()
    assert told and all(n.data["reason"] == "The ward is closed" for n in told)


async def test_a_different_site_is_a_full_address_and_its_postcode_is_matched_on(
    make_app, console_db
):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_post_form(pilot)
        form = app.screen
        await fill(form, buyer="Rosewood Care Home", skill="care", where="E8 1AA")
        await wait_for(pilot, lambda: "A full address with its postcode" in shown(app))
        await fill(form, where="12 Mare St, e8 1aa", max_rate="14.50")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is not form)
    with console_db.read() as session:
        posted = session.exec(select(Shift).order_by(Shift.id.desc())).first()
    assert (posted.place, posted.postcode) == ("12 Mare St, e8 1aa", "E8 1AA")


async def test_a_shift_posted_in_quiet_hours_says_when_its_offers_go_out(console_db):
    """07:58 in London, quiet until 08:00: the toast and the shift's page both say 08:00."""
    early = datetime(2026, 11, 26, 7, 58, tzinfo=UTC)
    app = PoemsConsole(console_db, clock=lambda: early, operator="staff", cursor_blink=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_the_post_form(pilot)
        form = app.screen
        await fill(form, buyer="Rosewood Care Home", skill="care", day="27/11", max_rate="14.50")
        await wait_for(pilot, lambda: "Quiet hours: offers go out at 08:00" in shown(app))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is not form)
        # The toast follows the form's closing: waited for, not assumed, on a busy machine.
        await wait_for(
            pilot,
            lambda: any(
                "quiet hours: offers go out at 08:00" in n.message for n in app._notifications
            ),
        )
        with console_db.read() as session:
            posted = session.exec(select(Shift).order_by(Shift.id.desc())).first()
        app.push_screen(ShiftScreen(posted.id))
        await wait_for(pilot, lambda: "offers go out at" in shown(app))
        assert "No offers yet: it is quiet hours; offers go out at 26 Nov 08:00." in shown(app)


async def test_enter_saves_a_complete_form_and_otherwise_goes_to_what_is_missing(
    make_app, console_db
):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_post_form(pilot)
        form = app.screen
        await pilot.press(*"Rosewood Care Home", "enter")
        # The next field still to fill, not marked wrong: nothing was typed in it yet.
        assert app.focused.id == "skill" and "is needed" not in shown(app)
        await pilot.press(*"care", "enter")
        assert app.focused.id == "max_rate"
        await pilot.press(*"14.50", "enter")
        await wait_for(pilot, lambda: app.screen is not form)
    with console_db.read() as session:
        assert session.exec(select(Shift).order_by(Shift.id.desc())).first().max_rate_minor == 1450


async def test_escape_leaves_a_field_then_asks_before_closing_what_was_typed(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_the_post_form(pilot)
        form = app.screen
        await pilot.press(*"Rose", "escape")
        assert app.screen is form and app.focused is None
        await pilot.press("escape")
        await wait_for(pilot, lambda: "without saving?" in shown(app))
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is form)
        assert form.query_one("#buyer").value == "Rose"
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: app.screen is not form)
        assert any("Not saved" in n.message for n in app._notifications)


async def test_an_error_goes_as_soon_as_its_field_is_put_right(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_post_form(pilot)
        app.screen.query_one("#skill").focus()
        await pilot.press(*"plumb")
        await wait_for(pilot, lambda: "One of: care" in shown(app))
        await pilot.press(*("backspace",) * 5, *"care")
        await wait_for(pilot, lambda: "One of: care" not in shown(app))


async def test_a_suggestion_taken_with_right_then_enter_at_once_is_the_buyer(make_app):
    """A buyer's first letters, Right and Enter, all pressed together on a busy console as the
    form opens: Right completes the name in the box it was pressed in, though no suggestion had
    been shown yet and Enter has already moved on to the next field."""
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n")
        await wait_for(pilot, lambda: post_form_shown(app))
        form = app.screen
        buyer = form.query_one("#buyer")
        await press_in_one_burst(pilot, *"ros", "right", "enter")
        await wait_for(pilot, lambda: form.focused is not buyer)
        assert buyer.value == "Rosewood Care Home" and "needs putting right" not in shown(app)


async def test_right_in_a_form_box_moves_the_cursor_one_place(make_app):
    app = make_app(operator="staff")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n")
        await wait_for(pilot, lambda: post_form_shown(app))
        skill = app.screen.query_one("#skill")
        skill.focus()
        await pilot.press(*"cxy", "left", "left", "right")
        assert skill.cursor_position == 2
