"""Someone new texts the exchange: they are a worker signing up until they have answered the
sign-up's questions, then they join. And anyone may say STOP, and come back with START."""

from collections.abc import Sequence
from datetime import date, datetime

from exchange.workers import register_worker, worker_by_phone
from services.unit import Unit
from store.models import Market, Worker


def first_text_from(db: Unit, phone: str, market_id: int, language: str, now: datetime) -> Worker:
    """A number the exchange has never heard from: a worker signing up, answered in the
    language they wrote in."""
    with db.write() as session:
        market = session.get(Market, market_id)
        worker = Worker(
            phone=phone,
            market_id=market.id,
            currency=market.currency,
            language=language,
            created_at=now,
        )
        session.add(worker)
        session.flush()
        return worker


def worker_with_phone(db: Unit, phone: str) -> Worker | None:
    """The worker (joined, signing up, opted out or erased) a phone belongs to, if any."""
    with db.read() as session:
        return worker_by_phone(session, phone)


def choose_language(db: Unit, worker_id: int, language: str) -> None:
    """ES, polski: the language someone signing up is asked the rest in. They have no terms
    yet, so nothing is recorded; the language they join with is recorded when they join."""
    with db.write() as session:
        worker = session.get(Worker, worker_id)
        worker.language = language
        session.add(worker)


def join(
    db: Unit,
    worker_id: int,
    market_id: int,
    name: str,
    skills: Sequence[str],
    place: str,
    rate_minor: int,
    now: datetime,
    born: date | None = None,
) -> Worker:
    """The sign-up's answers are all in: the worker joins at their own rate, which may not be
    under the legal minimum for their age (refused, changing nothing)."""
    with db.write() as session, session.begin_nested():
        worker = session.get(Worker, worker_id)
        return register_worker(
            session,
            session.get(Market, market_id),
            worker.phone,
            name,
            skills,
            place,
            rate_minor,
            now,
            language=worker.language,
            date_of_birth=born,
        )


def opt_out(db: Unit, phone: str, market_id: int, now: datetime) -> None:
    """STOP (or a carrier's kin of it): no text goes to this number again until it opts back
    in; a number never heard from is remembered as opted out."""
    with db.write() as session:
        worker = worker_by_phone(session, phone)
        if worker is None:
            market = session.get(Market, market_id)
            worker = Worker(
                phone=phone, market_id=market.id, currency=market.currency, created_at=now
            )
        worker.opted_out = True
        session.add(worker)


def opt_in(db: Unit, worker_id: int) -> None:
    """START: texts reach the worker again."""
    with db.write() as session:
        worker = session.get(Worker, worker_id)
        worker.opted_out = False
        session.add(worker)
