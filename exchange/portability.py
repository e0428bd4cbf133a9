"""A worker's data as one JSON document another system can import (docs/worker-data.md).

The document links records by the references people see (shift refs like "S12", booking refs,
offer refs), never by database ids, and names buyers and markets: it reads the same in any
exchange. `import_worker` rebuilds the same trading history from it; in an empty database every
reference is kept as it was.
"""

import re
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, text
from sqlmodel import Session, SQLModel, col, select

from exchange.access import accesses_for, look_at_worker
from exchange.audit import audit
from exchange.errors import Refused
from exchange.franchises import add_market
from exchange.operators import may_write, require
from exchange.workers import skills_of, worker_by_phone
from store.models import (
    AvailabilityPattern,
    AvailabilityWindow,
    Booking,
    Buyer,
    CredentialCheck,
    LedgerEntry,
    Market,
    Message,
    Offer,
    Operator,
    Shift,
    TermsChange,
    Timesheet,
    Worker,
    WorkerCredential,
    WorkerSkill,
)
from store.statuses import OperatorRole
from store.types import UTCDateTime

FORMAT = "poems-worker-export"
VERSION = "1.0"
MARKET_FIELDS = ("name", "sector", "area", "tz", "currency", "region")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def dump(row: SQLModel, *drop: str) -> dict[str, Any]:
    """Every column but ids, links and those named, as JSON values."""
    return {
        column.name: _plain(getattr(row, column.name))
        for column in row.__table__.columns
        if not (column.primary_key or column.foreign_keys or column.name in drop)
    }


def load(model: type[SQLModel], data: dict[str, Any], **links: Any) -> Any:
    """A new row of `model` from `dump` output: unknown keys ignored, missing ones default."""
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.name not in data or column.primary_key or column.foreign_keys:
            continue
        value = data[column.name]
        if value is not None and isinstance(column.type, UTCDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        values[column.name] = value
    return model(**values, **links)


def export_worker(session: Session, worker: Worker, now: datetime) -> dict[str, Any]:
    """Everything held about a worker and their trading, as one document."""
    wid = worker.id
    offers = session.exec(select(Offer).where(Offer.worker_id == wid).order_by(Offer.id)).all()
    bookings = session.exec(
        select(Booking).where(Booking.worker_id == wid).order_by(Booking.id)
    ).all()
    shift_ids = {o.shift_id for o in offers} | {b.shift_id for b in bookings}
    shifts = {
        s.id: s
        for s in session.exec(select(Shift).where(col(Shift.id).in_(shift_ids)).order_by(Shift.id))
    }
    buyers = {b.id: b for b in session.exec(select(Buyer)).all()}
    markets = {m.id: m for m in session.exec(select(Market)).all()}
    used_markets = {worker.market_id} | {s.market_id for s in shifts.values()}
    patterns = session.exec(
        select(AvailabilityPattern)
        .where(AvailabilityPattern.worker_id == wid)
        .order_by(AvailabilityPattern.id)
    ).all()
    pattern_index = {p.id: i for i, p in enumerate(patterns)}

    def rows(model: type[SQLModel], *drop: str) -> list[dict[str, Any]]:
        found = session.exec(select(model).where(model.worker_id == wid).order_by(model.id))
        return [dump(row, *drop) for row in found]

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _plain(now),
        "markets": [
            {field: getattr(markets[mid], field) for field in MARKET_FIELDS}
            for mid in sorted(m for m in used_markets if m is not None)
        ],
        "worker": dump(worker)
        | {"market": markets[worker.market_id].name if worker.market_id else None},
        "skills": skills_of(session, wid),
        "credentials": rows(WorkerCredential),
        "credential_checks": rows(CredentialCheck),
        "terms_changes": rows(TermsChange),
        "availability_patterns": [dump(p) for p in patterns],
        "availability": [
            dump(w) | {"pattern": pattern_index.get(w.pattern_id)}
            for w in session.exec(
                select(AvailabilityWindow)
                .where(AvailabilityWindow.worker_id == wid)
                .order_by(AvailabilityWindow.id)
            )
        ],
        "shifts": [
            dump(s) | {"market": markets[s.market_id].name, "buyer": buyers[s.buyer_id].name}
            for s in shifts.values()
        ],
        "offers": [dump(o) | {"shift": shifts[o.shift_id].ref} for o in offers],
        "bookings": [_booking_out(session, b, shifts[b.shift_id]) for b in bookings],
        "ledger": [
            dump(e, "account")
            | {
                "account": _account_out(e.account, wid, buyers, markets),
                "booking": str(e.booking_id) if e.booking_id else None,
            }
            for e in session.exec(
                select(LedgerEntry).where(LedgerEntry.worker_id == wid).order_by(LedgerEntry.id)
            )
        ],
        "messages": [
            dump(m, "phone")
            for m in session.exec(
                select(Message)
                .where((Message.worker_id == wid) | (Message.phone == worker.phone))
                .order_by(Message.id)
            )
        ],
        "seen_by": [
            {"who": seen.who, "at": _plain(seen.at), "why": seen.why}
            for seen in accesses_for(session, wid)
        ],
    }


