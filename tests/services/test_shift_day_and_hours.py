"""The day of a shift and the hours after it, as use cases: each acts only on the actor's own
bookings and timesheets, joins a text's transaction, and changes nothing when refused."""

from datetime import timedelta

import pytest
from sqlmodel import select

from exchange.errors import Refused
from services import days, timesheets
from services.unit import TextTransaction
from store.models import Booking, Buyer, Dispute, Timesheet
from store.statuses import TimesheetStatus
from tests import factories
from tests.bookings import book, notices, submitted


@pytest.fixture
def booked(db, now):
    """Ann booked tomorrow 09:00-13:00 for Rosewood Care Home: booking id, start, worker id."""
    with db.write() as session:
        booking, shift, worker = book(session, now)
        return booking.id, shift.start, worker.id


def test_late_tells_the_buyer_and_is_stored_with_the_booking(db, booked):
    booking_id, start, worker_id = booked
    answer = days.report_late(db, worker_id, 15, None, start - timedelta(minutes=30))
    assert answer.outcome == "late_noted" and answer.booking.id == booking_id
    with db.read() as session:
        assert session.get(Booking, booking_id).late_minutes == 15
        assert len(notices(session, "buyer_late")) == 1


def test_late_without_minutes_asks_how_late_and_stores_nothing(db, booked):
    booking_id, start, worker_id = booked
    assert days.report_late(db, worker_id, None, None, start).outcome == "how_late"
    with db.read() as session:
        assert session.get(Booking, booking_id).late_minutes is None
        assert notices(session, "buyer_late") == []


def test_a_check_in_in_a_texts_transaction_rolls_back_with_it(db, booked):
    booking_id, start, worker_id = booked
    with pytest.raises(RuntimeError), db.write() as session:
        assert days.check_in(TextTransaction(session), worker_id, None, start).outcome == (
            "checked_in"
        )
        raise RuntimeError("the text's transaction fails after the use case")
    with db.read() as session:
        assert session.get(Booking, booking_id).checked_in_at is None


def test_a_second_check_in_keeps_the_first_time(db, booked):
    booking_id, start, worker_id = booked
    assert days.check_in(db, worker_id, None, start).outcome == "checked_in"
    later = days.check_in(db, worker_id, None, start + timedelta(minutes=5))
    assert later.outcome == "already_in"
    with db.read() as session:
        assert session.get(Booking, booking_id).checked_in_at.replace(tzinfo=None) == (
            start.replace(tzinfo=None)
        )


def test_done_sends_the_hours_to_the_buyer(db, booked):
    booking_id, start, worker_id = booked
    timesheet = days.check_out(db, worker_id, start + timedelta(hours=4), minutes=210)
    assert timesheet.worker_minutes == 210
    with db.read() as session:
        assert session.get(Booking, booking_id).checked_out_at is not None
        assert len(notices(session, "buyer_timesheet")) == 1


def test_done_at_a_time_still_to_come_is_refused_and_leaves_the_booking_open(db, booked):
    booking_id, start, worker_id = booked
    with pytest.raises(Refused) as refused:
        days.check_out(db, worker_id, start + timedelta(hours=1), end=start + timedelta(hours=4))
    assert refused.value.code == "future_end"
    with db.read() as session:
        assert session.get(Booking, booking_id).checked_out_at is None
        assert session.exec(select(Timesheet)).all() == []


@pytest.fixture
def hours(db, now):
    """A timesheet of 4 hours waiting for the buyer: its reference, the buyer and worker ids."""
    with db.write() as session:
        timesheet, _, shift, worker = submitted(session, now)
        return timesheet.ref, shift.buyer_id, worker.id, shift.end


def test_only_the_buyer_of_the_shift_confirms_its_hours(db, hours):
    ref, buyer_id, _, end = hours
    with db.write() as session:
        other = factories.buyer(session, "Oak Lodge", "+447700900998").id
    assert timesheets.waiting_for_buyer(db, other) == []
    with pytest.raises(Refused):
        timesheets.confirm_hours(db, other, ref, end)
    assert timesheets.waiting_for_buyer(db, buyer_id) == [ref]
    assert timesheets.confirm_hours(db, buyer_id, ref, end).status == TimesheetStatus.CONFIRMED
    assert timesheets.waiting_for_buyer(db, buyer_id) == []


def test_changed_hours_wait_for_the_worker_who_accepts_them_and_is_paid(db, hours):
    ref, buyer_id, worker_id, end = hours
    timesheets.change_hours(db, buyer_id, ref, 180, end)
    assert timesheets.changed_hours_to_answer(db, worker_id) == [ref]
    assert timesheets.accept_changed_hours(db, worker_id, ref, end).buyer_minutes == 180
    assert timesheets.changed_hours_to_answer(db, worker_id) == []
    earned = timesheets.earnings(db, worker_id, end + timedelta(minutes=1), "Europe/London")
    assert earned.currency == "GBP" and earned.week.gross == 13 * 3 * 100


def test_changed_hours_disputed_are_held_as_a_dispute_about_the_hours(db, hours):
    ref, buyer_id, worker_id, end = hours
    timesheets.change_hours(db, buyer_id, ref, 180, end)
    opened = timesheets.dispute_changed_hours(db, worker_id, ref, "I was there 4 hours", end)
    assert opened.category == "hours"
    with db.read() as session:
        assert session.exec(select(Dispute.category)).one() == "hours"


def test_a_no_show_is_recorded_and_the_worker_hears_of_it(db, booked):
    booking_id, start, _ = booked
    with db.read() as session:
        buyer_id = session.exec(select(Buyer.id)).first()
    timesheets.say_arrived(db, buyer_id, str(booking_id), False, start + timedelta(minutes=20))
    with db.read() as session:
        assert session.get(Booking, booking_id).arrived is False
        assert len(notices(session, "noshow_reported")) == 1
