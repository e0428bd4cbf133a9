"""Writing the published data: JSON and CSV files with their schema, and a record of each run.

The files are the whole of what operators and the public alike may see in aggregate (rule 5):
`public.json`, `booked_work.csv`, `rates_4_weeks.csv`, `pooled_rates.csv`, `places.csv` and
`schema.json`, described in docs/public-data.md. A face (the public site) may render the same
document into the same folder. Each publication also carries the head of the audit chain, so
anyone holding an old copy can later show the log was not cut short or rewritten.
"""

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from exchange import audit
from exchange.asking import pooled_rows
from exchange.places import centres
from exchange.public import FIGURES, TOTAL, booked_work_rows, rates_rows
from exchange.suppression import SMALLEST_CELL
from store.db import Database
from store.models import Concession, Market, Publication

SCHEMA = "poems-public-data"
VERSION = "1.1.0"
BOOKED_WORK_COLUMNS = (
    "market",
    "currency",
    "week",
    "table",
    "skill",
    "area",
    "weekday",
    "part_of_day",
    "suppressed",
    *FIGURES,
)
RATES_COLUMNS = (
    "market",
    "currency",
    "from_week",
    "to_week",
    "skill",
    "area",
    "suppressed",
    "workers",
    "rate_q1",
    "rate_median",
    "rate_q3",
)
POOLED_COLUMNS = (
    "market",
    "currency",
    "weeks",
    "from_week",
    "to_week",
    "skill",
    "place",
    "weekday",
    "part_of_day",
    "suppressed",
    "workers",
    "rate_q1",
    "rate_median",
    "rate_q3",
)
PLACES_COLUMNS = ("code", "kind", "name", "latitude", "longitude")
FILES = (
    "public.json",
    "booked_work.csv",
    "rates_4_weeks.csv",
    "pooled_rates.csv",
    "places.csv",
    "schema.json",
)
TABLES = ("booked_work", "rates_4_weeks", "pooled_rates")
# A face that renders a publication into its folder, e.g. website.site.write_site.
Render = Callable[[dict[str, Any], Path], None]


def build(session: Session, now: datetime) -> dict[str, Any]:
    """The whole publication as one JSON-ready document."""
    markets = session.exec(select(Market).order_by(Market.id)).all()
    booked: list[dict[str, Any]] = []
    rates: list[dict[str, Any]] = []
    pooled: list[dict[str, Any]] = []
    for market in markets:
        booked += booked_work_rows(session, market, now)
        rates += rates_rows(session, market, now)
        pooled += pooled_rows(session, market, now)
    seq, digest = audit.head(session)
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "published_at": now.astimezone(UTC).isoformat(),
        "threshold_workers": SMALLEST_CELL,
        "markets": [
            {
                "name": m.name,
                "sector": m.sector,
                "area": m.area,
                "tz": m.tz,
                "currency": m.currency,
                "ranking_rule": m.ranking_rule,
            }
            for m in markets
        ],
        "audit_head": {"seq": seq, "hash": digest},
        "places": published_places(session, booked + rates, pooled),
        "booked_work": booked,
        "rates_4_weeks": rates,
        "pooled_rates": pooled,
    }


