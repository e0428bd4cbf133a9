"""The people of a seeded market: workers with their skills, places, prices and sign-up texts;
buyers with their contacts; and the days workers said they were free."""

from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import select

from poems.seed import people
from poems.seed.bulk import Bulk
from poems.seed.people import Weighted
from poems.seed.report import Progress
from poems.seed.state import WEEK, Free, SeedBuyer, Seeding, SeedWorker
from poems.seed.texts import availability_text, hello_text
from sms.law_texts import dob_example
from sms.signup import PLACE_EXAMPLE, RATE_EXAMPLE
from store.models import AvailabilityWindow, Buyer, TermsChange, Worker, WorkerSkill

RETIRE_AFTER = timedelta(days=1)  # as exchange/recurring.py retires windows
HISTORY_BEFORE = 26  # weeks of joining before the seeded weeks begin
WORKERS_PER_BUYER = 50
HOW_MANY_SKILLS = Weighted((1, 2, 3), (55, 30, 15))
TAX = Weighted((0, 20, 10, 5), (60, 25, 10, 5))
NOTICE = Weighted((60, 120, 30, 720), (70, 15, 10, 5))
MIN_SHIFT = Weighted((60, 120, 180), (75, 15, 10))
# Some look for work most days, most now and then, a few hardly ever.
KEENNESS = Weighted((0.05, 0.3, 0.6), (20, 50, 30))
# How many days ahead people say they are free.
DAYS_NOTICE = Weighted((0, 1, 2, 3, 4, 5), (15, 35, 20, 14, 9, 7))


def add_workers(seeding: Seeding, count: int, taken: set[str], tell: Progress) -> None:
    """Workers as people are: a few skills, a home postcode, their own price, some opted out."""
    rng, bulk, now = seeding.rng, seeding.bulk, seeding.now
    market = seeding.market
    skills = list(market.skills)
    pick_skill, pick_area = people.skill_picker(skills), people.area_picker(seeding.areas)
    span = (HISTORY_BEFORE + seeding.weeks) * WEEK
    today = now.astimezone(seeding.zone).date()
    worker_table, skill_table = Worker.__table__, WorkerSkill.__table__
    terms_table = TermsChange.__table__
    number = 0
    for made in range(count):
        while people.mobile(number) in taken:
            number += 1
        phone = people.mobile(number)
        number += 1
        name = people.person_name(rng)
        wanted = HOW_MANY_SKILLS(rng)
        held: list[str] = []
        while len(held) < min(wanted, len(skills)):
            skill = pick_skill(rng)
            if skill not in held:
                held.append(skill)
        held.sort()
        area = pick_area(rng)
        code = people.postcode(rng, area)
        # Mostly adults of every age, some 18-20 (a lower legal minimum); a birthday that
        # would change the band during the seeded weeks is kept out of the way.
        age = rng.randint(18, 19) if rng.random() < 0.08 else int(rng.triangular(22, 66, 30))
        born = today - timedelta(days=age * 365.25 + rng.uniform(30, 330))
        rate = people.asking_rate(rng, held, seeding.law.minimum(age))
        joined = now - span * rng.random() ** 0.8 - timedelta(hours=1)
        opted_at = None
        if rng.random() < 0.03:
            opted_at = joined + (now - joined) * rng.uniform(0.3, 1.0)
        worker = SeedWorker(
            id=bulk.next_id(worker_table),
            phone=phone,
            name=name,
            skills=tuple(held),
            area=area,
            postcode=code,
            currency=market.currency,
            asking_rate_minor=rate,
            rate_text=seeding.spoken.money(rate),
            tax=TAX(rng),
            notice_minutes=NOTICE(rng),
            min_shift_minutes=MIN_SHIFT(rng),
            joined=joined,
            opted_out_at=opted_at,
        )
        seeding.workers.append(worker)
        bulk.add(
            worker_table,
            {
                "id": worker.id,
                "phone": phone,
                "market_id": market.id,
                "name": name,
                "language": "en",
                "status": "active",
                "postcode": code,
                "zip": None,
                "travel_areas": [area],
                "asking_rate_minor": rate,
                "currency": market.currency,
                "min_shift_minutes": worker.min_shift_minutes,
                "notice_minutes": worker.notice_minutes,
                "tax_percent": worker.tax,
                "opted_out": opted_at is not None,
                "date_of_birth": born,
                "last_booked_at": None,
                "created_at": joined,
            },
        )
        for skill in held:
            bulk.add(skill_table, {"worker_id": worker.id, "skill": skill})
        bulk.add(
            terms_table,
            _terms(bulk, worker.id, "joined", None, f"{name}; {', '.join(held)}", joined),
        )
        if joined < seeding.start and rng.random() < 0.06:
            # An earlier price, changed before the seeded weeks so every booking is at today's.
            old = max(1100, rate + rng.choice((-100, -50, 50, 100)))
            bulk.add(
                terms_table,
                _terms(
                    bulk,
                    worker.id,
                    "asking_rate_minor",
                    str(old),
                    str(rate),
                    joined + (seeding.start - joined) * rng.random(),
                ),
            )
        if joined >= seeding.start:
            _sign_up(seeding, worker, born)
        if opted_at is not None:
            seeding.log.inbound(opted_at, worker, rng.choice(("STOP", "stop", "Stop")))
        if made % 5000 == 0:
            tell("workers", made, count)
    tell("workers", count, count)


