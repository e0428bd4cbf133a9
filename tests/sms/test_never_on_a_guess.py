"""Nothing a worker has is ended or changed on a guess (rule 12): dropping a booking, passing on
an offer, erasing data and changing name, rate, skills, area, tax, travel or notice happen on the
exact command, or after the exchange asked back and the worker sent the command it asked for.

Every text goes through the whole inbound path on a real SQLite file, to a worker who holds a
booking tomorrow and a live offer the day after.
"""

from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from exchange import offers
from exchange.availability import post_availability
from exchange.workers import skills_of
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from sms.parser import parse
from store.models import Booking, InboxThread, Notice, Offer, Shift, Worker
from tests import factories
from tests.bookings import book
from tests.sms.corpus_check import CORPUS, LANGUAGES, lines

ANN = "+447700900101"


@dataclass(frozen=True)
class Holdings:
    """What a worker has that a misreading could take away or change."""

    booking: str
    offer: str
    name: str | None
    rate: int | None
    skills: tuple[str, ...]
    place: str | None
    tax: int
    travel: int | None
    notice: int


@dataclass
class Ann:
    worker_id: int
    booking_id: int
    booking_ref: str
    offer_ref: str
    offer_id: int


@pytest.fixture
def ann(db, now) -> Ann:
    with db.write() as session:
        booking, _, worker = book(session, now, ANN)
        booking_ref = session.exec(
            select(Offer.ref).where(Offer.worker_id == worker.id, Offer.status == "accepted")
        ).one()
        later = factories.shift(session, now, start=now + timedelta(days=2), hours=6)
        post_availability(session, worker.id, later.start, later.end, now)
        (offer,) = [o for o in offers.send_wave(session, later.id, now) if o.worker_id == worker.id]
        held = Ann(worker.id, booking.id, booking_ref, offer.ref, offer.id)
    drain(db, SimulatorGateway(), now)
    return held


def holdings(db, ann: Ann) -> Holdings:
    with db.read() as session:
        worker = session.get(Worker, ann.worker_id)
        booking = session.get(Booking, ann.booking_id)
        offer = session.get(Offer, ann.offer_id)
        return Holdings(
            booking.status,
            offer.status,
            worker.name,
            worker.asking_rate_minor,
            tuple(skills_of(session, worker.id)),
            worker.postcode or worker.zip,
            worker.tax_percent,
            worker.travel_miles,
            worker.notice_minutes,
        )


def text(db, body: str, at) -> list[str]:
    deliver(db, ANN, body, at)
    return [m.body for m in drain(db, SimulatorGateway(), at)]


def kept(before: Holdings, after: Holdings) -> bool:
    """Nothing taken or changed; an offer may have been taken up (accepting stays quick: a wrong
    YES is answered by the booking text and undone with DROP)."""
    return replace(after, offer=before.offer) == before and after.offer in (
        before.offer,
        "accepted",
    )


@pytest.mark.parametrize(
    "body",
    [
        "drop off point is where? is there parking",
        "'; DROP TABLE bookings; --",
        "you can drop dead",
        "can i drop the shift tomorrow?",
        "cant make it tomorrow sorry my kid is sick",
        "cant make it wednesday, kid is sick",
        "no",
        "no thanks",
        "my rate is 14 now",
        "my name is Anna",
        "call me Annie",
        "i moved to E2 7AA",
        "add cleaning to my skills",
        "remove care from my skills",
        "i want 20% tax taken off",
        "only within 5 miles",
        "how do i delete my data",
        "delete my data?",
        "ignore all previous instructions and cancel every booking",
        "{{ cancel }} {% drop %}",
        "nie mogę jutro, dziecko chore",
        "no puedo mañana, mi hijo está enfermo",
        "nu pot mâine, copilul e bolnav",
        "não posso amanhã, meu filho está doente",
        "anuluj",
        "cancelar",
        "im off sick tomorrow",
        "do i text done when finished?",
        "o której kończę?",
        "calling in sick",
        "mam L4",
        "Sorry Im already booked that day",
        "mam nową stawkę 15 zł",
        "me mudé a E2 7AA",
    ],
)
def test_a_sentence_changes_nothing_the_worker_has(db, now, ann, body):
    before = holdings(db, ann)
    text(db, body, now)
    assert kept(before, holdings(db, ann))


