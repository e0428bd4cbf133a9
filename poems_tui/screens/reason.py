"""Why an operator opens a worker's record: asked every time, kept, and readable by the worker."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from exchange.access import ACCESS_REASONS
from exchange.errors import Refused as ExchangeRefused
from poems_tui.messages import Refused, Saved
from poems_tui.widgets.keys import KeysFooter
from services.workers import look_at_worker


class ReasonScreen(ModalScreen[str | None]):
    """Pick a reason (Enter); "other" needs a few words. Dismissed with the reason, or None."""

    BINDINGS = [
        # Over the list's own Enter, so the footer can show it.
        Binding("enter", "choose", "Open the record", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, worker_id: int, name: str) -> None:
        super().__init__()
        self.worker_id = worker_id
        self.name_shown = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(
                Text(f"Why open {self.name_shown}'s record? They can see who looked and why."),
                classes="form-title",
            )
            yield OptionList(
                *(Option(words, id=code) for code, words in ACCESS_REASONS.items()), id="reasons"
            )
            yield Input(
                placeholder="In a few words (needed for 'another reason')",
                id="detail",
                compact=True,
            )
            yield Static("", classes="form-refusal")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#reasons", OptionList).highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return self.focused is self.query_one("#reasons", OptionList)
        return True

    def action_choose(self) -> None:
        self.query_one("#reasons", OptionList).action_select()

    @on(OptionList.OptionSelected, "#reasons")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        detail = self.query_one("#detail", Input)
        if event.option.id == "other" and not detail.value.strip():
            self.query_one(".form-refusal", Static).update("Say in a few words why, then Enter.")
            detail.focus()
            return
        self.record(event.option.id, detail.value)

    @on(Input.Submitted, "#detail")
    def detail_given(self) -> None:
        reasons = self.query_one("#reasons", OptionList)
        option = reasons.get_option_at_index(reasons.highlighted or 0)
        self.record(option.id, self.query_one("#detail", Input).value)

    @work(thread=True, exclusive=True, group="reason")
    def record(self, reason: str, detail: str) -> None:
        app = self.app
        try:
            look_at_worker(app.db, app.who, self.worker_id, reason, detail, app.clock())
        except ExchangeRefused as refusal:
            self.post_message(Refused(refusal.message))
            return
        self.post_message(Saved(reason))

    def on_saved(self, message: Saved) -> None:
        self.dismiss(message.text)

    def on_refused(self, message: Refused) -> None:
        self.query_one(".form-refusal", Static).update(message.text)
