"""Sign-in: good and bad passwords, the lock after repeated failures, and what each role sees."""

import pytest
from sqlmodel import select

from exchange.operators import sign_in as sign_in_rule
from poems_tui.screens.signin import SignInScreen
from store.models import SignIn
from tests.poems_tui.helpers import shown, signed_in, type_in_one_burst, wait_for


async def sign_in(pilot, username: str, password: str) -> None:
    screen = pilot.app.screen
    screen.query_one("#username").value = username
    screen.query_one("#password").value = password
    # A button takes no second click while it still shows the last (Textual's "-active", 0.2 s),
    # and no person clicks that fast.
    button = screen.query_one("#signin")
    await wait_for(pilot, lambda: not button.has_class("-active"))
    await pilot.click("#signin")
    await pilot.pause()


async def test_the_right_password_opens_the_live_feed(make_app):
    app = make_app(operator=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "staff", "staff")
        await signed_in(pilot)
        assert app.who.username == "staff" and "Sam Patel" in app.sub_title


async def test_a_password_typed_straight_after_the_username_signs_in(make_app):
    app = make_app(operator=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SignInScreen))
        await type_in_one_burst(pilot, "staff", "staff")
        await signed_in(pilot)
        assert app.who.username == "staff"


async def test_a_wrong_password_is_refused_and_logged(make_app, console_db):
    app = make_app(operator=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "staff", "guess")
        await wait_for(pilot, lambda: "do not match" in shown(app))
        assert isinstance(app.screen, SignInScreen) and app.who is None
    with console_db.read() as session:
        attempts = session.exec(select(SignIn).where(SignIn.username == "staff")).all()
    assert [a.ok for a in attempts] == [False]


async def test_five_failures_lock_the_username_even_against_the_right_password(
    make_app, console_db, fixed_now
):
    app = make_app(operator=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "staff", "wrong")
        await wait_for(pilot, lambda: "do not match" in shown(app))
        for attempt in range(4):
            with console_db.write() as session:
                assert sign_in_rule(session, "staff", f"wrong{attempt}", fixed_now).operator is None
        await sign_in(pilot, "staff", "staff")
        await wait_for(pilot, lambda: "Too many failed sign-ins" in shown(app))
        assert app.who is None


@pytest.mark.parametrize(
    ("username", "screens"),
    [
        (
            "admin",
            (
                "live",
                "workers",
                "shifts",
                "buyers",
                "phone",
                "settings",
                "disputes",
                "health",
                "inbox",
            ),
        ),  # fmt: skip
        ("staff", ("live", "workers", "shifts", "buyers", "phone", "disputes", "health", "inbox")),
        ("fran", ("live", "shifts", "settings", "disputes", "health", "inbox")),
        (
            "audit",
            ("live", "workers", "shifts", "buyers", "settings", "disputes", "health", "inbox"),
        ),
    ],
)
async def test_each_role_sees_only_its_screens(make_app, username, screens):
    app = make_app(operator=username)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screens_allowed == screens
        await pilot.press("6")
        assert (app.current_mode == "settings") == ("settings" in screens)


async def test_a_franchisee_sees_only_its_own_markets_texts_and_shifts(make_app):
    app = make_app(operator="kay")  # Leeds kitchens: one worker's text, no shifts in the sample
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "texts" in shown(app))
        assert "Ann Marsh" not in shown(app) and "Sana Iqbal" in shown(app)
        await pilot.press("3")
        await wait_for(pilot, lambda: "shown" in shown(app))
        assert "Rosewood" not in shown(app)
        await pilot.press("6")
        await pilot.pause(0.3)
        options = [str(o[0]) for o in app.screen.query_one("#settings-market")._options]
        assert any("Leeds" in o for o in options) and not any("London" in o for o in options)


async def test_an_auditor_cannot_change_settings(make_app):
    app = make_app(operator="audit")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause(0.3)
        assert app.screen.query_one("#markup_bp").disabled
        assert app.screen.query_one("#settings-save").disabled
