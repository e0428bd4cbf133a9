"""One shift: its facts, every wave of offers with the stored reason, who replied and when."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from poems_tui.messages import ShiftDetailLoaded
from poems_tui.screens.shift_forms import CancelShiftScreen
from poems_tui.widgets.keys import KeysFooter
from services.shifts import ShiftDetail, detail


class ShiftScreen(Screen):
    """Pushed over the board; escape goes back, x cancels with a reason."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("x", "cancel_shift", "Cancel shift"),
    ]

    def __init__(self, shift_id: int) -> None:
        super().__init__()
        self.shift_id = shift_id
        self.detail: ShiftDetail | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="P")
        yield Static("Loading...", id="shift-facts")
        yield DataTable(id="offers", cursor_type="row", zebra_stripes=True)
        yield Static("", id="offer-reason", classes="reason")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#offers", DataTable)
        table.add_column("Wave", width=4)
        table.add_column("#", width=3)
        table.add_column("Worker", width=18)
        table.add_column("Reply", width=9)
        table.add_column("Offered", width=12)
        table.add_column("Replied", width=12)
        self.load()

    @work(thread=True, exclusive=True, group="shift")
    def load(self) -> None:
        self.post_message(ShiftDetailLoaded(detail(self.app.db, self.shift_id, self.app.clock())))

    def on_shift_detail_loaded(self, message: ShiftDetailLoaded) -> None:
        self.detail = found = message.detail
        facts = self.query_one("#shift-facts", Static)
        if found is None:
            facts.update("No such shift.")
            return
        self.sub_title = found.title
        text = Text()
        text.append(found.title, style="bold")
        for label, value in found.facts:
            text.append(f"\n{label:<11}{value}")
        text.append(f"\n{'Booked':<11}{'; '.join(found.booked) or 'nobody yet'}")
        facts.update(text)
        table = self.query_one("#offers", DataTable)
        table.clear()
        for index, line in enumerate(found.offers):
            table.add_row(
                str(line.wave),
                str(line.rank),
                line.worker[:18],
                line.status,
                line.offered,
                line.answered,
                key=str(index),
            )
        if not found.offers:
            self.query_one("#offer-reason", Static).update(found.no_offers)
        self.refresh_bindings()

    @on(DataTable.RowHighlighted, "#offers")
    def show_reason(self, event: DataTable.RowHighlighted) -> None:
        if self.detail is None or event.row_key is None:
            return
        line = self.detail.offers[int(event.row_key.value)]
        self.query_one("#offer-reason", Static).update(
            Text(f"Why {line.worker} (wave {line.wave}, #{line.rank}): {line.reason}")
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_shift":
            return (
                self.detail is not None
                and self.detail.can_cancel
                and self.app.who is not None
                and not self.app.who.read_only
            )
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_cancel_shift(self) -> None:
        if self.detail is None:
            return

        def done(result: str | None) -> None:
            if result:
                self.notify(result)
                self.load()

        self.app.push_screen(CancelShiftScreen(self.shift_id, self.detail.ref), done)
