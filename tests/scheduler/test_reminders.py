"""Reminders before a shift, the check-in check after its start, LATE and HERE by text."""

from datetime import timedelta

import pytest
from sqlmodel import select

from exchange import offers
from exchange.availability import post_availability
from exchange.deadlines import schedule
from exchange.shifts import cancel_shift
from exchange.timers import HANDLERS
from scheduler.jobs import sweep_deadlines
from sms.inbound import deliver
from store.models import Booking, Deadline
from tests import factories
from tests.scheduler.day import ANN, BUYER, book, notices, text, tick

# NOW is Thu 26 Nov 10:00 London; the booked shift is Fri 27 Nov 09:00-13:00.
EVENING = timedelta(hours=8)  # Thu 18:00
BEFORE = timedelta(hours=21)  # Fri 07:00
CHECK = timedelta(hours=23, minutes=20)  # Fri 09:20


def booked(db, now, **terms):
    with db.write() as session:
        made = book(session, now, **terms)
    tick(db, now)  # the booking texts themselves
    return made


def test_a_booking_schedules_the_evening_before_the_hours_before_and_the_check_in_check(db, now):
    made = booked(db, now)
    with db.read() as session:
        due = {
            d.kind: d.due_at
            for d in session.exec(select(Deadline).where(Deadline.booking_id == made.booking_id))
        }
    assert due == {
        "reminder_evening": now + EVENING,
        "reminder_before": now + BEFORE,
        "checkin_check": now + CHECK,
    }


def test_a_reminder_already_past_when_booked_is_not_scheduled(db, now):
    made = booked(db, now, start=now + timedelta(hours=3))
    with db.read() as session:
        kinds = {
            d.kind
            for d in session.exec(select(Deadline).where(Deadline.booking_id == made.booking_id))
        }
    assert kinds == {"reminder_before", "checkin_check"}


def test_the_evening_reminder_says_the_place_the_contact_and_how_to_say_late(db, now):
    booked(db, now)
    ((to, body),) = tick(db, now + EVENING)
    assert to == ANN
    assert body.startswith("Tomorrow: care at Rosewood, E1 6AN, Fri 27 Nov 09:00-13:00.")
    assert f"Ask for Mary Jones, {BUYER}" in body and "Text LATE 15" in body


def test_a_reminder_is_not_sent_before_it_is_due(db, now):
    booked(db, now)
    assert tick(db, now + EVENING - timedelta(minutes=1)) == []


def test_the_reminder_before_the_start_arrives_two_hours_before(db, now):
    booked(db, now)
    tick(db, now + EVENING)
    ((to, body),) = tick(db, now + BEFORE)
    assert to == ANN and body.startswith("Soon: care at Rosewood") and "LATE 15" in body


def test_ticking_twice_at_the_same_moment_sends_a_reminder_once(db, now):
    booked(db, now)
    assert len(tick(db, now + EVENING)) == 1
    assert tick(db, now + EVENING) == []


def test_a_dropped_booking_gets_no_reminder(db, now):
    made = booked(db, now)
    with db.write() as session:
        offers.drop_booking(session, made.worker_id, made.offer_ref, now)
    tick(db, now)
    assert tick(db, now + EVENING) == []
    assert tick(db, now + CHECK) == []


def test_a_cancelled_shift_gets_no_reminder_and_no_check_in_question(db, now):
    made = booked(db, now)
    with db.write() as session:
        cancel_shift(session, made.shift_id, "the home closed", now)
    tick(db, now)
    assert tick(db, now + CHECK) == []


def test_no_check_in_by_the_grace_time_asks_the_buyer_if_the_worker_arrived(db, now):
    made = booked(db, now)
    tick(db, now + BEFORE)
    ((to, body),) = tick(db, now + CHECK)
    assert to == BUYER
    assert body == (
        f"POEMS: has Ann Smith arrived for care 09:00? "
        f"Reply ARRIVED {made.booking_id} or NOSHOW {made.booking_id}."
    )


def test_the_check_in_check_changes_nothing_about_the_booking(db, now):
    made = booked(db, now)
    tick(db, now + CHECK)
    with db.read() as session:
        booking = session.get(Booking, made.booking_id)
    assert (booking.status, booking.arrived, booking.checked_in_at) == ("booked", None, None)


def test_a_worker_who_checked_in_is_not_asked_about(db, now):
    booked(db, now)
    tick(db, now + BEFORE)
    deliver(db, ANN, "HERE", now + timedelta(hours=22, minutes=55))
    tick(db, now + timedelta(hours=22, minutes=55))
    assert tick(db, now + CHECK) == []


