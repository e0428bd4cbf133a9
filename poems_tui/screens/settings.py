"""Settings: a market's zone, markup, offer window, quiet hours, text cap and booking cap, and
the labour rules it trades under (an admin gives a rule a new figure from a date)."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Select, Static

from exchange.errors import Refused as ExchangeRefused
from exchange.settings import SETTINGS, read_setting
from poems_tui.messages import MarketsLoaded, Refused, Saved
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.law_forms import NewFigureScreen
from poems_tui.widgets.form import FormField, rule
from services.markets import MarketView, change_market_settings, markets
from store.models import Market


class SettingsScreen(ConsoleScreen):
    """One market's settings as a form; Save checks each change and records who and when."""

    NAME = "settings"
    AUTO_FOCUS = "#settings-market"
    BINDINGS = [("ctrl+s", "save", "Save"), ("ctrl+l", "new_figure", "New labour figure")]

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        with VerticalScroll(id="settings-body"):
            yield Select([], id="settings-market", prompt="Market", allow_blank=True)
            for setting in SETTINGS.values():
                yield FormField(
                    setting.label,
                    setting.field,
                    placeholder=setting.hint,
                    validators=[rule(lambda v, f=setting.field: self._check(f, v))],
                )
            with Horizontal(id="settings-buttons"):
                yield Button("Save", id="settings-save", variant="primary")
                yield Static("", id="settings-result")
            yield Static("", id="settings-history")
            yield Static("", id="settings-law")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        self.views: dict[int, MarketView] = {}
        self.market_id: int | None = None
        read_only = self.read_only
        for field in self.query(FormField):
            field.input.disabled = read_only
        self.query_one("#settings-save", Button).disabled = read_only
        self.load()

    def _check(self, field: str, text: str) -> object:
        view = self.views.get(self.market_id)
        market = Market(name="", sector="", area="", currency=view.currency if view else "GBP")
        return read_setting(market, field, text)

    @work(thread=True, exclusive=True, group="settings")
    def load(self) -> None:
        self.post_message(MarketsLoaded(markets(self.app.db, self.who, self.app.clock())))

    def on_markets_loaded(self, message: MarketsLoaded) -> None:
        self.views = {view.id: view for view in message.markets}
        select = self.query_one("#settings-market", Select)
        select.set_options((view.name, view.id) for view in message.markets)
        if not message.markets:
            self.query_one("#settings-history", Static).update("No market of yours yet.")
            return
        chosen = self.market_id if self.market_id in self.views else message.markets[0].id
        select.value = chosen
        self.show(chosen)

    @on(Select.Changed, "#settings-market")
    def market_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int) and event.value != self.market_id:
            self.show(event.value)

    def show(self, market_id: int) -> None:
        self.market_id = market_id
        view = self.views[market_id]
        for field in self.query(FormField):
            field.input.value = view.values[field.input.id]
        history = Text("Changes, newest first\n", style="bold")
        history.append("\n".join(view.changes) or "none yet")
        self.query_one("#settings-history", Static).update(history)
        law = Text(f"Labour rules: {view.rule_set or 'none'}\n", style="bold")
        law.append("\n".join(view.rules) or "no rule set chosen")
        self.query_one("#settings-law", Static).update(law)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return not self.read_only
        if action == "new_figure":
            # Only an admin changes the law's figures (exchange.law.history says so too).
            return self.who is not None and self.who.role == "admin"
        return super().check_action(action, parameters)

    def action_new_figure(self) -> None:
        view = self.views.get(self.market_id)
        if view is None or view.rule_set is None:
            return

        def done(result: str | None) -> None:
            if result:
                self.notify(result)
                self.load()

        self.app.push_screen(NewFigureScreen(), done)

    @on(Button.Pressed, "#settings-save")
    def action_save(self) -> None:
        if self.read_only or self.market_id is None:
            return
        view = self.views[self.market_id]
        typed = {
            field.input.id: field.value
            for field in self.query(FormField)
            if field.value.strip() != view.values[field.input.id]
        }
        for field in self.query(FormField):
            if not field.valid:
                field.input.focus()
                self.query_one("#settings-result", Static).update("Correct the marked field first.")
                return
        if not typed:
            self.query_one("#settings-result", Static).update("Nothing changed.")
            return
        self.save(self.market_id, typed)

    @work(thread=True, exclusive=True, group="settings-save")
    def save(self, market_id: int, typed: dict[str, str]) -> None:
        app = self.app
        try:
            made = change_market_settings(app.db, app.who, market_id, typed, app.clock())
        except ExchangeRefused as refusal:
            self.post_message(Refused(refusal.message))
            return
        self.post_message(Saved(f"Saved {made} change(s), recorded with your name"))

    def on_saved(self, message: Saved) -> None:
        self.query_one("#settings-result", Static).update(message.text)
        self.notify(message.text)
        self.load()

    def on_refused(self, message: Refused) -> None:
        self.query_one("#settings-result", Static).update(message.text)
