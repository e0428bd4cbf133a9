"""Disputes in the exchange: opened about a booking, decided with reasons, money and points,
appealed to a second reviewer, escalated when untouched; a franchisee sees only its own."""

from datetime import datetime, timedelta

import pytest
from sqlmodel import Session, func, select

from exchange import disputes, timesheets
from exchange.errors import Refused
from exchange.franchises import franchise_of
from exchange.money import pay_for_minutes
from exchange.operators import add_operator
from exchange.shifts import post_shift
from exchange.timeline import timeline
from store.models import (
    Buyer,
    Dispute,
    LedgerEntry,
    Market,
    Message,
    Notice,
    Operator,
    PenaltyPoint,
    Timesheet,
    Worker,
)
from tests.bookings import book, notices, submitted


def operator(session: Session, username: str, role: str, now: datetime) -> Operator:
    return add_operator(session, username, username.title(), role, "password1", now)


def run_by(session: Session, market_id: int, franchisee: Operator, now: datetime) -> None:
    market = session.get(Market, market_id)
    market.franchise_id = franchise_of(session, franchisee, now).id
    session.add(market)
    session.flush()


@pytest.fixture
def people(db, now):
    """A worked booking in a market run by `fran`, with staff `sam` and `rita` to review."""
    with db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        operator(session, "sam", "staff", now)
        operator(session, "rita", "staff", now)
        booking, shift, worker = book(session, now)
        run_by(session, shift.market_id, fran, now)
        return booking.id, shift.end


def get(session: Session, username: str) -> Operator:
    return session.exec(select(Operator).where(Operator.username == username)).one()


def balances(session: Session) -> dict[str, int]:
    rows = session.exec(
        select(LedgerEntry.account, func.sum(LedgerEntry.amount_minor)).group_by(
            LedgerEntry.account
        )
    ).all()
    return {account.split(":")[0]: int(total) for account, total in rows}


def ledger_sums_to_zero(session: Session) -> bool:
    sums = session.exec(select(func.sum(LedgerEntry.amount_minor)).group_by(LedgerEntry.txn)).all()
    return set(sums) <= {0}


def test_a_worker_opens_a_dispute_and_both_parties_are_told(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "not paid", after)
        assert dispute.ref == f"D{dispute.id}" and dispute.status == "open"
        assert dispute.due_at == after + timedelta(hours=72)
        assert len(notices(session, "dispute_opened_own")) == 1
        assert len(notices(session, "buyer_dispute_opened_against")) == 1


def test_a_second_complaint_about_the_same_booking_adds_to_the_first(db, people):
    booking_id, after = people
    with db.write() as session:
        first = disputes.open_dispute(session, booking_id, "worker", "pay", "not paid", after)
        again = disputes.open_dispute(session, booking_id, "worker", "pay", "still not", after)
        assert again.id == first.id
        assert session.exec(select(func.count()).select_from(Dispute)).one() == 1


@pytest.mark.parametrize(
    ("category", "summary", "code"),
    [("money", "x", "bad_category"), ("pay", "   ", "no_summary")],
)
def test_a_bad_dispute_is_refused_and_nothing_is_stored(db, people, category, summary, code):
    booking_id, after = people
    with db.write() as session, pytest.raises(Refused) as refused:
        disputes.open_dispute(session, booking_id, "worker", category, summary, after)
    assert refused.value.code == code
    with db.read() as session:
        assert session.exec(select(func.count()).select_from(Dispute)).one() == 0


def test_a_part_decision_pays_the_worker_an_award_with_the_markup_and_tax(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "short paid", after)
        decided = disputes.decide(
            session, dispute.id, get(session, "fran"), "part", "Half the claim", after, 1250
        )
        assert decided.moved_minor == 1250 and decided.points == []
        assert dispute.status == "decided" and dispute.appeal_until == after + timedelta(days=14)
        money = balances(session)
        assert money["worker"] == 1250 and money["buyer"] == -(1250 + 25)
        assert ledger_sums_to_zero(session)
        assert len(notices(session, "dispute_decided_own")) == 1
        assert len(notices(session, "buyer_dispute_decided_against")) == 1


