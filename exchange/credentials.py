"""Checks of official records, run only after the worker says YES by SMS (rule 8).

Staff ask; the worker gets a text with a reference; a YES with it records consent; only then
does a verifier look the record up. A verifier is anything with `name` and `verify()`: the
file-backed demo registry here, or an adapter for a real registry that plugs in the same way.
"""

import csv
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import update
from sqlmodel import Session, col, select

from exchange.audit import audit
from exchange.errors import Refused
from exchange.notices import notify_worker
from exchange.operators import require
from store.models import CredentialCheck, Offer, Operator, Worker, WorkerCredential
from store.statuses import CredentialCheckStatus, OfferStatus, OperatorRole, WorkerStatus

# What each credential is called in a text, and who holds the record.
KINDS: dict[str, tuple[str, str]] = {
    "licence": ("licence", "the licensing authority"),
    "dbs": ("DBS certificate", "the Disclosure and Barring Service"),
    "food_hygiene": ("food hygiene certificate", "the awarding body"),
    "driving": ("driving licence", "the DVLA"),
}
CONSENT_WINDOW = timedelta(days=3)
DEMO_REGISTRY = Path(__file__).parent / "data" / "demo_registry.csv"


@dataclass(frozen=True)
class Verdict:
    """What a registry said: whether the credential holds, in words, and until when."""

    valid: bool
    detail: str
    expires_at: datetime | None = None


class Verifier(Protocol):
    """Looks one credential up in a registry of record."""

    name: str

    def verify(self, credential: str, phone: str, name: str | None, now: datetime) -> Verdict: ...


class FileRegistryVerifier:
    """A registry kept in a CSV file (credential, phone, name, status, expires): the demo's."""

    name = "demo registry"

    def __init__(self, path: Path = DEMO_REGISTRY) -> None:
        with path.open(newline="", encoding="utf-8") as handle:
            self.rows = list(csv.DictReader(handle))

    def verify(self, credential: str, phone: str, name: str | None, now: datetime) -> Verdict:
        for row in self.rows:
            if row["credential"] != credential or row["phone"] != phone:
                continue
            expires = (
                datetime.fromisoformat(row["expires"]).replace(tzinfo=UTC)
                if row["expires"]
                else None
            )
            if row["status"] != "valid":
                return Verdict(False, f"the record says {row['status']}")
            if expires is not None and expires <= now:
                return Verdict(False, "the record has expired")
            return Verdict(True, "the record is valid", expires)
        return Verdict(False, "no record was found for this phone")


def _ref(session: Session, worker_id: int, rng: random.Random) -> str:
    """Four digits, clear of this worker's live offer references and pending checks."""
    taken = set(
        session.exec(
            select(Offer.ref).where(Offer.worker_id == worker_id, Offer.status == OfferStatus.LIVE)
        )
    ) | set(
        session.exec(
            select(CredentialCheck.ref).where(
                CredentialCheck.worker_id == worker_id,
                CredentialCheck.status == CredentialCheckStatus.ASKED,
            )
        )
    )
    while True:
        ref = str(rng.randint(1000, 9999))
        if ref not in taken:
            return ref


def ask_consent(
    session: Session,
    worker_id: int,
    credential: str,
    operator: Operator,
    now: datetime,
    rng: random.Random | None = None,
) -> CredentialCheck:
    """Staff start a check: nothing is looked up, the worker is asked by text."""
    require(operator, OperatorRole.ADMIN, OperatorRole.STAFF)
    if credential not in KINDS:
        raise Refused("unknown_credential", f"Credentials checked here: {', '.join(KINDS)}")
    worker = session.get(Worker, worker_id)
    if worker is None or worker.status != WorkerStatus.ACTIVE:
        raise Refused("no_worker", "Only a registered worker can be asked")
    if worker.opted_out:
        raise Refused("opted_out", "This worker has opted out of texts, so cannot be asked")
    if pending(session, worker_id, credential):
        raise Refused("already_asked", "This worker was already asked; waiting for their reply")
    check = CredentialCheck(
        worker_id=worker_id,
        credential=credential,
        ref=_ref(session, worker_id, rng or random.SystemRandom()),
        requested_by=operator.id,
        asked_at=now,
        expires_at=now + CONSENT_WINDOW,
    )
    session.add(check)
    session.flush()
    audit(session, operator.id, "credential_asked", f"worker:{worker_id}", credential, now)
    thing, authority = KINDS[credential]
    notify_worker(
        session, worker, "credential_ask", now, ref=check.ref, thing=thing, authority=authority
    )
    return check


