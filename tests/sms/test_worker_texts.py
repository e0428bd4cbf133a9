"""A registered worker's everyday texts, through the whole inbound path on a real SQLite file."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from exchange import offers
from exchange.availability import post_availability
from exchange.errors import Refused
from exchange.workers import skills_of
from sms import refusals
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from sms.segments import to_plain_gsm
from store.models import (
    AvailabilityWindow,
    Booking,
    Dispute,
    InboxThread,
    Message,
    Notice,
    Offer,
    Shift,
    TermsChange,
    Timesheet,
    Worker,
)
from store.statuses import OfferStatus
from tests import factories
from tests.bookings import book

ANN = "+447700900101"


@pytest.fixture
def ann(db, now):
    with db.write() as session:
        return factories.worker(session, ANN, now, rate=1300).id


def text(db, body, at, phone=ANN) -> list[str]:
    deliver(db, phone, body, at)
    return [m.body for m in drain(db, SimulatorGateway(), at)]


def test_a_rate_in_another_currency_is_refused_and_the_rate_kept(db, now, ann):
    (reply,) = text(db, "available tmrw 9-5 $15", now)
    assert "rates here are in GBP" in reply
    with db.read() as session:
        assert session.get(Worker, ann).asking_rate_minor == 1300


def test_a_rate_with_availability_changes_the_asking_rate_and_says_so(db, now, ann):
    (reply,) = text(db, "free sat 10:00-14:00 £14", now)
    assert (
        reply == "Got it: free Sat 28 Nov 10:00-14:00 at £14.00/hr. We'll text you offers that fit."
    )
    with db.read() as session:
        assert session.get(Worker, ann).asking_rate_minor == 1400
        change = session.exec(
            select(TermsChange).where(TermsChange.field == "asking_rate_minor")
        ).one()
        assert (change.old_value, change.new_value, change.changed_by) == ("1300", "1400", "worker")


def test_availability_in_the_past_is_refused_with_an_example(db, now, ann):
    (reply,) = text(db, "available today 6am-8am", now)
    assert reply.startswith("Sorry: That time has already passed.")
    assert "AVAILABLE SAT 9-5" in reply


def test_an_ambiguous_time_is_asked_back_and_nothing_is_stored(db, now, ann):
    with db.read() as session:
        before = len(session.exec(select(AvailabilityWindow)).all())
    (reply,) = text(db, "free sat 5-9", now)
    assert "5am-9am or 5pm-9pm" in reply
    with db.read() as session:
        assert len(session.exec(select(AvailabilityWindow)).all()) == before


@pytest.mark.parametrize(
    "body",
    [
        "free tues next week 9-5",
        "free tuesday nxt wk 9-5",
        "wolna we wtorek w przyszłym tygodniu 9-17",
    ],
)
def test_a_day_next_week_is_stored_in_that_week_even_said_on_its_eve(db, now, ann, body):
    """Said on Monday 30 November, Tuesday next week is 8 December, not the next day."""
    monday = now + timedelta(days=4)
    replies = text(db, body, monday)
    assert any("Tue 8 Dec" in reply or "wt 8 gru" in reply for reply in replies), replies
    with db.read() as session:
        starts = [w.start.date().isoformat() for w in session.exec(select(AvailabilityWindow))]
    assert "2026-12-08" in starts and "2026-12-01" not in starts


def test_next_and_a_day_still_to_come_this_week_is_asked_back_and_nothing_is_stored(db, now, ann):
    with db.read() as session:
        before = len(session.exec(select(AvailabilityWindow)).all())
    (reply,) = text(db, "free nxt sat 9-5", now)
    assert reply.startswith("Which date?") and "5/12" in reply
    with db.read() as session:
        assert len(session.exec(select(AvailabilityWindow)).all()) == before


def test_rate_by_text_changes_the_asking_rate(db, now, ann):
    (reply,) = text(db, "RATE £14.50", now)
    assert reply == "Updated: your rate is £14.50/hr."


def test_a_language_we_have_no_texts_in_is_kept_without_a_promise(db, now, ann):
    (reply,) = text(db, "LANG fr", now)
    assert reply == (
        "Updated: your language is French; our texts are in English until we have French ones."
    )
    with db.read() as session:
        assert session.get(Worker, ann).language == "fr"
    assert text(db, "language english", now) == ["Updated: your language is English."]


def test_yesterday_is_refused_as_past(db, now, ann):
    (reply,) = text(db, "available yesterday 9-5", now)
    assert reply.startswith("Sorry: That time has already passed.")


def test_a_text_not_understood_goes_to_a_person_and_the_worker_is_told_so(db, now, ann):
    (reply,) = text(db, "qwzx ptang", now)
    assert reply.startswith("Thanks. A person at POEMS will read this and text you back.")
    with db.read() as session:
        (thread,) = session.exec(select(InboxThread)).all()
        (message,) = session.exec(select(Message).where(Message.thread_id == thread.id)).all()
    assert (thread.reason, thread.status, message.body) == ("not_understood", "open", "qwzx ptang")
    assert message.reading["intent"] == "unknown"


def test_a_second_text_not_understood_joins_the_conversation_without_a_second_reply(db, now, ann):
    text(db, "qwzx ptang", now)
    assert text(db, "zzzz yyyy", now + timedelta(minutes=1)) == []
    with db.read() as session:
        (thread,) = session.exec(select(InboxThread)).all()
        assert len(session.exec(select(Message).where(Message.thread_id == thread.id)).all()) == 2


@pytest.mark.parametrize(
    "body",
    ["thanks!", "cheers, see you tomorrow", "no worries x", "dziękuję bardzo", "mersi frumos"],
)
def test_thanks_alone_is_kept_and_troubles_nobody(db, now, ann, body):
    assert text(db, body, now) == []
    with db.read() as session:
        assert session.exec(select(InboxThread)).all() == []
        (message,) = session.exec(select(Message).where(Message.body == body)).all()
    assert message.reading["intent"] == "unknown"


@pytest.mark.parametrize("body", ["thanks", "perfect", "Perfect thanks", "dzięki"])
def test_thanks_with_an_offer_open_is_told_how_to_take_it_and_nothing_is_taken(db, now, ann, body):
    """Before, each went to a person to ask what was meant, while the offer ran out."""
    with db.write() as session:
        shift = factories.shift(session, now, start=now + timedelta(days=2), hours=6)
        post_availability(session, ann, shift.start, shift.end, now)
        (offer,) = [o for o in offers.send_wave(session, shift.id, now) if o.worker_id == ann]
    drain(db, SimulatorGateway(), now)
    (reply,) = text(db, body, now + timedelta(minutes=1))
    assert f"Y {offer.ref}" in reply or f"TAK {offer.ref}" in reply
    assert "open till 10:15" in reply or "ważna do 10:15" in reply
    with db.read() as session:
        assert session.get(Offer, offer.id).status == OfferStatus.LIVE
        assert session.exec(select(InboxThread)).all() == []


def test_thanks_just_after_booked_with_no_other_offer_is_kept_quietly(db, now, ann):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    assert text(db, "perfect thanks", now + timedelta(minutes=2)) == []


@pytest.mark.parametrize(
    "body",
    [
        "i can start at 10 instead of 9",
        "can i do 10-2 instead of 9-1",
        "mogę zacząć o 10 zamiast o 9",
        "puedo empezar a las 10 en vez de a las 9",
        "pot începe la 10 în loc de 9",
    ],
)
def test_a_change_to_a_booked_shift_goes_to_a_person_and_saves_no_free_time(db, now, body):
    """Before, "i can start at 10 instead of 9" was free time from 10, asked back as "From what
    time to what time?"; the worker meant the booked shift."""
    with db.write() as session:
        book(session, now)
        before = len(session.exec(select(AvailabilityWindow)).all())
    drain(db, SimulatorGateway(), now)
    (reply,) = text(db, body, now + timedelta(minutes=5))
    assert "10" not in reply  # told a person will read it, in its language; no hours asked
    with db.read() as session:
        assert len(session.exec(select(AvailabilityWindow)).all()) == before
        (thread,) = session.exec(select(InboxThread)).all()
    assert thread.reason == "not_understood"


@pytest.mark.parametrize(
    ("first", "other"),
    [
        ("the first one please", "and the other one too"),
        ("tak, pierwszą", "i tę drugą też"),
        ("el primero", "y el otro también"),
        ("the first one", "ill take the other one as well"),
    ],
)
def test_the_other_one_after_one_of_two_is_taken_takes_the_other(db, now, ann, first, other):
    """Before, "and the other one too" went to a person while the offer ran out."""
    offered_on(db, now, ann, (2, 3))
    text(db, first, now + timedelta(minutes=1))
    text(db, other, now + timedelta(minutes=2))
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 2


def test_the_other_one_with_two_offers_open_asks_which(db, now, ann):
    offered_on(db, now, ann, (2, 3))
    (reply,) = text(db, "the other one", now + timedelta(minutes=1))
    assert reply.startswith("You have 2 offers:")
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []


@pytest.mark.parametrize(
    "body",
    [
        "yes i will take it. is there parking?",
        "yes! do i need to bring anything?",
        "tak, biorę. czy jest parking?",
        "sí, lo acepto. ¿hay que llevar uniforme?",
        "sim, aceito. há estacionamento?",
    ],
)
def test_a_yes_with_a_question_books_and_a_person_reads_the_question(db, now, ann, body):
    """Before, the question sent the whole text to a person, the YES unread, while the offer
    ran out; the worker thought they were booked."""
    offered_on(db, now, ann, (2,))
    booked, _, told = text(db, body, now + timedelta(minutes=1))  # the buyer's in between
    assert "Rosewood" in booked and "POEMS" in told and "Rosewood" not in told
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"
        (thread,) = session.exec(select(InboxThread)).all()
    assert thread.reason == "question"


@pytest.mark.parametrize(
    "body",
    [
        "yes can i start at 10?",
        "yes if i can bring my son?",
        "ok but is there parking?",
        # about the offer itself: it is told before anything is taken
        "yes im interested, what is it?",
        "yes whats the job?",
        "yes how much does it pay?",
        "yes, tell me more?",
    ],
)
def test_a_yes_with_a_condition_asked_books_nothing(db, now, ann, body):
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []


def test_a_new_postcode_said_with_free_time_is_asked_back_and_never_read_as_a_rate(db, now, ann):
    """Before, "Also my postcode changed to E2 7DG" was asked "Is 7 your rate per hour?", and
    the new postcode was never heard."""
    saved, asked = text(db, "Hello! I'm free tomorrow 9-5. Also my postcode changed to E2 7DG", now)
    assert saved.startswith("Got it: free Fri 27 Nov")
    assert asked == "Change your postcode to E2 7DG? Reply POSTCODE E2 7DG to confirm."
    assert text(db, "yes", now + timedelta(minutes=1)) == ["Updated: your area is E2 7DG."]


def test_a_district_said_with_free_time_changes_nothing_and_asks_nothing(db, now, ann):
    (saved,) = text(db, "free tomorrow 9-5, I live in E1", now)
    assert saved.startswith("Got it: free")


def test_a_bare_yes_after_one_offer_shown_takes_that_one(db, now, ann):
    """Before, "I can do Saturday but not Sunday. Thanks" went to a person; and a Y just after
    the Saturday offer alone was shown with "reply Y and its number" listed both again."""
    offered_on(db, now, ann, (2, 3))
    (shown,) = text(
        db, "Hi, sorry for the late reply. I can do Saturday but not Sunday. Thanks", now
    )
    assert shown.startswith("Offer ") and "Sat 28 Nov" in shown and "Sun 29" not in shown
    (booked, _) = text(db, "Y", now + timedelta(minutes=1))
    assert booked.startswith("Booked: care at Rosewood, E1 6AN, Sat 28 Nov")


def test_a_bare_yes_after_two_offers_shown_asks_which(db, now, ann):
    offered_on(db, now, ann, (2, 3))
    text(db, "shifts", now)
    (which,) = text(db, "yes", now + timedelta(minutes=1))
    assert which.startswith("You have 2 offers:")


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        ("Yes please! By the way I've moved to E2 7DG", "Change your postcode to E2 7DG?"),
        ("tak, przy okazji mój nowy kod to E2 7DG", "Zmienić kod pocztowy na E2 7DG?"),
        ("sí, por cierto me he mudado a E2 7DG", "¿Cambiar tu código postal a E2 7DG?"),
    ],
)
def test_a_yes_with_a_move_books_and_asks_the_postcode_back(db, now, ann, body, asked):
    """Before, the postcode alone was asked about, and the YES was lost while the offer ran
    out."""
    offered_on(db, now, ann, (2,))
    *_, question = text(db, body, now + timedelta(minutes=1))
    assert question.startswith(asked)
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"
        assert session.get(Worker, ann).postcode == "E1 6AN"  # till POSTCODE confirms it


@pytest.mark.parametrize("body", ["yes 2", "Y 1", "yes 10"])
def test_a_yes_to_a_number_no_offer_has_lists_the_offers_open_with_theirs(db, now, ann, body):
    """Before, "yes 2" with two offers open was told "No offer 2 for you. Text SHIFTS to see
    your offers": one more text to send, and to pay for, before the offers were seen."""
    offered_on(db, now, ann, (2, 3))
    (listed,) = text(db, body, now + timedelta(minutes=1))
    assert listed.startswith("Offer ") and "Sat 28 Nov" in listed and "Sun 29 Nov" in listed
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []


def test_help_lists_the_texts(db, now, ann):
    (reply,) = text(db, "help", now)
    assert "Y 1234" in reply and "STOP" in reply


def test_stop_opts_out_silently_and_start_opts_back_in(db, now, ann):
    assert text(db, "STOP", now) == []
    assert text(db, "shifts", now + timedelta(minutes=1)) == []
    (reply,) = text(db, "START", now + timedelta(minutes=2))
    assert reply.startswith("Welcome back to POEMS")
    with db.read() as session:
        assert not session.get(Worker, ann).opted_out


def test_a_bare_yes_after_an_opt_out_opts_back_in(db, now, ann):
    text(db, "stop", now)
    (reply,) = text(db, "YES", now + timedelta(minutes=1))
    assert reply.startswith("Welcome back")


@pytest.mark.parametrize(
    "body",
    [
        "yes i want to come back",
        "can i rejoin",
        "quiero volver",
        # before, each stayed unanswered, the worker still opted out
        "vreau să primesc oferte din nou",
        "trimiteți-mi din nou oferte",
        "quero voltar a receber ofertas",
        "wyślijcie mi znowu oferty",
        "i want to get offers again",
    ],
)
def test_asking_to_come_back_after_an_opt_out_opts_back_in(db, now, ann, body):
    text(db, "stop", now)
    (reply,) = text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert not session.get(Worker, ann).opted_out
    assert reply


def test_a_bare_cancel_is_the_carrier_opt_out_not_a_command(db, now, ann):
    assert text(db, "CANCEL", now) == []
    with db.read() as session:
        assert session.get(Worker, ann).opted_out


@pytest.mark.parametrize(
    ("language", "body", "said"),
    [
        ("en", "remove me from your list", "POEMS: you will get no more texts from us. Text START"),
        ("en", "please dont send me any more messages", "POEMS: you will get no more texts"),
        ("pl", "nie piszcie do mnie więcej", "POEMS: nie będziemy już do Ciebie pisać."),
    ],
)
def test_opting_out_in_words_is_told_once_that_it_is_done(db, now, ann, language, body, said):
    """No carrier answers these as it does STOP: before, the worker heard nothing and could not
    tell whether it had worked. Told once, in their language, with how to come back."""
    with db.write() as session:
        session.get(Worker, ann).language = language
    (reply,) = text(db, body, now)
    assert reply.startswith(said)
    assert text(db, body, now + timedelta(minutes=1)) == []
    (how,) = text(db, "shifts", now + timedelta(minutes=2))  # asking for work: how to come back
    assert "START" in how and how != reply
    assert text(db, "shifts", now + timedelta(minutes=3)) == []
    with db.read() as session:
        assert session.get(Worker, ann).opted_out


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("please remove my number", "POEMS: you will get no more texts from us."),
        ("wrong number, remove me", "POEMS: you will get no more texts from us."),
        ("usuń mój numer", "POEMS: nie będziemy już do Ciebie pisać."),
        ("borra mi número", "POEMS: no te enviaremos más mensajes."),
    ],
)
def test_a_stranger_asking_to_have_their_number_removed_is_not_signed_up(db, now, body, said):
    """Before, "please remove my number" from a number never seen was welcomed and asked its
    name."""
    stranger = "+447700900777"
    (reply,) = text(db, body, now, phone=stranger)
    assert reply.startswith(said)
    assert text(db, "hello", now + timedelta(minutes=1), phone=stranger) == []