def test_a_decision_needs_a_reason_and_a_part_needs_an_amount(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "short", after)
        fran = get(session, "fran")
        with pytest.raises(Refused) as no_reason:
            disputes.decide(session, dispute.id, fran, "uphold", "  ", after)
        with pytest.raises(Refused) as no_amount:
            disputes.decide(session, dispute.id, fran, "part", "some", after)
        assert (no_reason.value.code, no_amount.value.code) == ("no_reason", "no_amount")
        assert dispute.status == "open"


def test_upholding_a_disputed_timesheet_pays_the_buyers_hours_and_the_rest_as_an_award(db, now):
    with db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        sheet, booking, shift, worker = submitted(session, now, minutes=240)
        run_by(session, shift.market_id, fran, now)
        timesheets.buyer_amend(session, shift.buyer_id, sheet.ref, 120, shift.end)
        dispute = timesheets.worker_dispute(session, worker.id, sheet.ref, "I did 4h", shift.end)
        disputes.decide(session, dispute.id, fran, "uphold", "The rota shows 4h", shift.end)
        assert session.get(Timesheet, sheet.id).status == "confirmed"
        assert balances(session)["worker"] == pay_for_minutes(booking.rate_minor, 240)
        assert ledger_sums_to_zero(session)
        point = session.exec(select(PenaltyPoint)).one()
        assert point.buyer_id == shift.buyer_id and point.worker_id is None


def test_three_live_points_suspend_a_worker_from_offers_until_staff_review(db, now):
    with db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        sam = operator(session, "sam", "staff", now)
        for day in range(3):
            start = (now + timedelta(days=1 + day)).replace(hour=9, minute=0)
            booking, shift, worker = book(session, now, start=start)
            run_by(session, shift.market_id, fran, now)
            dispute = disputes.open_dispute(
                session, booking.id, "buyer", "conduct", "left early", shift.end
            )
            disputes.decide(session, dispute.id, fran, "uphold", "Left at noon", shift.end)
        assert session.get(Worker, worker.id).suspended_at is not None
        assert len(notices(session, "suspended")) == 1
        disputes.review_suspension(session, sam, shift.end, "Spoke to them", worker_id=worker.id)
        assert session.get(Worker, worker.id).suspended_at is None


