"""What an active worker's text does: one function per intent, each answering by a notice."""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session

from exchange.errors import Refused
from exchange.localtime import local
from exchange.notices import notify_worker
from exchange.reminders import buyer_contact
from exchange.shifts import shift_facts
from services import law
from services.selling import Answer, answer_offer, bookings_to_come, open_offers
from services.terms import change_own_terms, own_skills
from services.unit import TextTransaction
from sms import (
    availability_texts,
    confirming,
    consent_texts,
    data_texts,
    day_texts,
    dispute_texts,
    law_texts,
    money_texts,
    refusals,
    templates,
)
from sms.parser import Parsed, parse
from sms.parsing.keywords import THE_OTHER
from sms.parsing.profile import MINIMUM_RATE, RATE_BY
from sms.parsing.vocab import language_name
from sms.templates import say
from store.models import Buyer, Market, Offer, Shift, Worker


def run(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """Carry out one parsed text for an active worker."""
    if (
        parsed.ambiguous
        and parsed.ask in ("ask_accept_condition", "ask_accept_rate")
        and not open_offers(TextTransaction(session), worker.id)
    ):
        # "can do only mornings", "yes but only till 3" with no offer open: no shift to ask
        # about; the worker hears there is none, and how to say when they are free
        notify_worker(session, worker, "no_offer", now)
        return
    if parsed.ambiguous and parsed.ask is not None:
        if (
            parsed.intent == "availability"
            and parsed.start is None
            and (
                on_the_day := confirming.on_the_day_asked(
                    open_offers(TextTransaction(session), worker.id), market, parsed, now
                )
            )
        ):
            # "yes i can do saturday" with Saturday's offer open: that offer, with how to take
            # it, says more than "What times are you free sat?"
            shifts(session, worker, market, _on_their_days(parsed, on_the_day, market), now)
            return
        notify_worker(session, worker, parsed.ask, now, **parsed.question_data)
        return
    if parsed.rate is not None and parsed.currency not in (None, worker.currency):
        notify_worker(
            session,
            worker,
            "rate_currency",
            now,
            currency=worker.currency,
            plain_rate=f"{parsed.rate // 100}.{parsed.rate % 100:02d}",
        )
        return
    offered_besides = parsed.then and _offered_on_the_day_besides(
        session, worker, market, parsed.then, now
    )
    handler = HANDLERS.get(parsed.intent)
    if handler is not None:
        handler(session, worker, market, parsed, now)
    else:
        notify_worker(session, worker, "unknown", now)
    if parsed.then and not offered_besides:
        _also_said(session, worker, market, parsed.then, now)


def _also_said(session: Session, worker: Worker, market: Market, words: str, now: datetime) -> None:
    """What a text said besides what it was read as: free time, saved when it reads clearly;
    a change of terms ("yes please! by the way ive moved to E2 7DG", "yes and can you add
    cleaning"), asked back."""
    besides = parse(words, local(now, market.tz), language=worker.language)
    if besides.intent == "profile_update":
        profile_update(session, worker, market, replace(besides, exact=False), now)
        return
    availability_texts.free_time_also_said(session, worker, market, words, now, now)


def _offered_on_the_day_besides(
    session: Session, worker: Worker, market: Market, words: str, now: datetime
) -> bool:
    """ "cant do friday but i can do saturday", both offered: Saturday's offer, with how to take
    it, goes first, so the question about Friday is the last thing asked. True when so."""
    besides = parse(words, local(now, market.tz), language=worker.language)
    if besides.intent not in ("availability", "accept") or besides.start is not None:
        return False
    if not besides.days or besides.offer_ref is not None:
        return False
    live = open_offers(TextTransaction(session), worker.id)
    on_those_days = confirming.on_days(live, market, besides.days)
    if not on_those_days:
        return False
    shifts(session, worker, market, _on_their_days(besides, on_those_days, market), now)
    return True


def _on_their_days(parsed: Parsed, offered: list[tuple[Offer, Shift]], market: Market) -> Parsed:
    """The text as asking about the days of these offers alone, so only they are listed."""
    days = [
        local(shift.start, market.tz).replace(hour=0, minute=0, second=0, microsecond=0)
        for _, shift in offered
    ]
    return replace(parsed, start=min(days), end=max(days) + timedelta(days=1))


def accept(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    if consent_texts.answered(session, worker, parsed, now, yes=True):
        return
    if law_texts.raise_answered(session, worker, parsed, now):
        return
    ref = parsed.offer_ref
    live = open_offers(TextTransaction(session), worker.id)
    if parsed.detail in ("both", "all") and len(live) > 1:
        if parsed.detail == "both" and len(live) != 2:
            notify_worker(
                session,
                worker,
                "which",
                now,
                **confirming.choices(market, [(o.ref, shift) for o, shift in live]),
            )
            return
        for offer, _ in live:  # "yes to both": each taken in turn, each with its own reply
            answer = answer_offer(TextTransaction(session), worker.id, offer.ref, True, now)
            _answer(session, worker, market, answer, parsed, now)
        return
    if ref is None and parsed.detail in confirming.PLACES and live:
        # "the first one": the offer in that place, when sent order and shift order agree on
        # it; else the list with the numbers, never a guess
        ref = confirming.nth_offer(live, parsed.detail)
        if ref is None:
            shifts(session, worker, market, parsed, now)
            return
    if ref is None and live and (parsed.part_of_day or parsed.starts):
        # "the 9am one", "the morning one": the one offer starting then; else the list
        starting = confirming.starting_then(live, market, parsed.part_of_day, parsed.starts)
        if len(starting) != 1:
            shifts(session, worker, market, parsed, now)
            return
        ref = starting[0][0].ref
    if ref is None and parsed.days:
        # "yes saturday": the one offer on the day it names; with none (or two) on it, the
        # list, never the offer of another day
        on_the_day = [offer.ref for offer, _ in confirming.on_days(live, market, parsed.days)]
        if len(on_the_day) == 1:
            ref = on_the_day[0]
        elif live:
            shifts(session, worker, market, parsed, now)
            return
    if ref is None and parsed.detail == THE_OTHER and len(live) == 1:
        # "and the other one too" once one of two is taken: the one still open, by name
        ref = live[0][0].ref
    if ref is None and live and confirming.just_told(session, worker, now):
        # "ok thanks" just after "Booked: ..." or a reminder, another offer still open: thanks
        # for what was told, not a yes to the other; the offers open are listed with their numbers
        shifts(session, worker, market, parsed, now)
        return
    answer = answer_offer(TextTransaction(session), worker.id, ref, True, now)
    if (
        answer.outcome == "no_offer"
        and ref is None
        and confirming.yes_to_the_last(session, worker, now)
    ):
        return
    if answer.outcome == "no_offer" and confirming.late_yes(session, worker, market, now):
        return
    if answer.outcome == "no_offer" and ref is None and _booked_soon(session, worker, market, now):
        return
    _answer(session, worker, market, answer, parsed, now)


# A YES with no offer open, while a booking is this close, answers the reminder about it.
_SOON = timedelta(hours=36)


def _booked_soon(session: Session, worker: Worker, market: Market, now: datetime) -> bool:
    """ "yes ill be there" to "Tomorrow: care at ...": the bookings coming soon, said back, so a
    worker is never told "no open offers" as if the booking were gone. False when none."""
    facts = [
        (offer.ref, booking.rate_minor, shift_facts(shift, market))
        for booking, shift, offer in bookings_to_come(TextTransaction(session), worker.id, now)
        if shift.start - now <= _SOON
    ]
    coming = [
        say("shifts_booked_line", worker.language, ref=ref, rate=rate, **shift)
        for ref, rate, shift in facts
    ]
    if not coming:
        return False
    notify_worker(session, worker, "no_offer_booked", now, lines=" | ".join(coming))
    return True


def decline(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    if consent_texts.answered(session, worker, parsed, now, yes=False):
        return
    # A bare NO just after a question that ends in its command answers that question, whatever
    # offers are open: the last text sent was the question, not an offer.
    if parsed.offer_ref is None and (
        data_texts.deletion_called_off(session, worker, now)
        or confirming.called_off(session, worker, parsed, now)
    ):
        return
    confirming.decline(session, worker, market, parsed, now)


def _answer(
    session: Session, worker: Worker, market: Market, answer: Answer, parsed: Parsed, now: datetime
) -> None:
    """Replies for the outcomes the exchange did not already write a notice for."""
    if answer.outcome == "which":
        notify_worker(
            session,
            worker,
            "which",
            now,
            **confirming.choices(
                market, [(o.ref, session.get(Shift, o.shift_id)) for o in answer.choices]
            ),
        )
    elif answer.outcome == "no_offer":
        notify_worker(session, worker, "no_offer", now)
    elif answer.outcome == "unknown_ref" and open_offers(TextTransaction(session), worker.id):
        # "yes 2", "Y 1" with offers open: those offers with their numbers, not "Text SHIFTS"
        shifts(session, worker, market, replace(parsed, start=None, end=None, days=()), now)
    elif answer.outcome == "unknown_ref":
        notify_worker(session, worker, "unknown_ref", now, ref=parsed.offer_ref)


def undecided(
    session: Session,
    worker: Worker,
    market: Market,
    parsed: Parsed,
    live: list[tuple[Offer, Shift]],
    now: datetime,
) -> None:
    """ "maybe", "let me check" with offers open: the one offer and till when it stays open;
    several, their lines with how to take one."""
    if len(live) > 1:
        shifts(session, worker, market, parsed, now)
        return
    offer, shift = live[0]
    notify_worker(
        session,
        worker,
        "offer_open_till",
        now,
        ref=offer.ref,
        expires_at=offer.expires_at.isoformat(),
        **shift_facts(shift, market),
    )


def shifts(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """The worker's open offers and coming bookings, one short line each, in their language;
    whom to ask for at the next booking, when that is what was asked."""
    text = TextTransaction(session)
    coming = bookings_to_come(text, worker.id, now)
    if parsed.detail == "contact" and coming:
        _, shift, offer = coming[0]
        buyer = session.get(Buyer, shift.buyer_id)
        notify_worker(
            session,
            worker,
            "booking_contact",
            now,
            ref=offer.ref,
            contact=buyer_contact(buyer),
            **shift_facts(shift, market, buyer),
        )
        return
    # An offer is at the worker's own rate; a booking at the rate it was booked at.
    held = [
        ("shifts_offer_line", offer, shift, worker.asking_rate_minor)
        for offer, shift in open_offers(text, worker.id)
    ]
    held += [
        ("shifts_booked_line", offer, shift, booking.rate_minor) for booking, shift, offer in coming
    ]
    if parsed.start is not None and parsed.end is not None:
        # "where do i go saturday": that day's, when there are any; else all, which says so.
        that_day = [
            line for line in held if parsed.start <= local(line[2].start, market.tz) < parsed.end
        ]
        held = that_day or held
    lines = [
        say(kind, worker.language, ref=offer.ref, rate=rate, **shift_facts(shift, market))
        for kind, offer, shift, rate in held
    ]
    if not lines:
        notify_worker(session, worker, "shifts_none", now)
        return
    offered = [offer.ref for kind, offer, _, _ in held if kind == "shifts_offer_line"]
    if offered:
        notify_worker(
            session,
            worker,
            "shifts_offer_open",
            now,
            lines=" | ".join(lines),
            example=offered[0],
            refs=", ".join(offered),  # in the order listed, for "the first one" after it
        )
        return
    notify_worker(session, worker, "shifts", now, lines=" | ".join(lines))


def rates(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """ "how much does it pay", with an offer open, is about that offer: its line gives the rate.
    A kind of work, a place or a day named asks the market's published rates."""
    if parsed.detail == "fee":
        # Nothing is taken from the worker's pay: the buyer pays the published fee on top
        notify_worker(session, worker, "fee_told", now, markup_pct=f"{market.markup_bp / 100:g}")
        return
    named = parsed.skill or parsed.postcode or parsed.zip or parsed.days or parsed.part_of_day
    if not named and open_offers(TextTransaction(session), worker.id):
        shifts(session, worker, market, parsed, now)
        return
    data_texts.rates(session, worker, market, parsed, now)


def help_(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    notify_worker(session, worker, "help", now)


def start(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    notify_worker(session, worker, "opted_in", now)


def register(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    notify_worker(session, worker, "already_joined", now, name=worker.name)


def profile_update(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    if parsed.detail == MINIMUM_RATE:
        # "RATE minimum wage": its figure for this worker, asked back as RATE and the figure
        minimum = law.minimum_rate(TextTransaction(session), market.id, worker.date_of_birth, now)
        if minimum is None:
            notify_worker(session, worker, "unknown", now)
            return
        parsed = replace(parsed, rate=minimum, detail=None, exact=False)
    if parsed.detail == RATE_BY:
        # "raise my rate by £1": the rate they have and the change, asked back as RATE
        rate = (worker.asking_rate_minor or 0) + (parsed.rate or 0)
        parsed = replace(parsed, rate=rate, detail=None, exact=False)
    if confirming.terms(session, worker, market, parsed, now):
        return
    if parsed.tax_percent is not None:
        money_texts.tax(session, worker, market, parsed, now)
        return
    place = parsed.postcode or parsed.zip
    skills = list(parsed.skills) if parsed.skills else None
    try:
        changed = change_own_terms(
            TextTransaction(session),
            worker.id,
            now,
            asking_rate_minor=parsed.rate,
            place=place,
            skills=skills,
            name=parsed.name,
            language=parsed.language,
            travel_miles=parsed.travel_miles,
            notice_minutes=parsed.notice_minutes,
        )
    except Refused as refusal:
        _refused(session, worker, refusal, "profile_update", now)
        return
    if not changed:
        # Already so ("remove care" when care is not theirs): say what stands.
        named = _named_terms(parsed)
        current = own_skills(TextTransaction(session), worker.id)
        notify_worker(
            session, worker, "terms_unchanged", now, changes=_describe(worker, named, current)
        )
        return
    notify_worker(session, worker, "terms_updated", now, changes=_describe(worker, changed, skills))


def _named_terms(parsed: Parsed) -> list[str]:
    """The terms a text spoke of, by the names change_own_terms gives them."""
    named = {
        "asking_rate_minor": parsed.rate is not None,
        "place": bool(parsed.postcode or parsed.zip),
        "skills": bool(parsed.skills or parsed.skill),
        "name": bool(parsed.name),
        "language": bool(parsed.language),
        "travel_miles": parsed.travel_miles is not None,
        "notice_minutes": parsed.notice_minutes is not None,
    }
    return [field for field, said in named.items() if said]


def _describe(worker: Worker, changed: list[str], skills: list[str] | None) -> str:
    """What changed, in the worker's language: "your rate is £14.00/hr; your area is E1 6AN"."""
    now_so = {
        "asking_rate_minor": worker.asking_rate_minor,
        "place": worker.postcode or worker.zip,
        "skills": skills or [],
        "name": worker.name,
        "travel_miles": worker.travel_miles,
        "notice_minutes": worker.notice_minutes,
    }
    said = [
        _language(worker.language)
        if field == "language"
        else templates.terms_said({field: now_so[field]}, worker.language, worker.currency)
        for field in changed
        if field in now_so or field == "language"
    ]
    return "; ".join(said)


def _language(code: str) -> str:
    name_kind = f"language_{code}"
    if code in templates.LANGUAGES:
        return say("terms_language", code, language_name=say(name_kind, code))
    # Kept as their choice, but never a promise we do not keep yet.
    name = language_name(code)
    return say("terms_language_unwritten", "en", language_name=name)


def _refused(
    session: Session, worker: Worker, refusal: Refused, intent: str, now: datetime
) -> None:
    refusals.tell(session, worker, refusal, now, example=say("example_rate", worker.language))


HANDLERS: dict[str, Callable[[Session, Worker, Market, Parsed, datetime], None]] = {
    "availability": availability_texts.availability,
    "busy": availability_texts.busy,
    "late": day_texts.late,
    "check_in": day_texts.check_in,
    "accept": money_texts.accept_or(accept),
    "check_out": money_texts.check_out,
    "earnings": money_texts.earnings,
    "decline": money_texts.decline_or(decline),
    "cancel": confirming.drop,
    "shifts_query": shifts,
    "help": help_,
    "start": start,
    "register": register,
    "profile_update": profile_update,
    **data_texts.HANDLERS,
    **dispute_texts.HANDLERS,
    "rates_query": rates,
}
