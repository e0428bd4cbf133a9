"""Writing the public site into a publication's folder: a front page per market with its
headline figures, a page per skill with its charts, and the question page.

Everything comes from the publication document (`exchange.publishing.build`): the site never
computes a figure, it only picks published cells and words them (website/words.py).
"""

import csv
import io
import os
from collections.abc import Sequence
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from exchange.asking import PARTS_OF_DAY, POOLED_WEEKS
from exchange.public import WEEKDAYS
from website.charts import Figure
from website.figures import Figures
from website.words import (
    TOTAL,
    WEEKDAY_NAMES,
    minutes,
    money,
    percent,
    slug,
    week_label,
    withheld,
)

Row = dict[str, Any]
MILES = (1, 2, 3, 5, 10, 20)


def environment() -> Environment:
    return Environment(
        loader=PackageLoader("website", "templates"),
        autoescape=select_autoescape(),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def write_site(document: dict[str, Any], out_dir: Path) -> None:
    """Render every page, chart and figure file of the site into `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    site = Site(document)
    _write(out_dir / "site.css", files("website").joinpath("static/site.css").read_text())
    _write(out_dir / "index.html", site.page("index.html", root="", markets=site.markets()))
    _write(out_dir / "ask.html", site.page("ask.html", root="", form=site.form({})))
    for market in document["markets"]:
        folder = out_dir / slug(market["name"])
        folder.mkdir(parents=True, exist_ok=True)
        figures, skills = site.market_figures(market)
        _figures(folder, figures)
        _write(
            folder / "index.html",
            site.page(
                "market.html",
                root="../",
                market=market,
                headline=site.headline(market),
                figures=figures,
                skills=skills,
            ),
        )
        for skill in skills:
            figures = site.skill_figures(market, skill["skill"])
            _figures(folder, figures)
            _write(
                folder / f"{skill['slug']}.html",
                site.page("skill.html", root="../", market=market, skill=skill, figures=figures),
            )


def _figures(folder: Path, figures: Sequence[Figure]) -> None:
    for figure in figures:
        _write(folder / f"{figure.name}.svg", figure.svg)
        _write(folder / f"{figure.name}.csv", _csv(figure.csv_columns, figure.csv_rows))


def _csv(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def _write(path: Path, text: str) -> None:
    """Replace a file whole, so a reader never sees half a page."""
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class Site:
    """One publication, read for its pages."""

    def __init__(self, document: dict[str, Any]):
        self.document = document
        self.env = environment()
        self.threshold = document["threshold_workers"]
        self.withheld = withheld(self.threshold)
        self.places = {place["code"]: place for place in document["places"]}
        self.published = datetime.fromisoformat(document["published_at"])
        self.draw = Figures(self.withheld, self.places, document)

    def page(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(
            published=f"{self.published:%-d %B %Y at %H:%M} UTC",
            threshold=self.threshold,
            withheld=self.withheld,
            **context,
        )

    # What the tables hold, by market.

    def weekly(self, market: dict[str, Any], skill: str = TOTAL, area: str = TOTAL) -> list[Row]:
        return [
            row
            for row in self.document["booked_work"]
            if row["market"] == market["name"]
            and row["table"] == "skill_area"
            and (row["skill"], row["area"]) == (skill, area)
        ]

    def skills(self, market: dict[str, Any]) -> list[str]:
        return sorted(
            {
                row["skill"]
                for row in self.document["booked_work"] + self.document["pooled_rates"]
                if row["market"] == market["name"] and row["skill"] != TOTAL
            }
        )

    def markets(self) -> list[dict[str, Any]]:
        return [
            market | {"slug": slug(market["name"]), "headline": self.headline(market)}
            for market in self.document["markets"]
        ]

    def headline(self, market: dict[str, Any]) -> dict[str, Any] | None:
        """The market's last complete week, as published (None before its first)."""
        weeks = self.weekly(market)
        if not weeks:
            return None
        last = weeks[-1]
        currency = market["currency"]
        figures = (
            []
            if last["suppressed"]
            else [
                ("Workers booked", str(last["workers"])),
                ("Buyers", str(last["buyers"])),
                ("Bookings", str(last["bookings"])),
                ("Median hourly rate paid", money(last["rate_median"], currency)),
                (
                    "Middle half of rates",
                    f"{money(last['rate_q1'], currency)} to {money(last['rate_q3'], currency)}",
                ),
                ("Places filled", percent(last["fill_rate"])),
                ("Median time to fill", minutes(last["time_to_fill_minutes"]) or "none filled"),
            ]
        )
        return {"week": week_label(last["week"]), "figures": figures}

    # Figures.

    def market_figures(self, market: dict[str, Any]) -> tuple[list[Figure], list[dict[str, str]]]:
        # Skill pages use the skill's name; "all-skills" is no skill's.
        name = "all-skills"
        weeks = self.weekly(market)
        figures = [
            self.draw.rates_by_week(f"{name}-rates", market, weeks, "all skills"),
            self.draw.taking_part(f"{name}-taking-part", weeks, "all skills"),
            self.draw.filling(f"{name}-filling", weeks, "all skills"),
        ]
        skills = [{"skill": skill, "slug": slug(skill)} for skill in self.skills(market)]
        return [figure for figure in figures if figure], skills

    def skill_figures(self, market: dict[str, Any], skill: str) -> list[Figure]:
        name = slug(skill)
        weeks = self.weekly(market, skill)
        figures = [
            self.draw.rates_by_week(f"{name}-rates", market, weeks, skill),
            self.draw.rates_grid(f"{name}-grid", market, skill),
            self.draw.by_area(f"{name}-areas", market, skill),
            self.draw.filling(f"{name}-filling", weeks, skill),
            self.draw.taking_part(f"{name}-taking-part", weeks, skill),
        ]
        return [figure for figure in figures if figure]

    # The question page.

    def form(self, asked: dict[str, str]) -> dict[str, Any]:
        """What the question's form offers, with what was asked filled in."""
        markets = [
            {"name": market["name"], "skills": self.skills(market)}
            for market in self.document["markets"]
        ]
        return {
            "markets": markets,
            "skills": sorted({skill for market in markets for skill in market["skills"]}),
            "miles": MILES,
            "weekdays": [(TOTAL, "any day")] + [(day, WEEKDAY_NAMES[day]) for day in WEEKDAYS],
            "parts": [(TOTAL, "any time")] + [(part, part) for part in PARTS_OF_DAY],
            "windows": POOLED_WEEKS,
            "asked": asked,
        }
