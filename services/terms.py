"""A worker's own terms, changed by the worker: rate, area, skills, name, language, travel,
notice, tax. Only the worker sets them (staff change them at the desk only at the worker's
request: services.workers.change_worker_terms); every change is recorded with who asked."""

from datetime import datetime

from sqlmodel import func, select

from exchange.workers import skills_of, update_terms
from services.unit import Unit
from store.models import Message, TermsChange, Worker

# A worker's language is taken from their first texts; after that only LANG changes it.
FIRST_TEXTS = 5


def change_own_terms(db: Unit, worker_id: int, now: datetime, **changes: object) -> list[str]:
    """RATE 14.50, SKILLS care cleaning, TAX 20...: the terms named change, the fields that
    really changed are returned. All or nothing: one refused term leaves every term as it was."""
    with db.write() as session, session.begin_nested():
        return update_terms(session, session.get(Worker, worker_id), now, **changes)


def own_skills(db: Unit, worker_id: int) -> list[str]:
    """The skills the worker offers, by name, in order."""
    with db.read() as session:
        return skills_of(session, worker_id)


def take_language_from_texts(db: Unit, worker_id: int, language: str, now: datetime) -> bool:
    """Early on, the exchange answers a worker in the language they write in; once they have
    chosen one themselves, or after their first few texts, only their own LANG changes it.
    True when the language was taken."""
    with db.write() as session:
        texts = session.exec(
            select(func.count())
            .select_from(Message)
            .where(Message.worker_id == worker_id, Message.direction == "in")
        ).one()
        chose = session.exec(
            select(TermsChange.id).where(
                TermsChange.worker_id == worker_id,
                TermsChange.field == "language",
                TermsChange.changed_by != "exchange",
            )
        ).first()
        if texts > FIRST_TEXTS or chose is not None:
            return False
        worker = session.get(Worker, worker_id)
        return bool(update_terms(session, worker, now, changed_by="exchange", language=language))
