"""A worker's own terms, their answers under the law, their data and their consent, as use
cases: each acts on the worker's own rows only, and a refusal changes nothing."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from exchange import offers
from exchange.errors import Refused
from exchange.operators import add_operator
from services import law
from services.credentials import answer_check
from services.privacy import erase_my_data, looks_at_my_data, what_is_held
from services.selling import bookings_to_come, open_offers, withdraw_free_time
from services.terms import change_own_terms, own_skills, take_language_from_texts
from services.who import who_is
from services.workers import ask_credential_check, look_at_worker
from store.models import (
    AvailabilityWindow,
    Booking,
    CredentialCheck,
    Operator,
    TermsChange,
    Worker,
)
from store.statuses import CredentialCheckStatus, WorkerStatus
from tests import factories
from tests.bookings import book, notices

ANN = "+447700900101"


@pytest.fixture
def ann(db, now):
    with db.write() as session:
        return factories.worker(session, ANN, now, rate=1300, skills=("care",)).id


@pytest.fixture
def sam(db, now):
    """A member of staff, signed in."""
    with db.write() as session:
        add_operator(session, "sam", "Sam", "staff", "password1", now)
        return who_is(session, session.exec(select(Operator)).one())


def test_own_terms_change_and_are_recorded_as_the_workers(db, now, ann):
    changed = change_own_terms(db, ann, now, asking_rate_minor=1450, skills=["care", "cleaning"])
    assert changed == ["asking_rate_minor", "skills"]
    assert own_skills(db, ann) == ["care", "cleaning"]
    with db.read() as session:
        assert {c.changed_by for c in session.exec(select(TermsChange))} == {"worker"}


def test_one_refused_term_leaves_every_term_as_it_was(db, now, ann):
    with pytest.raises(Refused):
        change_own_terms(db, ann, now, name="Ann Smith", asking_rate_minor=100)
    with db.read() as session:
        worker = session.get(Worker, ann)
        assert (worker.name, worker.asking_rate_minor) == ("Worker 0101", 1300)


def test_the_language_of_the_first_texts_is_not_taken_once_the_worker_chose(db, now, ann):
    assert take_language_from_texts(db, ann, "es", now)
    change_own_terms(db, ann, now, language="pl")
    assert not take_language_from_texts(db, ann, "ro", now)
    with db.read() as session:
        assert session.get(Worker, ann).language == "pl"


def test_a_date_of_birth_is_given_once_by_text(db, now):
    with db.write() as session:
        worker_id = factories.worker(session, ANN, now, born=None).id
    law.give_date_of_birth(db, worker_id, date(1990, 5, 1), now)
    law.give_date_of_birth(db, worker_id, date(1990, 5, 1), now)  # the same again is no change
    with pytest.raises(Refused) as refused:
        law.give_date_of_birth(db, worker_id, date(1991, 5, 1), now)
    assert refused.value.code == "dob_set"
    with db.read() as session:
        assert session.get(Worker, worker_id).date_of_birth == date(1990, 5, 1)


def test_the_weekly_opt_out_is_agreed_once_and_taken_back_with_notice(db, now, ann):
    assert law.opt_out_of_week(db, ann, now) is True
    assert law.opt_out_of_week(db, ann, now) is False
    assert law.end_week_opt_out(db, ann, now) == now + timedelta(days=7)


def test_no_raise_waiting_changes_no_rate(db, now, ann):
    assert law.take_raise(db, ann, now) is False
    with db.read() as session:
        assert session.get(Worker, ann).asking_rate_minor == 1300


def test_my_data_counts_what_is_held_and_who_saw_shows_each_look(db, now, ann, sam):
    look_at_worker(db, sam, ann, "asked_by_worker", "rang the desk", now)
    held = what_is_held(db, ann)
    assert held.name == "Worker 0101" and held.looks == 1
    (seen,) = looks_at_my_data(db, ann)
    assert seen.who == "Sam (staff)" and seen.detail == "rang the desk"


def test_erasing_gives_coming_bookings_back_and_keeps_no_phone(db, now):
    with db.write() as session:
        booking, _, worker = book(session, now)
        booking_id, worker_id = booking.id, worker.id
    token = erase_my_data(db, worker_id, now)
    with db.read() as session:
        worker = session.get(Worker, worker_id)
        assert (worker.phone, worker.status) == (token, WorkerStatus.ERASED)
        assert session.get(Booking, booking_id).status == "dropped"
    assert bookings_to_come(db, worker_id, now) == []


def test_a_bare_yes_with_an_offer_open_is_the_offers_not_the_checks(db, now, ann, sam):
    ref = ask_credential_check(db, sam, ann, "dbs", now)
    with db.write() as session:
        offers.send_wave(session, factories.shift(session, now).id, now)
    assert open_offers(db, ann)
    assert answer_check(db, ann, None, True, now) is None
    check = answer_check(db, ann, ref, True, now)
    assert check.status == CredentialCheckStatus.CONSENTED
    with db.read() as session:
        assert session.exec(select(CredentialCheck.status)).one() == "consented"
        assert len(notices(session, "credential_consented")) == 1


def test_busy_takes_back_the_free_time_that_day(db, now, ann):
    withdrawn = withdraw_free_time(
        db, ann, now, "Europe/London", on=(now + timedelta(days=1)).date()
    )
    assert withdrawn.windows == 1
    with db.read() as session:
        assert session.exec(select(AvailabilityWindow)).all() == []
