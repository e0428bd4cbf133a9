"""Settlement: balanced ledger entries in minor units, statements, and a worker's earnings.

One transaction per settled timesheet or cancellation; its legs sum to exactly zero:
the buyer pays pay + markup, the worker gets pay less the tax held, the tax account holds the
tax, the franchisee and the operator split the markup as the market says.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from exchange.localtime import local
from exchange.money import pay_for_minutes
from exchange.notices import notify_buyer, notify_worker
from store.models import Booking, Buyer, LedgerEntry, Market, Shift, Timesheet, Worker
from store.statuses import TimesheetStatus

OPERATOR_ACCOUNT = "operator"


def half_up(amount: int, numerator: int, denominator: int) -> int:
    """amount * numerator / denominator, rounded half up, for amounts that are not negative."""
    return (amount * numerator * 2 + denominator) // (denominator * 2)


def format_hours(minutes: int) -> str:
    """240 -> '4h', 210 -> '3h30', 45 -> '0h45'."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


@dataclass(frozen=True)
class Split:
    """Every figure of one settlement, in minor units."""

    minutes: int
    rate: int
    gross: int
    markup: int
    franchisee: int
    operator: int
    withheld: int
    net: int

    @property
    def total(self) -> int:
        """What the buyer pays."""
        return self.gross + self.markup


def split(
    rate_minor: int, minutes: int, markup_bp: int, franchisee_share_bp: int, tax_percent: int
) -> Split:
    """The figures for `minutes` of work at an hourly rate under a market's markup and a tax rate."""
    return split_gross(
        pay_for_minutes(rate_minor, minutes),
        rate_minor,
        minutes,
        markup_bp,
        franchisee_share_bp,
        tax_percent,
    )


def split_gross(
    gross: int,
    rate_minor: int,
    minutes: int,
    markup_bp: int,
    franchisee_share_bp: int,
    tax_percent: int,
) -> Split:
    """The figures for a gross amount of pay (an award, say) under a markup and a tax rate."""
    markup = half_up(gross, markup_bp, 10_000)
    franchisee = half_up(markup, franchisee_share_bp, 10_000)
    withheld = half_up(gross, tax_percent, 100)
    return Split(
        minutes=minutes,
        rate=rate_minor,
        gross=gross,
        markup=markup,
        franchisee=franchisee,
        operator=markup - franchisee,
        withheld=withheld,
        net=gross - withheld,
    )


def agreed_minutes(timesheet: Timesheet) -> int:
    """The buyer's figure once they gave one (confirmed or agreed), else the worker's."""
    return (
        timesheet.buyer_minutes if timesheet.buyer_minutes is not None else timesheet.worker_minutes
    )


def settle(session: Session, timesheet_id: int, now: datetime) -> Split | None:
    """Pay a confirmed timesheet once; None when it is not confirmed or was settled before."""
    claimed = session.execute(
        update(Timesheet)
        .where(
            col(Timesheet.id) == timesheet_id,
            col(Timesheet.status) == TimesheetStatus.CONFIRMED,
            col(Timesheet.settled_at).is_(None),
        )
        .values(settled_at=now)
    ).rowcount
    if not claimed:
        return None
    timesheet = session.get(Timesheet, timesheet_id)
    session.refresh(timesheet)
    booking = session.get(Booking, timesheet.booking_id)
    return _pay(session, booking, agreed_minutes(timesheet), "timesheet", now)


def settle_cancellation(session: Session, booking_id: int, now: datetime) -> Split | None:
    """Cancellation pay for a booking the buyer cancelled late; None when already paid."""
    booking = session.get(Booking, booking_id)
    shift = session.get(Shift, booking.shift_id)
    market = session.get(Market, shift.market_id)
    return _pay(session, booking, market.cancellation_pay_minutes, "cancellation", now)


def _pay(
    session: Session, booking: Booking, minutes: int, kind: str, now: datetime
) -> Split | None:
    txn = f"{kind}:{booking.id}"
    if _written(session, txn):
        return None
    shift = session.get(Shift, booking.shift_id)
    market = session.get(Market, shift.market_id)
    worker = session.get(Worker, booking.worker_id)
    buyer = session.get(Buyer, shift.buyer_id)
    figures = split(
        booking.rate_minor,
        minutes,
        market.markup_bp,
        market.franchisee_share_bp,
        worker.tax_percent,
    )
    _post(session, txn, kind, booking, _pay_legs(figures, worker, buyer, market), now)
    _tell(session, worker, buyer, booking, shift, market, figures, kind, now)
    return figures


def _written(session: Session, txn: str) -> bool:
    """Whether a transaction is in the ledger already: each is written once."""
    return session.exec(select(LedgerEntry.id).where(LedgerEntry.txn == txn)).first() is not None


def _pay_legs(
    figures: Split, worker: Worker, buyer: Buyer, market: Market
) -> list[tuple[str, int]]:
    return [
        (f"buyer:{buyer.id}", -figures.total),
        (f"worker:{worker.id}", figures.net),
        (f"tax:{worker.id}", figures.withheld),
        (f"franchisee:{market.id}", figures.franchisee),
        (OPERATOR_ACCOUNT, figures.operator),
    ]


