"""The workers' areas table follows every worker's travel areas, kept by the database itself,
whatever writes the worker: joining, changing areas, erasure, deletion."""

from sqlmodel import select

from exchange.privacy import erase
from exchange.workers import update_terms
from store.models import Worker, WorkerArea
from tests import factories

ANN = "+447700900101"


def areas(db, worker_id: int) -> list[str]:
    with db.read() as session:
        return sorted(
            session.exec(select(WorkerArea.area).where(WorkerArea.worker_id == worker_id))
        )


def test_a_new_worker_has_their_home_area(any_db, now):
    with any_db.write() as session:
        ann = factories.worker(session, ANN, now, place="SW1A 1AA").id
    assert areas(any_db, ann) == ["SW"]


def test_changed_travel_areas_replace_the_old_ones_compacted_and_in_capitals(any_db, now):
    with any_db.write() as session:
        worker = factories.worker(session, ANN, now)
        update_terms(session, worker, now, travel_areas=["e1 7", "N", "n"])
        ann = worker.id
    assert areas(any_db, ann) == ["E17", "N"]


def test_an_erased_worker_has_no_areas_left(any_db, now):
    with any_db.write() as session:
        worker = factories.worker(session, ANN, now)
        erase(session, worker, now)
        ann = worker.id
    assert areas(any_db, ann) == []


def test_a_deleted_worker_takes_their_areas_along(any_db, now):
    with any_db.write() as session:
        # A number that texted once and was never more than a row (nothing refers to it).
        worker = Worker(phone=ANN, travel_areas=["E"], created_at=now)
        session.add(worker)
        session.flush()
        ann = worker.id
    assert areas(any_db, ann) == ["E"]
    with any_db.write() as session:
        session.delete(session.get(Worker, ann))
    assert areas(any_db, ann) == []
