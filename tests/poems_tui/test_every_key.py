"""Every key the console shows, on every screen, for every role, at 80x24 and 120x40; every
command of the palette, and both ways of signing out.

The screens walked are those poems_tui/roles.py registers for the role, so a screen added
there is walked here without a change to this file.
"""

import pytest
from textual.widgets import Input

from poems_tui.roles import ROLE_SCREENS
from poems_tui.sample import DEMO_OPERATORS
from poems_tui.screens.help import HelpScreen
from poems_tui.screens.signin import SignInScreen
from tests.poems_tui.walk import Walk

# One demo account for each role.
ACCOUNTS = {}
for _username, (_name, _role, _password) in DEMO_OPERATORS.items():
    ACCOUNTS.setdefault(_role, (_username, _password))
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def quiet_home(tmp_path, monkeypatch):
    """Screenshots and exports made by the walk land in this test's own folder."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_role_has_a_demo_account():
    assert set(ACCOUNTS) == set(ROLE_SCREENS)


# The main screens a role sees, walked a few at a time: each part is a test of its own, so no
# one test holds up a run spread over a few processes.
PART = 2
PARTS = [
    (role, part)
    for role, screens in sorted(ROLE_SCREENS.items())
    for part in range((len(screens) + PART - 1) // PART)
]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize(("role", "part"), PARTS, ids=[f"{r}-{p + 1}" for r, p in PARTS])
async def test_every_key_works(make_app, opened, quiet_home, role, part, size):
    username, _ = ACCOUNTS[role]
    # Polled a little less often than a person's console: the walk waits on each key anyway.
    app = make_app(operator=username, export_dir=quiet_home, tick_seconds=1.0)
    # With toasts, as a person sees them: some keys answer with one.
    async with app.run_test(size=size, notifications=True) as pilot:
        walk = Walk(pilot, f"{role} at {size[0]}x{size[1]}")
        if part:
            # The help is the same screen over every screen: its own keys are walked in the
            # first part. Every part still opens it from each screen and checks what it lists.
            walk.walked.add(HelpScreen.__name__)
        await walk.settle()
        for mode in app.screens_allowed[part * PART : (part + 1) * PART]:
            await walk.go(mode)
            await walk.screen(mode)


@pytest.mark.parametrize("role", sorted(ROLE_SCREENS))
async def test_every_command_works_and_both_ways_out_sign_out(make_app, opened, quiet_home, role):
    """The palette's commands open the screens and forms the keys above open at both sizes, or
    act on the whole console (theme, screenshot): they are run at 80x24 only."""
    username, password = ACCOUNTS[role]
    app = make_app(operator=username, export_dir=quiet_home, tick_seconds=1.0)
    async with app.run_test(size=SIZES[0], notifications=True) as pilot:
        walk = Walk(pilot, f"{role} at {SIZES[0][0]}x{SIZES[0][1]}")
        await walk.settle()
        for mode in app.screens_allowed:
            await walk.commands(mode)
        # Signing out ends the walk: ctrl+o, then in again, then the palette's Sign out.
        await walk.back_to(app.screens_allowed[0], [])
        await pilot.press("ctrl+o")
        await walk.settle()
        assert isinstance(app.screen, SignInScreen), "ctrl+o did not sign out"
        await pilot.press(*username, "tab", *password, "enter")
        await walk.settle()
        assert app.who is not None and app.who.username == username
        await walk.palette("Sign out")
        assert isinstance(app.screen, SignInScreen), "the palette's Sign out did not sign out"
        assert isinstance(app.focused, Input)
        await walk.palette("Quit")
    assert app.return_code == 0
