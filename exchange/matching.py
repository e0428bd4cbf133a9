"""Matching: who may be offered a shift, in the order of the market's published rule."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from exchange.eligibility import (
    across_shifts,
    covering_window,
    lawful,
    rows_that_fit,
    skill_held,
)
from exchange.law.checks import Problem
from exchange.offer_reasons import offer_reason
from exchange.places import Reach
from store.models import AvailabilityWindow, Market, Shift, Worker
from store.statuses import SHIFT_OPEN

RANKING_RULES = {
    "rotation": "least recently booked first, then whoever said they were free first",
}


@dataclass(frozen=True)
class Candidate:
    worker: Worker
    window: AvailabilityWindow
    place: int
    of: int
    reason: str


@dataclass(frozen=True)
class Match:
    """Who may be offered a shift, ranked, and who the law keeps away from it (with the rule)."""

    candidates: list[Candidate]
    left_out: list[tuple[Worker, Problem]]


def eligible_workers(
    session: Session, shift: Shift, market: Market, now: datetime
) -> list[Candidate]:
    """Every eligible worker not yet offered this shift, ranked by the market's rule."""
    return match(session, shift, market, now).candidates


def match(session: Session, shift: Shift, market: Market, now: datetime) -> Match:
    """Eligible workers ranked, and those who fit but whom booking would put outside the law."""
    rows = rows_that_fit(session, shift, now)
    # Within the worker's travel distance where both places are known, else their postcode area.
    reaches = Reach(session, shift.postcode, (worker for worker, _ in rows))
    fits = [(worker, window) for worker, window in rows if reaches(worker)]
    # Rule 11: nobody is offered what the law would not let them be booked for.
    allowed, left_out = lawful(session, shift, market, [worker for worker, _ in fits])
    lawful_ids = {worker.id for worker in allowed}
    fits = [(worker, window) for worker, window in fits if worker.id in lawful_ids]
    candidates = [
        Candidate(
            worker,
            window,
            place,
            len(fits),
            offer_reason(
                place,
                len(fits),
                worker.asking_rate_minor or 0,
                (window.start, window.end),
                worker.last_booked_at,
            ),
        )
        for place, (worker, window) in enumerate(fits, start=1)
    ]
    return Match(candidates, left_out)


def shifts_that_could_fit(session: Session, worker: Worker, now: datetime) -> list[int]:
    """Open shifts this worker could fit, found from the worker's side in one indexed query:
    eligibility's own requirements, those it can ask across shifts, then their area.

    Only a first sift: exchange.matching decides, with the law's checks, when the wave is topped up.
    """
    rows = session.exec(
        select(Shift.id, Shift.postcode)
        .where(
            Worker.id == worker.id,
            # Skill and window are joined, not asked apart: the worker's skills lead the read of
            # ix_shift_skill_start, their windows bound its range.
            *skill_held(Shift),
            *covering_window(Shift),
            # Implied by the window covering the shift; it bounds the range read of the index.
            col(Shift.start) < AvailabilityWindow.end,
            col(Shift.status).in_(SHIFT_OPEN),
            col(Shift.start) > now,
            *across_shifts(("not_active", "currency", "rate", "offered"), now),
        )
        .distinct()
        .order_by(Shift.id)
    ).all()
    by_place: dict[str, bool] = {}
    for _, postcode in rows:
        if postcode not in by_place:
            by_place[postcode] = Reach(session, postcode, [worker])(worker)
    return [shift_id for shift_id, postcode in rows if by_place[postcode]]
