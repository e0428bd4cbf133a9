"""A newly free worker's text queues only the open shifts they could fit, found from their side,
and locks none of them; the wave sweep tops each one up in its own short transaction."""

import threading
import time
from datetime import timedelta

from sqlmodel import func, select

from exchange import offers, waves
from sms.inbound import deliver
from store.models import Offer, ShiftTopUp
from tests import factories

ANN = "+447700900101"


def queued(db) -> list[int]:
    with db.read() as session:
        return sorted(session.exec(select(ShiftTopUp.shift_id)))


def offers_to(db, worker_id: int) -> list[int]:
    with db.read() as session:
        return sorted(session.exec(select(Offer.shift_id).where(Offer.worker_id == worker_id)))


def shifts(session, now) -> dict[str, int]:
    """Open shifts tomorrow: one Ann fits, and one for each way of not fitting her."""
    morning = (now + timedelta(days=1)).replace(hour=9)
    return {
        name: factories.shift(session, now, **terms).id
        for name, terms in {
            "fits": {"start": morning},
            "other skill": {"start": morning, "skill": "kitchen"},
            "outside her hours": {"start": morning.replace(hour=17)},
            "pays under her rate": {"start": morning, "max_rate": 1271},
            "out of her area": {"start": morning, "postcode": "SW1A 1AA"},
            "already over": {"start": now + timedelta(hours=1)},
        }.items()
    }


def test_a_free_worker_queues_only_the_shifts_that_could_fit_them(db, now):
    with db.write() as session:
        made = shifts(session, now)
        ann = factories.worker(session, ANN, now, rate=1300).id
        assert offers.offer_open_shifts(session, ann, now) == [made["fits"]]
    assert queued(db) == [made["fits"]]
    assert waves.top_up_queued(db, now) == 1
    assert offers_to(db, ann) == [made["fits"]] and queued(db) == []


def test_a_shift_already_offered_to_the_worker_is_not_queued_again(db, now):
    with db.write() as session:
        made = shifts(session, now)
        ann = factories.worker(session, ANN, now, rate=1300).id
        offers.send_wave(session, made["fits"], now)
        assert offers.offer_open_shifts(session, ann, now) == []


def test_an_availability_text_offers_what_fits_through_the_whole_path(db, now):
    with db.write() as session:
        made = shifts(session, now)
        ann = factories.worker(session, ANN, now, rate=1300, free_hours=1).id
    assert offers_to(db, ann) == []
    deliver(db, ANN, "available tomorrow 6am-6pm", now)
    assert offers_to(db, ann) == [made["fits"]] and queued(db) == []


def test_an_availability_text_waits_for_no_shift_a_yes_is_holding(postgres_url, now):
    """On PostgreSQL another transaction holds every open shift's row; the text is acted on at
    once all the same, and the shift it fits is topped up once the lock is let go."""
    from store.db import Database
    from store.migrate import upgrade

    db = Database(postgres_url)
    upgrade(db, env={})
    with db.write() as session:
        made = shifts(session, now)
        ann = factories.worker(session, ANN, now, rate=1300, free_hours=1).id
    holding, release = threading.Event(), threading.Event()

    def hold_every_open_shift() -> None:
        with db.write() as session:
            session.exec(select(func.count()).select_from(ShiftTopUp)).one()
            session.connection().exec_driver_sql(
                "SELECT id FROM shift WHERE status IN ('open', 'offering') FOR UPDATE"
            )
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=hold_every_open_shift)
    holder.start()
    try:
        assert holding.wait(10)
        began = time.monotonic()
        deliver(db, ANN, "available tomorrow 6am-6pm", now)
        took = time.monotonic() - began
        assert queued(db) == [made["fits"]] and offers_to(db, ann) == []
    finally:
        release.set()
        holder.join(30)
    assert took < 5
    waves.top_up_queued(db, now)
    assert offers_to(db, ann) == [made["fits"]]
    db.dispose()


def test_a_shift_whose_wave_is_full_is_cleared_from_the_queue_and_offered_when_room_opens(
    any_db, now
):
    """Live offers fill the wave (one slot, three offers): a newly free worker's place in the
    queue is cleared with no offer; a NO makes room, and the wave reaches them then."""
    with any_db.write() as session:
        shift_id = factories.shift(session, now, slots=1).id
        first = [factories.worker(session, f"+4477009002{n:02d}", now).id for n in range(3)]
        assert len(offers.send_wave(session, shift_id, now)) == 3
        late = factories.worker(session, ANN, now).id
        assert offers.offer_open_shifts(session, late, now) == [shift_id]
    assert waves.top_up_queued(any_db, now) == 0
    assert queued(any_db) == [] and offers_to(any_db, late) == []
    with any_db.write() as session:
        ref = session.exec(select(Offer.ref).where(Offer.worker_id == first[0])).one()
        offers.decline(session, first[0], ref, now)
    assert offers_to(any_db, late) == [shift_id]


def test_a_shift_queued_by_many_workers_is_topped_up_once(db, now, monkeypatch):
    with db.write() as session:
        shift_id = factories.shift(session, now, slots=2).id
        free = [factories.worker(session, f"+4477009003{n:02d}", now).id for n in range(5)]
        for worker_id in free:
            offers.offer_open_shifts(session, worker_id, now)
    topped: list[int] = []
    real = waves.send_wave
    monkeypatch.setattr(waves, "send_wave", lambda s, i, n: topped.append(i) or real(s, i, n))
    assert waves.top_up_queued(db, now) == 5
    assert topped == [shift_id] and queued(db) == []


def test_topping_up_stops_at_the_moment_given_and_leaves_the_rest_queued(db, now):
    """Past the moment, the rest of the queue waits for the next call; one shift is always
    topped up, so waves go out however busy the exchange is."""
    with db.write() as session:
        morning = (now + timedelta(days=1)).replace(hour=9)
        made = [
            factories.shift(session, now, start=morning + timedelta(hours=h)).id for h in (0, 1)
        ]
        ann = factories.worker(session, ANN, now).id
        assert offers.offer_open_shifts(session, ann, now) == made
    assert waves.top_up_queued(db, now, until=time.monotonic() - 1) == 1
    assert offers_to(db, ann) == made[:1] and queued(db) == made[1:]
    assert waves.top_up_queued(db, now) == 1
    assert offers_to(db, ann) == made and queued(db) == []
