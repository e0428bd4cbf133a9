"""Hours and money by text, through the whole inbound path and the outbox on a real SQLite file."""

from datetime import timedelta

import pytest
from sqlmodel import select

from exchange import offers
from exchange.availability import post_availability
from exchange.shifts import cancel_shift
from scheduler.jobs import sweep_deadlines
from services.terms import change_own_terms
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from store.models import Booking, Dispute, InboxThread, TermsChange, Timesheet, Worker
from tests import factories
from tests.bookings import book

ANN = "+447700900101"
BUYER = "+447700900999"


@pytest.fixture
def booking(db, now):
    """Ann is booked tomorrow 09:00-13:00 at £13.00/hr; the setup's texts are already sent."""
    with db.write() as session:
        made, shift, worker = book(session, now, phone=ANN, rate=1300)
    drain(db, SimulatorGateway(), now)
    return made


@pytest.fixture
def after(booking, db):
    """A moment just after the shift's end."""
    with db.read() as session:
        return session.get(Booking, booking.id).created_at + timedelta(days=1, hours=3, minutes=5)


def text(db, phone, body, at) -> dict[str, str]:
    """Deliver one text; what went out, by phone."""
    deliver(db, phone, body, at)
    sent = drain(db, SimulatorGateway(), at)
    return {m.phone: m.body for m in sent}


def timesheet(db) -> Timesheet:
    with db.read() as session:
        return session.exec(select(Timesheet)).one()


def test_done_4_asks_the_buyer_to_confirm_with_the_booking_number(db, booking, after):
    out = text(db, ANN, "DONE 4", after)
    ref = booking.id
    assert out[BUYER] == (
        f"POEMS: Ann Smith says 4h for care Fri 27 Nov (booking {ref}). Reply OK {ref} to "
        f"confirm or HOURS {ref} 3.5 to change. No reply in 48h and these stand."
    )
    assert out[ANN].startswith("Thanks. 4h for care Fri 27 Nov sent to Rosewood Care Home")


@pytest.mark.parametrize(
    ("body", "minutes", "taken"),
    [
        ("done 4h, 20 min break", 240, 20),
        ("finished 4 hours with half an hour break", 240, 30),
        ("DONE 4, had a 15 min break", 240, 15),
        ("done 4h, thanks", 240, None),
        ("done, 4 hrs no break", 240, 0),
        ("worked 9-1 didnt get a break", 240, 0),
        ("done 4 hours break 30 min", 240, 30),
        ("did 4 hours, half hour break", 240, 30),
        ("terminei 4h com 30 min de almoço", 240, 30),
        ("am terminat 4 ore cu pauza de 30 min", 240, 30),
        # Left, with the break: before, "lunch" put the text elsewhere, and it went to a person
        ("left, 4 hours with 30 min lunch", 240, 30),
        ("saí, foram 4 horas com 30 min de almoço", 240, 30),
        ("am plecat, 4 ore cu 30 min pauză", 240, 30),
    ],
)
def test_the_break_a_worker_says_they_took_is_kept_with_their_hours(
    db, booking, after, body, minutes, taken
):
    """Before, the break was dropped (and "done 4h, 20 min break" lost the hours too), so the
    buyer was told no break was recorded; "done, 4 hrs no break" opened a dispute and told the
    buyer; "done 4 hours break 30 min" took a 4-hour break, and "30 min de almoço" 30 minutes
    of work."""
    text(db, ANN, body, after)
    sheet = timesheet(db)
    assert (sheet.worker_minutes, sheet.break_minutes) == (minutes, taken)


@pytest.mark.parametrize(
    ("body", "minutes", "taken"),
    [
        ("finished. had 30 mins lunch", 210, 30),
        ("all done, took a 20 min break", 220, 20),
        ("finished at 1, half hour for lunch", 210, 30),
        ("skończyłam, miałam 30 min przerwy", 210, 30),
        ("done, no break", 240, 0),
    ],
)
def test_a_break_told_without_hours_is_taken_off_the_booked_time(
    db, booking, after, body, minutes, taken
):
    """The booking is 09:00-13:00. Before, "finished. had 30 mins lunch" sent the buyer 4h."""
    out = text(db, ANN, body, after)
    sheet = timesheet(db)
    assert (sheet.worker_minutes, sheet.break_minutes) == (minutes, taken)
    if taken:
        assert f", {taken} min break (booking" in out[BUYER]


