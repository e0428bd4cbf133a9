"""Shifts: the board by state, a shift's waves and reasons, posting for a buyer, cancelling."""

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Static, Tabs

from poems_tui.messages import BoardLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.shift import ShiftScreen
from poems_tui.screens.shift_forms import PostShiftScreen
from poems_tui.services.shifts import STATES, board_counts, shifts_in
from poems_tui.widgets.shifts.board import StateTabs


class ShiftsScreen(ConsoleScreen):
    """Shifts by state; Enter opens one."""

    NAME = "shifts"
    AUTO_FOCUS = "#shifts"
    BINDINGS = [
        Binding("left", "state(-1)", "State", priority=True),
        Binding("right", "state(1)", "State", priority=True),
        Binding("n", "post", "Post shift"),
        Binding("enter", "open", "Open"),
    ]

    state: reactive[str] = reactive("open")

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield StateTabs()
        yield DataTable(id="shifts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="shifts-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        table = self.query_one("#shifts", DataTable)
        table.add_column("Ref", key="ref", width=5)
        table.add_column("When", key="when", width=22)
        table.add_column("Skill", key="skill", width=10)
        table.add_column("Buyer", key="buyer", width=18)
        table.add_column("Booked", key="booked", width=6)
        table.add_column("Up to", key="rate", width=7)
        table.add_column("Where", key="place")
        self.timer = self.set_interval(2.0, self.reload)
        self.reload()

    def on_screen_suspend(self) -> None:
        self.timer.pause()

    def on_screen_resume(self) -> None:
        self.timer.resume()
        self.reload()

    def reload(self) -> None:
        self.load(self.state)

    @work(thread=True, exclusive=True, group="shifts")
    def load(self, state: str) -> None:
        app = self.app
        now = app.clock()
        counts = board_counts(app.db, app.who, now)
        self.post_message(BoardLoaded(counts, state, shifts_in(app.db, app.who, state, now)))

    def on_board_loaded(self, message: BoardLoaded) -> None:
        if message.state != self.state:
            return
        self.query_one(StateTabs).show_counts(message.counts)
        table = self.query_one("#shifts", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in message.rows:
            table.add_row(
                row.ref,
                row.when,
                row.skill,
                row.buyer[:18],
                row.booked,
                row.rate,
                row.place,
                key=str(row.id),
            )
        if message.rows:
            table.move_cursor(row=min(keep, len(message.rows) - 1), animate=False)
        self.query_one("#shifts-status", Static).update(
            f"{len(message.rows)} shown; left/right change state, Enter opens, n posts"
        )

    @on(Tabs.TabActivated, "#states")
    def tab_changed(self, event: Tabs.TabActivated) -> None:
        if event.tab.id and event.tab.id != self.state:
            self.state = event.tab.id
            self.query_one("#shifts", DataTable).clear()
            self.reload()

    def action_state(self, step: int) -> None:
        index = (STATES.index(self.state) + step) % len(STATES)
        self.query_one(StateTabs).active = STATES[index]

    @on(DataTable.RowSelected, "#shifts")
    def action_open(self) -> None:
        table = self.query_one("#shifts", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.push_screen(ShiftScreen(int(key.value)), lambda _: self.reload())

    def action_post(self) -> None:
        if self.read_only:
            self.notify("Auditors read only.", severity="warning")
            return

        def done(result: str | None) -> None:
            if result:
                self.notify(result)
                self.reload()

        self.app.push_screen(PostShiftScreen(self.app.market), done)
