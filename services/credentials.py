"""Credential checks (rule 8): the worker's consent, given by text, and the checks consented to,
looked up by whichever process has the registry."""

from datetime import datetime

from exchange import credentials, offers
from services.each import each_alone
from services.unit import Unit
from store.db import Database
from store.models import CredentialCheck


def run_consented_checks(db: Database, verifier: credentials.Verifier, now: datetime) -> int:
    """Look up each check a worker said YES to, each in its own transaction. A check is claimed
    before it is looked up, so a console and `poems serve` never look one up twice. How many
    were looked up."""
    with db.read() as session:
        waiting = credentials.consented(session)
    return len(
        each_alone(
            db,
            "credential check",
            waiting,
            lambda session, check_id: credentials.run_check(session, check_id, verifier, now),
        )
    )


def answer_check(
    db: Unit, worker_id: int, ref: str | None, yes: bool, now: datetime
) -> CredentialCheck | None:
    """The worker's YES (consent: the check may run) or NO (nothing is looked up) to a check
    they were asked about; None when the answer is not about a check. A bare YES with an offer
    open means the offer: only a reference, or no offer open, makes it the check's."""
    with db.write() as session:
        if ref is None and offers.live_offers(session, worker_id):
            return None
        check = credentials.awaiting_answer(session, worker_id, ref, now)
        if check is None:
            return None
        return credentials.answer(session, check, yes, now)
