"""Shifts: a buyer posts work, and may cancel it."""

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from exchange.areas import normalise_place
from exchange.audit import audit
from exchange.errors import Refused
from exchange.franchises import concession
from exchange.law.checks import check_shift
from exchange.ledger import settle_cancellation
from exchange.money import format_money, pay_for_minutes
from exchange.notices import notify_worker
from exchange.operators import refuse_operator_phone
from store.models import Booking, Buyer, Market, Offer, Shift, Worker
from store.statuses import SHIFT_OVER, BookingStatus, OfferStatus, ShiftStatus

MOST_SLOTS = 50
# A full UK postcode or a US ZIP inside an address; the last one in it is the site's.
POSTCODE_IN = re.compile(
    r"\b([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}|[0-9]{5}(?:-[0-9]{4})?)\b", re.I
)


def site_of(address: str) -> tuple[str, str]:
    """A site's full address and the postcode in it, the one matching uses:
    '12 Mare St, E8 1AA' -> ('12 Mare St, E8 1AA', 'E8 1AA')."""
    text = " ".join(address.split())
    found = POSTCODE_IN.findall(text)
    code = normalise_place(found[-1]) if found else None
    # A postcode alone is an area, not a door a worker can find.
    street = POSTCODE_IN.sub("", text).strip(" ,")
    if code is None or not street:
        raise Refused("bad_site", "A full address with its postcode, e.g. 12 Mare St, E8 1AA")
    return text, code


def postcode_in(address: str | None) -> str | None:
    """The postcode an address names, if it names one."""
    try:
        return site_of(address or "")[1]
    except Refused:
        return None


def address_of(shift: Shift) -> str:
    """Where the worker goes: the shift's address, ending with its postcode."""
    if not shift.place:
        return shift.postcode
    if postcode_in(shift.place) == shift.postcode:
        return shift.place
    return f"{shift.place}, {shift.postcode}"


