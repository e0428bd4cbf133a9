"""What staff do for a worker at the desk: change their terms at their request.

The change is recorded with who made it and why, and the worker is told by text. (Looking at a
worker's record is logged with its reason by exchange.access.)
"""

from datetime import datetime

from sqlmodel import Session, col, select

from exchange.audit import audit
from exchange.errors import Refused
from exchange.money import parse_money
from exchange.notices import notify_worker
from exchange.onboarding import check_name, check_place_for, check_skills
from exchange.operators import require
from exchange.workers import skills_of, update_terms
from store.models import Market, Operator, TermsChange, Worker
from store.statuses import OperatorRole, WorkerStatus

TERMS = ("asking_rate", "place", "skills", "name", "min_shift_minutes", "notice_minutes")


def change_terms(
    session: Session,
    worker_id: int,
    operator: Operator,
    reason: str,
    typed: dict[str, str],
    now: datetime,
) -> list[str]:
    """Change terms at the worker's request, as typed at the desk; returns the fields changed."""
    require(operator, OperatorRole.ADMIN, OperatorRole.STAFF)
    reason = " ".join(reason.split())
    if len(reason) < 4:
        raise Refused("no_reason", "Say why the terms change (the worker's request)")
    worker = session.get(Worker, worker_id)
    if worker is None or worker.status != WorkerStatus.ACTIVE:
        raise Refused("no_worker", "Only a registered worker's terms can change")
    market = session.get(Market, worker.market_id)
    changes: dict[str, object] = {}
    for field, text in typed.items():
        text = text.strip()
        if field not in TERMS:
            raise ValueError(f"{field} is not a term staff may change")
        if field == "asking_rate":
            value = parse_money(text)
            if value != worker.asking_rate_minor:
                changes["asking_rate_minor"] = value
        elif field == "place":
            value = check_place_for(market, text)
            if value != (worker.postcode or worker.zip):
                changes["place"] = value
        elif field == "skills":
            value = check_skills(market, text.replace(",", " ").split())
            if value != skills_of(session, worker_id):
                changes["skills"] = value
        elif field == "name":
            value = check_name(text)
            if value != worker.name:
                changes["name"] = value
        else:
            if not text.isdecimal() or not 0 <= int(text) <= 24 * 60:
                raise Refused("bad_number", "Give minutes as a whole number, up to 1440")
            if int(text) != getattr(worker, field):
                changes[field] = int(text)
    if not changes:
        return []
    changed = update_terms(
        session, worker, now, changed_by=operator.username, reason=reason, **changes
    )
    # Field names only: the values are the worker's own data, kept in TermsChange.
    audit(session, operator.id, "terms", f"worker:{worker_id}", ", ".join(changed), now)
    # The terms as data: the worker reads them in their own language.
    notify_worker(
        session, worker, "terms_changed_by_staff", now,
        changes={field: changes[field] for field in changed}, currency=worker.currency,
    )  # fmt: skip
    return changed


def terms_history(session: Session, worker_id: int, limit: int = 10) -> list[TermsChange]:
    return list(
        session.exec(
            select(TermsChange)
            .where(TermsChange.worker_id == worker_id)
            .order_by(col(TermsChange.id).desc())
            .limit(limit)
        )
    )
