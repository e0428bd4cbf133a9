"""Sign-in: username and password; failures are logged and limited by the exchange."""

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from exchange.operators import sign_in
from poems_tui.messages import SignedIn, SignInRefused
from poems_tui.services.who import who_is


class SignInScreen(Screen["object"]):
    """Dismissed with the signed-in operator (a Who)."""

    AUTO_FOCUS = "#username"

    def __init__(self, hint: str | None = None) -> None:
        super().__init__()
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="signin-box"):
            yield Static("POEMS console", id="signin-title")
            yield Static("The public work exchange. Sign in to go on.", classes="muted")
            yield Label("Username")
            yield Input(id="username", placeholder="e.g. staff", compact=True)
            yield Label("Password")
            yield Input(id="password", password=True, compact=True)
            yield Button("Sign in", id="signin", variant="primary", compact=True)
            yield Static("", id="signin-error", classes="error")
            if self.hint:
                yield Static(self.hint, id="signin-hint", classes="muted")
        yield Footer()

    @on(Input.Submitted, "#username")
    def next_field(self) -> None:
        self.query_one("#password", Input).focus()

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
        with app.db.write() as session:
            outcome = sign_in(session, username, password, app.clock())
            who = who_is(session, outcome.operator) if outcome.operator else None
        if who is None:
            self.post_message(SignInRefused(outcome.reason or "Not signed in"))
        else:
            self.post_message(SignedIn(who))

    def on_sign_in_refused(self, message: SignInRefused) -> None:
        self.query_one("#signin-error", Static).update(message.reason)
        self.query_one("#signin", Button).disabled = False
        password = self.query_one("#password", Input)
        password.value = ""
        password.focus()

    def on_signed_in(self, message: SignedIn) -> None:
        self.dismiss(message.who)