@pytest.mark.parametrize("body", ["leaving now", "ya me voy", "DONE"])
def test_leaving_just_before_the_start_is_on_the_way_and_sends_no_hours(db, booking, body):
    """The booking starts at 09:00. Before, "ya me voy" at 08:40 sent the buyer 4 hours
    not yet worked; "leaving now" at 08:20 was told no shift had started."""
    for minutes in (20, 40):
        at = booking.created_at + timedelta(hours=22, minutes=minutes)  # Fri 08:20, 08:40
        out = text(db, ANN, body, at)
        assert BUYER not in out
        assert "09:00-13:00" in out[ANN] and ("HERE" in out[ANN] or "LLEGU" in out[ANN])
    with db.read() as session:
        assert session.exec(select(Timesheet)).all() == []


def test_with_no_buyer_answer_for_48_hours_the_sweep_pays_the_worker(db, booking, after):
    text(db, ANN, "DONE 4", after)
    later = after + timedelta(hours=48)
    sweep_deadlines(db, later)
    sent = [(m.phone, m.body) for m in drain(db, SimulatorGateway(), later)]
    assert (
        ANN,
        "Rosewood Care Home did not answer in 48h, so your 4h for booking "
        f"{booking.id} stand. Your pay statement follows.",
    ) in sent
    assert (
        ANN,
        f"Pay for booking {booking.id}: 4h at £13.00/hr = £52.00. Tax held £0.00 "
        "(0%). You get £52.00.",
    ) in sent
    assert any(phone == BUYER and "Total £53.04" in body for phone, body in sent)
    assert timesheet(db).status == "confirmed"


def test_finished_at_a_time_claims_the_hours_since_the_start(db, booking, after):
    text(db, ANN, "finished 1pm", after)
    assert timesheet(db).worker_minutes == 240


@pytest.mark.parametrize("body", ["i finished at 1", "finished 1pm", "done at 1.00"])
def test_a_finishing_time_texted_the_next_morning_is_the_shifts_own_end(db, booking, after, body):
    """The shift ended at 13:00; at 08:00 the next day "finished at 1" is that 13:00, not
    01:00 that night (16 hours), and "finished 1pm" is not a time still to come."""
    out = text(db, ANN, body, after + timedelta(hours=18, minutes=55))
    assert out[ANN].startswith("Thanks. 4h for care Fri 27 Nov"), out
    assert timesheet(db).worker_minutes == 240


@pytest.mark.parametrize(
    ("body", "hours"),
    [
        ("4h", "4h"),
        ("three and a half hours", "3h30"),
        ("worked til 1", "4h"),
        ("4 godziny", "4h"),
        ("3,5 horas", "3h30"),
        ("4 and a half", "4h30"),
        ("4 i pół", "4h30"),
        ("4 hours, had 30 min break", "4h"),
        ("4h with a 30 min break", "4h"),
    ],
)
def test_hours_alone_just_after_the_shift_are_its_hours(db, booking, after, body, hours):
    """Before, each went to a person, and the buyer heard nothing of the hours."""
    out = text(db, ANN, body, after)
    assert out[BUYER].startswith(f"POEMS: Ann Smith says {hours} for care"), out


@pytest.mark.parametrize("body", ["4 hours, no break", "4h no break"])
def test_hours_and_no_break_just_after_the_shift_are_its_hours_not_a_dispute(
    db, booking, after, body
):
    """Before, "4 hours, no break" opened a dispute on the booking and told the buyer of a
    complaint the worker never made."""
    out = text(db, ANN, body, after)
    assert out[BUYER].startswith("POEMS: Ann Smith says 4h for care"), out
    with db.read() as session:
        assert session.exec(select(Dispute)).all() == []
        assert timesheet(db).break_minutes == 0


@pytest.mark.parametrize("body", ["they had me doing 4 hrs no break", "no break"])
def test_a_complaint_of_no_break_just_after_the_shift_stays_a_complaint(db, booking, after, body):
    text(db, ANN, body, after)
    with db.read() as session:
        assert session.exec(select(Timesheet)).all() == []


@pytest.mark.parametrize("body", ["9", "20"])
def test_a_bare_number_just_after_the_shift_is_not_taken_for_hours(db, booking, after, body):
    out = text(db, ANN, body, after)
    assert BUYER not in out
    with db.read() as session:
        assert session.exec(select(Timesheet)).all() == []


def test_hours_alone_with_no_shift_just_over_are_not_taken_for_hours(db, booking, now):
    out = text(db, ANN, "4h", now + timedelta(hours=1))
    assert BUYER not in out


