"""Staff see a worker's private data only with a reason, and the worker can see who looked.

Every door that shows an operator a worker's data (the console's record, a dispute's page, the
Inbox, `poems worker export`, `poems dispute show`) goes through `look_at_worker`, which keeps a
franchisee to their own markets' workers and records the look; WHO SAW by SMS reads
`accesses_for`.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from exchange.audit import audit
from exchange.errors import Refused
from exchange.operators import market_ids_for
from store.models import DataAccess, Operator, Worker

# Reason codes, and the words the worker reads for each.
ACCESS_REASONS: dict[str, str] = {
    "asked_by_worker": "you asked for help",
    "onboarding": "signing you up",
    "shift_problem": "a problem with a shift",
    "payment": "a payment question",
    "dispute": "deciding a dispute",
    "credential": "a check you agreed to",
    "safety": "a safety concern",
    "legal": "a legal request",
    "export": "a copy of your data",
    "other": "another reason",
}
LONGEST_DETAIL = 200


def record_access(
    session: Session,
    operator_id: int | None,
    worker_id: int,
    reason: str,
    detail: str | None,
    now: datetime,
) -> DataAccess:
    """Log that an operator opened a worker's data, and why; the audit chain records it too.

    `reason` is a code from ACCESS_REASONS; "other" needs `detail`. None as operator means an
    administrator at the `poems` command line.
    """
    if reason not in ACCESS_REASONS:
        raise Refused("bad_reason", f"Say why: one of {', '.join(ACCESS_REASONS)}")
    detail = " ".join((detail or "").split())[:LONGEST_DETAIL] or None
    if reason == "other" and not detail:
        raise Refused("no_detail", "Say in a few words why you need to see this worker")
    if operator_id is not None and session.get(Operator, operator_id) is None:
        raise Refused("no_operator", "No such operator")
    if session.get(Worker, worker_id) is None:
        raise Refused("no_worker", "No such worker")
    access = DataAccess(
        worker_id=worker_id, operator_id=operator_id, reason=reason, detail=detail, at=now
    )
    session.add(access)
    audit(
        session,
        operator_id,
        "access",
        f"worker:{worker_id}",
        f"{reason}: {detail}" if detail else reason,
        now,
    )
    session.flush()
    return access


def may_see_worker(session: Session, operator: Operator, worker: Worker) -> bool:
    """A franchisee sees only the workers of their own markets; other operators see all."""
    allowed = market_ids_for(session, operator)
    return allowed is None or worker.market_id in allowed


def look_at_worker(
    session: Session,
    operator: Operator,
    worker_id: int,
    reason: str,
    detail: str | None,
    now: datetime,
) -> Worker:
    """An operator opens a worker's data: refused outside what they may see, logged otherwise."""
    worker = session.get(Worker, worker_id)
    if worker is None:
        raise Refused("no_worker", "No such worker")
    if not may_see_worker(session, operator, worker):
        raise Refused("not_allowed", "That worker belongs to another franchisee's market")
    record_access(session, operator.id, worker.id, reason, detail, now)
    return worker


@dataclass(frozen=True)
class Seen:
    """One look at a worker's data, as the worker is told of it."""

    who: str
    at: datetime
    why: str
    reason: str = ""  # the reason's code, for words in the worker's language
    detail: str | None = None


def accesses_for(session: Session, worker_id: int) -> list[Seen]:
    """Every recorded look at this worker's data, newest first (the console logs its looks here)."""
    rows = session.exec(
        select(DataAccess, Operator)
        .join(Operator, col(Operator.id) == DataAccess.operator_id, isouter=True)
        .where(DataAccess.worker_id == worker_id)
        .order_by(col(DataAccess.at).desc(), col(DataAccess.id).desc())
    ).all()
    seen = []
    for access, operator in rows:
        who = f"{operator.name} ({operator.role})" if operator else "an administrator"
        why = ACCESS_REASONS.get(access.reason, access.reason)
        if access.detail:
            why = f"{why}: {access.detail}"
        seen.append(Seen(who, access.at, why, access.reason, access.detail))
    return seen
