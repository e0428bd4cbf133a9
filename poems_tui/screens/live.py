"""Live: every text in and out, newest first, refreshed twice a second by reading only new rows."""

from textual import on, work
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static

from exchange.localtime import local
from poems_tui.messages import FeedLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.services.feed import FeedRow, feed

KEEP = 500
ARROWS = {"in": "→ in ", "out": "← out"}
COLUMNS = (("Time", "time", 12), ("", "dir", 5), ("Who", "who", 16), ("Status", "status", 9))
# Each column's cell padding (one each side) and the vertical scrollbar.
EDGES = 2 * (len(COLUMNS) + 1) + 2


class LiveScreen(ConsoleScreen):
    """The message feed, filterable by phone or word."""

    NAME = "live"
    AUTO_FOCUS = "#feed"
    BINDINGS = [("slash", "filter", "Filter"), ("escape", "clear_filter", "Clear filter")]

    last_id: reactive[int] = reactive(0)
    filter_text: reactive[str] = reactive("")

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield Input(placeholder="Filter: a phone or a word (press /)", id="feed-filter")
        yield DataTable(id="feed", cursor_type="row", zebra_stripes=True)
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
        rows = feed(self.app.db, self.app.who, after_id, text)
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

    def on_resize(self) -> None:
        self.show_rows()

    def show_rows(self) -> None:
        """Fill the table; the Text column takes the width left, so the layout never depends on
        when the table last measured its cells."""
        table = self.query_one("#feed", DataTable)
        keep = None
        if table.row_count and table.cursor_row > 0:
            keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        table.clear(columns=True)
        for label, key, width in COLUMNS:
            table.add_column(label, key=key, width=width)
        fixed = sum(width for _, _, width in COLUMNS) + EDGES
        table.add_column("Text", key="body", width=max(10, self.size.width - fixed))
        tz = self.app.tz
        for row in self.rows:
            table.add_row(
                f"{local(row.at, tz):%d %b %H:%M}" if row.at else "",
                ARROWS.get(row.direction, row.direction),
                row.who[:16],
                row.status,
                " ".join(row.body.split()),
                key=str(row.id),
            )
        if keep is not None and keep.value in table.rows:
            table.move_cursor(row=table.get_row_index(keep.value), animate=False)
        filtered = f', filtered by "{self.filter_text}"' if self.filter_text else ""
        self.query_one("#feed-status", Static).update(
            f"{len(self.rows)} texts{filtered}; newest first, updating live"
        )

    @on(Input.Changed, "#feed-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self.last_id = 0
        self.refresh_feed(0, self.filter_text)

    def action_filter(self) -> None:
        self.query_one("#feed-filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#feed-filter", Input).value = ""
        self.query_one("#feed", DataTable).focus()
