"""`seed_demo`: a small market for `poems demo`, made by the exchange itself.

About forty workers and a dozen buyers, and ten days of a market played on a moving clock
through the real paths: staff register workers and post shifts (exchange functions, as the
console does), workers and buyers text (sms.inbound, as Twilio would deliver them), and the
scheduler's jobs run as time passes (offer expiry, next waves, reminders, auto-confirmed
timesheets, settlement, the outbox). Only "done" is written by hand: no rule of the exchange
closes a finished shift yet.
"""

import heapq
import itertools
import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, update
from sqlmodel import col, select

from exchange import disputes
from exchange.errors import Refused
from exchange.franchises import franchise_of
from exchange.law.checks import ADULT_AGE
from exchange.law.rules import load
from exchange.offers import send_wave
from exchange.operators import add_operator
from exchange.shifts import cancel_shift, post_shift
from exchange.workers import register_worker
from poems.seed import people
from poems.seed.report import SeedReport
from scheduler.jobs import run_due
from sms import inbound, outbox
from sms.gateways import SimulatorGateway
from store.db import Database
from store.models import Booking, Buyer, Market, Offer, Operator, Shift, Worker

DEMO_OPERATORS = (
    ("admin", "Ada Admin", "admin", "admin"),
    ("staff", "Sam Staff", "staff", "staff"),
    ("fran", "Fran Franchisee", "franchisee", "fran"),
)
WORKERS, BUYERS = 40, 12
DAYS_BEFORE, DAYS_AFTER = 5, 3
HOUR, MINUTE = timedelta(hours=1), timedelta(minutes=1)
DEMO_SKILLS = ("care", "cleaning", "kitchen", "warehouse")
DEMO_HOURS = ((8, 14), (9, 17), (10, 16), (12, 18), (14, 20), (8, 12))
TICK = 6 * HOUR  # the scheduler's jobs run at least this often on the demo's clock
STEP = 30 * MINUTE  # and at most this often (the real one runs every few seconds)


def seed_demo(db: Database, now: datetime) -> SeedReport:
    """Seed the demo market once; on a database that already has workers, do nothing."""
    began = time.perf_counter()
    with db.read() as session:
        if session.exec(select(func.count()).select_from(Worker)).one():
            return SeedReport(skipped=True)
        before = _counts(session)
    Story(db, now).tell()
    with db.read() as session:
        after = _counts(session)
    rows = {name: after[name] - before.get(name, 0) for name in after}
    return SeedReport(rows=rows, seconds=time.perf_counter() - began)


def _counts(session) -> dict[str, int]:
    from sqlmodel import SQLModel

    counts = {}
    for table in SQLModel.metadata.sorted_tables:
        counts[table.name] = session.exec(select(func.count()).select_from(table)).one()
    return counts


