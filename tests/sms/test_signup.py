"""Sign-up by conversation: each answer checked, a wrong one asked again with an example."""

from datetime import timedelta

import pytest
from sqlmodel import select

from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from store.models import (
    AvailabilityWindow,
    Conversation,
    InboxThread,
    Operator,
    Worker,
    WorkerSkill,
)
from tests import factories

NEW = "+447700900555"


def text(db, body, at, phone=NEW) -> str:
    deliver(db, phone, body, at)
    (reply,) = [m.body for m in drain(db, SimulatorGateway(), at)]
    return reply


@pytest.fixture
def asked_name(db, now):
    assert "What is your name?" in text(db, "available sat 9-5", now)


def test_any_first_text_from_a_new_number_starts_sign_up(db, now, asked_name):
    with db.read() as session:
        assert session.exec(select(Worker)).one().status == "signing_up"


def test_a_name_that_is_not_a_name_is_asked_again_with_an_example(db, now, asked_name):
    assert text(db, "12345", now) == "Please send just your name, e.g. Ann Smith."


@pytest.mark.parametrize(
    "answer", ["yes", "ok", "yes please", "thank you", "Sorry", "Idk", "dunno", "Hmm"]
)
def test_yes_or_hello_is_no_name_and_is_asked_again(db, now, asked_name, answer):
    """Before, "yes" became the worker's name: "Thanks yes."; "Sorry" and "Idk" until the
    last stop."""
    assert text(db, answer, now) == "Please send just your name, e.g. Ann Smith."


@pytest.mark.parametrize(
    "question",
    # who is asking: before, "Please send just your name" (elsewhere a person answers it)
    [
        "whats this about?",
        "what's this for",
        "co to jest?",
        "who is this?",
        "kto to?",
        "who are u",
        # before, "Please send just your name, e.g. Ann Smith."
        "why do you need my name",
        "is this a scam",
        "who gave you my number?",
        "how did you get my number",
        "czy to oszustwo?",
        "po co wam moje imię?",
        "skąd macie mój numer?",
        "¿es una estafa?",
        "¿para qué necesitan mi nombre?",
        "isso é golpe?",
        "quem te deu meu número?",
        "e o țeapă?",
        "cine v-a dat numărul meu?",
    ],
)
def test_asking_what_this_is_is_told_then_asked_the_name_again(db, now, asked_name, question):
    """Before, "whats this about?" heard only "Please send just your name"."""
    deliver(db, NEW, question, now)
    told, again = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert told.startswith("POEMS signs you up in a few texts")
    assert "name" in again


@pytest.mark.parametrize("answer", ["no thanks", "not interested", "nie, dziękuję", "no gracias"])
def test_no_thanks_to_the_name_is_left_there_and_a_name_later_goes_on(db, now, asked_name, answer):
    """Before, "no thanks" to "What is your name?" was asked for a name again and again."""
    assert text(db, answer, now).startswith(("No problem.", "Nie ma sprawy.", "Sin problema."))
    with db.read() as session:
        assert session.exec(select(Worker)).one().name is None
    assert text(db, "Ann Smith", now + timedelta(minutes=1)).startswith(
        ("Thanks Ann Smith.", "Dziekujemy, Ann Smith.", "Gracias, Ann Smith.")
    )


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("call me Jo", "Jo"),
        ("Callum", "Callum"),
        ("ok. Sam", "Sam"),
        ("hi, Ann Smith", "Ann Smith"),
    ],
)
def test_call_me_gives_the_name_alone(db, now, asked_name, answer, name):
    """Before, the worker's name was "call me Jo", or "ok. Sam"."""
    assert text(db, answer, now).startswith(f"Thanks {name}.")


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("me llamo Rosa Martinez", "Rosa Martinez"),
        ("my name is Rosa Martinez", "Rosa Martinez"),
        ("I am Sam", "Sam"),
        ("jestem Kasia Nowak", "Kasia Nowak"),
        ("soy Rosa Martinez", "Rosa Martinez"),
    ],
)
def test_a_name_is_kept_as_written_though_it_is_a_word_or_a_slip_of_one(
    db, now, asked_name, answer, name
):
    """Before, "Martinez" was mended into "martie" (Romanian for March), so the worker was
    "Rosa" or asked again; "Sam" read as Polish "alone"; "jestem" and "soy" kept as names."""
    assert text(db, answer, now).startswith(f"Thanks {name}.")


