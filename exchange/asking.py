"""The question a worker asks: what was paid for a skill near a place, on a weekday and part of
day, over the last 1, 3 or 12 complete weeks, and how that compares with somewhere else.

It is answered only from published figures: the pooled rates tables, skill x place x weekday x
part of day with every margin, one per window. "Near" is the published places whose centre
lies within the distance (exchange/places.py). See docs/public-data.md.
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from exchange.errors import Refused
from exchange.places import Centre, centres, locate, near, place_code
from exchange.public import (
    TOTAL,
    WEEKDAYS,
    Acc,
    Booked,
    Slotted,
    booked_work,
    cell_row,
    complete_weeks,
    iso_week,
)
from exchange.suppression import may_show
from store.models import Market

POOLED_WEEKS = (1, 3, 12)
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")


def pooled_rows(
    session: Session,
    market: Market,
    now: datetime,
    skills: Collection[str] | None = None,
    windows: Collection[int] = POOLED_WEEKS,
) -> list[dict[str, Any]]:
    """Hourly rates paid, skill x place x weekday x part of day with every margin, pooled over
    the last 1, 3 and 12 complete weeks; a cell rule 5 does not let show (`may_show`) is withheld.

    The windows nest and roll on each week, so a count in them could be subtracted from the
    same count a window or a week later: they carry no count that adds up, only distinct
    workers and rate quartiles. Each cell's suppression then depends on that cell alone, so the
    rows for some skills are the same rows the full publication holds.
    """
    longest = max(windows)
    start, end = complete_weeks(now, market.tz, longest)
    slotted, booked = booked_work(session, market, start, end, skills)
    rows: list[dict[str, Any]] = []
    for weeks in sorted(windows):
        first = end - timedelta(weeks=weeks)
        since = iso_week(first)
        base = {
            "market": market.name,
            "currency": market.currency,
            "weeks": weeks,
            "from_week": since,
            "to_week": iso_week(end - timedelta(days=1)),
        }
        cells = _pooled_cells(
            [s for s in slotted if s.week >= since], [b for b in booked if b.shift.week >= since]
        )
        rows += [
            cell_row(
                base | dict(zip(("skill", "place", "weekday", "part_of_day"), key, strict=True)),
                acc,
                not may_show(len(acc.workers)),
                counts=False,
            )
            for key, acc in sorted(cells.items(), key=lambda item: _pooled_order(item[0]))
        ]
    return rows


PooledKey = tuple[str, str, str, str]


def _pooled_keys(shift: Slotted) -> list[PooledKey]:
    return [
        (shift.skill, place, weekday, part)
        for place in (shift.place, TOTAL)
        for weekday in (shift.weekday, TOTAL)
        for part in (shift.part_of_day, TOTAL)
    ]


def _pooled_cells(slotted: list[Slotted], booked: list[Booked]) -> dict[PooledKey, Acc]:
    cells: dict[PooledKey, Acc] = {}
    for shift in slotted:
        for key in _pooled_keys(shift):
            cells.setdefault(key, Acc()).slots += shift.slots
    for item in booked:
        for key in _pooled_keys(item.shift):
            cells[key].workers.add(item.worker_id)
            cells[key].rates.append(item.rate)
    return cells


def _pooled_order(key: PooledKey) -> tuple:
    skill, place, weekday, part = key
    return (
        skill,
        place != TOTAL,
        place,
        WEEKDAYS.index(weekday) if weekday != TOTAL else -1,
        PARTS_OF_DAY.index(part) if part != TOTAL else -1,
    )


@dataclass(frozen=True)
class PlaceRates:
    """One published cell of the pooled rates: a place (or TOTAL, the whole market)."""

    place: str
    miles: float | None
    # None when withheld: the cell describes too few workers to show (`may_show`).
    workers: int | None
    q1: int | None
    median: int | None
    q3: int | None

    @property
    def withheld(self) -> bool:
        return self.workers is None


@dataclass(frozen=True)
class Asked:
    """What was paid for a skill near a place at a time of the week, from published figures."""

    skill: str
    place: str
    miles: int
    weekday: str
    part_of_day: str
    weeks: int
    from_week: str | None
    to_week: str | None
    currency: str
    # Every published place whose centre lies within `miles`, nearest first.
    near: list[PlaceRates]
    # The same skill and time across the whole market; None when nothing was posted.
    market: PlaceRates | None


def check_question(weekday: str, part: str, weeks: int) -> tuple[str, str, int]:
    """A weekday Mon..Sun or *, a part of day or *, and a window of 1, 3 or 12 weeks."""
    day = weekday.strip().title()[:3] if weekday.strip() != TOTAL else TOTAL
    if day not in (*WEEKDAYS, TOTAL):
        raise Refused("bad_weekday", f"{weekday!r} is not a day of the week, e.g. Tue")
    part = part.strip().lower()
    if part not in (*PARTS_OF_DAY, TOTAL):
        raise Refused("bad_part_of_day", "A part of day is morning, afternoon, evening or night")
    if weeks not in POOLED_WEEKS:
        raise Refused("bad_weeks", "Rates cover the last 1, 3 or 12 complete weeks")
    return day, part, weeks


def answer(
    rows: Iterable[dict[str, Any]],
    published_places: Mapping[str, Centre],
    skill: str,
    place: str,
    home: Centre | None,
    miles: int,
    weekday: str,
    part: str,
    weeks: int,
) -> Asked:
    """Answer the question from one market's published pooled rows only: every published
    place within `miles` of `home` (or, where the place has no known centre, that place
    alone), with its figures or withheld, and the market's own figure beside them."""
    weekday, part, weeks = check_question(weekday, part, weeks)
    cells = {
        row["place"]: row
        for row in rows
        if row["skill"] == skill
        and row["weeks"] == weeks
        and row["weekday"] == weekday
        and row["part_of_day"] == part
    }
    if home is not None:
        candidates = [published_places[code] for code in cells if code in published_places]
        found = [(centre.code, distance) for centre, distance in near(home, candidates, miles)]
    else:
        found = [(place, None)] if place in cells else []
    any_row = next(iter(cells.values()), None)
    return Asked(
        skill=skill,
        place=place,
        miles=miles,
        weekday=weekday,
        part_of_day=part,
        weeks=weeks,
        from_week=any_row["from_week"] if any_row else None,
        to_week=any_row["to_week"] if any_row else None,
        currency=any_row["currency"] if any_row else "",
        near=[_place_rates(cells[code], distance) for code, distance in found],
        market=_place_rates(cells[TOTAL], None) if TOTAL in cells else None,
    )


