"""No text is lost to a fault: acting is retried on transient errors, a text that still fails
waits for the sweep with its failure counted, and a fault is never answered "didn't understand"."""

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import col, func, select

from exchange.errors import Refused
from exchange.offers import send_wave
from scheduler.jobs import sweep_inbound
from sms import inbound
from sms.gateways import SimulatorGateway
from sms.health import text_health
from sms.outbox import drain
from store.db import Database
from store.migrate import upgrade
from store.models import Message, Notice, Worker
from tests import factories

ANN = "+447700900101"


def notices_of(db, kind: str) -> int:
    with db.read() as session:
        return session.exec(
            select(func.count()).select_from(Notice).where(Notice.kind == kind)
        ).one()


def test_two_texts_at_once_from_a_new_number_are_both_acted_on(any_db, now):
    """Thirty new numbers each text twice at the same moment: on PostgreSQL both texts make the
    worker and one loses the unique key; the loser is tried again, never lost."""
    phones = [f"+4477009{n:05d}" for n in range(30)]
    start = threading.Barrier(len(phones) * 2)
    errors: list[BaseException] = []

    def text_from(phone: str, body: str) -> None:
        try:
            start.wait()
            inbound.deliver(any_db, phone, body, now)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [
        threading.Thread(target=text_from, args=(phone, body))
        for phone in phones
        for body in ("hello", "Maria Lopez")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with any_db.read() as session:
        waiting = session.exec(
            select(func.count())
            .select_from(Message)
            .where(Message.direction == "in", col(Message.processed_at).is_(None))
        ).one()
        workers = session.exec(select(func.count()).select_from(Worker)).one()
    assert waiting == 0 and workers == len(phones)
    assert notices_of(any_db, "unknown") == 0


def test_a_text_that_cannot_be_acted_on_waits_counted_and_is_never_misanswered(db, now):
    with db.write() as session:
        factories.worker(session, ANN, now)
    # A real fault, not a misreading: a table acting needs is missing.
    with db.write() as session:
        session.execute(text("ALTER TABLE offer RENAME TO offer_away"))
    message_id = inbound.deliver(db, ANN, "SHIFTS", now)

    with db.read() as session:
        message = session.get(Message, message_id)
        health = text_health(session, now)
    assert message.processed_at is None
    assert message.act_attempts == 1 and "offer" in message.act_error
    assert message.act_after == now + inbound.SWEEP_PAUSE
    assert (health.texts_waiting, health.texts_failing) == (1, 1)
    assert health.waiting[0].error == message.act_error
    assert drain(db, SimulatorGateway(), now) == []
    assert notices_of(db, "unknown") == 0


def test_the_sweep_acts_on_a_waiting_text_once_its_next_try_is_due(db, now):
    with db.write() as session:
        factories.worker(session, ANN, now)
    with db.write() as session:
        session.execute(text("ALTER TABLE offer RENAME TO offer_away"))
    message_id = inbound.deliver(db, ANN, "SHIFTS", now)
    with db.write() as session:
        session.execute(text("ALTER TABLE offer_away RENAME TO offer"))

    assert sweep_inbound(db, now + timedelta(seconds=10)) == 0
    assert sweep_inbound(db, now + inbound.SWEEP_PAUSE) == 1

    with db.read() as session:
        message = session.get(Message, message_id)
        health = text_health(session, now + inbound.SWEEP_PAUSE)
    assert message.processed_at == now + inbound.SWEEP_PAUSE and message.act_attempts == 1
    assert health.texts_waiting == 0 and health.texts_retried_recently == 1
    sent = drain(db, SimulatorGateway(), now + inbound.SWEEP_PAUSE)
    assert len(sent) == 1 and sent[0].phone == ANN


def test_a_deadlock_while_acting_is_tried_again_and_the_text_acted_on(postgres_url, now):
    """A real deadlock on PostgreSQL: the text's transaction claims its row and waits for the
    shift a staff transaction holds, which then waits for the text's row."""
    database = Database(postgres_url)
    upgrade(database, env={})
    with database.engine.connect() as connection:
        name = connection.exec_driver_sql("SELECT current_database()").scalar()
        # Each waiter looks for a deadlock once, this long after it began to wait: long enough
        # for the staff transaction to close the ring even on a busy machine.
        connection.exec_driver_sql(f"ALTER DATABASE \"{name}\" SET deadlock_timeout = '1s'")
        connection.commit()
    database.dispose()
    database = Database(postgres_url)
    with database.write() as session:
        worker = factories.worker(session, ANN, now)
        shift = factories.shift(session, now)
        (offer,) = send_wave(session, shift.id, now)
        ref, shift_id, worker_id = offer.ref, shift.id, worker.id
    message_id = inbound.receive(database, ANN, f"YES {ref}", now)

    holding, acting = (
        threading.Event(),
        threading.Thread(target=inbound.process, args=(database, message_id, now)),
    )

    def staff() -> None:
        with database.engine.connect() as connection:
            # The text's transaction, not this one, is the one PostgreSQL gives up.
            connection.exec_driver_sql("SET deadlock_timeout = '20s'")
            connection.exec_driver_sql(f"SELECT id FROM shift WHERE id = {shift_id} FOR UPDATE")
            holding.set()
            # Wait until the text's transaction queues behind the shift, then close the ring.
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not _waiting_on_a_lock(database):
                time.sleep(0.01)
            try:
                connection.exec_driver_sql(
                    f"UPDATE message SET status = status WHERE id = {message_id}"
                )
            finally:
                connection.commit()

    holder = threading.Thread(target=staff)
    holder.start()
    holding.wait(10)
    acting.start()
    holder.join(30)
    acting.join(30)

    with database.read() as session:
        message = session.get(Message, message_id)
        booked = session.exec(
            select(func.count()).select_from(Notice).where(Notice.kind == "booked")
        ).one()
    database.dispose()
    assert message.processed_at is not None
    assert message.act_attempts >= 1, "the deadlock was not met and retried"
    assert booked == 1 and worker_id


def _waiting_on_a_lock(database: Database) -> bool:
    with database.engine.connect() as connection:
        return bool(
            connection.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            ).scalar()
        )


