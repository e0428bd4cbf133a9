"""WHY: in plain words, why an offer went (or did not go) to a worker.

An offer's reason was stored when it was made. For a shift that never reached the worker, the
market's own matching says whether they are eligible now; when they are not, the first rule
they miss is named (the law's rules from the skip the wave recorded).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from exchange.areas import covers
from exchange.law.skips import latest_left_out
from exchange.localtime import format_span
from exchange.matching import RANKING_RULES, eligible_workers
from exchange.money import format_money
from exchange.shifts import shift_by_ref, shift_minutes
from exchange.workers import skills_of
from store.models import (
    AvailabilityWindow,
    Booking,
    Market,
    Offer,
    OfferSkip,
    Shift,
    Worker,
    WorkerCredential,
)

OUTCOMES = {
    "live": "open now",
    "accepted": "you took it",
    "declined": "you passed",
    "filled": "filled before you said yes",
    "expired": "it timed out",
    "withdrawn": "the buyer cancelled",
}


def rule_words(market: Market) -> str:
    """The market's published ranking rule, in words."""
    return RANKING_RULES.get(market.ranking_rule, market.ranking_rule)


@dataclass(frozen=True)
class Explanation:
    """What to tell the worker: `kind` picks the words, `data` fills them."""

    kind: str
    data: dict[str, str]


def explain(
    session: Session, worker: Worker, market: Market, ref: str | None, now: datetime
) -> Explanation:
    """WHY or WHY <ref>: an offer of theirs, or a shift by its ref, or their latest news."""
    if ref is None:
        return _latest(session, worker, market, now)
    offer = session.exec(
        select(Offer)
        .where(Offer.worker_id == worker.id, Offer.ref == ref)
        .order_by(col(Offer.id).desc())
    ).first()
    if offer is not None:
        return _offer(offer, market)
    shift = shift_by_ref(session, ref if ref[:1].isalpha() else f"S{ref}")
    if shift is None:
        return Explanation("unknown_ref", {"ref": ref})
    mine = session.exec(
        select(Offer).where(Offer.worker_id == worker.id, Offer.shift_id == shift.id)
    ).first()
    if mine is not None:
        return _offer(mine, market)
    return _not_offered(session, worker, session.get(Market, shift.market_id), shift, now)


def _offer(offer: Offer, market: Market) -> Explanation:
    reason = offer.reason
    rule = rule_words(market)
    if rule not in reason:
        reason = f"{reason} Rule: {rule}."
    outcome = OUTCOMES.get(offer.status, offer.status)
    return Explanation("why_offer", {"ref": offer.ref, "outcome": outcome, "reason": reason})


def _latest(session: Session, worker: Worker, market: Market, now: datetime) -> Explanation:
    """The newest of: the last offer, or the last shift the law kept them from."""
    skipped = latest_left_out(session, worker.id)
    if skipped is not None:
        skip, shift = skipped
        return _shift_words(shift, session.get(Market, shift.market_id), skip.reason)
    offer = session.exec(
        select(Offer).where(Offer.worker_id == worker.id).order_by(col(Offer.id).desc())
    ).first()
    if offer is not None:
        return _offer(offer, market)
    return Explanation(
        "why_none", {"nudge": _hint(session, worker, now), "rule": rule_words(market)}
    )


def _hint(session: Session, worker: Worker, now: datetime) -> str:
    free = session.exec(
        select(AvailabilityWindow.id).where(
            AvailabilityWindow.worker_id == worker.id, col(AvailabilityWindow.end) > now
        )
    ).first()
    if free is None:
        return "You have no free times posted: text e.g. AVAILABLE SAT 9-5."
    skills = skills_of(session, worker.id)
    open_shift = session.exec(
        select(Shift.id).where(
            col(Shift.skill).in_(skills),
            col(Shift.status).in_(("open", "offering")),
            col(Shift.start) > now,
        )
    ).first()
    if open_shift is None:
        return f"No open {' or '.join(skills)} shifts just now."
    return "Open shifts did not fit your times, rate or area."


def _shift_words(shift: Shift, market: Market, why_not: str) -> Explanation:
    return Explanation(
        "why_shift",
        {
            "shift": shift.ref or "",
            "skill": shift.skill,
            "when": format_span(shift.start, shift.end, market.tz),
            "why_not": why_not,
            "rule": rule_words(market),
        },
    )


def _not_offered(
    session: Session, worker: Worker, market: Market, shift: Shift, now: datetime
) -> Explanation:
    return _shift_words(shift, market, why_not(session, worker, market, shift, now))


def why_not(session: Session, worker: Worker, market: Market, shift: Shift, now: datetime) -> str:
    """The first rule that kept a shift from this worker, in words."""
    money = format_money
    if shift.skill not in skills_of(session, worker.id):
        return f"it needs {shift.skill}"
    if worker.currency != shift.currency:
        return f"it pays in {shift.currency}"
    if (worker.asking_rate_minor or 0) > shift.max_rate_minor:
        return (
            f"you ask {money(worker.asking_rate_minor, worker.currency)}/hr, over the buyer's "
            f"top {money(shift.max_rate_minor, shift.currency)}"
        )
    if not covers(worker.travel_areas, shift.postcode):
        return f"{shift.postcode} is outside your area"
    if shift_minutes(shift) < worker.min_shift_minutes:
        return "it is shorter than the shortest shift you take"
    covered = session.exec(
        select(AvailabilityWindow.id).where(
            AvailabilityWindow.worker_id == worker.id,
            col(AvailabilityWindow.start) <= shift.start,
            col(AvailabilityWindow.end) >= shift.end,
        )
    ).first()
    if covered is None:
        return "you had not said you were free for all of it"
    for credential in shift.credentials:
        held = session.exec(
            select(WorkerCredential.id).where(
                WorkerCredential.worker_id == worker.id,
                WorkerCredential.credential == credential,
            )
        ).first()
        if held is None:
            return f"it needs {credential}"
    busy = session.exec(
        select(Booking.id)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(
            Booking.worker_id == worker.id,
            Booking.status == "booked",
            col(Shift.start) < shift.end,
            col(Shift.end) > shift.start,
        )
    ).first()
    if busy is not None:
        return "you were booked then"
    skip = session.exec(
        select(OfferSkip).where(OfferSkip.shift_id == shift.id, OfferSkip.worker_id == worker.id)
    ).first()
    if skip is not None:
        return skip.reason
    if shift.status in ("open", "offering") and shift.start > now:
        for candidate in eligible_workers(session, shift, market, now):
            if candidate.worker.id == worker.id:
                ahead = candidate.place - 1
                return (
                    f"you fit it; {ahead} came before you by the rule, so it may still reach you"
                    if ahead
                    else "you fit it and are next in line"
                )
    if shift.status == "filled":
        return "it was filled before your turn came"
    return "it did not fit you when it was offered"
