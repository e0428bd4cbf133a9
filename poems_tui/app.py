"""The POEMS console: job-centre staff and franchisees run the exchange from a terminal."""

import importlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from exchange.credentials import Verifier
from exchange.operator_sessions import Started
from poems_tui.roles import KEYS, SCREENS, screens_for
from poems_tui.screens.signin import SignedOutScreen, SignInScreen
from services.credentials import run_consented_checks
from services.signing import sign_out
from services.who import Who, home_market, who_is
from sms import outbox
from sms.gateways import Gateway
from store.db import Database
from store.models import Market, Operator

THEMES = {"dark": "textual-dark", "light": "textual-light", "ansi": "ansi-dark"}


def utc_now() -> datetime:
    return datetime.now(UTC)


def opened_later(module: str, name: str) -> Callable[[], Screen]:
    """A screen whose code is imported when it is first opened, so the console starts on Live
    without loading every screen (the phone's SMS parser, the forms, the charts)."""

    def make() -> Screen:
        return getattr(importlib.import_module(f"poems_tui.screens.{module}"), name)()

    return make


# Seconds left below which a toast is not drawn again (see _refresh_notifications).
TOAST_MARGIN = 0.5


class PoemsConsole(App[None]):
    """The console. Give it a database and a clock; a simulated gateway adds the phone."""

    # A full path, so a console made from a subclass elsewhere finds it too.
    CSS_PATH = Path(__file__).parent / "poems.tcss"
    TITLE = "POEMS"
    MODES = {name: opened_later(entry.module, entry.cls) for name, entry in SCREENS.items()}
    BINDINGS = [
        # alt+N as well, for when a form field has the focus and takes the digit as typing.
        *(
            Binding(f"{key},alt+{key}", f"go('{name}')", SCREENS[name].title, show=False)
            for name, key in KEYS.items()
        ),
        # Tab moves on before the next key is handed out, so what is typed ahead after a Tab
        # lands in the next field, not the one just left.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        Binding("question_mark,f1", "help", "Help"),
        Binding("ctrl+o", "sign_out", "Sign out", show=False),
    ]

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime] = utc_now,
        gateway: Gateway | None = None,
        verifier: Verifier | None = None,
        operator: str | None = None,
        demo_hint: str | None = None,
        theme: str = "dark",
        tick_seconds: float = 0.5,
        cursor_blink: bool = True,
        export_dir: Path | None = None,
        keep_signin: Callable[[Started], None] | None = None,
        forget_signin: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        # Where a sign-in is left for the `poems` command and dropped at sign-out; the
        # composition root decides where (a file in the user's state folder).
        self.keep_signin = keep_signin
        self.forget_signin = forget_signin
        self.signin_token: str | None = None
        # Where the console waits between one operator signing out and the next signing in.
        self.add_mode("signed_out", SignedOutScreen)
        self.db = db
        self.clock = clock
        self.gateway = gateway
        self.verifier = verifier
        # Where a worker's export is written from their record (key x).
        self.export_dir = export_dir or Path.cwd()
        self.demo_hint = demo_hint
        self.tick_seconds = tick_seconds
        # Off for snapshot tests, so a blinking cursor never makes two pictures differ.
        self.cursor_blink = cursor_blink
        self.who: Who | None = None
        self.market: Market | None = None
        self.tz = "UTC"
        self.currency = "GBP"
        self._signed_in_as = operator
        self.theme = THEMES.get(theme, theme)
        # The fault that stopped the console, for poems_tui.crash to report after it closes.
        self.crash: Exception | None = None

    def _handle_exception(self, error: Exception) -> None:
        self.crash = error
        super()._handle_exception(error)
        # Textual's own report shows local variables, a password among them perhaps: ours
        # (poems_tui.crash) prints one line and keeps the traceback in a file.
        self._exit_renderables.clear()

    def _refresh_notifications(self) -> None:
        # A toast times itself by its notification's time left, read just after Textual checked
        # that some is left: a notification expiring in between gives a negative timer, which
        # Textual runs in a loop for ever, and the console freezes. One about to expire is let
        # go before the toasts are drawn again.
        for notification in list(self._notifications):
            if notification.time_left < TOAST_MARGIN:
                del self._notifications[notification]
        super()._refresh_notifications()

    def on_mount(self) -> None:
        if self._signed_in_as:
            # Tests and trusted callers start signed in; the command line always asks.
            with self.db.read() as session:
                from sqlmodel import select

                operator = session.exec(
                    select(Operator).where(Operator.username == self._signed_in_as)
                ).one()
                self.enter(who_is(session, operator))
        else:
            self.push_screen(SignInScreen(self.demo_hint), self.enter)
        self.set_interval(self.tick_seconds, self.tick)

    @property
    def screens_allowed(self) -> tuple[str, ...]:
        if self.who is None:
            return ()
        return screens_for(self.who.role, self.gateway is not None)

    def enter(self, who: Who | None) -> None:
        """Signed in: open the first screen this role may see."""
        if who is None:
            return
        self.who = who
        # One row by primary key, once per sign-in: the market whose zone and money are shown.
        with self.db.read() as session:
            self.market = home_market(session, who)
        if self.market is not None:
            self.tz, self.currency = self.market.tz, self.market.currency
        self.sub_title = f"{who.name} ({who.role})"
        self.switch_mode(self.screens_allowed[0])

    def now(self) -> datetime:
        return self.clock()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "go":
            return bool(parameters) and parameters[0] in self.screens_allowed
        if action == "sign_out":
            return self.who is not None
        return True

    def action_go(self, name: str) -> None:
        if name in self.screens_allowed and self.current_mode != name:
            self.switch_mode(name)

    async def open_phone(self, phone: str) -> None:
        """The phone simulator, with this number picked."""
        if "phone" in self.screens_allowed:
            await self.switch_mode("phone")
            self.screen.pick(phone)

    def action_help(self) -> None:
        from poems_tui.screens.help import HelpScreen, keys_of  # first asked for: see opened_later

        if not isinstance(self.screen, HelpScreen):
            here = self.screen.sub_title or self.screen.title or "this screen"
            if self.current_mode in SCREENS and len(self.screen_stack) == 1:
                here = SCREENS[self.current_mode].title
            self.push_screen(HelpScreen(self.screens_allowed, here, keys_of(self.screen)))

    async def action_sign_out(self) -> None:
        if self.signin_token is not None:
            self.end_signin(self.signin_token)
            self.signin_token = None
        self.who = None
        self.sub_title = ""
        await self.switch_mode("signed_out")
        for name in self.MODES:
            # Each screen is made afresh for the next operator, who may see other markets.
            await self.remove_mode(name)
            self.add_mode(name, self.MODES[name])
        self.push_screen(SignInScreen(self.demo_hint, signed_out=True), self.enter)

    @work(thread=True, group="signout")
    def end_signin(self, token: str) -> None:
        """The kept sign-in signs nobody in from now on, here or at the command line."""
        sign_out(self.db, token, datetime.now(UTC))
        if self.forget_signin is not None:
            self.forget_signin()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for name in self.screens_allowed:
            if name != self.current_mode:
                yield SystemCommand(
                    f"Go to {SCREENS[name].title}",
                    f"Open the {SCREENS[name].title} screen (key {KEYS[name]})",
                    lambda name=name: self.action_go(name),
                )
        if self.who is not None:
            yield SystemCommand("Sign out", "End this session (ctrl+o)", self.action_sign_out)
        if "workers" in self.screens_allowed and not self.who.read_only:
            yield SystemCommand(
                "Onboard a walk-in", "Sign up a worker at the desk", self._palette_onboard
            )
        if "shifts" in self.screens_allowed and not self.who.read_only:
            yield SystemCommand("Post a shift", "Post a shift for a buyer", self._palette_post)

    async def _palette_onboard(self) -> None:
        await self.switch_mode("workers")
        self.screen.action_onboard()

    async def _palette_post(self) -> None:
        await self.switch_mode("shifts")
        self.screen.action_post()

    def tick(self) -> None:
        """Every tick: run checks the workers consented to; send texts on the simulator."""
        if self.who is not None and (self.verifier is not None or self.gateway is not None):
            self.background()

    @work(thread=True, exclusive=True, group="background")
    def background(self) -> None:
        now = self.clock()
        # A console given a registry with no scheduler beside it looks checks up itself; each is
        # claimed first, so with `poems serve` running too none is looked up twice.
        if self.verifier is not None:
            run_consented_checks(self.db, self.verifier, now)
        if self.gateway is not None:
            outbox.drain(self.db, self.gateway, now)