def export_for_operator(
    session: Session, operator: Operator, worker_id: int, reason: str, now: datetime
) -> dict[str, Any]:
    """A complete copy of a worker's data made by an operator, for the worker: refused to an
    auditor (who reads but does not act) and outside a franchisee's markets; the worker's WHO
    SAW shows the copy was made."""
    if not may_write(operator):
        raise Refused("not_allowed", "An auditor reads but does not act: staff make the copy")
    worker = look_at_worker(session, operator, worker_id, reason, None, now)
    return export_worker(session, worker, now)


def _booking_out(session: Session, booking: Booking, shift: Shift) -> dict[str, Any]:
    timesheet = session.exec(select(Timesheet).where(Timesheet.booking_id == booking.id)).first()
    return dump(booking) | {
        "ref": str(booking.id),
        "shift": shift.ref,
        "timesheet": dump(timesheet) if timesheet else None,
    }


def _account_out(
    account: str, wid: int, buyers: dict[int, Buyer], markets: dict[int, Market]
) -> str:
    """Ledger accounts named, not numbered: "worker", "tax", "buyer:Rosewood", ..."""
    role, _, ident = account.partition(":")
    if role in ("worker", "tax") and ident == str(wid):
        return role
    if role == "buyer" and ident.isdecimal() and int(ident) in buyers:
        return f"buyer:{buyers[int(ident)].name}"
    if role == "franchisee" and ident.isdecimal() and int(ident) in markets:
        return f"franchisee:{markets[int(ident)].name}"
    return account


def import_for_operator(
    session: Session, operator: Operator, data: dict[str, Any], now: datetime
) -> Worker:
    """Bring a worker's export in at their request: staff or an admin does it, since the worker
    may come from any market."""
    require(operator, OperatorRole.ADMIN, OperatorRole.STAFF)
    return import_worker(session, data, now)


