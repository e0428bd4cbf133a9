"""The day of a booked shift and what follows: arrival, hours, the timesheet, and pay.

Pay uses exchange/ledger.py's own arithmetic (`split`) and legs, so every seeded transaction
balances to zero exactly as a real settlement does; the texts are the ones ledger and
timesheets send (statement, receipt, timesheet_sent, buyer_timesheet).
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from exchange.ledger import OPERATOR_ACCOUNT, format_hours, split
from poems.seed.state import Seeding, SeedWorker
from store.models import LedgerEntry, Timesheet

if TYPE_CHECKING:
    from poems.seed.history import PlannedShift

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DONE_TEXTS = ("DONE", "done", "Done", "finished", "OUT", "out")


class Work:
    """Writes the timesheets and ledger legs of the shift being played."""

    def __init__(self, seeding: Seeding) -> None:
        self.seeding = seeding
        self.rng = seeding.rng
        self.now = seeding.now
        self.market = seeding.market
        self.log = seeding.log
        self.spoken = seeding.spoken
        self.timesheets: list[dict[str, Any]] = []
        self.ledger: list[dict[str, Any]] = []

    def day(self, shift: "PlannedShift", booking: dict[str, Any], worker: SeedWorker) -> None:
        """Arrival, then (once it is over) the hours texted, confirmed, and paid."""
        rng, now, market = self.rng, self.now, self.market
        late = max(0, round(rng.gauss(-4, 8)))
        booking["arrived"] = True
        booking["checked_in_at"] = shift.start + MINUTE * (late or -rng.uniform(0, 10))
        booking["late_minutes"] = late or None
        if shift.end > now:
            return
        submitted = shift.end + MINUTE * rng.uniform(5, 180)
        if submitted > now:
            return
        booking["checked_out_at"] = submitted
        minutes = shift.minutes  # check_out's default: the booked length
        if rng.random() < 0.15:
            minutes += rng.choice((-30, -15, 15, 30))
        by_buyer = rng.random() < 0.6
        decided = submitted + HOUR * (
            rng.uniform(1, 30) if by_buyer else market.timesheet_auto_confirm_hours
        )
        confirmed = decided <= now
        ref = str(booking["id"])
        facts = {
            "booking": ref,
            "hours": format_hours(minutes),
            "skill": shift.skill,
            "day": self.spoken.day(shift.start),
            "auto_hours": market.timesheet_auto_confirm_hours,
        }
        self.log.inbound(submitted, worker, rng.choice(DONE_TEXTS))
        extra = {"buyer": shift.buyer.name}
        self.log.outbound(submitted, worker, "timesheet_sent", {**facts, **extra}, facts, extra)
        extra = {"worker": worker.name}
        said = {**facts, **extra}
        self.log.to_buyer(submitted, shift.buyer, "buyer_timesheet", said, facts, extra)
        if confirmed and by_buyer:
            self.log.from_buyer(decided, shift.buyer, f"OK {ref}")
        self.timesheets.append(
            {
                "id": self.seeding.bulk.next_id(Timesheet.__table__),
                "booking_id": booking["id"],
                "ref": ref,
                "worker_minutes": minutes,
                "buyer_minutes": minutes if confirmed else None,
                "break_minutes": shift.break_minutes,
                "status": "confirmed" if confirmed else "submitted",
                "submitted_at": submitted,
                "decided_at": decided if confirmed else None,
                "settled_at": decided if confirmed else None,
            }
        )
        if confirmed:
            self.pay(shift, booking, worker, minutes, "timesheet", decided)

    def pay(
        self,
        shift: "PlannedShift",
        booking: dict[str, Any],
        worker: SeedWorker,
        minutes: int,
        kind: str,
        moment: datetime,
    ) -> None:
        """One balanced transaction with the legs of exchange/ledger.py, and its two texts."""
        market = self.market
        figures = split(
            booking["rate_minor"], minutes, market.markup_bp, market.franchisee_share_bp, worker.tax
        )
        buyer = shift.buyer
        legs = (
            (f"buyer:{buyer.id}", -figures.total),
            (f"worker:{worker.id}", figures.net),
            (f"tax:{worker.id}", figures.withheld),
            (f"franchisee:{market.id}", figures.franchisee),
            (OPERATOR_ACCOUNT, figures.operator),
        )
        txn = f"{kind}:{booking['id']}"
        for account, amount in legs:
            if amount:
                self.ledger.append(
                    {
                        "id": self.seeding.bulk.next_id(LedgerEntry.__table__),
                        "txn": txn,
                        "kind": kind,
                        "account": account,
                        "amount_minor": amount,
                        "currency": booking["currency"],
                        "booking_id": booking["id"],
                        "worker_id": worker.id,
                        "at": moment,
                    }
                )
        money = self.spoken.money
        facts = {
            "booking": str(booking["id"]),
            "skill": shift.skill,
            "day": self.spoken.day(shift.start),
            "hours": format_hours(figures.minutes),
            "rate": figures.rate,
            "currency": booking["currency"],
            "gross": money(figures.gross),
        }
        shown = {**facts, "rate": money(figures.rate)}
        prefix = "cancel_" if kind == "cancellation" else ""
        extra = {
            "withheld": money(figures.withheld),
            "tax": worker.tax,
            "net": money(figures.net),
            "buyer": buyer.name,
        }
        self.log.outbound(moment, worker, f"{prefix}statement", {**shown, **extra}, facts, extra)
        extra = {
            "worker": worker.name,
            "markup": money(figures.markup),
            "markup_pct": f"{market.markup_bp / 100:g}",
            "franchisee": money(figures.franchisee),
            "operator": money(figures.operator),
            "total": money(figures.total),
        }
        self.log.to_buyer(moment, buyer, f"{prefix}receipt", {**shown, **extra}, facts, extra)

    def write(self) -> None:
        """Queue what the shift made; called once per shift, after its bookings are queued."""
        bulk = self.seeding.bulk
        bulk.add_all(Timesheet.__table__, self.timesheets)
        bulk.add_all(LedgerEntry.__table__, self.ledger)
        self.timesheets, self.ledger = [], []
