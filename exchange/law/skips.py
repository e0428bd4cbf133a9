"""Who the law kept from a shift, and by which rule: recorded as offers go out, read by WHY."""

import json
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from exchange.law.checks import Problem
from store.models import Offer, OfferSkip, Shift, Worker


def record_left_out(
    session: Session, shift_id: int, left_out: Sequence[tuple[Worker, Problem]], now: datetime
) -> None:
    """One row per shift and worker, updated to the latest rule that kept them away."""
    if not left_out:
        return
    held = {
        skip.worker_id: skip
        for skip in session.exec(
            select(OfferSkip).where(
                OfferSkip.shift_id == shift_id,
                col(OfferSkip.worker_id).in_([worker.id for worker, _ in left_out]),
            )
        )
    }
    for worker, problem in left_out:
        skip = held.get(worker.id) or OfferSkip(shift_id=shift_id, worker_id=worker.id, at=now)
        skip.rule, skip.reason, skip.at = problem.rule, json.dumps(problem.said), now
        held[worker.id] = skip
        session.add(skip)
    session.flush()


def latest_left_out(session: Session, worker_id: int) -> tuple[OfferSkip, Shift] | None:
    """The most recent shift the law kept this worker from, when newer than their last offer."""
    found = session.exec(
        select(OfferSkip, Shift)
        .join(Shift, col(Shift.id) == OfferSkip.shift_id)
        .where(OfferSkip.worker_id == worker_id)
        .order_by(col(OfferSkip.at).desc(), col(OfferSkip.id).desc())
    ).first()
    if found is None:
        return None
    last_offer = session.exec(
        select(Offer.created_at)
        .where(Offer.worker_id == worker_id)
        .order_by(col(Offer.created_at).desc())
    ).first()
    if last_offer is not None and last_offer > found[0].at:
        return None
    return found