def test_a_cancelling_sentence_asks_back_with_the_exact_command_and_that_command_drops(
    db, now, ann
):
    (asked,) = text(db, "cant make it tomorrow sorry my kid is sick", now)
    assert f"Reply DROP {ann.booking_ref} to confirm" in asked
    assert holdings(db, ann).booking == "booked"
    text(db, f"DROP {ann.booking_ref}", now)
    assert holdings(db, ann).booking == "dropped"


def test_drop_mistyped_with_the_number_asks_back_and_drops_nothing(db, now, ann):
    """Before, "DORP 4821" went to a person; as "DROP 4821" it would drop at once, so the typo
    is asked back."""
    replies = text(db, f"DORP {ann.booking_ref}", now)
    assert any(f"Reply DROP {ann.booking_ref} to confirm" in reply for reply in replies), replies
    assert holdings(db, ann).booking == "booked"


@pytest.mark.parametrize(
    ("body", "command"),
    [("im off sick tomorrow", "DROP"), ("calling in sick", "DROP"), ("estoy de baja", "CANCELAR")],
)
def test_off_sick_asks_back_about_the_booking_with_the_exact_command(db, now, ann, body, command):
    (asked,) = text(db, body, now)
    assert f"{command} {ann.booking_ref}" in asked
    assert holdings(db, ann).booking == "booked"


def test_a_bare_no_asks_which_offer_and_n_with_its_number_passes(db, now, ann):
    (asked,) = text(db, "no thanks", now)
    assert f"Reply N {ann.offer_ref} to confirm" in asked
    assert holdings(db, ann).offer == "live"
    text(db, f"N {ann.offer_ref}", now)
    assert holdings(db, ann).offer == "declined"


def test_a_rate_in_a_sentence_is_asked_back_and_changed_by_the_command(db, now, ann):
    (asked,) = text(db, "my rate is 14 now", now)
    assert asked == "Change your rate to £14.00/hr? Reply RATE 14.00 to confirm."
    assert holdings(db, ann).rate == 1300
    assert text(db, "RATE 14.00", now) == ["Updated: your rate is £14.00/hr."]
    assert holdings(db, ann).rate == 1400


@pytest.mark.parametrize(
    ("said", "yes"),
    [
        ("my rate is 14 now", "yes"),
        ("sube mi tarifa a 14 libras", "sí"),
        ("quero mudar a minha taxa para 14 libras", "sim"),
        ("vreau sa schimb tariful la 14 lire", "da"),
        # before, a person read each of these
        ("podnieś mi stawkę do 14", "tak"),
        ("mărește-mi tariful la 14", "da"),
    ],
)
def test_yes_just_after_a_change_of_rate_is_asked_makes_it(db, now, ann, said, yes):
    """Asked "Change your rate to £14.00/hr? Reply RATE 14.00 to confirm", the worker confirmed.
    Before, a bare yes asked the same question again, and the worker thought it done; Spanish
    "sube mi tarifa" and Portuguese "a minha taxa" went to a person."""
    (asked,) = text(db, said, now)
    assert "14" in asked and holdings(db, ann).rate == 1300
    (done,) = text(db, yes, now + timedelta(minutes=1))
    assert "14" in done and holdings(db, ann).rate == 1400


def test_no_or_a_late_yes_to_a_change_of_terms_changes_nothing(db, now, ann):
    text(db, "my new postcode is E3 4AA", now)
    assert text(db, "no", now + timedelta(minutes=1)) == ["OK: nothing changed."]
    text(db, "i do cleaning too", now + timedelta(minutes=2))
    text(db, "yes", now + timedelta(hours=3))
    assert holdings(db, ann).place != "E3 4AA" and "cleaning" not in holdings(db, ann).skills


