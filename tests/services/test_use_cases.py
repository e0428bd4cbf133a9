"""The service layer's use cases: each decides who may act, runs in one transaction, writes its
audit entry and notices, and returns a small result, whichever door called it."""

from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import select

from exchange.errors import Refused
from exchange.franchises import add_market, franchise_of
from exchange.operators import add_operator
from poems.cli import main
from services.selling import answer_offer, drop_booking_for_worker, make_available
from services.shifts import Posting, cancel_shift_for_buyer, post_shift_for_buyer
from services.unit import TextTransaction
from services.who import who_is
from store.models import (
    AuditEntry,
    Booking,
    Buyer,
    InboxThread,
    Market,
    Notice,
    Offer,
    Operator,
    Shift,
    Worker,
)
from tests import factories
from tests.signin import sign_in


def who(db, username: str):
    with db.read() as session:
        found = session.exec(select(Operator).where(Operator.username == username)).one()
        return who_is(session, found)


@pytest.fixture
def people(db, now):
    """Staff, an auditor, a franchisee who runs a second market, and a worker free tomorrow."""
    with db.write() as session:
        for username, role in (("sam", "staff"), ("aud", "auditor"), ("fran", "franchisee")):
            add_operator(session, username, username.title(), role, "password1", now)
        home = factories.market(session)
        second = add_market(
            session,
            Market(
                name="Kitchens Leeds",
                sector="kitchens",
                area="Leeds",
                tz=home.tz,
                currency=home.currency,
                region=home.region,
                skills=["kitchen"],
                franchise_id=franchise_of(
                    session,
                    session.exec(select(Operator).where(Operator.username == "fran")).one(),
                    now,
                ).id,
            ),
            now,
        )
        factories.worker(session, "+447700900101", now)
        buyer = factories.buyer(session)
        return home.id, second.id, buyer.id


def posting(buyer_id: int, now) -> Posting:
    start = (now + timedelta(days=1)).replace(hour=9, minute=0)
    return Posting(buyer_id, "care", "E1 7AA", start, start + timedelta(hours=4), 1, 1450)


def test_staff_post_a_buyers_shift_and_its_first_wave_goes_out(db, now, people):
    home, _, buyer_id = people
    posted = post_shift_for_buyer(db, who(db, "sam"), home, posting(buyer_id, now), now)
    assert posted.offered == 1 and posted.goes_out_at is None
    with db.read() as session:
        assert session.get(Shift, posted.shift_id).ref == posted.ref
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "shift_posted")).one()
        assert entry.subject == f"shift:{posted.shift_id}"
        assert entry.operator_id == who(db, "sam").id


@pytest.mark.parametrize(
    ("username", "market"),
    [("aud", 0), ("fran", 0), ("sam", 1)],
    ids=["an auditor", "a franchisee outside their markets", "another market's buyer"],
)
def test_a_posting_the_rules_refuse_changes_nothing(db, now, people, username, market):
    buyer_id = people[2]
    with pytest.raises(Refused):
        post_shift_for_buyer(db, who(db, username), people[market], posting(buyer_id, now), now)
    with db.read() as session:
        assert session.exec(select(Shift)).all() == []
        assert session.exec(select(Offer)).all() == []


def test_cancelling_tells_the_worker_offered_and_refuses_an_auditor(db, now, people):
    home, _, buyer_id = people
    posted = post_shift_for_buyer(db, who(db, "sam"), home, posting(buyer_id, now), now)
    with pytest.raises(Refused):
        cancel_shift_for_buyer(db, who(db, "aud"), posted.shift_id, "the ward closed", now)
    done = cancel_shift_for_buyer(db, who(db, "sam"), posted.shift_id, "the ward closed", now)
    assert (done.ref, done.told) == (posted.ref, 1)
    with db.read() as session:
        assert session.get(Shift, posted.shift_id).status == "cancelled"


def test_the_command_line_posts_only_for_a_buyer_of_its_market(
    db, now, people, sqlite_url, monkeypatch, tmp_path
):
    """The console's rule at the command line too: a buyer of another market is not found by
    name and nothing is posted."""
    with db.write() as session:
        session.add(Buyer(market_id=people[1], name="Leeds Canteen", default_place="LS1 4AP"))
    sign_in(sqlite_url, monkeypatch, tmp_path / "state", username="stan")
    start = (now + timedelta(days=1)).strftime("%Y-%m-%dT09:00")
    end = (now + timedelta(days=1)).strftime("%Y-%m-%dT13:00")
    result = CliRunner().invoke(
        main,
        ["shift", "add", "--buyer", "Leeds Canteen", "--skill", "care", "--postcode", "E1 7AA"]
        + ["--start", start, "--end", end, "--max-rate", "14.50", "--db", sqlite_url],
    )
    assert result.exit_code == 1 and "no buyer called 'Leeds Canteen'" in result.output
    with db.read() as session:
        assert session.exec(select(Shift)).all() == []


def test_a_yes_in_the_texts_transaction_books_and_rolls_back_with_it(db, now, people):
    home, _, buyer_id = people
    posted = post_shift_for_buyer(db, who(db, "sam"), home, posting(buyer_id, now), now)
    with db.read() as session:
        worker_id = session.exec(select(Worker.id)).one()
    with pytest.raises(RuntimeError), db.write() as session:
        answer = answer_offer(TextTransaction(session), worker_id, None, True, now)
        assert answer.outcome == "booked"
        raise RuntimeError("the text's transaction fails after the use case")
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
    answer = answer_offer(db, worker_id, None, True, now)
    assert answer.outcome == "booked" and answer.offer.shift_id == posted.shift_id


def test_a_person_drops_a_booking_from_the_inbox_only_with_the_right_to(db, now, people):
    home, _, buyer_id = people
    post_shift_for_buyer(db, who(db, "sam"), home, posting(buyer_id, now), now)
    with db.write() as session:
        worker = session.exec(select(Worker)).one()
        thread = InboxThread(
            market_id=home,
            phone=worker.phone,
            worker_id=worker.id,
            reason="not_understood",
            opened_at=now,
            due_at=now + timedelta(hours=2),
            last_text_at=now,
        )
        session.add(thread)
        session.flush()
        thread_id, worker_id = thread.id, worker.id
    ref = answer_offer(db, worker_id, None, True, now).offer.ref
    with pytest.raises(Refused):
        drop_booking_for_worker(db, who(db, "aud"), thread_id, ref, now)
    with pytest.raises(Refused):
        drop_booking_for_worker(db, who(db, "fran"), thread_id, ref, now)
    with pytest.raises(Refused):
        drop_booking_for_worker(db, who(db, "sam"), thread_id, "0000", now)
    drop_booking_for_worker(db, who(db, "sam"), thread_id, ref, now)
    with db.read() as session:
        assert session.exec(select(Booking.status)).one() == "dropped"
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "inbox_drop")).one()
        assert (entry.subject, entry.detail) == (f"inbox:{thread_id}", ref)


def test_free_time_with_a_rate_below_the_minimum_changes_nothing(db, now, people):
    with db.read() as session:
        worker = session.exec(select(Worker)).one()
    start = (now + timedelta(days=2)).replace(hour=9, minute=0)
    with pytest.raises(Refused):
        make_available(db, worker, now, [(start, start + timedelta(hours=8))], rate_minor=100)
    with db.read() as session:
        assert session.get(Worker, worker.id).asking_rate_minor == 1300
        assert session.exec(select(Notice).where(Notice.kind == "terms_updated")).all() == []
