"""The sweeps the scheduler runs: each idempotent, safe to run late or twice."""

from datetime import timedelta

from scheduler.jobs import sweep_inbound, sweep_outbox
from sms.gateways import SimulatorGateway
from sms.inbound import receive


def test_a_text_stored_but_not_acted_on_is_picked_up_by_the_sweep_once(db, now):
    receive(db, "+447700900321", "hello", now, sid="SM" + "b" * 32)
    assert sweep_inbound(db, now + timedelta(seconds=5)) == 1
    assert sweep_inbound(db, now + timedelta(seconds=10)) == 0
    assert sweep_outbox(db, SimulatorGateway(), now + timedelta(seconds=10)) == 1
