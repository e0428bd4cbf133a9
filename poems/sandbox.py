"""`poems sandbox`: the same exchange on a separate database with fictitious people (rule 10).

Three things make it a sandbox, all here: the database is labelled one (and `poems sandbox`
will not touch a database with people in it that is not); every text goes to SandboxGateway,
which never leaves the machine whatever TWILIO_* settings say and marks each text SANDBOX; and
the market is made with no settings from the environment, so it has no real number.
"""

from collections import deque
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from platformdirs import user_data_dir
from sqlalchemy import func
from sqlmodel import Session, select

from exchange.access import record_access
from exchange.availability import post_availability
from exchange.offers import send_wave
from exchange.operators import add_operator
from exchange.sandbox import is_sandbox, mark_sandbox
from exchange.shifts import post_shift
from exchange.workers import register_worker
from sms import inbound, outbox
from sms.gateways import SendResult, SimulatedMessage, SimulatorGateway
from store.db import Database
from store.migrate import upgrade
from store.models import Buyer, Market, Offer, Operator, Worker

if TYPE_CHECKING:
    from poems_tui.app import PoemsConsole

MARK = "[SANDBOX] "
# Ofcom's numbers for drama: they reach nobody.
WORKERS = {
    "+447700900101": ("Ann Example", ("care",), "E1 6AN", 1300),
    "+447700900102": ("Bilal Example", ("care", "cleaning"), "E2 7AA", 1350),
    "+447700900103": ("Chen Example", ("care",), "E1 4DQ", 1400),
    "+447700900104": ("Dana Example", ("care", "kitchen"), "E3 2AB", 1325),
    "+447700900105": ("Efe Example", ("cleaning",), "E1 7AA", 1310),
    "+447700900106": ("Femi Example", ("kitchen",), "E2 0HL", 1420),
}
BUYERS = {
    "Rosewood Care Home (fictitious)": ("+442079460101", "Rosewood, 3 Cable St"),
    "Bow Community Kitchen (fictitious)": ("+442079460102", "Unit 2, Bow Rd"),
}
# Grown-ups: the law's age bands set minimum pay and hours.
BORN = date(1990, 6, 1)
STAFF = ("sandbox", "Sandbox Staff", "sandbox")
HINT = "SANDBOX: sign in as sandbox / sandbox. Fictitious people; no text leaves this machine."


class NotASandbox(Exception):
    """The database has people in it and is not labelled a sandbox."""


class SandboxGateway:
    """Never leaves the machine: a simulator that marks every text it is given SANDBOX."""

    name = "sandbox"

    def __init__(self) -> None:
        self.inner = SimulatorGateway()

    @property
    def sent(self) -> deque[SimulatedMessage]:
        """What the sandbox's phones received, oldest first."""
        return self.inner.sent

    def send(
        self, to: str, body: str, from_: str | None = None, notice_id: int | None = None
    ) -> SendResult:
        return self.inner.send(to, MARK + body, from_, notice_id)

    def look_up(self, to: str, body: str, since: datetime) -> SendResult | None:
        return self.inner.look_up(to, MARK + body, since)


