"""`poems serve` runs in three processes: the webhook, which only stores each text and answers
Twilio; an actor, which acts on the texts; and a sender, which drains the outbox and runs the
scheduler's sweeps. Acting and sending then never compete with the answer, or with each other,
for Python's one interpreter lock.

The webhook rings the actor's doorbell for each text it stores, the actor rings the sender's
for the notices it queues, and the webhook starts either again if it dies; both stop when the
webhook is gone. The database is the queue between them, so a text stored or a notice queued
just before any of them died is still there for the next.
"""

import contextlib
import logging
import multiprocessing
import os
import select
import threading
from datetime import timedelta
from multiprocessing.context import BaseContext
from pathlib import Path

from store.db import Database, WriteGate

log = logging.getLogger(__name__)

# Seconds between the workers' looks at whether the webhook process is still there.
LOOK_EVERY = 0.5
# Seconds after a start before the book-keeping sweeps (statistics, publication...) first run:
# on a restart with texts waiting, those are answered first.
BOOKS_AFTER = 10
# How much less CPU the workers ask for than the webhook (see nice(2)).
NICENESS = 10
ACT, SEND = "act", "send"


class Bell:
    """A doorbell between processes, over a pipe: ringing writes a byte, waiting selects on it.

    Not a multiprocessing.Event, whose lock a process killed at the wrong moment (SIGKILL, the
    kernel out of memory) holds for ever, and with it every process that rings or waits.
    """

    def __init__(self, context: BaseContext) -> None:
        self._reader, self._writer = context.Pipe(duplex=False)

    def set(self) -> None:
        """Ring; never blocks (a full pipe has rung already)."""
        # Set where it is used: the process the pipe was handed to holds a descriptor of its own.
        descriptor = self._writer.fileno()
        os.set_blocking(descriptor, False)
        with contextlib.suppress(BlockingIOError):
            os.write(descriptor, b"\0")

    def wait(self, timeout: float | None = None) -> bool:
        """Whether it has rung since the last clear, waiting up to `timeout` seconds."""
        readable, _, _ = select.select([self._reader.fileno()], [], [], timeout)
        return bool(readable)

    def is_set(self) -> bool:
        return self.wait(0)

    def clear(self) -> None:
        descriptor = self._reader.fileno()
        os.set_blocking(descriptor, False)
        with contextlib.suppress(BlockingIOError):
            while os.read(descriptor, 4096):
                pass


class WorkerProcess:
    """The webhook's handle on its worker processes: what create_app needs of a pipeline."""

    def __init__(self, db: Database, lease: timedelta, publish_to: Path | None) -> None:
        self._context = multiprocessing.get_context("spawn")
        self.doorbell = Bell(self._context)
        self._outbox_bell = Bell(self._context)
        self._stopping = Bell(self._context)
        # One SQLite file: the webhook's writes go ahead of the workers'. PostgreSQL needs none.
        self._gate = WriteGate(self._context) if db.is_sqlite else None
        if self._gate is not None:
            db.share_writes(self._gate, first=True)
        self._arguments = (db.url, self._gate, lease.total_seconds(), publish_to)
        self._processes: dict[str, multiprocessing.process.BaseProcess] = {}
        # Set by each process once it is acting or sending: until then /health says so.
        self._ready: dict[str, Bell] = {}

    def start(self) -> "WorkerProcess":
        for role in (ACT, SEND):
            self._processes[role] = self._spawn(role)
        threading.Thread(target=self._keep_running, name="poems-worker-watch", daemon=True).start()
        return self

    def take(self, message_id: int) -> None:
        """A text was stored: ring the actor. Never blocks."""
        self.doorbell.set()

    def alive(self) -> bool:
        """Both processes running and past their start (imports, first reading of a text)."""
        return len(self._processes) == 2 and all(
            process.is_alive() and self._ready[role].is_set()
            for role, process in self._processes.items()
        )

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.doorbell.set()
        self._outbox_bell.set()
        for process in self._processes.values():
            process.join(timeout)
            if process.is_alive():
                process.terminate()
                process.join(timeout)
        if self._gate is not None:
            self._gate.close()

    def _spawn(self, role: str) -> multiprocessing.process.BaseProcess:
        self._ready[role] = Bell(self._context)
        process = self._context.Process(
            target=work,
            args=(
                *self._arguments,
                role,
                self.doorbell,
                self._outbox_bell,
                self._stopping,
                self._ready[role],
                os.getpid(),
            ),
            name=f"poems-{role}",
            daemon=True,
        )
        process.start()
        return process

    def _keep_running(self) -> None:
        while not self._stopping.wait(LOOK_EVERY):
            for role, process in self._processes.items():
                if process.is_alive() or self._stopping.is_set():
                    continue
                log.error("the %s process died (exit %s); starting another", role, process.exitcode)
                self._processes[role] = self._spawn(role)


def work(
    db_url: str,
    gate: WriteGate | None,
    lease_seconds: float,
    publish_to: Path | None,
    role: str,
    doorbell,
    outbox_bell,
    stopping,
    ready,
    parent_pid: int,
) -> None:
    """A worker process: the pipeline's actors and the inbound sweep (ACT), or the pipeline's
    senders and every other sweep of the scheduler (SEND)."""
    from exchange.sandbox import is_sandbox
    from poems.options import credential_verifier
    from scheduler.runner import start_scheduler
    from sms.parser import parse
    from sms.pipeline import Pipeline
    from sms.twilio_gateway import outbound_gateway
    from sms.webhook import utc_now

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # The twilio client logs every request and response, headers and all, at INFO: some ten
    # lines for each text sent. The outbox records each send; the client speaks up on trouble.
    logging.getLogger("twilio.http_client").setLevel(logging.WARNING)
    lease = timedelta(seconds=lease_seconds)
    db = Database(db_url)
    if not db.is_sqlite:
        # When the machine is busy, the answer to Twilio comes first; acting catches up after.
        # Not on SQLite: a worker put aside while it holds the one write lock would hold up
        # the very answers it gave way to.
        os.nice(NICENESS)
    if gate is not None:
        db.share_writes(gate, first=False)
    with db.read() as session:
        # Checked again here: these processes are the ones that send.
        gateway = outbound_gateway(os.environ, sandbox=is_sandbox(session))
    acting = role == ACT
    pipeline = Pipeline(
        db,
        gateway,
        utc_now,
        actors=None if acting else 0,
        senders=0 if acting else 2,
        lease=lease,
        doorbell=doorbell,
        outbox_bell=outbox_bell,
    ).start()
    # The inbound sweep acts beside the actors; every other sweep (the outbox's, the waves',
    # the day's publication...) runs in the sending process, where it never holds up a reply
    # being worked out, only one being sent.
    inbound_sweep = {"inbound"}
    scheduler = start_scheduler(
        db,
        gateway,
        utc_now,
        publish_to=None if acting else publish_to,
        lease=lease,
        verifier=None if acting else credential_verifier(),
        only=inbound_sweep if acting else None,
        without=() if acting else inbound_sweep,
        books_after=BOOKS_AFTER,
    )
    if acting:
        # The reader's words and patterns load on first use: here, not on the first worker's text.
        parse("available tomorrow 9-5", utc_now())
    ready.set()
    try:
        # Stop with the webhook, however it ended: a SIGKILL gives it no chance to say so.
        while not stopping.wait(LOOK_EVERY) and os.getppid() == parent_pid:
            pass
    finally:
        scheduler.shutdown(wait=False)
        pipeline.stop()
        db.dispose()
