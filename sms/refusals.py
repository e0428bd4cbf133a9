"""A refusal of the market told to a worker in their language: by its code where we have words
for it, else in the market's own plain words."""

from datetime import datetime

from sqlmodel import Session

from exchange.errors import Refused
from exchange.notices import notify_worker
from sms.words import EN
from store.models import Worker


def tell(
    session: Session,
    worker: Worker,
    refusal: Refused,
    now: datetime,
    example: str = "",
    fallback: str = "refused",
) -> None:
    """The worker hears why, and (where given) what to send instead."""
    kind = f"refused_{refusal.code}"
    if kind in EN:
        notify_worker(session, worker, kind, now, example=example, **refusal.details)
    else:
        notify_worker(session, worker, fallback, now, reason=refusal.message, example=example)
