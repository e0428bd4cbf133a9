"""A question asked back by text, remembered per phone until it is answered or goes stale."""

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from store.models import Conversation

# The session's note of the phones it found with no question pending.
NONE_PENDING = "poems_none_pending"


def remember(
    session: Session, phone: str, kind: str, step: str, data: dict[str, Any], now: datetime
) -> None:
    """What the next text from this phone may answer; it replaces any earlier question."""
    conversation = pending(session, phone) or Conversation(phone=phone, kind=kind, step=step)
    conversation.kind, conversation.step = kind, step
    conversation.data, conversation.updated_at = data, now
    session.add(conversation)
    session.info.get(NONE_PENDING, set()).discard(phone)


def pending(session: Session, phone: str) -> Conversation | None:
    """The question pending for this phone, of any kind, if any. That there is none is asked
    of the database once a transaction, however many readers of the text want to know."""
    missing = session.info.setdefault(NONE_PENDING, set())
    if phone in missing:
        return None
    found = session.get(Conversation, phone)
    if found is None:
        missing.add(phone)
    return found


def waiting(
    session: Session, phone: str, kind: str, within: timedelta, now: datetime
) -> Conversation | None:
    """The question of this kind asked of this phone no longer than `within` ago, if any."""
    asked = pending(session, phone)
    if (
        asked is not None
        and asked.kind == kind
        and asked.updated_at is not None
        and now - asked.updated_at <= within
    ):
        return asked
    return None


def forget(session: Session, phone: str, kind: str) -> None:
    """The question of this kind is answered or stale: the next text is read afresh."""
    conversation = pending(session, phone)
    if conversation is not None and conversation.kind == kind:
        session.delete(conversation)
        session.info.setdefault(NONE_PENDING, set()).add(phone)