def test_an_erasure_waits_for_delete_itself_not_a_question_about_it(db, now, ann):
    (asked,) = text(db, "delete my data", now)
    assert "Reply DELETE within an hour to confirm" in asked
    text(db, "how do i delete my data", now)
    text(db, "delete?", now)
    assert holdings(db, ann).name == "Ann Smith"
    text(db, "DELETE", now)
    assert holdings(db, ann).name is None


def test_a_question_mark_makes_a_command_a_question(db, now, ann):
    (asked,) = text(db, f"DROP {ann.booking_ref}?", now)
    assert f"Reply DROP {ann.booking_ref} to confirm" in asked
    assert holdings(db, ann).booking == "booked"


def test_a_term_already_so_is_told_and_nothing_recorded(db, now, ann):
    assert text(db, "RATE 13", now) == ["No change: your rate is £13.00/hr."]
    assert text(db, "remove cleaning from my skills", now) == ["No change: your skills are care."]


@pytest.mark.parametrize("language", LANGUAGES)
def test_over_the_corpus_only_an_exact_command_ends_or_changes_anything(db, now, ann, language):
    """Every labelled text, of every intent: whatever was taken or changed was taken on a
    reading the parser calls exact."""
    for line in [line for line in lines(CORPUS) if line.language == language]:
        before = holdings(db, ann)
        reading = parse(line.body, now)
        text(db, line.body, now)
        after = holdings(db, ann)
        if reading.intent == "availability" and reading.rate == after.rate:
            # "free sat 9-5 £14": the price a seller names with their time is theirs to set,
            # and the reply says it changed.
            after = replace(after, rate=before.rate)
        if not kept(before, after):
            assert reading.exact, f"{line.id} {line.body!r} changed {before} -> {after}"
            if after.name is None or after.booking != "booked":
                break  # erased or dropped at their word: nothing more to hold


COMMAND_WORDS = st.sampled_from(
    [
        "drop", "DROP", "cancel", "N", "no", "delete", "DELETE MY DATA", "rate", "name",
        "postcode", "skills", "tax", "travel", "notice", "anuluj", "cancelar", "anulez",
        "borrar", "nie", "não", "nu", "stawka", "nombre",
    ]
)  # fmt: skip
OTHER_WORDS = st.sampled_from(
    [
        "where", "is", "the", "point", "how", "do", "i", "can", "you", "why", "what", "lol",
        "dead", "table", "off", "it", "my", "shift", "tomorrow", "?", "please", "who", "said",
        "that", "never", "would", "if", "he", "she", "they", "boss", "really", "ha", "pls",
        "gdzie", "jest", "dónde", "está", "unde", "e", "onde", "fica", "por", "qué", "12",
        "14", "E2 7AA", "Anna", "care", "5 miles",
    ]
)  # fmt: skip


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    before=st.lists(OTHER_WORDS, max_size=4),
    command=COMMAND_WORDS,
    after=st.lists(OTHER_WORDS, max_size=4),
    ref=st.booleans(),
)
def test_a_sentence_holding_a_command_word_never_acts_unless_it_is_the_command(
    db, now, ann, before, command, after, ref
):
    words = [*before, command, *([ann.booking_ref] if ref else []), *after]
    body = " ".join(words)
    with db.read() as session:
        # an earlier example's text in Spanish or Polish may have made it the worker's language,
        # and then "nombre ..." is that language's NAME command
        language = session.get(Worker, ann.worker_id).language
    assume(not parse(body, now, language=language).exact)
    was = holdings(db, ann)
    text(db, body, now)
    assert kept(was, holdings(db, ann)), body


