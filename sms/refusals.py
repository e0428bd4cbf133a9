"""A refusal of the market told to a worker in their language: by its code where we have words
for it, else a short apology with how to find the right command (the market's own words are
for staff, in English, and go to the log)."""

import logging
from datetime import datetime

from sqlmodel import Session

from exchange.errors import Refused
from exchange.notices import notify_worker
from sms.words import EN
from store.models import Worker

log = logging.getLogger(__name__)


def tell(
    session: Session,
    worker: Worker,
    refusal: Refused,
    now: datetime,
    example: str = "",
) -> None:
    """The worker hears why, and (where given) what to send instead."""
    if refusal.code == "under_minimum":
        # "free tmrw 9-5 £8", "RATE 8": the legal minimum for them, and how to ask for it
        notify_worker(
            session,
            worker,
            "rate_under_minimum",
            now,
            rate=refusal.details["rate"],
            minimum_rate=refusal.details["minimum"],
            currency=refusal.details["currency"],
        )
        return
    kind = f"refused_{refusal.code}"
    if kind in EN:
        notify_worker(session, worker, kind, now, example=example, **refusal.details)
        return
    log.info("refused worker %s without words for %s: %s", worker.id, refusal.code, refusal)
    notify_worker(session, worker, "refused", now, example=example)
