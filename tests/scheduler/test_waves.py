"""Offer waves over time: expiry, the next wave, late replies, and shifts nobody is left to take."""

from datetime import timedelta

from sqlmodel import select

from exchange import offers, waves
from exchange.workers import update_terms
from scheduler.jobs import sweep_waves
from store.models import Offer, Shift
from tests import factories
from tests.scheduler.day import BUYER, notices, text, tick

WINDOW = timedelta(minutes=15)


def workers(session, now, count, first=1, **terms):
    return [
        factories.worker(session, f"+4477009{n:05d}", now, **terms)
        for n in range(first, first + count)
    ]


def posted(db, now, workers_count=4, slots=1, **shift_terms):
    """A shift with its first wave out to the first three of `workers_count` workers."""
    with db.write() as session:
        made = workers(session, now, workers_count)
        shift = factories.shift(session, now, slots=slots, **shift_terms)
        offers.send_wave(session, shift.id, now)
        return shift.id, [w.phone for w in made]


def offer_states(db, shift_id):
    with db.read() as session:
        return [
            (o.wave, o.status)
            for o in session.exec(
                select(Offer).where(Offer.shift_id == shift_id).order_by(Offer.id)
            )
        ]


def shift_status(db, shift_id):
    with db.read() as session:
        return session.get(Shift, shift_id).status


def test_an_unanswered_offer_expires_when_its_window_ends(db, now):
    shift_id, _ = posted(db, now)
    sweep_waves(db, now + WINDOW)
    assert offer_states(db, shift_id)[:3] == [(1, "expired")] * 3


def test_an_offer_still_in_its_window_is_left_alone(db, now):
    shift_id, _ = posted(db, now)
    assert sweep_waves(db, now + WINDOW - timedelta(seconds=1)) == 0
    assert offer_states(db, shift_id) == [(1, "live")] * 3


def test_the_next_wave_goes_to_the_next_eligible_worker_when_the_first_expires(db, now):
    shift_id, phones = posted(db, now)
    tick(db, now)
    sent = tick(db, now + WINDOW)
    assert [to for to, _ in sent] == [phones[3]]
    assert sent[0][1].startswith("Work: care at Rosewood")
    assert offer_states(db, shift_id)[3] == (2, "live")


def test_sweeping_twice_at_the_same_moment_sends_no_second_wave(db, now):
    shift_id, _ = posted(db, now, workers_count=5)
    sweep_waves(db, now + WINDOW)
    sweep_waves(db, now + WINDOW)
    assert offer_states(db, shift_id).count((2, "live")) == 2
    assert len(offer_states(db, shift_id)) == 5


def test_a_yes_after_the_offer_expired_hears_it_has_closed(db, now):
    shift_id, phones = posted(db, now)
    tick(db, now + WINDOW)
    with db.read() as session:
        ref = session.exec(select(Offer.ref).where(Offer.shift_id == shift_id)).first()
    ((to, body),) = text(db, phones[0], f"Y {ref}", now + WINDOW + timedelta(minutes=1))
    assert to == phones[0]
    assert body == f"Sorry, offer {ref} has closed. Text SHIFTS to see what is open for you."


def test_a_shift_nobody_is_left_to_take_becomes_unfilled(db, now):
    shift_id, _ = posted(db, now, workers_count=2)
    sweep_waves(db, now + WINDOW)
    assert shift_status(db, shift_id) == "unfilled"


def test_the_buyer_is_told_the_shift_is_unfilled_and_who_was_offered_it(db, now):
    posted(db, now, workers_count=2)
    tick(db, now)
    ((to, body),) = tick(db, now + WINDOW)
    assert to == BUYER
    assert body == (
        "POEMS: nobody is left to offer S1 (care Fri 27 Nov 09:00-13:00); 0 of 1 booked. "
        "Eligible workers offered it: 2 (too few to show their rates). "
        "Free nearby but asking over your top £14.50: 0."
    )


def test_an_unfilled_shift_is_reported_once(db, now):
    posted(db, now, workers_count=2)
    tick(db, now + WINDOW)
    assert tick(db, now + WINDOW * 2) == []
    with db.read() as session:
        assert len(notices(session, "shift_unfilled_few")) == 1


