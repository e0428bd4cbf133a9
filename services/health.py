"""Market health for the console, for the markets the signed-in operator may see."""

from datetime import datetime

from exchange.health import Health, health
from services.who import Who
from store.db import Database


def health_of(db: Database, who: Who, now: datetime) -> Health:
    """A franchisee's own markets and shares; staff, admins and auditors see every market."""
    franchisee_id = who.id if who.role == "franchisee" else None
    ids = list(who.market_ids) if who.market_ids is not None else None
    with db.read() as session:
        return health(session, now, ids, franchisee_id)
