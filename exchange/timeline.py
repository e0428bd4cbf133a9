"""A dispute's evidence: the booking's whole story, in time order, from what was stored as it
happened (offers and their reasons, the YES, reminders, check-in and out, each version of the
timesheet, the money, every text of both parties about it, and the dispute's own events)."""

import re
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlmodel import Session, col, or_, select

from exchange.ledger import format_hours
from exchange.localtime import format_span
from exchange.money import format_money
from exchange.offer_reasons import reason_for_staff
from store.models import (
    Booking,
    Buyer,
    Deadline,
    Dispute,
    DisputeDecision,
    DisputeEvent,
    LedgerEntry,
    Market,
    Message,
    Notice,
    Offer,
    Operator,
    Shift,
    Timesheet,
    Worker,
)
from store.statuses import BookingStatus

DEADLINE_WORDS = {
    "reminder_evening": "Evening-before reminder sent",
    "reminder_before": "Reminder before the start sent",
    "checkin_check": "No check-in yet: the buyer was asked whether the worker arrived",
    "timesheet_auto_confirm": "The timesheet's time for the buyer to answer ran out",
}


@dataclass(frozen=True)
class Moment:
    """One thing that happened: when (UTC), what kind, who did or said it, and what."""

    at: datetime
    kind: str
    who: str
    text: str

    def as_dict(self) -> dict[str, str]:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        return data


def timeline(session: Session, dispute_id: int) -> list[Moment]:
    """Everything stored about the dispute's booking, oldest first."""
    dispute = session.get(Dispute, dispute_id)
    booking = session.get(Booking, dispute.booking_id)
    shift = session.get(Shift, booking.shift_id)
    market = session.get(Market, shift.market_id)
    worker = session.get(Worker, booking.worker_id)
    buyer = session.get(Buyer, shift.buyer_id)
    offer = session.get(Offer, booking.offer_id) if booking.offer_id else None
    worker_name = worker.name or "the worker"
    moments = [
        Moment(
            shift.created_at or booking.created_at,
            "shift",
            buyer.name,
            f"Shift {shift.ref} posted: {shift.skill} "
            f"{format_span(shift.start, shift.end, market.tz)}, {shift.slots} "
            f"{'person' if shift.slots == 1 else 'people'}, up to "
            f"{format_money(shift.max_rate_minor, shift.currency)}/hr",
        )
    ]
    if offer is not None:
        moments.append(
            Moment(
                offer.created_at,
                "offer",
                "exchange",
                f"Offer {offer.ref} (wave {offer.wave}, ranked {offer.rank}): "
                f"{reason_for_staff(offer.reason, shift.currency, market.tz)}",
            )
        )
        if offer.answered_at is not None:
            moments.append(
                Moment(
                    offer.answered_at, "answer", worker_name, f"Offer {offer.ref}: {offer.status}"
                )
            )
    moments.append(
        Moment(
            booking.created_at,
            "booking",
            "exchange",
            f"Booked at {format_money(booking.rate_minor, booking.currency)}/hr (booking "
            f"{booking.id})",
        )
    )
    moments += _deadlines(session, booking)
    moments += _on_the_day(booking, worker_name, buyer)
    moments += _timesheet(session, booking, worker_name, buyer)
    moments += _money(session, booking)
    moments += _texts(session, dispute, booking, shift, offer, worker, buyer)
    moments += _dispute(session, dispute, worker_name, buyer)
    return sorted((m for m in moments if m.at is not None), key=lambda m: m.at)


def _deadlines(session: Session, booking: Booking) -> list[Moment]:
    done = session.exec(
        select(Deadline).where(
            Deadline.booking_id == booking.id, col(Deadline.done_at).is_not(None)
        )
    ).all()
    return [
        Moment(d.done_at, "timer", "exchange", DEADLINE_WORDS.get(d.kind, d.kind)) for d in done
    ]


def _on_the_day(booking: Booking, worker_name: str, buyer: Buyer) -> list[Moment]:
    moments = []
    if booking.checked_in_at is not None:
        late = f" ({booking.late_minutes} min late)" if booking.late_minutes else ""
        moments.append(Moment(booking.checked_in_at, "check_in", worker_name, f"Checked in{late}"))
    if booking.checked_out_at is not None:
        moments.append(Moment(booking.checked_out_at, "check_out", worker_name, "Checked out"))
    if booking.ended_at is not None and booking.status != BookingStatus.BOOKED:
        moments.append(Moment(booking.ended_at, "booking", "exchange", f"Booking {booking.status}"))
    return moments


