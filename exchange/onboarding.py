"""Joining the exchange: the checks sign-up by SMS makes, and a walk-in signed up at the desk."""

import re
from collections.abc import Iterable
from datetime import date, datetime

from sqlmodel import Session, select

from exchange.areas import normalise_place
from exchange.audit import audit
from exchange.errors import Refused
from exchange.law.people import needs_date_of_birth, too_young_until
from exchange.money import format_money, parse_money
from exchange.notices import notify_worker
from exchange.operators import require
from exchange.phones import to_e164
from exchange.workers import check_rate, register_worker, worker_by_phone
from store.models import Buyer, Market, Operator, Worker
from store.statuses import OperatorRole, WorkerStatus

NAME = re.compile(r"^[^\W\d_][^\W\d_ .'\-]*(?:[ .'\-]+[^\W\d_]+)*\.?$")
PLACE_EXAMPLE = {"GB": "E1 6AN", "US": "97201"}


def check_name(text: str) -> str:
    name = " ".join(text.split())
    if not (2 <= len(name) <= 60 and NAME.match(name)):
        raise Refused("bad_name", "A name is letters, 2 to 60 of them, e.g. Ann Smith")
    return name


def check_skills(market: Market, skills: Iterable[str]) -> list[str]:
    picked = sorted({skill.strip().lower() for skill in skills if skill.strip()})
    if not picked:
        raise Refused("no_skills", "A worker needs at least one skill")
    unknown = [skill for skill in picked if market.skills and skill not in market.skills]
    if unknown:
        raise Refused("unknown_skill", f"{', '.join(unknown)} is not traded in {market.name}")
    return picked


def check_place_for(market: Market, text: str) -> str:
    """A postcode in a UK market, a ZIP in an American one."""
    place = normalise_place(text)
    if place is None or (market.region == "US") != place[:5].isdecimal():
        example = PLACE_EXAMPLE.get(market.region, "E1 6AN")
        raise Refused(
            "bad_place", f"{text!r} is not a postcode or ZIP here, e.g. {example}", place=text
        )
    return place


def check_born(text: str, now: datetime) -> date:
    """A date of birth as 31/12/1990 or 1990-12-31, in the past and believable."""
    cleaned = text.strip()
    try:
        if "/" in cleaned:
            day, month, year = (int(part) for part in cleaned.split("/"))
            born = date(year, month, day)
        else:
            born = date.fromisoformat(cleaned)
    except ValueError as error:
        raise Refused("bad_date", "A date of birth like 31/12/1990") from error
    if not date(now.year - 100, 1, 1) < born < now.date():
        raise Refused("bad_date", "A date of birth like 31/12/1990")
    return born


def check_phone_free(session: Session, market: Market, raw: str) -> str:
    """The phone in E.164, refused when it is already a worker's, an operator's or a buyer's."""
    phone = to_e164(raw, market.region)
    worker = worker_by_phone(session, phone)
    if worker is not None and worker.status == WorkerStatus.ACTIVE:
        raise Refused("already_registered", f"{phone} is already registered ({worker.name})")
    if session.exec(select(Buyer.id).where(Buyer.phone == phone)).first():
        raise Refused("buyer_phone", f"{phone} is a buyer's contact phone")
    return phone


def onboard_walk_in(
    session: Session,
    market: Market,
    operator: Operator,
    phone: str,
    name: str,
    skills: Iterable[str],
    place: str,
    rate: str,
    now: datetime,
    born: str = "",
) -> Worker:
    """Staff sign up a worker at the desk; the worker gets a welcome text with their terms."""
    require(operator, OperatorRole.ADMIN, OperatorRole.STAFF)
    phone = check_phone_free(session, market, phone)
    name = check_name(name)
    picked = check_skills(market, skills)
    place = check_place_for(market, place)
    rate_minor = check_rate(parse_money(rate))
    date_of_birth = check_born(born, now) if born.strip() else None
    # As in sign-up by text: where pay and hours depend on age, the age must be known and allowed.
    if date_of_birth is None and needs_date_of_birth(session, market, now):
        raise Refused(
            "no_date_of_birth", "Pay and hours here depend on age: a date of birth is needed"
        )
    if date_of_birth is not None:
        until = too_young_until(session, market, date_of_birth, now)
        if until is not None:
            raise Refused("too_young", f"Too young to work here until {until:%d %b %Y}")
    worker = register_worker(
        session,
        market,
        phone,
        name,
        picked,
        place,
        rate_minor,
        now,
        changed_by=operator.username,
        date_of_birth=date_of_birth,
    )
    audit(session, operator.id, "walk_in", f"worker:{worker.id}", f"market:{market.id}", now)
    notify_worker(
        session,
        worker,
        "welcome_walk_in",
        now,
        name=worker.name,
        skills=list(picked),
        place=place,
        rate=format_money(rate_minor, market.currency),
    )
    return worker