class Story:
    """Ten days of the demo market, as timed events run in order on one clock."""

    def __init__(self, db: Database, now: datetime) -> None:
        self.db = db
        self.now = now
        self.rng = random.Random(7)
        self.gateway = SimulatorGateway(keep=10)
        self.events: list[tuple] = []
        self.seen = 0  # the newest offer already answered (or left)
        self.order = itertools.count()
        self.joined = now - timedelta(days=DAYS_BEFORE + 30)
        self.ticked = now - timedelta(days=DAYS_BEFORE + 1)
        with db.read() as session:
            self.market = session.exec(select(Market).order_by(Market.id)).first()
        self.zone = ZoneInfo(self.market.tz)
        self.today = now.astimezone(self.zone).replace(hour=0, minute=0, second=0, microsecond=0)

    def local(self, days: int, hour: float) -> datetime:
        """A wall-clock hour `days` from today, in the market's zone."""
        day = (self.today + timedelta(days=days)).replace(tzinfo=None)
        return (day + timedelta(hours=hour)).replace(tzinfo=self.zone).astimezone(self.now.tzinfo)

    def at(self, moment: datetime, action: Callable[[datetime], None]) -> None:
        if moment <= self.now:
            heapq.heappush(self.events, (moment, next(self.order), action))

    def tell(self) -> None:
        self.cast()
        # Most say once when they are usually free; the rest text day by day.
        self.regulars = {index for index in range(len(self.workers)) if index % 5 < 3}
        for index in sorted(self.regulars):
            phone = self.workers[index][1]
            days, hours = self.rng.choice(USUAL)
            said = self.local(-DAYS_BEFORE - 1, 9 + index * 0.2)
            body = f"AVAILABLE EVERY {days} {hours}"
            self.at(said, lambda moment, p=phone, b=body: self.text(p, b, moment))
        for day in range(-DAYS_BEFORE, DAYS_AFTER + 1):
            self.plan_day(day)
        # Posted minutes ago: its offers are still out.
        buyer_id, skill, code = self.buyers[0]
        spec = (buyer_id, skill, code, self.local(1, 10), self.local(1, 16), 3)
        self.at(self.now - 5 * MINUTE, lambda moment, s=spec: self.post(moment, *s))
        # A trade nobody here does yet: posted, and still open.
        rare = next((skill for skill in self.market.skills if skill not in DEMO_SKILLS), None)
        if rare is not None:
            buyer_id, _, code = self.buyers[-1]
            spec = (buyer_id, rare, code, self.local(2, 9), self.local(2, 13), 1)
            self.at(self.now - 30 * MINUTE, lambda moment, s=spec: self.post(moment, *s))
        while self.events:
            moment, _, action = heapq.heappop(self.events)
            self.run_until(moment)
            action(moment)
        self.run_until(self.now)
        self.close_finished()
        self.dispute_some()

    def run_until(self, moment: datetime) -> None:
        """The scheduler's jobs, every TICK up to `moment` and at it."""
        while self.ticked + TICK < moment:
            self.ticked += TICK
            run_due(self.db, self.gateway, self.ticked)
            self.answer_new_offers(self.ticked)
        if moment >= self.ticked + STEP:
            self.ticked = moment
            run_due(self.db, self.gateway, moment)
            self.answer_new_offers(moment)

    def answer_new_offers(self, moment: datetime) -> None:
        """Whoever got an offer since last looked answers it a few minutes on: most YES, some
        NO, some not at all (the offer expires and the next wave goes out)."""
        with self.db.read() as session:
            fresh = session.exec(
                select(Offer.id, Offer.ref, Offer.expires_at, Worker.phone)
                .join(Worker, col(Worker.id) == Offer.worker_id)
                .where(col(Offer.id) > self.seen, Offer.status == "live")
                .order_by(Offer.id)
            ).all()
        for offer_id, ref, expires, phone in fresh:
            self.seen = max(self.seen, offer_id)
            answer = self.rng.random()
            at = moment + MINUTE * self.rng.uniform(1, 12)
            if expires is not None and at >= expires:
                continue
            if answer < 0.6:
                body = self.rng.choice(("Y", "YES", "y", "Yes")) + f" {ref}"
            elif answer < 0.75:
                body = f"N {ref}"
            elif answer < 0.78:
                body = "WHY"
            else:
                continue
            self.at(at, lambda when, p=phone, b=body: self.text(p, b, when))

    def text(self, phone: str, body: str, moment: datetime) -> None:
        """A text in through the whole inbound path, and the replies out at once."""
        inbound.deliver(self.db, phone, body, moment)
        outbox.drain(self.db, self.gateway, moment)
        self.answer_new_offers(moment)

    def cast(self) -> None:
        """The operators, the buyers and the workers, who joined a month or so ago."""
        rng, market = self.rng, self.market
        joined = self.joined
        book_day = self.today.date()
        with self.db.write() as session:
            book = load(session, market)
            for username, name, role, password in DEMO_OPERATORS:
                if session.exec(select(Operator).where(Operator.username == username)).first():
                    continue
                made = add_operator(
                    session, username, name, role, password, joined, allow_short_password=True
                )
                if role == "franchisee" and market.franchise_id is None:
                    market = session.get(Market, market.id)
                    market.franchise_id = franchise_of(session, made, joined).id
                    session.add(market)
            areas = people.areas_for(WORKERS)[:1]
            # A small market stays busy: a few trades, two areas, so most shifts find someone.
            trades = [skill for skill in DEMO_SKILLS if skill in market.skills] or market.skills
            names: set[str] = set(session.exec(select(Buyer.name)))
            self.buyers = []
            for number in range(BUYERS):
                skill = trades[number % len(trades)]
                area = areas[number % len(areas)]
                code = people.postcode(rng, area)
                buyer = Buyer(
                    market_id=market.id,
                    name=people.buyer_name(rng, skill, names, area),
                    phone=people.landline(100 + number) if number % 6 else None,
                    contact_name=people.person_name(rng),
                    default_postcode=code,
                    default_place=people.street_address(rng, code),
                    created_at=joined,
                )
                session.add(buyer)
                session.flush()
                self.buyers.append((buyer.id, skill, code))
            self.workers = []
            pick_skill = people.skill_picker(trades)
            for number in range(WORKERS):
                skills = sorted({pick_skill(rng) for _ in range(rng.choice((2, 2, 3, 3)))})
                age = rng.randint(18, 19) if number % 10 == 9 else rng.randint(22, 64)
                least = book.minimum_wage(age, book_day)
                rate = people.asking_rate(rng, skills, least[0] if least else 0)
                born = book_day - timedelta(days=age * 365 + rng.randint(40, 300))
                try:
                    worker = register_worker(
                        session,
                        market,
                        people.mobile(200 + number),
                        people.person_name(rng),
                        skills,
                        people.postcode(rng, areas[number % len(areas)]),
                        rate,
                        joined + number * MINUTE,
                        date_of_birth=born,
                    )
                except Refused:
                    continue
                self.workers.append((worker.id, worker.phone, skills))

    def plan_day(self, day: int) -> None:
        """Availability texted the evening before, shifts posted by staff, and what follows."""
        rng = self.rng
        for index, (_, phone, _) in enumerate(self.workers):
            if index in self.regulars or rng.random() > 0.3:
                continue
            start, end = rng.choice(((7, 19), (6, 22), (8, 20), (7, 23)))
            said = self.local(day - rng.choice((1, 2, 3)), rng.uniform(8, 21))
            name = f"{self.local(day, 12).astimezone(self.zone):%a}".upper()
            body = f"AVAILABLE {name} {start}-{end}"
            self.at(said, lambda moment, p=phone, b=body: self.text(p, b, moment))
        for slot in range(rng.choice((2, 3, 3, 4))):
            buyer_id, skill, code = self.buyers[rng.randrange(len(self.buyers))]
            hours = rng.choice(DEMO_HOURS)
            start, end = self.local(day, hours[0]), self.local(day, hours[1])
            posted = self.local(day - 1, 9.5 + slot * 0.7 + rng.random())
            if start - posted < 4 * HOUR:
                posted = start - 4 * HOUR
            spec = (buyer_id, skill, code, start, end, rng.choice((1, 1, 2, 2, 3)))
            self.at(posted, lambda moment, s=spec: self.post(moment, *s))

    def post(
        self,
        moment: datetime,
        buyer_id: int,
        skill: str,
        code: str,
        start: datetime,
        end: datetime,
        slots: int,
    ) -> None:
        """Staff post a shift for a buyer and send its first wave, as the console does."""
        rng = self.rng
        with self.db.write() as session:
            buyer = session.get(Buyer, buyer_id)
            market = session.get(Market, self.market.id)
            book = load(session, market)
            least = book.minimum_wage(ADULT_AGE, start.astimezone(self.zone).date())
            top = people.top_rate(
                rng,
                skill,
                int((end - start).total_seconds() // 60),
                market.booking_cap_minor,
                least[0] if least else 0,
            )
            try:
                shift = post_shift(
                    session, market, buyer, skill, code, start, end, slots, top, moment
                )
            except Refused:
                return
            send_wave(session, shift.id, moment)
            shift_id = shift.id
        run_due(self.db, self.gateway, moment)
        self.answer_new_offers(moment)
        if rng.random() < 0.08:
            cancel_at = moment + (start - moment) * rng.uniform(0.3, 0.9)
            self.at(cancel_at, lambda at, s=shift_id: self.cancel(at, s))
        self.at(end + 10 * MINUTE, lambda at, s=shift_id: self.finished(at, s))

    def cancel(self, moment: datetime, shift_id: int) -> None:
        with self.db.write() as session:
            try:
                cancel_shift(session, shift_id, self.rng.choice(CANCEL_REASONS), moment)
            except Refused:
                return
        run_due(self.db, self.gateway, moment)

    def finished(self, moment: datetime, shift_id: int) -> None:
        """The booked text DONE; some buyers confirm the hours at once, the rest auto-confirm."""
        with self.db.read() as session:
            booked = session.exec(
                select(Booking.id, Worker.phone)
                .join(Worker, col(Worker.id) == Booking.worker_id)
                .where(Booking.shift_id == shift_id, Booking.status == "booked")
            ).all()
            shift = session.get(Shift, shift_id)
            buyer = session.get(Buyer, shift.buyer_id)
        for step, (booking_id, phone) in enumerate(booked):
            self.text(phone, "DONE", moment + step * MINUTE)
            if buyer.phone and self.rng.random() < 0.6:
                self.at(
                    moment + 2 * HOUR + step * MINUTE,
                    lambda at, p=buyer.phone, b=booking_id: self.text(p, f"OK {b}", at),
                )

    def close_finished(self) -> None:
        """Shifts that were full and are over are done (by hand: no rule does it yet)."""
        with self.db.write() as session:
            session.execute(
                update(Shift)
                .where(col(Shift.status) == "filled", col(Shift.end) <= self.now)
                .values(status="done")
            )

    def dispute_some(self) -> None:
        """A few disputes about finished bookings, one in each state the queue shows: escalated
        (untouched for days), open with a question out, decided, and one just opened."""
        with self.db.write() as session:
            done = session.exec(
                select(Booking.id, Shift.end)
                .join(Shift, col(Shift.id) == Booking.shift_id)
                .where(col(Booking.status).in_(("booked", "done")), col(Shift.end) <= self.now)
                .order_by(Shift.end, Booking.id)
            ).all()
            if len(done) < 4:
                return
            fran = session.exec(select(Operator).where(Operator.username == "fran")).one()
            staff = session.exec(select(Operator).where(Operator.username == "staff")).one()
            (first, first_end), (second, second_end), (third, third_end) = done[:3]
            latest = done[-1][0]
            disputes.open_dispute(
                session, first, "worker", "pay", "They paid 2 hours not 4", first_end + 2 * HOUR
            )
            asked = disputes.open_dispute(
                session, second, "worker", "hours", "I stayed an hour late", second_end + HOUR
            )
            disputes.ask(
                session,
                asked.id,
                fran,
                "buyer",
                "Does your rota show the extra hour?",
                max(second_end + 2 * HOUR, self.now - 6 * HOUR),
            )
            decided = disputes.open_dispute(
                session,
                third,
                "buyer",
                "conduct",
                "Arrived 40 minutes late",
                third_end + 3 * HOUR,
                operator=staff,
            )
            disputes.decide(
                session,
                decided.id,
                fran,
                "reject",
                "The check-in text shows the worker arrived on time",
                third_end + 30 * HOUR,
            )
            disputes.open_dispute(session, latest, "worker", "pay", "Not paid yet", self.now)
            disputes.escalate_due(session, self.now)
        outbox.drain(self.db, self.gateway, self.now)


USUAL = (
    ("WEEKDAY", "7-20"),
    ("WEEKDAY", "8-20"),
    ("DAY", "7-22"),
    ("MON TUE WED THU", "6-22"),
    ("DAY", "8-20"),
)
CANCEL_REASONS = ("resident moved to hospital", "event postponed", "covered by our own staff")
