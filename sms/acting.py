"""Acting on one stored text: who sent it (worker, buyer, operator, someone new) and what it does."""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from exchange.localtime import local
from exchange.notices import notify_phone, notify_worker
from exchange.operators import is_operator_phone
from services import days, joining
from services.inbox import hand_to_a_person
from services.selling import bookings_to_come, open_offers
from services.terms import take_language_from_texts
from services.unit import TextTransaction
from sms import (
    availability_texts,
    buyer_texts,
    commands,
    confirming,
    day_texts,
    dispute_texts,
    law_texts,
    money_texts,
    signup,
    templates,
)
from sms.parser import Parsed, parse
from sms.parsing.complaints import URGENT
from sms.parsing.days import WEEKDAYS
from store.models import Buyer, Market, Message, Notice, Worker
from store.statuses import WorkerStatus

OPT_IN_WORDS = {"START", "UNSTOP", "YES", "Y"}
# Questions whose bare answer ("9-5", "15 mins", "4 hours") means nothing else.
QUESTIONS_ANSWERED = (
    availability_texts.TIMES_ASKED | day_texts.HOURS_ASKED | frozenset(("how_late",))
)


def market_for(
    session: Session, exchange_phone: str | None, worker: Worker | None = None
) -> Market:
    """The market a text belongs to: its own number's, the worker's home market, or the first."""
    if exchange_phone:
        market = session.exec(select(Market).where(Market.phone_number == exchange_phone)).first()
        if market is not None:
            return market
    if worker is not None and worker.market_id is not None:
        return session.get(Market, worker.market_id)
    market = session.exec(select(Market).order_by(Market.id)).first()
    if market is None:
        raise RuntimeError("the exchange has no market yet: run `poems db upgrade`")
    return market


