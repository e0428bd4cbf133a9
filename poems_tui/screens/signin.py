"""Sign-in: username and password; failures are logged and limited by the exchange."""

from datetime import UTC, datetime

from sqlalchemy import func
from sqlalchemy.engine import make_url
from sqlmodel import select
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Static

from poems_tui.messages import SignedIn, SignInRefused
from poems_tui.widgets.keys import KeysFooter
from services.signing import sign_in_with_password
from store.db import default_url
from store.models import Operator


def first_account_hint(url: str) -> str:
    """What to type when the database has no console account yet."""
    where = "" if url == default_url() else f" --db '{make_url(url).render_as_string()}'"
    return (
        "No console accounts yet. In another terminal, add the first one:\n"
        f"  poems operator add admin --name 'Your Name' --role admin{where}\n"
        "then sign in here as admin."
    )


class SignedOutScreen(Screen):
    """What lies under the sign-in form once an operator has signed out."""

    def compose(self) -> ComposeResult:
        yield Header(icon="P")


class SignInScreen(Screen["object"]):
    """Dismissed with the signed-in operator (a Who)."""

    AUTO_FOCUS = "#username"
    # Checked before the key reaches the box, so a password typed straight after Enter lands in
    # the password box even when the console is behind the typist.
    BINDINGS = [Binding("enter", "next_field", show=False, priority=True)]

    def __init__(self, hint: str | None = None, signed_out: bool = False) -> None:
        super().__init__()
        self.hint = hint
        self.signed_out = signed_out

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="signin-box"):
            yield Static("POEMS console", id="signin-title")
            greeting = "Signed out." if self.signed_out else "The public work exchange."
            yield Static(f"{greeting} Sign in to go on.", classes="muted")
            yield Label("Username")
            yield Input(id="username", placeholder="e.g. staff", compact=True)
            yield Label("Password")
            yield Input(id="password", password=True, compact=True)
            yield Button("Sign in", id="signin", variant="primary", compact=True)
            yield Static("", id="signin-error", classes="error")
            yield Static(self.hint or "", id="signin-hint", classes="muted")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#signin-hint", Static).display = bool(self.hint)
        if not self.hint:
            self.look_for_accounts()

    @work(thread=True, group="accounts")
    def look_for_accounts(self) -> None:
        app = self.app
        with app.db.read() as session:
            accounts = session.exec(select(func.count()).select_from(Operator)).one()
        if not accounts:
            app.call_from_thread(self.show_hint, first_account_hint(app.db.url))

    def show_hint(self, text: str) -> None:
        hint = self.query_one("#signin-hint", Static)
        hint.update(text)
        hint.display = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_field":
            return self.focused is not None and self.focused.id == "username"
        return True

    def action_next_field(self) -> None:
        self.set_focus(self.query_one("#password", Input))

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#signin")
    def submit(self) -> None:
        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input).value
        if not username.strip():
            self.query_one("#signin-error", Static).update("Type your username first.")
            self.query_one("#username", Input).focus()
            return
        self.query_one("#signin", Button).disabled = True
        self.check(username, password)

    @work(thread=True, exclusive=True, group="signin")
    def check(self, username: str, password: str) -> None:
        app = self.app
        # The kept sign-in runs on the wall clock, as `poems` checks it: a demo's or a test's
        # clock must not stretch it.
        keep_from = datetime.now(UTC) if app.keep_signin is not None else None
        outcome = sign_in_with_password(app.db, username, password, app.clock(), keep_from)
        if outcome.who is None:
            self.post_message(SignInRefused(outcome.refused))
            return
        if outcome.kept is not None:
            # Left where `poems` commands find it, so the operator need not sign in again there.
            app.keep_signin(outcome.kept)
            app.signin_token = outcome.kept.token
        who = outcome.who
        self.post_message(SignedIn(who))

    def on_sign_in_refused(self, message: SignInRefused) -> None:
        self.query_one("#signin-error", Static).update(message.reason)
        self.query_one("#signin", Button).disabled = False
        password = self.query_one("#password", Input)
        password.value = ""
        password.focus()

    def on_signed_in(self, message: SignedIn) -> None:
        self.dismiss(message.who)
