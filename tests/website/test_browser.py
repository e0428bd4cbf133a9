"""A real browser on the published site: Debian's Chromium, driven by Playwright, at a phone's
width and a desktop's, asks the babysitter's question for two places through the form, and
finds the published figures; no request leaves the machine and no console error occurs.
Screenshots are kept in build/test-artifacts/screenshots (or $POEMS_TEST_ARTIFACTS)."""

import os
import shutil
import socket
import struct
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from starlette.applications import Starlette

from exchange.money import format_money
from poems.cli import with_public_site
from store.db import Database
from tests.website.conftest import ASKED

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
ARTIFACTS = Path(
    os.environ.get("POEMS_TEST_ARTIFACTS") or Path(__file__).parents[2] / "build" / "test-artifacts"
)

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run "
        "does) to run the browser tests",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(seeded_url, site):
    """The site as `poems serve` mounts it, on a loopback port of its own."""
    database = Database(seeded_url)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            with_public_site(Starlette(), database, site),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "the site's server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    database.dispose()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = ARTIFACTS / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def png_width(path: Path) -> int:
    """A PNG's width from its header: a full-page shot as wide as the viewport did not overflow."""
    return struct.unpack(">I", path.read_bytes()[16:20])[0]


def published(document, place: str) -> dict:
    return next(
        row
        for row in document["pooled_rates"]
        if (row["skill"], row["place"], row["weekday"], row["part_of_day"], row["weeks"])
        == (ASKED["skill"], place, ASKED["weekday"], ASKED["part"], int(ASKED["weeks"]))
    )


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_person_asks_what_babysitting_paid_near_two_places(
    browser, base_url, document, shots, width
):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    page.goto(f"{base_url}/public/")
    page.screenshot(path=shots / f"front-{width}.png", full_page=True)
    page.get_by_role("link", name="London").first.click()
    # After a click the next page may still be loading: wait for it, as a person would.
    playwright_api.expect(page.get_by_role("heading", name="London", exact=True)).to_be_visible()
    page.screenshot(path=shots / f"market-{width}.png", full_page=True)
    page.get_by_role("link", name="Childcare").first.click()
    playwright_api.expect(page.get_by_role("heading", name="Childcare in London")).to_be_visible()
    page.screenshot(path=shots / f"childcare-{width}.png", full_page=True)

    page.get_by_role("link", name="Ask about a place near you.").click()
    page.get_by_label("Skill", exact=True).select_option(ASKED["skill"])
    page.get_by_label("Your postcode or ZIP").fill(ASKED["place"])
    page.get_by_label("Within", exact=True).select_option(ASKED["miles"])
    page.get_by_label("Day", exact=True).select_option(ASKED["weekday"])
    page.get_by_label("Time of day").select_option(ASKED["part"])
    page.get_by_label("Over the last").select_option(ASKED["weeks"])
    page.get_by_label("Compare with (postcode or ZIP, optional)").fill(ASKED["compare"])
    page.get_by_role("button", name="Show what was paid").click()
    page.wait_for_load_state()
    page.screenshot(path=shots / f"answer-{width}.png", full_page=True)

    here = page.get_by_role("region", name="Childcare within 3 miles of Bow (E3)")
    there = page.get_by_role("region", name="Childcare within 3 miles of East Ham (E6)")
    assert "Tuesdays in the afternoon, over the last 12 complete weeks" in here.inner_text()
    for region, place, name in (
        (here, "E2", "Bethnal Green (E2)"),
        (there, "E13", "Plaistow (E13)"),
    ):
        row = published(document, place)
        assert not row["suppressed"]
        cells = region.get_by_role("row", name=name).get_by_role("cell").all_inner_texts()
        assert cells[1:] == [
            format_money(row["rate_median"], "GBP"),
            f"{format_money(row['rate_q1'], 'GBP')} to {format_money(row['rate_q3'], 'GBP')}",
            str(row["workers"]),
        ]
    assert "fewer than 5 workers" in here.inner_text()
    assert page.get_by_role("row", name="All of London").count() == 2

    context.close()
    assert requests and all(url.startswith(f"{base_url}/public/") for url in requests), [
        url for url in requests if not url.startswith(base_url)
    ]
    assert errors == []
    assert all(png_width(shot) == w for shot in shots.glob(f"*-{width}.png"))
