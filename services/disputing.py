"""What a party to a dispute does by text, the worker or the buyer: find the booking a
complaint is about, add words to their dispute, answer a question staff asked, appeal a
decision, and see their live penalty points. Opening one is services.disputes.open_dispute,
the same use case staff open one with. Each acts only on the party's own disputes."""

from dataclasses import dataclass
from datetime import datetime

from exchange import disputes
from exchange.franchises import concession
from services.unit import Unit
from store.models import Booking, Dispute, Offer, PenaltyPoint, Shift

# How far back a complaint without a booking's number looks for it.
RECENT = disputes.RECENT


def booking_by_ref(db: Unit, worker_id: int, ref: str) -> Booking | None:
    """The worker's own booking by the offer reference they were sent, or its number."""
    with db.read() as session:
        return disputes.booking_by_ref(session, worker_id, ref)


def recent_bookings(
    db: Unit, worker_id: int, now: datetime, tz: str, weekday: int | None = None
) -> list[tuple[Booking, Shift, Offer | None]]:
    """The worker's bookings started within RECENT, newest first; only on `weekday` (Monday 0,
    in the market's zone) when given."""
    with db.read() as session:
        return disputes.recent_bookings(session, worker_id, now, weekday=weekday, tz=tz)


def add_to_dispute(
    db: Unit, party: str, party_id: int, ref: str, detail: str, now: datetime
) -> Dispute:
    """DISPUTE D12 and more words: they go to the party's own undecided dispute, for the
    decider; a decided one is appealed instead (refused)."""
    with db.write() as session, session.begin_nested():
        found = disputes.party_dispute(session, party, party_id, ref, now)
        disputes.add_detail(session, found, party, detail, now)
        return found


def answer_question(
    db: Unit, party: str, party_id: int, body: str, now: datetime, message_id: int | None = None
) -> Dispute | None:
    """A party's words while staff wait on their answer to a question about a dispute: kept
    with that dispute. None when no question waits for them."""
    with db.write() as session:
        waiting = disputes.waiting_question(session, party, party_id)
        if waiting is None:
            return None
        disputes.attach_reply(session, waiting, party, body, now, message_id=message_id)
        return waiting


def appeal(
    db: Unit,
    party: str,
    party_id: int,
    ref: str | None,
    why: str,
    now: datetime,
    message_id: int | None = None,
) -> Dispute:
    """APPEAL D12 and why (or APPEAL alone, with one decision open to appeal): a second
    reviewer decides; both parties are told."""
    with db.write() as session, session.begin_nested():
        found = disputes.party_dispute(session, party, party_id, ref, now)
        return disputes.appeal(session, found.id, party, why, now, message_id=message_id)


@dataclass(frozen=True)
class Standing:
    """A worker's live penalty points, oldest first, and how many suspend them."""

    points: tuple[PenaltyPoint, ...]
    limit: int


def standing(db: Unit, worker_id: int, now: datetime) -> Standing:
    """MY RECORD: the worker's own points still counting, why each was given and when it ends."""
    with db.read() as session:
        points = tuple(disputes.live_points(session, now, worker_id=worker_id))
        return Standing(points, concession(session).points_to_suspend)