@pytest.mark.parametrize(
    "question",
    ["why havent i been paid", "how come i havent been paid", "dlaczego nie dostałam pieniędzy?"],
)
def test_asking_about_pay_while_the_hours_wait_for_the_buyer_tells_where_they_are(
    db, booking, after, question
):
    """Before, the question opened a dispute, and the buyer was told of a complaint nobody had
    made."""
    text(db, ANN, "DONE 4", after)
    out = text(db, ANN, question, after + timedelta(days=1))
    assert BUYER not in out
    assert (
        "sent to Rosewood Care Home to confirm" in out[ANN]
        or "Rosewood Care Home dostal" in (out[ANN])
    )
    with db.read() as session:
        assert session.exec(select(Dispute)).all() == []


def test_a_complaint_about_pay_still_opens_a_dispute(db, booking, after):
    text(db, ANN, "DONE 4", after)
    out = text(db, ANN, "they didnt pay me", after + timedelta(days=1))
    assert out[BUYER].startswith("POEMS: Ann Smith has opened dispute D")


def test_done_with_no_booking_gets_a_helpful_reply(db, booking, now):
    out = text(db, ANN, "DONE", now)
    assert out[ANN] == (
        "Sorry: We can't find a booked shift of yours that has started. "
        "Text DONE when a booked shift ends, e.g. DONE 4.5"
    )


def test_buyer_ok_pays_the_worker_and_sends_the_statement(db, booking, after):
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, f"OK {booking.id}", after)
    assert out[ANN] == (
        f"Pay for booking {booking.id}: 4h at £13.00/hr = £52.00. Tax held £0.00 (0%). "
        "You get £52.00."
    )
    assert "Total £53.04" in out[BUYER]


def test_buyer_hours_amendment_is_texted_to_the_worker(db, booking, after):
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, f"HOURS {booking.id} 3.5", after)
    ref = booking.id
    assert out[ANN] == (
        f"Rosewood Care Home changed your hours for care Fri 27 Nov (booking {ref}) from 4h "
        f"to 3h30. Reply ACCEPT {ref} to agree, or DISPUTE {ref} and the hours you worked."
    )
    assert out[BUYER].startswith(f"POEMS: 3h30 for booking {ref} sent to Ann Smith")


def test_worker_accept_of_the_amendment_sends_the_statement_with_the_right_figures(
    db, booking, after
):
    text(db, ANN, "TAX 20", after)
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, f"AMEND {booking.id} 3h30", after)
    out = text(db, ANN, f"ACCEPT {booking.id}", after)
    assert out[ANN] == (
        f"Pay for booking {booking.id}: 3h30 at £13.00/hr = £45.50. Tax held £9.10 (20%). "
        "You get £36.40."
    )
    assert timesheet(db).status == "confirmed"


def test_a_bare_yes_accepts_the_only_amended_timesheet(db, booking, after):
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, f"HOURS {booking.id} 3", after)
    out = text(db, ANN, "yes", after)
    assert out[ANN].startswith(f"Pay for booking {booking.id}: 3h at")


@pytest.mark.parametrize("body", ["ok", "yes", "👍"])
def test_a_bare_yes_long_after_the_changed_hours_asks_about_them_again(db, booking, after, body):
    """Before, an "ok" two hours on, meant for anything, agreed to an hour less pay."""
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, f"HOURS {booking.id} 3", after)
    out = text(db, ANN, body, after + timedelta(hours=2))
    assert out == {
        ANN: f"Rosewood Care Home changed your hours for care Fri 27 Nov (booking {booking.id}) "
        f"from 4h to 3h. Reply ACCEPT {booking.id} to agree, or DISPUTE {booking.id} and the "
        "hours you worked."
    }
    assert timesheet(db).status == "amended"
    out = text(db, ANN, "ACCEPT", after + timedelta(hours=2, minutes=1))
    assert out[ANN].startswith(f"Pay for booking {booking.id}: 3h at")


def test_a_yes_to_an_offer_just_closed_is_not_taken_as_agreeing_changed_hours(db, booking, after):
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, f"HOURS {booking.id} 3", after)
    with db.write() as session:
        worker = session.exec(select(Worker).where(Worker.phone == ANN)).one()
        start = after + timedelta(days=1)
        post_availability(session, worker.id, start, start + timedelta(hours=4), after)
        shift = factories.shift(session, after, start=start)
        (offer,) = offers.send_wave(session, shift.id, after)
    drain(db, SimulatorGateway(), after)
    later = after + timedelta(minutes=30)
    with db.write() as session:
        cancel_shift(session, shift.id, "no longer needed", later)
    drain(db, SimulatorGateway(), later)
    out = text(db, ANN, "yes", later)
    assert out[ANN].endswith("was cancelled by the buyer.") and timesheet(db).status == "amended"