def test_a_worker_who_said_late_is_asked_about_only_after_their_new_time(db, now):
    booked(db, now)
    tick(db, now + BEFORE)
    deliver(db, ANN, "LATE 30", now + timedelta(hours=22, minutes=50))
    tick(db, now + timedelta(hours=22, minutes=50))
    assert tick(db, now + CHECK) == []
    ((to, _),) = tick(db, now + CHECK + timedelta(minutes=30))
    assert to == BUYER


def test_late_tells_the_buyer_and_thanks_the_worker(db, now):
    booked(db, now)
    at = now + timedelta(hours=22, minutes=50)
    tick(db, at)
    sent = dict(text(db, ANN, "LATE 15", at))
    assert sent[BUYER] == (
        "POEMS: Ann Smith is running 15 min late for care Fri 27 Nov 09:00-13:00 (shift S1)."
    )
    assert sent[ANN] == (
        "Thanks. We told Rosewood Care Home you will be 15 min late for care Fri 27 Nov 09:00-13:00."
    )


@pytest.mark.parametrize(
    ("body", "late"),
    [
        ("stuck on the bus be there 9.15", 15),
        ("bus didnt come, be there at 9:20", 20),
        ("autobus się spóźnia, będę 9:20", 20),
    ],
)
def test_the_time_they_will_arrive_is_told_as_minutes_late(db, now, body, late):
    """Before, each went to a person while the buyer waited; 08:50 now, the shift at 09:00."""
    made = booked(db, now)
    at = now + timedelta(hours=22, minutes=50)
    tick(db, at)
    sent = dict(text(db, ANN, body, at))
    assert f"{late} min" in sent[BUYER]
    with db.read() as session:
        assert session.get(Booking, made.booking_id).late_minutes == late


def test_arriving_by_the_start_tells_nobody(db, now):
    booked(db, now)
    at = now + timedelta(hours=22, minutes=50)
    tick(db, at)
    ((phone, body),) = text(db, ANN, "ill be there at 9", at)
    assert phone == ANN and "on time" in body


def test_late_is_stored_on_the_booking(db, now):
    made = booked(db, now)
    deliver(db, ANN, "running 10 min late", now + timedelta(hours=22))
    with db.read() as session:
        assert session.get(Booking, made.booking_id).late_minutes == 10


def test_late_the_evening_before_is_too_early_to_be_about_tomorrows_shift(db, now):
    booked(db, now)
    at = now + EVENING
    tick(db, at)
    ((_, body),) = text(db, ANN, "LATE 15", at)
    assert body.startswith("You have no shift in the next 12 hours.")


@pytest.mark.parametrize(
    "body",
    [
        "missed my bus, next one in 20",
        "running a bit behind",
        "bus broke down",
        "samochód mi się zepsuł",
        "se me averió el coche",
        "o carro avariou",
    ],
)
def test_held_up_with_no_minutes_of_lateness_asks_how_late_and_tells_the_buyer_nothing_yet(
    db, now, body
):
    """Before, "next one in 20" told the buyer the worker was 1 minute late ("one" read as a
    minute), and the others went to a person while the buyer waited."""
    booked(db, now)
    at = now + timedelta(hours=22, minutes=50)
    tick(db, at)
    ((phone, asked),) = text(db, ANN, body, at)
    assert phone == ANN and asked.endswith(" 15."), asked


def test_late_without_minutes_asks_how_late(db, now):
    booked(db, now)
    at = now + timedelta(hours=22)
    tick(db, at)
    assert text(db, ANN, "late", at) == [
        (ANN, "How late will you be? Text LATE and the minutes, e.g. LATE 15.")
    ]


@pytest.mark.parametrize(
    ("body", "minutes"),
    [("about 15 mins", 15), ("half an hour", 30), ("20", 20), ("jakieś pół godziny", 30)],
)
def test_the_minutes_alone_after_how_late_tell_the_buyer(db, now, body, minutes):
    """Before, "about 15 mins" just after "How late will you be?" went to a person."""
    booked(db, now)
    at = now + timedelta(hours=22)
    tick(db, at)
    text(db, ANN, "running late sorry", at)
    sent = text(db, ANN, body, at + timedelta(minutes=1))
    assert any(phone == BUYER and f"running {minutes} min late" in said for phone, said in sent)


def test_the_minutes_after_how_late_tell_the_buyer_though_an_offer_came_in_between(db, now):
    """Before, "15 mins" after "How late will you be?" and then an offer went to a person."""
    made = booked(db, now)
    at = now + timedelta(hours=22, minutes=50)
    tick(db, at)
    text(db, ANN, "running late", at)
    with db.write() as session:
        start = at + timedelta(days=2)
        post_availability(session, made.worker_id, start, start + timedelta(hours=4), at)
        shift = factories.shift(session, at, start=start)
        assert offers.send_wave(session, shift.id, at)
    tick(db, at)
    sent = dict(text(db, ANN, "15 mins", at + timedelta(minutes=1)))
    assert "running 15 min late" in sent[BUYER], sent


