"""Acting on stored texts and sending what follows, in worker threads of their own, so the
webhook only stores a text and answers Twilio at once.

The database is the queue: an actor takes the oldest texts waiting that no other actor holds
(in this process or another), acts on them, wakes the senders, then tops up the waves they
queued. A doorbell (a threading.Event, or poems.serving's Bell between processes) says a text
was stored, so nobody polls hard; a text a stopped process never acted on is simply still waiting. Acting and sending
may run in two processes, each with its own interpreter lock: then an outbox bell says notices
are waiting.
"""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from sqlmodel import col, func, select

from exchange.waves import top_up_queued
from sms import inbound, outbox
from sms.gateways import Gateway
from store.db import Database
from store.models import Notice
from store.statuses import NoticeStatus

log = logging.getLogger(__name__)

# Seconds an idle actor waits for the doorbell before looking anyway (texts whose next try
# came due, texts stored by a process that died).
LOOK_EVERY = 1.0
# While texts wait, topping up waves between one batch of texts and the next takes at most this
# share of the time the batch took (and one shift at least): the replies keep up with a burst.
WAVES_SHARE = 0.25


class Doorbell(Protocol):
    """threading.Event, or a doorbell between processes (poems.serving.Bell)."""

    def set(self) -> None: ...

    def clear(self) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...


class Pipeline:
    """Actor threads act on waiting texts; sender threads drain the outbox, a batch at a time."""

    def __init__(
        self,
        db: Database,
        gateway: Gateway,
        clock: Callable[[], datetime],
        actors: int | None = None,
        senders: int = 2,
        lease: timedelta = outbox.LEASE,
        doorbell: Doorbell | None = None,
        outbox_bell: Doorbell | None = None,
    ) -> None:
        """`actors=0` or `senders=0` leaves that half to another process, which `outbox_bell`
        (a doorbell between processes) tells when notices are waiting."""
        self.db, self.gateway, self.clock, self.lease = db, gateway, clock, lease
        # SQLite writes one transaction at a time: a second actor would only wait its turn.
        self.actors = (1 if db.is_sqlite else 4) if actors is None else actors
        self.senders = senders
        self.doorbell: Doorbell = doorbell or threading.Event()
        self.outbox_bell = outbox_bell
        self._wake = threading.Condition()
        self._send_due = False
        self._busy = 0
        self._stopping = False
        self._threads: list[threading.Thread] = []

    def start(self) -> "Pipeline":
        for n in range(self.actors):
            self._spawn(self._act, f"poems-actor-{n}")
        if not self.senders:
            return self
        for n in range(self.senders):
            self._spawn(self._send, f"poems-sender-{n}")
        if self.outbox_bell is not None:
            self._spawn(self._listen, "poems-outbox-bell")
        # Notices left from before a restart, sent or stranded, are resolved without waiting.
        with self._wake:
            self._busy += 1
        self._spawn(self._recover, "poems-recovery")
        return self

    def take(self, message_id: int) -> None:
        """A text was stored: ring for an actor. Never blocks."""
        self.doorbell.set()

    def send_soon(self) -> None:
        """Wake the senders, here or in the sending process: notices are waiting."""
        if not self.senders:
            if self.outbox_bell is not None:
                self.outbox_bell.set()
            return
        with self._wake:
            self._send_due = True
            self._wake.notify_all()

    def idle(self, timeout: float) -> bool:
        """Wait until no text is waiting to be acted on and no notice is due to be sent."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._wake:
                quiet = not self._send_due and not self._busy
            if quiet and not self._work_left():
                return True
            time.sleep(0.01)
        return False

    def stop(self, timeout: float = 10.0) -> None:
        """Stop taking work, let each thread finish what it holds (up to `timeout`)."""
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        self.doorbell.set()
        if self.outbox_bell is not None and self.senders:
            self.outbox_bell.set()
        for thread in self._threads:
            thread.join(timeout=timeout)

    def _work_left(self) -> bool:
        now = self.clock()
        with self.db.read() as session:
            texts = inbound.waiting(session, now, limit=1)
            notices = session.exec(
                select(func.count())
                .select_from(Notice)
                .where(Notice.status == NoticeStatus.PENDING, col(Notice.next_attempt_at) <= now)
            ).one()
        return bool(texts or notices)

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
                self._busy -= 1

    def _listen(self) -> None:
        """Pass the sending process's bell on to its senders; look anyway now and then, for
        notices the scheduler queued or whose next try came due."""
        while not self._stopping:
            self.outbox_bell.wait(LOOK_EVERY)
            self.outbox_bell.clear()
            self.send_soon()

    def _act(self) -> None:
        while not self._stopping:
            self.doorbell.clear()
            with self._wake:
                self._busy += 1
            try:
                while not self._stopping and self._one_go():
                    pass
            except Exception:
                # act_on_waiting keeps a failing text waiting; this is the database itself.
                log.exception("acting on waiting texts")
                time.sleep(LOOK_EVERY)
            finally:
                with self._wake:
                    self._busy -= 1
            self.doorbell.wait(LOOK_EVERY)

    def _one_go(self) -> bool:
        """Texts first, then the waves they queued; True while texts may still be waiting.

        The replies to the texts go to the senders before any offer the texts lead to. While
        texts keep coming, waves get a slice of time between batches, so they still go out,
        and a shift queued by many texts meanwhile is topped up once.
        """
        began = time.monotonic()
        acted = inbound.act_on_waiting(self.db, self.clock())
        if acted:
            self.send_soon()
        now = time.monotonic()
        until = now + (now - began) * WAVES_SHARE if acted else None
        if top_up_queued(self.db, self.clock(), until):
            self.send_soon()
        return bool(acted)

    def _send(self) -> None:
        while True:
            with self._wake:
                while not self._send_due and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                self._send_due = False
                self._busy += 1
            try:
                outbox.send_due(self.db, self.gateway, self.clock())
            except Exception:
                log.exception("draining the outbox")
            finally:
                with self._wake:
                    self._busy -= 1

    def alive(self) -> bool:
        """Every thread still running."""
        return all(thread.is_alive() for thread in self._threads if "recovery" not in thread.name)
