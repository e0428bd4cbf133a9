"""The rule book: which labour rules are in force for a market, for an age, on a day."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from exchange.localtime import local
from store.models import LabourRule, Market, Worker

# Kinds whose rows decide who may work at all; any of them means the rules need an age.
AGE_KINDS = ("minimum_age", "school_leaving")


def age_on(born: date, day: date) -> int:
    """Whole years on `day` (someone born on 29 February turns a year older on 1 March)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def birthday(born: date, years: int) -> date:
    """The day someone turns `years` old."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February in a year without one
        return date(born.year + years, 3, 1)


def school_leaving_date(born: date, age: int) -> date:
    """The last Friday in June of the school year (1 September to 31 August) in which they turn `age`."""
    turns = birthday(born, age)
    june = turns.year + (1 if turns.month >= 9 else 0)
    last = date(june, 6, 30)
    return last - timedelta(days=(last.weekday() - 4) % 7)


def local_day(instant: datetime, market: Market) -> date:
    return local(instant, market.tz).date()


def in_band(rule: LabourRule, age: int | None) -> bool:
    """Whether the rule's age band covers `age`; an unknown age is in every band (the safe side)."""
    if age is None:
        return True
    return (rule.age_from is None or age >= rule.age_from) and (
        rule.age_to is None or age <= rule.age_to
    )


def lifted(rule: LabourRule) -> bool:
    """A row with no figure lifts the limit from its date."""
    return rule.value is None and rule.night_from is None


@dataclass(frozen=True)
class RuleBook:
    """All the rows of one rule set (withdrawn ones left out), read once."""

    name: str | None
    rows: tuple[LabourRule, ...]

    def in_force(self, kind: str, age: int | None, on: date) -> list[LabourRule]:
        """The row in force for each authority, for this age on this day; limits lifted are left out.

        An unknown age gets every band's row: callers take the strictest.
        """
        latest: dict[tuple, LabourRule] = {}
        for rule in self.rows:
            if rule.kind != kind or rule.effective_from > on or not in_band(rule, age):
                continue
            key = (rule.authority, (rule.age_from, rule.age_to)) if age is None else rule.authority
            held = latest.get(key)
            if held is None or (rule.effective_from, rule.id or 0) > (
                held.effective_from,
                held.id or 0,
            ):
                latest[key] = rule
        return [rule for rule in latest.values() if not lifted(rule)]

    def needs_age(self, on: date) -> bool:
        """Whether any rule in force depends on age: then a worker's date of birth is needed."""
        return any(
            rule.effective_from <= on
            and (rule.kind in AGE_KINDS or rule.age_from is not None or rule.age_to is not None)
            for rule in self.rows
        )

    def minimum_wage(self, age: int | None, on: date) -> tuple[int, LabourRule] | None:
        """The highest minimum of every authority for this age (unknown: the highest band)."""
        rules = self.in_force("minimum_wage", age, on)
        if not rules:
            return None
        best = max(rules, key=lambda rule: rule.value)
        return best.value, best

    def required_break(
        self, age: int | None, minutes: int, on: date
    ) -> tuple[int, LabourRule] | None:
        """The longest break any rule asks of a shift this long, for this age."""
        rules = [
            rule
            for rule in self.in_force("break", age, on)
            if rule.over_minutes is None or minutes > rule.over_minutes
        ]
        if not rules:
            return None
        best = max(rules, key=lambda rule: rule.value)
        return best.value, best

    def kinds_in_force(
        self, kinds: Iterable[str], ages: Iterable[int | None], on: date
    ) -> list[LabourRule]:
        """Every distinct row of these kinds in force for any of these ages."""
        seen: dict[int, LabourRule] = {}
        for kind in kinds:
            for age in ages:
                for rule in self.in_force(kind, age, on):
                    seen[id(rule)] = rule
        return list(seen.values())


def load(session: Session, market: Market) -> RuleBook:
    """The market's rule book; a market with no rule set has an empty one."""
    return load_set(session, market.rule_set)


def load_set(session: Session, rule_set: str | None) -> RuleBook:
    if rule_set is None:
        return RuleBook(None, ())
    rows = session.exec(
        select(LabourRule)
        .where(LabourRule.rule_set == rule_set, col(LabourRule.withdrawn_at).is_(None))
        .order_by(LabourRule.effective_from, LabourRule.id)
    ).all()
    return RuleBook(rule_set, tuple(rows))


def worker_age(worker: Worker, day: date) -> int | None:
    return None if worker.date_of_birth is None else age_on(worker.date_of_birth, day)


def minimum_wage_for(
    session: Session, worker: Worker, market: Market, on: datetime
) -> tuple[int, LabourRule] | None:
    """The legal minimum hourly rate for this worker at this moment, and the rule that sets it."""
    day = local_day(on, market)
    return load(session, market).minimum_wage(worker_age(worker, day), day)
