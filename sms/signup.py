"""Sign-up by conversation: name, skills from a numbered list, postcode or ZIP, date of birth
(only where the market's rules depend on age), lowest rate."""

import re
from datetime import date, datetime

from sqlmodel import Session

from exchange.areas import normalise_place
from exchange.errors import Refused
from exchange.law.people import needs_date_of_birth, too_young_until
from exchange.money import format_money, parse_money
from exchange.notices import notify_worker
from exchange.onboarding import NAME, PLACE_EXAMPLE
from exchange.workers import register_worker
from sms import conversations
from sms.law_texts import DOB_WORDS, dob_example, parse_dob
from store.models import Conversation, Market, Worker

RATE_EXAMPLE = {"GBP": "13.50", "USD": "18.00", "EUR": "14.00"}


def start(session: Session, worker: Worker, market: Market, now: datetime) -> None:
    """Begin (or begin again) the sign-up dialogue with this phone."""
    conversations.remember(session, worker.phone, "signup", "name", {}, now)
    _say(session, worker, "signup_name", now)


def answer(session: Session, worker: Worker, market: Market, body: str, now: datetime) -> None:
    """Take one answer, check it, and ask the next question (or the same one again, with an example)."""
    conversation = session.get(Conversation, worker.phone)
    if conversation is None or conversation.kind != "signup":
        start(session, worker, market, now)
        return
    text = " ".join(body.split())
    data = dict(conversation.data)
    step = conversation.step
    place_example = PLACE_EXAMPLE.get(market.region, "E1 6AN")
    rate_example = RATE_EXAMPLE.get(market.currency, "13.50")
    if step == "name":
        if not (2 <= len(text) <= 60 and NAME.match(text)):
            _say(session, worker, "signup_name_again", now)
            return
        data["name"] = text
        _ask(
            session,
            worker,
            conversation,
            data,
            "skills",
            "signup_skills",
            now,
            name=text,
            options=skill_options(market),
        )
    elif step == "skills":
        skills = pick_skills(text, market.skills)
        if not skills:
            _say(session, worker, "signup_skills_again", now, options=skill_options(market))
            return
        data["skills"] = skills
        _ask(
            session, worker, conversation, data, "place", "signup_place", now, example=place_example
        )
    elif step == "place":
        place = normalise_place(text)
        if place is None or (market.region == "US") != place[:5].isdecimal():
            _say(session, worker, "signup_place_again", now, example=place_example)
            return
        data["place"] = place
        if needs_date_of_birth(session, market, now):
            # Pay bands and youth limits depend on age (rule 11), so the rate check needs it too.
            example = dob_example(market)
            _ask(session, worker, conversation, data, "dob", "signup_dob", now, example=example)
            return
        _ask(session, worker, conversation, data, "rate", "signup_rate", now, example=rate_example)
    elif step == "dob":
        found = DOB_WORDS.match(text)
        born = parse_dob(found.group("date") if found else text, market, now.date())
        if born is None or not 10 <= now.year - born.year <= 100:
            _say(session, worker, "signup_dob_again", now, example=dob_example(market))
            return
        until = too_young_until(session, market, born, now)
        if until is not None:
            session.delete(conversation)
            _say(
                session,
                worker,
                "signup_too_young",
                now,
                from_day=f"{until:%a} {until.day} {until:%b %Y}",
            )
            return
        data["dob"] = born.isoformat()
        _ask(session, worker, conversation, data, "rate", "signup_rate", now, example=rate_example)
    else:
        try:
            rate = parse_money(re.sub(r"(?i)\s*(/\s*h(ou)?r|an hour|per hour|ph)$", "", text))
            registered = register_worker(
                session,
                market,
                worker.phone,
                data["name"],
                data["skills"],
                data["place"],
                rate,
                now,
                date_of_birth=date.fromisoformat(data["dob"]) if "dob" in data else None,
            )
        except Refused as refusal:
            if refusal.code == "under_minimum":
                _say(
                    session,
                    worker,
                    "under_minimum",
                    now,
                    rate=refusal.details["rate"],
                    minimum_rate=refusal.details["minimum"],
                    currency=market.currency,
                )
                return
            _say(session, worker, "signup_rate_again", now, example=rate_example)
            return
        session.delete(conversation)
        _say(
            session,
            registered,
            "signup_done",
            now,
            name=registered.name,
            skills=", ".join(data["skills"]),
            place=data["place"],
            rate=format_money(rate, market.currency),
        )


def skill_options(market: Market) -> str:
    return " ".join(f"{number} {skill}" for number, skill in enumerate(market.skills, start=1))


def pick_skills(text: str, offered: list[str]) -> list[str]:
    """'1 3', '1,3' or 'care cleaning' -> the skills named; [] when any part is not on the list."""
    picked: list[str] = []
    for part in re.split(r"[\s,;&+]+|\band\b", text.lower()):
        if not part:
            continue
        if part.isdecimal() and 1 <= int(part) <= len(offered):
            skill = offered[int(part) - 1]
        elif part in offered:
            skill = part
        else:
            return []
        if skill not in picked:
            picked.append(skill)
    return picked


def _ask(
    session: Session,
    worker: Worker,
    conversation: Conversation,
    data: dict,
    step: str,
    kind: str,
    now: datetime,
    **fields: str,
) -> None:
    conversation.data, conversation.step, conversation.updated_at = data, step, now
    session.add(conversation)
    _say(session, worker, kind, now, **fields)


def _say(session: Session, worker: Worker, kind: str, now: datetime, **fields: str) -> None:
    notify_worker(session, worker, kind, now, **fields)