def _terms(
    bulk: Bulk, worker_id: int, what: str, old: str | None, new: str, at: datetime
) -> dict[str, Any]:
    return {
        "id": bulk.next_id(TermsChange.__table__),
        "worker_id": worker_id,
        "field": what,
        "old_value": old,
        "new_value": new,
        "changed_by": "worker",
        "reason": None,
        "at": at,
    }


def _sign_up(seeding: Seeding, worker: SeedWorker, born: date) -> None:
    """The sign-up conversation by SMS as sms/signup.py holds it: name, skills, place, the date
    of birth where the law goes by age, and the lowest rate."""
    rng, log, market = seeding.rng, seeding.log, seeding.market
    options = " ".join(f"{n} {skill}" for n, skill in enumerate(market.skills, start=1))
    picked = " ".join(str(market.skills.index(skill) + 1) for skill in worker.skills)
    at = worker.joined - timedelta(minutes=6)
    step = timedelta(minutes=1)
    rate_example = {"example": RATE_EXAMPLE.get(market.currency, "13.50")}
    turns = [
        (hello_text(rng), "signup_name", {}),
        (worker.name, "signup_skills", {"name": worker.name, "options": options}),
        (picked, "signup_place", {"example": PLACE_EXAMPLE.get(market.region, "E1 6AN")}),
    ]
    if seeding.law.needs_age:
        turns.append((worker.postcode, "signup_dob", {"example": dob_example(market)}))
        written = f"{born:%m/%d/%Y}" if market.region == "US" else f"{born:%d/%m/%Y}"
        turns.append((written, "signup_rate", rate_example))
    else:
        turns.append((worker.postcode, "signup_rate", rate_example))
    done = {
        "name": worker.name,
        "skills": ", ".join(worker.skills),
        "place": worker.postcode,
        "rate": worker.rate_text,
    }
    turns.append((f"{worker.asking_rate_minor / 100:.2f}", "signup_done", done))
    for said, kind, data in turns:
        at = at + step * rng.uniform(0.3, 1.2)
        log.inbound(at, worker, said)
        log.outbound(at, worker, kind, data, None, data)


