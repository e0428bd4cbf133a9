"""The transactional outbox: what a person must be told is a row written with the change itself.

Each notice is checked as it is written: its kind must be one the exchange has words for, and
it must carry every field those words need (exchange/data/notice_kinds.json, written from the
words by `python -m sms.catalogs`). A notice short of a field fails where it is made, in the
change that made it, not later in the outbox.
"""

import json
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from sqlmodel import Session

from store.models import Buyer, Notice, Worker

# Fields a notice may give by their parts: {when} as start and end, {expires} as expires_at.
SAID_FROM = {"when": {"start", "end"}, "expires": {"expires_at"}, "verdict": {"decision"}}


class NoticeUnfit(ValueError):
    """A notice of a kind with no words, or without a field its words need."""


@cache
def kinds() -> dict[str, frozenset[str]]:
    """Every kind of notice and the fields it must carry."""
    text = (resources.files("exchange") / "data" / "notice_kinds.json").read_text("utf-8")
    return {kind: frozenset(fields) for kind, fields in json.loads(text).items()}


def checked(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The notice's data, once it is sure to be sayable."""
    needs = kinds().get(kind)
    if needs is None:
        raise NoticeUnfit(f"no notice kind {kind!r}")
    given = data.keys()
    missing = {f for f in needs - given if f not in SAID_FROM or not SAID_FROM[f] <= given}
    if missing:
        raise NoticeUnfit(f"a {kind} notice needs {', '.join(sorted(missing))}")
    return data


def notify_worker(
    session: Session, worker: Worker, kind: str, now: datetime, /, **data: Any
) -> Notice:
    notice = Notice(
        kind=kind,
        phone=worker.phone,
        worker_id=worker.id,
        language=worker.language,
        data=checked(kind, data),
        created_at=now,
        next_attempt_at=now,
    )
    session.add(notice)
    return notice


def notify_phone(
    session: Session, phone: str, kind: str, now: datetime, /, language: str = "en", **data: Any
) -> Notice:
    """A notice to a number that is not (yet) a worker: someone signing up, say."""
    notice = Notice(
        kind=kind,
        phone=phone,
        language=language,
        data=checked(kind, data),
        created_at=now,
        next_attempt_at=now,
    )
    session.add(notice)
    return notice


def notify_buyer(session: Session, buyer: Buyer, kind: str, now: datetime, /, **data: Any) -> None:
    """Buyers without a phone hear from staff instead; nothing is queued for them."""
    if not buyer.phone:
        return
    session.add(
        Notice(
            kind=kind,
            phone=buyer.phone,
            buyer_id=buyer.id,
            data=checked(kind, data),
            created_at=now,
            next_attempt_at=now,
        )
    )
