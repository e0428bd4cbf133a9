"""Workers: joining the exchange and changing their own terms."""

from collections.abc import Iterable
from datetime import date, datetime

from sqlmodel import Session, delete, select

from exchange.areas import home_area, normalise_place
from exchange.errors import Refused
from exchange.law.checks import check_asking_rate
from exchange.operators import refuse_operator_phone
from exchange.places import check_travel_miles
from store.models import Market, TermsChange, Worker, WorkerSkill
from store.statuses import WorkerStatus

MAX_ASKING_RATE_MINOR = 100_000
MAX_TAX_PERCENT = 60
# Two weeks: more notice than that asks for no offers at all.
MAX_NOTICE_HOURS = 336


def worker_by_phone(session: Session, phone: str) -> Worker | None:
    return session.exec(select(Worker).where(Worker.phone == phone)).first()


def skills_of(session: Session, worker_id: int) -> list[str]:
    rows = session.exec(select(WorkerSkill.skill).where(WorkerSkill.worker_id == worker_id))
    return sorted(rows)


def check_rate(rate_minor: int) -> int:
    if rate_minor <= 0 or rate_minor > MAX_ASKING_RATE_MINOR:
        raise Refused("bad_rate", "An hourly rate must be more than nothing and realistic")
    return rate_minor


def check_tax(percent: int) -> int:
    """The share of pay a worker asks to have held back for tax, 0 to MAX_TAX_PERCENT."""
    if not 0 <= percent <= MAX_TAX_PERCENT:
        raise Refused(
            "bad_tax",
            f"Tax held back must be 0 to {MAX_TAX_PERCENT} percent, e.g. TAX 20",
            most=MAX_TAX_PERCENT,
        )
    return percent


def check_place(code: str) -> str:
    place = normalise_place(code)
    if place is None:
        raise Refused("bad_place", f"{code!r} is not a postcode or ZIP", place=code)
    return place


def register_worker(
    session: Session,
    market: Market,
    phone: str,
    name: str,
    skills: Iterable[str],
    place: str,
    asking_rate_minor: int,
    now: datetime,
    language: str = "en",
    changed_by: str = "worker",
    date_of_birth: date | None = None,
) -> Worker:
    """A worker joins: one identity across the exchange, reached by one phone number.

    The asking rate may not be under the legal minimum for the worker's age (rule 11).
    """
    refuse_operator_phone(session, phone)
    skills = sorted({skill.strip().lower() for skill in skills if skill.strip()})
    if not skills:
        raise Refused("no_skills", "A worker needs at least one skill")
    place = check_place(place)
    worker = worker_by_phone(session, phone) or Worker(phone=phone, created_at=now)
    if worker.status == WorkerStatus.ACTIVE:
        raise Refused("already_registered", "This phone is already registered")
    # Checked before anything changes, so a refused rate leaves the sign-up where it was.
    born = date_of_birth or worker.date_of_birth
    rate = check_asking_rate(
        session, Worker(phone=phone, date_of_birth=born), market, check_rate(asking_rate_minor), now
    )
    worker.name = name.strip()
    worker.language = language
    worker.status = WorkerStatus.ACTIVE
    worker.currency = market.currency
    worker.market_id = market.id
    worker.date_of_birth = born
    worker.asking_rate_minor = rate
    _set_place(worker, place)
    session.add(worker)
    session.flush()
    _set_skills(session, worker.id, skills)
    _record(
        session,
        worker,
        "joined",
        None,
        f"{worker.name}; {', '.join(skills)}",
        changed_by,
        None,
        now,
    )
    return worker