def act(session: Session, message: Message, now: datetime) -> None:
    worker = joining.worker_with_phone(TextTransaction(session), message.phone)
    market = market_for(session, message.exchange_phone, worker)
    parsed = parse(
        message.body,
        now.astimezone(ZoneInfo(market.tz)),
        language=worker.language if worker else None,
    )
    # What the exchange read stays with the text, for the people who read it after.
    message.reading = parsed.to_json()
    session.add(message)
    text = TextTransaction(session)
    if parsed.intent == "stop":
        already = worker is not None and worker.opted_out
        joining.opt_out(text, message.phone, market.id, now)
        if not parsed.exact and not already:
            # Said in words ("remove me from your list"), which no carrier answers as it does
            # STOP: the one text that says it is done, and how to come back.
            _tell_opted_out(session, worker, message.phone, parsed, now)
        if worker is not None and bookings_to_come(text, worker.id, now):
            # No text reaches them now, yet a buyer expects them: a person sees to it.
            hand_to_a_person(
                text, message.id, market.id, worker.id, "stopped_booked", now, tell=False
            )
        return
    if worker is not None and worker.opted_out:
        # Only the opt-in words bring back someone who opted out. One asking for work ("im
        # back, want work again") is told how, once a day; anything else stays stored, unanswered.
        if parsed.intent == "start" or message.body.strip().strip(".!").upper() in OPT_IN_WORDS:
            joining.opt_in(text, worker.id)
            notify_worker(session, worker, "opted_in", now)
        elif parsed.intent in _ASKS_FOR_WORK and _told_opted_out_in_words(session, worker, now):
            notify_worker(session, worker, "opted_out_still", now)
        return
    # Rule 6 is kept where phones are added: a worker's phone is never an operator's.
    if worker is None and is_operator_phone(session, message.phone):
        notify_phone(session, message.phone, "operator", now)
        return
    buyers = [] if worker else list(session.exec(select(Buyer).where(Buyer.phone == message.phone)))
    if buyers:
        buyer_texts.act(session, buyers, message.body, now, message.id, parsed.courtesy)
        return
    if worker is None and parsed.intent == "delete_data":
        # "please remove my number" from a number never signed up: no sign-up is started, and
        # the number is never texted again
        joining.opt_out(text, message.phone, market.id, now)
        _tell_opted_out(session, None, message.phone, parsed, now)
        return
    if worker is None and parsed.courtesy:
        return  # "wrong number sorry", "thanks" from a number never seen: kept, not signed up
    if worker is None:
        # "Y 4821" shows no language (a letter of Spanish): welcomed in English
        language = speakable(parsed.shown_language)
        worker = joining.first_text_from(text, message.phone, market.id, language, now)
        message.worker_id = worker.id
    reason = a_person_reads(parsed)
    if worker.status != WorkerStatus.ACTIVE and reason in URGENT:
        # Safety comes before the sign-up's next question.
        hand_to_a_person(text, message.id, market.id, worker.id, reason, now)
        return
    if worker.status != WorkerStatus.ACTIVE:
        # An answer with no sign-up under way starts one: signup.answer looks.
        if parsed.intent == "register":
            signup.start(session, worker, market, message.body, now, parsed)
            return
        if not signup.asking_name(session, worker):
            # "cuidados e limpeza" to the English questions: the rest asked in Portuguese. A
            # name shows no language ("Luis de la Fuente" reads as Romanian).
            adopt_language(session, worker, parsed, len(message.body.split()), now)
        signup.answer(session, worker, market, message.body, now, parsed)
        return
    adopt_language(session, worker, parsed, len(message.body.split()), now)
    if law_texts.act(session, worker, market, message.body, now):
        return
    if dispute_texts.answered(session, worker, message.body, parsed, now, message.id):
        return
    # The last text sent, read once, for the answers that only it explains.
    answer_to_what = parsed.intent in ("availability", "unknown", "help", "cancel", "dispute")
    a_place = parsed.intent == "profile_update" and bool(parsed.postcode or parsed.zip)
    answers_it = answer_to_what or parsed.detail in confirming.PLACES or a_place
    a_bare_answer = parsed.intent in ("accept", "decline", "unknown") and parsed.offer_ref is None
    last = confirming.last_notice(session, worker, now) if answers_it or a_bare_answer else None
    asked = None
    if answer_to_what or (parsed.intent == "accept" and parsed.ambiguous and a_bare_answer):
        # "can i change saturday to 12-8"; "actually make that 10-6" just after it was saved;
        # "jednak mogę tylko do 12" too, a yes with a condition that no offer sent since can
        # be about
        asked = availability_texts.changed_free_time(
            worker, market, message.body, parsed, last, now
        )
    if (
        asked is None
        and last is not None
        and (
            parsed.intent in ("availability", "unknown", "help")
            or parsed.detail in confirming.PLACES
            # "the evening one" after "5am-9am or 5pm-9pm?" is the half of the day asked about
            or parsed.part_of_day is not None
            # "the saturday one", "both" after "You have 2 bookings": the ones to drop
            or (
                parsed.intent == "accept"
                and (bool(parsed.days) or parsed.detail in confirming.EVERY)
            )
        )
    ):
        asked = _bare_answer(
            worker, market, message.body, parsed, last, now
        ) or confirming.picked_from_the_list(
            message.body, parsed, last, now.astimezone(ZoneInfo(market.tz))
        )
    if asked is None and answer_to_what and (last is None or last.kind not in QUESTIONS_ANSWERED):
        # "9-5" after "What times are you free sat?", "15 mins" after "How late will you be?",
        # though an offer or a reminder came in between
        question = confirming.question_left_open(
            session, worker, QUESTIONS_ANSWERED, message.id, now
        )
        if question is not None:
            asked = _bare_answer(worker, market, message.body, parsed, question, now)
    if asked is None and (parsed.intent == "unknown" or a_bare_answer):
        # "yes", "13 is my rate" just after "Is 13 your rate per hour?"
        asked = availability_texts.answer_to_rate_asked(worker, market, message.body, last, now)
    if asked is None and parsed.intent in ("unknown", "decline"):
        # "no i did 4", "nie zgadzam się, byłam 4 godziny" just after the buyer changed the
        # hours (hours read as DONE dispute the change in money_texts.check_out)
        asked = money_texts.hours_disputed(message.body, parsed, worker.language, last)
    if asked is None and parsed.intent in ("unknown", "dispute"):
        # "4h" alone, "4 hours, no break", just after a shift ended with no hours sent
        asked = day_texts.hours_after_the_shift(session, worker, market, message.body, parsed, now)
    # An answer to the question just asked: "yes pass", "confirm", a bare "yes"
    if a_bare_answer and (
        confirming.pass_confirmed(session, worker, message.body, last, now)
        or confirming.yes_to_drop_asked(session, worker, message.body, last, now)
        or confirming.drop_kept(session, worker, message.body, last, now)
        or availability_texts.yes_to_busy_asked(session, worker, market, message.body, last, now)
        or _yes_to_terms_asked(session, worker, market, message.body, last, now)
        or (
            parsed.intent == "accept"
            and confirming.yes_to_pass_asked(session, worker, message.body, last, now)
        )
    ):
        return
    if parsed.intent == "accept" and parsed.offer_ref is None and not parsed.days:
        # "Y" just after "Offer 3262: ... To take one, reply Y and its number: Y 3262"
        shown = confirming.the_one_offer_shown(message.body, worker.language, last)
        parsed = replace(parsed, offer_ref=shown) if shown is not None else parsed
    if a_place and confirming.place_asked_for(last):
        # "E2 7QX" just after "What is your postcode?": the answer, not a guess to ask back
        parsed = replace(parsed, exact=True)
    # "yes i can do tomorrow" with tomorrow's offer open: a yes to it
    asked = (
        asked
        or confirming.free_day_taking_the_offer(session, worker, market, message.body, parsed, now)
        # "can i do 9-12 only" with an offer open: a condition on it, asked about
        or confirming.hours_short_of_the_offer(session, worker, market, message.body, parsed, now)
    )
    if asked is not None:
        # "9-5" just after "What times are you free tmrw?": read with the question's day;
        # "the first one" just after "You have 2 offers: 8982, 8085": the offer it picks
        parsed, reason = asked, a_person_reads(asked)
        message.reading = parsed.to_json()
    if parsed.courtesy or parsed.detail == "undecided":
        live = open_offers(text, worker.id)
        if parsed.courtesy and not live:
            # "thanks", "see you tomorrow": stored with its reading; nobody is troubled, nothing
            # sent
            return
        if parsed.courtesy and confirming.just_told(session, worker, now):
            # "great thank you" just after "Booked: ...", another offer still open: thanks for
            # what was told; the offers open are listed with their numbers, as "ok thanks" does
            commands.shifts(session, worker, market, parsed, now)
            return
        if live:
            # "maybe", "let me check"; "perfect thanks" to an offer, which may be meant as a
            # yes: till when the offer stays open, and how to answer it, never a guessed yes
            commands.undecided(session, worker, market, parsed, live, now)
            return
    if reason is not None:
        # A question back to the worker says more than "a person will reply".
        tell = parsed.ask is None
        hand_to_a_person(text, message.id, market.id, worker.id, reason, now, tell=tell)
        if not tell:
            notify_worker(session, worker, parsed.ask, now, **parsed.question_data)
        return
    if parsed.intent == "cancel" and _gives_up_one_under_way(text, worker, market, parsed, now):
        # "cant make it today" once the shift has begun, "i feel sick" an hour into it: too
        # late to drop, and the buyer is waiting or working beside them; a person sees to it,
        # rather than "No offers for fri?" or "You have no booking to drop"
        hand_to_a_person(text, message.id, market.id, worker.id, "cant_come_started", now)
        return
    commands.run(session, worker, market, parsed, now)
    if parsed.asks_besides:
        hand_to_a_person(text, message.id, market.id, worker.id, "question", now)


