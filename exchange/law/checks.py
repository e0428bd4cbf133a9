"""What the law refuses: a rate under the minimum, a shift that cannot lawfully be posted, and
any booking that would break a rule of the market for that worker."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from exchange.errors import Refused
from exchange.law import hours
from exchange.law.rules import (
    RuleBook,
    age_on,
    load,
    local_day,
    school_leaving_date,
    worker_age,
)
from exchange.money import format_money
from store.models import Booking, LabourRule, Market, Shift, Worker, WorkerCredential
from store.statuses import BOOKING_STANDS

RIGHT_TO_WORK = "right_to_work"
# The age used for what a shift itself must carry (its break, its top rate): any adult.
ADULT_AGE = 30
HOURS_KINDS = ("night", "day", "week", "rest")
DOB_EXAMPLE = {"GB": "DOB 31/12/1990", "US": "DOB 12/31/1990"}


@dataclass(frozen=True)
class Problem:
    """The rule a booking would break: `rule` names it, `details` fill its words (sms/ says them
    in the worker's language), `law` is the rule of the book that applies."""

    rule: str
    details: dict[str, Any] = field(default_factory=dict)
    law: LabourRule | None = None
    # Which of the rule's words, where it has more than one ("week_average").
    words: str | None = None

    @property
    def said(self) -> dict[str, Any]:
        """The words' code and what fills them, as a notice carries them."""
        law = self.law.law if self.law else ""
        return {"code": f"law_{self.words or self.rule}", **self.details, "law": law}


def check_asking_rate(
    session: Session, worker: Worker, market: Market, rate: int, now: datetime
) -> int:
    """Refuse an asking rate under the legal minimum for this worker today."""
    day = local_day(now, market)
    found = load(session, market).minimum_wage(worker_age(worker, day), day)
    if found is not None and rate < found[0]:
        rate_words, least = (
            format_money(rate, market.currency),
            format_money(found[0], market.currency),
        )
        raise Refused(
            "under_minimum",
            f"{rate_words} is under the legal minimum for you, {least}",
            rate=rate,
            minimum=found[0],
            currency=market.currency,
        )
    return rate


def check_shift(
    session: Session,
    market: Market,
    start: datetime,
    end: datetime,
    max_rate_minor: int,
    break_minutes: int | None,
) -> int:
    """Refuse a shift the law would not let anyone take; return the break it carries."""
    book = load(session, market)
    day = local_day(start, market)
    least = book.minimum_wage(ADULT_AGE, day)
    if least is not None and max_rate_minor < least[0]:
        raise Refused(
            "under_minimum",
            f"The top rate {format_money(max_rate_minor, market.currency)}/hr is under the legal "
            f"minimum here, {format_money(least[0], market.currency)}/hr ({least[1].law})",
            minimum=least[0],
        )
    problem = lawful_for_nobody(book, market, (start, end))
    if problem is not None:
        raise Refused(
            "unlawful_shift",
            f"Nobody may lawfully work this shift: {problem.law.law if problem.law else problem.rule}",
            rule=problem.rule,
        )
    minutes = int((end - start).total_seconds() // 60)
    needed = book.required_break(ADULT_AGE, minutes, day)
    if break_minutes is None:
        return needed[0] if needed else 0
    if break_minutes < 0 or break_minutes >= minutes:
        raise Refused("bad_break", "A break must be shorter than the shift")
    if needed is not None and break_minutes < needed[0]:
        raise Refused(
            "short_break",
            f"A shift of {hours.hm(minutes * 60)} needs a break of at least {needed[0]} "
            f"minutes ({needed[1].law})",
            needed=needed[0],
        )
    return break_minutes


def lawful_for_nobody(book: RuleBook, market: Market, span: hours.Span) -> Problem | None:
    """The rule a shift breaks on its own (its length, night work) for every age the rules
    name, or None when someone may lawfully work it. The same rules matching applies to each
    worker, asked of the most free worker of each age: nothing else booked, opted out of the
    average week."""
    day = local_day(span[0], market)
    ages = {ADULT_AGE}
    for rule in book.rows:
        if rule.kind in HOURS_KINDS:
            ages |= {age for age in (rule.age_from, rule.age_to) if age is not None}
            if rule.age_from:
                ages.add(rule.age_from - 1)
            if rule.age_to is not None:
                ages.add(rule.age_to + 1)
    problems = {}
    for age in ages:
        free = Worker(date_of_birth=_born_aged(age, day), week_opt_out_at=span[0])
        problems[age] = hours_problem(book, market, free, span, [], day)
        if problems[age] is None:
            return None
    return problems[ADULT_AGE]


def _born_aged(age: int, day: date) -> date:
    """A birth date `age` years old on `day`, half a year from a birthday, so no period the
    rules look at around `day` sees another age."""
    earlier = day - timedelta(days=182)
    return date(earlier.year - age, earlier.month, min(earlier.day, 28))


def opted_out_of_week(worker: Worker, at: datetime) -> bool:
    """The worker's written opt-out of the average weekly limit holds at this moment."""
    return (
        worker.week_opt_out_at is not None
        and worker.week_opt_out_at <= at
        and (worker.week_opt_out_ends_at is None or at < worker.week_opt_out_ends_at)
    )


def booking_problem(
    book: RuleBook,
    market: Market,
    worker: Worker,
    shift: Shift,
    others: Sequence[hours.Span],
    right_to_work: bool,
) -> Problem | None:
    """The first rule that booking this worker on this shift would break, or None.

    `others` are the worker's other booked shifts near this one; `right_to_work` whether they
    hold a checked right to work lasting to the shift's end.
    """
    day = local_day(shift.start, market)
    born = worker.date_of_birth
    if born is None and book.needs_age(day):
        example = DOB_EXAMPLE.get(market.region, DOB_EXAMPLE["GB"])
        return Problem("age", {"example": example})
    age = worker_age(worker, day)
    if born is not None:
        for rule in book.in_force("school_leaving", age, day):
            leaves = school_leaving_date(born, rule.value)
            if day <= leaves:
                return Problem("school_age", {"after_day": leaves.isoformat()}, rule)
        for rule in book.in_force("minimum_age", age, day):
            if age < rule.value:
                return Problem("minimum_age", {"age": rule.value}, rule)
    if market.requires_right_to_work and not right_to_work:
        return Problem("right_to_work")
    least = book.minimum_wage(age, day)
    if least is not None and (worker.asking_rate_minor or 0) < least[0]:
        asked = worker.asking_rate_minor or 0
        details = {"rate": asked, "minimum_rate": least[0], "currency": market.currency}
        return Problem("minimum_wage", details, least[1])
    span = (shift.start, shift.end)
    needed = book.required_break(age, hours.seconds(span) // 60, day)
    if needed is not None and shift.break_minutes < needed[0]:
        return Problem(
            "break",
            {"break_minutes": shift.break_minutes or 0, "needed_minutes": needed[0]},
            needed[1],
        )
    if any(hours.overlap(span, other) for other in others):
        return Problem("busy")
    return hours_problem(book, market, worker, span, others, day)


def _ages(born: date | None, first: datetime, last: datetime, market: Market) -> range | None:
    """The ages someone has between two instants (None when not known)."""
    if born is None:
        return None
    return range(age_on(born, local_day(first, market)), age_on(born, local_day(last, market)) + 1)


def _in_band(rule: LabourRule, ages: range | None) -> bool:
    if ages is None:
        return True
    low = rule.age_from if rule.age_from is not None else 0
    high = rule.age_to if rule.age_to is not None else 10**6
    return ages.start <= high and ages.stop - 1 >= low


def hours_problem(
    book: RuleBook,
    market: Market,
    worker: Worker,
    span: hours.Span,
    others: Sequence[hours.Span],
    day: date,
) -> Problem | None:
    """Night work, the day's and the week's limits, and the rest between shifts.

    A limit for an age band applies to any period in which the worker is in that band at all.
    """
    tz, born = market.tz, worker.date_of_birth
    margin = reach(book)
    near = _ages(born, span[0] - margin, span[1] + margin, market)
    ages: Iterable[int | None] = [None] if near is None else near
    every = [*others, span]
    for rule in book.kinds_in_force(HOURS_KINDS, ages, day):
        if rule.kind == "night":
            for night in hours.night_periods(span, rule.night_from, rule.night_to, tz):
                if _in_band(rule, _ages(born, *night, market)) and hours.overlap(span, night):
                    return Problem("night", {}, rule)
        elif rule.kind == "day":
            for local in hours.local_days(span, tz):
                period = hours.day_period(local, tz)
                worked = hours.total(every, period)
                if _in_band(rule, _ages(born, *period, market)) and worked > rule.value * 60:
                    return Problem("day", {"worked": hours.hm(worked)}, rule)
        elif rule.kind == "week":
            if rule.opt_out and opted_out_of_week(worker, span[0]):
                continue
            problem = _week_problem(rule, market, born, span, every)
            if problem is not None:
                return problem
        elif rule.kind == "rest":
            # Shifts closer than the rest make one working day; the rest must fit after it.
            rest = timedelta(minutes=rule.value)
            worked = hours.working_day(others, span, rest)
            left = timedelta(days=1) - (worked[1] - worked[0])
            if left < rest and _in_band(rule, _ages(born, *worked, market)):
                rest = hours.hm(max(left.total_seconds(), 0))
                return Problem("rest", {"rest": rest}, rule)
    return None


def _week_problem(
    rule: LabourRule,
    market: Market,
    born: date | None,
    span: hours.Span,
    every: Sequence[hours.Span],
) -> Problem | None:
    days = rule.period_days or 7
    cap = rule.value * 60 * days / 7
    if rule.rolling:
        length = timedelta(days=days)
        # Cheap test first: all the work near this shift fits the limit anyway.
        near = (span[0] - length, span[1] + length)
        if hours.total(every, near) <= cap:
            return None
        periods = hours.rolling_windows(every, span, length)
    else:
        periods = hours.weeks_touched(span, market.tz)
    for period in periods:
        worked = hours.total(every, period)
        if worked > cap and _in_band(rule, _ages(born, *period, market)):
            opt_out = {"code": "law_week_opt_out"} if rule.opt_out else ""
            details = {"worked": hours.hm(worked * 7 / days), "opt_out": opt_out}
            return Problem("week", details, rule, "week_average" if days > 7 else None)
    return None


def work_spans(
    session: Session, worker_ids: Sequence[int], around: hours.Span, skip_shift: int | None
) -> dict[int, list[hours.Span]]:
    """Each worker's booked shifts that touch the period, leaving out one shift."""
    spans: dict[int, list[hours.Span]] = {worker_id: [] for worker_id in worker_ids}
    if not worker_ids:
        return spans
    rows = session.exec(
        select(Booking.worker_id, Shift.start, Shift.end)
        .join(Shift, col(Shift.id) == Booking.shift_id)
        .where(
            col(Booking.worker_id).in_(worker_ids),
            # Every booking that stands counts as working time.
            col(Booking.status).in_(BOOKING_STANDS),
            col(Shift.start) < around[1],
            col(Shift.end) > around[0],
            col(Shift.id) != (skip_shift or -1),
        )
    )
    for worker_id, start, end in rows:
        spans[worker_id].append((start, end))
    return spans


def holding_right_to_work(session: Session, worker_ids: Sequence[int], until: datetime) -> set[int]:
    """Workers with a checked right to work that lasts at least until `until`."""
    if not worker_ids:
        return set()
    return set(
        session.exec(
            select(WorkerCredential.worker_id).where(
                col(WorkerCredential.worker_id).in_(worker_ids),
                WorkerCredential.credential == RIGHT_TO_WORK,
                or_(
                    col(WorkerCredential.expires_at).is_(None),
                    col(WorkerCredential.expires_at) >= until,
                ),
            )
        )
    )


def reach(book: RuleBook) -> timedelta:
    """How far from a shift other shifts can matter to the rules (the longest period, and a day)."""
    days = max([rule.period_days or 7 for rule in book.rows if rule.kind == "week"] or [7])
    return timedelta(days=days + 1)


def screen(
    session: Session, shift: Shift, market: Market, workers: Sequence[Worker]
) -> list[tuple[Worker, Problem | None]]:
    """Each worker with the rule booking them on this shift would break (None: lawful)."""
    book = load(session, market)
    ids = [worker.id for worker in workers]
    margin = reach(book)
    spans = work_spans(session, ids, (shift.start - margin, shift.end + margin), shift.id)
    entitled = (
        holding_right_to_work(session, ids, shift.end) if market.requires_right_to_work else set()
    )
    return [
        (
            worker,
            booking_problem(book, market, worker, shift, spans[worker.id], worker.id in entitled),
        )
        for worker in workers
    ]


def check_booking(session: Session, worker: Worker, shift: Shift, market: Market) -> Problem | None:
    """Re-check one booking at the moment it is made: nothing booked ever breaks a rule."""
    # On PostgreSQL two YESes from one worker queue here, so neither misses the other's booking;
    # FOR NO KEY UPDATE, so rows that only refer to the worker (a new notice) are not held up.
    session.exec(
        select(Worker.id).where(Worker.id == worker.id).with_for_update(key_share=True)
    ).first()
    ((_, problem),) = screen(session, shift, market, [worker])
    return problem
