"""What a worker tells the exchange under the law (rule 11): their date of birth, where pay or
hours depend on age; their written agreement to work past the weekly limit, or taking it back;
their YES to a rate raised to a new legal minimum. Each may open shifts the worker now fits."""

from datetime import date, datetime

from exchange import offers
from exchange.law import minimums, people, rules
from services.unit import Unit
from store.models import Market, Worker


def give_date_of_birth(db: Unit, worker_id: int, born: date, now: datetime) -> None:
    """DOB 31/12/1990: given once by text (staff correct a wrong one); the open shifts the
    worker may now be offered are queued. A refusal changes nothing."""
    with db.write() as session:
        with session.begin_nested():
            people.set_date_of_birth(session, session.get(Worker, worker_id), born, now)
        offers.offer_open_shifts(session, worker_id, now)


def opt_out_of_week(db: Unit, worker_id: int, now: datetime) -> bool:
    """WORK OVER 48: agreed in writing; False when already so. Refused where the market's
    weekly limit has no opt-out for the worker."""
    with db.write() as session, session.begin_nested():
        return people.opt_out_of_week(session, session.get(Worker, worker_id), now)


def end_week_opt_out(db: Unit, worker_id: int, now: datetime) -> datetime | None:
    """48 LIMIT: the opt-out is taken back; when the limit applies again, or None if the worker
    had not opted out."""
    with db.write() as session:
        return people.end_week_opt_out(session, session.get(Worker, worker_id), now)


def take_raise(db: Unit, worker_id: int, now: datetime) -> bool:
    """RAISE, or YES to the question: the worker's rate becomes the new legal minimum they were
    asked about, and the open shifts they now fit are queued. False when no raise waits."""
    with db.write() as session:
        if minimums.accept_raise(session, session.get(Worker, worker_id), now) is None:
            return False
        offers.offer_open_shifts(session, worker_id, now)
        return True


def asks_date_of_birth(db: Unit, market_id: int, now: datetime) -> bool:
    """Whether the market's rules depend on age, so that joining asks for a date of birth."""
    with db.read() as session:
        return people.needs_date_of_birth(session, session.get(Market, market_id), now)


def too_young_until(db: Unit, market_id: int, born: date, now: datetime) -> date | None:
    """The day someone born then may first work in the market, if that is still to come."""
    with db.read() as session:
        return people.too_young_until(session, session.get(Market, market_id), born, now)


def minimum_rate(db: Unit, market_id: int, born: date | None, now: datetime) -> int | None:
    """The legal minimum hourly rate, in minor units, for someone born then (age unknown: the
    rate for adults), for a worker who asks for "the minimum wage"."""
    with db.read() as session:
        market = session.get(Market, market_id)
        day = rules.local_day(now, market)
        age = None if born is None else rules.age_on(born, day)
        found = rules.load(session, market).minimum_wage(age, day)
        return found[0] if found is not None else None
