"""Who may be offered a shift, each requirement stated once with its reason code.

A requirement the database can decide is a SQL clause over Worker: match() puts them all in one
query, and WHY asks the same clauses for one worker, in the same order, to name the first one
missed. Where the database cannot decide (how far the worker travels, the law), the same Python
check runs after the query for both. So WHY never gives a reason matching did not use.

Beside each clause stands the same rule in memory (`check`), over a worker's facts and one of
their windows, for whoever plays the market without a database (the seeder); a property test
holds that the two forms agree. The clauses that read nothing of the shift in Python also serve
the search from a worker's side (`across_shifts`): the shifts a newly free worker could fit.
"""

from collections.abc import Callable, Collection, Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import and_, case, exists, nulls_first, or_, true, union_all
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from exchange.areas import covers
from exchange.law.checks import Problem, screen
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
from store.statuses import BookingStatus, OfferStatus, WorkerStatus


class WorkerFacts(Protocol):
    """A worker as the in-memory checks read them: Worker's own columns by their names, and
    what other rows hold about them, gathered by whoever builds the facts."""

    id: int
    status: str
    # When they texted STOP (None: they have not); the database keeps only that they did.
    opted_out_at: datetime | None
    suspended_at: datetime | None
    currency: str
    asking_rate_minor: int | None
    travel_areas: Sequence[str]
    travel_miles: int | None
    min_shift_minutes: int
    notice_minutes: int
    skills: Collection[str]
    # Each credential held, with when it expires (None: never).
    credentials: Iterable[tuple[str, datetime | None]]
    # The start and end (first and second items) of each shift they are booked on and not gone.
    booked: Iterable[tuple[datetime, datetime, Any]]


class ShiftFacts(Protocol):
    """A shift as the in-memory checks read it: Shift's own columns by their names, and the
    workers holding an offer of it that its filling did not close."""

    skill: str
    currency: str
    max_rate_minor: int
    postcode: str
    start: datetime
    end: datetime
    credentials: Sequence[str]
    offered: Container[int]


class Window(Protocol):
    """One time a worker said they are free."""

    start: datetime
    end: datetime


Check = Callable[[WorkerFacts, Window], bool]


@dataclass(frozen=True)
class Requirement:
    """One thing a worker must be for a shift: `code` names it in WHY's words; `clause` states
    it in SQL over Worker, `check` the same in memory over one worker and one of their windows
    (a window is asked only by the one requirement about being free)."""

    code: str
    clause: Callable[[Shift, datetime], ColumnElement[bool]]
    check: Callable[[ShiftFacts, datetime], Check]


def covering_window(shift: Shift) -> list[ColumnElement[bool]]:
    """A window of the worker's that covers all of the shift (joined by match() for its order)."""
    return [
        col(AvailabilityWindow.worker_id) == Worker.id,
        col(AvailabilityWindow.start) <= shift.start,
        col(AvailabilityWindow.end) >= shift.end,
    ]


def skill_held(shift: Shift) -> list[ColumnElement[bool]]:
    """A skill of the worker's that is the shift's (joined from the worker's side to lead the
    shifts' skill index)."""
    return [WorkerSkill.worker_id == Worker.id, WorkerSkill.skill == shift.skill]


def _active(shift: Shift, now: datetime) -> ColumnElement[bool]:
    return and_(
        Worker.status == WorkerStatus.ACTIVE,
        col(Worker.opted_out).is_(False),
        col(Worker.suspended_at).is_(None),
    )


def _active_check(shift: ShiftFacts, now: datetime) -> Check:
    def met(worker: WorkerFacts, window: Window) -> bool:
        stopped = worker.opted_out_at
        return (
            worker.status == WorkerStatus.ACTIVE
            and (stopped is None or stopped > now)
            and worker.suspended_at is None
        )

    return met


def _does_the_skill(shift: Shift, now: datetime) -> ColumnElement[bool]:
    # A subquery, not a join: the skill then cannot lead the plan through every worker who has
    # it; the windows that cover the shift lead instead, and they are few.
    return exists(select(WorkerSkill.skill).where(*skill_held(shift)))


def _does_the_skill_check(shift: ShiftFacts, now: datetime) -> Check:
    skill = shift.skill
    return lambda worker, window: skill in worker.skills


def _currency(shift: Shift, now: datetime) -> ColumnElement[bool]:
    return Worker.currency == shift.currency


def _currency_check(shift: ShiftFacts, now: datetime) -> Check:
    currency = shift.currency
    return lambda worker, window: worker.currency == currency


def _within_top_rate(shift: Shift, now: datetime) -> ColumnElement[bool]:
    return col(Worker.asking_rate_minor) <= shift.max_rate_minor


def _within_top_rate_check(shift: ShiftFacts, now: datetime) -> Check:
    top = shift.max_rate_minor

    def met(worker: WorkerFacts, window: Window) -> bool:
        rate = worker.asking_rate_minor
        return rate is not None and rate <= top

    return met


