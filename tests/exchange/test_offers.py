"""Offers and bookings: waves, references, the first YES per slot, drops and cancellations."""

import random
from datetime import timedelta

from sqlmodel import select

from exchange import offers
from exchange.shifts import cancel_shift
from store.models import Booking, Notice, Offer, Shift
from tests import factories
from tests.bookings import book


def workers(session, now, count, **terms):
    return [
        factories.worker(session, f"+4477009{n:05d}", now, **terms) for n in range(1, count + 1)
    ]


def notices(session, kind):
    return session.exec(select(Notice).where(Notice.kind == kind).order_by(Notice.id)).all()


def test_a_wave_offers_slots_times_three_workers(db, now):
    with db.write() as session:
        workers(session, now, 10)
        shift = factories.shift(session, now, slots=2)
        made = offers.send_wave(session, shift.id, now)
        assert len(made) == 6
        assert {o.wave for o in made} == {1}
        assert len(notices(session, "offer")) == 6
        assert session.get(Shift, shift.id).status == "offering"


def test_sending_the_wave_again_only_tops_it_up(db, now):
    with db.write() as session:
        workers(session, now, 10)
        shift = factories.shift(session, now, slots=1)
        offers.send_wave(session, shift.id, now)
        assert offers.send_wave(session, shift.id, now) == []


def test_offer_references_are_four_digits_and_unique_among_a_workers_live_offers(db, now):
    with db.write() as session:
        (worker,) = workers(session, now, 1)
        start = (now + timedelta(days=1)).replace(hour=6)
        for hour in range(6, 18):
            factories.shift(session, now, start=start.replace(hour=hour), hours=1)
        for shift in session.exec(select(Shift)).all():
            offers.send_wave(session, shift.id, now)
        refs = [o.ref for o in session.exec(select(Offer).where(Offer.worker_id == worker.id))]
        assert len(refs) == 12 and len(set(refs)) == 12
        assert all(len(ref) == 4 and ref.isdigit() for ref in refs)


def test_a_new_offer_reference_is_never_that_of_a_booking_the_worker_may_still_name(db, now):
    """DROP 1234 or DISPUTE 1234 must find one thing: a booking's reference is not given to a
    new offer while the worker may still type it, and is free again once a complaint no longer
    looks back that far."""
    with db.write() as session:
        booking, _, worker = book(session, now)
        booked_ref = session.get(Offer, booking.offer_id).ref
        other = "1000" if booked_ref != "1000" else "1001"
        assert offers.new_ref(session, worker.id, now, Draws(booked_ref, other)) == other
        long_after = now + offers.COMPLAINT_LOOKS_BACK + timedelta(days=2)
        assert offers.new_ref(session, worker.id, long_after, Draws(booked_ref)) == booked_ref


class Draws(random.Random):
    """A draw that comes up with `refs` in turn."""

    def __init__(self, *refs: str) -> None:
        super().__init__()
        self.refs = iter(refs)

    def randint(self, low: int, high: int) -> int:
        return int(next(self.refs))


def test_accept_books_at_the_workers_own_rate_not_the_buyers_top(db, now):
    with db.write() as session:
        (worker,) = workers(session, now, 1, rate=1310)
        shift = factories.shift(session, now, max_rate=1450)
        (offer,) = offers.send_wave(session, shift.id, now)
        answer = offers.accept(session, worker.id, offer.ref, now)
        assert answer.outcome == "booked"
        assert answer.booking.rate_minor == 1310
        assert session.get(Shift, shift.id).status == "filled"
        assert worker.last_booked_at == now


def test_a_bare_yes_books_the_only_live_offer(db, now):
    with db.write() as session:
        (worker,) = workers(session, now, 1)
        shift = factories.shift(session, now)
        offers.send_wave(session, shift.id, now)
        assert offers.accept(session, worker.id, None, now).outcome == "booked"


def test_a_bare_yes_with_two_live_offers_asks_which(db, now):
    with db.write() as session:
        (worker,) = workers(session, now, 1)
        for hour in (6, 12):
            shift = factories.shift(
                session, now, start=(now + timedelta(days=1)).replace(hour=hour), hours=2
            )
            offers.send_wave(session, shift.id, now)
        answer = offers.accept(session, worker.id, None, now)
        assert answer.outcome == "which" and len(answer.choices) == 2


def test_a_yes_after_the_last_slot_is_taken_hears_filled_and_books_nothing(db, now):
    with db.write() as session:
        first, second = workers(session, now, 2)
        shift = factories.shift(session, now, slots=1)
        made = {o.worker_id: o for o in offers.send_wave(session, shift.id, now)}
        offers.accept(session, first.id, made[first.id].ref, now)
        answer = offers.accept(session, second.id, made[second.id].ref, now)
        assert answer.outcome == "filled"
        assert len(session.exec(select(Booking)).all()) == 1
        (filled,) = notices(session, "accept_filled")
        assert filled.worker_id == second.id


