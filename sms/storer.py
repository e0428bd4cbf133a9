"""Storing the webhooks' texts together: each webhook is answered once the transaction holding
its text commits, and one commit serves every text that arrived while the last was written.

That is how a durable store keeps up with a city: on PostgreSQL a commit waits for the disk,
and on SQLite each transaction takes the one write lock.
"""

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from datetime import datetime
from functools import partial

from exchange.errors import Refused
from sms.inbound import Incoming, receive_many
from store.db import Database

log = logging.getLogger(__name__)

# The most texts one transaction holds.
MOST = 200


class Storer:
    """Writer threads that store texts in shared transactions for asyncio callers."""

    def __init__(
        self, db: Database, clock: Callable[[], datetime], writers: int | None = None
    ) -> None:
        self.db, self.clock = db, clock
        # SQLite has one write lock; PostgreSQL overlaps one commit's wait with the next batch.
        self.writers = writers or (1 if db.is_sqlite else 2)
        self._texts: queue.SimpleQueue = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._starting = threading.Lock()

    async def store(self, text: Incoming) -> int | None:
        """The text's id once stored; None when its sid was stored before. Raises Refused when
        the sender is not a phone number, and the database's error when it cannot store."""
        self._start()
        loop = asyncio.get_running_loop()
        answer = loop.create_future()
        self._texts.put((text, loop, answer))
        found = await answer
        if isinstance(found, Exception):
            raise found
        return found

    def stop(self) -> None:
        for _ in self._threads:
            self._texts.put(None)
        for thread in self._threads:
            thread.join(timeout=10)
        self._threads.clear()

    def _start(self) -> None:
        if self._threads:
            return
        with self._starting:
            while len(self._threads) < self.writers:
                thread = threading.Thread(target=self._write, name="poems-storer", daemon=True)
                thread.start()
                self._threads.append(thread)

    def _write(self) -> None:
        while (first := self._texts.get()) is not None:
            batch = [first]
            try:
                results: list = receive_many(
                    self.db, [first[0]], self.clock(), more=partial(self._arrived, batch)
                )
            except Exception as error:
                log.exception("storing %s texts failed", len(batch))
                results = [error] * len(batch)
            for (_, loop, answer), result in zip(batch, results, strict=True):
                loop.call_soon_threadsafe(_settle, answer, result)

    def _arrived(self, batch: list) -> list[Incoming]:
        """The texts that came while `batch` waited for its turn to write, added to it: they
        share its commit rather than wait for a turn of their own."""
        came = []
        while len(batch) < MOST:
            try:
                waiting = self._texts.get_nowait()
            except queue.Empty:
                break
            if waiting is None:
                self._texts.put(None)  # for this thread's next turn: stop then
                break
            batch.append(waiting)
            came.append(waiting[0])
        return came


def _settle(answer: asyncio.Future, result: int | None | Refused | Exception) -> None:
    if answer.done():  # the caller went away
        return
    answer.set_result(result)
