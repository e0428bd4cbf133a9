"""A party's side of a dispute, someone new joining, STOP, and a text handed to a person, as use
cases: each acts only on the actor's own rows and changes nothing when refused."""

from datetime import timedelta

import pytest
from sqlmodel import select

from exchange.errors import Refused
from exchange.operators import add_operator
from services import disputing, joining
from services.disputes import ask_party, open_dispute
from services.inbox import hand_to_a_person
from services.who import who_is
from store.models import DisputeEvent, InboxThread, Market, Message, Operator, Worker
from store.statuses import WorkerStatus
from tests.bookings import book, notices

NEW = "+447700900555"


@pytest.fixture
def opened(db, now):
    """A worker's dispute about yesterday's pay, and staff to ask about it: dispute, buyer, staff."""
    with db.write() as session:
        booking, shift, _ = book(session, now - timedelta(days=2))
        add_operator(session, "sam", "Sam", "staff", "password1", now)
        sam = who_is(session, session.exec(select(Operator)).one())
        booking_id, buyer_id = booking.id, shift.buyer_id
    dispute = open_dispute(db, None, booking_id, "worker", "pay", "paid 2 hours not 4", now)
    return dispute, buyer_id, sam


def test_an_answer_attaches_only_while_staff_wait_on_one(db, now, opened):
    dispute, buyer_id, sam = opened
    assert disputing.answer_question(db, "buyer", buyer_id, "she left at noon", now) is None
    ask_party(db, sam, dispute.id, "buyer", "When did she leave?", now)
    answered = disputing.answer_question(db, "buyer", buyer_id, "  at   noon ", now)
    assert answered.ref == dispute.ref
    with db.read() as session:
        reply = session.exec(select(DisputeEvent).where(DisputeEvent.kind == "reply")).one()
        assert (reply.party, reply.body) == ("buyer", "at noon")


def test_a_party_appeals_only_a_decided_dispute_of_their_own(db, now, opened):
    dispute, buyer_id, _ = opened
    with pytest.raises(Refused) as refused:
        disputing.appeal(db, "buyer", buyer_id + 1, dispute.ref, "why", now)
    assert refused.value.code == "unknown_dispute"
    with pytest.raises(Refused) as refused:
        disputing.appeal(db, "buyer", buyer_id, dispute.ref, "why", now)
    assert refused.value.code == "not_decided"


def test_more_words_go_to_the_partys_own_undecided_dispute(db, now, opened):
    dispute, _, _ = opened
    with db.read() as session:
        worker_id = session.exec(select(Worker.id)).one()
    added = disputing.add_to_dispute(db, "worker", worker_id, dispute.ref, "and no break", now)
    assert added.ref == dispute.ref
    assert disputing.standing(db, worker_id, now).points == ()


@pytest.fixture
def newcomer(db, now):
    """Someone who has texted the exchange for the first time: their id and the market's."""
    with db.read() as session:
        market_id = session.exec(select(Market.id)).first()
    return joining.first_text_from(db, NEW, market_id, "es", now).id, market_id


def test_someone_new_joins_at_their_own_rate(db, now, newcomer):
    worker_id, market_id = newcomer
    worker = joining.join(db, worker_id, market_id, "Ana", ["care"], "E1 6AN", 1400, now)
    assert (worker.id, worker.status, worker.language) == (worker_id, WorkerStatus.ACTIVE, "es")


def test_joining_under_the_legal_minimum_leaves_the_sign_up_where_it_was(db, now, newcomer):
    worker_id, market_id = newcomer
    with pytest.raises(Refused):
        joining.join(db, worker_id, market_id, "Ana", ["care"], "E1 6AN", 100, now)
    with db.read() as session:
        worker = session.get(Worker, worker_id)
        assert (worker.status, worker.name) == (WorkerStatus.SIGNING_UP, None)


def test_stop_from_a_number_never_heard_from_is_remembered(db, now):
    with db.read() as session:
        market_id = session.exec(select(Market.id)).first()
    joining.opt_out(db, "+447700900777", market_id, now)
    assert joining.worker_with_phone(db, "+447700900777").opted_out is True


def test_a_text_handed_to_a_person_tells_its_sender_once_a_conversation(db, now, newcomer):
    worker_id, market_id = newcomer
    with db.write() as session:
        texts = [Message(phone=NEW, direction="in", body=f"?? {n}", created_at=now) for n in (1, 2)]
        session.add_all(texts)
        session.flush()
        ids = [message.id for message in texts]
    first = hand_to_a_person(db, ids[0], market_id, worker_id, "not_understood", now)
    second = hand_to_a_person(db, ids[1], market_id, worker_id, "not_understood", now)
    assert (first.told, second.told) == (True, False)
    assert first.thread_id == second.thread_id
    with db.read() as session:
        assert len(session.exec(select(InboxThread)).all()) == 1
        assert len(notices(session, "inbox_received")) == 1
