"""Each requirement's forms agree: its SQL clause, asked of a worker in the database, and its
in-memory check, asked of the same worker's facts, give one verdict, over random workers and
shifts on a real SQLite file; all the checks together pass exactly the rows matching finds; and
the shifts found from a worker's side are those the same clauses let them through for."""

from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import case
from sqlmodel import Session, col, select

from exchange.eligibility import ACROSS_SHIFTS, BY_CODE, REQUIREMENTS, checks, rows_that_fit
from exchange.matching import shifts_that_could_fit
from exchange.places import Reach
from store.models import (
    AvailabilityWindow,
    Booking,
    Offer,
    Shift,
    Worker,
    WorkerCredential,
    WorkerSkill,
)
from store.statuses import BookingStatus, OfferStatus, WorkerStatus
from tests import factories
from tests.exchange.eligibility_rows import booking_row, offer_row

CREDENTIALS = ("dbs", "food_hygiene")
# Hours from the shift's start and end: a window that covers it, or misses it by a little.
WINDOW_EDGES = st.tuples(st.sampled_from([-3, -1, 0, 0, 1]), st.sampled_from([-1, 0, 0, 1, 3]))
# Where a booking elsewhere stands against the shift: over it, touching it, or far off.
BOOKED_AT = st.sampled_from([-6, -4, -2, 0, 2, 4, 30])
EXPIRES = st.sampled_from([None, -1, 0, 1])  # hours from the shift's end; None: never

# Drawn near the line: most draws meet most requirements, so that every one of them is often the
# only one missed.
RARELY = st.sampled_from([False, False, False, False, True])
WORKERS = st.fixed_dictionaries(
    {
        "status": st.sampled_from([WorkerStatus.ACTIVE] * 4 + [WorkerStatus.SIGNING_UP]),
        "opted_out": RARELY,
        "suspended": RARELY,
        "skills": st.sets(st.sampled_from(["care", "cleaning"]), min_size=1),
        "currency": st.sampled_from(["GBP", "GBP", "GBP", "EUR"]),
        "rate": st.sampled_from([None, 1250, 1300, 1450, 1600]),
        "areas": st.lists(st.sampled_from(["E1", "E", "e1 7", "N", "EC1", "N1"]), max_size=2),
        "travel_miles": st.sampled_from([None, None, 5]),
        "min_shift_minutes": st.sampled_from([0, 60, 120, 240, 241]),
        "notice_minutes": st.sampled_from([0, 60, 119, 120, 121, 1440]),
        "windows": st.lists(WINDOW_EDGES, min_size=1, max_size=3),
        "credentials": st.lists(st.tuples(st.sampled_from(CREDENTIALS), EXPIRES), max_size=2),
        "bookings": st.lists(
            st.tuples(BOOKED_AT, st.sampled_from(list(BookingStatus))), max_size=2
        ),
        "offer": st.sampled_from([None, None, None, *OfferStatus]),
    }
)
SHIFTS = st.fixed_dictionaries(
    {
        "skill": st.sampled_from(["care", "cleaning"]),
        "postcode": st.sampled_from(["E1 7AA", "N1 1AA", "EC1A 1BB"]),
        "max_rate": st.sampled_from([1300, 1450]),
        # Minutes and seconds to the start: the notice asked is met, or missed, by a little.
        "ahead": st.tuples(st.sampled_from([119, 120, 121, 1500]), st.sampled_from([0, 30])),
        "hours": st.sampled_from([2, 4]),
        "credentials": st.sets(st.sampled_from(CREDENTIALS), max_size=2),
    }
)


def worker_facts(session: Session, worker: Worker, now: datetime) -> SimpleNamespace:
    """A worker's facts read back from the database (exchange.eligibility.WorkerFacts)."""
    booked = session.exec(
        select(Shift.start, Shift.end, Booking.id)
        .join(Booking, col(Booking.shift_id) == Shift.id)
        .where(Booking.worker_id == worker.id, Booking.status == BookingStatus.BOOKED)
    ).all()
    return SimpleNamespace(
        id=worker.id,
        status=worker.status,
        # The database keeps only that they texted STOP: by now at the latest.
        opted_out_at=now if worker.opted_out else None,
        suspended_at=worker.suspended_at,
        currency=worker.currency,
        asking_rate_minor=worker.asking_rate_minor,
        travel_areas=list(worker.travel_areas),
        travel_miles=worker.travel_miles,
        min_shift_minutes=worker.min_shift_minutes,
        notice_minutes=worker.notice_minutes,
        skills=set(
            session.exec(select(WorkerSkill.skill).where(WorkerSkill.worker_id == worker.id))
        ),
        credentials=[
            (held.credential, held.expires_at)
            for held in session.exec(
                select(WorkerCredential).where(WorkerCredential.worker_id == worker.id)
            )
        ],
        booked=[tuple(row) for row in booked],
    )


def shift_facts(session: Session, shift: Shift) -> SimpleNamespace:
    """A shift's facts read back from the database (exchange.eligibility.ShiftFacts)."""
    offered = session.exec(
        select(Offer.worker_id).where(
            Offer.shift_id == shift.id, Offer.status != OfferStatus.FILLED
        )
    )
    return SimpleNamespace(
        skill=shift.skill,
        currency=shift.currency,
        max_rate_minor=shift.max_rate_minor,
        postcode=shift.postcode,
        start=shift.start,
        end=shift.end,
        credentials=list(shift.credentials),
        offered=set(offered),
    )