def test_the_unfilled_notice_gives_lowest_median_and_highest_asks_of_five_or_more(db, now):
    with db.write() as session:
        for n, rate in enumerate((1300, 1320, 1350, 1400, 1420, 1450)):
            factories.worker(session, f"+4477009{n:05d}", now, rate=rate)
        shift = factories.shift(session, now, slots=2)
        offers.send_wave(session, shift.id, now)
        shift_id = shift.id
    tick(db, now)
    tick(db, now + WINDOW)
    with db.read() as session:
        (notice,) = notices(session, "shift_unfilled")
        assert session.get(Shift, shift_id).status == "unfilled"
    assert (notice.data["low_rate"], notice.data["median_rate"], notice.data["high_rate"]) == (
        1300,
        1375,
        1450,
    )
    assert notice.data["eligible"] == 6


def test_the_unfilled_notice_counts_workers_free_nearby_who_ask_more_than_the_top_rate(db, now):
    with db.write() as session:
        workers(session, now, 1)
        workers(session, now, 2, first=10, rate=1600)
        workers(session, now, 1, first=20, rate=1600, place="M1 1AE")  # not in the area
        workers(session, now, 1, first=30, rate=1600, skills=("kitchen",))
        shift = factories.shift(session, now)
        offers.send_wave(session, shift.id, now)
    sweep_waves(db, now + WINDOW)
    with db.read() as session:
        (notice,) = notices(session, "shift_unfilled_few")
    assert (notice.data["eligible"], notice.data["asking_more"]) == (1, 2)


def test_a_shift_declined_by_everyone_is_closed_by_the_next_sweep(db, now):
    shift_id, _ = posted(db, now, workers_count=1)
    with db.write() as session:
        (offer,) = session.exec(select(Offer).where(Offer.shift_id == shift_id)).all()
        offers.decline(session, offer.worker_id, offer.ref, now)
    sweep_waves(db, now + timedelta(minutes=1))
    assert shift_status(db, shift_id) == "unfilled"


def test_a_shift_never_offered_to_anyone_stays_open_for_workers_who_may_yet_be_free(db, now):
    with db.write() as session:
        shift_id = factories.shift(session, now).id
    sweep_waves(db, now + WINDOW)
    assert shift_status(db, shift_id) == "open"
    with db.write() as session:
        factories.worker(session, "+447700900001", now)
    sweep_waves(db, now + WINDOW * 2)
    assert offer_states(db, shift_id) == [(1, "live")]


def test_a_shift_nobody_was_eligible_for_is_unfilled_once_it_starts(db, now):
    with db.write() as session:
        shift = factories.shift(session, now)
    sweep_waves(db, shift.start)
    assert shift_status(db, shift.id) == "unfilled"


def test_a_partly_booked_shift_with_nobody_left_is_unfilled_with_its_bookings_kept(db, now):
    shift_id, _ = posted(db, now, workers_count=1, slots=2)
    with db.write() as session:
        (offer,) = session.exec(select(Offer).where(Offer.shift_id == shift_id)).all()
        offers.accept(session, offer.worker_id, offer.ref, now)
    sweep_waves(db, now + WINDOW)
    with db.read() as session:
        shift = session.get(Shift, shift_id)
        (notice,) = notices(session, "shift_unfilled_few")
    assert (shift.status, shift.booked) == ("unfilled", 1)
    assert (notice.data["booked"], notice.data["slots"]) == (1, 2)


def test_a_worker_who_lowers_their_rate_is_offered_the_next_wave(db, now):
    with db.write() as session:
        workers(session, now, 3)
        (dear,) = workers(session, now, 1, first=9, rate=1600)
        shift = factories.shift(session, now)
        offers.send_wave(session, shift.id, now)
        update_terms(session, dear, now, asking_rate_minor=1400)
    sweep_waves(db, now + WINDOW)
    with db.read() as session:
        second = session.exec(select(Offer).where(Offer.wave == 2)).all()
    assert [o.worker_id for o in second] == [dear.id]


def test_advance_says_what_happened(db, now):
    shift_id, _ = posted(db, now, workers_count=2)
    with db.write() as session:
        assert waves.advance(session, shift_id, now) == "open"
    with db.write() as session:
        assert waves.advance(session, shift_id, now + WINDOW) == "unfilled"
    with db.write() as session:
        assert waves.advance(session, shift_id, now + WINDOW) == "closed"