@pytest.mark.parametrize(
    ("first", "thanks"),
    [
        ("Cześć, tu Kasia z Wrocławia", "Dziekujemy, Kasia."),
        ("hola soy Lucia de Madrid", "Gracias, Lucia."),
        ("hi im Anna from Leeds", "Thanks Anna."),
    ],
)
def test_a_name_said_with_where_they_are_from_is_the_name_alone(db, now, first, thanks):
    """Before, the worker was "Kasia z" and "Lucia de": the word for "from" read as a name."""
    deliver(db, NEW, first, now)
    replies = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert replies[-1].startswith(thanks), replies


def test_a_birth_date_with_dashes_is_taken(db, now, asked_name):
    """Before, "01-02-1990" was read as free time, 1am to 2am, and the date asked again."""
    text(db, "Tom", now)
    text(db, "1", now)
    text(db, "E1 6AN", now)
    assert "hourly rate" in text(db, "01-02-1990", now)


@pytest.mark.parametrize("answer", ["cancel tomorrows shift", "need work tomorrow"])
def test_words_of_the_market_are_no_name_and_are_asked_again(db, now, asked_name, answer):
    """Before, "cancel tomorrows shift" became the worker's name."""
    assert text(db, answer, now) == "Please send just your name, e.g. Ann Smith."
    with db.read() as session:
        assert session.exec(select(Worker)).one().name != answer


@pytest.mark.parametrize(
    ("first", "name", "thanks"),
    [
        ("hi, looking for work", "Precious", "Thanks Precious."),
        ("hi, looking for work", "Dolores", "Thanks Dolores."),
        ("Dzień dobry, szukam pracy", "Ola", "Dziekujemy, Ola."),
    ],
)
def test_a_name_that_is_a_word_elsewhere_is_still_a_name(db, now, first, name, thanks):
    """Before, "Precious" read as "precios" (prices) and "Ola" as Portuguese for hello: asked
    again, or the sign-up started over."""
    text(db, first, now)
    assert text(db, name, now).startswith(thanks)


def test_hello_in_the_workers_own_language_is_no_name(db, now):
    text(db, "hola, busco trabajo", now)
    deliver(db, NEW, "Hola", now)
    replies = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert replies[-1].endswith("¿Cómo te llamas?")
    with db.read() as session:
        assert session.exec(select(Worker)).one().name is None


def test_skills_outside_the_list_are_asked_again_with_the_list(db, now, asked_name):
    text(db, "Ann Smith", now)
    reply = text(db, "9 12", now)
    assert reply.startswith("Please reply with numbers from the list, e.g. 1 3: 1 care")


def test_skills_can_be_named_instead_of_numbered(db, now, asked_name):
    text(db, "Ann Smith", now)
    assert "postcode" in text(db, "care, cleaning", now).lower()


def test_a_bad_postcode_is_asked_again_with_an_example(db, now, asked_name):
    text(db, "Ann Smith", now)
    text(db, "1", now)
    assert text(db, "my house", now) == "That is not a postcode or ZIP. Please send one like E1 6AN"