@pytest.mark.parametrize(
    "body", ["not sure, traffic is bad", "no idea sorry", "stuck in traffic", "nie wiem, korki"]
)
def test_not_knowing_how_late_after_how_late_tells_the_buyer_they_are_late(db, now, body):
    """Before, the worker was asked "How late will you be?" again (or a person read it), and the
    buyer heard nothing."""
    booked(db, now)
    at = now + timedelta(hours=22)
    tick(db, at)
    text(db, ANN, "running late", at)
    sent = dict(text(db, ANN, body, at + timedelta(minutes=1)))
    assert sent[BUYER].endswith("is running late for care Fri 27 Nov 09:00-13:00 (shift S1) "
                                "and cannot yet say how long.")  # fmt: skip
    assert sent[ANN].endswith(" 15.")  # how to say the minutes, in the words they wrote


def test_another_question_after_how_late_goes_to_a_person_and_tells_the_buyer_nothing(db, now):
    booked(db, now)
    at = now + timedelta(hours=22)
    tick(db, at)
    text(db, ANN, "running late", at)
    sent = text(db, ANN, "where do i park?", at + timedelta(minutes=1))
    assert [phone for phone, _ in sent] == [ANN]


def test_late_goes_to_the_booking_nearest_now(db, now):
    first = booked(db, now)
    with db.write() as session:
        later_start = now + timedelta(days=1, hours=5)  # Fri 15:00
        factories.worker(session, "+447700900555", now, free_from=later_start)
        shift = factories.shift(session, now, start=later_start, hours=2)
        (offer,) = [
            o for o in offers.send_wave(session, shift.id, now) if o.worker_id == first.worker_id
        ]
        later = offers.accept(session, first.worker_id, offer.ref, now).booking
    deliver(db, ANN, "LATE 15", now + timedelta(hours=22, minutes=50))
    with db.read() as session:
        assert session.get(Booking, first.booking_id).late_minutes == 15
        assert session.get(Booking, later.id).late_minutes is None


def test_late_for_a_buyer_without_a_phone_asks_the_worker_to_call(db, now):
    booked(db, now, buyer_phone=None)
    at = now + timedelta(hours=22)
    tick(db, at)
    ((to, body),) = text(db, ANN, "LATE 15", at)
    assert to == ANN and "please call Mary Jones" in body


def test_here_checks_in_and_says_how_to_finish(db, now):
    made = booked(db, now)
    at = now + timedelta(hours=22, minutes=58)  # Fri 08:58
    tick(db, at)
    assert text(db, ANN, "HERE", at) == [(ANN, "Checked in 08:58. Text DONE 4 when you finish.")]
    with db.read() as session:
        assert session.get(Booking, made.booking_id).checked_in_at == at


@pytest.mark.parametrize(
    ("body", "passed_on"),
    [
        ("im here but nobody is answering the door", "We passed your message to Rosewood"),
        ("im outside, whats the door code?", "We passed your message to Rosewood"),
        ("jestem na miejscu ale nikt nie otwiera", "Przekazaliśmy Twoją wiadomość zleceniodawcy"),
        ("ya llegué pero nadie abre", "Le pasamos tu mensaje a Rosewood"),
        # where to go, once there (before, the booking's line, and no check-in)
        ("where do i go? im at reception", "We passed your message to Rosewood"),
        ("at reception now, who do i ask for?", "We passed your message to Rosewood"),
        # at the door without saying "here" (before, to a person, the door still shut)
        ("nobody here to let me in", "We passed your message to Rosewood"),
        ("door is locked", "We passed your message to Rosewood"),
        ("been knocking for 10 mins", "We passed your message to Rosewood"),
        ("nikt nie otwiera drzwi", "Przekazaliśmy Twoją wiadomość zleceniodawcy"),
        ("la puerta está cerrada", "Le pasamos tu mensaje a Rosewood"),
    ],
)
def test_here_but_kept_outside_checks_in_and_passes_the_words_to_the_buyer(
    db, now, body, passed_on
):
    """Before, the worker was checked in and their words went nowhere, the door still shut."""
    made = booked(db, now)
    at = now + timedelta(hours=22, minutes=58)  # Fri 08:58
    tick(db, at)
    told = dict(text(db, ANN, body, at))
    assert told[BUYER] == (
        f"POEMS: Ann Smith is at Rosewood, E1 6AN for care Fri 27 Nov 09:00-13:00 (shift S1) "
        f"and says: {body}"
    )
    assert "08:58" in told[ANN] and passed_on in told[ANN]
    with db.read() as session:
        assert session.get(Booking, made.booking_id).checked_in_at == at


