"""Shifts: the board by state, a shift's waves and reasons, posting for a buyer, cancelling."""

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Static, Tabs

from poems_tui.messages import BoardLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.shift import ShiftScreen
from poems_tui.screens.shift_forms import PostShiftScreen, buyer_sites
from poems_tui.widgets.shifts.board import StateTabs
from poems_tui.widgets.table import Column, FittedTable
from services.shifts import LABELS, STATES, board_counts, shifts_in

COLUMNS = [
    Column("Ref", "ref", 5, keep=1),
    Column("When", "when", 22, keep=1),
    Column("Skill", "skill", 10, keep=2),
    Column("Buyer", "buyer", 14, keep=3),
    Column("Booked", "booked", 6, keep=2),
    Column("Up to", "rate", 7, keep=4),
    Column("Where", "place", 12, keep=2, stretch=True),
]


class ShiftsScreen(ConsoleScreen):
    """Shifts by state; Enter opens one."""

    NAME = "shifts"
    AUTO_FOCUS = "#shifts"
    BINDINGS = [
        Binding("left", "state(-1)", "State", priority=True),
        Binding("right", "state(1)", "State", priority=True),
        Binding("n", "post", "Post shift"),
    ]

    state: reactive[str] = reactive("open")

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield StateTabs()
        yield FittedTable(COLUMNS, id="shifts")
        yield Static("", id="shifts-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
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
        counts = board_counts(app.db, self.who, now)
        self.post_message(BoardLoaded(counts, state, shifts_in(app.db, self.who, state, now)))

    def on_board_loaded(self, message: BoardLoaded) -> None:
        if message.state != self.state:
            return
        self.query_one(StateTabs).show_counts(message.counts)
        self.query_one("#shifts", FittedTable).show(
            (str(row.id), vars(row)) for row in message.rows
        )
        self.query_one("#shifts-status", Static).update(
            f"{len(message.rows)} {LABELS[self.state].lower()} shown; ← and → change state"
        )

    @on(Tabs.TabActivated, "#states")
    def tab_changed(self, event: Tabs.TabActivated) -> None:
        if event.tab.id and event.tab.id != self.state:
            self.state = event.tab.id
            self.query_one("#shifts", FittedTable).show([])
            self.reload()

    def action_state(self, step: int) -> None:
        index = (STATES.index(self.state) + step) % len(STATES)
        self.query_one(StateTabs).active = STATES[index]

    @on(DataTable.RowSelected, "#shifts")
    def action_open(self) -> None:
        key = self.query_one("#shifts", FittedTable).cursor_key
        if key is not None:
            self.app.push_screen(ShiftScreen(int(key)), lambda _: self.reload())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "post":
            return not self.read_only
        return super().check_action(action, parameters)

    @work(thread=True, exclusive=True, group="post")
    def action_post(self) -> None:
        # The form opens with the buyers known, so what is typed at once is completed and checked.
        buyers = buyer_sites(self.app.db, self.app.market.id)

        def done(result: str | None) -> None:
            if result:
                self.notify(result)
                self.reload()

        self.app.call_from_thread(
            self.app.push_screen, PostShiftScreen(self.app.market, buyers), done
        )