def test_stop_from_an_unknown_number_means_no_text_ever_goes_to_it(db, now):
    stranger = "+447700900777"
    assert text(db, "STOP", now, phone=stranger) == []
    assert text(db, "hello", now + timedelta(minutes=1), phone=stranger) == []


def test_every_inbound_text_is_stored_even_when_unanswered(db, now, ann):
    text(db, "STOP", now)
    text(db, "anything", now)
    with db.read() as session:
        bodies = session.exec(select(Message.body).where(Message.direction == "in")).all()
    assert bodies == ["STOP", "anything"]


def test_shifts_with_nothing_open_says_how_to_get_offers(db, now, ann):
    (reply,) = text(db, "shifts", now)
    assert reply.startswith("No offers or bookings just now.")


def test_why_without_any_offer_says_there_is_none(db, now, ann):
    (reply,) = text(db, "WHY", now)
    assert reply.startswith("No offers for you yet.")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("je suis libre demain 9-17", "en"),
        # two Spanish words ("disponible", "de") among three French ones
        ("je suis disponible demain de 9h à 17h", "en"),
        ("hola, estoy libre mañana de 9 a 5", "es"),
        ("czy ktoś wie gdzie mam zostawić klucze po zmianie?", "pl"),
    ],
)
def test_a_language_is_taken_from_a_text_only_when_its_words_show_it(db, now, ann, body, language):
    """ "je suis libre demain" holds one Spanish word ("libre") among French ones. Before, the
    worker was answered in Spanish from then on."""
    text(db, body, now)
    with db.read() as session:
        assert session.get(Worker, ann).language == language


@pytest.mark.parametrize(
    ("body", "welcome"),
    [
        ("je suis disponible demain de 9h à 17h", "Welcome to POEMS"),
        ("hola soy Maria Fernanda Gutierrez Lopez", "Te damos la bienvenida a POEMS"),
        ("Cześć, tu Kasia Nowakowska z Wrocławia", "Witamy w POEMS"),
    ],
)
def test_a_new_number_is_welcomed_in_a_language_its_words_show(db, now, body, welcome):
    """Before, French with two Spanish words in it was welcomed in Spanish; names are no
    language of their own."""
    replies = text(db, body, now, phone="+447700900777")
    assert replies[0].startswith(welcome)


def test_a_refusal_without_words_of_its_own_is_said_in_the_worker_s_language(db, now, ann):
    with db.write() as session:
        worker = session.exec(select(Worker).where(Worker.phone == ANN)).one()
        worker.language = "pl"
        refusal = Refused("a_rule_with_no_words", "Staff words, in English, never for the worker")
        refusals.tell(session, worker, refusal, now)
    (reply,) = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert reply.startswith("Niestety nie udało się tego zrobić.") and "POMOC" in reply
    assert "Staff words" not in reply


def offered_on(db, now, ann, days: tuple[int, ...]) -> None:
    """Offers to Ann for shifts `days` from now (Thursday): 2 is Saturday, 3 Sunday."""
    with db.write() as session:
        for ahead in days:
            start = (now + timedelta(days=ahead)).replace(hour=9)
            shift = factories.shift(session, now, start=start, hours=6)
            post_availability(session, ann, shift.start, shift.end, now)
            offers.send_wave(session, shift.id, now)
    drain(db, SimulatorGateway(), now)


@pytest.mark.parametrize(
    "body",
    [
        "yes saturday",
        "count me in for saturday",
        "tak, w sobotę",
        "i want the saturday shift",
        "the saturday one",
    ],
)
def test_a_yes_that_names_a_day_takes_the_offer_on_that_day(db, now, ann, body):
    offered_on(db, now, ann, (2, 3))
    replies = text(db, body, now + timedelta(minutes=1))
    assert any("Sat 28 Nov 09:00-15:00" in reply or "sob 28 lis" in reply for reply in replies)
    assert not any("Sun 29" in reply or "niedz" in reply for reply in replies)


@pytest.mark.parametrize(
    "body",
    [
        "yes to saturday, cant do sunday",
        "yes saturday but not sunday",
        "yes to saturday and no to sunday",
        "yes to saturday but i cant make sunday",
        "el sábado sí, el domingo no puedo",
        "sobota tak, niedziela nie mogę",
        "yes to the first one no to the second",
        "sí a la primera, la segunda no puedo",
        "tak, pierwsza tak, druga nie",
        "sim para a primeira, a segunda não",
        "da pentru prima, a doua nu",
    ],
)
def test_a_yes_to_one_offer_and_a_no_to_the_other_takes_the_one(db, now, ann, body):
    """Before, "yes to saturday, cant do sunday" asked only whether to pass on Sunday's offer,
    and "yes to the first one no to the second" went to a person, while both offers ran out."""
    offered_on(db, now, ann, (2, 3))
    text(db, body, now + timedelta(minutes=1))
    assert booked_days(db) == [28]
    with db.read() as session:
        assert len(session.exec(select(Offer).where(Offer.status == OfferStatus.LIVE)).all()) == 1


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("can i do the first one", "Sat 28 Nov"),
        ("first one please", "Sat 28 Nov"),
        ("tak, pierwszą", "Sat 28 Nov"),
        ("la primera", "Sat 28 Nov"),
        ("i'll take the 2nd one", "Sun 29 Nov"),
        ("the last one", "Sun 29 Nov"),
        ("o vreau pe a doua", "Sun 29 Nov"),
    ],
)
def test_an_offer_named_by_its_place_takes_that_offer_only(db, now, ann, body, day):
    """Before, "the first one" went to a person while both offers ran out."""
    offered_on(db, now, ann, (2, 3))
    replies = text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 1
    assert any(day in reply for reply in replies), replies


def test_a_place_with_no_offer_in_it_books_nothing_and_lists_the_offers(db, now, ann):
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, "the second one", now + timedelta(minutes=1))
    assert reply.startswith("Offer ") and "Sat 28 Nov" in reply
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []


def test_first_when_sent_order_and_shift_order_differ_is_asked_then_read_from_the_list(
    db, now, ann
):
    """Sunday's offer went first, then Saturday's: "the first one" could be either. The list
    that comes back shows Saturday first, so "the first one" after it is Saturday's."""
    offered_on(db, now, ann, (3,))
    offered_on(db, now, ann, (2,))
    (listed,) = text(db, "the first one", now + timedelta(minutes=1))
    assert listed.index("Sat 28 Nov") < listed.index("Sun 29 Nov")
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
    replies = text(db, "the first one", now + timedelta(minutes=2))
    assert replies[0].startswith("Booked: care") and "Sat 28 Nov" in replies[0]


def test_the_first_one_after_the_numbers_listed_is_the_first_number(db, now, ann):
    """ "You have 3 offers: A Sat .., B Sun .., C Mon ..", then "the first one": A, whatever order
    they went in. Each is listed with its day, for a phone that cannot scroll back to the offers."""
    offered_on(db, now, ann, (4,))
    offered_on(db, now, ann, (2, 3))
    (listed,) = text(db, "yes to both", now + timedelta(minutes=1))
    first = listed.split(": ")[1].split(" ")[0]
    assert re.match(
        r"You have 3 offers: \d+ Sat 28 Nov 09:00, \d+ Sun 29 Nov 09:00, \d+ Mon", listed
    )
    replies = text(db, "the first one", now + timedelta(minutes=2))
    assert replies[0].startswith("Booked: care") and first in replies[0]


def test_a_liked_offer_is_taken_in_the_worker_s_language_and_a_liked_booking_takes_nothing(
    db, now, ann
):
    """An iPhone sends a reaction as 'Le gustó "..."' quoting our text. Before, it went to a
    person; read as 👍 it would have answered a Spanish worker in English."""
    with db.write() as session:
        session.get(Worker, ann).language = "es"
    offered_on(db, now, ann, (2, 3))
    with db.read() as session:
        saturday = session.exec(select(Offer).order_by(Offer.id)).first().ref
    offer = (
        "Trabajo: cuidados en Rosewood, E1 6AN, sab 28 nov 09:00-15:00, tu tarifa 13,00 £/hora. "
        f"Responde SI {saturday} para aceptarlo o NO {saturday} para rechazarlo."
    )
    (booked, _) = text(db, f"Le gustó “{offer}”", now + timedelta(minutes=1))
    assert booked.startswith("Reservado: cuidados") and saturday in booked
    later = text(db, f"Liked “{booked}”", now + timedelta(minutes=2))
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 1
    assert all(not reply.startswith("Reservado") for reply in later)


@pytest.mark.parametrize("said", ["yes pass", "pass", "confirm", "yes i confirm", "tak, odrzucam"])
def test_the_pass_said_back_to_pass_on_it_asked_passes(db, now, ann, said):
    """Before, "yes pass" went to a person, and "pass" and "confirm" asked the same again."""
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, "no thanks", now + timedelta(minutes=1))
    assert asked.startswith("Pass on offer")
    text(db, said, now + timedelta(minutes=2))
    with db.read() as session:
        assert session.exec(select(Offer)).one().status == "declined"


@pytest.mark.parametrize("said", ["confirm", "yes confirm", "potwierdzam"])
def test_confirm_to_the_drop_question_drops_the_booking(db, now, ann, said):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    text(db, "cant make saturday anymore sorry", now + timedelta(minutes=2))
    text(db, said, now + timedelta(minutes=3))
    with db.read() as session:
        assert session.exec(select(Booking)).one().status != "booked"


@pytest.mark.parametrize(
    "body", ["I can't do Friday but I can do Saturday", "el viernes no puedo pero el sábado sí"]
)
def test_no_to_one_day_and_yes_to_another_shows_that_offer_then_asks_about_the_pass(
    db, now, ann, body
):
    """Offers on Friday and Saturday. Before, only the pass on Friday was asked about and the
    yes to Saturday was lost."""
    offered_on(db, now, ann, (1, 2))
    with db.read() as session:
        friday, saturday = (o.ref for o in session.exec(select(Offer).order_by(Offer.id)))
    shown, asked = text(db, body, now + timedelta(minutes=1))
    assert saturday in shown and friday not in shown
    assert friday in asked and saturday not in asked
    text(db, "N", now + timedelta(minutes=2))
    assert text(db, f"Y {saturday}", now + timedelta(minutes=3))[0].startswith(
        ("Booked", "Reservado")
    )
    with db.read() as session:
        assert {o.ref: o.status for o in session.exec(select(Offer))} == {
            friday: "declined",
            saturday: "accepted",
        }


def test_the_first_one_after_which_to_pass_passes_it_and_books_nothing(db, now, ann):
    """ "no thanks" with two offers open asks which to pass; "the first one" is that one."""
    offered_on(db, now, ann, (2, 3))
    (asked,) = text(db, "no thanks", now + timedelta(minutes=1))
    assert re.match(r"You have 2 offers: \d+ Sat 28 Nov 09:00, \d+ Sun 29 Nov 09:00\.", asked)
    first = asked.split(": ")[1].split(" ")[0]
    text(db, "the first one", now + timedelta(minutes=2))
    with db.read() as session:
        statuses = {o.ref: o.status for o in session.exec(select(Offer))}
        assert session.exec(select(Booking)).all() == []
    assert statuses[first] == "declined" and list(statuses.values()).count("live") == 1


def test_the_second_one_after_which_booking_asks_to_drop_that_one(db, now, ann):
    offered_on(db, now, ann, (2, 3))
    text(db, "yes to both", now + timedelta(minutes=1))
    (asked,) = text(db, "cant make it sorry", now + timedelta(minutes=2))
    assert re.match(r"You have 2 bookings: \d+ Sat 28 Nov 09:00, \d+ Sun 29 Nov 09:00\.", asked)
    second = asked.split(", ")[1].split(" ")[0]
    (drop,) = text(db, "the second one", now + timedelta(minutes=3))
    assert drop.startswith("Drop your care shift") and f"DROP {second}" in drop
    with db.read() as session:
        assert all(b.status == "booked" for b in session.exec(select(Booking)))


@pytest.mark.parametrize(
    "body",
    ["cancel all my shifts", "drop both", "anuluj wszystkie zmiany", "cancela todos mis turnos"],
)
def test_every_booking_given_up_asks_about_each_and_a_yes_drops_them(db, now, ann, body):
    """Before, "cancel all my shifts" listed the bookings and asked for one number; a yes then
    heard "See you there"."""
    offered_on(db, now, ann, (2, 3))
    text(db, "yes to both", now + timedelta(minutes=1))
    asked = text(db, body, now + timedelta(minutes=2))
    assert len(asked) == 2 and all("DROP" in a or "ANULUJ" in a or "CANCELAR" in a for a in asked)
    with db.read() as session:
        assert all(b.status == "booked" for b in session.exec(select(Booking)))
    text(db, "yes", now + timedelta(minutes=3))
    with db.read() as session:
        assert {b.status for b in session.exec(select(Booking))} == {"dropped"}


def test_a_yes_to_which_booking_asks_which_again_and_drops_nothing(db, now, ann):
    offered_on(db, now, ann, (2, 3))
    text(db, "yes to both", now + timedelta(minutes=1))
    (listed,) = text(db, "cant make it sorry", now + timedelta(minutes=2))
    assert text(db, "yes", now + timedelta(minutes=3)) == [listed]
    with db.read() as session:
        assert all(b.status == "booked" for b in session.exec(select(Booking)))


@pytest.mark.parametrize("day", ["the sunday one", "sunday", "sun"])
def test_a_day_after_which_booking_asks_to_drop_the_one_that_day(db, now, ann, day):
    """Before, "the sunday one" was read as a yes to an offer on Sunday: "No offer is open just
    now", and the booking of the other day shown."""
    offered_on(db, now, ann, (2, 3))
    text(db, "yes to both", now + timedelta(minutes=1))
    text(db, "cant make it sorry", now + timedelta(minutes=2))
    (drop,) = text(db, day, now + timedelta(minutes=3))
    assert drop.startswith("Drop your care shift Sun 29 Nov")
    with db.read() as session:
        assert all(b.status == "booked" for b in session.exec(select(Booking)))


