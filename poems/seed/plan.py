"""The shifts of a seeded market: who posts what, for when, how many people, at what top rate,
and how far ahead; each one lawful to post (its top rate, its break)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from poems.seed import people
from poems.seed.people import Weighted
from poems.seed.state import SeedBuyer, Seeding
from store.models import Shift

SHIFTS_PER_WORKER_WEEK = 0.25
P_CANCEL = 0.04
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
SLOTS = Weighted((1, 2, 3, 4, 5, 6, 8, 10), (60, 22, 9, 4, 2, 1.5, 1, 0.5))
# How long before the start buyers post: the same day, a day or two, up to a week.
LEAD_HOURS = Weighted(((2, 12), (12, 48), (48, 120)), (35, 45, 20))


@dataclass(eq=False, slots=True)
class PlannedShift:
    """A shift to play; its facts carry Shift's column names, so eligibility's in-memory checks
    read it as they read any shift (exchange.eligibility.ShiftFacts)."""

    id: int
    buyer: SeedBuyer
    skill: str
    area: str
    postcode: str
    place: str
    day: int
    start: datetime
    end: datetime
    minutes: int
    break_minutes: int
    slots: int
    max_rate_minor: int
    currency: str
    created: datetime
    cancel_at: datetime | None
    credentials: tuple[str, ...] = ()
    # The workers holding an offer of it that its filling did not close.
    offered: set[int] = field(default_factory=set)


def plan_shifts(seeding: Seeding) -> list[PlannedShift]:
    """Shifts posted by buyers, in the order they were posted, each one lawful to post."""
    rng, now, market, law = seeding.rng, seeding.now, seeding.market, seeding.law
    days = seeding.days
    count = round(len(seeding.workers) * SHIFTS_PER_WORKER_WEEK * len(days) / 7)
    pick_buyer = Weighted(seeding.buyers, [buyer.weight for buyer in seeding.buyers])
    # Fewer shifts at weekends.
    pick_day = Weighted(
        range(len(days)), [{5: 0.8, 6: 0.6}.get(day.weekday(), 1.0) for day in days]
    )
    skills = list(market.skills)
    planned = []
    for _ in range(count):
        buyer = pick_buyer(rng)
        if rng.random() < 0.85 or buyer.skill not in skills:
            skill = buyer.skill
        else:
            skill = rng.choice(skills)
        index = pick_day(rng)
        first, last = rng.choice(people.SHIFT_HOURS.get(skill, people.DEFAULT_SHIFT_HOURS))
        start, end = seeding.at(days[index], first), seeding.at(days[index], last)
        if start < seeding.start:
            continue
        minutes = (last - first) * 60
        code = buyer.postcode if rng.random() < 0.8 else people.postcode(rng, buyer.area)
        if rng.random() < 0.04:
            # Some buyers offer only the legal minimum: few ask so little.
            top = law.adult_minimum
        else:
            top = people.top_rate(rng, skill, minutes, market.booking_cap_minor, law.adult_minimum)
        low, high = LEAD_HOURS(rng)
        created = _daytime(seeding, start - HOUR * rng.uniform(low, high))
        if created > now:
            created = now - MINUTE * rng.uniform(1, 240)
        if created >= start - HOUR:
            continue
        cancel_at = None
        if rng.random() < P_CANCEL:
            cancel_at = created + (start - HOUR - created) * rng.random()
        planned.append(
            PlannedShift(
                id=0,
                buyer=buyer,
                skill=skill,
                area=buyer.area,
                postcode=code,
                place=buyer.place if code == buyer.postcode else people.street_address(rng, code),
                day=index,
                start=start,
                end=end,
                minutes=minutes,
                break_minutes=law.break_for(minutes),
                slots=SLOTS(rng),
                max_rate_minor=top,
                currency=market.currency,
                created=created,
                cancel_at=cancel_at,
            )
        )
    planned.sort(key=lambda shift: shift.created)
    for shift in planned:
        shift.id = seeding.bulk.next_id(Shift.__table__)
    return planned


def _daytime(seeding: Seeding, moment: datetime) -> datetime:
    """Buyers post in working hours: move a night-time posting back to the evening before."""
    local = moment.astimezone(seeding.zone)
    if 8 <= local.hour < 20:
        return moment
    day = local.date() if local.hour >= 20 else local.date() - timedelta(days=1)
    return seeding.at(day, seeding.rng.uniform(8, 20))
