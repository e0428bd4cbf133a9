"""A sandbox database is labelled as one, so nothing can mistake it for the real exchange."""

from datetime import datetime

from sqlmodel import Session

from store.models import DatabaseLabel

SANDBOX = "sandbox"


def mark_sandbox(session: Session, now: datetime) -> None:
    """Label this database a sandbox: fictitious accounts, texts that never leave the machine."""
    if session.get(DatabaseLabel, SANDBOX) is None:
        session.add(DatabaseLabel(name=SANDBOX, value="true", set_at=now))


def is_sandbox(session: Session) -> bool:
    """True for a sandbox database; `poems serve` and the console must then send nothing out."""
    label = session.get(DatabaseLabel, SANDBOX)
    return label is not None and label.value == "true"