def test_accept_with_nothing_amended_is_still_an_offer_reply(db, booking, after):
    out = text(db, ANN, "ACCEPT", after)
    assert out[ANN].startswith("You have no open offers just now.")


def test_worker_dispute_of_the_amendment_holds_it_for_staff(db, booking, after):
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, f"HOURS {booking.id} 2", after)
    out = text(db, ANN, f"DISPUTE {booking.id} I worked 4 hours", after)
    assert out[ANN].startswith("Your dispute D")
    assert "(hours) on care Fri 27 Nov, booking" in out[ANN]
    assert out[BUYER].startswith("POEMS: Ann Smith has opened dispute D")
    assert timesheet(db).status == "disputed"


@pytest.mark.parametrize("body", ["no", "no that is wrong", "nie", "no thanks"])
def test_a_no_to_the_changed_hours_asks_them_again_and_gives_up_nothing(db, booking, after, body):
    """Before, "no that is wrong" to the buyer's changed hours was a NO to offers: "You have no
    open offers", or, with a shift still to come, "Drop your care shift...?"."""
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, f"HOURS {booking.id} 2", after)
    assert text(db, ANN, body, after) == {ANN: out[ANN]}
    assert timesheet(db).status == "amended"


@pytest.mark.parametrize(
    "body",
    [
        "i did 4 hours not 2",
        "pracowałam 4 godziny, nie 2",
        "done 4h",
        "no i worked the full 4 hours",
        "przepracowałam całe 4 godziny",
        "no i did 4",
        "i dont agree, i was there 4 hours",
        "nie zgadzam się, byłam 4 godziny",
        "no estoy de acuerdo, trabajé 4 horas",
        "não concordo, trabalhei 4 horas",
        "nu sunt de acord, am lucrat 4 ore",
    ],
)
def test_other_hours_just_after_the_buyer_changed_them_dispute_the_change(db, booking, after, body):
    """Before, "i did 4 hours not 2" read 2 hours, and any hours heard "already sent": the
    worker's answer to the buyer's change was lost, and the buyer's hours would stand."""
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, f"HOURS {booking.id} 2", after)
    out = text(db, ANN, body, after)
    assert out[BUYER].startswith("POEMS: Ann Smith has opened dispute D")
    assert timesheet(db).status == "disputed"


def test_tax_20_sets_the_rate_for_future_pay_and_records_the_change(db, booking, now):
    out = text(db, ANN, "TAX 20", now)
    assert out[ANN] == (
        "Done: 20% of your pay will be held back for tax. It applies to future pay only. "
        "TAX 0 stops it."
    )
    with db.read() as session:
        worker = session.exec(select(Worker).where(Worker.phone == ANN)).one()
        change = session.exec(select(TermsChange).where(TermsChange.field == "tax_percent")).one()
    assert worker.tax_percent == 20
    assert (change.old_value, change.new_value) == ("0", "20")


def test_tax_over_60_is_refused_with_an_example_and_nothing_changes(db, booking, now):
    out = text(db, ANN, "TAX 70", now)
    assert out[ANN] == (
        "Sorry: Tax held back must be 0 to 60 percent, e.g. TAX 20. Your tax rate is unchanged."
    )
    with db.read() as session:
        assert session.exec(select(Worker).where(Worker.phone == ANN)).one().tax_percent == 0


def test_earnings_gives_this_weeks_and_this_months_pay(db, booking, after):
    text(db, ANN, "TAX 20", after)
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, f"OK {booking.id}", after)
    out = text(db, ANN, "EARNINGS", after)
    assert out[ANN] == (
        "Your pay this week: £52.00, £41.60 after tax. This month: £52.00, £41.60 after tax."
    )


def test_a_buyers_help_gets_the_buyer_help_reply(db, booking, after):
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, "help?", after)
    ref = booking.id
    assert out[BUYER] == (
        f"POEMS for buyers: reply OK {ref} to confirm hours, HOURS {ref} 3.5 to change them, "
        f"ARRIVED {ref} or NOSHOW {ref}. Job-centre staff post your shifts."
    )


@pytest.mark.parametrize("body", ["wot?? pls call", "nobody has turned up", "she only did 3 hours"])
def test_a_buyers_words_that_are_no_command_go_to_a_person_and_say_what_acts_now(db, booking, body):
    """Before, "nobody has turned up" got the list of commands and no person ever saw it."""
    out = text(db, BUYER, body, booking.created_at + timedelta(days=1, minutes=10))
    ref = booking.id
    assert out[BUYER].startswith("POEMS: thanks, staff will read this and reply.")
    assert f"NOSHOW {ref} if nobody came" in out[BUYER]
    with db.read() as session:
        (thread,) = session.exec(select(InboxThread)).all()
    assert (thread.phone, thread.reason) == (BUYER, "buyer")