def shift_minutes(shift: Shift) -> int:
    return int((shift.end - shift.start).total_seconds() // 60)


def shift_facts(shift: Shift, market: Market, buyer: Buyer | None = None) -> dict[str, Any]:
    """What a text about this shift needs to say, in a form the SMS layer renders locally."""
    facts = {
        "shift": shift.ref,
        "skill": shift.skill,
        "place": shift.place or shift.postcode,
        "postcode": shift.postcode,
        "start": shift.start.isoformat(),
        "end": shift.end.isoformat(),
        "tz": market.tz,
        "currency": shift.currency,
    }
    if shift.break_minutes:
        facts["break_minutes"] = shift.break_minutes
    if buyer is not None:
        facts["buyer"] = buyer.name
    return facts


def post_shift(
    session: Session,
    market: Market,
    buyer: Buyer,
    skill: str,
    postcode: str,
    start: datetime,
    end: datetime,
    slots: int,
    max_rate_minor: int,
    now: datetime,
    place: str | None = None,
    credentials: Iterable[str] = (),
    posted_by: int | None = None,
    break_minutes: int | None = None,
) -> Shift:
    """Post work into a market; refused with the reason when a rule of the market says no.

    With no `break_minutes` the shift carries the least break the law asks of its length. The
    posting is recorded in the audit chain as made by the operator `posted_by` (None: an
    administrator at the command line).
    """
    if buyer.phone:
        refuse_operator_phone(session, buyer.phone)
    if buyer.suspended_at is not None:
        raise Refused(
            "suspended",
            f"{buyer.name} has three live penalty points: postings wait for a staff review",
        )
    skill = skill.strip().lower()
    if market.skills and skill not in market.skills:
        raise Refused(
            "unknown_skill",
            f"{skill!r} is not traded here; this market has {', '.join(market.skills)}",
        )
    code = normalise_place(postcode)
    if code is None:
        raise Refused("bad_place", f"{postcode!r} is not a postcode or ZIP", place=postcode)
    named = postcode_in(place)
    if named is not None and named != code:
        # One place: the worker is sent where the offers were matched.
        raise Refused("two_places", f"The address is at {named} but the postcode given is {code}")
    if end <= start:
        raise Refused("bad_times", "The shift must end after it starts")
    if start <= now:
        raise Refused("past_shift", "The shift must start in the future")
    if not 1 <= slots <= MOST_SLOTS:
        raise Refused("bad_slots", f"A shift needs between 1 and {MOST_SLOTS} people")
    if max_rate_minor <= 0:
        raise Refused("bad_rate", "The top hourly rate must be more than nothing")
    minutes = int((end - start).total_seconds() // 60)
    value = pay_for_minutes(max_rate_minor, minutes)
    # Rule 7: the market's cap, inside the concession's.
    cap = min(market.booking_cap_minor, concession(session).booking_cap_minor)
    if value > cap:
        raise Refused(
            "over_cap",
            f"One booking could be worth {format_money(value, market.currency)}, over this "
            f"market's cap of {format_money(cap, market.currency)}",
            value=value,
            cap=cap,
        )
    break_minutes = check_shift(session, market, start, end, max_rate_minor, break_minutes)
    shift = Shift(
        market_id=market.id,
        buyer_id=buyer.id,
        skill=skill,
        postcode=code,
        place=place or buyer.default_place,
        start=start,
        end=end,
        slots=slots,
        max_rate_minor=max_rate_minor,
        currency=market.currency,
        credentials=sorted(set(credentials)),
        break_minutes=break_minutes,
        posted_by=posted_by,
        created_at=now,
    )
    session.add(shift)
    session.flush()
    shift.ref = f"S{shift.id}"
    audit(
        session,
        posted_by,
        "shift_posted",
        f"shift:{shift.id}",
        f"for buyer:{buyer.id}: {slots} x {skill} at {code}, top rate {max_rate_minor}",
        now,
    )
    return shift


def lock_shift(session: Session, shift_id: int) -> Shift | None:
    """Take the shift's row lock before touching its offers, so writers queue in one order.

    PostgreSQL locks the row; on SQLite the write transaction already holds the database.
    """
    query = select(Shift).where(Shift.id == shift_id).with_for_update()
    return session.exec(query.execution_options(populate_existing=True)).first()


def shift_by_ref(session: Session, ref: str) -> Shift | None:
    return session.exec(select(Shift).where(Shift.ref == ref.upper())).first()


def cancel_shift(
    session: Session, shift_id: int, reason: str, now: datetime, by: int | None = None
) -> list[int]:
    """The buyer cancels (through staff `by`, an operator's id, where one acts): live offers
    close, booked workers are told. Returns the workers told."""
    shift = lock_shift(session, shift_id)
    if shift is None:
        raise Refused("no_shift", "No such shift")
    if shift.status in SHIFT_OVER:
        raise Refused("shift_closed", f"Shift {shift.ref} is already {shift.status}")
    market = session.get(Market, shift.market_id)
    facts = shift_facts(shift, market, session.get(Buyer, shift.buyer_id))
    shift.status = ShiftStatus.CANCELLED
    shift.cancel_reason = reason
    audit(session, by, "shift_cancelled", f"shift:{shift.id}", reason, now)
    told: list[int] = []
    # Cancelled inside the market's notice, each booked worker is paid for some of the time.
    late = shift.start - now < timedelta(minutes=market.cancellation_notice_minutes)
    for booking in session.exec(
        select(Booking).where(Booking.shift_id == shift.id, Booking.status == BookingStatus.BOOKED)
    ).all():
        booking.status = BookingStatus.CANCELLED
        booking.ended_at = now
        session.add(booking)
        notify_worker(
            session,
            session.get(Worker, booking.worker_id),
            "shift_cancelled",
            now,
            reason=reason,
            **facts,
        )
        if late:
            settle_cancellation(session, booking.id, now)
        told.append(booking.worker_id)
    for offer in session.exec(
        select(Offer).where(Offer.shift_id == shift.id, Offer.status == OfferStatus.LIVE)
    ):
        offer.status = OfferStatus.WITHDRAWN
        session.add(offer)
        notify_worker(
            session,
            session.get(Worker, offer.worker_id),
            "offer_withdrawn",
            now,
            ref=offer.ref,
            **facts,
        )
        told.append(offer.worker_id)
    session.add(shift)
    return told


def buyer_shifts_to_come(
    session: Session, buyer_ids: list[int], now: datetime, most: int = 5
) -> list[tuple[Shift, list[str]]]:
    """The buyers' shifts not yet over and not called off, soonest first, each with the names
    of the workers booked on it."""
    shifts = session.exec(
        select(Shift)
        .where(
            Shift.buyer_id.in_(buyer_ids),
            Shift.end > now,
            Shift.status.not_in(SHIFT_OVER),
        )
        .order_by(Shift.start, Shift.id)
        .limit(most)
    ).all()
    booked: dict[int, list[str]] = {shift.id: [] for shift in shifts}
    rows = session.exec(
        select(Booking.shift_id, Worker.name)
        .join(Worker, Worker.id == Booking.worker_id)
        .where(Booking.shift_id.in_(list(booked)), Booking.status == BookingStatus.BOOKED)
        .order_by(Booking.id)
    ).all()
    for shift_id, name in rows:
        booked[shift_id].append(name)
    return [(shift, booked[shift.id]) for shift in shifts]
