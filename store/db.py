"""Engine and session set-up: SQLite in WAL mode by default, PostgreSQL by URL."""

import contextlib
import fcntl
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from multiprocessing.context import BaseContext
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Seconds a writer that gives way waits before looking again.
GIVE_WAY = 0.0005
# Rows ANALYZE samples from each index: enough for the planner, quick on a city's tables.
ANALYSIS_ROWS = 1000
# PostgreSQL's codes for a transaction that may succeed when run again: serialization failure,
# deadlock, a lock not granted, and a unique key another transaction wrote first (two texts
# from a new number both making its worker).
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03", "23505"})


def default_url() -> str:
    """POEMS_DATABASE_URL, or a SQLite file under the user's data directory."""
    url = os.environ.get("POEMS_DATABASE_URL")
    if url:
        return url
    folder = Path(user_data_dir("poems"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'poems.db'}"


def normalise_url(url: str) -> str:
    """Accept plain postgresql:// URLs and use the psycopg 3 driver for them."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )
        _tune_sqlite(engine)
        return engine
    return create_engine(url, pool_size=5, max_overflow=60, pool_pre_ping=True)


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's begin event choose the BEGIN; pysqlite's own would be DEFERRED.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        # A deferred transaction that reads and then writes fails at once with
        # "database is locked"; a writer takes the lock up front and waits its turn.
        if connection.get_execution_options().get("poems_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


class WriteGate:
    """Where the processes of one `poems serve` take turns writing one SQLite file, the webhook
    first. SQLite's own wait for a busy file sleeps and polls, so a process writing one
    transaction after another (the worker, acting) starves one that writes now and then (the
    webhook, storing a text). Here the next writer is woken at once, and a writer that goes
    first is never kept waiting behind more than the transaction already under way.

    The turn is a lock on a file (flock), which the kernel takes back from a process that dies
    holding it (SIGKILL, out of memory): a lock in shared memory would stay taken for ever.
    """

    def __init__(self, context: BaseContext) -> None:
        descriptor, self._path = tempfile.mkstemp(prefix="poems-write-gate-")
        os.close(descriptor)
        # A plain shared integer, read without a lock; only the webhook counts, under its own.
        self._first_waiting = context.RawValue("i", 0)
        self._counting = context.Lock()
        self._opened: tuple[int, int, threading.Lock] | None = None

    def __getstate__(self) -> dict:
        # Each process opens the file for itself: a descriptor is not for sharing.
        return self.__dict__ | {"_opened": None}

    def close(self) -> None:
        """Remove the lock file (the processes that share it have stopped)."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)

    @contextmanager
    def first(self) -> Iterator[None]:
        with self._counting:
            self._first_waiting.value += 1
        try:
            turn = self._take()
        finally:
            with self._counting:
                self._first_waiting.value -= 1
        try:
            yield
        finally:
            self._give(turn)

    @contextmanager
    def after_first(self) -> Iterator[None]:
        while self._first_waiting.value:
            time.sleep(GIVE_WAY)
        turn = self._take()
        try:
            yield
        finally:
            self._give(turn)

    def _take(self) -> tuple[int, threading.Lock]:
        with _OPENING:
            if self._opened is None or self._opened[0] != os.getpid():
                descriptor = os.open(self._path, os.O_RDWR)
                self._opened = (os.getpid(), descriptor, threading.Lock())
        _, descriptor, in_process = self._opened
        # Threads of one process share the file's lock, so they queue here first.
        in_process.acquire()
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except BaseException:
            in_process.release()
            raise
        return descriptor, in_process

    def _give(self, turn: tuple[int, threading.Lock]) -> None:
        descriptor, in_process = turn
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        in_process.release()


_OPENING = threading.Lock()


class Database:
    """One database: sessions that write (one at a time on SQLite) and sessions that read."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalise_url(url or default_url())
        self.engine = make_engine(self.url)
        self._write_engine = self.engine.execution_options(poems_write=True)
        # SQLite has one writer at a time. Threads of one process queue here, on a lock that
        # wakes the next at once, rather than in SQLite's busy handler, which sleeps and polls.
        lock = threading.RLock() if self.is_sqlite else nullcontext()
        self._turn: Callable[[], AbstractContextManager] = lambda: lock

    def share_writes(self, gate: "WriteGate", first: bool) -> None:
        """Take turns writing with the other processes at `gate` (SQLite); `first` goes ahead."""
        if self.is_sqlite:
            self._turn = gate.first if first else gate.after_first

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends and rolls back on error."""
        with self._turn(), Session(self._write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def write_plainly(self) -> Iterator[Connection]:
        """A transaction on a bare connection, for a hot path with no objects to keep track of
        (the webhook storing a text): it costs half what a session's transaction does."""
        with self._turn(), self._write_engine.begin() as connection:
            yield connection

    def refresh_statistics(self) -> None:
        """Tell SQLite's query planner how the tables' values spread (PostgreSQL's autovacuum
        keeps its own), so a text's queries start from its worker, not from the whole market."""
        if not self.is_sqlite:
            return
        with self._turn(), self._write_engine.connect() as connection:
            connection.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_ROWS}")
            connection.exec_driver_sql("ANALYZE")
            connection.commit()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def is_transient(error: BaseException) -> bool:
    """True when the same transaction, run again, may succeed: a deadlock, a serialization
    failure, a busy database, a unique key a concurrent writer took first, a dropped connection."""
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    cause = error.orig
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate in RETRYABLE_SQLSTATES or sqlstate.startswith("08")
    if isinstance(cause, sqlite3.OperationalError):
        return "locked" in str(cause) or "busy" in str(cause)
    if isinstance(cause, sqlite3.IntegrityError):
        return str(cause).startswith("UNIQUE constraint failed")
    return False