def test_the_buyer_is_told_of_each_booking(db, now):
    with db.write() as session:
        (worker,) = workers(session, now, 1)
        shift = factories.shift(session, now)
        (offer,) = offers.send_wave(session, shift.id, now)
        offers.accept(session, worker.id, offer.ref, now)
        (told,) = notices(session, "buyer_booked")
        assert told.phone == "+447700900999" and told.data["worker"] == worker.name


def test_decline_closes_the_offer_and_offers_the_next_worker(db, now):
    with db.write() as session:
        crowd = workers(session, now, 4)
        shift = factories.shift(session, now, slots=1)
        first_wave = offers.send_wave(session, shift.id, now)
        assert len(first_wave) == 3
        answer = offers.decline(session, first_wave[0].worker_id, first_wave[0].ref, now)
        assert answer.outcome == "declined"
        fourth = session.exec(select(Offer).where(Offer.worker_id == crowd[3].id)).one()
        assert fourth.status == "live" and fourth.wave == 2


def test_dropping_a_booking_reopens_the_slot_and_offers_it_again(db, now):
    with db.write() as session:
        crowd = workers(session, now, 4)
        shift = factories.shift(session, now, slots=1)
        first_wave = offers.send_wave(session, shift.id, now)
        offers.accept(session, first_wave[0].worker_id, first_wave[0].ref, now)
        answer = offers.drop_booking(session, first_wave[0].worker_id, first_wave[0].ref, now)
        assert answer.outcome == "dropped"
        assert session.get(Shift, shift.id).booked == 0
        live = session.exec(
            select(Offer).where(Offer.shift_id == shift.id, Offer.status == "live")
        ).all()
        # The two whose offers closed when it filled, and the one it had not reached yet.
        assert {o.worker_id for o in live} == {crowd[1].id, crowd[2].id, crowd[3].id}
        assert len(notices(session, "buyer_dropped")) == 1


def test_a_yes_too_late_for_a_filled_shift_gets_it_again_when_a_slot_reopens(db, now):
    with db.write() as session:
        workers(session, now, 3)
        shift = factories.shift(session, now, slots=1)
        first, late, other = offers.send_wave(session, shift.id, now)
        offers.accept(session, first.worker_id, first.ref, now)
        typed = late.ref
        assert offers.accept(session, late.worker_id, typed, now).outcome == "filled"
        offers.drop_booking(session, first.worker_id, first.ref, now)
        session.refresh(late)
        # Offered again, under the reference the worker already has.
        assert (late.status, late.wave, late.ref) == ("live", 2, typed)
        assert offers.accept(session, late.worker_id, typed, now).outcome == "booked"
        session.refresh(other)
        assert other.status == "filled"
        assert len(notices(session, "offer")) == 5


def test_a_no_to_an_offer_closed_by_the_fill_keeps_a_reopened_slot_away(db, now):
    with db.write() as session:
        workers(session, now, 2)
        shift = factories.shift(session, now, slots=1)
        first, passed = offers.send_wave(session, shift.id, now)
        offers.accept(session, first.worker_id, first.ref, now)
        assert offers.decline(session, passed.worker_id, passed.ref, now).outcome == "closed"
        offers.drop_booking(session, first.worker_id, first.ref, now)
        session.refresh(passed)
        assert passed.status == "declined"


def test_cancelling_a_shift_tells_the_booked_workers_and_withdraws_offers(db, now):
    with db.write() as session:
        workers(session, now, 3)
        shift = factories.shift(session, now, slots=2)
        made = offers.send_wave(session, shift.id, now)
        offers.accept(session, made[0].worker_id, made[0].ref, now)
        told = cancel_shift(session, shift.id, "the home closed for the day", now)
        assert set(told) == {o.worker_id for o in made}
        (cancelled,) = notices(session, "shift_cancelled")
        assert cancelled.worker_id == made[0].worker_id
        assert cancelled.data["reason"] == "the home closed for the day"
        assert len(notices(session, "offer_withdrawn")) == 2
        assert session.exec(select(Booking)).one().status == "cancelled"


def test_a_worker_already_booked_at_that_time_is_not_offered_another_shift(db, now):
    with db.write() as session:
        (worker,) = workers(session, now, 1)
        first = factories.shift(session, now)
        (offer,) = offers.send_wave(session, first.id, now)
        offers.accept(session, worker.id, offer.ref, now)
        clash = factories.shift(session, now, start=first.start + timedelta(hours=1))
        assert offers.send_wave(session, clash.id, now) == []
