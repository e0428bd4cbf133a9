"""Matching: who may be offered a shift, in the order of the market's published rule."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, nulls_first, or_
from sqlmodel import Session, col, select

from exchange.law.checks import Problem, screen
from exchange.localtime import format_day, format_span
from exchange.money import format_money
from exchange.places import Reach
from exchange.shifts import shift_minutes
from store.models import (
    AvailabilityWindow,
    Booking,
    Market,
    Offer,
    Shift,
    Worker,
    WorkerArea,
    WorkerCredential,
    WorkerSkill,
)

# A shift still taking workers.
OPEN_STATES = ("open", "offering")

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
    minutes = shift_minutes(shift)
    busy = (
        select(Booking.id)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(
            Booking.worker_id == Worker.id,
            Booking.status == "booked",
            col(Shift.start) < shift.end,
            col(Shift.end) > shift.start,
        )
    )
    # An offer closed because the last slot filled was not the worker's choice: when a slot
    # opens again (a drop), they may be offered it once more.
    already_offered = select(Offer.id).where(
        Offer.shift_id == shift.id, Offer.worker_id == Worker.id, Offer.status != "filled"
    )
    # Every credential the shift requires must be held and not expired.
    holds_credentials = [
        exists(
            select(WorkerCredential.id).where(
                WorkerCredential.worker_id == Worker.id,
                WorkerCredential.credential == credential,
                or_(
                    col(WorkerCredential.expires_at).is_(None),
                    col(WorkerCredential.expires_at) > shift.end,
                ),
            )
        )
        for credential in shift.credentials
    ]
    # A subquery, not a join: the skill then cannot lead the plan through every worker who has
    # it; the windows that cover the shift lead instead, and they are few.
    does_the_skill = exists(
        select(WorkerSkill.skill).where(
            WorkerSkill.worker_id == Worker.id, WorkerSkill.skill == shift.skill
        )
    )
    # Read from the workers' areas index: of a city's workers, those near the shift are few.
    # A worker who gave a travel distance may reach it from outside those areas: Reach decides.
    in_the_area = or_(
        col(Worker.id).in_(
            select(WorkerArea.worker_id).where(
                col(WorkerArea.area).in_(areas_covering(shift.postcode))
            )
        ),
        col(Worker.travel_miles).is_not(None),
    )
    rows = session.exec(
        select(Worker, AvailabilityWindow)
        .join(AvailabilityWindow, col(AvailabilityWindow.worker_id) == Worker.id)
        .where(
            in_the_area,
            does_the_skill,
            Worker.status == "active",
            col(Worker.opted_out).is_(False),
            col(Worker.suspended_at).is_(None),
            Worker.currency == shift.currency,
            col(Worker.asking_rate_minor) <= shift.max_rate_minor,
            col(Worker.min_shift_minutes) <= minutes,
            col(AvailabilityWindow.start) <= shift.start,
            col(AvailabilityWindow.end) >= shift.end,
            ~exists(busy),
            ~exists(already_offered),
            *holds_credentials,
        )
        .order_by(
            nulls_first(col(Worker.last_booked_at).asc()),
            col(AvailabilityWindow.created_at).asc(),
            col(Worker.id).asc(),
        )
    ).all()
    # Within the worker's travel distance where both places are known, else their postcode area.
    reaches = Reach(session, shift.postcode, (worker for worker, _ in rows))
    fits = [
        (worker, window)
        for worker, window in rows
        if shift.start - now >= timedelta(minutes=worker.notice_minutes) and reaches(worker)
    ]
    # Rule 11: nobody is offered what the law would not let them be booked for.
    verdicts = screen(session, shift, market, [worker for worker, _ in fits])
    left_out = [(worker, problem) for worker, problem in verdicts if problem is not None]
    fits = [fit for fit, (_, problem) in zip(fits, verdicts, strict=True) if problem is None]
    candidates = [
        Candidate(
            worker,
            window,
            place,
            len(fits),
            offer_reason(shift, market, worker, window, place, len(fits)),
        )
        for place, (worker, window) in enumerate(fits, start=1)
    ]
    return Match(candidates, left_out)


def shifts_that_could_fit(session: Session, worker: Worker, now: datetime) -> list[int]:
    """Open shifts this worker could fit, found from the worker's side in one indexed query:
    their skills, inside one of their windows, within their rate, in their area, not yet offered.

    Only a first sift: exchange.matching decides, with the law's checks, when the wave is topped up.
    """
    rows = session.exec(
        select(Shift.id, Shift.postcode)
        .join(
            WorkerSkill,
            and_(WorkerSkill.worker_id == worker.id, col(WorkerSkill.skill) == Shift.skill),
        )
        .join(
            AvailabilityWindow,
            and_(
                AvailabilityWindow.worker_id == worker.id,
                col(AvailabilityWindow.start) <= Shift.start,
                col(AvailabilityWindow.end) >= Shift.end,
                # Implied by the line above; it bounds the range read of ix_shift_skill_start.
                col(Shift.start) < AvailabilityWindow.end,
            ),
        )
        .where(
            col(Shift.status).in_(OPEN_STATES),
            col(Shift.start) > now,
            Shift.currency == worker.currency,
            col(Shift.max_rate_minor) >= (worker.asking_rate_minor or 0),
            ~exists(
                select(Offer.id).where(
                    Offer.shift_id == Shift.id,
                    Offer.worker_id == worker.id,
                    Offer.status != "filled",
                )
            ),
        )
        .distinct()
        .order_by(Shift.id)
    ).all()
    by_place: dict[str, bool] = {}
    for _, postcode in rows:
        if postcode not in by_place:
            by_place[postcode] = Reach(session, postcode, [worker])(worker)
    return [shift_id for shift_id, postcode in rows if by_place[postcode]]


def areas_covering(place: str) -> list[str]:
    """Every travel area (without spaces, in capitals) that covers the place: exchange.areas'
    covers() turned around, so the workers' areas can be looked up rather than read through."""
    compact = place.replace(" ", "").upper()
    return [
        compact[:length]
        for length in range(len(compact) + 1)
        # "E" covers "E1" but not "EC1": after an area of letters a digit must follow.
        if not (compact[:length].isalpha() and compact[length : length + 1].isalpha())
    ]


def offer_reason(
    shift: Shift, market: Market, worker: Worker, window: AvailabilityWindow, place: int, of: int
) -> str:
    """Why this offer went to this worker, in words they can read (WHY by SMS sends it)."""
    booked = (
        f"last booked {format_day(worker.last_booked_at, market.tz)}"
        if worker.last_booked_at
        else "never booked"
    )
    return (
        f"You do {shift.skill}; you are free {format_span(window.start, window.end, market.tz)}; "
        f"you ask {format_money(worker.asking_rate_minor, worker.currency)}/hr and the buyer pays up to "
        f"{format_money(shift.max_rate_minor, shift.currency)}; {shift.postcode} is in your area. "
        f"Rule: {RANKING_RULES[market.ranking_rule]}. You were {place} of {of} ({booked})."
    )
