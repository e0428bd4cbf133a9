"""A pay dispute from start to finish: the worker's text, the franchisee's question, the
buyer's reply, a part decision with its ledger adjustment, both decision texts, and an appeal
that goes to a second reviewer; every text through the real inbound path and outbox."""

from datetime import timedelta

from sqlmodel import func, select

from exchange import disputes
from exchange.franchises import franchise_of
from exchange.operators import add_operator
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from store.models import Dispute, DisputeEvent, LedgerEntry, Market, Offer, Operator
from tests.bookings import book

ANN = "+447700900101"
BUYER = "+447700900999"


def text(db, phone, body, at) -> dict[str, str]:
    deliver(db, phone, body, at)
    return sent(db, at)


def sent(db, at) -> dict[str, str]:
    return {m.phone: m.body for m in drain(db, SimulatorGateway(), at)}


def test_a_pay_dispute_from_text_to_appeal(db, now):
    with db.write() as session:
        fran = add_operator(session, "fran", "Fran", "franchisee", "password1", now)
        add_operator(session, "sam", "Sam", "staff", "password1", now)
        booking, shift, _ = book(session, now, phone=ANN, rate=1300)
        market = session.get(Market, shift.market_id)
        market.franchise_id = franchise_of(session, fran, now).id
        session.add(market)
        ref = session.get(Offer, booking.offer_id).ref
    sent(db, now)
    after = now + timedelta(days=2)

    opened = text(db, ANN, f"DISPUTE {ref} they paid 2 hours not 4", after)
    with db.read() as session:
        dispute = session.exec(select(Dispute)).one()
    assert (dispute.category, dispute.status) == ("pay", "open")
    assert opened[ANN].startswith(f"Your dispute {dispute.ref} (pay)")
    assert opened[BUYER].startswith(f"POEMS: Ann Smith has opened dispute {dispute.ref}")

    with db.write() as session:
        fran = session.exec(select(Operator).where(Operator.username == "fran")).one()
        disputes.ask(session, dispute.id, fran, "buyer", "How many hours did Ann work?", after)
    asked = sent(db, after)
    assert asked[BUYER].startswith(f"POEMS dispute {dispute.ref} (Ann Smith, care")
    assert "How many hours did Ann work?" in asked[BUYER]

    replied = text(db, BUYER, "She left at 12, so 3 hours", after)
    assert replied[BUYER] == f"POEMS: thanks, your answer is with dispute {dispute.ref}."

    with db.write() as session:
        fran = session.exec(select(Operator).where(Operator.username == "fran")).one()
        decided = disputes.decide(
            session, dispute.id, fran, "part", "The buyer agrees 3 hours", after, 1300
        )
        assert decided.moved_minor == 1300
        by_txn = session.exec(
            select(LedgerEntry.txn, func.sum(LedgerEntry.amount_minor)).group_by(LedgerEntry.txn)
        ).all()
        worker_award = session.exec(
            select(func.sum(LedgerEntry.amount_minor)).where(
                LedgerEntry.account.like("worker:%"),
                LedgerEntry.txn == f"dispute:{dispute.id}:first",
            )
        ).one()
    assert {total for _, total in by_txn} == {0}
    assert worker_award == 1300
    told = sent(db, after)
    assert told[ANN].startswith(f"Your dispute {dispute.ref} (care ")
    assert "partly upheld, £13.00 of it" in told[ANN]
    assert "Why: The buyer agrees 3 hours" in told[ANN]
    assert "partly upheld, £13.00 of it" in told[BUYER]

    appealed = text(db, ANN, f"APPEAL {dispute.ref} I was there till 1pm", after)
    assert appealed[ANN].startswith(f"Your appeal on dispute {dispute.ref} is in.")
    assert appealed[BUYER].startswith(
        f"POEMS: Ann Smith has appealed the decision on dispute {dispute.ref}"
    )
    with db.read() as session:
        dispute = session.get(Dispute, dispute.id)
        reviewer = session.get(Operator, dispute.reviewer_id)
        kinds = [e.kind for e in session.exec(select(DisputeEvent).order_by(DisputeEvent.id))]
    assert (dispute.status, reviewer.username) == ("appealed", "sam")
    assert kinds == ["opened", "question", "reply", "decision", "appeal"]
