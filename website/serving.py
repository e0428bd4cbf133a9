"""Serving the published folder under /public/: the static site with caching headers, and the
one page that is not static, the answer to the question a worker asks (GET /public/ask).

The answer is read from the published files only (public.json); a place nobody published is
located through `locate` (the places table), never counted from bookings.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from exchange.asking import Asked, answer
from exchange.errors import Refused
from exchange.places import Centre, place_code
from website.site import Site
from website.words import TOTAL, WEEKDAY_NAMES, money, place_label, weeks_span

# The files change once a day; an hour's caching spares a busy day's phones and still shows
# the new publication the same morning.
STATIC_CACHE = "public, max-age=3600"
ANSWER_CACHE = "public, max-age=600"

Locate = Callable[[str], Centre | None]


class Published:
    """The newest publication in a folder, read again whenever public.json changes."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / "public.json"
        self.stamp: float | None = None
        self.site: Site | None = None

    def current(self) -> Site | None:
        try:
            stamp = self.path.stat().st_mtime
        except FileNotFoundError:
            return None
        if stamp != self.stamp:
            self.site = Site(json.loads(self.path.read_text(encoding="utf-8")))
            self.stamp = stamp
        return self.site


class CachedFiles(StaticFiles):
    """Static files (with their ETag and Last-Modified) and how long they may be kept."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_cached(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (b"cache-control", STATIC_CACHE.encode()),
                ]
            await send(message)

        await super().__call__(scope, receive, send_cached)


def public_app(folder: Path, locate: Locate) -> Starlette:
    """The site in `folder` and its question page; mount it at /public."""
    published = Published(folder)

    def ask(request: Request) -> Response:
        site = published.current()
        if site is None:
            return HTMLResponse("Nothing is published yet.", status_code=503)
        asked = {key: request.query_params.get(key, "").strip() for key in FIELDS}
        try:
            answers = _answers(site, asked, locate)
            problem = None
        except Refused as refusal:
            answers, problem = [], refusal.message
        page = site.page(
            "ask.html", root="", form=site.form(asked), answers=answers, problem=problem
        )
        return HTMLResponse(page, headers={"Cache-Control": ANSWER_CACHE})

    return Starlette(
        routes=[
            Route("/ask", ask, methods=["GET"]),
            Mount("/", CachedFiles(directory=folder, html=True, check_dir=False)),
        ]
    )


FIELDS = ("market", "skill", "place", "miles", "weekday", "part", "weeks", "compare")


def _answers(site: Site, asked: dict[str, str], locate: Locate) -> list[dict[str, Any]]:
    markets = site.document["markets"]
    market = next((m for m in markets if m["name"] == asked["market"]), markets[0])
    if asked["skill"] not in site.skills(market):
        raise Refused("bad_skill", f"Choose a skill {market['name']} publishes.")
    if not asked["place"]:
        raise Refused("bad_place", "Give a postcode or ZIP, e.g. E3 4AB.")
    miles, weeks = _whole(asked["miles"], "distance"), _whole(asked["weeks"], "weeks")
    rows = [row for row in site.document["pooled_rates"] if row["market"] == market["name"]]
    centres = {
        place["code"]: Centre(place["code"], place["name"], place["latitude"], place["longitude"])
        for place in site.document["places"]
        if place["kind"] == "place" and place["latitude"] is not None
    }
    found = []
    for text in (asked["place"], asked["compare"]):
        if not text:
            continue
        code = place_code(text)
        if code is None:
            raise Refused("bad_place", f"{text!r} is not a postcode or ZIP, e.g. E3 4AB.")
        home = centres.get(code) or locate(code)
        result = answer(
            rows,
            centres,
            asked["skill"],
            code,
            home,
            miles,
            asked["weekday"] or TOTAL,
            asked["part"] or TOTAL,
            weeks,
        )
        found.append(_worded(site, market, result, home))
    return found


def _whole(text: str, what: str) -> int:
    if not text.isdecimal():
        raise Refused("bad_number", f"Choose the {what} from the list.")
    return int(text)


def _worded(site: Site, market: dict[str, Any], asked: Asked, home: Centre | None) -> dict:
    """One answer as the page shows it: each place's figures or that they are withheld."""
    currency = market["currency"]
    name = home.name if home and home.name != asked.place else None
    where = f"{name} ({asked.place})" if name else asked.place
    day = "any day" if asked.weekday == TOTAL else f"{WEEKDAY_NAMES[asked.weekday]}s"
    part = "" if asked.part_of_day == TOTAL else f" in the {asked.part_of_day}"
    span = (
        f", {weeks_span(asked.from_week, asked.to_week)}"
        if asked.from_week and asked.to_week
        else ""
    )
    plural = "s" if asked.weeks > 1 else ""
    rows = [
        {
            "place": place_label(figure.place, site.places),
            "distance": "" if figure.miles is None else f"{figure.miles:.1f} miles",
            "withheld": figure.withheld,
            "median": money(figure.median, currency),
            "middle": f"{money(figure.q1, currency)} to {money(figure.q3, currency)}",
            "workers": figure.workers,
            "total": False,
        }
        for figure in asked.near
    ]
    if asked.market is not None:
        rows.append(
            {
                "place": f"All of {market['name']}",
                "distance": "",
                "withheld": asked.market.withheld,
                "median": money(asked.market.median, currency),
                "middle": f"{money(asked.market.q1, currency)} to "
                f"{money(asked.market.q3, currency)}",
                "workers": asked.market.workers,
                "total": True,
            }
        )
    return {
        "title": f"{asked.skill.capitalize()} within {asked.miles} miles of {where}",
        "when": f"{day}{part}, over the last {asked.weeks} complete week{plural}{span}.",
        "rows": rows,
        "none_near": not asked.near,
        "note": None
        if home
        else f"Where {asked.place} lies is not known here, so only {asked.place} itself is shown.",
    }
