"""`poems serve` runs in two processes: the webhook, which only stores each text and answers
Twilio, and a worker that acts on the texts, sends what follows and runs the scheduler. Acting
then never competes with the answer for Python's one interpreter lock.

The webhook rings the worker's doorbell for each text it stores and starts the worker again if
it dies; the worker stops when the webhook is gone. The database is the queue between them, so
a text stored just before either died is still there for the next worker.
"""

import logging
import multiprocessing
import os
import threading
from datetime import timedelta
from pathlib import Path

from store.db import Database, WriteGate

log = logging.getLogger(__name__)

# Seconds between the worker's looks at whether the webhook process is still there.
LOOK_EVERY = 0.5
# How much less CPU the worker asks for than the webhook (see nice(2)).
NICENESS = 10


class WorkerProcess:
    """The webhook's handle on its worker process: what create_app needs of a pipeline."""

    def __init__(self, db: Database, lease: timedelta, publish_to: Path | None) -> None:
        self._context = multiprocessing.get_context("spawn")
        self.doorbell = self._context.Event()
        self._stopping = self._context.Event()
        # One SQLite file: the webhook's writes go ahead of the worker's.
        gate = WriteGate(self._context)
        db.share_writes(gate, first=True)
        self._arguments = (db.url, gate, lease.total_seconds(), publish_to)
        self._process: multiprocessing.process.BaseProcess | None = None

    def start(self) -> "WorkerProcess":
        self._process = self._spawn()
        threading.Thread(target=self._keep_running, name="poems-worker-watch", daemon=True).start()
        return self

    def take(self, message_id: int) -> None:
        """A text was stored: ring the worker. Never blocks."""
        self.doorbell.set()

    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.doorbell.set()
        if self._process is not None:
            self._process.join(timeout)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(timeout)

    def _spawn(self) -> multiprocessing.process.BaseProcess:
        process = self._context.Process(
            target=work,
            args=(*self._arguments, self.doorbell, self._stopping, os.getpid()),
            name="poems-worker",
            daemon=True,
        )
        process.start()
        return process

    def _keep_running(self) -> None:
        while not self._stopping.is_set():
            self._process.join(LOOK_EVERY)
            if self._process.is_alive() or self._stopping.is_set():
                continue
            log.error("the worker process died (exit %s); starting another", self._process.exitcode)
            self._stopping.wait(1.0)
            if not self._stopping.is_set():
                self._process = self._spawn()


def work(
    db_url: str,
    gate: WriteGate,
    lease_seconds: float,
    publish_to: Path | None,
    doorbell,
    stopping,
    parent_pid: int,
) -> None:
    """The worker process: the pipeline's actors and senders, and the scheduler's sweeps."""
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
        # Checked again here: this process is the one that sends.
        gateway = outbound_gateway(os.environ, sandbox=is_sandbox(session))
    pipeline = Pipeline(db, gateway, utc_now, lease=lease, doorbell=doorbell).start()
    scheduler = start_scheduler(
        db,
        gateway,
        utc_now,
        publish_to=publish_to,
        lease=lease,
        verifier=credential_verifier(),
    )
    try:
        # Stop with the webhook, however it ended: a SIGKILL gives it no chance to say so.
        while not stopping.wait(LOOK_EVERY) and os.getppid() == parent_pid:
            pass
    finally:
        scheduler.shutdown(wait=False)
        pipeline.stop()
        db.dispose()