@pytest.mark.parametrize(
    "body",
    [
        "who is coming tomorrow?",
        "whos booked for friday",
        "is tomorrows shift covered?",
        "has anyone been booked for tomorrow?",
        "what's the name of the carer coming tomorrow",
        "who are you sending?",
    ],
)
def test_a_buyer_asking_who_is_coming_hears_each_shift_to_come_and_who_is_booked(
    db, booking, now, body
):
    """Before, each went to a person with the commands for hours and no-shows."""
    with db.write() as session:
        factories.shift(session, now, start=(now + timedelta(days=2)).replace(hour=9))
    drain(db, SimulatorGateway(), now)
    out = text(db, BUYER, body, now + timedelta(minutes=5))
    assert out[BUYER] == (
        "POEMS, your shifts to come: care Fri 27 Nov 09:00-13:00 (shift S1): Ann Smith, 1 of 1 "
        "booked | care Sat 28 Nov 09:00-13:00 (shift S2): nobody booked yet, we are offering it."
    )


def test_a_buyer_with_no_shift_to_come_is_told_so(db, booking, after):
    out = text(db, BUYER, "who is coming?", after + timedelta(days=1))
    assert out[BUYER].startswith("POEMS: you have no shifts to come.")


@pytest.mark.parametrize(
    "body",
    ["thanks!", "thanks she was great", "cheers, great job", "very happy with her thank you"],
)
def test_a_buyers_thanks_gets_no_reply_and_troubles_no_one(db, booking, after, body):
    """Before, praise with the thanks went to a person, and the buyer was told staff would reply."""
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, "OK", after)
    assert BUYER not in text(db, BUYER, body, after)
    with db.read() as session:
        assert session.exec(select(InboxThread)).first() is None


def test_a_buyer_ok_for_an_unknown_booking_changes_nothing(db, booking, after):
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, "OK 99999", after)
    assert out[BUYER].startswith("POEMS: No hours to confirm for booking 99999.")
    assert timesheet(db).status == "submitted"


def test_a_bare_ok_confirms_the_one_timesheet_waiting(db, booking, after):
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, "ok thanks", after)
    assert out[ANN].startswith(f"Pay for booking {booking.id}: 4h at £13.00/hr")
    assert timesheet(db).status == "confirmed"


@pytest.mark.parametrize(
    "body",
    ["yes thats right", "all good", "thats correct", "👍", "yes that's right", "That’s fine"],
)
def test_assent_in_words_just_after_the_hours_were_sent_confirms_them(db, booking, after, body):
    """Before, each went to a person (or, "all good", nowhere) and the hours waited two days."""
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, body, after + timedelta(minutes=30))
    assert out[ANN].startswith(f"Pay for booking {booking.id}: 4h at £13.00/hr")
    assert timesheet(db).status == "confirmed"


@pytest.mark.parametrize(
    ("body", "hours"),
    [
        ("she only did 3 hours", "3h"),
        ("3.5 hrs", "3h30"),
        # when they left, on a shift from 9: the hours from then (before, to a person)
        ("no, she left at 12", "3h"),
        # the span of the clock worked (before, to a person)
        ("no she did 9-12", "3h"),
        ("she was here 9:30 to 1", "3h30"),
        ("9-12 not 9-1", "3h"),
        ("he went home at 11.30am", "2h30"),
        # the unit left out (before, to a person)
        ("she only did 3", "3h"),
        ("worked 2.5", "2h30"),
    ],
)
def test_other_hours_in_words_are_asked_back_as_the_command_and_change_nothing(
    db, booking, after, body, hours
):
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, body, after + timedelta(minutes=30))
    ref = booking.id
    assert out == {
        BUYER: f"POEMS: change booking {ref} to {hours}? Reply HOURS {ref} {hours} to confirm, "
        f"or OK {ref} to agree the worker's hours."
    }
    assert timesheet(db).status == "submitted"
    text(db, BUYER, f"HOURS {ref} {hours}", after + timedelta(minutes=31))
    assert timesheet(db).status != "submitted"


def test_hours_in_words_the_moment_after_a_reply_that_asked_nothing_go_to_a_person(
    db, booking, after
):
    """Before, "she left at 12 not 1" sent the moment after a reply that asked nothing failed on
    that reply, and the text was never acted on."""
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, "ok", after)
    text(db, BUYER, "yes thats right", after)
    out = text(db, BUYER, "she left at 12 not 1", after)
    assert out[BUYER].startswith("POEMS: thanks, staff will read this")
    assert timesheet(db).status == "confirmed"