def test_a_bad_rate_is_asked_again_with_an_example(db, now, asked_name):
    for answer in ("Ann Smith", "1 3", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    assert text(db, "lots", now) == "Please send an hourly rate as a number, e.g. 13.50"


def test_finishing_sign_up_registers_the_worker_with_their_own_terms(db, now, asked_name):
    for answer in ("Ann Smith", "1 3", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    deliver(db, NEW, "£13.50 an hour", now)
    done, kept = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert done.startswith("You're in, Ann Smith: care, kitchen, near E1 6AN, £13.50/hr.")
    # The first text said when: that free time is kept, not lost to the questions.
    assert kept == "Got it: free Sat 28 Nov 09:00-17:00. We'll text you offers that fit."
    with db.read() as session:
        (window,) = session.exec(select(AvailabilityWindow)).all()
    assert window.start.isoformat().startswith("2026-11-28T09:00")
    with db.read() as session:
        worker = session.exec(select(Worker)).one()
        skills = session.exec(select(WorkerSkill.skill)).all()
    assert (worker.status, worker.asking_rate_minor, worker.postcode) == ("active", 1350, "E1 6AN")
    assert worker.travel_areas == ["E"] and sorted(skills) == ["care", "kitchen"]


@pytest.mark.parametrize("asked", ["dob", "rate"])
def test_free_time_said_mid_sign_up_is_no_answer_and_is_kept_for_its_end(
    db, now, asked_name, asked
):
    """Before, "free sun 8-4" when the rate was asked set a rate of £8.00 (or, refused as under
    the minimum, was lost); asked the date of birth, it was no date. The first text's free time
    (Saturday) is kept beside it."""
    answers = ["Ann Smith", "1 3", "e1 6an", "31/12/1990", "£13.50 an hour"]
    at = answers.index("31/12/1990") + (asked == "rate")
    for answer in answers[:at]:
        text(db, answer, now)
    assert "free" not in text(db, "free sun 8-4", now)
    for answer in answers[at:]:
        deliver(db, NEW, answer, now)
    sent = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert sent[-2:] == [
        "Got it: free Sat 28 Nov 09:00-17:00. We'll text you offers that fit.",
        "Got it: free Sun 29 Nov 08:00-16:00. We'll text you offers that fit.",
    ]
    with db.read() as session:
        assert session.exec(select(Worker)).one().asking_rate_minor == 1350


def test_free_time_in_the_first_text_that_is_over_by_the_end_of_sign_up_is_let_go(db, now):
    text(db, "free today 9-11", now)
    later = now + timedelta(hours=6)
    for answer in ("Ann Smith", "1 3", "e1 6an", "31/12/1990"):
        text(db, answer, later)
    assert text(db, "£13.50", later).startswith("You're in, Ann Smith")
    with db.read() as session:
        assert session.exec(select(AvailabilityWindow)).all() == []


def test_join_starts_sign_up_again(db, now, asked_name):
    text(db, "Ann Smith", now)
    assert "What is your name?" in text(db, "JOIN", now + timedelta(minutes=1))


def test_an_operator_cannot_sign_up_as_a_worker(db, now):
    with db.write() as session:
        session.add(Operator(username="sam", name="Sam", role="staff", phone=NEW))
    assert text(db, "hello", now) == "Operators of the exchange cannot buy or sell on it."


def test_a_buyer_texting_is_told_how_to_post(db, now):
    with db.write() as session:
        factories.buyer(session, phone=NEW)
    assert "buyers" in text(db, "hello", now).lower()


@pytest.mark.parametrize("body", ["wrong number sorry", "thanks", "ignore that"])
def test_a_new_number_asking_for_nothing_is_kept_and_not_signed_up(db, now, body):
    deliver(db, NEW, body, now)
    assert drain(db, SimulatorGateway(), now) == []
    with db.read() as session:
        assert session.exec(select(Worker)).all() == []


@pytest.mark.parametrize(
    ("body", "welcome"),
    [
        ("hi my name is Ahmed i need work", "Welcome to POEMS"),
        ("cześć, jestem Kasia, szukam pracy", "Witamy w POEMS"),
    ],
)
def test_a_first_text_that_gives_the_name_is_still_welcomed_first(db, now, body, welcome):
    deliver(db, NEW, body, now)
    hello, question = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert hello.startswith(welcome) and "?" not in hello
    assert "Ahmed" in question or "Kasia" in question


@pytest.mark.parametrize(
    "born",
    ["3 de marzo de 1985", "3 marca 1985", "3 martie 1985", "dia 3 de março de 1985",
     "the 3rd of March 1985", "nací el 3 de marzo de 1985", "urodziłam się 3 marca 1985",
     "m-am nascut pe 3 martie 1985", "born 03/03/1985 thanks"],
)  # fmt: skip
def test_a_date_of_birth_with_the_month_in_words_is_taken_in_each_language(
    db, now, asked_name, born
):
    """Before, "3 de marzo de 1985" was asked again, with only 31/12/1990 as the example."""
    for answer in ("Ann Smith", "1", "e1 6an"):
        text(db, answer, now)
    text(db, born, now)  # the rate asked next, in the language the date was written in
    with db.read() as session:
        assert session.exec(select(Conversation)).one().step == "rate"
    deliver(db, NEW, "13.50", now)
    drain(db, SimulatorGateway(), now)
    with db.read() as session:
        worker = session.exec(select(Worker)).one()
    assert (worker.status, worker.date_of_birth.isoformat()) == ("active", "1985-03-03")


@pytest.mark.parametrize(
    "rate", ["thirteen fifty", "13 50", "trece con cincuenta", "trzynaście pięćdziesiąt"]
)
def test_a_rate_said_as_pounds_then_pence_keeps_the_pence(db, now, asked_name, rate):
    """Before, "thirteen fifty" was £13.00."""
    for answer in ("Ann Smith", "1", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    deliver(db, NEW, rate, now)
    drain(db, SimulatorGateway(), now)
    with db.read() as session:
        worker = session.exec(select(Worker)).one()
    assert (worker.status, worker.asking_rate_minor) == ("active", 1350)


def test_a_rate_in_the_worker_s_home_money_is_asked_again_in_the_market_s(db, now, asked_name):
    """Before, "12,50 zł" was taken as £12.50."""
    for answer in ("Ann Smith", "1", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    assert text(db, "12,50 zł", now).startswith("Rates here are in GBP.")
    with db.read() as session:
        assert session.exec(select(Worker)).one().status == "signing_up"


def test_a_rate_in_home_money_sent_before_it_is_asked_is_not_kept_in_the_market_s(
    db, now, asked_name
):
    """Before, "12 zl" sent when the birth date was asked was kept as £12, and the rate's own
    question was never asked (the worker only heard £12 was under the minimum)."""
    for answer in ("Ann Smith", "1", "e1 6an"):
        text(db, answer, now)
    text(db, "12 zl", now)
    assert text(db, "31/12/1990", now).startswith("Your lowest hourly rate?")


@pytest.mark.parametrize(
    "anything", ["anything really", "all of them", "wszystko", "cualquier cosa"]
)
def test_any_work_at_all_takes_every_kind_of_work_offered(db, now, asked_name, anything):
    """Before, "anything really" was asked again until the sign-up went to a person."""
    text(db, "Ann Smith", now)
    assert "postcode" in text(db, anything, now).lower()


@pytest.mark.parametrize(
    "minimum", ["minimum wage", "the minimum", "płaca minimalna", "salario mínimo"]
)
def test_the_minimum_wage_as_a_rate_is_the_legal_minimum_for_their_age(
    db, now, asked_name, minimum
):
    """Before, "minimum wage" was asked again, as it is no number."""
    for answer in ("Ann Smith", "1", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    deliver(db, NEW, minimum, now)
    (done, _kept) = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert "£12.71/hr" in done
    with db.read() as session:
        assert session.exec(select(Worker)).one().asking_rate_minor == 1271


@pytest.mark.parametrize(
    "question", ["whats the minimum wage", "what is the minimum?", "cuál es el salario mínimo?"]
)
def test_asking_the_minimum_wage_is_told_it_and_the_rate_is_still_theirs_to_say(
    db, now, asked_name, question
):
    """Before, "whats the minimum wage" signed the worker up at the minimum: a question taken
    for their price."""
    for answer in ("Ann Smith", "1", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    told = text(db, question, now)
    assert "12.71" in told or "12,71" in told
    with db.read() as session:
        assert session.exec(select(Worker)).one().status == "signing_up"
    deliver(db, NEW, "13.50", now)
    assert drain(db, SimulatorGateway(), now)[0].body.startswith("You're in, Ann Smith")


@pytest.mark.parametrize("unsure", ["i dont know", "what do others charge", "nie wiem"])
def test_not_knowing_what_to_ask_is_shown_what_others_ask_and_asked_again(
    db, now, asked_name, unsure
):
    """Before, "i dont know" heard only "Please send an hourly rate as a number". The market's
    published rates are shown; the price is never suggested, and stays theirs to say."""
    for answer in ("Ann Smith", "1", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    deliver(db, NEW, unsure, now)
    shown, asked = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert shown.startswith("Not enough data yet for care near E")
    assert asked.startswith("Your lowest hourly rate?")


def test_asking_why_the_birth_date_is_answered_with_the_question_that_says_why(db, now, asked_name):
    for answer in ("Ann Smith", "1", "e1 6an"):
        text(db, answer, now)
    assert "The law here sets pay and working hours by age" in text(
        db, "why do you need my date of birth", now
    )


def test_a_rate_given_with_a_wish_not_to_say_more_is_taken(db, now, asked_name):
    """Not wanting to say something goes to a person only when the question went unanswered."""
    for answer in ("Ann Smith", "1", "e1 6an", "31/12/1990"):
        text(db, answer, now)
    deliver(db, NEW, "£13.50 an hour, id rather not say more", now)
    assert drain(db, SimulatorGateway(), now)[0].body.startswith("You're in, Ann Smith")


def test_not_wanting_to_give_the_birth_date_goes_to_a_person(db, now, asked_name):
    """Before, the question came back each time, until the misses ran out."""
    for answer in ("Ann Smith", "1", "e1 6an"):
        text(db, answer, now)
    assert text(db, "i dont want to give my date of birth", now).startswith(
        "Thanks. A person at POEMS will read this"
    )
    with db.read() as session:
        assert session.exec(select(InboxThread)).one()


@pytest.mark.parametrize("first", ["Y 4821", "Y", "ya"])
def test_a_first_text_that_shows_no_language_is_welcomed_in_english_with_ours_offered(
    db, now, first
):
    """Before, "Y 4821" from a new number was welcomed in Spanish (a "y" is Spanish for and)."""
    reply = text(db, first, now)
    assert reply.startswith("Welcome to POEMS") and "Espanol: ES." in reply
    with db.read() as session:
        assert session.exec(select(Worker)).one().language == "en"


@pytest.mark.parametrize(
    ("first", "language"), [("hola", "es"), ("tak", "pl"), ("olá", "pt"), ("buna ziua", "ro")]
)
def test_a_first_text_that_shows_its_language_is_welcomed_in_it(db, now, first, language):
    text(db, first, now)
    with db.read() as session:
        assert session.exec(select(Worker)).one().language == language


def test_a_full_postcode_sent_after_its_district_puts_the_place_right(db, now, asked_name):
    """Before, "E3 4AB" sent when the birth date was asked was told "Please send your date of
    birth like 31/12/1990", and the worker stayed near "E3"."""
    for answer in ("Jo", "1"):
        text(db, answer, now)
    assert text(db, "e3", now).startswith("Your date of birth?")
    assert text(db, "sorry its E3 4AB", now).startswith("Your date of birth?")
    text(db, "05/03/1992", now)
    deliver(db, NEW, "13", now)
    done = drain(db, SimulatorGateway(), now)[0].body
    assert done.startswith("You're in, Jo: care, near E3 4AB, £13.00/hr.")


def test_a_postcode_sent_before_it_is_asked_is_kept_and_not_counted_a_miss(db, now, asked_name):
    """Before, "E2 7DJ" sent when the work was asked was answered as a wrong answer ("Please reply
    with numbers from the list") and counted against the worker as one."""
    text(db, "Jo", now)
    assert text(db, "E2 7DJ", now).startswith("Thanks Jo. What work do you do?")
    assert text(db, "E2 7DJ", now).startswith("Please reply with numbers from the list")
    assert text(db, "1", now).startswith("Your date of birth?")  # the postcode is not asked
    text(db, "05/03/1992", now)
    deliver(db, NEW, "13", now)
    done = drain(db, SimulatorGateway(), now)[0].body
    assert done.startswith("You're in, Jo: care, near E2 7DJ, £13.00/hr.")


@pytest.mark.parametrize(
    "born", ["3 May 1985", "03/05/1985", "born 3.5.1985", "3/5/85", "03.05.85", "dob 3/5/85"]
)
def test_a_birth_date_sent_before_it_is_asked_is_kept_and_not_asked_again(
    db, now, asked_name, born
):
    """Before, a birth date sent when the postcode was asked was "not a postcode", counted a
    miss, and asked for again later; "3/5/85", as forms take it, until the last stop."""
    text(db, "Jo", now)
    assert text(db, "1", now).startswith("Your postcode or ZIP?")
    assert text(db, born, now).startswith("Your postcode or ZIP?")  # asked, not told it missed
    assert text(db, "E2 7DJ", now).startswith("Your lowest hourly rate?")
    deliver(db, NEW, "13", now)
    drain(db, SimulatorGateway(), now)
    with db.read() as session:
        assert str(session.exec(select(Worker)).one().date_of_birth) == "1985-05-03"


@pytest.mark.parametrize(
    ("first", "name"),
    [
        ("hi im Kasia, born 3 May 1985", "Kasia"),
        ("me llamo Lucía, nací el 3 de marzo de 1990", "Luc"),
        ("Cześć, jestem Ola, urodzona 5 maja 1988", "Ola"),
        ("Bună, sunt Ioana, născută pe 2 martie 1991", "Ioana"),
    ],
)
def test_a_first_text_with_name_and_birth_date_asks_neither_again(db, now, first, name):
    """Before, "born" (and "nací", "urodzona") was read as part of the name, and the birth date
    was asked for again after the postcode."""
    deliver(db, NEW, first, now)
    _, thanks = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert f"{name}" in thanks and "born" not in thanks and "urodzona" not in thanks
    assert "naci" not in thanks.lower() and "născută" not in thanks
    text(db, "1", now)
    reply = text(db, "E2 7DJ", now)
    assert "1990" not in reply and "13.50" in reply  # the rate is asked next, not the birth date


@pytest.mark.parametrize(
    ("answer", "thanks"),
    [
        ("Ann Smith, born 3 May 1985", "Thanks Ann Smith. What work do you do?"),
        ("Ola Nowak ur. 5.05.1988", "Thanks Ola Nowak. What work do you do?"),
        ("Lucía García, nací el 3 de marzo de 1990", "Thanks Lucia Garcia. What work do you do?"),
    ],
)
def test_a_name_given_with_the_birth_date_is_the_name_and_the_date_is_kept(
    db, now, asked_name, answer, thanks
):
    """Before, "Ann Smith, born 3 May 1985" was no name, asked again."""
    assert text(db, answer, now).startswith(thanks)
    text(db, "1", now)
    assert text(db, "E1 6AN", now).startswith("Your lowest hourly rate?")  # no birth date asked


def test_everything_in_the_first_text_signs_up_at_once(db, now):
    """Before, the birth date among the other answers was not seen, and asked for again."""
    deliver(
        db,
        NEW,
        "Hi I'm Anna, I do cleaning and care, postcode E1 6AN, born 3/5/1990, £12.71 an hour",
        now,
    )
    *_, done = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert done.startswith("You're in, Anna: cleaning, care, near E1 6AN, £12.71/hr.")
    with db.read() as session:
        assert str(session.exec(select(Worker)).one().date_of_birth) == "1990-05-03"


def test_answers_given_before_the_name_are_kept_till_it_comes(db, now):
    deliver(db, NEW, "Anna Kowalska, sprzątanie, E1 6AN, 12.03.1988, 13 funtów", now)
    drain(db, SimulatorGateway(), now)
    assert text(db, "Anna Kowalska", now).startswith("Gotowe, Anna Kowalska: sprzątanie")


@pytest.mark.parametrize(
    "answer",
    ["i dont have one", "im homeless at the moment", "dont know it sorry", "no tengo código postal",
     "nie mam kodu pocztowego", "não sei o código", "nu am cod poștal"],
)  # fmt: skip
def test_no_postcode_to_give_goes_to_a_person_at_once(db, now, asked_name, answer):
    """Before, each was told "That is not a postcode" until the fourth miss."""
    text(db, "Tom", now)
    assert "postcode" in text(db, "care", now)
    reply = text(db, answer, now)
    assert "POEMS" in reply and "postcode" not in reply  # a person will write, in their language
    with db.read() as session:
        (thread,) = session.exec(select(InboxThread)).all()
        assert thread.phone == NEW and thread.status == "open"


@pytest.mark.parametrize(
    "born", ["nací el 5 de marzo de 1992", "3/5/1985", "born 3 may 1985", "urodzona 5 marca 1992"]
)
def test_a_birth_date_sent_when_the_work_is_asked_is_kept_and_picks_no_work(
    db, now, asked_name, born
):
    """Before, "nací el 5 de marzo de 1992" to "What work do you do? 1 care ... 5 warehouse"
    signed the worker up for warehouse work, the day of the month read as a choice."""
    text(db, "Ann Smith", now)
    text(db, born, now)
    with db.read() as session:
        asked = session.exec(select(Conversation)).one()
    assert asked.step == "skills" and "skills" not in asked.data  # the work asked again
    text(db, "2", now)
    with db.read() as session:
        (signing_up,) = session.exec(select(Conversation)).all()
    assert signing_up.data["skills"] == ["cleaning"]
    assert signing_up.data["dob"][:4] in ("1985", "1992")


@pytest.mark.parametrize(
    ("answers", "language", "asked"),
    [
        (("hi", "Maria", "cuidados y limpieza"), "es", "código postal"),
        (("hi", "Kasia", "1", "mój kod pocztowy to E3 4AB"), "pl", "Data urodzenia"),
        (("Olá, vi o anúncio no centro de emprego", "Ana Paula", "cuidados e limpeza"), "pt",
         "código postal"),
        (("hello", "Ioana", "îngrijire și curățenie"), "ro", "Codul poștal"),
    ],
)  # fmt: skip
def test_answers_in_another_language_are_asked_the_rest_in_it(db, now, answers, language, asked):
    """Before, a worker who answered the English questions in Portuguese was asked every
    question in English and signed up in English."""
    for answer in answers[:-1]:
        text(db, answer, now)
    assert asked in text(db, answers[-1], now)
    with db.read() as session:
        assert session.exec(select(Worker)).one().language == language


@pytest.mark.parametrize("name", ["Luis de la Fuente", "Maria da Silva", "Joao de Sousa Santos"])
def test_a_name_shows_no_language(db, now, name):
    text(db, "hi", now)
    assert text(db, name, now).startswith(f"Thanks {name}. What work do you do?")
    with db.read() as session:
        assert session.exec(select(Worker)).one().language == "en"


def test_all_said_at_once_with_a_rate_under_the_minimum_is_welcomed_first(db, now):
    """Before, the first text POEMS ever sent this person was "£12.50 is under the legal
    minimum": nothing said who was writing."""
    deliver(db, NEW, "Hi I'm Maria Lopez, I do cleaning, E1 6AN, £12.50, born 3/5/1988", now)
    welcome, minimum = [m.body for m in drain(db, SimulatorGateway(), now)]
    assert welcome.startswith("Welcome to POEMS") and "under the legal minimum" in minimum
    assert "Welcome to POEMS" not in text(db, "£13", now + timedelta(minutes=1))


@pytest.mark.parametrize(
    ("first", "name"),
    [("Bună, sunt Ioana Popescu, fac curățenie, E1 6AN, 13 lire pe oră, născută 12.03.1990",
      "Ioana Popescu"),
     ("hi im Tom, i do cleaning, E1 6AN, £13, born 12/03/1990", "Tom")],
)  # fmt: skip
def test_a_name_ends_at_the_comma_after_it(db, now, first, name):
    """Before, the worker signed up as "Ioana Popescu fac" ("fac": I do)."""
    deliver(db, NEW, first, now)
    drain(db, SimulatorGateway(), now)
    with db.read() as session:
        assert session.exec(select(Worker).where(Worker.phone == NEW)).one().name == name


@pytest.mark.parametrize(
    ("born", "on"),
    [
        ("1 mai 1995", "1995-05-01"),
        ("5 października 1990", "1990-10-05"),
        ("12 iunie 1988", "1988-06-12"),
        ("3 sie 1990", "1990-08-03"),
        ("5 out 1990", "1990-10-05"),
    ],
)
def test_a_birth_month_by_any_of_its_names_in_our_languages_is_taken(db, now, asked_name, born, on):
    """Before, "1 mai 1995" (Romanian May, and "more") and "5 października 1990" were asked
    again and again: month names were a hand-written English list and what the parser knew."""
    for answer in ("Ann Smith", "1", "e1 6an"):
        text(db, answer, now)
    for answer in (born, "13.50"):
        deliver(db, NEW, answer, now)
        drain(db, SimulatorGateway(), now)
    with db.read() as session:
        worker = session.exec(select(Worker)).one()
    assert (worker.status, worker.date_of_birth.isoformat()) == ("active", on)