def import_worker(session: Session, data: dict[str, Any], now: datetime) -> Worker:
    """Rebuild a worker and their trading history from an export."""
    if data.get("format") != FORMAT or str(data.get("version", "")).split(".")[0] != "1":
        raise Refused("bad_format", f"Not a {FORMAT} version 1 document")
    phone = data["worker"]["phone"]
    if worker_by_phone(session, phone) is not None:
        raise Refused("already_here", "A worker with this phone is already on this exchange")
    markets = {m["name"]: _market(session, m, now) for m in data["markets"]}
    home = markets.get(data["worker"].get("market"))
    worker = load(Worker, data["worker"], market_id=home.id if home else None)
    session.add(worker)
    session.flush()
    wid = worker.id
    session.add_all(WorkerSkill(worker_id=wid, skill=skill) for skill in data["skills"])
    for model, key in (
        (WorkerCredential, "credentials"),
        (CredentialCheck, "credential_checks"),
        (TermsChange, "terms_changes"),
    ):
        session.add_all(load(model, row, worker_id=wid) for row in data[key])
    patterns = [load(AvailabilityPattern, p, worker_id=wid) for p in data["availability_patterns"]]
    session.add_all(patterns)
    session.flush()
    for window in data["availability"]:
        pattern = patterns[window["pattern"]].id if window.get("pattern") is not None else None
        session.add(load(AvailabilityWindow, window, worker_id=wid, pattern_id=pattern))
    shifts = {row["ref"]: _shift(session, row, markets[row["market"]]) for row in data["shifts"]}
    offers: dict[str, int] = {}
    for row in data["offers"]:
        offer = load(Offer, row, shift_id=shifts[row["shift"]].id, worker_id=wid)
        session.add(offer)
        session.flush()
        offers[row["shift"]] = offer.id
    booking_refs: dict[str, str] = {}
    for row in data["bookings"]:
        booking = load(
            Booking,
            row,
            shift_id=shifts[row["shift"]].id,
            worker_id=wid,
            offer_id=offers.get(row["shift"]),
        )
        booking.id = _free_id(session, Booking, row["ref"])
        session.add(booking)
        session.flush()
        booking_refs[row["ref"]] = str(booking.id)
        if row.get("timesheet"):
            sheet = load(Timesheet, row["timesheet"], booking_id=booking.id)
            sheet.ref = booking_refs.get(sheet.ref, sheet.ref)
            session.add(sheet)
    for row in data["ledger"]:
        entry = load(LedgerEntry, row, worker_id=wid)
        if row.get("booking") in booking_refs:
            entry.booking_id = int(booking_refs[row["booking"]])
        kind, _, ref = entry.txn.rpartition(":")
        if ref in booking_refs:
            entry.txn = f"{kind}:{booking_refs[ref]}"
        entry.account = _account_in(session, row["account"], wid, markets)
        session.add(entry)
    for row in data["messages"]:
        message = load(Message, row, phone=phone, worker_id=wid)
        sid = message.provider_sid
        if sid and session.exec(select(Message.id).where(Message.provider_sid == sid)).first():
            message.provider_sid = None
        session.add(message)
    session.flush()
    _catch_up_sequences(session)
    audit(session, None, "import", f"worker:{wid}", f"export of {data.get('exported_at')}", now)
    return worker


def _market(session: Session, data: dict[str, Any], now: datetime) -> Market:
    market = session.exec(select(Market).where(Market.name == data["name"])).first()
    if market is None:
        fields = {field: data[field] for field in MARKET_FIELDS if field in data}
        market = add_market(session, Market(**fields), now)
    return market


def _shift(session: Session, row: dict[str, Any], market: Market) -> Shift:
    """A shift as the worker saw it; its ref (and id) kept when free here."""
    buyer = session.exec(select(Buyer).where(Buyer.name == row["buyer"])).first()
    if buyer is None:
        buyer = Buyer(market_id=market.id, name=row["buyer"])
        session.add(buyer)
        session.flush()
    shift = load(Shift, row, market_id=market.id, buyer_id=buyer.id)
    ref = row.get("ref") or ""
    taken = session.exec(select(Shift.id).where(Shift.ref == ref)).first() is not None
    match = re.fullmatch(r"S(\d+)", ref)
    # Refs are "S" and the id: keep both together, or take a new id and the ref that goes with it.
    shift.id = _free_id(session, Shift, match.group(1)) if match and not taken else None
    keep = not taken and (shift.id is not None or not match)
    shift.ref = ref if keep else None
    session.add(shift)
    session.flush()
    if shift.ref is None:
        shift.ref = f"S{shift.id}"
        session.add(shift)
    return shift


def _free_id(session: Session, model: type[SQLModel], ref: str) -> int | None:
    """The id a reference names, when no row has it yet; else None (a new id)."""
    if not ref.isdecimal() or session.get(model, int(ref)) is not None:
        return None
    return int(ref)


def _account_in(session: Session, account: str, wid: int, markets: dict[str, Market]) -> str:
    if account in ("worker", "tax"):
        return f"{account}:{wid}"
    role, _, name = account.partition(":")
    if role == "buyer":
        buyer = session.exec(select(Buyer).where(Buyer.name == name)).first()
        return f"buyer:{buyer.id}" if buyer else account
    if role == "franchisee" and name in markets:
        return f"franchisee:{markets[name].id}"
    return account


def _catch_up_sequences(session: Session) -> None:
    """Rows inserted with their ids leave PostgreSQL's sequences behind; move them on."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("shift", "booking"):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
            )
        )