def test_assent_long_after_the_hours_were_sent_is_not_taken_as_an_answer(db, booking, after):
    text(db, ANN, "DONE 4", after)
    text(db, BUYER, "all good", after + timedelta(hours=49))
    assert timesheet(db).status == "submitted"


def test_thanks_alone_after_the_hours_were_sent_confirms_nothing(db, booking, after):
    text(db, ANN, "DONE 4", after)
    assert BUYER not in text(db, BUYER, "thanks", after + timedelta(minutes=30))
    assert timesheet(db).status == "submitted"


def test_a_bare_ok_with_two_timesheets_waiting_asks_which(db, booking, after, now):
    with db.write() as session:
        other, _, _ = book(session, now, phone="+447700900102", name="Bob Jones")
    text(db, ANN, "DONE 4", after)
    text(db, "+447700900102", "DONE 4", after)
    out = text(db, BUYER, "OK", after)
    assert out == {
        BUYER: f"POEMS: 2 timesheets wait for you ({other.id}, {booking.id}). Reply e.g. OK 1042 "
        "with the booking number we sent you."
    }
    with db.read() as session:
        assert {t.status for t in session.exec(select(Timesheet))} == {"submitted"}


def test_hours_the_buyer_cannot_mean_get_the_amend_example(db, booking, after):
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, f"HOURS {booking.id} 30", after)
    assert out[BUYER] == (
        "POEMS: One timesheet can be 24 hours at most. Reply e.g. HOURS 1042 3.5 or "
        "HOURS 1042 3h30."
    )
    assert timesheet(db).status == "submitted"


def test_a_buyer_saying_noshow_is_recorded_and_the_worker_told(db, booking, after):
    at = after - timedelta(hours=3, minutes=45)  # 09:20, twenty minutes into the shift
    out = text(db, BUYER, f"NOSHOW {booking.id}", at)
    assert out[BUYER].startswith("POEMS: noted that Ann Smith has not arrived")
    assert "If you are there, text HERE." in out[ANN]
    with db.read() as session:
        assert session.get(Booking, booking.id).arrived is False


def test_a_noshow_before_the_shift_begins_is_refused_and_the_worker_hears_nothing(db, booking, now):
    """Before, NOSHOW the day before told the worker the buyer said they had not come."""
    out = text(db, BUYER, f"NOSHOW {booking.id}", now)
    assert out == {
        BUYER: f"POEMS: Booking {booking.id} starts Fri 27 Nov 09:00, so nobody is missing yet. "
        "Reply e.g. ARRIVED 1042 or NOSHOW 1042."
    }
    with db.read() as session:
        assert session.get(Booking, booking.id).arrived is None


def test_finished_at_a_time_still_to_come_is_refused_and_the_booking_stays_open(db, booking):
    with db.read() as session:
        start = session.get(Booking, booking.id).created_at + timedelta(days=1)
    sent = text(db, ANN, "finished at 6pm", start.replace(hour=10))
    assert sent == {ANN: "Sorry: That time is still to come. e.g. DONE 4.5 or finished 6pm"}
    with db.read() as session:
        assert session.exec(select(Timesheet)).all() == []
        assert session.get(Booking, booking.id).checked_out_at is None


def test_no_break_beside_a_grievance_is_still_a_complaint(db, booking, after):
    text(db, ANN, "worked 4 hours no break again, this is not ok", after)
    with db.read() as session:
        assert session.exec(select(Timesheet)).all() == []


@pytest.mark.parametrize(
    ("body", "minutes"),
    [
        ("clocked out 1:05", 245),  # when they left, on a 9-to-1 shift
        ("done 1.05", 245),
        ("done 3:45", 225),  # the hours: 15:45 is still to come
        ("worked 3:50", 230),
    ],
)
def test_a_figure_that_may_be_hours_or_a_time_is_read_as_the_booking_says(
    db, booking, after, body, minutes
):
    """Before, "clocked out 1:05" sent the buyer 1h05 for a four-hour shift."""
    text(db, ANN, body, after)
    assert timesheet(db).worker_minutes == minutes


def asked_and_nothing_sent(db, body, at) -> str:
    """The worker's text asked back: no timesheet, and nothing to the buyer."""
    out = text(db, ANN, body, at)
    assert list(out) == [ANN]
    with db.read() as session:
        assert session.exec(select(Timesheet)).first() is None
    return out[ANN]


