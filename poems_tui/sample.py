"""A small believable market for the console's tests, and for `poems demo` until `poems seed` lands.

Everything is made through the exchange's own rules and the real inbound path, so the feed,
offers and reasons are what the exchange itself writes. Times are relative to `now`.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import select

from exchange.availability import post_availability
from exchange.credentials import FileRegistryVerifier, ask_consent, run_check
from exchange.franchises import add_market, franchise_of
from exchange.offers import send_wave
from exchange.operators import add_operator
from exchange.shifts import cancel_shift, post_shift
from exchange.workers import register_worker
from sms import inbound, outbox
from sms.gateways import SimulatorGateway
from store.db import Database
from store.models import Buyer, CredentialCheck, Market, Offer, Operator, Shift, Worker

# username: (name, role, password). Short passwords are for the demo only.
DEMO_OPERATORS = {
    "admin": ("Alex Admin", "admin", "admin"),
    "staff": ("Sam Patel", "staff", "staff"),
    "fran": ("Fran Okoye", "franchisee", "fran"),
    "kay": ("Kay Lund", "franchisee", "kay"),
    "audit": ("Ade Auditor", "auditor", "audit"),
}
DEMO_HINT = "Demo accounts: staff / staff, admin / admin, fran / fran (franchisee), audit / audit."

# phone suffix, name, skills, postcode, rate in pence
LONDON = [
    ("101", "Ann Marsh", ("care", "cleaning"), "E1 6AN", 1370),
    ("102", "Bilal Hussain", ("care", "kitchen"), "E2 7QT", 1325),
    ("103", "Chen Wei", ("care", "childcare"), "E1 4NS", 1380),
    ("104", "Dara Okafor", ("kitchen", "hospitality"), "E1 7AA", 1320),
    ("105", "Eve Marsh", ("kitchen", "cleaning"), "E3 2AB", 1295),
    ("106", "Femi Adeyemi", ("care",), "E2 9PJ", 1400),
    ("107", "Grace Liu", ("warehouse", "retail"), "E14 5AB", 1290),
    ("108", "Hamid Karimi", ("warehouse",), "E15 1DB", 1310),
    ("109", "Ines Duarte", ("cleaning", "hospitality"), "E1 0AA", 1290),
    ("110", "Jo Baptiste", ("childcare", "care"), "E5 8QR", 1500),
    ("111", "Kwame Mensah", ("gardening", "warehouse"), "E9 7HU", 1395),
    ("112", "Lena Novak", ("retail", "hospitality"), "E8 1EJ", 1345),
    ("113", "Marek Zielinski", ("kitchen",), "E1 5JL", 1340),
    ("114", "Nia Roberts", ("care", "cleaning"), "E2 0QN", 1380),
    ("115", "Omar Farah", ("cleaning",), "E1 2AD", 1300),
    ("116", "Priya Shah", ("childcare",), "E3 5LU", 1450),
]
LEEDS = [
    ("201", "Rob Carter", ("kitchen",), "LS1 4AP", 1340),
    ("202", "Sana Iqbal", ("kitchen", "cleaning"), "LS2 7EE", 1360),
    ("203", "Tom Whitaker", ("cleaning",), "LS6 1AA", 1290),
]
BUYERS = [
    ("Rosewood Care Home", "+442079460001", "Maria Costa", "E1 6AN", "Rosewood, 3 Cable St"),
    ("Spitalfields Kitchen", "+442079460002", "Dev Rao", "E1 6BG", "12 Lamb St"),
    ("Mile End Leisure Centre", None, "Pat Byrne", "E1 4DQ", "190 Burdett Rd"),
    ("Bethnal Green Library", "+442079460004", "Sue Lowe", "E2 0HL", "Cambridge Heath Rd"),
    ("Poplar Depot", "+442079460005", "Ray Hollis", "E14 0AE", "Unit 4, Poplar High St"),
]


# phone suffix, text, hours ago
INBOX_TEXTS = [
    ("113", "czy ktoś wie gdzie mam zostawić klucze po zmianie? portier mówi co innego", 5),
    ("109", "the man at the bar keeps grabbing my arm and the manager just laughs", 1),
    (
        "202",
        "the rota on the canteen wall says something else than your text, which one is right",
        3,
    ),
]


def seed_sample(db: Database, now: datetime) -> None:
    """Operators, two markets, workers, buyers, and shifts in every state, with their texts."""
    gateway = SimulatorGateway()
    start = _morning(now, 3, 9)
    ensure_demo_operators(db, start)
    with db.write() as session:
        london = session.exec(select(Market).order_by(Market.id)).first()
        fran = session.exec(select(Operator).where(Operator.username == "fran")).one()
        kay = session.exec(select(Operator).where(Operator.username == "kay")).one()
        london.franchise_id = franchise_of(session, fran, start).id
        session.add(london)
        leeds = add_market(
            session,
            Market(
                name="Leeds kitchens",
                sector="kitchens",
                area="Leeds",
                skills=["kitchen", "cleaning"],
                franchise_id=franchise_of(session, kay, start).id,
                created_at=start,
            ),
            start,
        )
        london_id, leeds_id = london.id, leeds.id
        buyer_ids = []
        for name, phone, contact, postcode, place in BUYERS:
            buyer = Buyer(
                market_id=london.id,
                name=name,
                phone=phone,
                contact_name=contact,
                default_postcode=postcode,
                default_place=place,
                created_at=start,
            )
            session.add(buyer)
            session.flush()
            buyer_ids.append(buyer.id)
        session.add(
            Buyer(
                market_id=leeds.id,
                name="Kirkgate Canteen",
                contact_name="Jan Smith",
                default_postcode="LS2 7HY",
                default_place="Kirkgate Market",
                created_at=start,
            )
        )
    # The first three join by text, as a newcomer would; the rest signed up at the desk.
    for offset, (suffix, name, skills, postcode, rate) in enumerate(LONDON[:3]):
        at = start + timedelta(minutes=5 * offset)
        with db.read() as session:
            market = session.get(Market, london_id)
        numbers = " ".join(str(market.skills.index(skill) + 1) for skill in skills)
        answers = {
            "your name": name,
            "what work": numbers,
            "postcode": postcode,
            "date of birth": _born(suffix).strftime("%d/%m/%Y"),
            "hourly rate": f"{rate / 100:.2f}",
        }
        _sign_up_by_text(db, gateway, f"+447700900{suffix}", answers, at)
    with db.write() as session:
        for market_id, people in ((london_id, LONDON[3:]), (leeds_id, LEEDS)):
            market = session.get(Market, market_id)
            for suffix, name, skills, postcode, rate in people:
                register_worker(
                    session,
                    market,
                    f"+447700900{suffix}",
                    name,
                    skills,
                    postcode,
                    rate,
                    start,
                    changed_by="staff",
                    date_of_birth=_born(suffix),
                )
        for suffix, *_ in LONDON[:3]:
            # Told at the desk: where pay and hours depend on age, offers need it.
            worker = session.exec(select(Worker).where(Worker.phone == f"+447700900{suffix}")).one()
            worker.date_of_birth = worker.date_of_birth or _born(suffix)
            session.add(worker)
        # Everyone said they are free for 14 hours a day around now, four days running.
        for worker in session.exec(select(Worker).where(Worker.status == "active")).all():
            for day in range(-2, 2):
                begin = now + timedelta(days=day, hours=-4)
                post_availability(session, worker.id, begin, begin + timedelta(hours=14), start)
    _shifts(db, gateway, london_id, buyer_ids, now)
    _credential(db, gateway, now - timedelta(hours=20))
    # Texts for a person: not understood, in Polish; about safety; and one in the other market.
    for suffix, body, hours_ago in INBOX_TEXTS:
        _text(db, gateway, f"+447700900{suffix}", body, now - timedelta(hours=hours_ago))


def _born(suffix: str) -> date:
    return date(1970 + int(suffix) % 30, 1 + int(suffix) % 12, 1 + int(suffix) % 28)


def _morning(now: datetime, days_ago: int, hour: int) -> datetime:
    """That hour, local London time, some days ago: sample texts go out in the daytime."""
    local = (now - timedelta(days=days_ago)).astimezone(ZoneInfo("Europe/London"))
    return local.replace(hour=hour, minute=0, second=0, microsecond=0).astimezone(UTC)


def ensure_demo_operators(db: Database, now: datetime) -> None:
    with db.write() as session:
        for username, (name, role, password) in DEMO_OPERATORS.items():
            found = session.exec(select(Operator).where(Operator.username == username)).first()
            if found is None:
                add_operator(
                    session, username, name, role, password, now, allow_short_password=True
                )


def _sign_up_by_text(
    db: Database, gateway: SimulatorGateway, phone: str, answers: dict[str, str], at: datetime
) -> None:
    """Answer each sign-up question as it comes, whatever order the dialogue asks them in."""
    sent = _text(db, gateway, phone, "Hello", at)
    for _ in range(len(answers) + 2):
        question = sent[-1].lower() if sent else ""
        answer = next((text for cue, text in answers.items() if cue in question), None)
        if answer is None:
            return
        sent = _text(db, gateway, phone, answer, at)


def _text(
    db: Database, gateway: SimulatorGateway, phone: str, body: str, at: datetime
) -> list[str]:
    inbound.deliver(db, phone, body, at)
    return [message.body for message in outbox.drain(db, gateway, at) if message.phone == phone]


def _shifts(
    db: Database, gateway: SimulatorGateway, market_id: int, buyers: list[int], now: datetime
) -> None:
    """One or more shifts in each state of the board, posted two days ago."""
    posted = _morning(now, 2, 10)
    hour = timedelta(hours=1)
    plan = [
        # buyer, skill, postcode, start, hours, slots, rate, takers
        (0, "care", "E1 6AN", now - 2 * hour, 6, 1, 1450, 1),  # in progress
        (0, "care", "E1 6AN", now + 24 * hour, 4, 2, 1450, 2),  # filled
        (1, "kitchen", "E1 6BG", now + 28 * hour, 5, 2, 1400, 0),  # offering
        (2, "cleaning", "E1 4DQ", now + 30 * hour, 3, 1, 1300, 0),  # offering
        (4, "gardening", "E14 0AE", now + 48 * hour, 4, 1, 1300, 0),  # open: nobody fits
        (3, "childcare", "E2 0HL", now - 27 * hour, 3, 1, 1500, 1),  # done
        (1, "kitchen", "E1 6BG", now - 26 * hour, 4, 1, 1300, 0),  # unfilled
        (3, "care", "E2 0HL", now + 50 * hour, 4, 1, 1450, 0),  # cancelled
    ]
    made = []
    for buyer_index, skill, postcode, begin, hours, slots, rate, takers in plan:
        with db.write() as session:
            market = session.get(Market, market_id)
            buyer = session.get(Buyer, buyers[buyer_index])
            shift = post_shift(
                session,
                market,
                buyer,
                skill,
                postcode,
                begin,
                begin + timedelta(hours=hours),
                slots,
                rate,
                posted,
            )
            send_wave(session, shift.id, posted)
            made.append((shift.id, takers))
        outbox.drain(db, gateway, posted)
    reply = posted + timedelta(minutes=7)
    for shift_id, takers in made:
        with db.read() as session:
            offers = session.exec(
                select(Offer.ref, Worker.phone)
                .join(Worker)
                .where(Offer.shift_id == shift_id)
                .order_by(Offer.rank)
            ).all()
        for ref, phone in offers[:takers]:
            _text(db, gateway, phone, f"Y {ref}", reply)
            reply += timedelta(minutes=3)
        if takers == 0 and len(offers) > 2:
            _text(db, gateway, offers[-1][1], f"N {offers[-1][0]}", reply)
    done, unfilled, cancelled = made[5][0], made[6][0], made[7][0]
    with db.write() as session:
        for shift_id, status in ((done, "done"), (unfilled, "unfilled")):
            shift = session.get(Shift, shift_id)
            shift.status = status
            session.add(shift)
            session.execute(
                Offer.__table__.update()
                .where(Offer.shift_id == shift_id, Offer.status == "live")
                .values(status="expired")
            )
        cancel_shift(session, cancelled, "The library is closed for repairs", posted + hour)
    outbox.drain(db, gateway, posted + hour)


def _credential(db: Database, gateway: SimulatorGateway, at: datetime) -> None:
    """Staff asked Ann to let them check her DBS certificate; she said YES; it was confirmed."""
    with db.write() as session:
        staff = session.exec(select(Operator).where(Operator.username == "staff")).one()
        ann = session.exec(select(Worker).where(Worker.phone == "+447700900101")).one()
        check = ask_consent(session, ann.id, "dbs", staff, at)
        ref, check_id = check.ref, check.id
    outbox.drain(db, gateway, at)
    _text(db, gateway, "+447700900101", f"YES {ref}", at + timedelta(minutes=4))
    with db.write() as session:
        if session.get(CredentialCheck, check_id).status == "consented":
            run_check(session, check_id, FileRegistryVerifier(), at + timedelta(minutes=4))
    outbox.drain(db, gateway, at + timedelta(minutes=4))