@pytest.mark.parametrize(
    "body",
    ["actually cant make it", "turns out i cant make it", "ok actually, i cant make it",
     "jednak nie dam rady, przepraszam"],
)  # fmt: skip
def test_a_change_of_mind_after_booking_asks_to_drop_and_drops_nothing(db, now, ann, body):
    """Before, "actually cant make it" and "jednak nie dam rady" went to a person: "actually"
    before the no, and Polish "jednak nie" read as "no longer", hid it."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    (asked,) = text(db, body, now + timedelta(minutes=2))
    assert asked.startswith(("Drop your care shift Sat 28 Nov", "Zrezygnować ze zmiany")), asked
    with db.read() as session:
        assert [b.status for b in session.exec(select(Booking))] == ["booked"]


@pytest.mark.parametrize(
    "day", ["tomorrow", "the one tomorrow please", "jutro", "mañana", "amanhã", "mâine"]
)
def test_tomorrow_after_which_offer_takes_tomorrows(db, now, ann, day):
    """Before, "tomorrow" after "You have 2 offers: ... Reply Y and the number" was asked the
    same again, and "the one tomorrow please" went to a person."""
    offered_on(db, now, ann, (1, 2))
    text(db, "yes", now + timedelta(minutes=1))
    replies = text(db, day, now + timedelta(minutes=2))
    with db.read() as session:
        (booking,) = session.exec(select(Booking)).all()
        shift = session.get(Shift, booking.shift_id)
    assert shift.start.day == 27, replies


@pytest.mark.parametrize(
    "day",
    ["tomorrow", "the one tomorrow", "tmrw", "tomorrows one", "jutro", "ta jutrzejsza",
     "la de mañana", "mañana", "a de amanhã", "amanhã", "cea de mâine", "mâine"],
)  # fmt: skip
def test_tomorrow_after_which_booking_asks_to_drop_tomorrows(db, now, ann, day):
    """Before, "tomorrow" or "jutro" after "You have 2 bookings: ..." was read as free time
    and asked its hours, and the booking stayed unchosen."""
    offered_on(db, now, ann, (1, 2))
    text(db, "yes to both", now + timedelta(minutes=1))
    (listed,) = text(db, "cant make it sorry", now + timedelta(minutes=2))
    friday = listed.split(": ")[1].split(" ")[0]
    (drop,) = text(db, day, now + timedelta(minutes=3))
    assert f" {friday} " in drop and re.search(r"\b27\b", drop) and not re.search(r"\b28\b", drop)
    with db.read() as session:
        assert all(b.status == "booked" for b in session.exec(select(Booking)))


@pytest.mark.parametrize("day", ["tomorrow", "jutro", "la de mañana"])
def test_tomorrow_after_which_to_pass_on_asks_to_pass_on_tomorrows_and_books_nothing(
    db, now, ann, day
):
    offered_on(db, now, ann, (1, 2))
    text(db, "no thanks", now + timedelta(minutes=1))
    (asked,) = text(db, day, now + timedelta(minutes=2))
    assert re.search(r"\b27\b", asked) and not re.search(r"\b28\b", asked)
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
        assert all(o.status == "live" for o in session.exec(select(Offer)))


@pytest.mark.parametrize("day", ["the sunday one", "sun"])
def test_a_day_after_which_to_pass_on_asks_to_pass_on_that_days_offer_and_books_nothing(
    db, now, ann, day
):
    """Before, "the sunday one" after "Reply N and the number to pass on one" booked Sunday's
    shift: the opposite of what the worker asked."""
    offered_on(db, now, ann, (2, 3))
    text(db, "no thanks", now + timedelta(minutes=1))
    (asked,) = text(db, day, now + timedelta(minutes=2))
    assert asked.startswith("Pass on offer") and "Sun 29 Nov" in asked
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []


@pytest.mark.parametrize(
    "body",
    ["can i do 9-12 only", "9-12 only", "mogę tylko 9-12", "can i start at 10?",
     "can i do it from 10?", "mogę od 10?", "puedo desde las 10?", "posso a partir das 10?",
     "pot de la 10?"],
)  # fmt: skip
def test_part_of_an_offers_hours_is_asked_about_not_saved_as_free_time_today(db, now, ann, body):
    """Before, "can i do 9-12 only" with Saturday's offer open was saved as free today 10-12;
    "can i start at 10?" went to a person and "mogę od 10?" was asked its free time."""
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    assert free_hours(db) == ["28 09:00-15:00"]
    with db.read() as session:
        assert session.exec(select(Offer)).one().status == "live"
        asked = session.exec(select(Notice).order_by(Notice.id.desc())).first()
    assert asked.kind == "ask_accept_condition"


@pytest.mark.parametrize("body", ["yes but for 15 an hour", "tak, ale za 15 funtów"])
def test_a_yes_at_another_rate_is_told_offers_pay_the_workers_own_and_books_nothing(
    db, now, ann, body
):
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, body, now + timedelta(minutes=1))
    assert asked.startswith(("Offers pay the hourly rate you set", "Oferty placa")), asked
    with db.read() as session:
        assert session.exec(select(Offer)).one().status == "live"
        assert session.exec(select(Booking)).all() == []


def refs_by_day(db) -> dict[str, str]:
    with db.read() as session:
        rows = session.exec(select(Offer.ref, Shift.start).join(Shift)).all()
    return {f"{start:%a}": ref for ref, start in rows}


@pytest.mark.parametrize(
    "body",
    ["sunday please", "only sunday", "just the sunday", "tylko niedziela", "solo el domingo"],
)
def test_the_day_alone_with_two_offers_open_shows_that_days_offer_alone(db, now, ann, body):
    """Before, "sunday please" listed both offers, and "only sunday" went to a person."""
    offered_on(db, now, ann, (2, 3))
    (shown,) = text(db, body, now + timedelta(minutes=1))
    refs = refs_by_day(db)
    assert refs["Sun"] in shown and refs["Sat"] not in shown, shown


def test_not_one_day_but_the_other_asks_about_the_first_alone_and_shows_the_other(db, now, ann):
    """Before, "not saturday but sunday yes" asked "No offers for sat sun?", and then "No offers
    for sat?" with Saturday's offer open."""
    offered_on(db, now, ann, (2, 3))
    shown, asked = text(db, "not saturday but sunday yes", now + timedelta(minutes=1))
    refs = refs_by_day(db)
    assert refs["Sun"] in shown and refs["Sat"] not in shown, shown
    assert asked.startswith(f"Pass on offer {refs['Sat']}, care Sat 28 Nov"), asked


@pytest.mark.parametrize("body", ["sí a los dos", "sim, aos dois"])
def test_yes_to_both_in_spanish_and_portuguese_books_both(db, now, ann, body):
    """Before, "sí a los dos" went to a person while both offers ran out."""
    offered_on(db, now, ann, (2, 3))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 2


@pytest.mark.parametrize("both", ["both", "obie"])
def test_both_after_which_to_pass_on_passes_on_both_and_books_nothing(db, now, ann, both):
    """Before, "both" after "Reply N and the number to pass on one" booked both shifts."""
    offered_on(db, now, ann, (2, 3))
    text(db, "no thanks", now + timedelta(minutes=1))
    replies = text(db, both, now + timedelta(minutes=2))
    assert len(replies) == 2 and all("passed on" in reply for reply in replies)
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
        assert {offer.status for offer in session.exec(select(Offer))} == {"declined"}


def test_neither_after_which_offer_passes_on_both_and_a_booking_is_never_asked_about(db, now, ann):
    offered_on(db, now, ann, (2, 3))
    text(db, "yes", now + timedelta(minutes=1))
    replies = text(db, "neither actually", now + timedelta(minutes=2))
    assert len(replies) == 2 and all("passed on" in reply for reply in replies)
    offered_on(db, now, ann, (4,))
    text(db, "yes", now + timedelta(minutes=3))
    (reply,) = text(db, "neither", now + timedelta(minutes=4))
    assert not reply.startswith("Drop")
    with db.read() as session:
        assert [b.status for b in session.exec(select(Booking))] == ["booked"]


@pytest.mark.parametrize("yes", ["yes", "DROP"])
def test_both_after_which_booking_asks_each_and_one_yes_drops_both(db, now, ann, yes):
    offered_on(db, now, ann, (2, 3))
    text(db, "yes to both", now + timedelta(minutes=1))
    text(db, "cant make it sorry", now + timedelta(minutes=2))
    asked = text(db, "both", now + timedelta(minutes=3))
    assert len(asked) == 2 and all(reply.startswith("Drop your care shift") for reply in asked)
    with db.read() as session:
        assert all(b.status == "booked" for b in session.exec(select(Booking)))
    text(db, yes, now + timedelta(minutes=4))
    with db.read() as session:
        assert [b.status for b in session.exec(select(Booking))] == ["dropped", "dropped"]


@pytest.mark.parametrize("body", ["maybe", "let me check and get back to you", "może, dam znać"])
def test_not_yet_decided_with_an_offer_open_hears_till_when_it_is_open(db, now, ann, body):
    """Before, "maybe" went to a person, who could only say what the offer already said."""
    offered_on(db, now, ann, (2,))
    with db.read() as session:
        offer = session.exec(select(Offer)).one()
    (reply,) = text(db, body, now + timedelta(minutes=1))
    assert reply.startswith((f"Offer {offer.ref}, care Sat 28 Nov", f"Oferta {offer.ref}, opieka"))
    assert "open till" in reply or "ważna do" in reply
    with db.read() as session:
        assert session.exec(select(InboxThread)).all() == []
        assert session.get(Offer, offer.id).status == "live"


def test_maybe_with_no_offer_open_is_for_a_person(db, now, ann):
    text(db, "maybe", now)
    with db.read() as session:
        assert len(session.exec(select(InboxThread)).all()) == 1


def test_yes_after_free_time_is_saved_gets_no_talk_of_offers(db, now, ann):
    """Before, "YES" just after "Got it: free ..." heard "Text AVAILABLE with your times"."""
    text(db, "AVAILABLE TOMORROW 9AM TO 5PM", now)
    assert text(db, "YES", now + timedelta(minutes=1)) == []


@pytest.mark.parametrize("body", ["ok thanks", "ok", "great thank you", "👍"])
def test_thanks_for_a_booking_books_no_other_offer_and_lists_those_open(db, now, ann, body):
    """Two offers; the Saturday one taken, then "ok thanks" for the booking. Before, it booked
    Sunday's too."""
    offered_on(db, now, ann, (2, 3))
    text(db, "the saturday one", now + timedelta(minutes=1))
    replies = text(db, body, now + timedelta(minutes=2))
    assert all(not reply.startswith("Booked") for reply in replies)
    with db.read() as session:
        assert len(session.exec(select(Offer).where(Offer.status == "accepted")).all()) == 1
    assert text(db, "Y", now + timedelta(minutes=3))[0].startswith("Booked: care")


def test_a_yes_that_names_a_day_with_no_offer_on_it_books_nothing_and_lists_the_offers(
    db, now, ann
):
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, "yes monday", now + timedelta(minutes=1))
    assert reply.startswith("Offer ") and "Sat 28 Nov" in reply
    with db.read() as session:
        assert session.exec(select(Offer).where(Offer.status == "accepted")).all() == []


@pytest.mark.parametrize("yes", ["yes", "yeah sorry", "tak", "sí"])
def test_a_bare_yes_to_the_drop_question_drops_the_booking_and_tells_the_buyer(db, now, ann, yes):
    """ "Drop your shift? Reply DROP 4821 to confirm", then "yes": the worker was asked and
    confirmed. Before, the question came again, and a worker who took their yes as done stayed
    home with the buyer never told."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    text(db, "cant make saturday anymore sorry", now + timedelta(minutes=2))
    replies = text(db, yes, now + timedelta(minutes=3))
    assert any(reply.startswith("POEMS: Worker") and "dropped" in reply for reply in replies)
    with db.read() as session:
        assert session.exec(select(Booking).where(Booking.status == "dropped")).one()


@pytest.mark.parametrize("body", ["ok", "yes i can make it actually"])
def test_ok_or_a_yes_to_keeping_it_after_the_drop_question_drops_nothing(db, now, ann, body):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    text(db, "cant make saturday anymore sorry", now + timedelta(minutes=2))
    text(db, body, now + timedelta(minutes=3))
    with db.read() as session:
        assert session.exec(select(Offer).where(Offer.status == "accepted")).one()
        assert session.exec(select(Booking).where(Booking.status == "dropped")).all() == []


def test_a_yes_long_after_a_question_asked_back_is_not_taken_as_its_answer(db, now, ann):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    text(db, "cant make saturday anymore sorry", now + timedelta(minutes=2))
    (reply,) = text(db, "yes", now + timedelta(hours=2))
    assert not reply.startswith("Drop your")


@pytest.mark.parametrize(
    "body",
    [
        "cant make saturday, available sunday 9-3",
        "i cant do saturday but i can do sunday 9-3",
        "nie mogę w sobotę, ale w niedzielę mogę 9-15",
    ],
)
def test_a_day_given_up_and_another_offered_asks_about_the_one_and_keeps_the_other(
    db, now, ann, body
):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    replies = text(db, body, now + timedelta(minutes=2))
    with db.read() as session:
        (window,) = session.exec(select(AvailabilityWindow)).all()[-1:]
        booked = session.exec(select(Offer).where(Offer.status == "accepted")).one()
    # Saturday's booking is asked about by its number, and stays booked; Sunday is kept free.
    assert len(replies) == 2 and booked.ref in replies[0]
    assert window.start.isoformat().startswith("2026-11-29T09:00")


def test_asking_where_to_go_on_a_day_gives_that_day_s_booking_with_its_place(db, now, ann):
    offered_on(db, now, ann, (2, 3))
    text(db, "yes saturday", now + timedelta(minutes=1))
    (reply,) = text(db, "where do i need to go saturday", now + timedelta(minutes=2))
    assert reply.startswith("Booked ") and "Rosewood, E1 6AN, Sat 28 Nov 09:00-15:00" in reply
    assert "Sun 29" not in reply
    (everything,) = text(db, "shifts", now + timedelta(minutes=3))
    assert "Sun 29 Nov" in everything and "Sat 28 Nov" in everything


@pytest.mark.parametrize("body", ["ok thanks", "ok thanks see you saturday", "👍"])
def test_ok_to_a_booking_just_made_needs_no_answer(db, now, ann, body):
    """Before, "ok thanks" to "Booked: ..." was told "You have no open offers just now"."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    assert text(db, body, now + timedelta(minutes=2)) == []


def test_free_time_at_a_rate_under_the_legal_minimum_says_so_and_keeps_nothing(db, now, ann):
    """Before, "free tomorrow 9-5 £8" was answered "Sorry, we could not do that."."""
    (reply,) = text(db, "free tomorrow 9-5 £8", now)
    assert reply.startswith("£8.00 is under the legal minimum for you, £")
    with db.read() as session:
        assert session.get(Worker, ann).asking_rate_minor == 1300


def test_notice_of_years_is_refused_and_the_notice_kept(db, now, ann):
    with db.read() as session:
        before = session.get(Worker, ann).notice_minutes
    (reply,) = text(db, "NOTICE 999 days", now)
    assert reply == "Sorry: Notice is 0 to 336 hours (two weeks), e.g. NOTICE 24"
    with db.read() as session:
        assert session.get(Worker, ann).notice_minutes == before


def test_away_next_week_leaves_this_week_s_offer_open_and_asks_about_next_week(db, now, ann):
    """Before, "not available next week" was a NO to Saturday's offer, this week."""
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, "not available next week im on holiday", now + timedelta(minutes=1))
    assert "BUSY 30/11-6/12" in asked
    with db.read() as session:
        assert session.exec(select(Offer)).one().status == "live"
        assert not session.exec(select(InboxThread)).all()


def test_work_named_in_a_sentence_is_asked_back_and_the_skills_kept(db, now, ann):
    with db.read() as session:
        before = skills_of(session, ann)
    (reply,) = text(db, "i do cleaning and care", now)
    assert reply.startswith("Change your skills to ") and "Reply SKILLS " in reply
    assert "cleaning" in reply
    with db.read() as session:
        assert skills_of(session, ann) == before


@pytest.mark.parametrize(
    ("gives_up", "command"),
    [
        ("cant make saturday anymore sorry", "DROP"),
        ("nie mogę w sobotę, dziecko chore", "ANULUJ"),
        ("cant make saturday anymore sorry", "yes drop it"),
        ("nie mogę w sobotę, dziecko chore", "tak, anuluj"),
        ("no puedo el sábado", "sí, cancélalo"),
        ("não posso sábado", "sim, pode cancelar"),
    ],
)
def test_the_drop_command_alone_just_after_the_question_drops_the_booking_asked_about(
    db, now, ann, gives_up, command
):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    text(db, gives_up, now + timedelta(minutes=2))
    text(db, command, now + timedelta(minutes=3))
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "dropped"


@pytest.mark.parametrize("again", ["cant make it", "sorry i cant", "i cant make it sorry"])
def test_saying_again_one_cannot_come_asks_the_drop_again_and_keeps_nothing_back(
    db, now, ann, again
):
    """Before, "cant make it" to "Drop your shift...?" was a NO to the question: "OK: your care
    shift ... stays booked", the opposite of what the worker said."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    (asked,) = text(db, "cant make saturday anymore sorry", now + timedelta(minutes=2))
    assert text(db, again, now + timedelta(minutes=3)) == [asked]
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"  # DROP is still the word


@pytest.mark.parametrize("no_thanks", ["no thanks", "im good thanks", "not for me"])
def test_no_thanks_with_no_offer_open_asks_about_no_booking(db, now, ann, no_thanks):
    """Before, "im good thanks" after the offer was taken asked "Drop your care shift...?"."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    (reply,) = text(db, no_thanks, now + timedelta(minutes=2))
    assert reply.startswith("You have no open offers") and "Drop" not in reply