# What the exchange says of opting out and in, the last of which tells how they opted out.
_OPTING_SAID = ("opted_out", "opted_out_still", "opted_in")
# What someone who opted out says when they want work again.
_ASKS_FOR_WORK = frozenset(("availability", "shifts_query", "accept", "rates_query"))
# The command each change of terms asked back stands for, from the question's own fields.
_TERMS_ASKED: dict[str, Callable[[dict], dict]] = {
    "confirm_rate": lambda said: {"rate": said["rate"]},
    "confirm_postcode": lambda said: {"postcode": said["place"]},
    "confirm_zip": lambda said: {"zip": said["place"]},
    "confirm_skills": lambda said: {"skills": tuple(said["skills"]), "skill": said["skills"][0]},
    "confirm_name": lambda said: {"name": said["name"]},
    "confirm_tax": lambda said: {"tax_percent": said["tax"]},
    "confirm_travel": lambda said: {"travel_miles": said["miles"]},
    "confirm_notice": lambda said: {"notice_minutes": said["notice_hours"] * 60},
}


def _yes_to_terms_asked(
    session: Session, worker: Worker, market: Market, body: str, asked: Notice | None, now: datetime
) -> bool:
    """A bare YES just after "Change your rate to £14.50/hr? Reply RATE 14.50 to confirm": asked
    and confirmed (rule 12), so the change is made as RATE 14.50 makes it. Asked the same
    again, the worker would think it done. True when so."""
    if asked is None or asked.kind not in _TERMS_ASKED:
        return False
    if not confirming.said_yes(body, worker.language, ok=True):
        return False
    change = Parsed("profile_update", exact=True, **_TERMS_ASKED[asked.kind](asked.data))
    commands.run(session, worker, market, change, now)
    return True


