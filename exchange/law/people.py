"""What the law needs to know of a worker: their date of birth, and a written weekly opt-out."""

from datetime import date, datetime, timedelta

from sqlmodel import Session

from exchange.errors import Refused
from exchange.law.rules import (
    age_on,
    birthday,
    load,
    local_day,
    school_leaving_date,
    worker_age,
)
from store.models import Market, TermsChange, Worker

# A worker may end their opt-out on this much notice (Working Time Regulations 1998 reg 5(2)).
OPT_OUT_NOTICE = timedelta(days=7)
OLDEST = 100
YOUNGEST = 10


def set_date_of_birth(
    session: Session, worker: Worker, born: date, now: datetime, changed_by: str = "worker"
) -> None:
    """Record a date of birth. By SMS it is given once; staff correct a wrong one."""
    today = now.date()
    if born >= today or not YOUNGEST <= age_on(born, today) <= OLDEST:
        raise Refused("bad_dob", "That is not a date of birth we can take")
    if worker.date_of_birth is not None and changed_by == "worker":
        if worker.date_of_birth == born:
            return
        raise Refused(
            "dob_set", "Your date of birth is already recorded; ask job-centre staff to correct it"
        )
    old = worker.date_of_birth
    worker.date_of_birth = born
    session.add(worker)
    _record(
        session, worker, "date_of_birth", old and old.isoformat(), born.isoformat(), changed_by, now
    )


def opt_out_of_week(
    session: Session, worker: Worker, now: datetime, changed_by: str = "worker", how: str = "by SMS"
) -> bool:
    """The worker agrees in writing to work over the weekly average; False if already opted out."""
    market = session.get(Market, worker.market_id)
    day = local_day(now, market)
    rules = load(session, market).in_force("week", worker_age(worker, day), day)
    if not any(rule.opt_out for rule in rules):
        raise Refused("no_opt_out", "The weekly limit here has no opt-out for you")
    if worker.week_opt_out_at is not None and worker.week_opt_out_ends_at is None:
        return False
    worker.week_opt_out_at, worker.week_opt_out_ends_at = now, None
    session.add(worker)
    _record(session, worker, "week_opt_out", None, f"agreed in writing {how}", changed_by, now)
    return True


def end_week_opt_out(
    session: Session, worker: Worker, now: datetime, changed_by: str = "worker"
) -> datetime | None:
    """The worker takes the opt-out back; the limit returns after the notice. None if not opted out."""
    if worker.week_opt_out_at is None or worker.week_opt_out_ends_at is not None:
        return worker.week_opt_out_ends_at if worker.week_opt_out_at else None
    worker.week_opt_out_ends_at = now + OPT_OUT_NOTICE
    session.add(worker)
    _record(
        session,
        worker,
        "week_opt_out",
        "agreed",
        f"withdrawn, from {worker.week_opt_out_ends_at.isoformat()}",
        changed_by,
        now,
    )
    return worker.week_opt_out_ends_at


def _record(
    session: Session,
    worker: Worker,
    field: str,
    old: str | None,
    new: str,
    changed_by: str,
    now: datetime,
) -> None:
    session.add(
        TermsChange(
            worker_id=worker.id,
            field=field,
            old_value=old,
            new_value=new,
            changed_by=changed_by,
            at=now,
        )
    )


def needs_date_of_birth(session: Session, market: Market, now: datetime) -> bool:
    """Whether the market's rules depend on age, so sign-up must ask for a date of birth."""
    return load(session, market).needs_age(local_day(now, market))


def too_young_until(session: Session, market: Market, born: date, now: datetime) -> date | None:
    """The first day someone born then may take work here, when that is still to come."""
    day = local_day(now, market)
    book = load(session, market)
    first = day
    for rule in book.in_force("minimum_age", age_on(born, day), day):
        first = max(first, birthday(born, rule.value))
    for rule in book.in_force("school_leaving", age_on(born, day), day):
        first = max(first, school_leaving_date(born, rule.value) + timedelta(days=1))
    return first if first > day else None