def pending(
    session: Session, worker_id: int, credential: str | None = None
) -> list[CredentialCheck]:
    query = select(CredentialCheck).where(
        CredentialCheck.worker_id == worker_id,
        CredentialCheck.status == CredentialCheckStatus.ASKED,
    )
    if credential is not None:
        query = query.where(CredentialCheck.credential == credential)
    return list(session.exec(query.order_by(CredentialCheck.id)))


def awaiting_answer(
    session: Session, worker_id: int, ref: str | None, now: datetime
) -> CredentialCheck | None:
    """The asked check a YES or NO is about: the one with this reference, else the only one."""
    asked = [c for c in pending(session, worker_id) if c.expires_at is None or c.expires_at > now]
    if ref is not None:
        return next((check for check in asked if check.ref == ref), None)
    return asked[0] if len(asked) == 1 else None


def answer(session: Session, check: CredentialCheck, yes: bool, now: datetime) -> CredentialCheck:
    """Record the worker's YES (consent, so the check may run) or NO (nothing is looked up)."""
    check.status = CredentialCheckStatus.CONSENTED if yes else CredentialCheckStatus.DECLINED
    check.consented_at = now if yes else None
    session.add(check)
    thing, authority = KINDS[check.credential]
    notify_worker(
        session,
        session.get(Worker, check.worker_id),
        "credential_consented" if yes else "credential_declined",
        now,
        ref=check.ref,
        thing=thing,
        authority=authority,
    )
    return check


def run_check(session: Session, check_id: int, verifier: Verifier, now: datetime) -> bool:
    """Look one consented check up; False when it was not (or no longer) consented."""
    claimed = session.execute(
        update(CredentialCheck)
        .where(
            col(CredentialCheck.id) == check_id,
            col(CredentialCheck.status) == CredentialCheckStatus.CONSENTED,
        )
        .values(status=CredentialCheckStatus.CHECKING)
    ).rowcount
    if not claimed:
        return False
    check = session.get(CredentialCheck, check_id)
    session.refresh(check)
    if check.consented_at is None:
        raise RuntimeError("a check without consent must never run")
    worker = session.get(Worker, check.worker_id)
    verdict = verifier.verify(check.credential, worker.phone, worker.name, now)
    check.status = CredentialCheckStatus.VERIFIED if verdict.valid else CredentialCheckStatus.FAILED
    check.checked_at = now
    check.result = f"{verifier.name}: {verdict.detail}"
    session.add(check)
    thing, authority = KINDS[check.credential]
    if verdict.valid:
        session.add(
            WorkerCredential(
                worker_id=worker.id,
                credential=check.credential,
                source=verifier.name,
                verified_at=now,
                expires_at=verdict.expires_at,
            )
        )
    until = f" until {verdict.expires_at:%d %b %Y}" if verdict.expires_at else ""
    notify_worker(
        session,
        worker,
        "credential_verified" if verdict.valid else "credential_failed",
        now,
        thing=thing,
        authority=authority,
        detail=verdict.detail,
        until=until,
    )
    return True


def consented(session: Session, limit: int = 20) -> list[int]:
    """Checks the worker said YES to that have not been looked up yet."""
    return list(
        session.exec(
            select(CredentialCheck.id)
            .where(CredentialCheck.status == CredentialCheckStatus.CONSENTED)
            .order_by(CredentialCheck.id)
            .limit(limit)
        )
    )


def checks_for(session: Session, worker_id: int) -> list[CredentialCheck]:
    return list(
        session.exec(
            select(CredentialCheck)
            .where(CredentialCheck.worker_id == worker_id)
            .order_by(col(CredentialCheck.id).desc())
        )
    )