def test_a_figure_far_from_the_booking_either_way_is_asked_and_nothing_sent(db, booking, after):
    assert asked_and_nothing_sent(db, "done 11:30", after) == (
        "Did you work 11h30, or leave at 11:30? Reply DONE 11h30 for the hours, or "
        "finished 11:30 for the time you left."
    )
    text(db, ANN, "finished 11:30", after + timedelta(minutes=1))
    assert timesheet(db).worker_minutes == 150


def test_done_long_before_the_end_asks_the_hours_and_sends_the_buyer_nothing(db, booking, now):
    """Before, a bare DONE an hour into a 09:00-13:00 shift sent the buyer 4h."""
    an_hour_in = now + timedelta(days=1)  # tomorrow 10:00; the shift is 09:00-13:00
    assert asked_and_nothing_sent(db, "done", an_hour_in) == (
        "Your shift runs till 13:00. If you finished early, reply DONE and the hours you "
        "worked, e.g. DONE 1h"
    )
    out = text(db, ANN, "DONE 1h", an_hour_in)
    assert out[BUYER].startswith("POEMS: Ann Smith says 1h for care")


def test_done_long_before_the_end_is_asked_in_the_workers_own_language(db, booking, now):
    """A Polish worker's "skończyłam" an hour in: asked in Polish, and their KONIEC 1 is read."""
    change_own_terms(db, booking.worker_id, now, language="pl")
    an_hour_in = now + timedelta(days=1)
    asked = asked_and_nothing_sent(db, "skonczylam juz", an_hour_in)
    assert asked.startswith("Twoja zmiana trwa do 13:00.") and "KONIEC 1h" in asked
    out = text(db, ANN, "koniec 1h", an_hour_in)
    assert out[BUYER].startswith("POEMS: Ann Smith says 1h for care")


def test_done_near_the_end_claims_the_booked_hours(db, booking, now):
    out = text(db, ANN, "done", now + timedelta(days=1, hours=2, minutes=40))  # 12:40
    assert out[BUYER].startswith("POEMS: Ann Smith says 4h for care")


def test_late_tomorrow_said_the_evening_before_tells_the_buyer_of_tomorrows_booking(
    db, booking, now
):
    """Before, at 18:00 the day before, the worker was told they had no shift in the next 12
    hours, and the buyer heard nothing."""
    evening = now.replace(hour=18)
    out = text(db, ANN, "ill be 20 mins late tomorrow", evening)
    assert out[BUYER].startswith("POEMS: Ann Smith is running 20 min late for care Fri 27 Nov")
    assert out[ANN].startswith("Thanks. We told Rosewood Care Home you will be 20 min late")
    with db.read() as session:
        assert session.get(Booking, booking.id).late_minutes == 20


def test_late_on_a_day_with_no_booking_changes_nothing(db, booking, now):
    out = text(db, ANN, "ill be 20 mins late on sunday", now)
    assert BUYER not in out
    with db.read() as session:
        assert session.get(Booking, booking.id).late_minutes is None


@pytest.mark.parametrize(
    ("body", "language", "minutes"),
    [
        ("finished 30 mins early", "en", 210),
        ("left half an hour early", "en", 210),
        ("stayed an hour late", "en", 300),
        ("did an extra 45 mins", "en", 285),
        ("worked 1 hour over", "en", 300),
        ("skończyłam 30 min wcześniej", "pl", 210),
        ("zostałam godzinę dłużej", "pl", 300),
        ("terminé media hora antes", "es", 210),
        ("me quedé una hora más", "es", 300),
        ("saí meia hora mais cedo", "pt", 210),
        ("fiquei mais uma hora", "pt", 300),
        ("am plecat cu 30 de minute mai devreme", "ro", 210),
        ("am stat o oră în plus", "ro", 300),
    ],
)
def test_finishing_early_or_late_by_so_long_sends_the_booked_hours_put_right(
    db, booking, after, now, body, language, minutes
):
    """Before, "finished 30 mins early" sent the buyer the booked 4h, and "worked 1 hour over"
    sent 1h: the time said is off the booked end, not the hours worked."""
    change_own_terms(db, booking.worker_id, now, language=language)
    text(db, ANN, body, after + timedelta(hours=1))
    assert timesheet(db).worker_minutes == minutes


@pytest.mark.parametrize(
    ("body", "answer", "language"),
    [
        ("finished early", "3.5", "en"),
        ("left a bit early", "about 3 and a half hours", "en"),
        ("wyszłam wcześniej", "3,5 godziny", "pl"),
        ("terminé antes", "3 horas y media", "es"),
        ("saí mais cedo", "3h30", "pt"),
        ("am plecat mai devreme", "3 ore si jumatate", "ro"),
    ],
)
def test_finishing_early_without_saying_how_long_asks_the_hours_and_takes_the_answer(
    db, booking, after, now, body, answer, language
):
    """Before, "finished early" sent the buyer the booked 4h."""
    change_own_terms(db, booking.worker_id, now, language=language)
    asked = asked_and_nothing_sent(db, body, after)
    assert asked.endswith(" 3.5") and (language == "en") == asked.startswith("How many hours")
    text(db, ANN, answer, after + timedelta(minutes=2))
    assert timesheet(db).worker_minutes == 210