@pytest.mark.parametrize("body", ["im fine thanks", "im ok thanks", "im alright thanks x"])
def test_im_fine_thanks_to_an_offer_asks_to_pass_on_it(db, now, ann, body):
    """Before, each went to a person while the offer ran out."""
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, body, now + timedelta(minutes=1))
    assert reply.startswith("Pass on offer")
    with db.read() as session:
        assert session.exec(select(Offer)).one().status == OfferStatus.LIVE


def test_folded_hands_alone_is_thanks_and_troubles_nobody(db, now, ann):
    assert text(db, "🙏", now) == []
    with db.read() as session:
        assert session.exec(select(InboxThread)).all() == []


@pytest.mark.parametrize(
    "no", ["no", "nie", "nope", "no keep it", "actually i can make it", "nie anuluj"]
)
def test_no_to_the_drop_question_keeps_the_booking_and_says_so(db, now, ann, no):
    """Before, a NO to "Drop your shift...?" got the same question again."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    text(db, "cant make saturday anymore sorry", now + timedelta(minutes=2))
    (reply,) = text(db, no, now + timedelta(minutes=3))
    assert reply == "OK: your care shift Sat 28 Nov 09:00-15:00 stays booked."
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"


@pytest.mark.parametrize("command", ["DROP", "yes drop it"])
def test_the_drop_command_alone_with_no_question_asked_only_asks(db, now, ann, command):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    (reply,) = text(db, command, now + timedelta(minutes=2))
    assert reply.startswith("Drop your care shift")
    (again,) = text(db, command, now + timedelta(hours=3))  # the question long gone
    assert again.startswith("Drop your care shift")
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"


@pytest.mark.parametrize("body", ["how much does it pay", "ile płacą", "cuanto pagan"])
def test_how_much_it_pays_with_an_offer_open_is_the_offer_at_its_rate(db, now, ann, body):
    """Before, it was the market's published rates, often "not enough data yet"."""
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, body, now + timedelta(minutes=1))
    assert reply.startswith("Offer ") and "£13.00/hr." in reply, reply


def test_a_question_about_the_offer_gets_it_and_how_to_take_it_and_books_nothing(db, now, ann):
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, "what time does it start", now + timedelta(minutes=1))
    with db.read() as session:
        ref = session.exec(select(Offer)).one().ref
        assert not session.exec(select(Booking)).all()
    assert "09:00-15:00" in reply and reply.endswith(f"reply Y and its number: Y {ref}."), reply
    assert text(db, "yes", now + timedelta(minutes=2))[0].startswith("Booked:")


def test_how_much_it_pays_for_a_kind_of_work_is_the_market_s_rates(db, now, ann):
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, "how much does cleaning pay", now + timedelta(minutes=1))
    assert not reply.startswith("Offer ")


@pytest.mark.parametrize("both", ["yes to both", "both please", "tak, obie", "sí, los dos"])
def test_yes_to_both_of_two_offers_takes_both(db, now, ann, both):
    """Before, "yes to both" went to a person while both offers ran out."""
    offered_on(db, now, ann, (2, 3))
    replies = text(db, both, now + timedelta(minutes=1))
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 2
    assert len([reply for reply in replies if not reply.startswith("POEMS:")]) == 2  # not buyers'


def test_both_of_three_offers_asks_which(db, now, ann):
    offered_on(db, now, ann, (2, 3, 4))
    (reply,) = text(db, "yes to both", now + timedelta(minutes=1))
    assert reply.startswith("You have 3 offers")
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []


def test_n_alone_just_after_pass_on_it_asked_passes_and_no_again_only_asks(db, now, ann):
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, "no", now + timedelta(minutes=1))
    assert text(db, "no", now + timedelta(minutes=2)) == [asked]
    with db.read() as session:
        assert session.exec(select(Offer)).one().status == "live"
    (passed,) = text(db, "N", now + timedelta(minutes=3))
    assert passed.startswith("OK, you passed on")
    with db.read() as session:
        assert session.exec(select(Offer)).one().status == "declined"


def test_yes_to_erase_my_data_asks_again_for_the_delete_it_named(db, now, ann):
    """Before, "yes" was told there were no offers open; DELETE is the word that erases."""
    (asked,) = text(db, "delete my data", now)
    assert text(db, "yes", now + timedelta(minutes=1)) == [asked]
    with db.read() as session:
        assert session.get(Worker, ann).name is not None


@pytest.mark.parametrize(
    ("first", "answer", "saved"),
    [
        ("available sat", "9-5", "Sat 28 Nov 09:00-17:00"),
        ("wolna w sobotę", "8-16", "sob 28 lis 08:00-16:00"),
        ("libre el sábado", "de 8 a 3", "sáb 28 nov 08:00-15:00"),
        ("free sat 5-9", "pm", "Sat 28 Nov 17:00-21:00"),
        ("free sat 5-9", "the evening one", "Sat 28 Nov 17:00-21:00"),
        ("free sat and sun", "9am to 3pm", "Sat 28 Nov and Sun 29 Nov, 09:00-15:00"),
        ("free sat from 10", "till 6", "Sat 28 Nov 10:00-18:00"),
        ("wolna w sobotę od 10", "do 18", "sob 28 lis 10:00-18:00"),
        ("libre el sábado desde las 10", "hasta las 6", "sáb 28 nov 10:00-18:00"),
        ("liberă sâmbătă de la 10", "până la 18", "sâm 28 nov 10:00-18:00"),
        # Any hours of the day: the whole of it, as "all day" is
        ("free saturday", "whenever", "Sat 28 Nov 08:00-20:00"),
        ("free saturday", "im flexible", "Sat 28 Nov 08:00-20:00"),
        ("wolna w sobotę", "kiedykolwiek", "sob 28 lis 08:00-20:00"),
        ("libre el sábado", "cuando quieras", "sáb 28 nov 08:00-20:00"),
        ("estou livre no sábado", "quando quiser", "sábado 28 nov 08:00-20:00"),
        ("sunt liberă sâmbătă", "când vreți", "sâm 28 nov 08:00-20:00"),
    ],
)
def test_hours_sent_after_the_question_are_for_the_day_it_asked_about(
    db, now, ann, first, answer, saved
):
    """Before, "9-5" just after "What times are you free sat?" was saved for today."""
    text(db, first, now)
    (reply,) = text(db, answer, now + timedelta(minutes=1))
    assert saved in reply, reply


def test_hours_after_the_question_are_for_its_day_though_an_offer_came_in_between(db, now, ann):
    """Before, "9-5" after "What times are you free sat?" and then an offer was saved for today."""
    text(db, "free saturday", now)
    offered_on(db, now + timedelta(minutes=1), ann, (1,))
    (reply,) = text(db, "9-5", now + timedelta(minutes=2))
    assert "Sat 28 Nov 09:00-17:00" in reply, reply


def test_hours_after_the_question_and_another_text_of_theirs_are_read_on_their_own(db, now, ann):
    text(db, "free saturday", now)
    text(db, "hello", now + timedelta(minutes=1))
    offered_on(db, now + timedelta(minutes=1), ann, (1,))
    (reply,) = text(db, "9-5", now + timedelta(minutes=2))
    assert "Sat 28 Nov" not in reply, reply


@pytest.mark.parametrize(
    ("body", "example"),
    [
        ("free sat from 10", "AVAILABLE sat 10am-5pm"),
        ("free sat until 3", "AVAILABLE sat 9am-3pm"),
        ("free sat after 6", "AVAILABLE sat 9am-5pm"),  # 6am or 6pm: the example says neither
    ],
)
def test_the_question_for_the_other_end_of_the_hours_starts_its_example_at_the_time_given(
    db, now, ann, body, example
):
    (asked,) = text(db, body, now)
    assert asked.startswith("From what time to what time?") and asked.endswith(example), asked


def test_a_day_in_the_answer_is_the_workers_own(db, now, ann):
    text(db, "available tomorrow", now)
    (reply,) = text(db, "sat 9-5", now + timedelta(minutes=1))
    assert "Sat 28 Nov 09:00-17:00" in reply


def test_hours_long_after_the_question_are_read_on_their_own(db, now, ann):
    text(db, "available sat", now)
    (reply,) = text(db, "9-5", now + timedelta(hours=3))
    assert "Sat 28" not in reply


def test_yes_to_what_times_asks_it_again(db, now, ann):
    (asked,) = text(db, "available sat", now)
    assert text(db, "yes", now + timedelta(minutes=1)) == [asked]


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("RATE minimum wage", "12.71"),
        ("change my rate to the minimum", "12.71"),
        # a rate on its own: before, it went to a person
        ("£15 per hour from now on", "15.00"),
        ("15/hr", "15.00"),
        ("£14 from now on", "14.00"),
    ],
)
def test_a_new_rate_in_words_is_asked_back_with_its_figure_and_kept_till_confirmed(
    db, now, ann, body, figure
):
    (reply,) = text(db, body, now)
    assert reply == f"Change your rate to £{figure}/hr? Reply RATE {figure} to confirm."
    with db.read() as session:
        assert session.get(Worker, ann).asking_rate_minor == 1300
    (done,) = text(db, f"RATE {figure}", now + timedelta(minutes=1))
    assert done == f"Updated: your rate is £{figure}/hr."


@pytest.mark.parametrize(
    ("pick", "day"),
    [
        ("the first one", "Sat 28"),
        ("2nd", "Sun 29"),
        ("the last one", "Sun 29"),
        ("pierwszą", "28"),
        ("sat", "Sat 28"),
        ("sunday", "Sun 29"),
        ("niedziela", "29"),
    ],
)
def test_an_offer_picked_from_the_list_just_sent_is_taken(db, now, ann, pick, day):
    """Before, "the first one" after "You have 2 offers: ..." went to a person."""
    offered_on(db, now, ann, (2, 3))
    (listed,) = text(db, "yes", now + timedelta(minutes=1))
    assert listed.startswith("You have 2 offers")
    replies = text(db, pick, now + timedelta(minutes=2))
    assert any(day in reply for reply in replies if not reply.startswith("POEMS:")), replies
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 1


@pytest.mark.parametrize("listed", [True, False])
def test_a_number_from_the_list_alone_takes_that_offer_and_another_number_nothing(
    db, now, ann, listed
):
    offered_on(db, now, ann, (2, 3))
    text(db, "yes", now + timedelta(minutes=1))
    with db.read() as session:
        refs = sorted(offer.ref for offer in session.exec(select(Offer)).all())
    unlisted = next(str(n) for n in range(1000, 10000) if str(n) not in refs)
    text(db, refs[1] if listed else unlisted, now + timedelta(minutes=2))
    with db.read() as session:
        booked = [session.get(Offer, b.offer_id).ref for b in session.exec(select(Booking))]
    assert booked == ([refs[1]] if listed else [])


@pytest.mark.parametrize(
    ("first", "answer"),
    [("free sat from 9", "till 5"), ("free sat 9am onwards", "5pm"), ("free until 5 on sat", "9")],
)
def test_the_other_end_of_the_hours_sent_after_the_question_completes_them(
    db, now, ann, first, answer
):
    """Before, "till 5" just after "free sat from 9" was asked back went to a person."""
    text(db, first, now)
    (reply,) = text(db, answer, now + timedelta(minutes=1))
    assert "Sat 28 Nov 09:00-17:00" in reply, reply


@pytest.mark.parametrize(
    "body", ["no mondays but free tue 9-5", "i cant do mondays but free tue 9-5"]
)
def test_days_given_up_then_free_time_asks_about_the_one_and_keeps_the_other(db, now, ann, body):
    """Before, "no mondays but free tue 9-5" saved every Monday and Tuesday 9-5."""
    asked, kept = text(db, body, now)
    assert asked.startswith("No offers for every mon? Reply BUSY every mon")
    assert kept.startswith("Got it: free Tue 1 Dec 09:00-17:00")
    with db.read() as session:
        (window,) = [w for w in session.exec(select(AvailabilityWindow)).all() if w.start.day == 1]
    assert window.start.isoformat().startswith("2026-12-01T09:00")


@pytest.mark.parametrize(
    ("body", "saved"),
    [
        ("free sat 9-1 and sun 10-4", ["Sat 28 Nov 09:00-13:00", "Sun 29 Nov 10:00-16:00"]),
        ("wolna pon 8-16, śr 10-14", ["pon 30 lis 08:00-16:00", "śr 2 gru 10:00-14:00"]),
    ],
)
def test_each_day_with_hours_of_its_own_is_saved_with_them(db, now, ann, body, saved):
    """Before, "free sat 9-1 and sun 10-4" was asked for one time range per text."""
    replies = text(db, body, now)
    assert [any(day in reply for reply in replies) for day in saved] == [True] * len(saved)


def test_two_ranges_on_one_day_are_still_asked_one_at_a_time(db, now, ann):
    (reply,) = text(db, "free tomorrow 10-2 and 6-10", now)
    assert reply.startswith("One time range per text")


@pytest.mark.parametrize(
    ("first", "saved"),
    [("free 28/11", "Sat 28 Nov 09:00-17:00"), ("free every weekend", "every Sat and Sun")],
)
def test_hours_after_the_question_keep_a_date_or_a_weekly_day_it_asked_about(
    db, now, ann, first, saved
):
    text(db, first, now)
    (reply,) = text(db, "9-5", now + timedelta(minutes=1))
    assert saved in reply, reply


@pytest.mark.parametrize("body", ["yes ill be there", "ok see you tomorrow", "👍"])
def test_a_yes_to_the_reminder_says_the_booking_back_never_no_open_offers(db, now, ann, body):
    """Before, "yes ill be there" the evening before was told "You have no open offers just
    now", as if the booking were gone."""
    offered_on(db, now, ann, (1,))
    text(db, "yes", now + timedelta(minutes=1))
    with db.read() as session:
        ref = session.exec(select(Offer)).one().ref
    (reply,) = text(db, body, now + timedelta(hours=8))
    assert reply.startswith(f"No offer is open just now. Booked {ref}: care at") and (
        "Fri 27 Nov 09:00-15:00" in reply
    )
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 1


def test_a_yes_with_no_offer_and_no_booking_soon_is_told_there_is_no_offer(db, now, ann):
    offered_on(db, now, ann, (3,))
    text(db, "yes", now + timedelta(minutes=1))
    (reply,) = text(db, "yes please", now + timedelta(hours=4))
    assert reply.startswith("You have no open offers just now.")


@pytest.mark.parametrize("yes", ["yes", "yes please", "ok", "tak"])
def test_a_yes_in_words_to_pass_on_it_asks_again_and_books_nothing(db, now, ann, yes):
    """Before, "sorry cant this time" then "yes" to "Pass on offer...?" booked the shift the
    worker had just said they could not do."""
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, "sorry cant this time", now + timedelta(minutes=1))
    assert asked.startswith("Pass on offer")
    assert text(db, yes, now + timedelta(minutes=2)) == [asked]
    with db.read() as session:
        assert not session.exec(select(Booking)).all()


def test_y_typed_as_the_command_to_pass_on_it_takes_it(db, now, ann):
    offered_on(db, now, ann, (2,))
    text(db, "sorry cant this time", now + timedelta(minutes=1))
    assert text(db, "Y", now + timedelta(minutes=2))[0].startswith("Booked:")


@pytest.mark.parametrize(
    "asked_by", ["i want more money per hour, make it 15", "change my postcode to E3 4RR"]
)
def test_no_to_a_change_asked_back_changes_nothing_and_says_so(db, now, ann, asked_by):
    """Before, the NO was told "You have no open offers just now"."""

    def terms():
        with db.read() as session:
            worker = session.get(Worker, ann)
            return worker.asking_rate_minor, worker.postcode

    before = terms()
    (asked,) = text(db, asked_by, now)
    assert asked.endswith("to confirm.")
    assert text(db, "no thanks", now + timedelta(minutes=1)) == ["OK: nothing changed."]
    assert terms() == before


