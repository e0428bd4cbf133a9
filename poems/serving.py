"""`poems serve` runs in three processes: the webhook, which only stores each text and answers
Twilio; an actor, which acts on the texts and runs the scheduler; and a sender, which drains the
outbox. Acting and sending then never compete with the answer, or with each other, for Python's
one interpreter lock.

The webhook rings the actor's doorbell for each text it stores, the actor rings the sender's
for the notices it queues, and the webhook starts either again if it dies; both stop when the
webhook is gone. The database is the queue between them, so a text stored or a notice queued
just before any of them died is still there for the next.
"""

import logging
import multiprocessing
import os
import threading
from datetime import timedelta
from pathlib import Path

from store.db import Database, WriteGate

log = logging.getLogger(__name__)

# Seconds between the workers' looks at whether the webhook process is still there.
LOOK_EVERY = 0.5
# How much less CPU the workers ask for than the webhook (see nice(2)).
NICENESS = 10
ACT, SEND = "act", "send"


class WorkerProcess:
    """The webhook's handle on its worker processes: what create_app needs of a pipeline."""

    def __init__(self, db: Database, lease: timedelta, publish_to: Path | None) -> None:
        self._context = multiprocessing.get_context("spawn")
        self.doorbell = self._context.Event()
        self._outbox_bell = self._context.Event()
        self._stopping = self._context.Event()
        # One SQLite file: the webhook's writes go ahead of the workers'.
        gate = WriteGate(self._context)
        db.share_writes(gate, first=True)
        self._arguments = (db.url, gate, lease.total_seconds(), publish_to)
        self._processes: dict[str, multiprocessing.process.BaseProcess] = {}

    def start(self) -> "WorkerProcess":
        for role in (ACT, SEND):
            self._processes[role] = self._spawn(role)
        threading.Thread(target=self._keep_running, name="poems-worker-watch", daemon=True).start()
        return self

    def take(self, message_id: int) -> None:
        """A text was stored: ring the actor. Never blocks."""
        self.doorbell.set()

    def alive(self) -> bool:
        return len(self._processes) == 2 and all(p.is_alive() for p in self._processes.values())

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.doorbell.set()
        self._outbox_bell.set()
        for process in self._processes.values():
            process.join(timeout)
            if process.is_alive():
                process.terminate()
                process.join(timeout)

    def _spawn(self, role: str) -> multiprocessing.process.BaseProcess:
        process = self._context.Process(
            target=work,
            args=(
                *self._arguments,
                role,
                self.doorbell,
                self._outbox_bell,
                self._stopping,
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
    gate: WriteGate,
    lease_seconds: float,
    publish_to: Path | None,
    role: str,
    doorbell,
    outbox_bell,
    stopping,
    parent_pid: int,
) -> None:
    """A worker process: the pipeline's actors and the scheduler's sweeps (ACT), or the
    pipeline's senders (SEND)."""
    from exchange.sandbox import is_sandbox
    from poems.options import credential_verifier
    from scheduler.runner import start_scheduler
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
    # The outbox sweep (notices whose next try came due, or left sending by a process that
    # died) runs where the sending is done; every other sweep where the acting is.
    outbox_sweep = {"outbox"}
    scheduler = start_scheduler(
        db,
        gateway,
        utc_now,
        publish_to=publish_to if acting else None,
        lease=lease,
        verifier=credential_verifier() if acting else None,
        only=None if acting else outbox_sweep,
        without=outbox_sweep if acting else (),
    )
    try:
        # Stop with the webhook, however it ended: a SIGKILL gives it no chance to say so.
        while not stopping.wait(LOOK_EVERY) and os.getppid() == parent_pid:
            pass
    finally:
        scheduler.shutdown(wait=False)
        pipeline.stop()
        db.dispose()
