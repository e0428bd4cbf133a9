"""A worker's YES or NO to a credential check (rule 8): the reference says which check it answers."""

from datetime import datetime

from sqlmodel import Session

from exchange import credentials, offers
from sms.parser import Parsed
from store.models import Worker


def answered(session: Session, worker: Worker, parsed: Parsed, now: datetime, yes: bool) -> bool:
    """True when the text answered a pending credential check; pending checks come before offers."""
    ref = parsed.offer_ref
    # A bare YES with an offer open means the offer; only a reference or no offer means the check.
    if ref is None and offers.live_offers(session, worker.id):
        return False
    check = credentials.awaiting_answer(session, worker.id, ref, now)
    if check is None:
        return False
    credentials.answer(session, check, yes, now)
    return True
