"""The pipeline answers the texts waiting before it tops up the waves they queued, so a
worker's reply never waits behind offers to other people; and waves still go out."""

from datetime import timedelta

from sqlmodel import col, select

from sms import inbound
from sms.gateways import SimulatorGateway
from sms.pipeline import Pipeline
from store.models import Notice
from tests import factories


def test_the_replies_to_waiting_texts_go_before_the_offers_they_lead_to(db, now, monkeypatch):
    # However slow the machine, the three texts are one batch.
    monkeypatch.setattr(inbound, "BATCH_SECONDS", 60.0)
    phones = [f"+4477009006{n:02d}" for n in range(3)]
    with db.write() as session:
        factories.shift(session, now, slots=1)
        for phone in phones:
            factories.worker(session, phone, now, free_from=now + timedelta(days=3))
    for phone in phones:
        inbound.receive(db, phone, "available tomorrow 8am-8pm", now)
    gateway = SimulatorGateway()
    pipeline = Pipeline(db, gateway, lambda: now).start()
    try:
        pipeline.take(0)
        assert pipeline.idle(timeout=30)
    finally:
        pipeline.stop()

    with db.read() as session:
        kinds = list(session.exec(select(Notice.kind).order_by(col(Notice.id))))
    assert kinds.count("offer") == 3, kinds
    assert "offer" not in kinds[: len(kinds) - 3], kinds
    assert len(gateway.sent) == len(kinds)