def published_places(
    session: Session, by_area: list[dict[str, Any]], by_place: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every area and place the tables name, with a name and, where known, its centre."""
    names = area_names()
    areas = sorted({row["area"] for row in by_area} - {TOTAL})
    codes = sorted({row["place"] for row in by_place} - {TOTAL})
    known = centres(session, codes)
    listed = [
        {"code": area, "kind": "area", "name": names.get(area, area)}
        | {"latitude": None, "longitude": None}
        for area in areas
    ]
    for code in codes:
        centre = known.get(code)
        listed.append(
            {
                "code": code,
                "kind": "place",
                "name": centre.name if centre else code,
                "latitude": centre.latitude if centre else None,
                "longitude": centre.longitude if centre else None,
            }
        )
    return listed


def area_names() -> dict[str, str]:
    """UK postcode areas by their letters ('E' -> 'London E'); a ZIP prefix has none."""
    text = files("exchange").joinpath("data/postcode_areas.csv").read_text(encoding="utf-8")
    return {row["code"]: row["name"] for row in csv.DictReader(io.StringIO(text))}


def schema() -> dict[str, Any]:
    """schema.json: the columns, their meaning and the version (docs/public-data.md says more)."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "documentation": "docs/public-data.md",
        "total_marker": "*",
        "money": "integer minor units (pence, cents) of the row's currency, per hour",
        "suppression": f"a cell describing fewer than {SMALLEST_CELL} distinct workers is blank, "
        "and so are enough others that no blank can be worked out from the totals",
        "files": {
            "booked_work.csv": list(BOOKED_WORK_COLUMNS),
            "rates_4_weeks.csv": list(RATES_COLUMNS),
            "pooled_rates.csv": list(POOLED_COLUMNS),
            "places.csv": list(PLACES_COLUMNS),
            "public.json": ["schema", "version", "published_at", "threshold_workers", "markets"]
            + ["audit_head", "places", "booked_work", "rates_4_weeks", "pooled_rates"],
        },
        "columns": {
            "week": "ISO week of the shift's start, market time, e.g. 2026-W47",
            "table": "skill_area (skill x area) or skill_time (weekday x part of day, one skill)",
            "area": "postcode area (letters, e.g. E) or the first three digits of a ZIP",
            "weekday": "Mon..Sun of the shift's start, market time",
            "part_of_day": "morning 06-12, afternoon 12-17, evening 17-22, night 22-06",
            "suppressed": "true when the figures are withheld",
            "workers": "distinct workers booked",
            "buyers": "distinct buyers whose shifts were booked",
            "bookings": "bookings that stood (not dropped, not cancelled)",
            "slots_posted": "places the buyers asked for, on shifts not cancelled",
            "fill_rate": "bookings / slots_posted",
            "time_to_fill_minutes": "median minutes from posting a shift to a booking on it",
            "rate_q1": "lower quartile of the hourly rates paid, one value per booking",
            "rate_median": "median hourly rate paid",
            "rate_q3": "upper quartile of the hourly rates paid",
            "from_week": "first week the rates cover",
            "to_week": "last week the rates cover",
            "weeks": "how many complete weeks the pooled rates cover: 1, 3 or 12, ending with "
            "to_week",
            "place": "postcode district (e.g. E3) or ZIP the shift was at",
            "code": "an area or a place, as the tables name it",
            "kind": "area (postcode area or ZIP prefix) or place (postcode district or ZIP)",
            "name": "what the area or place is called (its code where no name is known)",
            "latitude": "the place's centre, degrees north; blank where not known",
            "longitude": "the place's centre, degrees east; blank where not known",
        },
    }


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write(path: Path, text: str) -> None:
    """Replace a file whole, so a reader never sees half of it."""
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write(document: dict[str, Any], out_dir: Path) -> str:
    """Write the files; returns the sha256 of public.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    body = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    _write(out_dir / "public.json", body)
    _write(out_dir / "booked_work.csv", _csv(document["booked_work"], BOOKED_WORK_COLUMNS))
    _write(out_dir / "rates_4_weeks.csv", _csv(document["rates_4_weeks"], RATES_COLUMNS))
    _write(out_dir / "pooled_rates.csv", _csv(document["pooled_rates"], POOLED_COLUMNS))
    _write(out_dir / "places.csv", _csv(document["places"], PLACES_COLUMNS))
    _write(out_dir / "schema.json", json.dumps(schema(), indent=1) + "\n")
    return hashlib.sha256(body.encode()).hexdigest()


def publish(
    db: Database, out_dir: Path, now: datetime, render: Render | None = None
) -> Publication:
    """Build, write and record one publication; `render` adds a face's files (the site)."""
    with db.read() as session:
        document = build(session, now)
    with db.write() as session:
        publication = _record(session, document, Path(out_dir), now)
    # The site is drawn after the data files, outside the write lock: it takes seconds.
    if render is not None:
        render(document, Path(out_dir))
    return publication


def publish_daily(
    db: Database, out_dir: str | Path, now: datetime, render: Render | None = None
) -> Publication | None:
    """The scheduler's job: publish once a UTC day; None when today's is already out."""
    day = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    # Built outside the write lock: a big market takes seconds, and texts must not wait on it.
    with db.read() as session:
        if _published_since(session, day):
            return None
        document = build(session, now)
    with db.write() as session:
        # The concession's row, locked, keeps two PostgreSQL processes from both publishing
        # (SQLite's writers already take turns); the one that built second finds it done.
        session.exec(select(Concession).with_for_update()).first()
        if _published_since(session, day):
            return None
        publication = _record(session, document, Path(out_dir), now)
    if render is not None:
        render(document, Path(out_dir))
    return publication


def _published_since(session: Session, day: datetime) -> bool:
    return (
        session.exec(select(Publication.id).where(col(Publication.at) >= day)).first() is not None
    )


def _record(
    session: Session, document: dict[str, Any], out_dir: Path, now: datetime
) -> Publication:
    """Write the files and the record of this publication."""
    digest = write(document, out_dir)
    weeks = sorted({row["week"] for row in document["booked_work"]})
    publication = Publication(
        at=now,
        version=VERSION,
        first_week=weeks[0] if weeks else None,
        last_week=weeks[-1] if weeks else None,
        cells=sum(len(document[table]) for table in TABLES),
        suppressed=sum(row["suppressed"] for table in TABLES for row in document[table]),
        digest=digest,
        audit_seq=document["audit_head"]["seq"],
        audit_hash=document["audit_head"]["hash"],
    )
    session.add(publication)
    return publication


def read_head(out_dir: str | Path) -> tuple[int, str]:
    """The audit head a publication carries, for `poems audit verify --published DIR`."""
    document = json.loads((Path(out_dir) / "public.json").read_text(encoding="utf-8"))
    return int(document["audit_head"]["seq"]), str(document["audit_head"]["hash"])
