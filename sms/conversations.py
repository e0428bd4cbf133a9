"""A question asked back by text, remembered per phone until it is answered or goes stale."""

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from store.models import Conversation


def remember(
    session: Session, phone: str, kind: str, step: str, data: dict[str, Any], now: datetime
) -> None:
    """What the next text from this phone may answer; it replaces any earlier question."""
    pending = session.get(Conversation, phone) or Conversation(phone=phone, kind=kind, step=step)
    pending.kind, pending.step, pending.data, pending.updated_at = kind, step, data, now
    session.add(pending)


def waiting(
    session: Session, phone: str, kind: str, within: timedelta, now: datetime
) -> Conversation | None:
    """The question of this kind asked of this phone no longer than `within` ago, if any."""
    pending = session.get(Conversation, phone)
    if (
        pending is not None
        and pending.kind == kind
        and pending.updated_at is not None
        and now - pending.updated_at <= within
    ):
        return pending
    return None


def forget(session: Session, phone: str, kind: str) -> None:
    """The question of this kind is answered or stale: the next text is read afresh."""
    pending = session.get(Conversation, phone)
    if pending is not None and pending.kind == kind:
        session.delete(pending)
