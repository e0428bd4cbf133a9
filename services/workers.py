"""Workers for the console: pages found by phone or name through indexes, and one worker's record."""

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import and_, func, or_, tuple_
from sqlmodel import col, select

from exchange import access
from exchange.access import accesses_for
from exchange.availability import upcoming_windows
from exchange.credentials import ask_consent, checks_for
from exchange.desk import change_terms, terms_history
from exchange.errors import Refused
from exchange.localtime import format_span, local
from exchange.money import format_money
from exchange.onboarding import onboard_walk_in
from exchange.phones import to_e164
from exchange.portability import export_for_operator, import_for_operator
from exchange.workers import skills_of, worker_by_phone
from services.who import Who, home_market, operator_of
from store.db import Database
from store.models import (
    Booking,
    Market,
    Message,
    Offer,
    Shift,
    Worker,
    WorkerCredential,
    WorkerSkill,
)
from store.statuses import OfferStatus, WorkerStatus

PAGE = 60


@dataclass(frozen=True)
class WorkerRow:
    id: int
    name: str
    phone: str
    skills: str
    place: str
    rate: str
    status: str


@dataclass(frozen=True)
class Page:
    rows: list[WorkerRow]
    # Where the next page starts, or None at the end.
    next_key: tuple | None
    mode: str