@pytest.mark.parametrize(
    "body",
    ["arrived but the manager says they didnt book anyone", "i got here and theyve cancelled"],
)
def test_arrived_to_no_shift_is_for_a_person_not_a_check_in(db, now, body):
    made = booked(db, now)
    at = now + timedelta(hours=22, minutes=58)
    tick(db, at)
    text(db, ANN, body, at)
    with db.read() as session:
        assert session.get(Booking, made.booking_id).checked_in_at is None


def test_here_twice_keeps_the_first_time(db, now):
    made = booked(db, now)
    first = now + timedelta(hours=22, minutes=58)
    tick(db, first)
    text(db, ANN, "arrived", first)
    ((_, body),) = text(db, ANN, "im here", first + timedelta(minutes=5))
    assert body == "You checked in at 08:58. Text DONE 4 when you finish."
    with db.read() as session:
        assert session.get(Booking, made.booking_id).checked_in_at == first


def test_here_hours_before_the_start_says_when_the_shift_is(db, now):
    booked(db, now)
    at = now + timedelta(hours=20)  # Fri 06:00, three hours early
    ((_, body),) = text(db, ANN, "HERE", at)
    assert body == (
        "Your next shift is care at Rosewood, E1 6AN, Fri 27 Nov 09:00-13:00. "
        "Text HERE when you get there."
    )


def test_here_without_a_booking_gets_a_helpful_reply(db, now):
    booked(db, now)
    ((_, body),) = text(db, ANN, "HERE", now)
    assert body.startswith("You have no shift starting within the hour.")


def test_a_deadline_whose_handler_fails_stays_due_and_the_others_still_fire(db, now):
    booked(db, now)

    def broken(session, deadline, at):
        raise RuntimeError("boom")

    HANDLERS["broken"] = broken
    try:
        with db.write() as session:
            schedule(session, "broken", now, now)
        assert sweep_deadlines(db, now + EVENING) == 1
        with db.read() as session:
            left = session.exec(select(Deadline).where(Deadline.kind == "broken")).one()
            assert left.done_at is None
            assert len(notices(session, "reminder_evening")) == 1
    finally:
        del HANDLERS["broken"]


def test_after_a_gap_past_the_start_no_reminder_or_check_in_prompt_is_sent(db, now, caplog):
    booked(db, now)
    # The sweeps stop from Thu 10:00 until after the shift, Fri 09:00-13:00, has ended.
    assert tick(db, now + timedelta(hours=28)) == []
    assert "3 timed texts dropped unsent" in caplog.text
    with db.read() as session:
        assert session.exec(select(Deadline).where(Deadline.done_at == None)).all() == []  # noqa: E711


def test_after_a_gap_into_the_shift_s_day_only_the_soon_reminder_is_sent(db, now, caplog):
    booked(db, now)
    # Fri 07:30: "Tomorrow" would be wrong, "Soon" is still true.
    ((to, body),) = tick(db, now + BEFORE + timedelta(minutes=30))
    assert to == ANN and body.startswith("Soon: care at Rosewood")
    assert "1 timed texts dropped unsent" in caplog.text


def test_after_a_gap_past_the_start_the_buyer_is_still_asked_during_the_shift(db, now):
    booked(db, now)
    sent = tick(db, now + timedelta(hours=25))  # Fri 11:00, the shift runs till 13:00
    assert [to for to, _ in sent] == [BUYER]


@pytest.mark.parametrize(
    ("answer", "arrived"),
    [
        ("yes she is here", True),
        ("not yet", False),
        ("yes she's here thanks", True),
        ("she has arrived", True),
        ("she hasnt turned up", False),
        ("nobody has arrived yet", False),
        ("he hasn't shown up", False),
    ],
)
def test_a_buyers_yes_or_not_yet_to_has_she_arrived_answers_it(db, now, answer, arrived):
    """Before, "yes" was read as OK for a timesheet, and "not yet" got the list of commands."""
    made = booked(db, now)
    tick(db, now + CHECK)
    text(db, BUYER, answer, now + CHECK + timedelta(minutes=5))
    with db.read() as session:
        assert session.get(Booking, made.booking_id).arrived is arrived


def test_a_buyers_yes_long_after_has_she_arrived_is_not_taken_as_its_answer(db, now):
    made = booked(db, now)
    tick(db, now + CHECK)
    text(db, BUYER, "yes", now + CHECK + timedelta(hours=5))
    with db.read() as session:
        assert session.get(Booking, made.booking_id).arrived is None


@pytest.mark.parametrize(
    "body", ["who do i ask for", "kogo mam szukać na miejscu?", "por quién pregunto?"]
)
def test_who_to_ask_for_is_answered_with_the_next_bookings_contact(db, now, body):
    """Before, each went to a person, though the evening reminder names the contact."""
    booked(db, now)
    ((phone, reply),) = text(db, ANN, body, now + timedelta(hours=2))
    assert phone == ANN and "+447700900999" in reply