def make_worker(
    session: Session, n: int, drawn: dict[str, Any], shift: Shift, now: datetime
) -> tuple[Worker, list[AvailabilityWindow]]:
    worker = factories.worker(
        session, f"+4477009{n:05d}", now, skills=tuple(drawn["skills"]), place="E1 6AN"
    )
    # Only the windows drawn: the one registering posted goes.
    for window in session.exec(
        select(AvailabilityWindow).where(AvailabilityWindow.worker_id == worker.id)
    ):
        session.delete(window)
    worker.status = drawn["status"]
    worker.opted_out = drawn["opted_out"]
    worker.suspended_at = now if drawn["suspended"] else None
    worker.currency = drawn["currency"]
    worker.asking_rate_minor = drawn["rate"]
    worker.travel_areas = drawn["areas"]
    worker.travel_miles = drawn["travel_miles"]
    worker.min_shift_minutes = drawn["min_shift_minutes"]
    worker.notice_minutes = drawn["notice_minutes"]
    session.add(worker)
    hour = timedelta(hours=1)
    windows = [
        AvailabilityWindow(
            worker_id=worker.id,
            start=shift.start + early * hour,
            end=shift.end + late * hour,
            created_at=now,
        )
        for early, late in drawn["windows"]
    ]
    session.add_all(windows)
    for credential, expires in drawn["credentials"]:
        session.add(
            WorkerCredential(
                worker_id=worker.id,
                credential=credential,
                source="test",
                verified_at=now,
                expires_at=None if expires is None else shift.end + expires * hour,
            )
        )
    for hours, status in drawn["bookings"]:
        booking_row(session, shift, worker.id, shift.start + hours * hour, status, now)
    if drawn["offer"] is not None:
        offer_row(session, shift, worker.id, drawn["offer"], str(1000 + n), now)
    session.flush()
    return worker, windows


def examples(count: int) -> settings:
    """Hypothesis settings for these tests: each example is a few workers in a real database."""
    return settings(
        max_examples=count,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def post(session: Session, drawn: dict[str, Any], now: datetime, later: int = 0) -> Shift:
    """The shift drawn, posted through the exchange's rules (`later`: hours after its draw)."""
    minutes, seconds = drawn["ahead"]
    return factories.shift(
        session,
        now,
        start=now + timedelta(hours=later, minutes=minutes, seconds=seconds),
        hours=drawn["hours"],
        max_rate=drawn["max_rate"],
        skill=drawn["skill"],
        postcode=drawn["postcode"],
        credentials=tuple(sorted(drawn["credentials"])),
    )


def sql_verdicts(session: Session, worker: Worker, shift: Shift, now: datetime) -> dict[str, bool]:
    asked = [
        case((need.clause(shift, now), True), else_=False).label(need.code) for need in REQUIREMENTS
    ]
    met = session.exec(select(*asked).where(Worker.id == worker.id)).one()
    return {need.code: bool(holds) for need, holds in zip(REQUIREMENTS, met, strict=True)}


@examples(80)
@given(drawn_shift=SHIFTS, people=st.lists(WORKERS, min_size=1, max_size=5))
def test_every_requirement_says_the_same_in_sql_and_in_memory(db, now, drawn_shift, people):
    with db.write() as session:
        example = session.begin_nested()
        shift = post(session, drawn_shift, now)
        made = [make_worker(session, n, drawn, shift, now) for n, drawn in enumerate(people)]
        facts = shift_facts(session, shift)
        for worker, windows in made:
            session.refresh(worker)
            held = worker_facts(session, worker, now)
            in_sql = sql_verdicts(session, worker, shift, now)
            for code, holds in in_sql.items():
                check = BY_CODE[code].check(facts, now)
                # Every worker here has a window: only the one about being free asks it.
                in_memory = any(check(held, window) for window in windows)
                assert in_memory == holds, (code, held, facts)
        example.rollback()


@examples(40)
@given(drawn_shift=SHIFTS, people=st.lists(WORKERS, min_size=1, max_size=5))
def test_all_the_checks_pass_exactly_the_workers_and_windows_matching_finds(
    db, now, drawn_shift, people
):
    with db.write() as session:
        example = session.begin_nested()
        shift = post(session, drawn_shift, now)
        made = [make_worker(session, n, drawn, shift, now) for n, drawn in enumerate(people)]
        ours = {worker.id for worker, _ in made}
        found = {
            (worker.id, window.id)
            for worker, window in rows_that_fit(session, shift, now)
            if worker.id in ours
        }
        fits = checks([need.code for need in REQUIREMENTS], shift_facts(session, shift), now)
        passed = set()
        for worker, windows in made:
            session.refresh(worker)
            held = worker_facts(session, worker, now)
            passed |= {(worker.id, window.id) for window in windows if fits(held, window)}
        assert passed == found
        example.rollback()


@examples(40)
@given(
    drawn_shifts=st.lists(SHIFTS, min_size=1, max_size=3),
    people=st.lists(WORKERS, min_size=1, max_size=4),
)
def test_the_shifts_a_worker_could_fit_are_those_matching_would_let_them_through_for(
    db, now, drawn_shifts, people
):
    """Found from the worker's side, the shifts are exactly those whose own clauses (the ones
    asked across shifts) and whose place the worker meets."""
    with db.write() as session:
        example = session.begin_nested()
        posted = [post(session, drawn, now, later=n) for n, drawn in enumerate(drawn_shifts)]
        made = [make_worker(session, n, drawn, posted[0], now) for n, drawn in enumerate(people)]
        for worker, _ in made:
            session.refresh(worker)
            expected = [
                shift.id
                for shift in posted
                if all(sql_verdicts(session, worker, shift, now)[code] for code in ACROSS_SHIFTS)
                and Reach(session, shift.postcode, [worker])(worker)
            ]
            assert shifts_that_could_fit(session, worker, now) == expected
        example.rollback()
