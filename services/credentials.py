"""Consented credential checks (rule 8), looked up by whichever process has the registry."""

from datetime import datetime

from exchange import credentials
from services.each import each_alone
from store.db import Database


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
