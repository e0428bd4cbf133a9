"""Health: how the operator's markets are doing over the last 12 weeks, in numbers, and their
published weekly figures as a chart and a table (withheld weeks say so)."""

from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from exchange.localtime import local
from exchange.money import format_money
from exchange.suppression import SMALLEST_CELL
from poems_tui.messages import HealthLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.widgets.health_chart import WeeklyRatesChart, week_of
from services.health import health_of

WITHHELD = f"fewer than {SMALLEST_CELL} workers"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% ({part} of {whole})" if whole else "none yet"


def _duration(minutes: int | None) -> str:
    if minutes is None:
        return "none filled yet"
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if hours else f"{rest} min"


class HealthScreen(ConsoleScreen):
    NAME = "health"
    AUTO_FOCUS = "#weeks"
    BINDINGS = [("r", "reload", "Reload")]

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield Static("", id="health-summary")
        yield Static("Published weekly figures (complete weeks):", classes="status")
        yield WeeklyRatesChart(id="rates")
        yield DataTable(id="weeks", cursor_type="row", zebra_stripes=True)
        yield Static("", id="health-shares")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#weeks", DataTable)
        for label, key in (
            ("Week of", "week"),
            ("Market", "market"),
            ("Workers", "workers"),
            ("Bookings", "bookings"),
            ("Lower quartile", "q1"),
            ("Median", "median"),
            ("Upper quartile", "q3"),
        ):
            table.add_column(label, key=key)
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def action_reload(self) -> None:
        self.load(said=True)

    @work(thread=True, exclusive=True, group="health")
    def load(self, said: bool = False) -> None:
        found = health_of(self.app.db, self.who, self.app.clock())
        self.post_message(HealthLoaded(found, said))

    def on_health_loaded(self, message: HealthLoaded) -> None:
        found = message.health
        tz = self.app.market.tz
        since = f"Last 12 weeks, since {local(found.since, tz):%-d %b}: "
        summary = (
            f"{since}withheld: {WITHHELD} were booked (rule 5)."
            if found.withheld
            else f"{since}places filled {_percent(found.filled, found.slots)}; "
            f"median time to fill {_duration(found.median_fill_minutes)}; "
            f"no-shows {_percent(found.no_shows, found.bookings)}; "
            f"disputes {_percent(found.disputes, found.bookings)}."
        )
        self.query_one("#health-summary", Static).update(summary)
        self.query_one("#rates", WeeklyRatesChart).show(found.weeks)
        table = self.query_one("#weeks", DataTable)
        table.clear()
        for week in found.weeks:
            figures = (
                [WITHHELD, "", "", "", ""]
                if week.withheld
                else [
                    str(week.workers),
                    str(week.bookings),
                    format_money(week.q1, week.currency),
                    format_money(week.median, week.currency),
                    format_money(week.q3, week.currency),
                ]
            )
            table.add_row(f"{week_of(week.week):%a %-d %b}", week.market, *figures)
        lines = [
            f"{share.sector}: {share.share_bp / 100:.1f}% of booked hours, cap "
            f"{share.cap_bp / 100:g}%"
            + (
                f": OVER, hand on markets worth {share.divest_minutes / 60:.0f} booked hours"
                if share.over
                else ""
            )
            for share in found.shares
        ]
        if message.said:
            self.notify("Reloaded: the last 12 weeks")
        flagged = "".join(f"\nFlagged this month: {words}" for words in found.flags)
        self.query_one("#health-shares", Static).update(
            "Share of each sector (last 90 days): "
            + ("; ".join(lines) or "no franchise shares")
            + flagged
        )
