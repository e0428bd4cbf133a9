"""WHY: in plain words, why an offer went (or did not go) to a worker.

An offer's reason was stored when it was made. For a shift that never reached the worker, the
requirements matching uses (exchange.eligibility) are asked in order for that worker, and the
first one missed is named (the law's rules from the skip the wave recorded). Everything here is
codes and data; sms/ words it in the worker's language.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from exchange.eligibility import unmet
from exchange.law.skips import latest_left_out
from exchange.matching import eligible_workers
from exchange.offer_reasons import read_reason
from exchange.shifts import shift_by_ref
from exchange.workers import skills_of
from store.models import AvailabilityWindow, Market, Offer, OfferSkip, Shift, Worker
from store.statuses import SHIFT_OPEN, ShiftStatus


def rule_said(market: Market) -> dict[str, str]:
    """The market's published ranking rule, as its words' code."""
    return {"code": f"rule_{market.ranking_rule}"}


@dataclass(frozen=True)
class Explanation:
    """What to tell the worker: `kind` picks the words, `data` fills them (pieces of words are
    given as {"code": ..., fields}, and sms/ says them in the worker's language)."""

    kind: str
    data: dict[str, Any]


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
        return _offer(session, offer, market)
    shift = shift_by_ref(session, ref if ref[:1].isalpha() else f"S{ref}")
    if shift is None:
        return Explanation("unknown_ref", {"ref": ref})
    mine = session.exec(
        select(Offer).where(Offer.worker_id == worker.id, Offer.shift_id == shift.id)
    ).first()
    if mine is not None:
        return _offer(session, mine, market)
    shift_market = session.get(Market, shift.market_id)
    return _shift_words(shift, shift_market, why_not(session, worker, shift_market, shift, now))


def _offer(session: Session, offer: Offer, market: Market) -> Explanation:
    shift = session.get(Shift, offer.shift_id)
    stored = read_reason(offer.reason)
    if "words" in stored:
        reason: dict[str, Any] = {"code": "why_recorded", "words": stored["words"]}
    else:
        last = stored.get("last_booked")
        reason = {
            "code": "why_ranked",
            "skill": shift.skill,
            "free_when": [stored["free_start"], stored["free_end"]],
            "asked_rate": stored["asked_rate"],
            "top_rate": shift.max_rate_minor,
            "place": shift.postcode,
            "position": stored["place"],
            "of": stored["of"],
            "booked": {"code": "why_last_booked", "last_booked_day": last}
            if last
            else {"code": "why_never_booked"},
        }
    return Explanation(
        "why_offer",
        {
            "ref": offer.ref,
            "outcome": {"code": f"why_outcome_{offer.status}"},
            "reason": reason,
            "rule": rule_said(market),
            "currency": shift.currency,
            "tz": market.tz,
        },
    )


def _latest(session: Session, worker: Worker, market: Market, now: datetime) -> Explanation:
    """The newest of: the last offer, or the last shift the law kept them from."""
    skipped = latest_left_out(session, worker.id)
    if skipped is not None:
        skip, shift = skipped
        return _shift_words(shift, session.get(Market, shift.market_id), json.loads(skip.reason))
    offer = session.exec(
        select(Offer).where(Offer.worker_id == worker.id).order_by(col(Offer.id).desc())
    ).first()
    if offer is not None:
        return _offer(session, offer, market)
    return Explanation(
        "why_none", {"nudge": _hint(session, worker, now), "rule": rule_said(market)}
    )


def _hint(session: Session, worker: Worker, now: datetime) -> dict[str, Any]:
    free = session.exec(
        select(AvailabilityWindow.id).where(
            AvailabilityWindow.worker_id == worker.id, col(AvailabilityWindow.end) > now
        )
    ).first()
    if free is None:
        return {"code": "why_nudge_free"}
    skills = skills_of(session, worker.id)
    open_shift = session.exec(
        select(Shift.id).where(
            col(Shift.skill).in_(skills),
            col(Shift.status).in_(SHIFT_OPEN),
            col(Shift.start) > now,
        )
    ).first()
    if open_shift is None:
        return {"code": "why_nudge_no_shifts", "skills": skills}
    return {"code": "why_nudge_no_fit"}


def _shift_words(shift: Shift, market: Market, why_not: dict[str, Any]) -> Explanation:
    return Explanation(
        "why_shift",
        {
            "shift": shift.ref or "",
            "skill": shift.skill,
            "start": shift.start.isoformat(),
            "end": shift.end.isoformat(),
            "tz": market.tz,
            "currency": shift.currency,
            "why_not": why_not,
            "rule": rule_said(market),
        },
    )


def why_not(
    session: Session, worker: Worker, market: Market, shift: Shift, now: datetime
) -> dict[str, Any]:
    """Why a shift did not come to this worker: the rule the law applied when offers went out,
    else the first requirement they miss (asked as offers were made, for a shift no longer
    open), else where they stand in line."""
    skip = session.exec(
        select(OfferSkip).where(OfferSkip.shift_id == shift.id, OfferSkip.worker_id == worker.id)
    ).first()
    if skip is not None:
        return json.loads(skip.reason)
    taking = shift.status in SHIFT_OPEN and shift.start > now
    at = now if taking or shift.created_at is None else shift.created_at
    missed = unmet(session, worker, shift, market, at)
    if missed is not None:
        return missed.said
    if taking:
        for candidate in eligible_workers(session, shift, market, now):
            if candidate.worker.id == worker.id:
                ahead = candidate.place - 1
                if ahead:
                    return {"code": "why_not_behind", "ahead": ahead}
                return {"code": "why_not_next"}
    if shift.status == ShiftStatus.FILLED:
        return {"code": "why_not_filled"}
    return {"code": "why_not_then"}