def add_buyers(seeding: Seeding, count: int, session) -> None:
    """Care homes, kitchens, warehouses...: each with a contact, a phone (mostly) and a place."""
    rng, bulk = seeding.rng, seeding.bulk
    pick_skill = people.skill_picker(seeding.market.skills)
    pick_area = people.area_picker(seeding.areas)
    taken_names = set(session.exec(select(Buyer.name)))
    taken_phones = set(phone for phone in session.exec(select(Buyer.phone)) if phone)
    number = 0
    table = Buyer.__table__
    for _ in range(count):
        skill = pick_skill(rng)
        area = pick_area(rng)
        code = people.postcode(rng, area)
        phone = None
        if rng.random() < 0.9:
            while people.landline(number) in taken_phones:
                number += 1
            phone = people.landline(number)
            taken_phones.add(phone)
        buyer = SeedBuyer(
            id=bulk.next_id(table),
            name=people.buyer_name(rng, skill, taken_names, area),
            phone=phone,
            skill=skill,
            area=area,
            postcode=code,
            place=people.street_address(rng, code),
            weight=rng.gammavariate(1.5, 1.0),
        )
        seeding.buyers.append(buyer)
        bulk.add(
            table,
            {
                "id": buyer.id,
                "market_id": seeding.market.id,
                "name": buyer.name,
                "phone": phone,
                "contact_name": people.person_name(rng),
                "default_postcode": code,
                "default_place": buyer.place,
                "created_at": seeding.start - WEEK * rng.uniform(1, 30),
            },
        )


def add_availability(seeding: Seeding, tell: Progress) -> None:
    """Days each worker said they were free, each said by text a little ahead, and the replies."""
    rng, bulk, log, spoken = seeding.rng, seeding.bulk, seeding.log, seeding.spoken
    now, table, days = seeding.now, AvailabilityWindow.__table__, seeding.days
    tz, currency = seeding.market.tz, seeding.market.currency
    buckets = seeding.buckets
    total = len(seeding.workers)
    # The exchange deletes windows a day after they end; they still count for the history.
    retired = now - RETIRE_AFTER
    for done, worker in enumerate(seeding.workers):
        keen = KEENNESS(rng)
        usual = rng.choice(people.WINDOW_HOURS)
        for index, day in enumerate(days):
            if rng.random() >= keen:
                continue
            hours = usual if rng.random() < 0.7 else rng.choice(people.WINDOW_HOURS)
            ahead = DAYS_NOTICE(rng)
            said_on = day - timedelta(days=ahead)
            latest = hours[0] - 1 if ahead == 0 else 22
            if latest <= 7:
                continue
            posted = seeding.at(said_on, rng.uniform(7, latest))
            start, end = seeding.at(day, hours[0]), seeding.at(day, hours[1])
            if posted > now or posted < worker.joined:
                continue
            if worker.opted_out_at is not None and posted >= worker.opted_out_at:
                continue
            if end > retired:
                bulk.add(
                    table,
                    {
                        "id": bulk.next_id(table),
                        "worker_id": worker.id,
                        "start": start,
                        "end": end,
                        "pattern_id": None,
                        "created_at": posted,
                    },
                )
            entry = Free(posted, start, end, worker)
            for skill in worker.skills:
                buckets.setdefault((skill, worker.area, index), []).append(entry)
            with_rate = rng.random() < 0.05
            log.inbound(
                posted,
                worker,
                availability_text(
                    rng, ahead, day, hours[0], hours[1], worker.rate_text if with_rate else None
                ),
            )
            rate = worker.asking_rate_minor if with_rate else None
            log.outbound(
                posted,
                worker,
                "availability_saved",
                {
                    "when": spoken.span(start, end),
                    "rate_note": f" at {worker.rate_text}/hr" if with_rate else "",
                },
                None,
                {
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "tz": tz,
                    "rate": rate,
                    "currency": currency,
                },
            )
            if rng.random() < 0.02:
                asked = posted + timedelta(minutes=rng.uniform(1, 600))
                if asked < now:
                    log.inbound(asked, worker, rng.choice(("HELP", "help", "?")))
                    log.outbound(asked, worker, "help", {}, None, {})
        if done % 5000 == 0:
            tell("availability", done, total)
    tell("availability", total, total)