def test_a_point_expires_after_the_concessions_time(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        disputes.decide(session, dispute.id, get(session, "fran"), "uphold", "Unpaid", after)
        buyer_id = dispute.buyer_id
        assert len(disputes.live_points(session, after, buyer_id=buyer_id)) == 1
        later = after + timedelta(days=366)
        assert disputes.live_points(session, later, buyer_id=buyer_id) == []


def test_a_suspended_buyer_cannot_post(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        buyer = session.get(Buyer, dispute.buyer_id)
        buyer.suspended_at = after
        market = session.get(Market, dispute.market_id)
        with pytest.raises(Refused) as refused:
            post_shift(
                session, market, buyer, "care", "E1 6AN", after + timedelta(days=2),
                after + timedelta(days=2, hours=3), 1, 1500, after,
            )  # fmt: skip
        assert refused.value.code == "suspended"


def test_an_appeal_goes_to_another_reviewer_whose_decision_replaces_the_first(db, people):
    booking_id, after = people
    with db.write() as session:
        fran, sam = get(session, "fran"), get(session, "sam")
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        disputes.decide(session, dispute.id, fran, "part", "Half", after, 2000)
        disputes.appeal(session, dispute.id, "buyer", "They left early", after + timedelta(days=3))
        assert dispute.status == "appealed"
        assert dispute.reviewer_id in {sam.id, get(session, "rita").id}
        with pytest.raises(Refused) as same:
            disputes.decide(session, dispute.id, fran, "reject", "No", after + timedelta(days=4))
        assert same.value.code == "same_reviewer"
        disputes.decide(session, dispute.id, sam, "reject", "Left early", after + timedelta(days=4))
        assert dispute.status == "closed"
        assert balances(session).get("worker", 0) == 0
        assert ledger_sums_to_zero(session)
        assert len(notices(session, "appeal_decided_own")) == 1


def test_an_appeal_after_the_time_limit_is_refused(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        disputes.decide(session, dispute.id, get(session, "fran"), "reject", "Paid", after)
        with pytest.raises(Refused) as late:
            disputes.appeal(session, dispute.id, "worker", "no", after + timedelta(days=15))
        assert late.value.code == "appeal_closed" and dispute.status == "decided"


def test_an_untouched_dispute_escalates_after_72_hours_once(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        assert disputes.escalate_due(session, after + timedelta(hours=71)) == []
        assert disputes.escalate_due(session, after + timedelta(hours=72)) == [dispute.id]
        assert disputes.escalate_due(session, after + timedelta(hours=73)) == []
        assert session.get(Dispute, dispute.id).status == "escalated"


def test_a_question_from_the_franchisee_resets_the_escalation_clock(db, people):
    booking_id, after = people
    with db.write() as session:
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        later = after + timedelta(hours=70)
        disputes.ask(session, dispute.id, get(session, "fran"), "buyer", "Did you pay?", later)
        assert disputes.escalate_due(session, after + timedelta(hours=72)) == []
        assert disputes.waiting_question(session, "buyer", dispute.buyer_id).id == dispute.id
        disputes.attach_reply(session, dispute, "buyer", "Yes, by bank", later)
        assert disputes.waiting_question(session, "buyer", dispute.buyer_id) is None


def test_another_franchisee_can_neither_see_nor_decide_the_dispute(db, people, now):
    booking_id, after = people
    with db.write() as session:
        kay = operator(session, "kay", "franchisee", now)
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        assert disputes.queue(session, kay) == []
        assert disputes.counts(session, kay)["open"] == 0
        assert [d.id for d in disputes.queue(session, get(session, "fran"))] == [dispute.id]
        with pytest.raises(Refused) as refused:
            disputes.decide(session, dispute.id, kay, "uphold", "Mine now", after)
        assert refused.value.code == "not_allowed"


def test_an_auditor_may_not_decide(db, people, now):
    booking_id, after = people
    with db.write() as session:
        auditor = operator(session, "audrey", "auditor", now)
        dispute = disputes.open_dispute(session, booking_id, "worker", "pay", "unpaid", after)
        with pytest.raises(Refused):
            disputes.decide(session, dispute.id, auditor, "uphold", "x", after)


def test_the_timeline_tells_the_bookings_story_in_order(db, now):
    with db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        sheet, booking, shift, worker = submitted(session, now, minutes=240)
        run_by(session, shift.market_id, fran, now)
        timesheets.buyer_amend(session, shift.buyer_id, sheet.ref, 120, shift.end)
        dispute = timesheets.worker_dispute(session, worker.id, sheet.ref, "I did 4h", shift.end)
        disputes.ask(session, dispute.id, fran, "worker", "Who saw you leave?", shift.end)
        disputes.decide(session, dispute.id, fran, "uphold", "The rota shows 4h", shift.end)
        moments = timeline(session, dispute.id)
    kinds = [moment.kind for moment in moments]
    for kind in ("shift", "offer", "answer", "booking", "timesheet", "dispute_opened",
                 "dispute_question", "decision", "money"):  # fmt: skip
        assert kind in kinds, kind
    assert kinds.index("offer") < kinds.index("booking") < kinds.index("dispute_opened")
    assert [m.at for m in moments] == sorted(m.at for m in moments)
    offer_line = next(m for m in moments if m.kind == "offer")
    assert "by the rule" in offer_line.text
    sheets = [m.text for m in moments if m.kind == "timesheet"]
    assert sheets == ["Timesheet: the worker's hours 4h", "Timesheet: the buyer's hours 2h"]


def test_the_timeline_holds_the_texts_about_the_booking(db, now):
    with db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        booking, shift, worker = book(session, now)
        run_by(session, shift.market_id, fran, now)
        dispute = disputes.open_dispute(session, booking.id, "worker", "pay", "unpaid", shift.end)
        notice = session.exec(select(Notice).where(Notice.kind == "dispute_opened_own")).one()
        session.add(
            Message(
                direction="out", phone=worker.phone, body=f"Dispute {dispute.ref} opened",
                notice_id=notice.id, created_at=shift.end, worker_id=worker.id,
            )
        )  # fmt: skip
        session.add(
            Message(
                direction="in", phone=worker.phone, body="what time is lunch",
                created_at=shift.end, worker_id=worker.id,
            )
        )  # fmt: skip
        session.flush()
        texts = [m.text for m in timeline(session, dispute.id) if m.kind == "text"]
    assert texts == [f"Dispute {dispute.ref} opened"]
