"""Messages the console's screens post to themselves from thread workers: small, past tense."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

# Names for the fields only: importing every screen's services here would load them all at start.
if TYPE_CHECKING:
    from exchange.health import Health
    from services.buyers import BuyerRow
    from services.disputes import DisputePage, Queue
    from services.feed import FeedRow
    from services.inbox import Conversation, Waiting
    from services.markets import MarketView
    from services.phone import Bubble
    from services.shifts import ShiftDetail, ShiftRow
    from services.who import Who
    from services.workers import Page, WorkerRecord


@dataclass
class SignedIn(Message):
    who: Who


@dataclass
class SignInRefused(Message):
    reason: str


@dataclass
class FeedLoaded(Message):
    rows: list[FeedRow]
    fresh: bool


@dataclass
class WorkersLoaded(Message):
    page: Page
    fresh: bool
    total: int | None


@dataclass
class WorkerRecordLoaded(Message):
    record: WorkerRecord | None


@dataclass
class BoardLoaded(Message):
    counts: dict[str, int]
    state: str
    rows: list[ShiftRow]


@dataclass
class ShiftDetailLoaded(Message):
    detail: ShiftDetail | None


@dataclass
class BuyersLoaded(Message):
    rows: list[BuyerRow]


@dataclass
class DisputesLoaded(Message):
    queue: Queue
    # Loaded because the operator asked (r): say so.
    said: bool = False


@dataclass
class DisputePageLoaded(Message):
    page: DisputePage | None


@dataclass
class HealthLoaded(Message):
    health: Health
    said: bool = False


@dataclass
class MarketsLoaded(Message):
    markets: list[MarketView]


@dataclass
class ConversationLoaded(Message):
    phone: str
    bubbles: list[Bubble]
    fresh: bool
    # Who has this number, read with the first page of the conversation.
    name: str | None = None


@dataclass
class Saved(Message):
    """A form's change went through; `text` says what happened."""

    text: str


@dataclass
class Refused(Message):
    """The exchange said no; `text` is its reason, shown beside what was typed."""

    text: str


@dataclass
class InboxLoaded(Message):
    rows: list[Waiting]
    said: bool = False


@dataclass
class InboxConversationLoaded(Message):
    conversation: Conversation | None
