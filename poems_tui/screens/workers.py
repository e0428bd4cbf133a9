"""Workers: find one among many by phone or name, a page at a time; onboard a walk-in."""

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static

from poems_tui.messages import WorkersLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.reason import ReasonScreen
from poems_tui.screens.worker import WorkerScreen
from poems_tui.screens.worker_forms import OnboardScreen
from poems_tui.widgets.table import Column, FittedTable
from services.workers import count_workers, search

# Load the next page when the cursor comes this close to the end of what is loaded.
NEAR_END = 5
SEARCH_PAUSE = 0.15
COLUMNS = [
    Column("Name", "name", 16, keep=1, stretch=True),
    Column("Phone", "phone", 13, keep=1),
    Column("Skills", "skills", 18, keep=3),
    Column("Area", "place", 8, keep=4),
    Column("Rate", "rate", 7, keep=3),
    Column("Status", "status", 9, keep=2),
]


class WorkersScreen(ConsoleScreen):
    """A searchable table of workers; Enter opens a record (with a logged reason)."""

    NAME = "workers"
    AUTO_FOCUS = "#workers"
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("n", "onboard", "Onboard walk-in"),
    ]

    query_text: reactive[str] = reactive("")
    total: reactive[int | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield Input(placeholder="Find by phone (07700...) or name (press /)", id="worker-search")
        yield FittedTable(COLUMNS, id="workers")
        yield Static("", id="workers-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        self.next_key = None
        self.loading_more = False
        self.pending = None
        self.load("", None, fresh=True)

    @work(thread=True, exclusive=True, group="workers")
    def load(self, text: str, after: tuple | None, fresh: bool) -> None:
        app = self.app
        page = search(app.db, self.who, text, after)
        total = count_workers(app.db, self.who) if fresh and not text else None
        self.post_message(WorkersLoaded(page, fresh, total))

    def on_workers_loaded(self, message: WorkersLoaded) -> None:
        table = self.query_one("#workers", FittedTable)
        cells = ((str(row.id), vars(row)) for row in message.page.rows)
        if message.fresh:
            table.show(cells)
        else:
            table.extend(cells)
        if message.total is not None:
            self.total = message.total
        self.next_key = message.page.next_key
        self.loading_more = False
        self.show_status(table.row_count, message.page.mode)

    def show_status(self, shown: int, mode: str) -> None:
        how = {"phone": "by phone", "name": "by name", "word": "names containing it", "all": ""}[
            mode
        ]
        total = f"{self.total:,} workers; " if self.total is not None else ""
        more = "; more load as you go down" if self.next_key else ""
        text = f"{total}{shown} shown" + (
            f' ({how} "{self.query_text}")' if self.query_text else ""
        )
        self.query_one("#workers-status", Static).update(text + more)

    @on(Input.Changed, "#worker-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        if self.pending is not None:
            self.pending.stop()
        # A short pause so a fast typist starts one search, not one per key.
        self.pending = self.set_timer(SEARCH_PAUSE, lambda: self.load(self.query_text, None, True))

    @on(Input.Submitted, "#worker-search")
    def to_table(self) -> None:
        self.query_one("#workers", DataTable).focus()

    @on(DataTable.RowHighlighted, "#workers")
    def maybe_more(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if (
            self.next_key
            and not self.loading_more
            and event.cursor_row >= table.row_count - NEAR_END
        ):
            self.loading_more = True
            self.load_more(self.query_text, self.next_key)

    @work(thread=True, exclusive=True, group="workers-more")
    def load_more(self, text: str, after: tuple) -> None:
        self.post_message(WorkersLoaded(search(self.app.db, self.who, text, after), False, None))

    @on(DataTable.RowSelected, "#workers")
    def action_open(self) -> None:
        table = self.query_one("#workers", FittedTable)
        if table.cursor_key is None:
            return
        row = table.rows_shown[table.cursor_key]
        worker_id = int(table.cursor_key)
        name = row["name"] or row["phone"]

        def opened(result: str | None) -> None:
            if result:
                self.app.push_screen(WorkerScreen(worker_id))

        self.app.push_screen(ReasonScreen(worker_id, name), opened)

    def action_search(self) -> None:
        self.query_one("#worker-search", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "onboard":
            return not self.read_only
        return super().check_action(action, parameters)

    def action_onboard(self) -> None:
        def done(result: str | None) -> None:
            if result:
                self.notify(result)
                self.load(self.query_text, None, True)

        self.app.push_screen(OnboardScreen(self.app.market), done)
