"""A worker's own data, asked for by the worker (rule 5): what is held, who at POEMS looked at
it and why, and erasing it. The worker sees only their own; an operator's looks are in
services.workers, where they are recorded for the worker to see here."""

from datetime import datetime

from exchange import privacy
from exchange.access import Seen, accesses_for
from services.unit import Unit
from store.models import Worker


def what_is_held(db: Unit, worker_id: int) -> privacy.Held:
    """MY DATA: the worker's terms and how many of each kind of record the exchange keeps."""
    with db.read() as session:
        return privacy.held(session, session.get(Worker, worker_id))


def looks_at_my_data(db: Unit, worker_id: int) -> list[Seen]:
    """WHO SAW: every recorded look at the worker's data, newest first."""
    with db.read() as session:
        return accesses_for(session, worker_id)


def erase_my_data(db: Unit, worker_id: int, now: datetime) -> str:
    """DELETE MY DATA, confirmed: coming shifts go back to the market (buyers are told), and the
    worker's personal data goes; what the money records need stays, tied to no name or phone.
    The anonymous token that replaces their phone."""
    with db.write() as session:
        return privacy.erase(session, session.get(Worker, worker_id), now)
