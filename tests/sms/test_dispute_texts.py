"""Disputes by text through the whole inbound path and the outbox, on a real SQLite file:
DISPUTE with a reference, a day or neither, the numbered question, the category question,
answers to staff's questions, APPEAL and MY RECORD."""

from datetime import timedelta

import pytest
from sqlmodel import select

from exchange import disputes, offers
from exchange.availability import post_availability
from exchange.operators import add_operator
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from store.models import Booking, Dispute, DisputeEvent, Offer, Operator, Timesheet, Worker
from tests import factories
from tests.bookings import book, submitted

ANN = "+447700900101"
BUYER = "+447700900999"


@pytest.fixture
def worked(db, now):
    """Ann worked care on Fri 27 Nov and on Mon 30 Nov; staff Fran and Sam decide disputes."""
    with db.write() as session:
        add_operator(session, "fran", "Fran", "staff", "password1", now)
        add_operator(session, "sam", "Sam", "staff", "password1", now)
        friday, _, _ = book(session, now, phone=ANN)
        monday, _, _ = book(session, now, phone=ANN, start=now.replace(day=30, hour=9))
        refs = [session.get(Offer, b.offer_id).ref for b in (friday, monday)]
    drain(db, SimulatorGateway(), now)
    return dict(zip(("friday", "monday"), refs, strict=True))


@pytest.fixture
def later(now):
    """Tuesday 1 Dec, after both shifts."""
    return now + timedelta(days=5)


def text(db, phone, body, at) -> dict[str, str]:
    deliver(db, phone, body, at)
    return {m.phone: m.body for m in drain(db, SimulatorGateway(), at)}


def only_dispute(db) -> Dispute:
    with db.read() as session:
        return session.exec(select(Dispute)).one()


def booking_day(db, dispute: Dispute) -> int:
    with db.read() as session:
        return session.get(Booking, dispute.booking_id).id


def operator(session, username: str) -> Operator:
    return session.exec(select(Operator).where(Operator.username == username)).one()


def test_dispute_with_the_offer_reference_opens_a_pay_dispute_and_tells_both(db, worked, later):
    out = text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    assert (dispute.category, dispute.opened_by, dispute.status) == ("pay", "worker", "open")
    assert dispute.summary == "they paid 2 hours not 4"
    assert out[ANN].startswith(f"Your dispute {dispute.ref} (pay) on care Fri 27 Nov")
    assert out[BUYER].startswith(f"POEMS: Ann Smith has opened dispute {dispute.ref} (pay)")


def test_a_complaint_naming_a_day_finds_that_booking_and_asks_the_category(db, worked, later):
    out = text(db, ANN, "problem with monday", later)
    assert out[ANN] == (
        "What went wrong with care Mon 30 Nov? Reply 1 pay, 2 hours, 3 cancellation, "
        "4 conduct, 5 safety or 6 other."
    )
    with db.read() as session:
        assert session.exec(select(Dispute)).first() is None
    out = text(db, ANN, "5", later)
    dispute = only_dispute(db)
    with db.read() as session:
        offer = session.get(Offer, session.get(Booking, dispute.booking_id).offer_id)
    assert (dispute.category, offer.ref) == ("safety", worked["monday"])
    assert dispute.summary == "problem with monday 5"
    assert out[ANN].startswith(f"Your dispute {dispute.ref} (safety) on care Mon 30 Nov")


def test_a_complaint_naming_no_booking_lists_the_recent_ones_numbered(db, worked, later):
    out = text(db, ANN, "they didnt pay me", later)
    assert out[ANN] == (
        "Which booking is it about? Reply with its number: 1 care Mon 30 Nov | 2 care Fri 27 Nov"
    )
    out = text(db, ANN, "2", later)
    dispute = only_dispute(db)
    with db.read() as session:
        offer = session.get(Offer, session.get(Booking, dispute.booking_id).offer_id)
    assert (dispute.category, offer.ref) == ("pay", worked["friday"])
    assert dispute.summary == "they didnt pay me"
    assert out[ANN].startswith(f"Your dispute {dispute.ref} (pay) on care Fri 27 Nov")


def test_a_number_out_of_the_list_is_read_as_a_new_text_and_opens_nothing(db, worked, later):
    text(db, ANN, "they didnt pay me", later)
    out = text(db, ANN, "7", later)
    assert "Which booking" not in out[ANN]
    with db.read() as session:
        assert session.exec(select(Dispute)).first() is None


def test_a_booking_reference_that_is_not_theirs_gets_a_short_reply(db, worked, later):
    out = text(db, ANN, "DISPUTE 99999 they paid 2 hours not 4", later)
    assert out[ANN].startswith("Sorry: we have no booking 99999 of yours.")
    with db.read() as session:
        assert session.exec(select(Dispute)).first() is None


def test_with_no_recent_booking_the_worker_is_told_so(db, now):
    with db.write() as session:
        book(session, now, phone=ANN)
    drain(db, SimulatorGateway(), now)
    out = text(db, ANN, "they didnt pay me", now)  # the shift is tomorrow: nothing worked yet
    assert out[ANN].startswith("You have had no bookings in the last 60 days to dispute.")


