"""The tamper-evident record of what operators did: an append-only chain of hashed entries.

Each entry's `hash` is sha256 over the canonical JSON (sorted keys, no spaces, UTF-8) of its
seq, time, operator, action, subject, the sha256 of its detail, and the hash of the entry before
it (64 zeros for the first). Editing, deleting or reordering an entry breaks the chain at that
entry; `verify` says where. Cutting entries off the end, or rewriting the whole chain, is caught
by comparing with a head (seq and hash) published outside the database: every data publication
carries one.

A worker's erasure blanks details (their hashes stay, so the chain still holds) and is itself an
entry: it accounts for every blank of an entry about that worker before it, and names any other
entry it blanked because the detail held the worker's phone or name. A blank nothing accounts
for is tampering.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from store.models import AuditEntry

GENESIS = "0" * 64
# Any fixed number: PostgreSQL's advisory lock that serialises appends to the chain.
APPEND_LOCK = 7_041_001
ERASURE = "erasure"
# How an erasure names the entries it blanked that are not about the worker.
ALSO_REDACTED = "also redacted:"


def sha256(data: str) -> str:
    return hashlib.sha256(data.encode()).hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    """The hash an entry must carry, from its own fields and the hash before it."""
    payload = {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "operator_id": entry.operator_id,
        "action": entry.action,
        "subject": entry.subject,
        "detail_hash": entry.detail_hash,
        "prev_hash": entry.prev_hash,
    }
    return sha256(json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False))


def audit(
    session: Session,
    operator_id: int | None,
    action: str,
    subject: str,
    detail: str | None,
    now: datetime,
) -> AuditEntry:
    """Append one operator change to the chain, in the caller's transaction.

    `subject` names what changed without personal data ("worker:12", "market:1:markup_bp");
    None as operator means the exchange itself (a command run by an administrator).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq).desc())).first()
    entry = AuditEntry(
        seq=(last.seq + 1) if last else 1,
        at=now.astimezone(UTC),
        operator_id=operator_id,
        action=action,
        subject=subject,
        detail=detail,
        detail_hash=sha256(detail or ""),
        prev_hash=last.hash if last else GENESIS,
        hash="",
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    return entry


def record_erasure(
    session: Session, worker_id: int, words: Iterable[str], now: datetime
) -> AuditEntry:
    """A worker's erasure: blank the details of the entries about them and of any other entry
    whose detail holds one of `words` (their phone, their name), then append the erasure,
    naming those other entries so that `verify` knows their blanks are redactions."""
    subject = f"worker:{worker_id}"
    blanked = list(
        session.exec(
            select(AuditEntry).where(
                AuditEntry.subject == subject, col(AuditEntry.detail).is_not(None)
            )
        )
    )
    others: set[int] = set()
    for word in (word for word in words if word):
        for entry in session.exec(
            select(AuditEntry).where(
                AuditEntry.subject != subject,
                AuditEntry.action != ERASURE,
                col(AuditEntry.detail).contains(word, autoescape=True),
            )
        ):
            blanked.append(entry)
            others.add(entry.seq)
    for entry in blanked:
        entry.detail = None
        session.add(entry)
    session.flush()
    named = f"{ALSO_REDACTED} {' '.join(map(str, sorted(others)))}" if others else None
    return audit(session, None, ERASURE, subject, named, now)


def _accounted_for(entry: AuditEntry, erasures: list[AuditEntry]) -> bool:
    """Whether a later erasure blanked this entry's detail: it is about the erased worker, or
    the erasure names it."""
    for erasure in erasures:
        if erasure.seq <= entry.seq:
            continue
        named = (erasure.detail or "").removeprefix(ALSO_REDACTED).split()
        if erasure.subject == entry.subject or str(entry.seq) in named:
            return True
    return False


def head(session: Session) -> tuple[int, str]:
    """The last entry's seq and hash, (0, GENESIS) for an empty log."""
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq).desc())).first()
    return (last.seq, last.hash) if last else (0, GENESIS)


@dataclass(frozen=True)
class Problem:
    seq: int
    kind: str  # edited, deleted, reordered, broken, truncated
    message: str


@dataclass(frozen=True)
class Report:
    entries: int
    problems: list[Problem]
    redacted: int
    head: tuple[int, str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, published: tuple[int, str] | None = None) -> Report:
    """Check the whole chain; `published` is a head read from outside the database."""
    stored = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    problems: list[Problem] = []
    # Order: entries are stored in the order they were appended.
    highest = 0
    for entry in stored:
        if entry.seq < highest:
            problems.append(
                Problem(entry.seq, "reordered", f"entry #{entry.seq} is stored after #{highest}")
            )
        highest = max(highest, entry.seq)
    seqs = {entry.seq for entry in stored}
    for seq in range(1, highest + 1):
        if seq not in seqs:
            problems.append(Problem(seq, "deleted", f"entry #{seq} is missing"))
    by_seq = {entry.seq: entry for entry in stored}
    erasures = [
        entry
        for entry in stored
        if entry.action == ERASURE
        and entry.subject.startswith("worker:")
        and sha256(entry.detail or "") == entry.detail_hash
    ]
    redacted = 0
    for seq in sorted(by_seq):
        entry = by_seq[seq]
        if entry.detail is None and entry.detail_hash != sha256(""):
            if not _accounted_for(entry, erasures):
                problems.append(
                    Problem(
                        seq,
                        "edited",
                        f"entry #{seq}: its detail was blanked, and no worker's erasure "
                        "accounts for it",
                    )
                )
                continue
            redacted += 1
        elif entry.detail is not None and sha256(entry.detail) != entry.detail_hash:
            problems.append(Problem(seq, "edited", f"entry #{seq}: its detail was changed"))
            continue
        if entry_hash(entry) != entry.hash:
            problems.append(
                Problem(seq, "edited", f"entry #{seq} was changed after it was written")
            )
            continue
        before = by_seq.get(seq - 1)
        expected = GENESIS if seq == 1 else (before.hash if before else None)
        if expected is not None and entry.prev_hash != expected:
            problems.append(
                Problem(
                    seq,
                    "broken",
                    f"entry #{seq} does not follow #{seq - 1}: #{seq - 1} was "
                    "rewritten, or entries were replaced",
                )
            )
    if published is not None and published[0] > 0:
        seq, digest = published
        found = by_seq.get(seq)
        if found is None:
            problems.append(Problem(seq, "truncated", f"published entry #{seq} is missing"))
        elif found.hash != digest:
            problems.append(Problem(seq, "edited", f"entry #{seq} differs from the published head"))
    problems.sort(key=lambda problem: problem.seq)
    return Report(len(stored), problems, redacted, head(session))
