"""The webhook's store: texts that arrive together share one commit."""

import asyncio
import threading

from sqlalchemy import event
from sqlmodel import select

from sms.inbound import Incoming
from sms.storer import Storer
from store.models import Message


def test_texts_that_arrive_while_the_store_waits_its_turn_share_its_commit(db, now):
    begins: list[str] = []
    event.listen(
        db.engine,
        "before_cursor_execute",
        lambda *args: begins.append(args[2]) if args[2].startswith("BEGIN IMMEDIATE") else None,
    )
    storer = Storer(db, lambda: now)
    texts = [Incoming(f"+4477009003{n:02d}", f"text {n}", f"SM{n:032d}") for n in range(5)]
    release = threading.Event()

    def someone_else_writing() -> None:
        with db.write() as session:
            session.connection()  # begins
            release.wait(10)

    writer = threading.Thread(target=someone_else_writing)

    async def webhooks() -> list[int | None]:
        writer.start()
        first = asyncio.ensure_future(storer.store(texts[0]))
        # The first text's store is now waiting for the write turn; four more come meanwhile.
        await asyncio.sleep(0.2)
        others = [asyncio.ensure_future(storer.store(text)) for text in texts[1:]]
        await asyncio.sleep(0.2)
        release.set()
        return await asyncio.gather(first, *others)

    try:
        ids = asyncio.run(webhooks())
    finally:
        release.set()
        writer.join()
        storer.stop()
    with db.read() as session:
        stored = session.exec(select(Message.id, Message.body).order_by(Message.id)).all()
    assert [body for _, body in stored] == [f"text {n}" for n in range(5)]
    assert ids == [id_ for id_, _ in stored]
    # The other writer's transaction, then one for all five texts.
    assert len(begins) == 2