def test_no_to_pass_on_it_asks_again(db, now, ann):
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, "sorry cant this time", now + timedelta(minutes=1))
    assert text(db, "no", now + timedelta(minutes=2)) == [asked]


@pytest.mark.parametrize(
    ("answer", "asked"),
    [
        (
            "morning",
            "What times are you free sat in the morning? Reply e.g. AVAILABLE sat 8am-12pm",
        ),
        ("from 10", "From what time to what time? Reply e.g. AVAILABLE sat 10am-5pm"),
        (
            "in the evening",
            "What times are you free sat in the evening? Reply e.g. AVAILABLE sat 6pm-10pm",
        ),
    ],
)
def test_part_of_an_answer_to_what_times_is_asked_closer_with_the_day_kept(
    db, now, ann, answer, asked
):
    """Before, "morning" got the list of commands (a greeting) and "from 10" went to a person."""
    text(db, "free sat", now)
    assert text(db, answer, now + timedelta(minutes=1)) == [asked]


def test_not_taking_the_shift_on_a_day_an_offer_is_open_asks_to_pass_on_it(db, now, ann):
    """Before, "I won't be able to take the shift on Saturday" asked BUSY sat, leaving the offer."""
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, "sorry I won't be able to take the shift on Saturday", now)
    assert reply.startswith("Pass on offer") and "Sat 28 Nov" in reply


@pytest.mark.parametrize("body", ["saturday no thanks", "not saturday", "sobota nie"])
def test_a_day_and_no_with_that_day_s_offer_open_asks_to_pass_on_it(db, now, ann, body):
    """Before, "saturday no thanks" listed the offer again, and "not saturday" asked "No offers
    for sat? Reply BUSY sat", though Saturday's offer was open."""
    offered_on(db, now, ann, (2, 3))
    replies = text(db, body, now + timedelta(minutes=1))
    assert [reply[:14] for reply in replies] in (["Pass on offer "], ["Odrzucić ofert"])
    assert "28" in replies[0]


def test_tomorrow_no_but_saturday_yes_is_not_free_tomorrow_in_any_language(db, now, ann):
    """Before, "mañana no, pero el sábado sí" with no offer open was asked what times the
    worker was free tomorrow."""
    (asked,) = text(db, "mañana no, pero el sábado sí", now)
    assert asked.startswith("¿Sin ofertas para mañana? Responde OCUPADO mañana")


@pytest.mark.parametrize(
    "body",
    [
        "sí al sábado y también estoy libre el domingo de 9 a 5",
        "tak na sobotę, a w niedzielę jestem wolna 9-17",
        "sim para sábado e estou livre domingo das 9 às 17",
        "da pentru sâmbătă și sunt liberă duminică 9-17",
    ],
)
def test_yes_to_the_day_with_free_time_besides_in_other_languages(db, now, ann, body):
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert len(session.exec(select(Booking)).all()) == 1
        sunday = session.exec(
            select(AvailabilityWindow).where(
                AvailabilityWindow.start == now.replace(day=29, hour=9)
            )
        ).all()
    assert len(sunday) == 1


@pytest.mark.parametrize(
    ("body", "first"),
    [
        ("yes and im also free sunday 9-5", "Booked:"),
        ("yes please and free sun 9-5 too", "Booked:"),
        ("no thanks but im free sunday 9-5", "Pass on offer"),
        ("yes to saturday and im free sunday 9-5 too", "Booked:"),
        ("yes for saturday, also free sunday 9-5", "Booked:"),
        # more free time said with "also" or "too", no "and" before it
        ("yes, im also free sunday 9-5", "Booked:"),
        ("yes please im free sunday 9-5 too", "Booked:"),
    ],
)
def test_an_answer_to_the_offer_with_free_time_besides_does_both(db, now, ann, body, first):
    """Before, "yes and im also free sunday 9-5" saved Sunday and left the offer unanswered;
    "yes to saturday and im free sunday 9-5 too" saved both days as free time; "yes, im also
    free sunday 9-5" (no "and") left the offer unanswered until the last stop."""
    offered_on(db, now, ann, (2,))
    replies = text(db, body, now + timedelta(minutes=1))
    assert replies[0].startswith(first)
    assert any(reply.startswith("Got it: free Sun 29 Nov 09:00-17:00") for reply in replies)


@pytest.mark.parametrize(
    ("body", "language", "booked", "free"),
    [
        ("tak, i jestem też wolna w niedzielę 9-17", "pl", "Zarezerwowane:", "niedz 29 lis 09:00"),
        ("tak, jestem też wolna w niedzielę 9-17", "pl", "Zarezerwowane:", "niedz 29 lis 09:00"),
        ("sim, também estou livre domingo das 9 às 17", "pt", "Reservado:", "domingo 29 nov 09:00"),
        ("sí, y también estoy libre el domingo de 9 a 5", "es", "Reservado:", "dom 29 nov 09:00"),
    ],
)
def test_yes_and_free_time_besides_in_the_worker_s_language_does_both(
    db, now, ann, body, language, booked, free
):
    """Before, Polish "tak, i jestem też wolna w niedzielę" saved Sunday and lost the yes."""
    speaking(db, ann, language)
    offered_on(db, now, ann, (2,))
    replies = text(db, body, now + timedelta(minutes=1))
    assert replies[0].startswith(booked), replies
    assert any(free in reply for reply in replies[1:]), replies


@pytest.mark.parametrize(
    ("body", "free"),
    [
        ("w sobotę nie mogę, ale w niedzielę mogę 9-17", "niedz 29 lis 09:00-17:00"),
        ("el sábado no puedo pero el domingo sí de 9 a 5", "dom 29 nov 09:00-17:00"),
    ],
)
def test_a_day_given_up_then_another_offered_asks_about_the_one_and_saves_the_other(
    db, now, ann, body, free
):
    """Before, the Sunday offered after "but" was lost, and the Spanish text went to a person."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    replies = text(db, body, now + timedelta(minutes=2))
    assert len(replies) == 2 and free in replies[1], replies
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"


def test_stop_with_a_booking_to_come_opts_out_and_a_person_is_told(db, now, ann):
    """Before, the worker was opted out and nobody knew a buyer still expected them."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    assert text(db, "STOP", now + timedelta(minutes=2)) == []
    with db.read() as session:
        assert session.get(Worker, ann).opted_out
        (thread,) = session.exec(select(InboxThread)).all()
    assert thread.reason == "stopped_booked"


def test_stop_with_nothing_booked_troubles_nobody(db, now, ann):
    assert text(db, "STOP", now) == []
    with db.read() as session:
        assert session.exec(select(InboxThread)).all() == []


def test_im_not_coming_with_a_booking_asks_to_drop_it(db, now, ann):
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    (reply,) = text(db, "im not coming", now + timedelta(minutes=2))
    assert reply.startswith("Drop your care shift Sat 28 Nov")


def test_free_on_the_day_of_an_open_offer_without_hours_shows_that_offer(db, now, ann):
    """Before, "can do Saturday", with Saturday's offer open, was asked what times Ann was free
    on Saturday. Without a yes it may be free time said, so the offer is shown, not taken."""
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, "can do saturday", now)
    assert reply.startswith("Offer ") and "Sat 28 Nov" in reply and "reply Y" in reply
    (asked,) = text(db, "can do sunday", now + timedelta(minutes=1))
    assert asked.startswith("What times are you free sun?")


@pytest.mark.parametrize(
    "body",
    ["how much?", "ile?", "cuánto es?", "quanto?", "cât e?", "where?", "when?", "gdzie?"]
    + ["what is it?", "who is it for", "co to za praca?", "qué es?"],
)
def test_a_bare_question_with_an_offer_open_is_answered_with_the_offer(db, now, ann, body):
    """Before, each went to a person while the offer ran out; its line has the place, the
    time and the rate."""
    offered_on(db, now, ann, (2,))
    (reply,) = text(db, body, now + timedelta(minutes=1))
    assert "28" in reply and ("13.00" in reply or "13,00" in reply)
    with db.read() as session:
        assert session.exec(select(InboxThread)).all() == []


@pytest.mark.parametrize("body", ["can do tomorrow", "tô livre amanhã", "jutro mogę"])
def test_free_tomorrow_with_tomorrows_offer_open_shows_that_offer(db, now, ann, body):
    """Before, only a weekday named ("can do saturday") showed the offer; "tomorrow" was asked
    what times the worker was free."""
    offered_on(db, now, ann, (1,))
    (reply,) = text(db, body, now + timedelta(minutes=1))
    assert "27" in reply and ("Y " in reply or "SIM " in reply or "TAK " in reply)
    assert booked_days(db) == []


def offered_morning_and_evening(db, now, ann) -> None:
    """Two offers to Ann on Saturday: 09:00-13:00 and 17:00-21:00."""
    with db.write() as session:
        for hour in (9, 17):
            start = (now + timedelta(days=2)).replace(hour=hour)
            shift = factories.shift(session, now, start=start, hours=4)
            post_availability(session, ann, shift.start, shift.end, now)
            offers.send_wave(session, shift.id, now)
    drain(db, SimulatorGateway(), now)


@pytest.mark.parametrize(
    ("body", "hour"),
    [
        ("the 9am one", 9),
        ("yes the one at 5", 17),
        ("the morning one please", 9),
        ("ill take the evening shift", 17),
    ],
)
def test_an_offer_named_by_when_it_starts_takes_that_offer_only(db, now, ann, body, hour):
    """Before, with two offers on one day, each went to a person while both ran out."""
    offered_morning_and_evening(db, now, ann)
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        booked = session.exec(select(Shift).join(Booking, Booking.shift_id == Shift.id)).all()
    assert [shift.start.hour for shift in booked] == [hour]


def test_a_start_no_offer_has_lists_the_offers_and_takes_none(db, now, ann):
    offered_morning_and_evening(db, now, ann)
    (reply,) = text(db, "the 2pm one", now + timedelta(minutes=1))
    assert "To take one, reply Y and its number" in reply
    assert booked_days(db) == []


def booked_days(db) -> list[int]:
    with db.read() as session:
        return [
            shift.start.day
            for shift in session.exec(select(Shift).join(Booking, Booking.shift_id == Shift.id))
        ]


@pytest.mark.parametrize(
    "body",
    [
        "Hi, sorry for the late reply. Yes I can do Saturday. Thanks",
        "yes i can work saturday",
        "yeah im free sat",
        "Yes I am available on Saturday",
        "tak, mogę w sobotę",
        "sí, puedo el sábado",
        "sim, estou livre no sábado",
        "da, pot sâmbătă",
    ],
)
def test_a_yes_with_the_day_of_an_open_offer_takes_that_offer(db, now, ann, body):
    """Before, each was asked what times Ann was free that day, or shown the offer again with
    how to take it, while it ran out: she had said yes to it."""
    offered_on(db, now, ann, (2, 3))
    text(db, body, now + timedelta(minutes=1))
    assert booked_days(db) == [28]


def test_a_yes_with_tomorrow_takes_tomorrows_offer_and_with_another_day_asks_the_times(
    db, now, ann
):
    offered_on(db, now, ann, (1,))
    (asked,) = text(db, "yes i can do monday", now + timedelta(minutes=1))
    assert asked.startswith("What times are you free mon?")
    assert booked_days(db) == []
    text(db, "yes i can do tomorrow", now + timedelta(minutes=2))
    assert booked_days(db) == [27]


def test_a_yes_with_free_time_and_no_day_asks_which_of_two_offers(db, now, ann):
    """Before, "yes i can do" with two offers open was asked what times Ann was free."""
    offered_on(db, now, ann, (2, 3))
    (asked,) = text(db, "yes i can do", now + timedelta(minutes=1))
    assert asked.startswith("You have 2 offers:")
    assert booked_days(db) == []


def test_a_yes_with_tomorrow_takes_no_offer_of_the_same_weekday_next_week(db, now, ann):
    """Tomorrow is Friday; an offer for the Friday after is not tomorrow's."""
    offered_on(db, now, ann, (8,))
    text(db, "yes i can do tomorrow", now + timedelta(minutes=1))
    assert booked_days(db) == []


@pytest.mark.parametrize(
    "body",
    [
        "yes i can do the shift",
        "i can do the shift",
        "yes i want the shift",
        "i would like the job",
        "sí, puedo hacer el turno",
        "sim, posso fazer o turno",
        "tak, mogę wziąć tę zmianę",
        "da, pot face tura",
    ],
)
def test_can_do_the_shift_takes_the_one_offer_open(db, now, ann, body):
    """Before, "yes i can do the shift" was asked what times Ann was free, and "yes i want the
    shift" was shown the offer again, in every language."""
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    assert booked_days(db) == [28]


