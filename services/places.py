"""Reference data: the places postcodes and ZIPs are matched by."""

from collections.abc import Iterable

from exchange.places import Centre, Imported, import_places
from store.db import Database


def add_places(db: Database, places: Iterable[Centre]) -> Imported:
    """Add or update places in one transaction: a file is imported whole or not at all."""
    with db.write() as session:
        return import_places(session, places)
