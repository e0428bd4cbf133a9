"""A worker's YES or NO to a credential check (rule 8): the reference says which check it answers."""

from datetime import datetime

from sqlmodel import Session

from services.credentials import answer_check
from services.unit import TextTransaction
from sms.parser import Parsed
from store.models import Worker


def answered(session: Session, worker: Worker, parsed: Parsed, now: datetime, yes: bool) -> bool:
    """True when the text answered a pending credential check; pending checks come before offers."""
    check = answer_check(TextTransaction(session), worker.id, parsed.offer_ref, yes, now)
    return check is not None
