"""Outbound SMS gateways: what a gateway is, and the simulator (Twilio's is in
sms.twilio_gateway, imported only where real phones are texted).

A gateway sends one message and says what happened as a `SendResult`; it never raises for a
provider or network failure, so the outbox dispatcher decides about retries from the result.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from store.statuses import MessageStatus


@dataclass(frozen=True)
class SendResult:
    """What a gateway reports about one send."""

    sid: str | None  # provider message id
    status: str  # the provider's MessageStatus, or "unknown" when what became of it is not known
    error_code: int | None = None
    transient: bool = False  # a retry later may succeed
    opted_out: bool = False  # the recipient has opted out (Twilio 21610)


# What look_up answers when the provider could not be asked.
NOT_ASKED = SendResult(sid=None, status="unknown")


class Gateway(Protocol):
    """Sends one SMS, and can say whether one was sent."""

    name: str

    def send(
        self, to: str, body: str, from_: str | None = None, notice_id: int | None = None
    ) -> SendResult:
        """Send one message; `notice_id` rides on the delivery callback, where there is one."""
        ...

    def look_up(self, to: str, body: str, since: datetime) -> SendResult | None:
        """The message with these words sent to `to` since `since`, None when the provider has
        no record of one, or NOT_ASKED when the provider could not be asked."""
        ...


@dataclass(frozen=True)
class SimulatedMessage:
    """One message the simulator pretended to send."""

    sid: str
    to: str
    body: str
    from_: str | None


class SimulatorGateway:
    """A gateway whose messages never leave the machine; every send is "delivered"."""

    name = "simulator"

    def __init__(self, keep: int = 1000) -> None:
        # Bounded, because `poems serve` without Twilio settings runs on the simulator for good.
        self.sent: deque[SimulatedMessage] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def send(
        self, to: str, body: str, from_: str | None = None, notice_id: int | None = None
    ) -> SendResult:
        """Record the message and report it delivered."""
        sid = "SM" + uuid.uuid4().hex
        with self._lock:
            self.sent.append(SimulatedMessage(sid=sid, to=to, body=body, from_=from_))
        return SendResult(sid=sid, status=MessageStatus.DELIVERED)

    def look_up(self, to: str, body: str, since: datetime) -> SendResult | None:
        """The simulated message with these words to `to`, if this simulator sent one."""
        with self._lock:
            for message in reversed(self.sent):
                if (message.to, message.body) == (to, body):
                    return SendResult(sid=message.sid, status=MessageStatus.DELIVERED)
        return None