@pytest.mark.parametrize(
    "body",
    [
        "i cant do the shift",
        "não posso fazer o turno",
        "nu pot face tura",
        "nie mogę wziąć tej zmiany",
    ],
)
def test_cant_do_the_shift_asks_to_drop_the_booking(db, now, ann, body):
    """Before, "i cant do the shift" went to a person."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    (asked,) = text(db, body, now + timedelta(minutes=2))
    with db.read() as session:
        ref = session.exec(select(Offer.ref).join(Booking, Booking.offer_id == Offer.id)).one()
    # In the worker's language, with the word that drops it: DROP, ANULUJ, CANCELAR, ANULEZ
    assert "28" in asked and re.search(rf"\b{ref}\b", asked)
    assert booked_days(db) == [28]


def free_days(db) -> list[int]:
    with db.read() as session:
        return sorted(w.start.day for w in session.exec(select(AvailabilityWindow)).all())


@pytest.mark.parametrize(
    ("away", "command", "yes"),
    [
        ("not available next week, going on holiday", "BUSY 30/11-6/12", "yes"),
        ("nie ma mnie w przyszłym tygodniu", "ZAJĘTY 30/11-6/12", "tak"),
        ("estoy de vacaciones la semana que viene", "OCUPADO 30/11-6/12", "sí"),
    ],
)
def test_away_next_week_is_asked_back_and_a_yes_takes_back_those_days_only(
    db, now, ann, away, command, yes
):
    """Before, each went to a person, and offers for next week kept coming."""
    with db.write() as session:
        for day in (28, 30, 2, 8):
            start = now.replace(month=11 if day > 20 else 12, day=day, hour=9)
            post_availability(session, ann, start, start + timedelta(hours=8), now)
    (asked,) = text(db, away, now)
    assert command in asked
    assert free_days(db) == [2, 8, 27, 28, 30]  # nothing taken back on the question alone
    (done,) = text(db, yes, now + timedelta(minutes=1))
    assert "30" in done and "6" in done
    assert free_days(db) == [8, 27, 28]


def test_days_away_with_a_booking_in_them_tell_the_booking_and_how_to_drop_it(db, now, ann):
    with db.write() as session:
        start = now.replace(day=1, month=12, hour=9)
        post_availability(session, ann, start, start + timedelta(hours=8), now)
        shift = factories.shift(session, now, start=start)
        (offer,) = offers.send_wave(session, shift.id, now)
    text(db, f"Y {offer.ref}", now)
    (asked,) = text(db, "away next week", now)
    assert asked.startswith("No offers for 30/11-6/12? Reply BUSY 30/11-6/12 to confirm.")
    done, booked = text(db, "BUSY 30/11-6/12", now)
    assert done == "Done: no offers from Mon 30 Nov to Sun 6 Dec. Your other free times stay."
    assert offer.ref in booked and "DROP" in booked
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"


@pytest.mark.parametrize(
    ("body", "asked", "done"),
    [
        ("im not available saturday", "No offers for sat?", "Done: no offers for Sat 28 Nov."),
        # before, with no offer open, it was answered "You have no open offers just now"
        (
            "not available this weekend",
            "No offers for sat sun? Reply BUSY sat sun to confirm.",
            "Done: no offers for Sat 28 Nov and Sun 29 Nov.",
        ),
    ],
)
def test_a_yes_to_a_day_off_asked_back_takes_that_day_back(db, now, ann, body, asked, done):
    """Before, "yes" was asked the same question again, and again."""
    with db.write() as session:
        start = now.replace(day=28, hour=9)
        post_availability(session, ann, start, start + timedelta(hours=8), now)
    assert text(db, body, now)[0].startswith(asked)
    assert text(db, "yes", now + timedelta(minutes=1))[0].startswith(done)
    assert free_days(db) == [27]


@pytest.mark.parametrize("yes", ["ok", "okay thanks", "alright", "vale", "ok then"])
def test_an_ok_to_a_day_off_asked_back_takes_that_day_back_but_not_a_booking(db, now, ann, yes):
    """Before, "ok" was asked the same question again. No offers on a day is as easily undone
    as said; a booking is not dropped on an "ok", which may only mean "noted"."""
    with db.write() as session:
        start = now.replace(day=28, hour=9)
        post_availability(session, ann, start, start + timedelta(hours=8), now)
    assert text(db, "cant make it saturday", now)[0].startswith("No offers for sat?")
    assert text(db, yes, now + timedelta(minutes=1))[0].startswith("Done: no offers for Sat")
    assert free_days(db) == [27]
    offered_on(db, now, ann, (1,))
    text(db, "yes", now + timedelta(minutes=2))
    (asked,) = text(db, "cant make it tomorrow", now + timedelta(minutes=3))
    assert asked.startswith("Drop your care shift Fri 27 Nov")
    text(db, yes, now + timedelta(minutes=4))
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"


def free_hours(db) -> list[str]:
    with db.read() as session:
        return sorted(
            f"{w.start:%d %H:%M}-{w.end:%H:%M}"
            for w in session.exec(select(AvailabilityWindow)).all()
            if w.start.day != 27  # the fixture's own free time, tomorrow
        )


@pytest.mark.parametrize(
    ("first", "change", "kept"),
    [
        ("free sat 9-5", "actually make that 10-6", ["28 10:00-18:00"]),
        ("free sat 9-5", "sorry i meant sunday not saturday", ["29 09:00-17:00"]),
        ("free sat 9-5", "oops wrong day, i meant sunday", ["29 09:00-17:00"]),
        ("wolna sobota 9-17", "przepraszam, chodziło mi o niedzielę", ["29 09:00-17:00"]),
        ("libre el sábado de 9 a 5", "perdón, quise decir el domingo", ["29 09:00-17:00"]),
        ("liber sambata 9-17", "de fapt 10-18", ["28 10:00-18:00"]),
        ("libre el sábado de 9 a 5", "mejor de 9 a 3", ["28 09:00-15:00"]),
        ("free sat 9-5", "stop, wrong one, I meant sunday", ["29 09:00-17:00"]),
        # one end moved, the other kept
        ("free sat 9-5", "can only do till 3 now", ["28 09:00-15:00"]),
        ("free sat 9-5", "only from 11 now", ["28 11:00-17:00"]),
        ("free sat 9-5", "till 12", ["28 09:00-12:00"]),
        ("free sat 6-10pm", "actually from 7", ["28 19:00-22:00"]),
        ("wolna sobota 9-17", "jednak tylko do 15", ["28 09:00-15:00"]),
        ("libre el sábado de 9 a 5", "al final solo hasta las 3", ["28 09:00-15:00"]),
        ("livre sábado das 9 às 17", "afinal só até às 15", ["28 09:00-15:00"]),
        ("liber sambata 9-17", "de fapt doar până la 15", ["28 09:00-15:00"]),
        # as people put it, "can" and "only" either way round
        ("wolna sobota 9-17", "jednak mogę tylko do 15", ["28 09:00-15:00"]),
        ("libre el sábado de 9 a 5", "al final solo puedo hasta las 3", ["28 09:00-15:00"]),
        ("livre sábado das 9 às 17", "afinal só posso até às 15", ["28 09:00-15:00"]),
        ("free sat 9-5", "i can only do till 3 actually", ["28 09:00-15:00"]),
    ],
)
def test_a_change_just_after_free_time_was_saved_replaces_it(db, now, ann, first, change, kept):
    """Before, "actually make that 10-6" was free today 10-6 beside Saturday 9-5, and "i meant
    sunday" went to a person with Saturday kept; "jednak mogę tylko do 15" was told there is
    no offer open, and "afinal só posso até às 15" was asked its hours again."""
    text(db, first, now)
    (reply,) = text(db, change, now + timedelta(minutes=1))
    assert free_hours(db) == kept, reply


@pytest.mark.parametrize(
    ("first", "undo", "asked"),
    [
        ("free sat 9-5", "cancel that", "No offers for 28/11? Reply BUSY 28/11 to confirm."),
        ("free sat 9-5", "oops delete that", "No offers for 28/11? Reply BUSY 28/11 to confirm."),
        ("wolna sobota 9-17", "anuluj to", "Wstrzymać oferty: 28/11? Odpowiedz ZAJĘTY 28/11"),
        ("libre el sábado de 9 a 5", "cancela eso", "¿Sin ofertas para 28/11?"),
    ],
)
def test_free_time_taken_back_just_after_it_was_saved_is_asked_back_then_gone(
    db, now, ann, first, undo, asked
):
    """Before, "cancel that" heard "You have no booking to drop", and Saturday stayed free."""
    text(db, first, now)
    (reply,) = text(db, undo, now + timedelta(minutes=1))
    assert reply.startswith(asked), reply
    assert len(free_hours(db)) == 1  # nothing gone before the worker says so
    text(db, "yes", now + timedelta(minutes=2))
    assert free_hours(db) == []


def test_a_day_s_free_time_changed_outright_replaces_it(db, now, ann):
    """Before, "change saturday to 12-8" was added to 9-5: free 9am to 8pm."""
    text(db, "free sat 9-5", now)
    (reply,) = text(db, "can i change saturday to 12-8", now + timedelta(hours=5))
    assert reply.startswith("Got it: free Sat 28 Nov 12:00-20:00")
    assert free_hours(db) == ["28 12:00-20:00"]


def test_a_change_long_after_the_free_time_was_saved_is_read_on_its_own(db, now, ann):
    text(db, "free sat 9-5", now)
    text(db, "actually sunday 10-4", now + timedelta(hours=5))
    assert free_hours(db) == ["28 09:00-17:00", "29 10:00-16:00"]


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        ("only cleaning please", "Change your skills to cleaning? Reply SKILLS cleaning"),
        ("just kitchen jobs from now on", "Change your skills to kitchen? Reply SKILLS kitchen"),
    ],
)
def test_one_kind_of_work_only_is_asked_back_as_those_skills_alone(db, now, ann, body, asked):
    """Before, "only cleaning please" went to a person."""
    with db.read() as session:
        before = skills_of(session, ann)
    (reply,) = text(db, body, now)
    assert reply.startswith(asked)
    with db.read() as session:
        assert skills_of(session, ann) == before


def test_no_more_offers_of_one_kind_of_work_asks_to_drop_that_skill(db, now, ann):
    """Before, "please stop sending me cleaning jobs" was told to reply STOP, which ends every
    text for good."""
    text(db, "SKILLS care cleaning", now)
    (reply,) = text(db, "please stop sending me cleaning jobs", now)
    assert reply.startswith("Change your skills to care? Reply SKILLS care")


def test_tomorrow_said_in_the_small_hours_asks_about_the_coming_morning_s_booking(db, now, ann):
    """Before, "cant make it tomorrow" at 2am asked about the day after, while the worker
    stayed home from the shift that morning."""
    with db.write() as session:
        shift = factories.shift(session, now, start=now.replace(day=27, hour=9))
        (offer,) = offers.send_wave(session, shift.id, now)
    text(db, f"Y {offer.ref}", now)
    (asked,) = text(db, "cant make it tomorrow sorry", now.replace(day=27, hour=2))
    assert asked.startswith(f"Drop your care shift Fri 27 Nov 09:00-13:00? Reply DROP {offer.ref}")


def test_a_yes_but_not_to_one_day_takes_the_other_day_s_offer(db, now, ann):
    """Before, "yes but not the friday one" was asked "Can you do the whole shift?"."""
    offered_on(db, now, ann, (1, 2))
    replies = text(db, "yes but not the friday one", now + timedelta(minutes=1))
    assert replies[0].startswith("Booked: care") and "Sat 28 Nov" in replies[0], replies
    with db.read() as session:
        (booking,) = session.exec(select(Booking)).all()
        assert session.get(Offer, booking.offer_id).shift_id == 2


def test_free_all_week_asks_which_days_and_the_reply_given_as_its_example_is_kept(db, now, ann):
    """Before, "Which date?" was asked of a worker who had said the whole week."""
    (asked,) = text(db, "free all week 9-5", now)
    assert asked == "Which days? Reply e.g. AVAILABLE thu fri 9am-5pm"
    (kept,) = text(db, "AVAILABLE thu fri 9am-5pm", now + timedelta(minutes=2))
    assert kept.startswith("Got it: free Thu 26 Nov and Fri 27 Nov, 09:00-17:00.")


def test_stop_texting_me_about_weekends_asks_to_stop_weekend_offers_not_every_text(db, now, ann):
    (asked,) = text(db, "stop texting me about weekends", now)
    assert asked.startswith("No offers for every weekend? Reply BUSY every weekend to confirm.")
    (done,) = text(db, "yes", now + timedelta(minutes=1))
    assert done.startswith("Done: no offers for every weekend from now on.")
    with db.read() as session:
        assert not session.get(Worker, ann).opted_out


@pytest.mark.parametrize(
    "body", ["9-5 and sunday too", "9am-5pm and sunday", "9-17 i w niedzielę też"]
)
def test_hours_asked_for_with_another_day_are_kept_for_both_days(db, now, ann, body):
    """Before, the day asked about was lost and only Sunday was kept."""
    (asked,) = text(db, "free sat", now)
    assert asked.startswith("What times are you free sat?")
    text(db, body, now + timedelta(minutes=1))
    assert free_hours(db) == ["28 09:00-17:00", "29 09:00-17:00"]


def test_asking_what_the_exchange_takes_is_told_nothing_from_the_pay_and_the_buyers_fee(
    db, now, ann
):
    (told,) = text(db, "how much do you take?", now)
    assert told == (
        "POEMS takes nothing from your pay: you get your own rate, less only the tax you ask us "
        "to hold. The buyer pays a 2% fee on top, shared by your local franchisee and the "
        "exchange."
    )


@pytest.mark.parametrize("moved", ["i moved", "przeprowadziłam się", "me mudé"])
def test_a_move_is_asked_where_and_the_postcode_given_is_the_answer(db, now, ann, moved):
    (asked,) = text(db, moved, now)
    assert "E1 6AN" in asked  # the example of how to give it, in the worker's language
    text(db, "E2 7QX", now + timedelta(minutes=2))
    with db.read() as session:
        assert session.get(Worker, ann).postcode == "E2 7QX"


def test_a_postcode_out_of_the_blue_is_still_asked_back(db, now, ann):
    (asked,) = text(db, "E2 7QX", now)
    assert asked.endswith("to confirm.")
    with db.read() as session:
        assert session.get(Worker, ann).postcode != "E2 7QX"


def speaking(db, ann, language: str) -> None:
    with db.write() as session:
        session.get(Worker, ann).language = language


@pytest.mark.parametrize(
    ("language", "asked", "answer", "hours"),
    [
        ("pt", "livre sábado", "das 9 às 17", "09:00-17:00"),
        ("pt", "livre sábado", "9 às 17", "09:00-17:00"),
        ("pl", "wolna w sobotę 6-10", "wieczorem", "18:00-22:00"),
        ("es", "libre el sábado 5-9", "por la tarde", "17:00-21:00"),
        ("ro", "liber sâmbătă 6-10", "seara", "18:00-22:00"),
        ("en", "free sat 6-10", "in the evening", "18:00-22:00"),
    ],
)
def test_the_hours_asked_for_are_taken_in_the_workers_own_words_and_language(
    db, now, ann, language, asked, answer, hours
):
    """Before, "9 às 17" and "das 9 às 17" were asked the same question again, "9 às 17" in
    English from then on; "wieczorem" after "6-10 or 18-22?" asked the hours again."""
    speaking(db, ann, language)
    text(db, asked, now)
    with db.read() as session:
        before = {(w.start, w.end) for w in session.exec(select(AvailabilityWindow)).all()}
    text(db, answer, now + timedelta(minutes=1))
    with db.read() as session:
        windows = session.exec(select(AvailabilityWindow)).all()
        added = [w for w in windows if (w.start, w.end) not in before]
        assert [f"{w.start:%H:%M}-{w.end:%H:%M}" for w in added] == [hours]
        assert session.get(Worker, ann).language == language


@pytest.mark.parametrize(
    ("language", "free", "asked", "answer"),
    [
        ("pl", "wolna w sobotę", "W jakich godzinach masz czas w sobotę?", "9-17"),
        ("pl", "wolna we wtorek rano", "W jakich godzinach masz czas we wtorek rano?", "8-12"),
        ("es", "libre el sábado", "¿A qué hora estás libre el sábado?", "de 9 a 5"),
        ("pt", "livre sábado", "A que horas está livre no sábado?", "das 9 às 17"),
        ("ro", "liberă sâmbătă", "La ce ore ai timp sâmbătă?", "9-17"),
        ("en", "free saturday", "What times are you free sat?", "9-5"),
        (
            "pl",
            "wolna w sobotę i niedzielę",
            "W jakich godzinach masz czas w sobotę i w niedzielę?",
            "9-17",
        ),
        ("es", "libre sábado y domingo", "¿A qué hora estás libre el sábado y el domingo?", "9-17"),
        ("en", "free sat and sun", "What times are you free sat and sun?", "9-5"),
    ],
)
def test_a_day_of_the_week_asked_about_is_named_as_a_sentence_names_it(
    db, now, ann, language, free, asked, answer
):
    """Before, "W jakich godzinach masz czas sobota?", "¿... libre sábado?": the day's name alone,
    as the example reply writes it, in the middle of the question."""
    speaking(db, ann, language)
    (question,) = text(db, free, now)
    assert question.startswith(asked), question
    (saved,) = text(db, answer, now + timedelta(minutes=1))
    assert "?" not in saved, saved  # the answer is taken for that day, not asked again


@pytest.mark.parametrize("body", ["9 às 17", "E2 7QX ok"])
def test_one_word_english_shares_with_other_languages_keeps_the_workers_language(
    db, now, ann, body
):
    speaking(db, ann, "pt")
    text(db, body, now)
    with db.read() as session:
        assert session.get(Worker, ann).language == "pt"


@pytest.mark.parametrize(
    "body",
    ["cant make saturday but can do sunday 9-5", "w sobotę nie mogę, ale w niedzielę mogę 9-17"],
)
def test_a_yes_after_a_drop_asked_and_free_time_saved_answers_the_question(db, now, ann, body):
    """One text, two replies: "Drop your shift?" and "Got it: free Sun". Before, the YES after
    them was read against the last ("Got it"), and dropped nothing and said nothing: the
    worker stayed home with the buyer never told."""
    offered_on(db, now, ann, (2,))
    text(db, "yes", now + timedelta(minutes=1))
    asked, saved = text(db, body, now + timedelta(minutes=2))
    assert "DROP" in asked or "ANULUJ" in asked
    replies = text(db, "yes" if body.startswith("cant") else "tak", now + timedelta(minutes=3))
    assert any(reply.startswith("POEMS: Worker") and "dropped" in reply for reply in replies)
    with db.read() as session:
        assert session.exec(select(Booking).where(Booking.status == "dropped")).one()


def test_a_no_said_sorry_with_free_time_besides_asks_about_the_offer_and_saves_the_time(
    db, now, ann
):
    """Before, only the free time was read: the offer stayed open and unanswered."""
    offered_on(db, now, ann, (2,))
    asked, saved = text(db, "no sorry, but im free sunday 10-4", now + timedelta(minutes=1))
    assert asked.startswith("Pass on offer") and saved.startswith("Got it: free Sun 29 Nov")


def test_a_pause_till_january_is_asked_back_and_a_yes_makes_it(db, now, ann):
    """Before, "nie wysyłajcie ofert do stycznia" was told how to STOP every text for good,
    and "no offers until january" went to a person."""
    speaking(db, ann, "pl")
    (asked,) = text(db, "nie wysyłajcie ofert do stycznia", now)
    assert asked.startswith("Wstrzymać oferty: 26/11-31/12?") and "STOP" not in asked
    (done,) = text(db, "tak", now + timedelta(minutes=1))
    assert done.startswith("Gotowe")
    with db.read() as session:
        assert not session.get(Worker, ann).opted_out


@pytest.mark.parametrize(
    ("free", "until", "saved"),
    [
        ("im free now", "till 6", "Got it: free Thu 26 Nov 10:00-18:00."),
        ("available right now", "6pm", "Got it: free Thu 26 Nov 10:00-18:00."),
        ("jestem wolna teraz", "do 16", "Zapisane: masz czas czw 26 lis 10:00-16:00."),
    ],
)
def test_free_now_is_free_from_now_with_only_the_end_asked(db, now, ann, free, until, saved):
    """Before, "im free now" was asked the hours with an example for tomorrow, and "till 6" then
    went unread."""
    (asked,) = text(db, free, now)
    assert "10" in asked and ("today" in asked or "dziś" in asked)
    (reply,) = text(db, until, now)
    assert reply.startswith(saved)


def test_asking_for_work_after_opting_out_is_told_how_to_come_back_once_a_day(db, now, ann):
    """Before, "im back, want work again" from a worker who had opted out in words went
    unanswered, and nothing told them START brings the offers back."""
    assert text(db, "please stop texting me", now) == [
        "POEMS: you will get no more texts from us. Text START to come back."
    ]
    (told,) = text(db, "im back, want work again", now + timedelta(minutes=5))
    assert told.endswith("Text START to get them again.")
    assert text(db, "free tomorrow 9-5", now + timedelta(minutes=6)) == []
    assert text(db, "thanks", now + timedelta(days=2)) == []
    with db.read() as session:
        assert session.get(Worker, ann).opted_out
    assert text(db, "START", now + timedelta(days=2))[0].startswith("Welcome back to POEMS.")


@pytest.mark.parametrize(
    ("body", "kept"), [("cant do tomorrow afternoon", 9), ("nie dam rady jutro rano", 15)]
)
def test_the_part_of_the_day_says_which_of_two_bookings_that_day_to_drop(db, now, body, kept):
    """Booked 9-1 and 3-7 tomorrow. Before, "cant do tomorrow afternoon" listed both."""
    with db.write() as session:
        for hour in (9, 15):
            book(session, now, ANN, start=(now + timedelta(days=1)).replace(hour=hour))
    drain(db, SimulatorGateway(), now)
    (asked,) = text(db, body, now + timedelta(minutes=1))
    dropped_hour = 15 if kept == 9 else 9
    assert f"{dropped_hour:02d}:00" in asked and f"{kept:02d}:00" not in asked
    with db.read() as session:
        assert all(b.status == "booked" for b in session.exec(select(Booking)))


@pytest.mark.parametrize(
    "body",
    ["ok, no thanks", "yes cant make it", "ok not this time", "ok busy", "ok, nie dam rady",
     "vale, no gracias"],
)  # fmt: skip
def test_a_no_after_an_ok_passes_asked_back_and_books_nothing(db, now, ann, body):
    """Before, each booked the shift: the no after "ok" was read as one more polite word."""
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, body, now + timedelta(minutes=1))
    assert "28" in asked and ("N " in asked or "NIE " in asked or "NO " in asked)
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
        assert session.exec(select(Offer)).one().status == OfferStatus.LIVE


@pytest.mark.parametrize(
    ("condition", "whole"),
    [
        ("yes but i can only stay till 12", "ok fine i'll do the whole shift"),
        ("yes but i can only stay till 12", "yes i can do the whole shift"),
        ("tak ale mogę tylko do 12", "dobrze, zostanę do końca"),
        ("sí pero solo hasta las 12", "vale, hago todo el turno"),
        ("sim mas só até às 12", "ok, faço o turno completo"),
        ("da dar pot doar până la 12", "bine, stau toată tura"),
    ],
)
def test_the_whole_shift_after_a_yes_with_a_condition_books_it(db, now, ann, condition, whole):
    """Asked "Can you do the whole shift?", the worker says they will. Before, the answer went to
    a person ("yes i can do the whole shift" was asked for free times) while the offer ran out."""
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, condition, now + timedelta(minutes=1))
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
    booked, _ = text(db, whole, now + timedelta(minutes=2))
    assert "Rosewood" in booked
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"


@pytest.mark.parametrize(
    "body",
    ["i cant do the whole shift", "nie mogę całą zmianę", "no puedo todo el turno"],
)
def test_not_the_whole_shift_books_nothing(db, now, ann, body):
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
        assert session.exec(select(Offer)).one().status == OfferStatus.LIVE


@pytest.mark.parametrize(
    "body",
    ["me please", "Me please!", "ja poproszę", "yo por favor", "eu por favor", "eu vă rog",
     "yes and thanks", "yes and see you then"],
)  # fmt: skip
def test_me_please_takes_the_one_offer(db, now, ann, body):
    """Before, "me please" and "yes and thanks" went to a person while the offer ran out."""
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"


@pytest.mark.parametrize(
    "body",
    [
        "give me 5 mins to check",
        "give me an hour to sort childcare",
        "daj mi chwilę, sprawdzę",
        "dame 5 minutos",
        "me dá um minuto que eu vejo",
        "dă-mi un minut să verific",
    ],
)
def test_a_minute_to_check_is_told_till_when_the_offer_is_open(db, now, ann, body):
    """Before, "give me 5 mins to check" went to a person; the worker is told till when the
    offer stays open, and nothing is taken or passed."""
    offered_on(db, now, ann, (2,))
    (told,) = text(db, body, now + timedelta(minutes=1))
    assert "10:15" in told
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
        assert session.exec(select(Offer)).one().status == OfferStatus.LIVE
        assert session.exec(select(InboxThread)).all() == []


@pytest.mark.parametrize(
    "body",
    ["pay too low", "the pay is too low sorry", "not enough money", "za mało płacą",
     "pagan muy poco", "paga muito pouco", "plata e prea mică"],
)  # fmt: skip
def test_pay_too_low_to_an_offer_passes_asked_back(db, now, ann, body):
    """Before, "pay too low" was answered with the worker's earnings this week."""
    offered_on(db, now, ann, (2,))
    (asked,) = text(db, body, now + timedelta(minutes=1))
    assert "28" in asked and "£0.00" not in asked
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
        assert session.exec(select(Offer)).one().status == OfferStatus.LIVE


