"""The public site as `poems publish` writes it from a seeded market: plain pages with every
asset local, each chart with its caption, text alternative, table and CSV, withheld cells said
plainly, and no figure that the publication does not hold."""

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.applications import Starlette
from starlette.testclient import TestClient

from exchange.money import format_money
from poems.cli import main, with_public_site
from scheduler.jobs import publish_data
from tests.website.conftest import ASKED

MONEY = re.compile(r"£\d+\.\d\d")


class Page(HTMLParser):
    """What a page holds that matters here: links, sources, figures, table cells, text."""

    def __init__(self, text: str):
        super().__init__()
        self.refs: list[str] = []
        self.images: list[dict[str, str]] = []
        self.scripts = 0
        self.cells: list[str] = []
        self.figures = 0
        self.captions = 0
        self.tables = 0
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src", "action"):
            if attrs.get(key):
                self.refs.append(attrs[key])
        if tag == "img":
            self.images.append(attrs)
        self.scripts += tag == "script"
        self.figures += tag == "figure"
        self.captions += tag == "figcaption"
        self.tables += tag == "table"
        if tag == "td":
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def pages(site: Path) -> dict[Path, Page]:
    return {path: Page(path.read_text()) for path in site.rglob("*.html")}


def test_publish_writes_the_site_beside_the_data(site, document):
    market = site / "london"
    assert (site / "index.html").exists() and (site / "ask.html").exists()
    assert (market / "index.html").exists()
    skills = {row["skill"] for row in document["booked_work"]} - {"*"}
    assert {path.stem for path in market.glob("*.html")} == skills | {"index"}
    assert (site / "public.json").exists() and (site / "site.css").exists()


def test_every_page_uses_only_local_files_and_no_script(site):
    for path, page in pages(site).items():
        assert page.scripts == 0, path
        for ref in page.refs:
            if ref == "data:,":
                continue  # no icon, so the browser asks for none
            assert not re.match(r"^[a-z]+:|^//", ref), (path, ref)
            target = (path.parent / ref.split("#")[0]).resolve()
            assert ref == "ask" or target.exists(), (path, ref)
    for svg in site.rglob("*.svg"):
        text = svg.read_text()
        assert "<script" not in text
        assert not re.search(r'(href|src)="(?!#)', text), svg
        assert "url(http" not in text and "@import" not in text


def test_every_chart_has_a_caption_a_text_alternative_a_table_and_its_csv(site):
    for path, page in pages(site).items():
        assert page.figures == page.captions == len(page.images), path
        assert page.tables >= page.figures
        for image in page.images:
            assert len(image["alt"]) > 40, (path, image)
            stem = image["src"].removesuffix(".svg")
            assert (path.parent / f"{stem}.csv").exists()
            assert f"{stem}.csv" in page.refs


def test_a_withheld_cell_says_fewer_than_5_workers_and_never_zero(site, document):
    assert any(row["suppressed"] for row in document["booked_work"])
    said = 0
    for page in pages(site).values():
        said += page.cells.count("fewer than 5 workers")
        assert "0" not in page.cells
    assert said > 0
    with (site / "london" / "care-rates.csv").open() as f:
        rows = list(csv.DictReader(f))
    hidden = [row for row in rows if row["withheld"] == "true"]
    assert all(row["rate_median"] == row["workers"] == "" for row in hidden)


def published_words(document) -> set[str]:
    """Every figure the publication holds, as the site words it."""
    words: set[str] = set()
    for table in ("booked_work", "rates_4_weeks", "pooled_rates"):
        for row in document[table]:
            for key in ("rate_q1", "rate_median", "rate_q3"):
                if row.get(key) is not None:
                    words.add(format_money(row[key], row["currency"]))
            for key in ("workers", "buyers", "bookings", "slots_posted"):
                if row.get(key) is not None:
                    words.add(str(row[key]))
            if row.get("fill_rate") is not None:
                words.add(f"{100 * row['fill_rate']:.0f}%")
            if row.get("time_to_fill_minutes") is not None:
                hours, rest = divmod(row["time_to_fill_minutes"], 60)
                words.add(f"{hours} h {rest:02d} min" if hours else f"{rest} min")
    return words


def shown_figures(page: Page) -> set[str]:
    found = set(MONEY.findall(" ".join(page.text)))
    for cell in page.cells:
        if re.fullmatch(r"\d+|\d+%|(\d+ h )?\d+ min", cell):
            found.add(cell)
    return found


def test_no_page_shows_a_figure_absent_from_the_publication(site, document, served):
    published = published_words(document)
    shown = set()
    for page in pages(site).values():
        shown |= shown_figures(page)
    answer = Page(served.get("/public/ask", params=ASKED).text)
    assert MONEY.search(" ".join(answer.text)), "the question should be answered with figures"
    shown |= shown_figures(answer)
    assert shown and shown <= published, shown - published


def test_the_site_is_served_under_public_with_caching_headers(served):
    page = served.get("/public/london/index.html")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "public, max-age=3600"
    again = served.get("/public/london/index.html", headers={"if-none-match": page.headers["etag"]})
    assert again.status_code == 304
    answer = served.get("/public/ask", params=ASKED)
    assert answer.status_code == 200 and answer.headers["cache-control"] == "public, max-age=600"
    assert served.get("/public/").status_code == 200


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"place": "nowhere"}, "is not a postcode or ZIP"),
        ({"place": ""}, "Give a postcode or ZIP"),
        ({"miles": "far"}, "Choose the distance from the list"),
        ({"weeks": "7"}, "Rates cover the last 1, 3 or 12 complete weeks"),
        ({"weekday": "Funday"}, "is not a day of the week"),
        ({"part": "teatime"}, "A part of day is morning, afternoon, evening or night"),
        ({"skill": "juggling"}, "Choose a skill London publishes"),
    ],
)
def test_a_question_asked_wrong_gets_the_form_back_with_the_reason(served, change, says):
    answer = served.get("/public/ask", params=ASKED | change)
    assert answer.status_code == 200
    assert says in " ".join(Page(answer.text).text)


def test_the_question_page_says_so_when_nothing_is_published(tmp_path):
    app = with_public_site(Starlette(), None, tmp_path / "empty")
    client = TestClient(app)
    assert client.get("/public/ask", params=ASKED).status_code == 503


def test_the_daily_publication_writes_the_site_too(db, now, tmp_path):
    assert publish_data(db, tmp_path, now) == 1
    document = json.loads((tmp_path / "public.json").read_text())
    assert (tmp_path / "index.html").exists() and (tmp_path / "ask.html").exists()
    assert document["markets"][0]["name"] in (tmp_path / "index.html").read_text()


def test_publish_says_what_it_wrote(seeded_url, tmp_path):
    result = CliRunner().invoke(
        main, ["publish", "--out", str(tmp_path), "--db", seeded_url, "--at", "2026-11-26T10:00"]
    )
    assert result.exit_code == 0, result.output
    assert "withheld" in result.output and (tmp_path / "london" / "index.html").exists()
