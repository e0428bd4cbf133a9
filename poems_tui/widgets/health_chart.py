"""The Health screen's weekly rates as a terminal chart, drawn by plotext (textual-plotext)
from the published weekly figures; a withheld week is left out of the line, not drawn as 0."""

from datetime import date

from textual_plotext import PlotextPlot

from exchange.health import WeekOfRates


def week_of(week: str) -> date:
    """'2026-W47' -> the Monday it starts on."""
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 1)


class WeeklyRatesChart(PlotextPlot):
    """Median hourly rate paid per published week, one line per market; for a single market
    the quartiles too, which bound the middle half of rates paid."""

    DEFAULT_CSS = """
    WeeklyRatesChart {
        height: 14;
    }
    """

    def __init__(self, **options) -> None:
        super().__init__(**options)
        # What the chart draws, by line: (week number on the axis, amount per hour).
        self.plotted: dict[str, list[tuple[int, float]]] = {}

    def show(self, weeks: list[WeekOfRates]) -> None:
        labels = sorted({week.week for week in weeks})
        position = {label: n for n, label in enumerate(labels, start=1)}
        markets = list(dict.fromkeys(week.market for week in weeks))
        lines = [("median", "Median")]
        if len(markets) == 1:
            lines = [("q1", "Lower quartile"), ("median", "Median"), ("q3", "Upper quartile")]
        self.plotted = {}
        for market in markets:
            shown = [w for w in weeks if w.market == market and not w.withheld]
            for field, name in lines:
                title = name if len(markets) == 1 else f"{market} median"
                self.plotted[title] = [(position[w.week], getattr(w, field) / 100) for w in shown]
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        for title, points in self.plotted.items():
            if points:
                plt.plot([x for x, _ in points], [y for _, y in points], label=title)
        if labels:
            plt.xticks(list(position.values()), [f"{week_of(w):%-d %b}" for w in labels])
        plt.title("Hourly rate paid, published weeks (withheld weeks left out)")
        self.refresh()