def test_an_answer_to_staffs_question_goes_to_the_dispute(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.ask(
            session, dispute.id, operator(session, "fran"), "worker", "When did you leave?", later
        )
    asked = {m.phone: m.body for m in drain(db, SimulatorGateway(), later)}
    assert asked[ANN].startswith(f"Dispute {dispute.ref} (care Fri 27 Nov), staff ask: When did")
    out = text(db, ANN, "I left at 1pm, the manager signed me out", later)
    assert out[ANN].startswith(f"Thanks, that is with dispute {dispute.ref} for the decider.")
    with db.read() as session:
        reply = session.exec(select(DisputeEvent).where(DisputeEvent.kind == "reply")).one()
    assert (reply.party, reply.body) == ("worker", "I left at 1pm, the manager signed me out")
    assert reply.message_id is not None


def test_the_buyers_answer_to_a_question_goes_to_the_dispute(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.ask(
            session, dispute.id, operator(session, "fran"), "buyer", "What did you pay?", later
        )
    drain(db, SimulatorGateway(), later)
    out = text(db, BUYER, "We paid 2 hours, she left at 11", later)
    assert out[BUYER] == f"POEMS: thanks, your answer is with dispute {dispute.ref}."
    with db.read() as session:
        reply = session.exec(select(DisputeEvent).where(DisputeEvent.kind == "reply")).one()
    assert (reply.party, reply.body) == ("buyer", "We paid 2 hours, she left at 11")


def test_a_buyers_bare_yes_to_a_question_is_the_answer_not_a_confirmation(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.ask(
            session, dispute.id, operator(session, "fran"), "buyer", "Did she stay to 13:00?", later
        )
    drain(db, SimulatorGateway(), later)
    out = text(db, BUYER, "yes", later)
    assert out[BUYER] == f"POEMS: thanks, your answer is with dispute {dispute.ref}."


def test_appeal_by_text_goes_to_a_second_reviewer(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        fran = operator(session, "fran")
        disputes.decide(session, dispute.id, fran, "reject", "The sign-out sheet says 11:00", later)
    decided = text(db, ANN, "MY RECORD", later)
    assert decided[ANN] == "Your record is clear: no penalty points."
    out = text(db, ANN, f"APPEAL {dispute.ref} I was there till 1pm", later)
    assert out[ANN].startswith(f"Your appeal on dispute {dispute.ref} is in.")
    assert out[BUYER].startswith(
        f"POEMS: Ann Smith has appealed the decision on dispute {dispute.ref}"
    )
    appealed = only_dispute(db)
    with db.read() as session:
        reviewer = session.get(Operator, appealed.reviewer_id)
    assert (appealed.status, reviewer.username) == ("appealed", "sam")
    again = text(db, ANN, f"APPEAL {dispute.ref} again", later)
    assert again[ANN] == f"Sorry: {dispute.ref} is already under appeal."


def test_appeal_without_a_reference_takes_the_only_decision_open_to_appeal(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.decide(
            session, dispute.id, operator(session, "fran"), "reject", "Signed out 11", later
        )
    out = text(db, ANN, "I want to appeal, I was there", later)
    assert out[ANN].startswith(f"Your appeal on dispute {dispute.ref} is in.")


def test_appeal_after_14_days_is_refused_and_changes_nothing(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.decide(
            session, dispute.id, operator(session, "fran"), "reject", "Signed out 11", later
        )
    out = text(db, ANN, f"APPEAL {dispute.ref} I was there", later + timedelta(days=15))
    assert out[ANN] == f"Sorry: The time to appeal {dispute.ref} has passed."
    assert only_dispute(db).status == "decided"


def test_my_record_shows_a_point_and_why(db, worked, later):
    with db.write() as session:
        monday = session.exec(select(Offer).where(Offer.ref == worked["monday"])).one()
        booking = session.exec(select(Booking).where(Booking.offer_id == monday.id)).one()
        opened = disputes.open_dispute(session, booking.id, "buyer", "conduct", "Left early", later)
        disputes.decide(
            session, opened.id, operator(session, "fran"), "uphold", "Left at 10", later
        )
    out = text(db, ANN, "my record", later)
    assert out[ANN] == (
        f"Your penalty points: 1. {opened.ref} (conduct): Left at 10, ends 1 Dec 2027. "
        "3 points pause offers until staff review."
    )


def test_the_buyer_appeals_by_text_and_a_garbled_appeal_changes_nothing(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.decide(
            session, dispute.id, operator(session, "fran"), "uphold", "Sheet: 13:00", later
        )
    refused = text(db, BUYER, "APPEAL D999 no", later)
    assert refused[BUYER] == "POEMS: You have no dispute D999. Reply e.g. APPEAL D12 and why."
    assert only_dispute(db).status == "decided"
    out = text(db, BUYER, f"appeal {dispute.ref.lower()} she left at 11", later)
    assert out[BUYER].startswith(f"POEMS: your appeal on dispute {dispute.ref} is in.")
    assert out[ANN].startswith(
        f"Rosewood Care Home has appealed the decision on dispute {dispute.ref}"
    )
    with db.read() as session:
        appeal = session.exec(select(DisputeEvent).where(DisputeEvent.kind == "appeal")).one()
    assert (appeal.party, appeal.body) == ("buyer", "she left at 11")


def test_more_words_on_an_open_dispute_go_to_it(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    out = text(db, ANN, f"DISPUTE {dispute.ref} the manager has my sign-out sheet", later)
    assert out[ANN].startswith(f"Thanks, that is with dispute {dispute.ref}")
    with db.read() as session:
        detail = session.exec(select(DisputeEvent).where(DisputeEvent.kind == "detail")).one()
    assert detail.body == "the manager has my sign-out sheet"


def test_a_yes_while_staff_wait_is_the_answer_unless_an_offer_is_open(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.ask(session, dispute.id, operator(session, "fran"), "worker", "Signed out?", later)
    out = text(db, ANN, "yes", later)
    assert out[ANN].startswith(f"Thanks, that is with dispute {dispute.ref}")
    start = (later + timedelta(days=1)).replace(hour=9)
    with db.write() as session:
        disputes.ask(session, dispute.id, operator(session, "fran"), "worker", "At 1pm?", later)
        ann = session.exec(select(Worker).where(Worker.phone == ANN)).one()
        post_availability(session, ann.id, start, start + timedelta(hours=8), later)
        offers.send_wave(session, factories.shift(session, later, start=start).id, later)
    drain(db, SimulatorGateway(), later)
    out = text(db, ANN, "Y", later)
    assert out[ANN].startswith("Booked:")
    with db.read() as session:
        replies = session.exec(select(DisputeEvent).where(DisputeEvent.kind == "reply")).all()
    assert [r.body for r in replies] == ["yes"]


def test_more_words_on_a_decided_dispute_point_to_appeal_and_store_nothing(db, worked, later):
    text(db, ANN, f"DISPUTE {worked['friday']} they paid 2 hours not 4", later)
    dispute = only_dispute(db)
    with db.write() as session:
        disputes.decide(
            session, dispute.id, operator(session, "fran"), "reject", "Signed out", later
        )
    out = text(db, ANN, f"DISPUTE {dispute.ref} but I was there", later)
    assert out[ANN] == f"Sorry: {dispute.ref} is decided: text APPEAL {dispute.ref} and why."
    with db.read() as session:
        assert (
            session.exec(select(DisputeEvent).where(DisputeEvent.kind == "detail")).first() is None
        )


def test_a_second_complaint_about_the_same_booking_is_kept_and_said_so(db, worked, later):
    """Before, the second complaint went to the open dispute and the worker heard nothing."""
    text(db, ANN, f"DISPUTE {worked['friday']} not paid", later)
    out = text(db, ANN, f"DISPUTE {worked['friday']} and the hours were wrong", later)
    ref = only_dispute(db).ref
    assert out == {
        ANN: f"Thanks, that is with dispute {ref} for the decider. We will text you the decision."
    }
    with db.read() as session:
        said = [e.body for e in session.exec(select(DisputeEvent)).all()]
    assert any("hours were wrong" in body for body in said)


@pytest.mark.parametrize(
    "body",
    ["i still havent been paid for friday", "havent been paid yet", "nadal nie dostałam pieniędzy",
     "todavía no me han pagado", "ainda não me pagaram"],
)  # fmt: skip
def test_not_paid_yet_while_the_hours_wait_for_the_buyer_tells_where_they_are(db, now, body):
    """Before, each opened a dispute the buyer was told of, though the buyer still had a day to
    confirm the hours and nothing was due."""
    with db.write() as session:
        _, _, shift, _ = submitted(session, now)
    later = shift.end + timedelta(hours=20)
    drain(db, SimulatorGateway(), later)
    deliver(db, ANN, body, later)
    (reply,) = [m.body for m in drain(db, SimulatorGateway(), later)]
    assert "Rosewood Care Home" in reply and "48" in reply
    with db.read() as session:
        assert session.exec(select(Dispute)).all() == []


@pytest.mark.parametrize(
    "body",
    [
        "worked 4 hours but got paid for 3",
        "pracowałam 4 godziny a zapłacili 3",
        "trabajé 4 horas y me pagaron 3",
    ],
)
def test_hours_worked_then_fewer_paid_is_a_complaint_never_a_timesheet(db, now, body):
    """Before, each sent the buyer 3 hours to approve as the hours worked: the fewer hours the
    worker complained of, taken as theirs."""
    with db.write() as session:
        booking, shift, _ = book(session, now, phone=ANN)
    text(db, ANN, body, shift.end + timedelta(hours=2))
    with db.read() as session:
        assert session.exec(select(Timesheet)).all() == []
        (dispute,) = session.exec(select(Dispute)).all()
    assert (dispute.booking_id, dispute.category) == (booking.id, "pay")
