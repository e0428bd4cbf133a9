"""The last slot of a shift is won by one worker only, under any concurrency, on both databases."""

import threading

from sqlmodel import func, select

from exchange.offers import send_wave
from sms.inbound import deliver
from store.models import Booking, Notice, Offer, Shift, Worker
from tests import factories

REPLIES = 50
SLOTS = 3


def test_fifty_simultaneous_yes_replies_book_exactly_the_slots(any_db, now):
    with any_db.write() as session:
        factories.market(session).wave_factor = 20
        for n in range(REPLIES):
            factories.worker(session, f"+4477009{n:05d}", now)
        shift = factories.shift(session, now, slots=SLOTS)
        offers = send_wave(session, shift.id, now)
        assert len(offers) == REPLIES
        phone_of = {worker.id: worker.phone for worker in session.exec(select(Worker))}
        replies = [(phone_of[offer.worker_id], offer.ref) for offer in offers]
        shift_id = shift.id

    start = threading.Barrier(REPLIES)
    errors: list[BaseException] = []

    def reply(phone: str, ref: str) -> None:
        try:
            start.wait()
            deliver(any_db, phone, f"Y {ref}", now)
        except BaseException as error:  # noqa: BLE001 - the test reports any failure below
            errors.append(error)

    threads = [threading.Thread(target=reply, args=pair) for pair in replies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with any_db.read() as session:
        shift = session.get(Shift, shift_id)
        booked = session.exec(
            select(func.count()).select_from(Booking).where(Booking.shift_id == shift_id)
        ).one()
        kinds = dict(
            session.exec(
                select(Notice.kind, func.count())
                .where(Notice.kind != "offer")
                .group_by(Notice.kind)
            ).all()
        )
        accepted = session.exec(
            select(func.count())
            .select_from(Offer)
            .where(Offer.shift_id == shift_id, Offer.status == "accepted")
        ).one()
    assert booked == SLOTS and accepted == SLOTS
    assert (shift.booked, shift.status) == (SLOTS, "filled")
    assert kinds.get("booked") == SLOTS
    assert kinds.get("accept_filled", 0) == REPLIES - SLOTS
