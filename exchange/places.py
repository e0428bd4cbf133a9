"""Places with centres: UK postcode districts and US ZIPs, so "near" and "within 5 miles" are
distances between centres rather than shared letters.

UK districts come from the ONS Postcode Directory an operator imports (`poems places import
FILE`); US ZIP centroids come from the `zipcodes` package, which ships them
(`poems places import --us-zips`). A place nobody imported is unknown, and whatever asks about
it falls back to the postcode area.
"""

import csv
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from statistics import fmean

from sqlmodel import Session, col, select

from exchange.areas import covers, normalise_place
from exchange.errors import Refused
from store.models import Place, Worker

EARTH_RADIUS_MILES = 3958.8
MAX_TRAVEL_MILES = 100
# The ONS Postcode Directory marks a postcode with no grid reference by this latitude.
NO_GRID_LATITUDE = "99.999999"


@dataclass(frozen=True)
class Centre:
    """A place as distance needs it; the same shape whether it came from the table or a file."""

    code: str
    name: str
    latitude: float
    longitude: float


def place_code(code: str) -> str | None:
    """The place a postcode or ZIP lies in: 'E3 4AB' and 'e3' -> 'E3', '97201-1234' -> '97201'."""
    place = normalise_place(code)
    if place is None:
        return None
    return place.split(" ")[0]


def miles_between(a: Centre, b: Centre) -> float:
    """Great-circle distance between two centres (haversine), in miles."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def near(centre: Centre, candidates: Iterable[Centre], miles: float) -> list[tuple[Centre, float]]:
    """The candidates whose centre lies within `miles` of `centre`, nearest first."""
    found = [(place, miles_between(centre, place)) for place in candidates]
    return sorted(
        ((place, distance) for place, distance in found if distance <= miles),
        key=lambda item: (item[1], item[0].code),
    )


def _centre(place: Place) -> Centre:
    return Centre(place.code, place.name, place.latitude, place.longitude)


def locate(session: Session, code: str) -> Centre | None:
    """The centre of the place a postcode or ZIP lies in; None when it is not known."""
    found = place_code(code)
    place = session.get(Place, found) if found else None
    return _centre(place) if place else None


def centres(session: Session, codes: Iterable[str]) -> dict[str, Centre]:
    """The known centres among place codes, by code."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = session.exec(select(Place).where(col(Place.code).in_(wanted))).all()
    return {row.code: _centre(row) for row in rows}


def check_travel_miles(miles: int) -> int:
    """A travel distance a worker may set: 1 to MAX_TRAVEL_MILES whole miles."""
    if not 1 <= miles <= MAX_TRAVEL_MILES:
        raise Refused(
            "bad_travel",
            f"A travel distance is 1 to {MAX_TRAVEL_MILES} miles, e.g. TRAVEL 5 MILES",
        )
    return miles


class Reach:
    """Who can get to one place: within the worker's distance where both places are known, else
    the worker's postcode areas. Built once per shift, so a wave costs one look-up per worker."""

    def __init__(self, session: Session, postcode: str, workers: Iterable[Worker]):
        self.postcode = postcode
        self.centre = locate(session, postcode)
        homes = {
            worker.id: place_code(worker.postcode or worker.zip or "")
            for worker in workers
            if worker.travel_miles
        }
        known = centres(session, (code for code in homes.values() if code)) if self.centre else {}
        self.homes = {worker_id: known.get(code) for worker_id, code in homes.items() if code}

    def __call__(self, worker: Worker) -> bool:
        home = self.homes.get(worker.id)
        if worker.travel_miles and self.centre is not None and home is not None:
            return miles_between(home, self.centre) <= worker.travel_miles
        return covers(worker.travel_areas, self.postcode)


# Importing: our own CSV (code,name,latitude,longitude), the ONS Postcode Directory, the ZIPs.


class BadPlaces(ValueError):
    """A file of places that cannot be read; nothing from it is stored."""