@pytest.mark.parametrize(
    "body",
    ["no encuentro la entrada", "não encontro a entrada", "nie mogę znaleźć wejścia",
     "nu găsesc intrarea", "zgubiłam się", "i'm lost, cant find it"],
)  # fmt: skip
def test_cannot_find_the_place_is_no_arrival_and_goes_to_a_person(db, now, body):
    """Before, "no encuentro la entrada" (I can't find the entrance) recorded the worker as
    arrived: "entrada" is also clocking in."""
    with db.write() as session:
        booking, shift, _ = book(session, now)
    drain(db, SimulatorGateway(), now)
    text(db, body, shift.start - timedelta(minutes=5))
    with db.read() as session:
        assert session.get(Booking, booking.id).checked_in_at is None
        (thread,) = session.exec(select(InboxThread)).all()
    assert thread.reason == "not_understood"


@pytest.mark.parametrize(
    "body",
    ["im here but cant find the entrance", "ya llegué pero no encuentro la entrada",
     "jestem na miejscu ale nie mogę znaleźć wejścia", "here, where do i go?",
     "ya estoy, ¿dónde tengo que ir?", "jestem, gdzie mam iść?", "cheguei, com quem eu falo?",
     "ya estoy aquí, ¿a quién pregunto?", "já estou aqui, onde eu vou?", "im here who do i speak to"],
)  # fmt: skip
def test_arrived_and_cannot_find_the_way_in_is_an_arrival_the_buyer_is_told(db, now, body):
    """Before, "ya estoy, ¿dónde tengo que ir?" (I'm here, where do I go?) was answered with the
    booking and no arrival; "cheguei, com quem eu falo?" was an arrival the buyer never read."""
    with db.write() as session:
        booking, shift, _ = book(session, now)
    drain(db, SimulatorGateway(), now)
    told = text(db, body, shift.start - timedelta(minutes=2))
    # the buyer hears the words, in letters any phone shows
    assert any(to_plain_gsm(body) in to_plain_gsm(reply) for reply in told)
    with db.read() as session:
        assert session.get(Booking, booking.id).checked_in_at is not None


@pytest.mark.parametrize(
    "body",
    ["Thanks for the work today, I'm free again Saturday 8-4", "thanks for today! free sat 8-4",
     "today was great, free sat 8-4 too", "cheers for today x free saturday 8-4",
     "dzięki za dzisiaj, w sobotę znowu mogę 8-16", "gracias por lo de hoy, el sábado puedo de 8 a 4",
     "obrigada por hoje, sábado posso das 8 às 16", "mersi pentru azi, sâmbătă pot 8-16"],
)  # fmt: skip
def test_thanks_for_today_with_free_time_is_free_on_the_day_said_alone(db, now, ann, body):
    """Before, "thanks for today, free sat 8-4" was free today 8-4 as well as Saturday."""
    text(db, body, now)
    assert free_hours(db) == ["28 08:00-16:00"]


@pytest.mark.parametrize(
    "body",
    ["can i add cleaning", "i want to add cleaning", "could you add cleaning please",
     "chcę dodać sprzątanie", "quiero añadir limpieza", "quero adicionar limpeza",
     "vreau să adaug curățenie"],
)  # fmt: skip
def test_asking_to_add_a_kind_of_work_is_asked_back_with_both(db, now, ann, body):
    """Before, "can i add cleaning" went to a person; the change is asked back, care kept."""
    text(db, body, now)
    with db.read() as session:
        asked = session.exec(select(Notice).order_by(Notice.id.desc())).first()
        assert skills_of(session, ann) == ["care"]
    assert asked.kind == "confirm_skills" and asked.data["skills"] == ["care", "cleaning"]


@pytest.mark.parametrize(
    "body", ["what is my rate per hour", "qual é o meu valor por hora", "whats my rate an hour"]
)
def test_asking_the_own_rate_per_hour_is_told_the_terms(db, now, ann, body):
    """Before, "what is my rate per hour" went to a person."""
    (told,) = text(db, body, now)
    assert "13" in told
    with db.read() as session:
        assert session.exec(select(InboxThread)).all() == []


@pytest.mark.parametrize(
    "body",
    ["Im not free saturday morning but free in the afternoon 1-5",
     "w sobotę rano nie mogę, ale po południu od 13 do 17 tak",
     "el sábado por la mañana no puedo pero por la tarde de 1 a 5 sí",
     "sábado de manhã não posso, mas à tarde das 13 às 17 sim",
     "sâmbătă dimineață nu pot, dar după-amiază de la 13 la 17 da",
     "saturday morning no but afternoon 1-5 yes"],
)  # fmt: skip
def test_a_morning_given_up_and_an_afternoon_offered_is_that_afternoon(db, now, ann, body):
    """Before, "not free saturday morning but free in the afternoon 1-5" asked to give up all
    of Saturday and saved 1-5 today; "saturday morning no but afternoon 1-5 yes" was 1am-5am."""
    text(db, body, now)
    assert free_hours(db) == ["28 13:00-17:00"]


def test_a_morning_given_up_replaces_the_day_s_free_time(db, now, ann):
    text(db, "free sat 8-6", now)
    text(db, "not free sat morning but free in the afternoon 1-5", now)
    assert free_hours(db) == ["28 13:00-17:00"]


@pytest.mark.parametrize(
    "body", ["available tomorrow 9-5 for cleaning only £14", "free sat 9-5 only £15 an hour"]
)
def test_free_time_at_only_a_rate_is_free_time_and_no_dispute(db, now, ann, body):
    """Before, "available tomorrow 9-5 for cleaning only £14" was read as a complaint about pay
    ("only £14") and the worker told there was no booking to dispute; the free time was lost."""
    (saved,) = text(db, body, now)
    assert saved.startswith("Got it: free")
    with db.read() as session:
        assert session.exec(select(InboxThread)).all() == []


@pytest.mark.parametrize(
    ("body", "miles"),
    [("free sat 9-5 within 3 miles", 3), ("free sat 9-5 but no further than 5 miles", 5),
     ("wolna w sobotę 9-17, max 5 km", 3), ("wolna w sobotę 9-17 do 5 km od domu", 3),
     ("libre el sábado de 9 a 5, máximo 5 km", 3), ("livre sábado das 9 às 17, até 5 km", 3),
     ("liberă sâmbătă 9-17, maxim 5 km", 3)],
)  # fmt: skip
def test_free_time_with_how_far_saves_the_time_and_asks_the_distance(db, now, ann, body, miles):
    """Before, "free sat 9-5 within 3 miles" asked only about the distance and the free time
    was lost; in Polish, Spanish, Portuguese and Romanian "5 km" was asked as an hourly rate."""
    text(db, body, now)
    assert free_hours(db) == ["28 09:00-17:00"]
    with db.read() as session:
        asked = session.exec(select(Notice).order_by(Notice.id.desc())).first()
        assert session.get(Worker, ann).travel_miles is None  # nothing changed on a guess
    assert asked.kind == "confirm_travel" and asked.data["miles"] == miles


@pytest.mark.parametrize(
    "body",
    ["I'm done for today, free sat 9-5", "done, available saturday 9-5",
     "skończyłam, w sobotę wolna 9-17", "terminé, el sábado estoy libre de 9 a 5",
     "terminei, no sábado estou livre das 9 às 17", "am terminat, sâmbătă sunt liberă 9-17"],
)  # fmt: skip
def test_done_with_free_time_besides_sends_the_booked_hours_and_saves_the_time(db, now, ann, body):
    """Before, "I'm done for today, free tomorrow 9-5" sent the buyer 8 hours worked (the free
    time's 9-5) for a 4-hour shift, and lost the free time; "terminé, el sábado estoy libre de 9
    a 5" saved the free time and never checked out."""
    with db.write() as session:
        booking, shift, _ = book(session, now, ANN, start=now.replace(hour=11))
    drain(db, SimulatorGateway(), now)
    text(db, body, shift.end)
    with db.read() as session:
        (timesheet,) = session.exec(select(Timesheet)).all()
    assert timesheet.worker_minutes == 240
    assert "28 09:00-17:00" in free_hours(db)


def test_a_slip_put_right_with_a_booking_opens_no_dispute(db, now, ann):
    """Before, "stop, wrong one, I meant sunday" was a complaint ("wrong"), asked what went
    wrong with the shift worked."""
    with db.write() as session:
        book(session, now, start=now.replace(hour=11))  # worked today, so one to dispute
    drain(db, SimulatorGateway(), now)
    at = now + timedelta(hours=6)
    text(db, "stop, wrong one, I meant sunday", at)
    with db.read() as session:
        assert session.exec(select(Dispute)).all() == []
        said = session.exec(select(Notice.kind).where(Notice.created_at == at)).all()
    assert not {"dispute_category", "ask_dispute_ref", "ask_dispute"} & set(said), said


def test_done_with_another_job_and_free_now_is_free_time(db, now, ann):
    """Before, "done with my last job, available now till 6" was a question for shifts ("job
    available"), and the free time was lost."""
    text(db, "done with my last job, available now till 6", now)
    assert free_hours(db) == ["26 10:00-18:00"]


@pytest.mark.parametrize(
    ("body", "asked"),
    [("raise my rate by £1", 1400), ("put my rate up by 50p", 1350),
     ("£1 more an hour please", 1400), ("podnieś mi stawkę o 1 funta", 1400),
     ("súbeme la tarifa en 1 libra", 1400), ("măriți-mi tariful cu 1 liră", 1400),
     ("lower my rate by 20p", 1280)],
)  # fmt: skip
def test_a_rate_raised_by_so_much_is_asked_back_as_the_new_rate(db, now, ann, body, asked):
    """Before, "raise my rate by £1" went to a person. The rate (£13) stays until the worker
    sends the RATE asked for."""
    text(db, body, now)
    with db.read() as session:
        said = session.exec(select(Notice).order_by(Notice.id.desc())).first()
        assert session.get(Worker, ann).asking_rate_minor == 1300
    assert said.kind == "confirm_rate" and said.data["rate"] == asked