@pytest.mark.parametrize("sender", ["+abc", "+1555", "hello", "", "+٤٤٧٧٠٠٩٠٠٣٢١", "0" * 40])
def test_a_sender_that_is_not_a_phone_number_is_refused_and_nothing_stored(db, now, sender):
    with pytest.raises(Refused):
        inbound.receive(db, sender, "hello", now, "SM" + "1" * 32)
    with db.read() as session:
        assert session.exec(select(func.count()).select_from(Message)).one() == 0
        assert session.exec(select(func.count()).select_from(Worker)).one() == 0


def test_control_characters_are_stored_visibly_replaced(any_db, now):
    message_id = inbound.receive(any_db, ANN, "YES\x00 12\x07\ud800", now)
    with any_db.read() as session:
        assert session.get(Message, message_id).body == "YES\ufffd 12\ufffd\ufffd"


def test_a_fault_in_one_text_of_a_go_rolls_back_only_that_text(db, now, monkeypatch):
    """Of the texts acted on in one go, the one that fails (after writing its reply) keeps
    nothing it wrote and waits, counted; the texts around it are answered."""
    monkeypatch.setattr(inbound, "BATCH_SECONDS", 60.0)
    phones = [f"+4477009004{n:02d}" for n in range(3)]
    with db.write() as session:
        for phone in phones:
            factories.worker(session, phone, now)
    real = inbound.act

    def act(session, message, now):
        real(session, message, now)
        if message.phone == phones[1]:
            raise RuntimeError("a fault after the reply was written")

    monkeypatch.setattr(inbound, "act", act)
    ids = [inbound.receive(db, phone, "SHIFTS", now) for phone in phones]

    assert inbound.act_on_waiting(db, now) == ids
    with db.read() as session:
        acted = {m.id: m for m in session.exec(select(Message).where(col(Message.id).in_(ids)))}
        answered = set(session.exec(select(Notice.phone)))
    assert acted[ids[1]].processed_at is None and acted[ids[1]].act_attempts == 1
    assert acted[ids[0]].processed_at == acted[ids[2]].processed_at == now
    assert answered == {phones[0], phones[2]}
    assert inbound.act_on_waiting(db, now) == []


def test_waiting_texts_are_acted_on_oldest_first_up_to_the_batch(db, now, monkeypatch):
    monkeypatch.setattr(inbound, "BATCH_SECONDS", 60.0)
    ids = [inbound.receive(db, f"+4477009005{n:02d}", "hello", now) for n in range(4)]
    assert inbound.act_on_waiting(db, now, most=3) == ids[:3]
    assert inbound.act_on_waiting(db, now, most=3) == ids[3:]
    assert inbound.act_on_waiting(db, now, most=3) == []
