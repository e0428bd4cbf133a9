"""Timesheets: the worker's hours, confirmed or amended by the buyer; silence lets them stand."""

from datetime import timedelta

import pytest
from sqlmodel import select

from exchange import timesheets
from exchange.errors import Refused
from exchange.money import pay_for_minutes
from exchange.timers import fire
from store.models import Booking, Buyer, Deadline, LedgerEntry, Timesheet
from tests import factories
from tests.bookings import book, notices, submitted


def entries(session):
    return session.exec(select(LedgerEntry)).all()


def test_done_with_a_figure_submits_those_hours(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        timesheet = timesheets.check_out(session, worker.id, shift.end, minutes=330)
        assert (timesheet.status, timesheet.worker_minutes) == ("submitted", 330)
        assert timesheet.ref == str(booking.id)
        assert session.get(Booking, booking.id).checked_out_at == shift.end


def test_done_asks_the_buyer_to_confirm_with_the_booking_reference(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now, minutes=240)
        (asked,) = notices(session, "buyer_timesheet")
        assert asked.phone == factories.buyer(session).phone
        assert asked.data["booking"] == str(booking.id)
        assert (asked.data["worker"], asked.data["hours"]) == ("Ann Smith", "4h")


def test_done_tells_the_worker_the_hours_went_to_the_buyer(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now, minutes=210)
        (ack,) = notices(session, "timesheet_sent")
        assert ack.worker_id == worker.id and ack.data["hours"] == "3h30"


def test_done_schedules_the_auto_confirm_48_hours_later(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        deadline = session.exec(
            select(Deadline).where(Deadline.kind == "timesheet_auto_confirm")
        ).one()
        assert deadline.timesheet_id == timesheet.id
        assert deadline.due_at == shift.end + timedelta(hours=48)


def test_done_without_a_figure_claims_the_booked_length(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now, hours=6)
        timesheet = timesheets.check_out(session, worker.id, shift.end)
        assert timesheet.worker_minutes == 360


def test_finished_at_a_time_counts_from_the_check_in_when_it_was_after_the_start(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        booking.checked_in_at = shift.start + timedelta(minutes=20)
        end = shift.start + timedelta(hours=4, minutes=5)
        timesheet = timesheets.check_out(session, worker.id, end, end=end)
        assert timesheet.worker_minutes == 225


def test_finished_at_a_time_counts_from_the_start_when_checked_in_early(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        booking.checked_in_at = shift.start - timedelta(minutes=15)
        end = shift.start + timedelta(hours=3)
        assert timesheets.check_out(session, worker.id, end, end=end).worker_minutes == 180


def test_a_finish_time_still_to_come_is_refused(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        with pytest.raises(Refused) as refused:
            timesheets.check_out(session, worker.id, shift.start, end=shift.end)
        assert refused.value.code == "future_end"


@pytest.mark.parametrize("minutes", [0, -30, 24 * 60 + 1])
def test_no_time_or_more_than_a_day_is_refused(db, now, minutes):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        with pytest.raises(Refused) as refused:
            timesheets.check_out(session, worker.id, shift.end, minutes=minutes)
        assert refused.value.code == "bad_hours"
        assert session.exec(select(Timesheet)).all() == []


def test_done_before_a_booked_shift_has_started_is_refused(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        with pytest.raises(Refused) as refused:
            timesheets.check_out(session, worker.id, shift.start - timedelta(minutes=31))
        assert refused.value.code == "no_booking"


def test_done_up_to_30_minutes_before_the_start_finds_the_booking(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        at = shift.start - timedelta(minutes=30)
        assert timesheets.check_out(session, worker.id, at, minutes=60).booking_id == booking.id


def test_done_more_than_a_day_after_the_end_is_refused(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        with pytest.raises(Refused) as refused:
            timesheets.check_out(session, worker.id, shift.end + timedelta(hours=24, minutes=1))
        assert refused.value.code == "no_booking"


def two_bookings(session, now):
    """Two shifts for one worker on one day, with the legal 11 hours' rest between them."""
    first_start = (now + timedelta(days=1)).replace(hour=6)
    first, first_shift, worker = book(session, now, start=first_start, hours=2)
    later, later_shift, _ = book(session, now, start=first_shift.end + timedelta(hours=11), hours=2)
    return first, later, later_shift, worker


def test_done_picks_the_most_recent_started_booking(db, now):
    with db.write() as session:
        first, later, later_shift, worker = two_bookings(session, now)
        timesheet = timesheets.check_out(session, worker.id, later_shift.end)
        assert timesheet.booking_id == later.id


def test_done_with_a_booking_reference_closes_that_booking(db, now):
    with db.write() as session:
        first, later, later_shift, worker = two_bookings(session, now)
        timesheet = timesheets.check_out(session, worker.id, later_shift.end, ref=str(first.id))
        assert timesheet.booking_id == first.id


def test_a_second_done_says_the_hours_were_already_sent(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        with pytest.raises(Refused) as refused:
            timesheets.check_out(session, worker.id, shift.end, minutes=60)
        assert refused.value.code == "already_sent"


def test_buyer_confirm_settles_at_the_workers_hours(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now, minutes=240)
        timesheets.buyer_confirm(session, shift.buyer_id, timesheet.ref, shift.end)
        assert timesheet.status == "confirmed" and timesheet.settled_at == shift.end
        worker_leg = [e for e in entries(session) if e.account == f"worker:{worker.id}"]
        assert [e.amount_minor for e in worker_leg] == [5200]
        assert notices(session, "statement")[0].worker_id == worker.id


def test_confirming_twice_is_refused_and_pays_once(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        timesheets.buyer_confirm(session, shift.buyer_id, timesheet.ref, shift.end)
        count = len(entries(session))
        with pytest.raises(Refused) as refused:
            timesheets.buyer_confirm(session, shift.buyer_id, timesheet.ref, shift.end)
        assert refused.value.code == "already_confirmed"
        assert len(entries(session)) == count


def test_a_buyer_cannot_confirm_another_buyers_timesheet(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        other = factories.buyer(session, name="Other Home", phone="+447700900888")
        with pytest.raises(Refused) as refused:
            timesheets.buyer_confirm(session, other.id, timesheet.ref, shift.end)
        assert refused.value.code == "no_timesheet"
        assert timesheet.status == "submitted"


def test_buyer_amend_holds_the_new_figure_and_tells_the_worker_how_to_answer(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now, minutes=240)
        timesheets.buyer_amend(session, shift.buyer_id, timesheet.ref, 210, shift.end)
        assert (timesheet.status, timesheet.buyer_minutes) == ("amended", 210)
        (told,) = notices(session, "timesheet_amended")
        assert told.worker_id == worker.id
        assert (told.data["hours"], told.data["worker_hours"]) == ("3h30", "4h")
        assert entries(session) == []


def test_amending_to_the_workers_own_figure_confirms_it(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now, minutes=240)
        timesheets.buyer_amend(session, shift.buyer_id, timesheet.ref, 240, shift.end)
        assert timesheet.status == "confirmed"


def test_an_amendment_of_no_hours_is_refused_and_changes_nothing(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        with pytest.raises(Refused):
            timesheets.buyer_amend(session, shift.buyer_id, timesheet.ref, 0, shift.end)
        assert (timesheet.status, timesheet.buyer_minutes) == ("submitted", None)


def test_worker_accept_confirms_and_pays_at_the_buyers_hours(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now, minutes=240)
        timesheets.buyer_amend(session, shift.buyer_id, timesheet.ref, 210, shift.end)
        timesheets.worker_accept(session, worker.id, timesheet.ref, shift.end)
        assert timesheet.status == "confirmed"
        worker_leg = [e for e in entries(session) if e.account == f"worker:{worker.id}"]
        assert [e.amount_minor for e in worker_leg] == [4550]


def test_worker_accept_without_an_amendment_is_refused(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        with pytest.raises(Refused) as refused:
            timesheets.worker_accept(session, worker.id, timesheet.ref, shift.end)
        assert refused.value.code == "not_amended"


def test_worker_dispute_holds_the_timesheet_unpaid_as_a_dispute_about_hours(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        timesheets.buyer_amend(session, shift.buyer_id, timesheet.ref, 120, shift.end)
        dispute = timesheets.worker_dispute(
            session, worker.id, timesheet.ref, "i was there 4h", shift.end
        )
        assert timesheet.status == "disputed" and timesheet.settled_at is None
        assert (dispute.category, dispute.timesheet_id) == ("hours", timesheet.id)
        assert dispute.claim_minor == pay_for_minutes(booking.rate_minor, 240 - 120)
        assert entries(session) == []
        assert len(notices(session, "dispute_opened_own")) == 1
        assert len(notices(session, "buyer_dispute_opened_against")) == 1


def test_a_disputed_timesheet_cannot_be_confirmed_by_the_buyer(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        timesheets.buyer_amend(session, shift.buyer_id, timesheet.ref, 120, shift.end)
        timesheets.worker_dispute(session, worker.id, timesheet.ref, None, shift.end)
        with pytest.raises(Refused) as refused:
            timesheets.buyer_confirm(session, shift.buyer_id, timesheet.ref, shift.end)
        assert refused.value.code == "disputed"


def test_with_no_buyer_action_for_48_hours_the_workers_hours_stand(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now, minutes=240)
        deadline = session.exec(select(Deadline).where(Deadline.timesheet_id == timesheet.id)).one()
        assert fire(session, deadline.id, deadline.due_at)
        session.refresh(timesheet)
        assert timesheet.status == "confirmed" and timesheet.settled_at == deadline.due_at
        assert len(notices(session, "timesheet_stood")) == 1
        assert len(notices(session, "buyer_stood")) == 1
        assert len(notices(session, "statement")) == 1


def test_the_auto_confirm_does_nothing_once_the_buyer_has_amended(db, now):
    with db.write() as session:
        timesheet, booking, shift, worker = submitted(session, now)
        timesheets.buyer_amend(session, shift.buyer_id, timesheet.ref, 120, shift.end)
        deadline = session.exec(select(Deadline).where(Deadline.timesheet_id == timesheet.id)).one()
        fire(session, deadline.id, deadline.due_at)
        session.refresh(timesheet)
        assert timesheet.status == "amended" and entries(session) == []


def test_the_buyer_saying_arrived_is_recorded_and_acknowledged(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        timesheets.record_arrival(session, shift.buyer_id, str(booking.id), True, shift.start)
        assert booking.arrived is True
        assert len(notices(session, "buyer_arrived")) == 1


def test_the_buyer_saying_noshow_is_recorded_and_the_worker_can_answer(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        timesheets.record_arrival(session, shift.buyer_id, str(booking.id), False, shift.start)
        assert booking.arrived is False and booking.status == "booked"
        (told,) = notices(session, "noshow_reported")
        assert told.worker_id == worker.id


def test_a_buyer_cannot_record_arrival_on_another_buyers_booking(db, now):
    with db.write() as session:
        booking, shift, worker = book(session, now)
        other = Buyer(market_id=shift.market_id, name="Other Home", phone="+447700900888")
        session.add(other)
        session.flush()
        with pytest.raises(Refused):
            timesheets.record_arrival(session, other.id, str(booking.id), False, shift.start)
        assert booking.arrived is None