@pytest.mark.parametrize(
    ("body", "kept"),
    [("free sat 9-5, not sunday", ["28 09:00-17:00"]),
     ("free saturday 9-5, sunday no", ["28 09:00-17:00"]),
     ("w sobotę mogę 9-17, w niedzielę nie", ["28 09:00-17:00"]),
     ("el sábado puedo de 9 a 5, el domingo no", ["28 09:00-17:00"]),
     ("not today, sat 9-5", ["28 09:00-17:00"]),
     ("not friday, the day after 9-5", ["28 09:00-17:00"]),
     ("nie dzisiaj, w sobotę 9-17", ["28 09:00-17:00"])],
)  # fmt: skip
def test_a_day_refused_beside_free_time_is_left_out(db, now, ann, body, kept):
    """Before, "not today, sat 9-5" and "nie dzisiaj, w sobotę 9-17" went to a person or were
    free today too; "not friday, the day after 9-5" was free today."""
    text(db, body, now)
    assert free_hours(db) == kept


def test_a_day_refused_after_a_day_without_hours_asks_the_hours_of_that_day(db, now, ann):
    """Before, "available tomorrow, not today" went to a person."""
    (asked,) = text(db, "available saturday, not sunday", now)
    assert asked.startswith("What times are you free sat?")


@pytest.mark.parametrize(
    "body",
    ["the saturday one please and maybe sunday", "ill take saturday, maybe sunday too",
     "the saturday one, perhaps the sunday one later", "quero o de sábado, o de domingo talvez",
     "o iau pe cea de sâmbătă, poate și duminică", "biorę sobotę, może niedzielę",
     "quiero el del sábado, el domingo quizás"],
)  # fmt: skip
def test_one_day_taken_and_another_maybe_books_the_one_and_leaves_the_other_open(
    db, now, ann, body
):
    """Before, "the saturday one please and maybe sunday" went to a person while both offers
    ran out."""
    offered_on(db, now, ann, (2, 3))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        (booking,) = session.exec(select(Booking)).all()
        shift = session.get(Shift, booking.shift_id)
        statuses = sorted(o.status for o in session.exec(select(Offer)))
    assert shift.start.day == 28 and statuses == [OfferStatus.ACCEPTED, OfferStatus.LIVE]


@pytest.mark.parametrize(
    "body",
    ["can i speak to someone", "puedo hablar con alguien", "posso falar com alguém",
     "pot vorbi cu cineva", "czy mogę porozmawiać z kimś"],
)  # fmt: skip
def test_asking_to_speak_to_someone_goes_to_a_person(db, now, ann, body):
    """Before, "puedo hablar con alguien" ("can I speak to someone") was asked what times the
    worker was free: "puedo" is "I can"."""
    text(db, body, now)
    with db.read() as session:
        (thread,) = session.exec(select(InboxThread)).all()
        said = session.exec(select(Notice.kind).where(Notice.created_at == now)).all()
    assert thread.reason == "not_understood" and "ask_times" not in said


@pytest.mark.parametrize(
    ("first", "hours", "example"),
    [("free next week", "9-5", "9am-5pm"), ("free all week", "8-4", "8am-4pm"),
     ("free all next week except tuesday", "9-5", "9am-5pm"),
     ("wolna w przyszłym tygodniu", "9-17", "9-17"),
     ("libre toda la semana que viene menos el martes", "de 9 a 5", "9-17")],
)  # fmt: skip
def test_hours_alone_after_which_days_save_nothing_and_ask_again(
    db, now, ann, first, hours, example
):
    """Before, "9-5" just after "Which date?" or "Which days?" saved today 10:00-17:00, a day
    nobody said; the day is asked again, the hours kept in the example."""
    text(db, first, now)
    (asked,) = text(db, hours, now + timedelta(minutes=1))
    assert example in asked and "?" in asked
    assert free_hours(db) == []


@pytest.mark.parametrize(
    ("first", "answer", "saved"),
    [("free next week", "mon wed 9-5", ["07 09:00-17:00", "09 09:00-17:00"]),
     ("wolna w przyszłym tygodniu", "poniedziałek i środa 9-17", ["07 09:00-17:00", "09 09:00-17:00"]),
     ("free every day next week except tuesday", "9-5",
      ["07 09:00-17:00", "09 09:00-17:00", "10 09:00-17:00", "11 09:00-17:00", "12 09:00-17:00",
       "13 09:00-17:00"]),
     ("w przyszłym tygodniu wolna codziennie oprócz wtorku", "9-17",
      ["07 09:00-17:00", "09 09:00-17:00", "10 09:00-17:00", "11 09:00-17:00", "12 09:00-17:00",
       "13 09:00-17:00"])],
)  # fmt: skip
def test_next_week_asked_back_is_next_weeks_days(db, now, ann, first, answer, saved):
    """Said on a Monday. Before, "free every day next week except tuesday" was asked "What times
    are you free mon tue wed thu fri sat sun?" (Tuesday offered back) and "9-5" saved this
    week's days; the days asked about, and saved, are next week's."""
    monday = now + timedelta(days=4)
    (asked,) = text(db, first, monday)
    assert "tue " not in asked and "wtorek" not in asked
    text(db, answer, monday + timedelta(minutes=1))
    assert free_hours(db) == saved


@pytest.mark.parametrize(
    ("first", "answer"),
    [("free sat 9-5 14", "yes"), ("free sat 9-5 14", "14 is my rate"),
     ("free sat 9-5 14", "yes 14 an hour"), ("free sat 9-5 14", "yes thats my rate"),
     ("wolna sobota 9-17 14", "tak, 14 funtów za godzinę"), ("libre el sábado de 9 a 5 14", "sí"),
     ("livre sábado das 9 às 17 14", "sim, 14 por hora"), ("liberă sâmbătă 9-17 14", "da")],
)  # fmt: skip
def test_yes_to_is_that_your_rate_saves_the_free_time_at_that_rate(db, now, ann, first, answer):
    """Before, "yes" to "Is 14 your rate per hour?" was asked the same again, and "14 is my
    rate" went to a person: the free time was never saved."""
    (asked,) = text(db, first, now)
    assert "14" in asked and "?" in asked
    text(db, answer, now + timedelta(minutes=1))
    assert free_hours(db) == ["28 09:00-17:00"]
    with db.read() as session:
        assert session.get(Worker, ann).asking_rate_minor == 1400


@pytest.mark.parametrize("answer", ["no", "15 an hour", "no thats my postcode"])
def test_anything_but_yes_to_is_that_your_rate_saves_nothing(db, now, ann, answer):
    text(db, "free sat 9-5 14", now)
    text(db, answer, now + timedelta(minutes=1))
    assert free_hours(db) == []
    with db.read() as session:
        assert session.get(Worker, ann).asking_rate_minor == 1300


@pytest.mark.parametrize(
    "body", ["free sat 9-12 and 2-5", "w sobotę 9-12 i 14-17", "el sábado de 9 a 12 y de 2 a 5"]
)
def test_two_spans_on_one_day_are_both_saved(db, now, ann, body):
    """Before, "free sat 9-12 and 2-5" was answered "One time range per text, please"."""
    text(db, body, now)
    assert free_hours(db) == ["28 09:00-12:00", "28 14:00-17:00"]


def test_further_without_a_distance_is_asked_how_far_and_the_answer_asked_back(db, now, ann):
    """Before, "i can travel further now" went to a person and "10 miles" after it was not
    answered at all."""
    (asked,) = text(db, "i can travel further now", now)
    assert "How far will you travel?" in asked
    (confirm,) = text(db, "10 miles", now + timedelta(minutes=1))
    assert "TRAVEL 10" in confirm
    text(db, "yes", now + timedelta(minutes=2))
    with db.read() as session:
        assert session.get(Worker, ann).travel_miles == 10


def test_miles_beside_free_time_are_no_rate(db, now, ann):
    """Before, "free sat 9-5 10 miles" was asked "Is 10 your rate per hour?" and not saved."""
    told = text(db, "free sat 9-5 10 miles", now)
    assert not any("rate" in reply for reply in told)
    assert any("TRAVEL 10" in reply for reply in told)
    assert free_hours(db) == ["28 09:00-17:00"]


@pytest.mark.parametrize(
    "body", ["i want to add more skills", "can i add another skill", "please add some new skills"]
)
def test_adding_skills_none_named_is_asked_which(db, now, ann, body):
    """Before, each went to a person."""
    (asked,) = text(db, body, now)
    assert "Which skills?" in asked


@pytest.mark.parametrize(
    "body",
    ["free saturday night into sunday 10pm-6am", "free sat night to sun morning 22-6",
     "mogę w nocy z soboty na niedzielę 22-6", "libre la noche del sábado al domingo de 10 a 6",
     "livre noite de sábado para domingo das 22 às 6",
     "liberă noaptea de sâmbătă spre duminică 22-6"],
)  # fmt: skip
def test_one_night_from_a_day_into_the_next_is_that_night_alone(db, now, ann, body):
    """Before, Saturday night into Sunday saved Sunday night too, a night nobody offered."""
    text(db, body, now)
    assert free_hours(db) == ["28 22:00-06:00"]


def test_two_nights_named_are_both_saved(db, now, ann):
    text(db, "free sat and sun nights 10pm-6am", now)
    assert free_hours(db) == ["28 22:00-06:00", "29 22:00-06:00"]


@pytest.mark.parametrize(
    "body",
    ["yes and can you add cleaning to my skills", "yes please, also can you add cleaning",
     "tak, i dodajcie mi sprzątanie", "sim, e adicionem limpeza", "da, și adăugați curățenie"],
)  # fmt: skip
def test_a_yes_with_a_skill_to_add_books_and_asks_the_change_back(db, now, ann, body):
    """Before, "yes and can you add cleaning to my skills" was read as the skills alone: the
    offer was never taken."""
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert session.exec(select(Booking)).one().status == "booked"
        asked = session.exec(select(Notice).order_by(Notice.id.desc())).first()
        assert skills_of(session, ann) == ["care"]
    assert asked.kind == "confirm_skills" and asked.data["skills"] == ["care", "cleaning"]


@pytest.mark.parametrize(
    "body",
    ["no thanks but my rate is 15 now", "nie, dzięki, ale zmień mi stawkę na 15",
     "no, gracias, pero cambia mi tarifa a 15"],
)  # fmt: skip
def test_a_no_with_a_new_rate_passes_and_asks_the_rate_back(db, now, ann, body):
    """Before, the new rate was lost: only the pass was read."""
    offered_on(db, now, ann, (2,))
    text(db, body, now + timedelta(minutes=1))
    with db.read() as session:
        assert session.exec(select(Booking)).all() == []
        asked = session.exec(select(Notice).order_by(Notice.id.desc())).first()
        assert session.get(Worker, ann).asking_rate_minor == 1300
    assert asked.kind == "confirm_rate" and asked.data["rate"] == 1500


@pytest.mark.parametrize(
    ("complaint", "language", "asked", "name", "confirmed"),
    [
        ("my name is spelled wrong", "en", "What is your name?", "Anne Smith", "yes"),
        ("you have my name wrong, its Anne", "en", "What is your name?", "Anne Smith", "yes"),
        ("źle napisaliście moje imię", "pl", "Jak się nazywasz?", "Anna Kowalska", "tak"),
        ("mi nombre está mal escrito", "es", "¿Cómo te llamas?", "Ana López", "sí"),
        ("o meu nome está errado", "pt", "Qual é o seu nome?", "Ana Silva", "sim"),
        ("mi-ați scris greșit numele", "ro", "Cum te numești?", "Ana Popescu", "da"),
    ],
)
def test_a_name_written_wrong_is_asked_for_and_put_right_once_confirmed(
    db, now, ann, complaint, language, asked, name, confirmed
):
    """Before, "my name is spelled wrong" was a dispute: "no bookings in the last 60 days to
    dispute", or with a shift worked, a complaint about it told to the buyer."""
    speaking(db, ann, language)
    (reply,) = text(db, complaint, now)
    assert reply.startswith(asked), reply
    (reply,) = text(db, name, now + timedelta(minutes=1))
    assert name in reply and "?" in reply, reply  # asked to confirm, nothing changed yet
    with db.read() as session:
        assert session.exec(select(Worker)).one().name == "Worker 0101"
        assert session.exec(select(Dispute)).all() == []
    text(db, confirmed, now + timedelta(minutes=2))
    with db.read() as session:
        assert session.exec(select(Worker)).one().name == name


@pytest.mark.parametrize(
    ("language", "yes", "slip", "asked"),
    [
        ("en", "yes", "sorry i meant no", "Drop your care shift"),
        ("pl", "tak", "przepraszam, miało być nie", "Zrezygnować ze zmiany"),
        ("es", "sí", "perdón, quise decir que no", "¿Cancelar tu turno"),
        ("pt", "sim", "desculpa, queria dizer não", "Cancelar o seu turno"),
        ("ro", "da", "scuze, am vrut să zic nu", "Renunți la tura"),
    ],
)
def test_a_yes_put_right_as_a_no_just_after_booking_asks_to_drop_it(
    db, now, ann, language, yes, slip, asked
):
    """Before, "sorry i meant no" went to a person and "miało być nie" was answered as a
    dispute ("no bookings in the last 60 days to dispute")."""
    speaking(db, ann, language)
    offered_on(db, now, ann, (1,))
    text(db, yes, now + timedelta(minutes=1))
    (reply,) = text(db, slip, now + timedelta(minutes=2))
    assert reply.startswith(asked), reply
    with db.read() as session:  # asked, nothing dropped yet
        assert session.exec(select(Booking)).one().status == "booked"


def test_a_day_picked_from_the_list_after_a_slip_is_taken(db, now, ann):
    """Before, "oops wrong one, i meant the saturday" after "You have 2 offers" went to a person."""
    offered_on(db, now, ann, (1, 2))
    text(db, "Y", now + timedelta(minutes=1))
    replies = text(db, "oops wrong one, i meant the saturday", now + timedelta(minutes=2))
    assert replies[0].startswith("Booked: care at Rosewood, E1 6AN, Sat 28 Nov"), replies


@pytest.mark.parametrize(
    ("body", "answer", "day"),
    [
        ("free tomorrow 10-4", "today", 28),
        ("free tomorrow 10-4", "the 29th", 29),
        ("free tomorrow 10-4", "tomorrow", 29),
        ("jutro wolna 10-16", "dziś", 28),
    ],
)
def test_tomorrow_said_after_midnight_asks_which_day_and_keeps_the_hours(
    db, now, ann, body, answer, day
):
    """Before, "free tomorrow 10-4" at half past midnight was saved for the day after the one
    starting, which the worker may well have meant; now both days are named, and the answer
    keeps the hours the worker gave."""
    night = now.replace(day=28, hour=0, minute=30)
    (asked,) = text(db, body, night)
    assert asked.startswith(("Today, Sat 28 Nov, or Sun 29 Nov?", "Dziś, sob 28 lis, czy"))
    text(db, answer, night)
    windows = free_windows(db, ann)
    assert any((w.start.day, w.start.hour, w.end.hour) == (day, 10, 16) for w in windows), windows


@pytest.mark.parametrize(
    ("body", "hours", "asked"),
    [
        ("free 1-4 dec", "9-5", "What times are you free 1/12-4/12?"),
        ("wolna 1-4 grudnia", "8-16", "W jakich godzinach masz czas 1/12-4/12?"),
    ],
)
def test_a_few_dates_without_hours_ask_the_hours_and_keep_every_date(
    db, now, ann, body, hours, asked
):
    """Before, "free 1-4 dec" was asked "Which date?", as if only one could be meant; now the
    hours are asked, and the answer is free time on each of the dates."""
    (question,) = text(db, body, now)
    assert question.startswith(asked)
    text(db, hours, now)
    days = sorted(w.start.day for w in free_windows(db, ann) if w.start.month == 12)
    assert days == [1, 2, 3, 4]


def free_windows(db, worker_id: int) -> list[AvailabilityWindow]:
    with db.read() as session:
        return list(
            session.exec(
                select(AvailabilityWindow).where(AvailabilityWindow.worker_id == worker_id)
            )
        )
