"""`poems sandbox transcript`: the full record of a sandbox, readable by anyone.

Every text in and out, every shift, every offer with the reason it went where it went, every
booking and every look at a worker's data, in the order they happened, in market time.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from exchange.access import ACCESS_REASONS
from exchange.localtime import format_span
from exchange.money import format_money
from exchange.offer_reasons import reason_for_staff
from exchange.sandbox import is_sandbox
from store.db import Database
from store.models import Booking, Buyer, DataAccess, Market, Message, Offer, Operator, Shift, Worker

# Within one moment: the text that caused something comes before what it caused.
ORDER = {"in": 0, "shift": 1, "offer": 2, "booked": 3, "look": 4, "out": 5}
INDENT = " " * 28


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    key: int
    lines: list[str]


def transcript(db: Database, now: datetime) -> str:
    """The record of everything in the sandbox database, as plain text."""
    with db.read() as session:
        market = session.exec(select(Market).order_by(Market.id)).first()
        zone = ZoneInfo(market.tz)
        marked = is_sandbox(session)
        events = _events(session, market)
    stamp = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = [
        "POEMS SANDBOX TRANSCRIPT" if marked else "POEMS TRANSCRIPT (NOT A SANDBOX DATABASE)",
        "Fictitious people on a separate database; no text left this machine."
        if marked
        else "This database is not labelled a sandbox.",
        f"Written {stamp}. Market {market.name}: {market.tz}, {market.currency}. "
        "Times are market time.",
        "",
    ]
    body = []
    for event in sorted(events, key=lambda e: (e.at, ORDER[e.kind], e.key)):
        at = event.at.astimezone(zone)
        first, *rest = event.lines
        body.append(f"{at:%a %d %b %H:%M}  {event.kind.upper():<7} {first}")
        body += [INDENT + line for line in rest]
    counts = {kind: sum(1 for e in events if e.kind == kind) for kind in ORDER}
    summary = [
        "",
        f"{counts['in']} texts in, {counts['out']} texts out, {counts['shift']} shifts, "
        f"{counts['offer']} offers, {counts['booked']} bookings, {counts['look']} looks at "
        "private data.",
    ]
    return "\n".join(head + body + summary) + "\n"


def _events(session: Session, market: Market) -> list[Event]:
    names = {w.id: (w.name or "a worker", w.phone) for w in session.exec(select(Worker))}
    phones = {phone: name for name, phone in names.values()}
    buyers = {b.id: b for b in session.exec(select(Buyer))}
    phones |= {b.phone: b.name for b in buyers.values() if b.phone}
    shifts = {s.id: s for s in session.exec(select(Shift))}
    events = []
    for m in session.exec(select(Message).order_by(Message.id)):
        who = f"{phones.get(m.phone, 'someone')} ({m.phone})"
        arrow = "to" if m.direction == "out" else "from"
        kind = "out" if m.direction == "out" else "in"
        events.append(Event(m.created_at, kind, m.id, [f"{arrow} {who}: {m.body}"]))
    for s in shifts.values():
        money = format_money(s.max_rate_minor, s.currency)
        events.append(
            Event(
                s.created_at,
                "shift",
                s.id,
                [
                    f"{s.ref} for {buyers[s.buyer_id].name}: {s.skill} at {s.postcode}, "
                    f"{format_span(s.start, s.end, market.tz)}, {s.slots} places, up to {money}/hr"
                ],
            )
        )
    for o in session.exec(select(Offer).order_by(Offer.id)):
        name = names[o.worker_id][0]
        lines = [
            f"{o.ref} of {shifts[o.shift_id].ref} to {name} (wave {o.wave}, place {o.rank}), "
            f"now {o.status}",
            f"why: {reason_for_staff(o.reason, shifts[o.shift_id].currency, market.tz)}",
        ]
        events.append(Event(o.created_at, "offer", o.id, lines))
    for b in session.exec(select(Booking).order_by(Booking.id)):
        line = (
            f"{shifts[b.shift_id].ref}: {names[b.worker_id][0]} at "
            f"{format_money(b.rate_minor, b.currency)}/hr (the worker's own rate), now {b.status}"
        )
        events.append(Event(b.created_at, "booked", b.id, [line]))
    operators = {o.id: o.name for o in session.exec(select(Operator))}
    for a in session.exec(select(DataAccess).order_by(DataAccess.id)):
        who = operators.get(a.operator_id, "an administrator")
        why = ACCESS_REASONS.get(a.reason, a.reason) + (f": {a.detail}" if a.detail else "")
        line = f"{who} looked at {names[a.worker_id][0]}'s data: {why}"
        events.append(Event(a.at, "look", a.id, [line]))
    return [event for event in events if event.at is not None]


def write_transcript(db: Database, out: Path, now: datetime) -> int:
    """Write the transcript to `out`; returns the number of lines."""
    text = transcript(db, now)
    out.write_text(text, encoding="utf-8")
    return text.count("\n")
