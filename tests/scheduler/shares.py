"""Building blocks for the share-cap tests: markets of one sector held by franchisees, and
booked minutes in each, made through the real rules so the shares come out exact."""

from datetime import datetime, timedelta

from sqlmodel import Session

from exchange import offers
from exchange.franchises import franchise_of
from exchange.operators import add_operator
from exchange.shifts import post_shift
from store.models import Market, Operator
from tests import factories


def operator(session: Session, username: str, role: str, now: datetime) -> Operator:
    return add_operator(session, username, username.title(), role, "password1", now)


def sector_market(session: Session, name: str, holder: Operator | None, now: datetime) -> Market:
    """Another market in the default market's sector, run by `holder`'s franchise."""
    home = factories.market(session)
    fields = home.model_dump(exclude={"id", "name", "franchise_id", "created_at", "phone_number"})
    made = Market(**fields, name=name)
    if holder is not None:
        made.franchise_id = franchise_of(session, holder, now).id
    session.add(made)
    session.flush()
    return made


class Bookings:
    """Booked shifts of exact lengths, each on a day of its own for a worker of its own."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self.made = 0

    def book(self, market: Market, minutes: int) -> int:
        self.made += 1
        start = (self.now + timedelta(days=self.made)).replace(hour=9, minute=0)
        worker = factories.worker(
            self.session,
            f"+4477009002{self.made:02d}",
            self.now,
            free_from=start - timedelta(hours=1),
        )
        shift = post_shift(
            self.session,
            market,
            factories.buyer(self.session),
            "care",
            "E1 7AA",
            start,
            start + timedelta(minutes=minutes),
            1,
            1450,
            self.now,
        )
        offer = next(
            offer
            for offer in offers.send_wave(self.session, shift.id, self.now)
            if offer.worker_id == worker.id
        )
        answer = offers.accept(self.session, worker.id, offer.ref, self.now)
        assert answer.outcome == "booked", answer
        return answer.booking.id


def thirty_and_twenty_nine(session: Session, now: datetime) -> tuple[int, int]:
    """1,000 booked minutes in the sector: `over` holds 305 (30.5%), `under` 290 (29%), the
    rest is in the default market, which no franchise runs. Returns their operator ids."""
    over = operator(session, "over", "franchisee", now)
    under = operator(session, "under", "franchisee", now)
    bookings = Bookings(session, now)
    bookings.book(sector_market(session, "Over care", over, now), 305)
    bookings.book(sector_market(session, "Under care", under, now), 290)
    home = factories.market(session)
    bookings.book(home, 205)
    bookings.book(home, 200)
    return over.id, under.id