@pytest.mark.parametrize("body", ["left at 12.30 instead of 1", "left at half 12"])
def test_a_leaving_time_put_right_or_said_the_british_way_is_when_they_left(
    db, booking, after, body
):
    """Before, both went to a person (the shift is 09:00-13:00)."""
    text(db, ANN, body, after)
    assert timesheet(db).worker_minutes == 210


def test_arriving_and_leaving_said_apart_are_the_hours_between(db, booking, after):
    """Before, "arrived 9.15 left 1" checked the worker in after the shift had ended."""
    text(db, ANN, "arrived 9.15 left 1", after)
    assert timesheet(db).worker_minutes == 225


@pytest.mark.parametrize(("answer", "language"), [("1 hour", "en"), ("una hora", "es")])
def test_the_hours_alone_after_done_long_before_the_end_are_the_hours_worked(
    db, booking, now, answer, language
):
    """Before, the hours alone, sent as the answer, went to a person."""
    change_own_terms(db, booking.worker_id, now, language=language)
    an_hour_in = now + timedelta(days=1)
    asked_and_nothing_sent(db, "done", an_hour_in)
    out = text(db, ANN, answer, an_hour_in + timedelta(minutes=1))
    assert out[BUYER].startswith("POEMS: Ann Smith says 1h for care")


@pytest.mark.parametrize("body", ["cant make it today", "family emergency, cant come today"])
def test_giving_up_a_shift_already_begun_goes_to_a_person_and_the_booking_stays(
    db, booking, now, body
):
    """Before, at the start or after it, "cant make it today" was answered "No offers for fri?
    ... Your bookings stay" and nobody else heard. Too late to drop; a person sees to it."""
    under_way = now + timedelta(days=1)  # Fri 10:00; the shift is 09:00-13:00
    out = text(db, ANN, body, under_way)
    assert list(out) == [ANN] and "A person at POEMS will read this" in out[ANN]
    with db.read() as session:
        (thread,) = session.exec(select(InboxThread)).all()
        assert thread.reason == "cant_come_started"
        assert session.get(Booking, booking.id).status == "booked"


@pytest.mark.parametrize("body", ["i feel sick", "sorry im not well", "jestem chora"])
def test_falling_ill_once_checked_in_goes_to_a_person_and_the_booking_stays(db, booking, now, body):
    """Before, "i feel sick" an hour into a shift the worker had checked in to was answered
    "You have no booking to drop" (the booking under way no longer counted) and nobody else
    heard."""
    text(db, ANN, "here", now + timedelta(days=1, hours=-1, minutes=2))  # Fri 09:02
    out = text(db, ANN, body, now + timedelta(days=1))  # Fri 10:00
    assert list(out) == [ANN] and ("A person at POEMS" in out[ANN] or "Osoba z POEMS" in out[ANN])
    with db.read() as session:
        (thread,) = session.exec(select(InboxThread)).all()
        assert thread.reason == "cant_come_started"
        assert session.get(Booking, booking.id).status == "booked"


def test_falling_ill_before_the_shift_is_asked_to_drop_it(db, booking, now):
    """Before, "sorry im sick" with no day named went to a person."""
    out = text(db, ANN, "sorry im sick", now + timedelta(hours=20))  # Fri 06:00
    assert out[ANN].startswith("Drop your care shift Fri 27 Nov 09:00-13:00?")


def test_giving_up_a_shift_before_it_begins_is_still_asked_to_drop(db, booking, now):
    out = text(db, ANN, "cant make it today", now + timedelta(hours=22))  # Fri 08:00
    assert out[ANN].startswith("Drop your care shift Fri 27 Nov 09:00-13:00?")


def test_a_span_with_a_break_named_goes_to_a_person(db, booking, after):
    """ "she did 9 till 1 with a 30 min break": the span is not the hours worked; never asked
    back as 4 hours."""
    text(db, ANN, "DONE 4", after)
    out = text(db, BUYER, "she did 9 till 1 with a 30 min break", after + timedelta(minutes=30))
    assert "HOURS" not in out[BUYER] or "change booking" not in out[BUYER]
    assert timesheet(db).status == "submitted"