def _upper_bound(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def phone_prefix(text: str, country_code: int = 44) -> str | None:
    """What a typed phone starts with in E.164: '07700 9' -> '+447700 9' without spaces."""
    cleaned = text.replace(" ", "").replace("-", "")
    if not cleaned or not cleaned.lstrip("+").isdecimal():
        return None
    if cleaned.startswith("+"):
        return cleaned
    if cleaned.startswith("0"):
        return f"+{country_code}{cleaned[1:]}"
    return "+" + cleaned


def search(
    db: Database, who: Who, text: str, after: tuple | None = None, limit: int = PAGE
) -> Page:
    """One page of workers: by phone prefix, by name prefix (any case), or all by id.

    Each reads an index range and stops at `limit`; a name no one starts with falls back to a
    bounded scan for the word anywhere in names.
    """
    text = " ".join(text.split())
    base = select(Worker).where(Worker.status != WorkerStatus.SIGNING_UP)
    if who.market_ids is not None:
        base = base.where(col(Worker.market_id).in_(who.market_ids))
    with db.read() as session:
        prefix = phone_prefix(text) if text else None
        if prefix:
            query = base.where(
                col(Worker.phone) >= prefix, col(Worker.phone) < _upper_bound(prefix)
            )
            if after:
                query = query.where(col(Worker.phone) > after[0])
            found = session.exec(query.order_by(Worker.phone).limit(limit)).all()
            key = (found[-1].phone,) if len(found) == limit else None
            return Page(_rows(session, found), key, "phone")
        if text:
            variants = {text, text.title(), text.lower(), text.upper()}
            ranges = or_(
                *(and_(col(Worker.name) >= v, col(Worker.name) < _upper_bound(v)) for v in variants)
            )
            query = base.where(ranges)
            if after and after[0] == "name":
                query = query.where(tuple_(Worker.name, Worker.id) > tuple_(after[1], after[2]))
            if not after or after[0] == "name":
                found = session.exec(query.order_by(Worker.name, Worker.id).limit(limit)).all()
                if found or after:
                    key = ("name", found[-1].name, found[-1].id) if len(found) == limit else None
                    return Page(_rows(session, found), key, "name")
            query = base.where(func.lower(Worker.name).contains(text.lower()))
            if after:
                query = query.where(col(Worker.id) > after[1])
            found = session.exec(query.order_by(Worker.id).limit(limit)).all()
            key = ("word", found[-1].id) if len(found) == limit else None
            return Page(_rows(session, found), key, "word")
        query = base.where(col(Worker.id) > after[0]) if after else base
        found = session.exec(query.order_by(Worker.id).limit(limit)).all()
        key = (found[-1].id,) if len(found) == limit else None
        return Page(_rows(session, found), key, "all")


def _rows(session, workers: list[Worker]) -> list[WorkerRow]:
    ids = [w.id for w in workers]
    skills: dict[int, list[str]] = {}
    if ids:
        for worker_id, skill in session.exec(
            select(WorkerSkill.worker_id, WorkerSkill.skill).where(
                col(WorkerSkill.worker_id).in_(ids)
            )
        ):
            skills.setdefault(worker_id, []).append(skill)
    return [
        WorkerRow(
            w.id,
            w.name or "",
            w.phone,
            ", ".join(sorted(skills.get(w.id, []))),
            w.postcode or w.zip or "",
            format_money(w.asking_rate_minor, w.currency) if w.asking_rate_minor else "",
            "opted out" if w.opted_out else w.status,
        )
        for w in workers
    ]


def count_workers(db: Database, who: Who) -> int:
    query = select(func.count()).select_from(Worker).where(Worker.status != WorkerStatus.SIGNING_UP)
    if who.market_ids is not None:
        query = query.where(col(Worker.market_id).in_(who.market_ids))
    with db.read() as session:
        return session.exec(query).one()


@dataclass(frozen=True)
class WorkerRecord:
    """Everything the desk sees about one worker, already in words."""

    id: int
    name: str
    phone: str
    status: str
    terms: list[tuple[str, str]]
    raw: dict[str, str]
    availability: list[str]
    bookings: list[str]
    credentials: list[str]
    messages: list[str]
    history: list[str]
    seen_by: list[str]


def record(db: Database, worker_id: int, now: datetime) -> WorkerRecord | None:
    with db.read() as session:
        worker = session.get(Worker, worker_id)
        if worker is None:
            return None
        market = session.get(Market, worker.market_id) if worker.market_id else None
        tz = market.tz if market else "UTC"
        skills = skills_of(session, worker.id)
        rate = (
            format_money(worker.asking_rate_minor, worker.currency)
            if worker.asking_rate_minor
            else "-"
        )
        place = worker.postcode or worker.zip or "-"
        terms = [
            ("Rate", f"{rate}/hr (theirs to set)"),
            ("Skills", ", ".join(skills) or "-"),
            ("Area", f"{place}; travels {', '.join(worker.travel_areas) or '-'}"),
            (
                "Shortest shift",
                f"{worker.min_shift_minutes} min; notice {worker.notice_minutes} min",
            ),
            ("Market", market.name if market else "-"),
            (
                "Texts",
                "opted out (STOP)" if worker.opted_out else f"on, language {worker.language}",
            ),
        ]
        raw = {
            "asking_rate": f"{worker.asking_rate_minor / 100:.2f}"
            if worker.asking_rate_minor
            else "",
            "place": place if place != "-" else "",
            "skills": " ".join(skills),
            "name": worker.name or "",
            "min_shift_minutes": str(worker.min_shift_minutes),
            "notice_minutes": str(worker.notice_minutes),
        }
        windows = [
            format_span(w.start, w.end, tz) for w in upcoming_windows(session, worker.id, now)
        ][:8]
        bookings = [
            f"{shift.ref} {shift.skill} {format_span(shift.start, shift.end, tz)} "
            f"{format_money(booking.rate_minor, booking.currency)}/hr {booking.status}"
            for booking, shift in session.exec(
                select(Booking, Shift)
                .join(Shift, col(Shift.id) == Booking.shift_id)
                .where(Booking.worker_id == worker.id)
                .order_by(col(Shift.start).desc())
                .limit(8)
            )
        ]
        offers = session.exec(
            select(Offer, Shift.ref)
            .join(Shift, col(Shift.id) == Offer.shift_id)
            .where(Offer.worker_id == worker.id, Offer.status == OfferStatus.LIVE)
        ).all()
        bookings += [f"offer {offer.ref} for {ref}, open" for offer, ref in offers]
        held = [
            f"{c.credential} confirmed by {c.source}"
            + (f" until {local(c.expires_at, tz):%d %b %Y}" if c.expires_at else "")
            for c in session.exec(
                select(WorkerCredential).where(WorkerCredential.worker_id == worker.id)
            )
        ]
        held += [
            f"{c.credential} check {c.ref}: {c.status}" + (f" ({c.result})" if c.result else "")
            for c in checks_for(session, worker.id)[:5]
        ]
        messages = [
            f"{local(m.created_at, tz):%d %b %H:%M} {'>' if m.direction == 'in' else '<'} {m.body}"
            for m in session.exec(
                select(Message)
                .where(Message.phone == worker.phone)
                .order_by(col(Message.id).desc())
                .limit(10)
            )
        ]
        history = [
            f"{local(t.at, tz):%d %b %H:%M} {t.field}: {t.old_value or '-'} -> {t.new_value} "
            f"by {t.changed_by}" + (f" ({t.reason})" if t.reason else "")
            for t in terms_history(session, worker.id, 8)
        ]
        seen_by = [
            f"{local(seen.at, tz):%d %b %H:%M} {seen.who}: {seen.why}"
            for seen in accesses_for(session, worker.id)[:5]
        ]
        return WorkerRecord(
            worker.id,
            worker.name or worker.phone,
            worker.phone,
            "opted out" if worker.opted_out else worker.status,
            terms,
            raw,
            windows,
            bookings,
            held,
            messages,
            history,
            seen_by,
        )


def export_to(db: Database, who: Who, worker_id: int, folder: Path, now: datetime) -> Path:
    """Write the worker's complete export (docs/worker-data.md) into `folder`; the copy is a
    look at their data, so it is recorded and their WHO SAW shows it."""
    with db.write() as session:
        document = export_for_operator(session, operator_of(session, who), worker_id, "export", now)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"poems-worker-{worker_id}-{now:%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class SignedUp:
    id: int
    name: str
    phone: str


def sign_up_walk_in(
    db: Database,
    who: Who,
    market_id: int,
    phone: str,
    name: str,
    skills: list[str],
    place: str,
    rate: str,
    now: datetime,
    born: str = "",
) -> SignedUp:
    """Staff sign a walk-in up at the desk; the worker gets a welcome text with their terms."""
    with db.write() as session:
        worker = onboard_walk_in(
            session,
            session.get(Market, market_id),
            operator_of(session, who),
            phone,
            name,
            skills,
            place,
            rate,
            now,
            born=born,
        )
        return SignedUp(worker.id, worker.name, worker.phone)


def change_worker_terms(
    db: Database, who: Who, worker_id: int, reason: str, typed: dict[str, str], now: datetime
) -> list[str]:
    """Terms changed at the worker's request, as typed at the desk; the fields changed."""
    with db.write() as session:
        return change_terms(session, worker_id, operator_of(session, who), reason, typed, now)


def ask_credential_check(
    db: Database, who: Who, worker_id: int, credential: str, now: datetime
) -> str:
    """Ask the worker's consent by text; nothing is looked up before their YES. The reference
    they answer with."""
    with db.write() as session:
        check = ask_consent(session, worker_id, credential.strip(), operator_of(session, who), now)
        return check.ref


def look_at_worker(
    db: Database, who: Who, worker_id: int, reason: str, detail: str | None, now: datetime
) -> None:
    """Opening a worker's record: refused outside what the operator may see, logged otherwise
    with the reason, which the worker's WHO SAW shows."""
    with db.write() as session:
        access.look_at_worker(session, operator_of(session, who), worker_id, reason, detail, now)


def export_worker(db: Database, who: Who, phone: str, reason: str, now: datetime) -> dict:
    """A complete copy of a worker's data, for the worker, found by their phone; refused outside
    the operator's markets, and recorded for their WHO SAW."""
    with db.write() as session:
        market = home_market(session, who) or session.exec(select(Market)).first()
        found = worker_by_phone(session, to_e164(phone, market.region))
        if found is None:
            raise Refused("no_worker", f"no worker with phone {phone}")
        return export_for_operator(session, operator_of(session, who), found.id, reason, now)


def import_worker(db: Database, who: Who, document: dict, now: datetime) -> str:
    """A worker's export brought in at their request; their phone."""
    with db.write() as session:
        return import_for_operator(session, operator_of(session, who), document, now).phone