def _told_opted_out_in_words(session: Session, worker: Worker, now: datetime) -> bool:
    """Whether the worker opted out in words (and was told so by us: after STOP, the carrier
    tells them, and blocks our texts), and has not been told how to come back today."""
    said = confirming.last_notice_where(
        session,
        (Notice.worker_id == worker.id) & col(Notice.kind).in_(_OPTING_SAID),
        worker.created_at,
    )
    if said is None or said.kind == "opted_in":
        return False  # last opted out by STOP, after coming back
    return said.kind == "opted_out" or said.created_at < now - timedelta(days=1)


def _tell_opted_out(
    session: Session, worker: Worker | None, phone: str, parsed: Parsed, now: datetime
) -> None:
    """That no more texts will come, and how to come back: in the worker's language, or for a
    number never signed up, in the one its text shows."""
    if worker is not None:
        notify_worker(session, worker, "opted_out", now)
    else:
        language = speakable(parsed.shown_language)
        notify_phone(session, phone, "opted_out", now, language=language)


def _bare_answer(
    worker: Worker, market: Market, body: str, parsed: Parsed, asked: Notice, now: datetime
) -> Parsed | None:
    """The text read as the answer to `asked`, if it is one: hours after "What times are you
    free?", minutes after "How late will you be?", hours after "How many hours did you work?",
    a name after "What is your name?"."""
    return (
        availability_texts.answer_to_times_asked(worker, market, body, parsed, asked, now)
        or day_texts.answer_to_how_late(worker, market, body, parsed, asked, now)
        or day_texts.answer_to_hours_asked(worker, market, body, parsed, asked, now)
        or _name_as_asked(worker, body, parsed, asked)
    )


def _name_as_asked(worker: Worker, body: str, parsed: Parsed, asked: Notice) -> Parsed | None:
    """ "Anne Smith" after "What is your name? Reply e.g. NAME Ann Smith": that name, asked to
    confirm as NAME with it would be."""
    if asked.kind != "ask_name" or parsed.intent != "unknown":
        return None
    name = signup.said_name(body, worker.language)
    return Parsed("profile_update", name=name) if name else None


def _gives_up_one_under_way(
    text: TextTransaction, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> bool:
    """Whether the text gives up a booking already under way: today, or its number."""
    if parsed.days and WEEKDAYS[local(now, market.tz).weekday()] not in parsed.days:
        return False
    return bool(days.under_way(text, worker.id, now, parsed.offer_ref))


def a_person_reads(parsed: Parsed) -> str | None:
    """Why a text goes to the Inbox, if it does: not understood, or about safety or conduct."""
    if parsed.intent == "unknown":
        return "not_understood"
    if parsed.intent == "dispute" and parsed.category in URGENT:
        return parsed.category
    return None


def speakable(language: str | None) -> str:
    """A language we write texts in, else English."""
    return language if language in templates.LANGUAGES else "en"


# Fewer words than this show little of a language ("Sí 4821").
WORDS_THAT_SHOW_A_LANGUAGE = 3
# The reader's score below which a text shows too little of a language to answer in it: one
# word ("libre" among French) scores 4, two of its own words 6 and more.
EVIDENCE_OF_A_LANGUAGE = 5
# English, read from one word that other languages share or spell alike ("as" in "9 às 17",
# "ok" after a postcode), shows no wish to be answered in English.
EVIDENCE_OF_ENGLISH = 2


def adopt_language(
    session: Session, worker: Worker, parsed: Parsed, words: int, now: datetime
) -> None:
    """Early on, a worker who writes a few words in one of our languages is answered in it."""
    said = parsed.text_language
    if said is None or said == worker.language or said not in templates.LANGUAGES:
        return
    if words < WORDS_THAT_SHOW_A_LANGUAGE or parsed.language is not None:
        return  # "Sí 4821" shows little; "LANG ES" is the worker's own choice, made as asked
    if said != "en" and parsed.language_evidence < EVIDENCE_OF_A_LANGUAGE:
        return  # "je suis libre demain": one word of Spanish among French ones
    if said == "en" and parsed.language_evidence < EVIDENCE_OF_ENGLISH:
        return
    take_language_from_texts(TextTransaction(session), worker.id, said, now)
