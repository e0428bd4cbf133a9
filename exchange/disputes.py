"""Disputes: a worker or a buyer says something went wrong with a booking; the franchisee decides.

The complaining party is `opened_by` (worker or buyer), whoever typed it in. A decision is
uphold, part (an amount) or reject, always with a written reason both parties are sent; money
moves as balanced ledger transactions and a party found at fault gets a penalty point. An
appeal goes to a reviewer other than the first decider, whose decision replaces the first's
money and points. Nothing here punishes anyone by a timer: an untouched dispute only escalates.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from exchange import ledger
from exchange.access import record_access
from exchange.audit import audit
from exchange.errors import Refused
from exchange.franchises import concession
from exchange.localtime import local
from exchange.money import format_money, pay_for_minutes
from exchange.notices import notify_buyer, notify_worker
from exchange.operators import market_ids_for, require, require_market
from store.models import (
    Booking,
    Buyer,
    Dispute,
    DisputeDecision,
    DisputeEvent,
    Market,
    Offer,
    Operator,
    PenaltyPoint,
    Shift,
    Timesheet,
    Worker,
)
from store.statuses import DISPUTE_UNDECIDED, DisputeStatus, OperatorRole, TimesheetStatus

CATEGORIES = ("pay", "hours", "cancellation", "conduct", "safety", "other")
OUTCOMES = ("uphold", "part", "reject")
PARTIES = ("worker", "buyer")
# Plain strings: a command-line choice (`poems dispute ... --state`) matches an enum by name.
STATES = tuple(state.value for state in DisputeStatus)
# How far back a worker's bookings are looked for when a text does not name one.
RECENT = timedelta(days=60)
LONGEST_SUMMARY = 500


# Who hears what when a dispute opens, and when it or its appeal is decided, by who opened it:
# (the worker's words, the buyer's).
OPENED_WORDS = {
    "worker": ("dispute_opened_own", "buyer_dispute_opened_against"),
    "buyer": ("dispute_opened_against", "buyer_dispute_opened_own"),
}
DECIDED_WORDS = {
    ("first", "worker"): ("dispute_decided_own", "buyer_dispute_decided_against"),
    ("first", "buyer"): ("dispute_decided_against", "buyer_dispute_decided_own"),
    ("appeal", "worker"): ("appeal_decided_own", "buyer_appeal_decided_against"),
    ("appeal", "buyer"): ("appeal_decided_against", "buyer_appeal_decided_own"),
}


def other(party: str) -> str:
    return "buyer" if party == "worker" else "worker"


def recent_bookings(
    session: Session, worker_id: int, now: datetime, weekday: int | None = None, tz: str = "UTC"
) -> list[tuple[Booking, Shift, Offer | None]]:
    """The worker's bookings that have started in the last 60 days, newest first; `weekday`
    (Monday 0, in the market's zone) keeps those on that day."""
    rows = session.exec(
        select(Booking, Shift, Offer)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .outerjoin(Offer, col(Offer.id) == Booking.offer_id)
        .where(
            Booking.worker_id == worker_id,
            col(Shift.start) <= now,
            col(Shift.start) >= now - RECENT,
        )
        .order_by(col(Shift.start).desc(), col(Booking.id).desc())
    ).all()
    if weekday is not None:
        rows = [row for row in rows if local(row[1].start, tz).weekday() == weekday]
    return list(rows)


def booking_by_ref(session: Session, worker_id: int, ref: str) -> Booking | None:
    """A worker's booking by the offer reference they were sent or the booking number."""
    digits = ref.strip().lstrip("#")
    if not digits.isdecimal() or len(digits) > 9:
        return None
    by_offer = session.exec(
        select(Booking)
        .join(Offer, col(Offer.id) == Booking.offer_id)
        .where(Booking.worker_id == worker_id, Offer.ref == digits)
        .order_by(col(Booking.id).desc())
    ).first()
    if by_offer is not None:
        return by_offer
    booking = session.get(Booking, int(digits))
    return booking if booking is not None and booking.worker_id == worker_id else None


def dispute_by_ref(session: Session, ref: str) -> Dispute | None:
    cleaned = ref.strip().upper()
    if not cleaned.startswith("D"):
        cleaned = f"D{cleaned}"
    return session.exec(select(Dispute).where(Dispute.ref == cleaned)).first()


def party_dispute(
    session: Session, party: str, party_id: int, ref: str | None, now: datetime
) -> Dispute:
    """The party's own dispute by its reference; with none, their only one open to appeal."""
    owner = Dispute.worker_id if party == "worker" else Dispute.buyer_id
    if ref is None:
        open_to_appeal = session.exec(
            select(Dispute)
            .where(
                owner == party_id,
                Dispute.status == DisputeStatus.DECIDED,
                col(Dispute.appeal_until) >= now,
            )
            .order_by(col(Dispute.id))
        ).all()
        if len(open_to_appeal) == 1:
            return open_to_appeal[0]
        refs = ", ".join(dispute.ref for dispute in open_to_appeal)
        raise Refused(
            "which_dispute",
            f"Say which dispute: {refs}" if refs else "You have no decision open to appeal",
        )
    dispute = dispute_by_ref(session, ref)
    if dispute is None or getattr(dispute, f"{party}_id") != party_id:
        raise Refused("unknown_dispute", f"You have no dispute {ref.upper()}", ref=ref.upper())
    return dispute


def open_dispute(
    session: Session,
    booking_id: int,
    opened_by: str,
    category: str,
    summary: str,
    now: datetime,
    operator: Operator | None = None,
    claim_minor: int | None = None,
    message_id: int | None = None,
) -> Dispute:
    """Open a dispute about one booking for the complaining party; a second complaint about the
    same booking from the same party while it is undecided adds to the first."""
    if opened_by not in PARTIES:
        raise Refused("bad_party", "A dispute is opened for the worker or for the buyer")
    if category not in CATEGORIES:
        raise Refused("bad_category", f"A dispute is about one of {', '.join(CATEGORIES)}")
    summary = " ".join(summary.split())[:LONGEST_SUMMARY]
    if not summary:
        raise Refused("no_summary", "Say what went wrong")
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise Refused("no_booking", f"No booking {booking_id}")
    shift = session.get(Shift, booking.shift_id)
    if operator is not None:
        require(operator, OperatorRole.ADMIN, OperatorRole.STAFF, OperatorRole.FRANCHISEE)
        require_market(session, operator, shift.market_id)
    if claim_minor is not None and claim_minor < 0:
        raise Refused("bad_amount", "A claim cannot be less than nothing")
    known = session.exec(
        select(Dispute).where(
            Dispute.booking_id == booking.id,
            Dispute.opened_by == opened_by,
            col(Dispute.status).in_(DISPUTE_UNDECIDED),
        )
    ).first()
    if known is not None:
        add_event(session, known, "detail", opened_by, summary, now, message_id=message_id)
        if operator is None:
            # Their own words again, by text: they hear where the words went, not silence.
            if opened_by == "worker":
                worker = session.get(Worker, known.worker_id)
                notify_worker(session, worker, "dispute_reply_kept", now, dispute=known.ref)
            else:
                buyer = session.get(Buyer, known.buyer_id)
                notify_buyer(session, buyer, "buyer_dispute_reply_kept", now, dispute=known.ref)
        return known
    limits = concession(session)
    timesheet = session.exec(select(Timesheet).where(Timesheet.booking_id == booking.id)).first()
    if (
        timesheet is not None
        and timesheet.status == TimesheetStatus.AMENDED
        and opened_by == "worker"
    ):
        # Disputing changed hours holds the timesheet, unpaid, until the decision.
        timesheet.status = TimesheetStatus.DISPUTED
        timesheet.decided_at = now
        session.add(timesheet)
    if (
        claim_minor is None
        and timesheet is not None
        and timesheet.status == TimesheetStatus.DISPUTED
    ):
        claim_minor = _hours_claim(booking, timesheet)
    dispute = Dispute(
        market_id=shift.market_id,
        booking_id=booking.id,
        timesheet_id=timesheet.id if timesheet is not None else None,
        worker_id=booking.worker_id,
        buyer_id=shift.buyer_id,
        opened_by=opened_by,
        opened_by_operator_id=operator.id if operator is not None else None,
        category=category,
        summary=summary,
        claim_minor=claim_minor,
        currency=booking.currency,
        status=DisputeStatus.OPEN,
        opened_at=now,
        touched_at=now,
        due_at=now + timedelta(hours=limits.escalate_after_hours),
    )
    session.add(dispute)
    session.flush()
    dispute.ref = f"D{dispute.id}"
    session.add(dispute)
    add_event(
        session,
        dispute,
        "opened",
        opened_by,
        summary,
        now,
        operator_id=operator.id if operator is not None else None,
        message_id=message_id,
    )
    if operator is not None:
        audit(session, operator.id, "dispute_open", f"dispute:{dispute.id}", category, now)
    facts = _facts(session, dispute)
    worker = session.get(Worker, dispute.worker_id)
    buyer = session.get(Buyer, dispute.buyer_id)
    worker_kind, buyer_kind = OPENED_WORDS[dispute.opened_by]
    notify_worker(session, worker, worker_kind, now, **facts)
    notify_buyer(session, buyer, buyer_kind, now, **facts)
    return dispute


def add_event(
    session: Session,
    dispute: Dispute,
    kind: str,
    party: str,
    body: str,
    now: datetime,
    operator_id: int | None = None,
    message_id: int | None = None,
) -> DisputeEvent:
    event = DisputeEvent(
        dispute_id=dispute.id,
        kind=kind,
        party=party,
        operator_id=operator_id,
        message_id=message_id,
        body=body,
        at=now,
    )
    session.add(event)
    session.flush()
    return event


def ask(
    session: Session, dispute_id: int, operator: Operator, party: str, question: str, now: datetime
) -> DisputeEvent:
    """Text one party a question; their next reply attaches to the dispute."""
    dispute = _for_decider(session, dispute_id, operator)
    question = " ".join(question.split())
    if party not in PARTIES:
        raise Refused("bad_party", "Ask the worker or the buyer")
    if not question:
        raise Refused("no_question", "Type the question")
    buyer = session.get(Buyer, dispute.buyer_id)
    if party == "buyer" and not buyer.phone:
        raise Refused("no_phone", f"{buyer.name} has no phone to text")
    event = add_event(session, dispute, "question", party, question, now, operator_id=operator.id)
    # The question's words may name people; the chain records only who was asked.
    audit(session, operator.id, "dispute_question", f"dispute:{dispute.id}", f"to the {party}", now)
    _touch(session, dispute, now)
    facts = _facts(session, dispute) | {"question": question}
    if party == "worker":
        notify_worker(
            session, session.get(Worker, dispute.worker_id), "dispute_question", now, **facts
        )
    else:
        notify_buyer(session, buyer, "buyer_dispute_question", now, **facts)
    return event


def waiting_question(session: Session, party: str, party_id: int) -> Dispute | None:
    """The undecided dispute whose newest question to this party has no reply yet."""
    owner = Dispute.worker_id if party == "worker" else Dispute.buyer_id
    asked = session.exec(
        select(Dispute, DisputeEvent)
        .join(DisputeEvent, col(DisputeEvent.dispute_id) == Dispute.id)
        .where(
            owner == party_id,
            col(Dispute.status).in_(DISPUTE_UNDECIDED),
            DisputeEvent.party == party,
            col(DisputeEvent.kind).in_(("question", "reply")),
        )
        .order_by(col(DisputeEvent.id).desc())
    ).first()
    if asked is None or asked[1].kind != "question":
        return None
    return asked[0]


def add_detail(
    session: Session, dispute: Dispute, party: str, body: str, now: datetime
) -> DisputeEvent:
    """More words from a party about their undecided dispute; a decision is appealed instead."""
    if dispute.status not in DISPUTE_UNDECIDED:
        raise Refused(
            "decided",
            f"{dispute.ref} is decided: text APPEAL {dispute.ref} and why",
            ref=dispute.ref,
        )
    return add_event(session, dispute, "detail", party, " ".join(body.split()), now)


def attach_reply(
    session: Session,
    dispute: Dispute,
    party: str,
    body: str,
    now: datetime,
    message_id: int | None = None,
) -> DisputeEvent:
    """A party's answer, kept with the dispute for the decider."""
    body = " ".join(body.split())
    return add_event(session, dispute, "reply", party, body, now, message_id=message_id)


def add_note(session: Session, dispute_id: int, operator: Operator, note: str, now: datetime):
    """A note only deciders read; it counts as touching the dispute."""
    dispute = _for_decider(session, dispute_id, operator)
    note = " ".join(note.split())
    if not note:
        raise Refused("no_note", "Type the note")
    _touch(session, dispute, now)
    audit(session, operator.id, "dispute_note", f"dispute:{dispute.id}", None, now)
    return add_event(session, dispute, "note", "operator", note, now, operator_id=operator.id)


@dataclass(frozen=True)
class Decided:
    """What a decision did: the decision, the money moved (minor units) and any points given."""

    decision: DisputeDecision
    moved_minor: int
    points: list[PenaltyPoint]


def decide(
    session: Session,
    dispute_id: int,
    operator: Operator,
    outcome: str,
    reason: str,
    now: datetime,
    amount_minor: int | None = None,
    at_fault: str | None = None,
) -> Decided:
    """Decide a dispute, or an appeal of one, with a written reason; both parties are told."""
    dispute = _for_decider(session, dispute_id, operator)
    if dispute.status not in DISPUTE_UNDECIDED:
        raise Refused("decided", f"{dispute.ref} is already decided", ref=dispute.ref)
    reason = " ".join(reason.split())
    if not reason:
        raise Refused("no_reason", "A decision needs a written reason both sides can read")
    if outcome not in OUTCOMES:
        raise Refused("bad_outcome", f"The outcome is one of {', '.join(OUTCOMES)}")
    stage = "appeal" if dispute.status == DisputeStatus.APPEALED else "first"
    first = _decision(session, dispute, "first")
    if stage == "appeal" and first is not None and first.operator_id == operator.id:
        raise Refused(
            "same_reviewer", "An appeal is decided by someone other than the first decider"
        )
    amount = _amount(dispute, outcome, amount_minor)
    if at_fault is None:
        at_fault = other(dispute.opened_by) if outcome == "uphold" else "none"
    if at_fault not in ("worker", "buyer", "none"):
        raise Refused("bad_fault", "At fault is the worker, the buyer or none")
    decision = DisputeDecision(
        dispute_id=dispute.id,
        stage=stage,
        outcome=outcome,
        amount_minor=amount,
        at_fault=None if at_fault == "none" else at_fault,
        reason=reason,
        operator_id=operator.id,
        at=now,
    )
    session.add(decision)
    session.flush()
    if stage == "appeal" and first is not None:
        ledger.reverse(session, _txn(dispute, first), now)
        _withdraw_points(session, dispute, now)
    _settle_held_timesheet(session, dispute, now)
    if amount:
        ledger.award(
            session,
            dispute.booking_id,
            amount,
            dispute.opened_by == "worker",
            _txn(dispute, decision),
            now,
        )
    points = _give_point(session, dispute, decision, now)
    limits = concession(session)
    dispute.status = DisputeStatus.DECIDED if stage == "first" else DisputeStatus.CLOSED
    dispute.decided_at = now
    dispute.appeal_until = now + timedelta(days=limits.appeal_days) if stage == "first" else None
    _touch(session, dispute, now)
    add_event(session, dispute, "decision", "operator", reason, now, operator_id=operator.id)
    audit(
        session,
        operator.id,
        "dispute_decide",
        f"dispute:{dispute.id}",
        f"{stage} {outcome} {amount}",
        now,
    )
    _tell_decision(session, dispute, decision, now)
    return Decided(decision, amount, points)


def appeal(
    session: Session,
    dispute_id: int,
    party: str,
    why: str,
    now: datetime,
    message_id: int | None = None,
) -> Dispute:
    """A party appeals a decision within the concession's days; a second reviewer decides."""
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise Refused("no_dispute", "No such dispute")
    if dispute.status == DisputeStatus.APPEALED:
        raise Refused("already_appealed", f"{dispute.ref} is already under appeal", ref=dispute.ref)
    if dispute.status != DisputeStatus.DECIDED:
        raise Refused(
            "not_decided", f"{dispute.ref} has no decision to appeal yet", ref=dispute.ref
        )
    if dispute.appeal_until is None or now > dispute.appeal_until:
        raise Refused(
            "appeal_closed", f"The time to appeal {dispute.ref} has passed", ref=dispute.ref
        )
    first = _decision(session, dispute, "first")
    dispute.status = DisputeStatus.APPEALED
    dispute.reviewer_id = _reviewer(session, dispute, first.operator_id if first else None)
    limits = concession(session)
    dispute.due_at = now + timedelta(hours=limits.escalate_after_hours)
    dispute.touched_at = now
    session.add(dispute)
    why = " ".join(why.split()) or "No reason given"
    add_event(session, dispute, "appeal", party, why, now, message_id=message_id)
    facts = _facts(session, dispute)
    worker = session.get(Worker, dispute.worker_id)
    buyer = session.get(Buyer, dispute.buyer_id)
    if party == "worker":
        notify_worker(session, worker, "appeal_received", now, **facts)
        notify_buyer(session, buyer, "buyer_appeal_told", now, **facts)
    else:
        notify_buyer(session, buyer, "buyer_appeal_received", now, **facts)
        notify_worker(session, worker, "appeal_told", now, **facts)
    return dispute


def escalate_due(session: Session, now: datetime) -> list[int]:
    """Disputes nobody has touched in time go to job-centre staff, each once."""
    due = session.exec(
        select(Dispute.id).where(
            col(Dispute.status).in_((DisputeStatus.OPEN, DisputeStatus.APPEALED)),
            col(Dispute.escalated_at).is_(None),
            col(Dispute.due_at) <= now,
        )
    ).all()
    escalated = []
    for dispute_id in due:
        claimed = session.execute(
            update(Dispute)
            .where(col(Dispute.id) == dispute_id, col(Dispute.escalated_at).is_(None))
            .values(escalated_at=now)
        ).rowcount
        if not claimed:
            continue
        dispute = session.get(Dispute, dispute_id)
        session.refresh(dispute)
        if dispute.status == DisputeStatus.OPEN:
            dispute.status = DisputeStatus.ESCALATED
            session.add(dispute)
        hours = concession(session).escalate_after_hours
        add_event(
            session,
            dispute,
            "escalated",
            "exchange",
            f"Untouched for {hours} hours: sent to staff",
            now,
        )
        escalated.append(dispute_id)
    return escalated


def queue(
    session: Session, operator: Operator, state: str | None = None, limit: int = 500
) -> list[Dispute]:
    """The disputes this operator may see, oldest deadline first; a franchisee sees its own
    markets' only, staff see every market's (escalated ones are theirs to decide)."""
    query = select(Dispute).order_by(col(Dispute.due_at), col(Dispute.id)).limit(limit)
    allowed = market_ids_for(session, operator)
    if allowed is not None:
        query = query.where(col(Dispute.market_id).in_(allowed))
    if state is not None:
        query = query.where(Dispute.status == state)
    return list(session.exec(query))


def counts(session: Session, operator: Operator) -> dict[str, int]:
    """How many disputes this operator may see are in each state."""
    query = select(Dispute.status, func.count()).group_by(Dispute.status)
    allowed = market_ids_for(session, operator)
    if allowed is not None:
        query = query.where(col(Dispute.market_id).in_(allowed))
    found = dict(session.exec(query).all())
    return {state: int(found.get(state, 0)) for state in STATES}


def visible(session: Session, operator: Operator, dispute: Dispute) -> bool:
    allowed = market_ids_for(session, operator)
    return allowed is None or dispute.market_id in allowed


def look_at_dispute(session: Session, operator: Operator, dispute: Dispute, now: datetime) -> None:
    """An operator opens a dispute's page, with the worker's name, texts and timeline: refused
    outside their markets, and logged so the worker's WHO SAW shows who looked."""
    if not visible(session, operator, dispute):
        raise Refused("not_allowed", f"{dispute.ref} is in a market of another franchisee")
    record_access(session, operator.id, dispute.worker_id, "dispute", dispute.ref, now)


def decisions(session: Session, dispute_id: int) -> list[DisputeDecision]:
    return list(
        session.exec(
            select(DisputeDecision)
            .where(DisputeDecision.dispute_id == dispute_id)
            .order_by(col(DisputeDecision.id))
        )
    )


def live_points(
    session: Session, now: datetime, worker_id: int | None = None, buyer_id: int | None = None
) -> list[PenaltyPoint]:
    """Points not withdrawn and not yet expired, oldest first."""
    owner = (
        PenaltyPoint.worker_id == worker_id
        if worker_id is not None
        else PenaltyPoint.buyer_id == buyer_id
    )
    return list(
        session.exec(
            select(PenaltyPoint)
            .where(
                owner,
                col(PenaltyPoint.withdrawn_at).is_(None),
                col(PenaltyPoint.expires_at) > now,
            )
            .order_by(col(PenaltyPoint.given_at))
        )
    )


def review_suspension(
    session: Session,
    operator: Operator,
    now: datetime,
    note: str,
    worker_id: int | None = None,
    buyer_id: int | None = None,
) -> None:
    """Staff lift a suspension after a review; the points stay until they expire."""
    require(operator, OperatorRole.ADMIN, OperatorRole.STAFF)
    note = " ".join(note.split())
    if not note:
        raise Refused("no_reason", "Say what the review found")
    party = (
        session.get(Worker, worker_id) if worker_id is not None else session.get(Buyer, buyer_id)
    )
    if party is None or party.suspended_at is None:
        raise Refused("not_suspended", "Nobody is suspended there")
    party.suspended_at = None
    session.add(party)
    subject = f"worker:{worker_id}" if worker_id is not None else f"buyer:{buyer_id}"
    audit(session, operator.id, "suspension_lifted", subject, note, now)
    if isinstance(party, Worker):
        notify_worker(session, party, "suspension_lifted", now)
    else:
        notify_buyer(session, party, "buyer_suspension_lifted", now, buyer=party.name)


def _for_decider(session: Session, dispute_id: int, operator: Operator) -> Dispute:
    """The dispute, if this operator may act on it: its market's franchisee, staff or an admin."""
    require(operator, OperatorRole.ADMIN, OperatorRole.STAFF, OperatorRole.FRANCHISEE)
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise Refused("no_dispute", "No such dispute")
    require_market(session, operator, dispute.market_id)
    return dispute


def _touch(session: Session, dispute: Dispute, now: datetime) -> None:
    dispute.touched_at = now
    dispute.due_at = now + timedelta(hours=concession(session).escalate_after_hours)
    session.add(dispute)


def _decision(session: Session, dispute: Dispute, stage: str) -> DisputeDecision | None:
    return session.exec(
        select(DisputeDecision)
        .where(DisputeDecision.dispute_id == dispute.id, DisputeDecision.stage == stage)
        .order_by(col(DisputeDecision.id).desc())
    ).first()


def _txn(dispute: Dispute, decision: DisputeDecision) -> str:
    return f"dispute:{dispute.id}:{decision.stage}"


def _hours_claim(booking: Booking, timesheet: Timesheet) -> int:
    """What the hours in question are worth at the worker's rate."""
    claimed = pay_for_minutes(booking.rate_minor, timesheet.worker_minutes)
    offered = pay_for_minutes(booking.rate_minor, timesheet.buyer_minutes or 0)
    return max(0, claimed - offered)


def _amount(dispute: Dispute, outcome: str, amount_minor: int | None) -> int:
    if outcome == "reject":
        if amount_minor:
            raise Refused("bad_amount", "A rejected dispute moves no money")
        return 0
    if outcome == "part":
        if not amount_minor or amount_minor <= 0:
            raise Refused("no_amount", "A part decision needs the amount, e.g. 12.50")
        if dispute.claim_minor is not None and amount_minor > dispute.claim_minor:
            raise Refused(
                "over_claim",
                f"That is more than the claim of {format_money(dispute.claim_minor, dispute.currency)}",
            )
        return amount_minor
    return amount_minor if amount_minor is not None else (dispute.claim_minor or 0)


def _settle_held_timesheet(session: Session, dispute: Dispute, now: datetime) -> None:
    """The hours nobody disputes (the buyer's) are paid once the dispute is decided."""
    if dispute.timesheet_id is None:
        return
    timesheet = session.get(Timesheet, dispute.timesheet_id)
    if timesheet.status != TimesheetStatus.DISPUTED:
        return
    timesheet.status = TimesheetStatus.CONFIRMED
    timesheet.decided_at = now
    session.add(timesheet)
    session.flush()
    ledger.settle(session, timesheet.id, now)


def _give_point(
    session: Session, dispute: Dispute, decision: DisputeDecision, now: datetime
) -> list[PenaltyPoint]:
    if decision.at_fault is None:
        return []
    limits = concession(session)
    point = PenaltyPoint(
        worker_id=dispute.worker_id if decision.at_fault == "worker" else None,
        buyer_id=dispute.buyer_id if decision.at_fault == "buyer" else None,
        dispute_id=dispute.id,
        reason=f"{dispute.ref} ({dispute.category}): {decision.reason}"[:LONGEST_SUMMARY],
        given_at=now,
        expires_at=now + timedelta(days=limits.point_life_days),
    )
    session.add(point)
    session.flush()
    party, live = _holder(session, point, now)
    if len(live) >= limits.points_to_suspend and party.suspended_at is None:
        party.suspended_at = now
        session.add(party)
        facts = {"points": len(live)}
        if isinstance(party, Worker):
            notify_worker(session, party, "suspended", now, **facts)
        else:
            notify_buyer(session, party, "buyer_suspended", now, buyer=party.name, **facts)
    return [point]


def _holder(
    session: Session, point: PenaltyPoint, now: datetime
) -> tuple[Worker | Buyer, list[PenaltyPoint]]:
    """Whose record the point is on, and their live points."""
    if point.worker_id is not None:
        return session.get(Worker, point.worker_id), live_points(
            session, now, worker_id=point.worker_id
        )
    return session.get(Buyer, point.buyer_id), live_points(session, now, buyer_id=point.buyer_id)


def _withdraw_points(session: Session, dispute: Dispute, now: datetime) -> None:
    """An appeal's decision replaces the first: its points go, and with them any suspension
    they alone caused."""
    points = session.exec(
        select(PenaltyPoint).where(
            PenaltyPoint.dispute_id == dispute.id, col(PenaltyPoint.withdrawn_at).is_(None)
        )
    ).all()
    limits = concession(session)
    for point in points:
        point.withdrawn_at = now
        session.add(point)
    session.flush()
    for point in points:
        party, live = _holder(session, point, now)
        if party.suspended_at is not None and len(live) < limits.points_to_suspend:
            party.suspended_at = None
            session.add(party)


def _reviewer(session: Session, dispute: Dispute, first_decider: int | None) -> int | None:
    """Staff or an admin other than the first decider, with the fewest appeals waiting."""
    load = (
        select(func.count())
        .select_from(Dispute)
        .where(Dispute.reviewer_id == Operator.id, Dispute.status == DisputeStatus.APPEALED)
        .scalar_subquery()
    )
    query = (
        select(Operator.id)
        .where(col(Operator.role).in_((OperatorRole.ADMIN, OperatorRole.STAFF)))
        .order_by(load, col(Operator.id))
    )
    if first_decider is not None:
        query = query.where(Operator.id != first_decider)
    return session.exec(query).first()


def _facts(session: Session, dispute: Dispute) -> dict[str, object]:
    booking = session.get(Booking, dispute.booking_id)
    shift = session.get(Shift, booking.shift_id)
    market = session.get(Market, shift.market_id)
    worker = session.get(Worker, dispute.worker_id)
    buyer = session.get(Buyer, dispute.buyer_id)
    offer = session.get(Offer, booking.offer_id) if booking.offer_id else None
    return {
        "dispute": dispute.ref,
        "booking": str(booking.id),
        "offer": offer.ref if offer else str(booking.id),
        "skill": shift.skill,
        "day": local(shift.start, market.tz).date().isoformat(),
        "category": dispute.category,
        "worker": worker.name or "the worker",
        "buyer": buyer.name,
        "hours": concession(session).escalate_after_hours,
    }


def _tell_decision(
    session: Session, dispute: Dispute, decision: DisputeDecision, now: datetime
) -> None:
    facts = _facts(session, dispute) | {
        "decision": decision.outcome,
        "amount": format_money(decision.amount_minor, dispute.currency),
        "reason": decision.reason,
        "stage": decision.stage,
        "appeal_days": concession(session).appeal_days,
    }
    worker_kind, buyer_kind = DECIDED_WORDS[decision.stage, dispute.opened_by]
    notify_worker(session, session.get(Worker, dispute.worker_id), worker_kind, now, **facts)
    notify_buyer(session, session.get(Buyer, dispute.buyer_id), buyer_kind, now, **facts)