def update_terms(
    session: Session,
    worker: Worker,
    now: datetime,
    changed_by: str = "worker",
    reason: str | None = None,
    **changes: object,
) -> list[str]:
    """Change a worker's own terms; every change is recorded with who asked and why."""
    changed: list[str] = []
    for field, value in changes.items():
        if value is None or _already(session, worker, field, value):
            continue  # only a real change is made and recorded
        if field == "skills":
            new_skills = sorted({str(s).strip().lower() for s in value if str(s).strip()})
            if not new_skills:
                raise Refused("no_skills", "A worker needs at least one skill")
            old = ", ".join(skills_of(session, worker.id))
            _set_skills(session, worker.id, new_skills)
            _record(session, worker, "skills", old, ", ".join(new_skills), changed_by, reason, now)
        elif field == "place":
            place = check_place(str(value))
            old = worker.postcode or worker.zip
            _set_place(worker, place)
            _record(session, worker, "place", old, place, changed_by, reason, now)
        elif field == "asking_rate_minor":
            old = worker.asking_rate_minor
            rate = check_rate(int(value))
            market = session.get(Market, worker.market_id) if worker.market_id else None
            if market is not None:
                check_asking_rate(session, worker, market, rate, now)
            worker.asking_rate_minor = rate
            _record(session, worker, field, str(old), str(value), changed_by, reason, now)
        elif field == "travel_miles":
            set_travel_miles(session, worker, int(value), now, changed_by, reason)
        elif field == "tax_percent":
            old = worker.tax_percent
            worker.tax_percent = check_tax(int(value))
            _record(session, worker, field, str(old), str(value), changed_by, reason, now)
        elif field == "notice_minutes":
            old = worker.notice_minutes
            worker.notice_minutes = check_notice(value)
            _record(session, worker, field, str(old), str(value), changed_by, reason, now)
        elif field in ("name", "language", "min_shift_minutes", "travel_areas"):
            old = getattr(worker, field)
            setattr(worker, field, value)
            _record(session, worker, field, str(old), str(value), changed_by, reason, now)
        else:
            raise ValueError(f"{field} is not one of a worker's terms")
        changed.append(field)
    session.add(worker)
    return changed


def check_notice(minutes: object) -> int | None:
    """Notice a worker may ask for: none, or up to MAX_NOTICE_HOURS ("NOTICE 999 days" would
    end every offer for years)."""
    if minutes is None:
        return None
    if not 0 <= int(minutes) <= MAX_NOTICE_HOURS * 60:
        raise Refused(
            "bad_notice",
            f"Notice is 0 to {MAX_NOTICE_HOURS} hours, e.g. NOTICE 24",
            most=MAX_NOTICE_HOURS,
        )
    return int(minutes)


def _already(session: Session, worker: Worker, field: str, value: object) -> bool:
    if field == "skills":
        return sorted({str(s).strip().lower() for s in value}) == skills_of(session, worker.id)
    if field == "place":
        place = normalise_place(str(value))
        return place is not None and place in (worker.postcode, worker.zip)
    return hasattr(worker, field) and getattr(worker, field) == value


def set_travel_miles(
    session: Session,
    worker: Worker,
    miles: int | None,
    now: datetime,
    changed_by: str = "worker",
    reason: str | None = None,
) -> None:
    """How far a worker will go for a shift, centre to centre (TRAVEL 5 MILES); None keeps them
    to their postcode area again. Where either place is not known, the area still decides."""
    old = worker.travel_miles
    worker.travel_miles = None if miles is None else check_travel_miles(miles)
    session.add(worker)
    _record(
        session,
        worker,
        "travel_miles",
        _text(old),
        _text(worker.travel_miles),
        changed_by,
        reason,
        now,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _set_place(worker: Worker, place: str) -> None:
    if place[:5].isdecimal():
        worker.zip, worker.postcode = place, None
    else:
        worker.postcode, worker.zip = place, None
    worker.travel_areas = [home_area(place)]


def _set_skills(session: Session, worker_id: int, skills: list[str]) -> None:
    session.exec(delete(WorkerSkill).where(WorkerSkill.worker_id == worker_id))
    session.add_all(WorkerSkill(worker_id=worker_id, skill=skill) for skill in skills)


def _record(
    session: Session,
    worker: Worker,
    field: str,
    old: str | None,
    new: str | None,
    changed_by: str,
    reason: str | None,
    now: datetime,
) -> None:
    session.add(
        TermsChange(
            worker_id=worker.id,
            field=field,
            old_value=old,
            new_value=new,
            changed_by=changed_by,
            reason=reason,
            at=now,
        )
    )
