"""The site's figures: each chart with its caption, text alternative, table and CSV, picked from
published cells and worded (website/words.py); a withheld cell is never drawn as a value."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from exchange.asking import PARTS_OF_DAY, POOLED_WEEKS
from exchange.public import WEEKDAYS
from website import charts
from website.charts import Figure
from website.words import (
    TOTAL,
    WEEKDAY_NAMES,
    amount,
    minutes,
    money,
    percent,
    place_label,
    week_label,
    week_short,
    week_start,
    weeks_span,
)

Row = dict[str, Any]
# The grid of rates by weekday and part of day pools the longest window: it has the most workers.
GRID_WEEKS = max(POOLED_WEEKS)


class Figures:
    """Draws the figures of one publication."""

    def __init__(self, withheld: str, places: dict[str, dict[str, Any]], document: dict):
        self.withheld = withheld
        self.places = places
        self.document = document

    def pooled(self, market: dict[str, Any], skill: str, weeks: int) -> list[Row]:
        return [
            row
            for row in self.document["pooled_rates"]
            if row["market"] == market["name"] and row["skill"] == skill and row["weeks"] == weeks
        ]

    def _labels(self, rows: Sequence[Row], label: Callable[[Row], str]) -> list[str]:
        return [label(row) + (" (withheld)" if row["suppressed"] else "") for row in rows]

    def rates_by_week(
        self, name: str, market: dict[str, Any], weeks: list[Row], what: str
    ) -> Figure | None:
        if not weeks:
            return None
        currency = market["currency"]
        shown = [row for row in weeks if not row["suppressed"]]
        alt = f"Line chart of the hourly rate paid for {what}, week by week. " + (
            f"The median was {money(shown[0]['rate_median'], currency)} in the week of "
            f"{week_label(shown[0]['week'])} and {money(shown[-1]['rate_median'], currency)} in "
            f"the week of {week_label(shown[-1]['week'])}."
            if shown
            else f"Every week is withheld: {self.withheld}."
        )
        return Figure(
            name=name,
            title=f"Hourly rate paid, {what}, week by week",
            caption="The median rate and the middle half of rates paid (lower to upper "
            "quartile), one value per booking. A week marked withheld describes "
            f"{self.withheld}.",
            alt=alt,
            columns=("Week of", "Workers", "Lower quartile", "Median", "Upper quartile"),
            rows=[
                [week_label(row["week"]), self.withheld, "", "", ""]
                if row["suppressed"]
                else [
                    week_label(row["week"]),
                    str(row["workers"]),
                    money(row["rate_q1"], currency),
                    money(row["rate_median"], currency),
                    money(row["rate_q3"], currency),
                ]
                for row in weeks
            ],
            csv_columns=("week", "week_of", "currency", "withheld", "workers")
            + ("rate_q1", "rate_median", "rate_q3"),
            csv_rows=[
                [row["week"], str(_monday(row)), currency, _yes(row), _count(row["workers"])]
                + [amount(row[key]) for key in ("rate_q1", "rate_median", "rate_q3")]
                for row in weeks
            ],
            svg=charts.rate_band(
                self._labels(weeks, lambda row: week_short(row["week"])),
                [row["rate_q1"] for row in weeks],
                [row["rate_median"] for row in weeks],
                [row["rate_q3"] for row in weeks],
                lambda value: money(int(value), currency),
            ),
        )

    def taking_part(self, name: str, weeks: list[Row], what: str) -> Figure | None:
        if not weeks:
            return None
        shown = [row for row in weeks if not row["suppressed"]]
        return Figure(
            name=name,
            title=f"Who took part, {what}, week by week",
            caption="Distinct workers booked and distinct buyers whose shifts they worked. "
            f"A week marked withheld describes {self.withheld}.",
            alt=f"Line chart of workers and buyers taking part in {what}, week by week. "
            + (
                f"In the week of {week_label(shown[-1]['week'])}, {shown[-1]['workers']} "
                f"workers and {shown[-1]['buyers']} buyers."
                if shown
                else f"Every week is withheld: {self.withheld}."
            ),
            columns=("Week of", "Workers", "Buyers", "Bookings"),
            rows=[
                [week_label(row["week"]), self.withheld, "", ""]
                if row["suppressed"]
                else [
                    week_label(row["week"]),
                    str(row["workers"]),
                    str(row["buyers"]),
                    str(row["bookings"]),
                ]
                for row in weeks
            ],
            csv_columns=("week", "week_of", "withheld", "workers", "buyers", "bookings"),
            csv_rows=[
                [row["week"], str(_monday(row)), _yes(row)]
                + [_count(row[key]) for key in ("workers", "buyers", "bookings")]
                for row in weeks
            ],
            svg=charts.line(
                self._labels(weeks, lambda row: week_short(row["week"])),
                [
                    ("Workers", [row["workers"] for row in weeks]),
                    ("Buyers", [row["buyers"] for row in weeks]),
                ],
                lambda value: f"{value:.0f}",
                style=charts.BAR_STYLE,
                include_x_axis=True,
            ),
        )

    def filling(self, name: str, weeks: list[Row], what: str) -> Figure | None:
        if not weeks:
            return None
        shown = [row for row in weeks if not row["suppressed"]]
        return Figure(
            name=name,
            title=f"Places filled, {what}, week by week",
            caption="The share of places buyers asked for that were booked, and the median "
            "time from posting a shift to a booking on it (in the table). A week marked "
            f"withheld describes {self.withheld}.",
            alt=f"Line chart of the share of places filled for {what}, week by week. "
            + (
                f"In the week of {week_label(shown[-1]['week'])}, "
                f"{percent(shown[-1]['fill_rate'])} of places were filled."
                if shown
                else f"Every week is withheld: {self.withheld}."
            ),
            columns=("Week of", "Places asked for", "Bookings", "Filled", "Median time to fill"),
            rows=[
                [week_label(row["week"]), self.withheld, "", "", ""]
                if row["suppressed"]
                else [
                    week_label(row["week"]),
                    str(row["slots_posted"]),
                    str(row["bookings"]),
                    percent(row["fill_rate"]),
                    minutes(row["time_to_fill_minutes"]),
                ]
                for row in weeks
            ],
            csv_columns=("week", "week_of", "withheld", "slots_posted", "bookings")
            + ("fill_rate", "time_to_fill_minutes"),
            csv_rows=[
                [row["week"], str(_monday(row)), _yes(row)]
                + [
                    _count(row[key])
                    for key in ("slots_posted", "bookings", "fill_rate", "time_to_fill_minutes")
                ]
                for row in weeks
            ],
            svg=charts.line(
                self._labels(weeks, lambda row: week_short(row["week"])),
                [
                    (
                        "Places filled",
                        [
                            None if row["fill_rate"] is None else 100 * row["fill_rate"]
                            for row in weeks
                        ],
                    )
                ],
                lambda value: f"{value:.0f}%",
                style=charts.BAR_STYLE,
                range=(0, 100),
                include_x_axis=True,
            ),
        )

    def rates_grid(self, name: str, market: dict[str, Any], skill: str) -> Figure | None:
        rows = self.pooled(market, skill, GRID_WEEKS)
        cells = {
            (row["weekday"], row["part_of_day"]): row
            for row in rows
            if row["place"] == TOTAL and TOTAL not in (row["weekday"], row["part_of_day"])
        }
        if not cells:
            return None
        currency = market["currency"]
        span = weeks_span(rows[0]["from_week"], rows[0]["to_week"])

        def cell(day: str, part: str) -> str:
            row = cells.get((day, part))
            if row is None:
                return "no shifts"
            if row["suppressed"]:
                return self.withheld
            return money(row["rate_median"], currency)

        def published_median(day: str, part: str) -> int | None:
            """The cell's median as published: None where it is withheld or nothing was posted."""
            row = cells.get((day, part))
            return None if row is None or row["suppressed"] else row["rate_median"]

        shown = [row for row in cells.values() if not row["suppressed"]]
        best = max(shown, key=lambda row: row["rate_median"], default=None)
        return Figure(
            name=name,
            title=f"Hourly rate paid for {skill} by weekday and part of day",
            caption=f"Median rate paid over the last {GRID_WEEKS} complete weeks ({span}), "
            "by the day and time a shift started: morning 06-12, afternoon 12-17, evening "
            f"17-22, night 22-06. A cell marked withheld describes {self.withheld}.",
            alt=f"Bar chart of the median hourly rate paid for {skill} by weekday, one bar "
            "per part of day. "
            + (
                f"The highest median, {money(best['rate_median'], currency)}, was paid on "
                f"{WEEKDAY_NAMES[best['weekday']]} {best['part_of_day']}s."
                if best
                else f"Every cell is withheld: {self.withheld}."
            ),
            columns=("Day", *(part.capitalize() for part in PARTS_OF_DAY)),
            rows=[
                [WEEKDAY_NAMES[day], *(cell(day, part) for part in PARTS_OF_DAY)]
                for day in WEEKDAYS
            ],
            csv_columns=("weekday", "part_of_day", "from_week", "to_week", "currency")
            + ("withheld", "workers", "rate_q1", "rate_median", "rate_q3"),
            csv_rows=[
                [day, part, row["from_week"], row["to_week"], currency, _yes(row)]
                + [_count(row["workers"])]
                + [amount(row[key]) for key in ("rate_q1", "rate_median", "rate_q3")]
                for day in WEEKDAYS
                for part in PARTS_OF_DAY
                if (row := cells.get((day, part)))
            ],
            svg=charts.bars(
                WEEKDAYS,
                [
                    (part.capitalize(), [published_median(day, part) for day in WEEKDAYS])
                    for part in PARTS_OF_DAY
                ],
                lambda value: money(int(value), currency),
                x_label_rotation=0,
            ),
        )

    def by_area(self, name: str, market: dict[str, Any], skill: str) -> Figure | None:
        """Bookings and rates by postcode area in the last complete week."""
        rows = [
            row
            for row in self.document["booked_work"]
            if row["market"] == market["name"]
            and row["table"] == "skill_area"
            and row["skill"] == skill
            and row["area"] != TOTAL
        ]
        if not rows:
            return None
        last = max(row["week"] for row in rows)
        rows = [row for row in rows if row["week"] == last]
        currency = market["currency"]
        labels = [place_label(row["area"], self.places) for row in rows]
        return Figure(
            name=name,
            title=f"Bookings for {skill} by area, week of {week_label(last)}",
            caption="Bookings that stood in each postcode area, with the median and middle "
            f"half of rates paid (in the table). An area marked withheld describes {self.withheld}.",
            alt=f"Bar chart of bookings for {skill} by area in the week of {week_label(last)}. "
            + " ".join(
                f"{label}: {row['bookings']} bookings, median {money(row['rate_median'], currency)}."
                if not row["suppressed"]
                else f"{label}: withheld, {self.withheld}."
                for label, row in zip(labels, rows, strict=True)
            ),
            columns=("Area", "Bookings", "Workers", "Median rate", "Middle half"),
            rows=[
                [label, self.withheld, "", "", ""]
                if row["suppressed"]
                else [
                    label,
                    str(row["bookings"]),
                    str(row["workers"]),
                    money(row["rate_median"], currency),
                    f"{money(row['rate_q1'], currency)} to {money(row['rate_q3'], currency)}",
                ]
                for label, row in zip(labels, rows, strict=True)
            ],
            csv_columns=("week", "area", "name", "currency", "withheld", "bookings", "workers")
            + ("rate_q1", "rate_median", "rate_q3"),
            csv_rows=[
                [row["week"], row["area"], self.places.get(row["area"], {}).get("name", "")]
                + [currency, _yes(row), _count(row["bookings"]), _count(row["workers"])]
                + [amount(row[key]) for key in ("rate_q1", "rate_median", "rate_q3")]
                for row in rows
            ],
            svg=charts.bars(
                self._labels(rows, lambda row: place_label(row["area"], self.places)),
                [("Bookings", [row["bookings"] for row in rows])],
                lambda value: f"{value:.0f}",
            ),
        )


def _monday(row: Row) -> date:
    return week_start(row["week"])


def _yes(row: Row) -> str:
    return "true" if row["suppressed"] else "false"


def _count(value: Any) -> str:
    return "" if value is None else str(value)