def sandbox_url() -> str:
    """The sandbox's own SQLite file, beside (never in) the exchange's."""
    folder = Path(user_data_dir("poems"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'sandbox.db'}"


def open_sandbox(db_url: str | None, now: datetime) -> Database:
    """The sandbox database, migrated, labelled and seeded; refuses a real exchange's."""
    db = Database(db_url or sandbox_url())
    upgrade(db, env={})
    with db.write() as session:
        people = session.exec(select(func.count()).select_from(Worker)).one()
        if people and not is_sandbox(session):
            db.dispose()
            raise NotASandbox(f"{db.url} holds an exchange that is not a sandbox")
        mark_sandbox(session, now)
    if not people:
        seed(db, now)
    return db


def seed(db: Database, now: datetime) -> None:
    """Fictitious workers (free tomorrow 08:00-18:00), buyers and one staff account."""
    with db.write() as session:
        market = session.exec(select(Market).order_by(Market.id)).first()
        zone = ZoneInfo(market.tz)
        tomorrow = (now.astimezone(zone) + timedelta(days=1)).replace(
            hour=8, minute=0, second=0, microsecond=0
        )
        for phone, (name, skills, place, rate) in WORKERS.items():
            worker = register_worker(
                session, market, phone, name, skills, place, rate, now, date_of_birth=BORN
            )
            post_availability(session, worker.id, tomorrow, tomorrow + timedelta(hours=10), now)
        for name, (phone, place) in BUYERS.items():
            session.add(
                Buyer(
                    market_id=market.id, name=name, phone=phone, default_place=place, created_at=now
                )
            )
        _add_staff(session, now)


def _add_staff(session: Session, now: datetime) -> None:
    username, name, password = STAFF
    add_operator(session, username, name, "staff", password, now, allow_short_password=True)


Say = Callable[[str], None]


def scripted_session(db: Database, now: datetime, say: Say) -> None:
    """A shift posted, offered, booked and explained, and a worker asking about their data."""
    gateway = SandboxGateway()
    names = {phone: name.split()[0] for phone, (name, *_rest) in WORKERS.items()}
    with db.read() as session:
        zone = ZoneInfo(session.exec(select(Market.tz).order_by(Market.id)).first())

    def clock(at: datetime) -> str:
        return f"{MARK}{at.astimezone(zone):%H:%M}"

    def show(at: datetime) -> None:
        outbox.drain(db, gateway, at)
        while gateway.sent:
            message = gateway.sent.popleft()
            say(f"{clock(at)}  {names.get(message.to, message.to):>8} < {message.body}")

    def text(phone: str, body: str, at: datetime) -> None:
        say(f"{clock(at)}  {names[phone]:>8} > {body}")
        inbound.deliver(db, phone, body, at)
        show(at)

    minute = timedelta(minutes=1)
    with db.write() as session:
        market = session.exec(select(Market).order_by(Market.id)).first()
        start = (now.astimezone(zone) + timedelta(days=1)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        buyer = session.exec(select(Buyer).order_by(Buyer.id)).first()
        shift = post_shift(
            session,
            market,
            buyer,
            "care",
            "E1 7AA",
            start,
            start + timedelta(hours=4),
            2,
            1450,
            now,
        )
        send_wave(session, shift.id, now)
        ref = shift.ref
    say(f"{clock(now)}  staff post {ref} for {buyer.name}: care, 2 people, up to £14.50/hr")
    show(now)
    with db.read() as session:
        offered = session.exec(
            select(Worker.phone, Offer.ref).join(Offer).order_by(Offer.rank)
        ).all()
    for step, (phone, offer_ref) in enumerate(offered[:3], start=2):
        text(phone, f"Y {offer_ref}", now + step * minute)
    late = offered[2][0] if len(offered) > 2 else offered[0][0]
    text(late, "WHY", now + 6 * minute)
    first = offered[0][0]
    text(first, "RATES care", now + 7 * minute)
    with db.write() as session:
        staff = session.exec(select(Operator).where(Operator.username == STAFF[0])).first()
        worker = session.exec(select(Worker).where(Worker.phone == first)).one()
        record_access(
            session, staff.id, worker.id, "payment", "checking a payment", now + 8 * minute
        )
    say(f"{clock(now + 8 * minute)}  staff open {names[first]}'s record: a payment question")
    text(first, "WHO SAW", now + 9 * minute)
    text(first, "MY DATA", now + 10 * minute)


def sandbox_console(db: Database, theme: str = "dark", **options) -> "PoemsConsole":
    """The console on the sandbox: SANDBOX in every screen's title, the phone simulator on the
    sandbox gateway."""
    from poems_tui.app import PoemsConsole

    app = PoemsConsole(db, gateway=SandboxGateway(), demo_hint=HINT, theme=theme, **options)
    app.title = "POEMS SANDBOX"
    return app
