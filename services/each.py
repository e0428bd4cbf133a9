"""Work over many rows, one transaction each, so one failure holds up no other."""

import logging
from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session

from store.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")


def each_alone(
    db: Database, what: str, ids: list[int], work: Callable[[Session, int], T]
) -> list[T]:
    """Do the work for each id in its own transaction; one that fails is logged and rolled back,
    so it stays due for the next sweep and the others do not wait behind it."""
    done = []
    for item_id in ids:
        try:
            with db.write() as session:
                result = work(session, item_id)
        except Exception:
            log.exception("%s %s failed; it stays due", what, item_id)
            continue
        done.append(result)
    return done