def read_places(lines: Iterable[str]) -> list[Centre]:
    """Places from a CSV: either code,name,latitude,longitude, or the ONS Postcode Directory
    (pcds, lat, long, doterm), whose live postcodes are averaged into district centres."""
    reader = csv.DictReader(lines)
    columns = {name.strip().lower() for name in reader.fieldnames or ()}
    if {"code", "name", "latitude", "longitude"} <= columns:
        return list(_own_rows(reader))
    if {"lat", "long"} <= columns and columns & {"pcds", "pcd"}:
        return _districts(reader)
    raise BadPlaces(
        "expected the columns code,name,latitude,longitude, or an ONS Postcode Directory "
        "file (pcds, lat, long)"
    )


def _own_rows(reader: csv.DictReader) -> Iterator[Centre]:
    for row in reader:
        row = {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
        line = reader.line_num
        code = place_code(row["code"])
        if code is None:
            raise BadPlaces(f"line {line}: {row['code']!r} is not a postcode district or ZIP")
        if not row["name"]:
            raise BadPlaces(f"line {line}: {code} has no name")
        yield Centre(code, row["name"], *_coordinates(row["latitude"], row["longitude"], line))


def _coordinates(latitude: str, longitude: str, line: int) -> tuple[float, float]:
    try:
        lat, lon = float(latitude), float(longitude)
    except ValueError:
        raise BadPlaces(
            f"line {line}: {latitude!r}, {longitude!r} is not a latitude and longitude"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
        raise BadPlaces(f"line {line}: {lat}, {lon} is not a place on Earth")
    return round(lat, 5), round(lon, 5)


def _districts(reader: csv.DictReader) -> list[Centre]:
    """District centres as the mean position of their live postcodes with a grid reference."""
    points: dict[str, list[tuple[float, float]]] = {}
    for row in reader:
        row = {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
        if row.get("doterm"):
            continue  # terminated: no longer delivered to
        line = reader.line_num
        code = place_code(row.get("pcds") or row.get("pcd") or "")
        if code is None:
            raise BadPlaces(f"line {line}: {row.get('pcds') or row.get('pcd')!r} is not a postcode")
        if row["lat"] in ("", NO_GRID_LATITUDE):
            continue
        lat, lon = _coordinates(row["lat"], row["long"], line)
        points.setdefault(code, []).append((lat, lon))
    return [
        Centre(
            code,
            code,
            round(fmean(lat for lat, _ in spots), 5),
            round(fmean(lon for _, lon in spots), 5),
        )
        for code, spots in sorted(points.items())
    ]


def us_zip_places() -> list[Centre]:
    """Every active US ZIP's centroid as the `zipcodes` package ships it, named by its town."""
    import zipcodes

    return [
        Centre(
            row["zip_code"],
            f"{row['city']}, {row['state']}",
            round(float(row["lat"]), 5),
            round(float(row["long"]), 5),
        )
        for row in zipcodes.list_all()
        if row.get("active") and row.get("lat") and row.get("long")
    ]


@dataclass(frozen=True)
class Imported:
    added: int
    updated: int


def import_places(session: Session, places: Iterable[Centre]) -> Imported:
    """Add or update places by code; a name an operator gave is kept over a code-only one."""
    incoming: Mapping[str, Centre] = {place.code: place for place in places}
    existing = {
        row.code: row
        for chunk in _chunks(sorted(incoming), 500)
        for row in session.exec(select(Place).where(col(Place.code).in_(chunk))).all()
    }
    added = updated = 0
    for code, place in incoming.items():
        row = existing.get(code)
        if row is None:
            session.add(Place(**place.__dict__))
            added += 1
            continue
        if place.name != code or row.name == code:
            row.name = place.name
        row.latitude, row.longitude = place.latitude, place.longitude
        session.add(row)
        updated += 1
    return Imported(added, updated)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