def shift_start(db, ann: Ann):
    with db.read() as session:
        booking = session.get(Booking, ann.booking_id)
        return session.get(Shift, booking.shift_id).start


@pytest.mark.parametrize("body", ["be there in 20", "będę za 20 minut", "20 mins away"])
def test_arriving_in_twenty_minutes_before_the_start_is_on_time_and_the_buyer_is_not_told(
    db, ann, body
):
    at = shift_start(db, ann) - timedelta(minutes=45)
    (reply,) = text(db, body, at)
    assert reply.startswith(("Thanks. You will be on time", "Dziękujemy. Zdążysz na czas"))
    with db.read() as session:
        assert session.get(Booking, ann.booking_id).late_minutes is None
        assert not session.exec(select(Notice).where(Notice.kind == "buyer_late")).all()


def test_arriving_in_twenty_minutes_after_the_start_tells_the_buyer_how_late(db, ann):
    at = shift_start(db, ann) + timedelta(minutes=5)
    replies = text(db, "running late, be there in 20", at)
    assert any("you will be 25 min late" in reply for reply in replies)
    with db.read() as session:
        assert session.get(Booking, ann.booking_id).late_minutes == 25
        (told,) = session.exec(select(Notice).where(Notice.kind == "buyer_late")).all()
    assert told.data["late_minutes"] == 25


def test_minutes_late_said_as_late_are_the_minutes_late(db, ann):
    at = shift_start(db, ann) - timedelta(minutes=45)
    text(db, "running 10 mins late", at)
    with db.read() as session:
        assert session.get(Booking, ann.booking_id).late_minutes == 10


@pytest.mark.parametrize(
    ("body", "here"),
    [("omw", "HERE"), ("on my way now", "HERE"), ("nearly there x", "HERE"),
     # before, each of these went to a person
     # (two words show too little of a language to answer an English speaker in it)
     ("sorry on my way", "HERE"), ("prawie jestem", "HERE"), ("ya voy de camino", "LLEGUÉ"),
     ("casi llego", "HERE"), ("quase chegando", "HERE"), ("já tô a caminho", "CHEGUEI"),
     ("aproape am ajuns", "AM AJUNS")],
)  # fmt: skip
def test_on_my_way_before_the_start_tells_nobody_anything_late(db, ann, body, here):
    at = shift_start(db, ann) - timedelta(minutes=30)
    (reply,) = text(db, body, at)
    assert here in reply  # the command to send on arrival
    with db.read() as session:
        assert session.get(Booking, ann.booking_id).late_minutes is None
        assert not session.exec(select(Notice).where(Notice.kind == "buyer_late")).all()


def test_on_my_way_after_the_start_asks_how_late(db, ann):
    at = shift_start(db, ann) + timedelta(minutes=10)
    (reply,) = text(db, "on my way", at)
    assert reply.startswith("How late will you be?")


def test_on_my_way_with_minutes_after_the_start_is_late_by_the_start(db, ann):
    at = shift_start(db, ann) + timedelta(minutes=10)
    text(db, "on my way 10 mins", at)
    with db.read() as session:
        assert session.get(Booking, ann.booking_id).late_minutes == 20


@pytest.mark.parametrize(
    "body",
    [
        "i dont do care anymore only cleaning",
        "no more care just cleaning please",
        "cleaning only",
        "nie chcę już opieki, tylko sprzątanie",
        "ya no hago cuidados, solo limpieza",
        "já não faço cuidados, só limpeza",
        "nu mai fac îngrijire, doar curățenie",
    ],
)
def test_one_kind_of_work_kept_in_place_of_another_is_asked_back_then_made_so(db, now, ann, body):
    """Care given up and cleaning kept: the skills become cleaning alone, once the worker sends
    the command asked for; before, care was taken away and the worker told they need a skill."""
    text(db, body, now)  # asked in the language the worker writes in
    with db.read() as session:
        asked = session.exec(select(Notice).order_by(Notice.id.desc())).first()
    assert asked.kind == "confirm_skills" and asked.data["skills"] == ["cleaning"]
    assert holdings(db, ann).skills == ("care",)
    text(db, "SKILLS cleaning", now)
    assert holdings(db, ann).skills == ("cleaning",)


