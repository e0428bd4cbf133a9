"""Right to work: checked like any official record (rule 8), with the worker's YES by SMS.

The check itself is exchange.credentials' (ask_consent, answer, run_check with a Verifier);
a market may require a verified, unexpired right to work before any offer (matching leaves
others out and WHY says so).
"""

from datetime import datetime

from sqlmodel import Session

from exchange import credentials
from exchange.law.checks import RIGHT_TO_WORK, holding_right_to_work
from store.models import CredentialCheck, Operator

# Until exchange.credentials lists it, register the kind so the same consent flow can ask for it.
credentials.KINDS.setdefault(RIGHT_TO_WORK, ("right to work", "the official right-to-work record"))


def ask_right_to_work(
    session: Session, worker_id: int, operator: Operator, now: datetime
) -> CredentialCheck:
    """Staff ask the worker by SMS for consent to check their right to work; nothing is looked up yet."""
    return credentials.ask_consent(session, worker_id, RIGHT_TO_WORK, operator, now)


def has_right_to_work(session: Session, worker_id: int, until: datetime) -> bool:
    """A verified right to work that lasts at least until `until`."""
    return worker_id in holding_right_to_work(session, [worker_id], until)
