"""The labour rules in force, as the seeding needs them: least rates, breaks, rest, weekly hours.

Read once from the market's rule book (exchange/law), so seeded rates, shifts and bookings are
all ones the exchange itself would allow (rule 11). The checks on bookings are kept stricter
than the law's, which is allowed: no two bookings closer than the daily rest, and never more than
the weekly limit in any seven days (the law averages it).
"""

from datetime import date, datetime, timedelta

from sqlmodel import Session

from exchange.law.checks import ADULT_AGE
from exchange.law.rules import load
from poems.seed.state import SeedWorker
from store.models import Market


class Law:
    """Least rates by age, the break a shift carries, and whether a worker may take a booking."""

    def __init__(self, session: Session, market: Market, day: date) -> None:
        self.rules = load(session, market)
        self.day = day
        self.adult_minimum = self.minimum(ADULT_AGE)
        rests = self.rules.in_force("rest", ADULT_AGE, day)
        self.rest = timedelta(minutes=max((rule.value or 0 for rule in rests), default=0))
        weeks = [rule for rule in self.rules.in_force("week", ADULT_AGE, day) if rule.value]
        self.week_minutes = min((rule.value for rule in weeks), default=None)
        self._breaks: dict[int, int] = {}

    @property
    def needs_age(self) -> bool:
        return self.rules.needs_age(self.day)

    def minimum(self, age: int) -> int:
        """The least hourly rate anyone of this age may ask here, in minor units (0: none)."""
        found = self.rules.minimum_wage(age, self.day)
        return found[0] if found else 0

    def break_for(self, minutes: int) -> int:
        """The least unpaid break a shift this long carries (what post_shift gives it)."""
        found = self._breaks.get(minutes)
        if found is None:
            needed = self.rules.required_break(ADULT_AGE, minutes, self.day)
            found = self._breaks[minutes] = needed[0] if needed else 0
        return found

    def may_book(self, worker: SeedWorker, start: datetime, end: datetime) -> bool:
        """Free then, rested before and after, and inside the weekly hours."""
        rest = self.rest
        worked = (end - start).total_seconds() / 60
        week = timedelta(days=6)
        for begin, finish, _ in worker.booked:
            if begin < end + rest and start < finish + rest:
                return False
            if begin < end + week and start - week < finish:
                worked += (finish - begin).total_seconds() / 60
        return self.week_minutes is None or worked <= self.week_minutes

    def book(self, worker: SeedWorker, start: datetime, end: datetime, booking_id: int) -> None:
        worker.booked.append((start, end, booking_id))

    def unbook(self, worker: SeedWorker, booking_id: int) -> None:
        worker.booked = [entry for entry in worker.booked if entry[2] != booking_id]