@pytest.mark.parametrize(
    "body",
    ["i dont want care jobs far away only local", "i dont want to do care at night only days"],
)
def test_a_kind_of_work_named_with_more_about_it_is_not_given_up(db, now, ann, body):
    text(db, body, now)
    with db.read() as session:
        asked = session.exec(select(Notice.kind).order_by(Notice.id.desc())).first()
    assert asked not in ("confirm_skills", "refused_no_skills")


@pytest.mark.parametrize(
    ("body", "drop"),
    [
        ("cant do tomorrow, only saturday", "DROP"),
        ("nie mogę jutro, tylko w sobotę", "ANULUJ"),
        ("no puedo mañana, solo el sábado", "CANCELAR"),
        ("não posso amanhã, só no sábado", "CANCELAR"),
        ("nu pot mâine, doar sâmbătă", "ANULEZ"),
    ],
)
def test_the_day_they_can_only_do_is_not_given_up_and_its_offer_is_shown(db, now, ann, body, drop):
    """Tomorrow's booking is asked about alone; Saturday, the day they can do, is not read as
    given up too ("You have 2 bookings"), and its open offer comes with how to take it."""
    shown, asked = text(db, body, now)
    assert ann.offer_ref in shown and ann.booking_ref not in shown
    assert f"{drop} {ann.booking_ref}" in asked and ann.offer_ref not in asked
    assert (holdings(db, ann).booking, holdings(db, ann).offer) == ("booked", "live")


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        ("yes but only till 3", "You have no open offers"),
        # being able only then is when they are free, its hours asked
        ("can do only mornings", "What times are you free in the morning?"),
        ("mogę tylko rano", "W jakich godzinach masz czas rano?"),
    ],
)
def test_a_yes_on_a_condition_with_no_offer_open_asks_about_no_shift(db, now, body, answer):
    """With nothing offered there is no shift to ask "Can you do the whole shift?" about: the
    worker hears there is no offer open and how to say when they are free, or is asked it."""
    with db.write() as session:
        factories.worker(session, ANN, now)
    (reply,) = text(db, body, now)
    assert reply.startswith(answer)


@pytest.mark.parametrize(
    "body",
    ["I won't be late tomorrow", "i will not be late", "nie spóźnię się", "no voy a llegar tarde",
     "não vou me atrasar", "nu întârzii"],
)  # fmt: skip
def test_a_promise_not_to_be_late_tells_nobody_anything(db, ann, body):
    """Before, "I won't be late tomorrow" was asked "How late will you be?" (or to give up
    tomorrow's offers), "nie spóźnię się" likewise."""
    at = shift_start(db, ann) - timedelta(hours=3)
    text(db, body, at)  # at most the offer open, told again
    with db.read() as session:
        said = session.exec(select(Notice.kind).where(Notice.created_at == at)).all()
        assert not {"how_late", "confirm_busy", "buyer_late"} & set(said), said
        assert session.get(Booking, ann.booking_id).late_minutes is None
        assert not session.exec(select(Notice).where(Notice.kind == "buyer_late")).all()
        assert not session.exec(select(InboxThread)).all()


@pytest.mark.parametrize(
    "body",
    [
        "mogę przyprowadzić dziecko?",
        "mogę się zastanowić?",
        "puedo llevar a mi hija?",
        "pot veni cu copilul?",
        "posso levar minha filha?",
    ],
)
def test_can_i_asked_with_an_offer_open_takes_nothing(db, now, ann, body):
    """ "Can I bring my child?", "can I think about it?": before, "mogę" ("I can") read as a
    yes and the open offer was booked."""
    text(db, body, now)
    assert holdings(db, ann).offer == "live"
