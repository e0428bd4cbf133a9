"""Live: every text in and out, newest first, refreshed twice a second by reading only new rows."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from exchange.localtime import local
from poems_tui.messages import FeedLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.widgets.table import Column, FittedTable
from services.feed import FeedRow, feed

KEEP = 500
ARROWS = {"in": "→ in ", "out": "← out"}
COLUMNS = [
    Column("Time", "time", 12, keep=1),
    Column("", "dir", 5, keep=2),
    Column("Who", "who", 16, keep=1),
    Column("Status", "status", 9, keep=3),
    Column("Text", "body", 20, keep=1, stretch=True),
]


class TextScreen(ModalScreen[None]):
    """One text, whole: who sent it or got it, when, and how it went."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close")]

    def __init__(self, row: FeedRow, tz: str) -> None:
        super().__init__()
        self.row = row
        self.tz = tz

    def compose(self) -> ComposeResult:
        row = self.row
        way = "From" if row.direction == "in" else "To"
        at = f"{local(row.at, self.tz):%a %d %b %H:%M}" if row.at else ""
        heading = Text(f"{way} {row.who}", style="bold")
        if row.who != row.phone:
            heading.append(f"  {row.phone}", style="not bold")
        with VerticalScroll(classes="form", id="text-whole"):
            yield Static(heading)
            yield Static(Text(f"{at}  {row.status}"), classes="muted")
            yield Static(Text(row.body), id="text-body")
            yield Static("Esc or Enter closes", classes="muted")

    def action_close(self) -> None:
        self.dismiss(None)


class LiveScreen(ConsoleScreen):
    """The message feed, filterable by phone or word."""

    NAME = "live"
    AUTO_FOCUS = "#feed"
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter"),
    ]

    last_id: reactive[int] = reactive(0)
    filter_text: reactive[str] = reactive("")

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield Input(placeholder="Filter: a phone, a name or a word (press /)", id="feed-filter")
        yield FittedTable(COLUMNS, id="feed")
        yield Static("", id="feed-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        self.rows: list[FeedRow] = []
        self.refresh_feed(0, "")
        self.timer = self.set_interval(self.app.tick_seconds, self.poll)

    def on_screen_suspend(self) -> None:
        self.timer.pause()

    def on_screen_resume(self) -> None:
        self.timer.resume()

    def poll(self) -> None:
        self.refresh_feed(self.last_id, self.filter_text)

    @work(thread=True, exclusive=True, group="feed")
    def refresh_feed(self, after_id: int, text: str) -> None:
        rows = feed(self.app.db, self.who, after_id, text)
        if rows or after_id == 0:
            self.post_message(FeedLoaded(rows, after_id == 0))

    def on_feed_loaded(self, message: FeedLoaded) -> None:
        # Two polls can overlap (one started before the other's rows arrived): keep each text once.
        arrived = {row.id for row in message.rows}
        kept = [] if message.fresh else [row for row in self.rows if row.id not in arrived]
        self.rows = (message.rows + kept)[:KEEP]
        if self.rows:
            self.last_id = self.rows[0].id
        self.show_rows()

    def show_rows(self) -> None:
        tz = self.app.tz
        self.query_one("#feed", FittedTable).show(
            (
                str(row.id),
                {
                    "time": f"{local(row.at, tz):%d %b %H:%M}" if row.at else "",
                    "dir": ARROWS.get(row.direction, row.direction),
                    "who": row.who,
                    "status": row.status,
                    "body": " ".join(row.body.split()),
                },
            )
            for row in self.rows
        )
        filtered = f', filtered by "{self.filter_text}"' if self.filter_text else ""
        self.query_one("#feed-status", Static).update(
            f"{len(self.rows)} texts{filtered}; newest first, updating live; Enter reads one whole"
        )

    @on(Input.Changed, "#feed-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self.last_id = 0
        self.refresh_feed(0, self.filter_text)
        self.refresh_bindings()

    @on(Input.Submitted, "#feed-filter")
    def to_feed(self) -> None:
        self.query_one("#feed", DataTable).focus()

    @on(DataTable.RowSelected, "#feed")
    def read_whole(self, event: DataTable.RowSelected) -> None:
        found = next((row for row in self.rows if str(row.id) == event.row_key.value), None)
        if found is not None:
            self.app.push_screen(TextScreen(found, self.app.tz))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            # Escape first leaves the filter box; a second Escape clears what it holds.
            return bool(self.filter_text) and not isinstance(self.focused, Input)
        return super().check_action(action, parameters)

    def action_filter(self) -> None:
        self.query_one("#feed-filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#feed-filter", Input).value = ""
        self.query_one("#feed", DataTable).focus()