def _timesheet(session: Session, booking: Booking, worker_name: str, buyer: Buyer) -> list[Moment]:
    sheet = session.exec(select(Timesheet).where(Timesheet.booking_id == booking.id)).first()
    if sheet is None:
        return []
    moments = [
        Moment(
            sheet.submitted_at,
            "timesheet",
            worker_name,
            f"Timesheet: the worker's hours {format_hours(sheet.worker_minutes)}",
        )
    ]
    if sheet.decided_at is not None:
        if sheet.buyer_minutes is not None and sheet.buyer_minutes != sheet.worker_minutes:
            words = f"Timesheet: the buyer's hours {format_hours(sheet.buyer_minutes)}"
        else:
            words = f"Timesheet {sheet.status}"
        moments.append(Moment(sheet.decided_at, "timesheet", buyer.name, words))
    return moments


def _money(session: Session, booking: Booking) -> list[Moment]:
    """One line per ledger transaction: what each account got or paid."""
    entries = session.exec(
        select(LedgerEntry).where(LedgerEntry.booking_id == booking.id).order_by(LedgerEntry.id)
    ).all()
    by_txn: dict[str, list[LedgerEntry]] = {}
    for entry in entries:
        by_txn.setdefault(entry.txn, []).append(entry)
    return [
        Moment(
            legs[0].at,
            "money",
            "ledger",
            f"{txn}: "
            + ", ".join(
                f"{leg.account.split(':')[0]} {format_money(leg.amount_minor, leg.currency)}"
                for leg in legs
            ),
        )
        for txn, legs in by_txn.items()
    ]


# The notice fields that name a booking, an offer or a dispute; others (a count, a rate) may
# hold the same digits by chance.
NAMING = ("booking", "ref", "offer", "dispute", "timesheet")


def _names(notice: Notice, refs: set[str], shift: Shift, worker: Worker) -> bool:
    """The notice is about this booking: it names it, or it tells the buyer about this worker
    on this shift."""
    if refs & {str(notice.data.get(key)) for key in NAMING}:
        return True
    return notice.data.get("shift") == shift.ref and notice.data.get("worker") == worker.name


def _texts(
    session: Session,
    dispute: Dispute,
    booking: Booking,
    shift: Shift,
    offer: Offer | None,
    worker: Worker,
    buyer: Buyer,
) -> list[Moment]:
    """Texts of either party that name the booking, its offer or the dispute, or that the
    exchange sent about them, or that were attached to the dispute."""
    refs = {str(booking.id), dispute.ref}
    if offer is not None:
        refs.add(offer.ref)
    mention = re.compile(r"(?<![0-9A-Za-z])(?:" + "|".join(map(re.escape, refs)) + r")(?![0-9])")
    attached = set(
        session.exec(
            select(DisputeEvent.message_id).where(
                DisputeEvent.dispute_id == dispute.id, col(DisputeEvent.message_id).is_not(None)
            )
        )
    )
    phones = [phone for phone in (worker.phone, buyer.phone) if phone]
    since = offer.created_at if offer is not None else booking.created_at
    rows = session.exec(
        select(Message, Notice)
        .outerjoin(Notice, col(Notice.id) == Message.notice_id)
        .where(
            col(Message.phone).in_(phones),
            or_(col(Message.created_at) >= since, col(Message.id).in_(attached or {0})),
        )
        .order_by(Message.id)
    ).all()
    moments = []
    for message, notice in rows:
        about = (
            message.id in attached
            or (message.direction == "in" and mention.search(message.body) is not None)
            or (notice is not None and _names(notice, refs, shift, worker))
        )
        if not about:
            continue
        who = worker.name or worker.phone if message.phone == worker.phone else buyer.name
        arrow = f"{who} texted" if message.direction == "in" else f"to {who}"
        moments.append(Moment(message.created_at, "text", arrow, message.body))
    return moments


def _dispute(session: Session, dispute: Dispute, worker_name: str, buyer: Buyer) -> list[Moment]:
    names = {"worker": worker_name, "buyer": buyer.name, "exchange": "exchange"}
    operators = dict(session.exec(select(Operator.id, Operator.username)).all())
    events = session.exec(
        select(DisputeEvent)
        .where(DisputeEvent.dispute_id == dispute.id)
        .order_by(col(DisputeEvent.id))
    ).all()
    moments = []
    for event in events:
        if event.kind == "decision":
            continue
        who = operators.get(event.operator_id) or names.get(event.party, event.party)
        if event.kind == "question":
            text = f"Asked the {event.party}: {event.body}"
        else:
            text = f"{event.kind.capitalize()}: {event.body}"
        moments.append(Moment(event.at, f"dispute_{event.kind}", who, text))
    decisions = session.exec(
        select(DisputeDecision).where(DisputeDecision.dispute_id == dispute.id)
    ).all()
    for decision in decisions:
        fault = f"; at fault: {decision.at_fault}" if decision.at_fault else ""
        moments.append(
            Moment(
                decision.at,
                "decision",
                operators.get(decision.operator_id, "?"),
                f"{decision.stage.capitalize()} decision: {decision.outcome} "
                f"{format_money(decision.amount_minor, dispute.currency)}{fault}. "
                f"Reason: {decision.reason}",
            )
        )
    return moments
