"""Where a use case runs: its own transaction on a database, or the one a text is acted on in.

A text is stored, read and acted on in one transaction (so a fault rolls all of it back and the
inbound sweep tries again); a use case called for that text joins it rather than opening another.
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from sqlmodel import Session


class Unit(Protocol):
    def write(self) -> AbstractContextManager[Session]: ...

    def read(self) -> AbstractContextManager[Session]: ...


class TextTransaction:
    """The transaction a text is acted on in; it commits or rolls back with the text."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @contextmanager
    def write(self) -> Iterator[Session]:
        yield self.session

    read = write
