"""A worker's texts about data: RATES, MY DATA, WHO SAW, DELETE MY DATA, and WHY."""

from datetime import datetime, timedelta

from sqlmodel import Session

from exchange.areas import home_area, normalise_place
from exchange.asking import rates_asked
from exchange.errors import Refused
from exchange.localtime import local
from exchange.notices import notify_worker
from exchange.public import TOTAL, rates_near, week_start
from services.privacy import erase_my_data, looks_at_my_data, what_is_held
from services.selling import why_offered
from services.terms import own_skills
from services.unit import TextTransaction
from sms import conversations, formats, refusals
from sms.parser import Parsed
from sms.segments import GSM7_BASIC, GSM7_EXTENDED, to_gsm
from sms.templates import say, skill_word
from store.models import Market, Worker

CONFIRM_WITHIN = timedelta(hours=1)
# A question by text is answered from the last three complete weeks.
ASKED_WEEKS = 3
SHOWN_LOOKS = 2
LONGEST_WHY = 40


def rates(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """Median and middle half of published rates for a skill near the worker, or none yet."""
    skill = parsed.skill
    if skill is None:
        skills = own_skills(TextTransaction(session), worker.id)
        if len(skills) != 1:
            example = skills[0] if skills else (market.skills or ["care"])[0]
            example = skill_word(example, worker.language)
            notify_worker(session, worker, "rates_which", now, example=example, skills=skills)
            return
        skill = skills[0]
    place = normalise_place(parsed.postcode or parsed.zip or "") or worker.postcode or worker.zip
    if parsed.days or parsed.part_of_day:
        _rates_then(session, worker, market, parsed, skill, place, now)
        return
    area = home_area(place) if place else None
    answer = rates_near(session, market, skill, area, now)
    lang = worker.language
    if answer is None:
        where = (
            say("rates_near", lang, area=area)
            if area
            else say("rates_in", lang, market_area=market.area)
        )
        notify_worker(session, worker, "rates_none", now, skill=skill, where=where)
        return
    last_sunday = local(week_start(now, market.tz), market.tz) - timedelta(days=1)
    where = (
        say("rates_near", lang, area=answer.area)
        if answer.area != TOTAL
        else say("rates_across", lang, market_area=market.area)
    )
    notify_worker(
        session,
        worker,
        "rates",
        now,
        skill=skill,
        where=where,
        period=say("rates_period", lang, last_day=last_sunday.date().isoformat()),
        q1=answer.q1,
        q3=answer.q3,
        median=answer.median,
        currency=answer.currency,
        workers=answer.workers,
    )


# "Near" for a question by text: the worker's own travel distance, else this many miles.
NEAR_MILES = 3
# Published places shown beside the whole market's figure: two fit in two texts.
SHOWN_PLACES = 2


def _rates_then(
    session: Session,
    worker: Worker,
    market: Market,
    parsed: Parsed,
    skill: str,
    place: str | None,
    now: datetime,
) -> None:
    """RATES childcare E3 tue evening: the published pooled figures for that time of the week
    near the place, the places nearest first, and the whole market's beside them."""
    lang = worker.language
    weekday = parsed.days[0].title() if parsed.days else TOTAL
    part = parsed.part_of_day or TOTAL
    miles = worker.travel_miles or NEAR_MILES
    try:
        asked = rates_asked(
            session, market, skill, place or "", miles, weekday, part, ASKED_WEEKS, now
        )
    except Refused as refusal:
        refusals.tell(session, worker, refusal, now)
        return
    when = " ".join(
        word
        for word in (
            formats.weekday_name(formats.WEEKDAYS.index(parsed.days[0]), lang)
            if parsed.days
            else "",
            say(f"part_{part}", lang) if part != TOTAL else "",
        )
        if word
    )
    lines = [
        say("rates_when_withheld", lang, place=near.place)
        if near.withheld
        else say(
            "rates_when_place",
            lang,
            place=near.place,
            median=near.median,
            q1=near.q1,
            q3=near.q3,
            currency=asked.currency,
        )  # fmt: skip
        for near in asked.near[:SHOWN_PLACES]
    ]
    if asked.market is not None and not asked.market.withheld:
        lines.append(
            say(
                "rates_when_market",
                lang,
                market_area=market.area,
                median=asked.market.median,
                currency=asked.currency,
            )  # fmt: skip
        )
    shown = [rates for rates in [*asked.near, asked.market] if rates and not rates.withheld]
    if not shown:
        notify_worker(
            session, worker, "rates_when_none", now, skill=skill, when=when,
            place=place or market.area, miles=miles,
        )  # fmt: skip
        return
    notify_worker(
        session, worker, "rates_when", now, skill=skill, when=when, weeks=ASKED_WEEKS,
        lines="; ".join(lines),
    )  # fmt: skip


def my_data(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """What is held, in one or two texts, and how to get all of it."""
    facts = what_is_held(TextTransaction(session), worker.id)
    lang = worker.language
    place = facts.place or say("data_no_postcode", lang)
    identity = (
        say("data_identity_rate", lang, name=facts.name, place=place, skills=list(facts.skills),
            rate=facts.rate, currency=facts.currency)
        if facts.rate is not None
        else say("data_identity", lang, name=facts.name, place=place, skills=list(facts.skills))
    )  # fmt: skip
    counts = say(
        "data_counts",
        lang,
        offers=facts.offers,
        bookings=facts.bookings,
        timesheets=facts.timesheets,
        payments=facts.payments,
        texts=facts.texts,
        free_times=facts.free_times,
        looks=facts.looks,
    )
    notify_worker(session, worker, "my_data", now, identity=identity, counts=counts)


def who_saw(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """Who looked at the worker's data, when and why, newest first."""
    seen = looks_at_my_data(TextTransaction(session), worker.id)
    if not seen:
        notify_worker(session, worker, "who_saw_none", now)
        return
    lines = []
    lang = worker.language
    for look in seen[:SHOWN_LOOKS]:
        at = local(look.at, market.tz)
        # Staff type the detail: keep it short and in the GSM alphabet, so the text stays small.
        why = say(f"access_{look.reason}", lang) if look.reason else ""
        if look.detail:
            detail = "".join(
                c for c in to_gsm(look.detail) if c in GSM7_BASIC or c in GSM7_EXTENDED
            )
            why = f"{why}: {detail}" if why else detail
        why = why if len(why) <= LONGEST_WHY else why[: LONGEST_WHY - 3] + "..."
        lines.append(
            say("who_saw_line", lang, who=look.who, look_day=at.date().isoformat(),
                look_time=look.at.isoformat(), why=why, tz=market.tz)
        )  # fmt: skip
    text = "; ".join(lines)
    if len(seen) > SHOWN_LOOKS:
        text += "; " + say("who_saw_earlier", lang, count=len(seen) - SHOWN_LOOKS)
    notify_worker(session, worker, "who_saw", now, lines=text)


def delete_data(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """First time: ask to confirm. Confirmed within the hour by the command itself (DELETE, not
    "how do i delete my data"): erase, and say nothing more (a reply would keep the number the
    worker asked us to forget)."""
    waiting = conversations.waiting(session, worker.phone, "delete_data", CONFIRM_WITHIN, now)
    if waiting and parsed.exact:
        erase_my_data(TextTransaction(session), worker.id, now)
        return
    conversations.remember(session, worker.phone, "delete_data", "confirm", {}, now)
    notify_worker(session, worker, "delete_confirm", now)


def deletion_called_off(session: Session, worker: Worker, now: datetime) -> bool:
    """A NO while DELETE MY DATA waits for its confirmation: nothing is erased, and they hear so."""
    if not conversations.waiting(session, worker.phone, "delete_data", CONFIRM_WITHIN, now):
        return False
    conversations.forget(session, worker.phone, "delete_data")
    notify_worker(session, worker, "delete_kept", now)
    return True


def why(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """WHY, WHY 4821, WHY S12: the stored reason and the published rule, in plain words."""
    found = why_offered(TextTransaction(session), worker.id, market.id, parsed.offer_ref, now)
    notify_worker(session, worker, found.kind, now, **found.data)


HANDLERS = {
    "rates_query": rates,
    "my_data": my_data,
    "who_saw": who_saw,
    "delete_data": delete_data,
    "why": why,
}
