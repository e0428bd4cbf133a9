"""When the legal minimum rises past a worker's price: they are asked, and only their YES raises it.

Until they agree (or set a rate of their own at or above the minimum) matching leaves them out of
shifts from the day the new minimum applies, so no booking is ever made under it.
"""

from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from exchange.law.rules import RuleBook, birthday, load, local_day, worker_age
from exchange.notices import notify_worker
from exchange.workers import update_terms
from store.models import LabourRule, Market, RateRaise, Worker
from store.statuses import RateRaiseStatus, WorkerStatus

# Workers hear of a rise this long before it applies, so their offers need not stop at all.
LOOKAHEAD = timedelta(days=14)


def minimum_from(
    book: RuleBook, worker: Worker, market: Market, day: date
) -> tuple[int, date, LabourRule] | None:
    """The worker's minimum on `day`, the day it began to apply to them, and its rule."""
    found = book.minimum_wage(worker_age(worker, day), day)
    if found is None:
        return None
    amount, rule = found
    since = rule.effective_from
    if rule.age_from is not None and worker.date_of_birth is not None:
        since = max(since, birthday(worker.date_of_birth, rule.age_from))
    return amount, since, rule


def apply_new_minimums(
    session: Session, now: datetime, lookahead: timedelta = LOOKAHEAD
) -> list[int]:
    """Ask every worker whose rate is, or within `lookahead` will be, under their legal minimum.

    Each worker is asked once per new figure; returns the RateRaise ids made. For the scheduler.
    """
    made: list[int] = []
    markets = session.exec(select(Market).where(col(Market.rule_set).is_not(None))).all()
    for market in markets:
        book = load(session, market)
        day = local_day(now + lookahead, market)
        highest = book.minimum_wage(None, day)
        if highest is None:
            continue
        workers = session.exec(
            select(Worker).where(
                Worker.market_id == market.id,
                Worker.status == WorkerStatus.ACTIVE,
                col(Worker.opted_out).is_(False),
                col(Worker.asking_rate_minor) < highest[0],
            )
        ).all()
        for worker in workers:
            raised = _ask(session, book, market, worker, day, now)
            if raised is not None:
                made.append(raised.id)
    return made


def _ask(
    session: Session, book: RuleBook, market: Market, worker: Worker, day: date, now: datetime
) -> RateRaise | None:
    if worker.date_of_birth is None and book.needs_age(day):
        return None  # they hear they need to give it, by WHY and at sign-up
    found = minimum_from(book, worker, market, day)
    if found is None or worker.asking_rate_minor >= found[0]:
        return None
    amount, since, _ = found
    asked = session.exec(
        select(RateRaise).where(
            RateRaise.worker_id == worker.id, RateRaise.new_rate_minor == amount
        )
    ).first()
    if asked is not None:
        return None
    for older in session.exec(
        select(RateRaise).where(
            RateRaise.worker_id == worker.id, RateRaise.status == RateRaiseStatus.ASKED
        )
    ):
        older.status = RateRaiseStatus.SUPERSEDED
        session.add(older)
    today = local_day(now, market)
    raised = RateRaise(
        worker_id=worker.id,
        old_rate_minor=worker.asking_rate_minor,
        new_rate_minor=amount,
        currency=market.currency,
        from_date=max(since, today),
        asked_at=now,
    )
    session.add(raised)
    session.flush()
    notify_worker(
        session,
        worker,
        "minimum_rose",
        now,
        rate=worker.asking_rate_minor,
        new_rate=amount,
        currency=market.currency,
        from_day="today" if raised.from_date <= today else raised.from_date.isoformat(),
    )
    return raised


def pending_raise(session: Session, worker: Worker) -> RateRaise | None:
    """The raise the worker was asked about and has not yet made, if any."""
    raised = session.exec(
        select(RateRaise)
        .where(RateRaise.worker_id == worker.id, RateRaise.status == RateRaiseStatus.ASKED)
        .order_by(col(RateRaise.id).desc())
    ).first()
    if raised is None or (worker.asking_rate_minor or 0) >= raised.new_rate_minor:
        return None
    return raised


def accept_raise(session: Session, worker: Worker, now: datetime) -> RateRaise | None:
    """The worker's YES: their rate becomes the new minimum, recorded as their own change."""
    raised = pending_raise(session, worker)
    if raised is None:
        return None
    update_terms(
        session,
        worker,
        now,
        reason="agreed by SMS to the new legal minimum",
        asking_rate_minor=raised.new_rate_minor,
    )
    raised.status, raised.answered_at = RateRaiseStatus.AGREED, now
    session.add(raised)
    notify_worker(
        session, worker, "raise_done", now, rate=raised.new_rate_minor, currency=raised.currency
    )
    return raised