def _in_the_area(shift: Shift, now: datetime) -> ColumnElement[bool]:
    # Read from the workers' areas index: of a city's workers, those near the shift are few.
    # A worker who gave a travel distance may reach it from outside those areas: Reach decides.
    # One list of ids from two indexes; an OR of the two would read every worker instead.
    traveller = aliased(Worker)
    return col(Worker.id).in_(
        union_all(
            select(WorkerArea.worker_id).where(
                col(WorkerArea.area).in_(areas_covering(shift.postcode))
            ),
            select(traveller.id).where(col(traveller.travel_miles).is_not(None)),
        )
    )


def _in_the_area_check(shift: ShiftFacts, now: datetime) -> Check:
    place = shift.postcode
    return lambda worker, window: (
        worker.travel_miles is not None or covers(worker.travel_areas, place)
    )


def _long_enough(shift: Shift, now: datetime) -> ColumnElement[bool]:
    return col(Worker.min_shift_minutes) <= shift_minutes(shift)


def _long_enough_check(shift: ShiftFacts, now: datetime) -> Check:
    length = shift_minutes(shift)
    return lambda worker, window: worker.min_shift_minutes <= length


def _enough_notice(shift: Shift, now: datetime) -> ColumnElement[bool]:
    # Whole minutes: "at least n minutes' notice" holds exactly when n <= the minutes left.
    return col(Worker.notice_minutes) <= int((shift.start - now).total_seconds() // 60)


def _enough_notice_check(shift: ShiftFacts, now: datetime) -> Check:
    left = int((shift.start - now).total_seconds() // 60)
    return lambda worker, window: worker.notice_minutes <= left


def _free(shift: Shift, now: datetime) -> ColumnElement[bool]:
    return exists(select(AvailabilityWindow.id).where(*covering_window(shift)))


def _free_check(shift: ShiftFacts, now: datetime) -> Check:
    start, end = shift.start, shift.end
    return lambda worker, window: window.start <= start and window.end >= end


def _holds_credentials(shift: Shift, now: datetime) -> ColumnElement[bool]:
    # Every credential the shift requires must be held and not expired by its end.
    return and_(true(), *(_holds(credential, shift) for credential in shift.credentials))


def _holds(credential: str, shift: Shift) -> ColumnElement[bool]:
    return exists(
        select(WorkerCredential.id).where(
            WorkerCredential.worker_id == Worker.id,
            WorkerCredential.credential == credential,
            or_(
                col(WorkerCredential.expires_at).is_(None),
                col(WorkerCredential.expires_at) > shift.end,
            ),
        )
    )


def _holds_credentials_check(shift: ShiftFacts, now: datetime) -> Check:
    needed, end = tuple(shift.credentials), shift.end

    def met(worker: WorkerFacts, window: Window) -> bool:
        current = {name for name, expires in worker.credentials if expires is None or expires > end}
        return all(credential in current for credential in needed)

    return met


def _not_booked_then(shift: Shift, now: datetime) -> ColumnElement[bool]:
    return ~exists(
        select(Booking.id)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(
            Booking.worker_id == Worker.id,
            Booking.status == BookingStatus.BOOKED,
            col(Shift.start) < shift.end,
            col(Shift.end) > shift.start,
        )
    )


def _not_booked_then_check(shift: ShiftFacts, now: datetime) -> Check:
    start, end = shift.start, shift.end
    return lambda worker, window: (
        not any(booked[0] < end and booked[1] > start for booked in worker.booked)
    )


def _not_yet_offered(shift: Shift, now: datetime) -> ColumnElement[bool]:
    # An offer closed because the last slot filled was not the worker's choice: when a slot
    # opens again (a drop), they may be offered it once more.
    return ~exists(
        select(Offer.id).where(
            Offer.shift_id == shift.id,
            Offer.worker_id == Worker.id,
            Offer.status != OfferStatus.FILLED,
        )
    )


def _not_yet_offered_check(shift: ShiftFacts, now: datetime) -> Check:
    offered = shift.offered
    return lambda worker, window: worker.id not in offered


# In the order WHY names them: what the worker is, then what they said, then what they hold.
REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("not_active", _active, _active_check),
    Requirement("skill", _does_the_skill, _does_the_skill_check),
    Requirement("currency", _currency, _currency_check),
    Requirement("rate", _within_top_rate, _within_top_rate_check),
    Requirement("area", _in_the_area, _in_the_area_check),
    Requirement("shortest", _long_enough, _long_enough_check),
    Requirement("notice", _enough_notice, _enough_notice_check),
    Requirement("not_free", _free, _free_check),
    Requirement("credential", _holds_credentials, _holds_credentials_check),
    Requirement("booked", _not_booked_then, _not_booked_then_check),
    Requirement("offered", _not_yet_offered, _not_yet_offered_check),
)
# match() joins the covering window (its order ranks the workers) rather than asking it apart.
JOINED = "not_free"
BY_CODE: dict[str, Requirement] = {need.code: need for need in REQUIREMENTS}
# Those whose clauses read nothing of the shift in Python: given the Shift table in place of one
# shift, each is SQL over Worker and Shift both, and a query may read shifts from a worker's side.
ACROSS_SHIFTS = ("not_active", "skill", "currency", "rate", "not_free", "offered")


def across_shifts(codes: Iterable[str], now: datetime) -> list[ColumnElement[bool]]:
    """The named requirements as SQL over Worker and Shift both (each its own clause, given the
    Shift table), for a query that finds the shifts a worker could fit."""
    codes = list(codes)
    if not set(codes) <= set(ACROSS_SHIFTS):
        raise ValueError(f"only {', '.join(ACROSS_SHIFTS)} can be asked across shifts")
    return [BY_CODE[code].clause(Shift, now) for code in codes]


def checks(codes: Iterable[str], shift: ShiftFacts, now: datetime) -> Check:
    """The named requirements' in-memory checks for this shift now, as one: met when every one
    is, asked in the order given (put first those that turn most away)."""
    asked = tuple(BY_CODE[code].check(shift, now) for code in codes)

    def met(worker: WorkerFacts, window: Window) -> bool:
        # A loop, not all() over a generator: half the cost, in the seeder's busiest line.
        for check in asked:  # noqa: SIM110
            if not check(worker, window):
                return False
        return True

    return met


@dataclass(frozen=True)
class Unmet:
    """The first requirement a worker misses for a shift, with what WHY needs to say it."""

    code: str
    details: dict[str, Any]

    @property
    def said(self) -> dict[str, Any]:
        """The words' code and what fills them, as WHY's notice carries them."""
        if self.code == "law":
            return self.details
        return {"code": f"why_not_{self.code}", **self.details}


def fit_but_the_rate(session: Session, shift: Shift, now: datetime) -> list[Worker]:
    """Workers who meet every requirement but the rate: free, able and near, but asking more
    than the buyer's top (what the buyer is told when nobody takes the shift)."""
    return list(
        session.exec(
            select(Worker).where(
                *(need.clause(shift, now) for need in REQUIREMENTS if need.code != "rate"),
                col(Worker.asking_rate_minor) > shift.max_rate_minor,
            )
        ).all()
    )


def rows_that_fit(
    session: Session, shift: Shift, now: datetime
) -> list[tuple[Worker, AvailabilityWindow]]:
    """Every worker the database finds eligible, with the window that covers the shift, in the
    order of the published ranking rule (least recently booked, then who said first)."""
    return list(
        session.exec(
            select(Worker, AvailabilityWindow)
            .join(AvailabilityWindow, and_(*covering_window(shift)))
            .where(*(need.clause(shift, now) for need in REQUIREMENTS if need.code != JOINED))
            .order_by(
                nulls_first(col(Worker.last_booked_at).asc()),
                col(AvailabilityWindow.created_at).asc(),
                col(Worker.id).asc(),
            )
        ).all()
    )


def lawful(
    session: Session, shift: Shift, market: Market, workers: list[Worker]
) -> tuple[list[Worker], list[tuple[Worker, Problem]]]:
    """Those the law lets be booked on the shift, and the others with the rule (rule 11)."""
    verdicts = screen(session, shift, market, workers)
    return (
        [worker for worker, problem in verdicts if problem is None],
        [(worker, problem) for worker, problem in verdicts if problem is not None],
    )


def unmet(
    session: Session, worker: Worker, shift: Shift, market: Market, now: datetime
) -> Unmet | None:
    """The first requirement this worker misses for this shift now, or None if they fit it."""
    asked = [
        case((need.clause(shift, now), True), else_=False).label(need.code) for need in REQUIREMENTS
    ]
    met = session.exec(select(*asked).where(Worker.id == worker.id)).one()
    for need, holds in zip(REQUIREMENTS, met, strict=True):
        if not holds:
            return Unmet(need.code, _details(session, need.code, worker, shift))
    if not Reach(session, shift.postcode, [worker])(worker):
        return Unmet("area", _details(session, "area", worker, shift))
    _, left_out = lawful(session, shift, market, [worker])
    if left_out:
        return law_unmet(left_out[0][1])
    return None


def law_unmet(problem: Problem) -> Unmet:
    """A rule of the law as WHY says it."""
    return Unmet("law", problem.said)


def _details(session: Session, code: str, worker: Worker, shift: Shift) -> dict[str, Any]:
    if code == "skill":
        return {"skill": shift.skill}
    if code == "currency":
        return {"shift_currency": shift.currency}
    if code == "rate":
        return {
            "asked_rate": worker.asking_rate_minor or 0,
            "top_rate": shift.max_rate_minor,
            "currency": shift.currency,
        }
    if code == "area":
        return {"place": shift.postcode}
    if code == "notice":
        return {"notice_hours": max(1, worker.notice_minutes // 60)}
    if code == "credential":
        # The same clause as matching's, asked of each credential the shift needs.
        asked = [case((_holds(c, shift), True), else_=False) for c in shift.credentials]
        held = session.execute(select(*asked).where(Worker.id == worker.id)).one()
        missing = [c for c, has in zip(shift.credentials, held, strict=True) if not has]
        return {"credential": missing[0] if missing else ""}
    return {}


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
