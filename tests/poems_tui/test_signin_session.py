"""The console's sign-in leaves a session the `poems` command uses; signing out ends it."""

from click.testing import CliRunner

from poems.cli import main
from poems.session_file import forget, keep, kept
from poems_tui.screens.signin import SignInScreen
from tests.poems_tui.helpers import signed_in, wait_for
from tests.poems_tui.test_signin import sign_in


def console_keeping_signins(make_app, console_db, monkeypatch, tmp_path):
    monkeypatch.setenv("POEMS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("POEMS_PASSWORD", raising=False)
    return make_app(
        operator=None,
        keep_signin=lambda started: keep(
            console_db.url, started.token, started.username, started.expires_at
        ),
        forget_signin=lambda: forget(console_db.url),
    )


def disputes_listed(console_db):
    return CliRunner().invoke(main, ["dispute", "list", "--json", "--db", console_db.url])


async def test_signing_in_at_the_console_signs_in_the_poems_command(
    make_app, console_db, monkeypatch, tmp_path
):
    app = console_keeping_signins(make_app, console_db, monkeypatch, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "staff", "staff")
        await signed_in(pilot)
    assert kept(console_db.url).username == "staff"
    result = disputes_listed(console_db)
    assert result.exit_code == 0, result.output


async def test_signing_out_of_the_console_ends_the_session(
    make_app, console_db, monkeypatch, tmp_path
):
    app = console_keeping_signins(make_app, console_db, monkeypatch, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "staff", "staff")
        await signed_in(pilot)
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, SignInScreen))
        await wait_for(pilot, lambda: kept(console_db.url) is None)
    result = disputes_listed(console_db)
    assert result.exit_code == 1 and "Sign in first" in result.output
