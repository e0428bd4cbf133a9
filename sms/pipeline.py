"""Acting on stored texts and sending what follows, in worker threads of their own, so the
webhook only stores a text and answers Twilio at once.

The queue of text ids lives in memory only: a text a stopped process never acted on is still
stored, and the inbound sweep acts on it.
"""

import logging
import queue
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from exchange.waves import top_up_queued
from sms import inbound, outbox
from sms.gateways import Gateway
from store.db import Database

log = logging.getLogger(__name__)


class Pipeline:
    """Actor threads act on each text taken, top up the waves it queued and wake the senders;
    sender threads drain the outbox, a small batch at a time each."""

    def __init__(
        self,
        db: Database,
        gateway: Gateway,
        clock: Callable[[], datetime],
        actors: int | None = None,
        senders: int = 2,
        lease: timedelta = outbox.LEASE,
    ) -> None:
        self.db, self.gateway, self.clock, self.lease = db, gateway, clock, lease
        # SQLite writes one transaction at a time: a second actor would only wait its turn.
        self.actors = actors or (1 if db.is_sqlite else 4)
        self.senders = senders
        self._texts: queue.Queue[int | None] = queue.Queue()
        self._wake = threading.Condition()
        self._send_due = False
        self._sending = 0
        self._stopping = False
        self._threads: list[threading.Thread] = []

    def start(self) -> "Pipeline":
        for n in range(self.actors):
            self._spawn(self._act, f"poems-actor-{n}")
        for n in range(self.senders):
            self._spawn(self._send, f"poems-sender-{n}")
        # Notices left from before a restart, sent or stranded, are resolved without waiting.
        with self._wake:
            self._sending += 1
        self._spawn(self._recover, "poems-recovery")
        return self

    def take(self, message_id: int) -> None:
        """Queue a stored text to be acted on; never blocks."""
        self._texts.put(message_id)

    def send_soon(self) -> None:
        """Wake the senders: notices are waiting."""
        with self._wake:
            self._send_due = True
            self._wake.notify_all()

    def idle(self, timeout: float) -> bool:
        """Wait until every text taken is acted on and the senders have nothing left to do."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._wake:
                quiet = not self._send_due and not self._sending
            if quiet and not self._texts.unfinished_tasks:
                return True
            time.sleep(0.005)
        return False

    def stop(self, timeout: float = 10.0) -> None:
        """Finish what was taken (up to `timeout`), then stop the threads."""
        self.idle(timeout)
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        for _ in range(self.actors):
            self._texts.put(None)
        for thread in self._threads:
            thread.join(timeout=timeout)

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _recover(self) -> None:
        try:
            outbox.recover(self.db, self.gateway, self.clock(), self.lease)
        except Exception:
            log.exception("resolving notices left sending")
        finally:
            self.send_soon()
            with self._wake:
                self._sending -= 1

    def _act(self) -> None:
        while (message_id := self._texts.get()) is not None:
            try:
                inbound.process(self.db, message_id, self.clock())
                top_up_queued(self.db, self.clock())
            except Exception:
                # process() keeps the text waiting for the sweep; this is a fault around it.
                log.exception("acting on message %s", message_id)
            finally:
                # Senders woken first, so idle() never sees a gap between the two.
                self.send_soon()
                self._texts.task_done()

    def _send(self) -> None:
        while True:
            with self._wake:
                while not self._send_due and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                self._send_due = False
                self._sending += 1
            try:
                outbox.send_due(self.db, self.gateway, self.clock())
            except Exception:
                log.exception("draining the outbox")
            finally:
                with self._wake:
                    self._sending -= 1
