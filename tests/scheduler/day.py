"""Building blocks for the timer tests: a booked shift made through the real rules, and a tick."""

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from exchange import offers
from scheduler.jobs import run_due
from sms import outbox
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from store.db import Database
from store.models import Message, Notice
from tests import factories

POEMS = str(Path(sys.executable).parent / "poems")
ANN = "+447700900101"
BUYER = "+447700900999"


@dataclass(frozen=True)
class Booked:
    booking_id: int
    shift_id: int
    worker_id: int
    offer_ref: str


def book(
    session: Session,
    now: datetime,
    phone: str = ANN,
    start: datetime | None = None,
    hours: int = 4,
    buyer_phone: str | None = BUYER,
) -> Booked:
    """`phone`'s worker booked on a shift (default tomorrow 09:00-13:00 UTC) for a buyer with a contact."""
    start = start or (now + timedelta(days=1)).replace(hour=9, minute=0)
    worker = factories.worker(
        session, phone, now, name="Ann Smith", free_from=start - timedelta(hours=1)
    )
    buyer = factories.buyer(session, phone=buyer_phone)
    buyer.contact_name = "Mary Jones"
    shift = factories.shift(session, now, start=start, hours=hours, posted_for=buyer)
    (offer,) = offers.send_wave(session, shift.id, now)
    answer = offers.accept(session, worker.id, offer.ref, now)
    assert answer.outcome == "booked", answer
    return Booked(answer.booking.id, shift.id, worker.id, offer.ref)


def tick(db: Database, at: datetime) -> list[tuple[str, str]]:
    """Every due job as of `at`; the texts sent, as (to, body)."""
    return [(message.phone, message.body) for message in run_due(db, SimulatorGateway(), at)]


def text(db: Database, phone: str, body: str, at: datetime) -> list[tuple[str, str]]:
    """One inbound text through the whole path, as `poems text` does; the texts sent back."""
    deliver(db, phone, body, at)
    return [(m.phone, m.body) for m in outbox.drain(db, SimulatorGateway(), at)]


def notices(session: Session, kind: str) -> list[Notice]:
    return list(session.exec(select(Notice).where(Notice.kind == kind).order_by(Notice.id)))


def sent_to(session: Session, phone: str) -> list[str]:
    return list(
        session.exec(
            select(Message.body)
            .where(Message.direction == "out", Message.phone == phone)
            .order_by(Message.id)
        )
    )


def tick_twice(url: str, at: str) -> list[str]:
    """`poems tick --at` in two processes started together; the lines both printed."""
    env = {k: v for k, v in os.environ.items() if k != "POEMS_DATABASE_URL"}
    runs = [
        subprocess.Popen(
            [POEMS, "tick", "--at", at, "--db", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    lines = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        lines += out.splitlines()
    return lines


class Watching(SimulatorGateway):
    """A simulator that says when the first text has gone, so the test waits for a thread, not a clock."""

    def __init__(self) -> None:
        super().__init__()
        self.first = threading.Event()

    def send(self, to, body, from_=None, notice_id=None):
        result = super().send(to, body, from_, notice_id)
        self.first.set()
        return result