def _place_rates(row: dict[str, Any], miles: float | None) -> PlaceRates:
    shown = not row["suppressed"]
    return PlaceRates(
        place=row["place"],
        miles=None if miles is None else round(miles, 1),
        workers=row["workers"] if shown else None,
        q1=row["rate_q1"] if shown else None,
        median=row["rate_median"] if shown else None,
        q3=row["rate_q3"] if shown else None,
    )


def rates_asked(
    session: Session,
    market: Market,
    skill: str,
    place: str,
    miles: int,
    weekday: str,
    part: str,
    weeks: int,
    now: datetime,
) -> Asked:
    """RATES with a place and a time ("RATES childcare E3 tue evening"): the published pooled
    figures near `place`, the same rows `poems publish` writes for this skill. Refused when
    the weekday, part of day or window is not one the tables hold, or the place is no
    postcode or ZIP."""
    code = place_code(place)
    if code is None:
        raise Refused("bad_place", f"{place!r} is not a postcode or ZIP", place=place)
    skill = skill.strip().lower()
    check_question(weekday, part, weeks)
    rows = pooled_rows(session, market, now, skills=[skill], windows=[weeks])
    published = centres(session, {row["place"] for row in rows} - {TOTAL})
    home = published.get(code) or locate(session, code)
    return answer(rows, published, skill, code, home, miles, weekday, part, weeks)
