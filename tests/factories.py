"""Building blocks for tests, made through the exchange's own rules (no rows forged by hand)."""

from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from exchange.availability import post_availability
from exchange.shifts import post_shift
from exchange.workers import register_worker
from store.models import Buyer, Market, Shift, Worker


def market(session: Session) -> Market:
    return session.exec(select(Market).order_by(Market.id)).first()


def worker(
    session: Session,
    phone: str,
    now: datetime,
    skills: tuple[str, ...] = ("care",),
    place: str = "E1 6AN",
    rate: int = 1300,
    free_from: datetime | None = None,
    free_hours: int = 12,
    name: str | None = None,
    born: date | None = date(1990, 1, 1),
) -> Worker:
    """A registered worker, free for `free_hours` from `free_from` (default: tomorrow 06:00 UTC).

    Born in 1990 unless told otherwise: the default market's rules depend on age.
    """
    registered = register_worker(
        session,
        market(session),
        phone,
        name or f"Worker {phone[-4:]}",
        skills,
        place,
        rate,
        now,
        date_of_birth=born,
    )
    start = free_from or (now + timedelta(days=1)).replace(hour=6, minute=0)
    post_availability(session, registered.id, start, start + timedelta(hours=free_hours), now)
    return registered


def buyer(
    session: Session, name: str = "Rosewood Care Home", phone: str | None = "+447700900999"
) -> Buyer:
    found = session.exec(select(Buyer).where(Buyer.name == name)).first()
    if found:
        return found
    made = Buyer(
        market_id=market(session).id, name=name, phone=phone, default_place="Rosewood, E1 6AN"
    )
    session.add(made)
    session.flush()
    return made


def shift(
    session: Session,
    now: datetime,
    slots: int = 1,
    start: datetime | None = None,
    hours: int = 4,
    max_rate: int = 1450,
    skill: str = "care",
    postcode: str = "E1 7AA",
    posted_for: Buyer | None = None,
    credentials: tuple[str, ...] = (),
) -> Shift:
    """A shift tomorrow 09:00-13:00 UTC unless told otherwise."""
    start = start or (now + timedelta(days=1)).replace(hour=9, minute=0)
    return post_shift(
        session,
        market(session),
        posted_for or buyer(session),
        skill,
        postcode,
        start,
        start + timedelta(hours=hours),
        slots,
        max_rate,
        now,
        credentials=credentials,
    )