def _post(
    session: Session,
    txn: str,
    kind: str,
    booking: Booking,
    legs: list[tuple[str, int]],
    now: datetime,
) -> None:
    session.add_all(
        LedgerEntry(
            txn=txn,
            kind=kind,
            account=account,
            amount_minor=amount,
            currency=booking.currency,
            booking_id=booking.id,
            worker_id=booking.worker_id,
            at=now,
        )
        for account, amount in legs
        if amount
    )
    session.flush()


def award(
    session: Session, booking_id: int, gross: int, to_worker: bool, txn: str, now: datetime
) -> Split | None:
    """Money a dispute decision moves, as one balanced transaction; None when `txn` exists.

    An award to the worker is pay: the buyer pays it plus the markup, and tax is held at the
    worker's rate. An award to the buyer comes back from the worker's pay for that booking.
    """
    if _written(session, txn):
        return None
    booking = session.get(Booking, booking_id)
    shift = session.get(Shift, booking.shift_id)
    market = session.get(Market, shift.market_id)
    worker = session.get(Worker, booking.worker_id)
    buyer = session.get(Buyer, shift.buyer_id)
    if to_worker:
        figures = split_gross(
            gross, booking.rate_minor, 0, market.markup_bp, market.franchisee_share_bp,
            worker.tax_percent,
        )  # fmt: skip
        legs = _pay_legs(figures, worker, buyer, market)
    else:
        figures = split_gross(gross, booking.rate_minor, 0, 0, 0, 0)
        legs = [(f"buyer:{buyer.id}", gross), (f"worker:{worker.id}", -gross)]
    _post(session, txn, "dispute", booking, legs, now)
    return figures


def reverse(session: Session, txn: str, now: datetime) -> int:
    """Undo a transaction with its mirror image (`txn` + ':reversed'); how many legs it wrote."""
    mirror = f"{txn}:reversed"
    if _written(session, mirror):
        return 0
    legs = list(session.exec(select(LedgerEntry).where(LedgerEntry.txn == txn)))
    session.add_all(
        LedgerEntry(
            txn=mirror,
            kind=leg.kind,
            account=leg.account,
            amount_minor=-leg.amount_minor,
            currency=leg.currency,
            booking_id=leg.booking_id,
            worker_id=leg.worker_id,
            at=now,
        )
        for leg in legs
    )
    session.flush()
    return len(legs)


def _tell(
    session: Session,
    worker: Worker,
    buyer: Buyer,
    booking: Booking,
    shift: Shift,
    market: Market,
    figures: Split,
    kind: str,
    now: datetime,
) -> None:
    """The worker's statement and the buyer's receipt, every figure on them."""

    facts = {
        "booking": str(booking.id),
        "skill": shift.skill,
        "day": local(shift.start, market.tz).date().isoformat(),
        "hours": format_hours(figures.minutes),
        "rate": figures.rate,
        "currency": booking.currency,
        "gross": figures.gross,
    }
    prefix = "cancel_" if kind == "cancellation" else ""
    notify_worker(
        session,
        worker,
        f"{prefix}statement",
        now,
        withheld=figures.withheld,
        tax=worker.tax_percent,
        net=figures.net,
        buyer=buyer.name,
        **facts,
    )
    notify_buyer(
        session,
        buyer,
        f"{prefix}receipt",
        now,
        worker=worker.name,
        markup=figures.markup,
        markup_pct=f"{market.markup_bp / 100:g}",
        franchisee=figures.franchisee,
        operator=figures.operator,
        total=figures.total,
        **facts,
    )


@dataclass(frozen=True)
class Totals:
    gross: int = 0
    withheld: int = 0
    net: int = 0


@dataclass(frozen=True)
class Earnings:
    """A worker's pay this week (from Monday, local) and this month, in minor units."""

    currency: str
    week: Totals
    month: Totals


def earnings(session: Session, worker_id: int, now: datetime, tz: str) -> Earnings:
    """This week's and this month's gross, withheld and net, from the ledger."""
    today = now.astimezone(ZoneInfo(tz)).replace(hour=0, minute=0, second=0, microsecond=0)
    week_start = today - timedelta(days=today.weekday())
    month_start = today.replace(day=1)
    worker = session.get(Worker, worker_id)
    return Earnings(
        currency=worker.currency,
        week=_totals(session, worker_id, week_start, now),
        month=_totals(session, worker_id, month_start, now),
    )


def _totals(session: Session, worker_id: int, since: datetime, now: datetime) -> Totals:
    rows = session.exec(
        select(LedgerEntry.account, func.sum(LedgerEntry.amount_minor))
        .where(
            col(LedgerEntry.account).in_([f"worker:{worker_id}", f"tax:{worker_id}"]),
            col(LedgerEntry.at) >= since,
            col(LedgerEntry.at) <= now,
        )
        .group_by(LedgerEntry.account)
    ).all()
    sums = {account: int(amount) for account, amount in rows}
    net = sums.get(f"worker:{worker_id}", 0)
    withheld = sums.get(f"tax:{worker_id}", 0)
    return Totals(gross=net + withheld, withheld=withheld, net=net)
