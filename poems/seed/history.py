"""Shifts played through the exchange's rules in miniature, fast enough for a million texts.

Each shift runs as a small event loop: waves of offers to eligible workers (exchange.eligibility's
own requirements, asked in memory, and free and rested under the law), least recently booked
first; YES books at the worker's own rate until the slots are gone, later YESes hear it is
filled; NO and expiry top the wave up, and a wave that finds nobody leaves the shift unfilled
(or open, if it was never offered); some bookings are dropped and some shifts cancelled. What
would happen after the seeding's `now` is left undone, so future shifts stay open, offering or
filled with their offers still live.
"""

import bisect
import heapq
import itertools
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from typing import Any

from exchange.eligibility import checks
from exchange.offer_reasons import offer_reason
from poems.seed.plan import PlannedShift, plan_shifts
from poems.seed.report import Progress
from poems.seed.state import Seeding, SeedWorker
from poems.seed.texts import no_text, yes_text
from poems.seed.work import Work
from store.models import Booking, Offer, Shift
from store.statuses import SHIFT_OPEN

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
NEVER = datetime.min.replace(tzinfo=UTC)

# How a worker answers an offer: YES, NO, a YES after it closed; the rest say nothing.
P_YES, P_NO, P_LATE_YES = 0.5, 0.15, 0.04
P_DROP = 0.03
CANCEL_REASONS = (
    "resident moved to hospital",
    "event postponed",
    "delivery delayed",
    "covered by our own staff",
    "site closed for repairs",
    "fewer bookings than expected",
    "weather",
    "client cancelled",
)
YES, NO, EXPIRE, WAVE, DROP, CANCEL = range(6)
# A day's windows are filed by skill and area (matching reads them from those indexes too), so
# every window in a shift's bucket meets those two; each is asked every other requirement, in
# memory, those that turn most windows away first.
MET_BY_BUCKET = ("skill", "area")
ASKED = (
    "not_free",
    "rate",
    "shortest",
    "notice",
    "offered",
    "not_active",
    "booked",
    "currency",
    "credential",
)


def play_shifts(seeding: Seeding, tell: Progress) -> None:
    """Plan the shifts of the seeded weeks and the days ahead, then play each one in turn."""
    planned = plan_shifts(seeding)
    for bucket in seeding.buckets.values():
        bucket.sort(key=lambda entry: entry[0])
    total = len(planned)
    game = Game(seeding)
    for done, shift in enumerate(planned):
        game.play(shift)
        if done % 2000 == 0:
            tell("shifts", done, total)
    tell("shifts", total, total)


class Game:
    """Plays shifts one at a time against the workers' windows and bookings so far."""

    def __init__(self, seeding: Seeding) -> None:
        self.seeding = seeding
        self.rng = seeding.rng
        self.now = seeding.now
        self.market = seeding.market
        self.bulk = seeding.bulk
        self.log = seeding.log
        self.spoken = seeding.spoken
        self.law = seeding.law
        self.window = timedelta(minutes=seeding.market.offer_window_minutes)
        self.pointers: dict[tuple[str, str, int], int] = {}
        self.work = Work(seeding)
        self.offer_table, self.booking_table = Offer.__table__, Booking.__table__

    def play(self, shift: PlannedShift) -> None:
        """Run one shift from its posting to the seeding's now (or its start), then write it."""
        self.shift = shift
        self.status = "open"
        self.booked = 0
        self.waves = 0
        self.cancel_reason: str | None = None
        self.offers: dict[int, tuple[dict[str, Any], SeedWorker]] = {}
        self.live: dict[int, tuple[dict[str, Any], SeedWorker]] = {}
        self.bookings: dict[int, tuple[dict[str, Any], SeedWorker, str]] = {}
        # Offers closed because the shift filled, by worker: made live again if a slot reopens.
        self.closed_by_fill: dict[int, int] = {}
        self.events: list[tuple] = []
        self.order = itertools.count()
        self.retry_at: datetime | None = None
        self.reserved: set[int] = set()
        market, buyer, ref = self.market, shift.buyer, f"S{shift.id}"
        # What exchange.shifts.shift_facts puts in every notice about this shift.
        self.facts = {
            "shift": ref,
            "skill": shift.skill,
            "place": shift.place,
            "postcode": shift.postcode,
            "start": shift.start.isoformat(),
            "end": shift.end.isoformat(),
            "tz": market.tz,
            "currency": market.currency,
        }
        if shift.break_minutes:
            self.facts["break_minutes"] = shift.break_minutes
        self.buyer_facts = {**self.facts, "buyer": buyer.name}
        self.said = {
            "skill": shift.skill,
            "place": shift.place,
            "when": self.spoken.span(shift.start, shift.end),
            "buyer": buyer.name,
            "shift": ref,
            "break_note": f", {shift.break_minutes} min break" if shift.break_minutes else "",
        }
        horizon = min(self.now, shift.start)
        self.at(shift.created, WAVE)
        if shift.cancel_at is not None:
            self.at(shift.cancel_at, CANCEL)
        handlers = {NO: self.no, DROP: self.drop, YES: self.yes}
        while self.events:
            moment, _, kind, item = heapq.heappop(self.events)
            if moment >= horizon:
                break
            if kind == WAVE:
                if moment == self.retry_at:
                    self.retry_at = None
                self.sweep(moment)
            elif kind == EXPIRE:
                self.expire(moment)
            elif kind == CANCEL:
                self.cancel(moment)
            else:
                handlers[kind](moment, item)
        self.finish()

    def at(self, moment: datetime, kind: int, item: int | None = None) -> None:
        heapq.heappush(self.events, (moment, next(self.order), kind, item))

    def candidates(
        self, moment: datetime, room: int
    ) -> list[tuple[SeedWorker, datetime, datetime, int, int]]:
        """Eligible workers not yet offered this shift, in the market's order. The day's windows
        are read from where the last wave stopped, until a few more than needed are found."""
        shift = self.shift
        key = (shift.skill, shift.area, shift.day)
        bucket = self.seeding.buckets.get(key)
        if not bucket:
            return []
        size = len(bucket)
        pointer = self.pointers.get(key, 0)
        fits = checks(ASKED, shift, moment)
        may_book = self.law.may_book
        enough = room * 2 + 4
        # Reading the whole day in a busy area costs more than it tells, unless nobody is found
        # yet: then it is read to the end, so a shift is never left unfilled by mistake.
        most = min(size, room * 12 + 60)
        found = []
        looked = 0
        move = None
        while looked < size and len(found) < enough and (looked < most or not found):
            free = bucket[(pointer + looked) % size]
            looked += 1
            posted, start, end, worker = free
            # A window said after this moment is not known yet.
            if posted > moment or not fits(worker, free):
                continue
            if not may_book(worker, shift.start, shift.end):
                continue
            last = worker.last_booked(moment)
            found.append((last or NEVER, posted, worker.id, worker, start, end))
            if len(found) == room:
                move = looked
        # The next wave reads on from here; whoever was found but not offered is read again.
        self.pointers[key] = (pointer + (move or looked)) % size
        found.sort(key=lambda row: row[:3])
        return [
            (worker, start, end, place, len(found))
            for place, (_, _, _, worker, start, end) in enumerate(found[:room], start=1)
        ]

    def next_window(self, moment: datetime) -> datetime | None:
        """When someone who would fit this shift next says they are free, if before it starts."""
        shift = self.shift
        bucket = self.seeding.buckets.get((shift.skill, shift.area, shift.day), ())
        first = bisect.bisect_right(bucket, moment, key=attrgetter("posted"))
        for free in itertools.islice(bucket, first, first + 400):
            posted = free.posted
            if moment < posted < shift.start and checks(ASKED, shift, posted)(free.worker, free):
                return posted
        return None

    def sweep(self, moment: datetime) -> None:
        """exchange/waves.advance: a wave if anyone is left; else, with nothing live and slots
        open, the shift is unfilled, unless it was never offered (then whoever next says they
        are free gets it, as offer_open_shifts does)."""
        if self.status not in SHIFT_OPEN or self.wave(moment):
            return
        if self.live or self.booked >= self.shift.slots:
            return
        if self.waves == 0:
            later = self.next_window(moment)
            if later is not None and self.retry_at is None:
                self.retry_at = later
                self.at(later, WAVE)
            return
        self.status = "unfilled"

    def wave(self, moment: datetime) -> bool:
        """send_wave: offers up to the open slots x the wave factor, less the offers still live."""
        shift = self.shift
        if self.status not in SHIFT_OPEN:
            return False
        room = (shift.slots - self.booked) * self.market.wave_factor - len(self.live)
        if room <= 0:
            return False
        chosen = self.candidates(moment, room)
        if not chosen:
            return False
        self.waves += 1
        self.status = "offering"
        expires = moment + min(self.window, (shift.start - moment) / 2)
        may_stay_live = expires > self.now
        rng, spoken = self.rng, self.spoken
        for worker, start, end, place, of in chosen:
            # An offer the shift's filling closed is made live again, the same row and
            # reference (as send_wave does); any other is a new one.
            offer_id = self.closed_by_fill.pop(worker.id, None)
            if offer_id is None:
                offer_id = self.bulk.next_id(self.offer_table)
                ref = str(rng.randint(1000, 9999))
            else:
                ref = self.offers[offer_id][0]["ref"]
                if offer_id in self.reserved:
                    self.reserved.discard(offer_id)
                    worker.live_refs.discard(ref)
            if may_stay_live:
                # A reference a worker types must point at one live offer only.
                while ref in worker.live_refs:
                    ref = str(rng.randint(1000, 9999))
                worker.live_refs.add(ref)
                self.reserved.add(offer_id)
            last = worker.last_booked(moment)
            row = {
                "id": offer_id,
                "shift_id": shift.id,
                "worker_id": worker.id,
                "wave": self.waves,
                "rank": place,
                "ref": ref,
                "status": "live",
                "reason": offer_reason(place, of, worker.asking_rate_minor, (start, end), last),
                "created_at": moment,
                "expires_at": expires,
                "answered_at": None,
            }
            self.offers[offer_id] = self.live[offer_id] = (row, worker)
            shift.offered.add(worker.id)
            self.log.outbound(
                moment,
                worker,
                "offer",
                {
                    **self.said,
                    "ref": ref,
                    "rate": worker.rate_text,
                    "expires": spoken.clock(expires),
                },
                self.buyer_facts,
                {"ref": ref, "rate": worker.asking_rate_minor, "expires_at": expires.isoformat()},
            )
            answer = rng.random()
            open_for = (expires - moment).total_seconds() / 60
            if answer < P_YES:
                delay = min(open_for * 0.95, rng.expovariate(1 / 4))
                self.at(moment + MINUTE * delay, YES, offer_id)
            elif answer < P_YES + P_NO:
                delay = min(open_for * 0.95, rng.expovariate(1 / 6))
                self.at(moment + MINUTE * delay, NO, offer_id)
            elif answer < P_YES + P_NO + P_LATE_YES:
                self.at(expires + MINUTE * rng.uniform(1, 90), YES, offer_id)
        self.at(expires, EXPIRE)
        return True

    def yes(self, moment: datetime, offer_id: int) -> None:
        """accept: the first YES per slot books at the worker's own rate; later ones hear why not."""
        row, worker = self.offers[offer_id]
        shift, status, ref = self.shift, row["status"], row["ref"]
        if status == "live" and not self.law.may_book(worker, shift.start, shift.end):
            return  # booked elsewhere meanwhile: they let this one lapse
        self.log.inbound(moment, worker, yes_text(self.rng, ref))
        said = {**self.said, "ref": ref}
        if status != "live":
            outcome = {"accepted": "already_booked", "filled": "filled", "withdrawn": "cancelled"}
            kind = f"accept_{outcome.get(status, 'closed')}"
            self.log.outbound(moment, worker, kind, said, self.buyer_facts, {"ref": ref})
            return
        row["status"], row["answered_at"] = "accepted", moment
        del self.live[offer_id]
        self.booked += 1
        booking_id = self.bulk.next_id(self.booking_table)
        self.bookings[booking_id] = (
            {
                "id": booking_id,
                "shift_id": shift.id,
                "worker_id": worker.id,
                "offer_id": offer_id,
                "rate_minor": worker.asking_rate_minor,
                "currency": self.market.currency,
                "status": "booked",
                "created_at": moment,
                "ended_at": None,
                "checked_in_at": None,
                "checked_out_at": None,
                "late_minutes": None,
                "arrived": None,
            },
            worker,
            ref,
        )
        self.law.book(worker, shift.start, shift.end, booking_id)
        worker.booked_at.append(moment)
        self.log.outbound(
            moment,
            worker,
            "booked",
            {**said, "rate": worker.rate_text},
            self.buyer_facts,
            {"ref": ref, "rate": worker.asking_rate_minor},
        )
        self.log.to_buyer(
            moment,
            shift.buyer,
            "buyer_booked",
            {**self.said, "worker": worker.name, "rate": worker.rate_text},
            self.buyer_facts,
            {
                "worker": worker.name,
                "rate": worker.asking_rate_minor,
                "booked": self.booked,
                "slots": shift.slots,
            },
        )
        if self.booked >= shift.slots:
            self.status = "filled"
            for closed, (other, taker) in self.live.items():
                other["status"] = "filled"
                self.closed_by_fill[taker.id] = closed
                shift.offered.discard(taker.id)
            self.live.clear()
        if self.rng.random() < P_DROP:
            self.at(moment + (shift.start - moment) * self.rng.random(), DROP, booking_id)

    def no(self, moment: datetime, offer_id: int) -> None:
        """decline: the offer closes and the wave is topped up at once."""
        row, worker = self.offers[offer_id]
        if row["status"] != "live":
            return
        row["status"], row["answered_at"] = "declined", moment
        del self.live[offer_id]
        ref = row["ref"]
        self.log.inbound(moment, worker, no_text(self.rng, ref))
        said = {**self.said, "ref": ref}
        self.log.outbound(moment, worker, "declined", said, self.facts, {"ref": ref})
        self.wave(moment)
        if not self.live:
            self.sweep(moment)

    def expire(self, moment: datetime) -> None:
        """The expiry sweep: offers past their time close, then the shift moves on."""
        for offer_id, (row, _) in list(self.live.items()):
            if row["expires_at"] <= moment:
                row["status"] = "expired"
                del self.live[offer_id]
        self.sweep(moment)

    def drop(self, moment: datetime, booking_id: int) -> None:
        """drop_booking: the worker can't go; the buyer is told and the slot offered again."""
        booking, worker, ref = self.bookings[booking_id]
        if booking["status"] != "booked" or self.status == "cancelled":
            return
        booking["status"], booking["ended_at"] = "dropped", moment
        self.law.unbook(worker, booking_id)
        self.booked -= 1
        if self.status in ("filled", "unfilled"):
            self.status = "offering"
        drop = self.rng.choice(("DROP {}", "drop {}", "Drop {}"))
        self.log.inbound(moment, worker, drop.format(ref))
        said = {**self.said, "ref": ref}
        self.log.outbound(moment, worker, "dropped", said, self.buyer_facts, {"ref": ref})
        self.log.to_buyer(
            moment,
            self.shift.buyer,
            "buyer_dropped",
            {**self.said, "worker": worker.name},
            self.buyer_facts,
            {"worker": worker.name},
        )
        self.sweep(moment)

    def cancel(self, moment: datetime) -> None:
        """cancel_shift: booked workers are told, live offers withdrawn; late notice is paid."""
        shift = self.shift
        reason = self.rng.choice(CANCEL_REASONS)
        self.status, self.cancel_reason = "cancelled", reason
        notice = timedelta(minutes=self.market.cancellation_notice_minutes)
        for booking_id, (booking, worker, _) in self.bookings.items():
            if booking["status"] != "booked":
                continue
            booking["status"], booking["ended_at"] = "cancelled", moment
            self.law.unbook(worker, booking_id)
            said = {**self.said, "reason": reason}
            extra = {"reason": reason}
            self.log.outbound(moment, worker, "shift_cancelled", said, self.buyer_facts, extra)
            if shift.start - moment < notice:
                minutes = self.market.cancellation_pay_minutes
                self.work.pay(shift, booking, worker, minutes, "cancellation", moment)
        for row, worker in self.live.values():
            row["status"] = "withdrawn"
            said = {**self.said, "ref": row["ref"]}
            extra = {"ref": row["ref"]}
            self.log.outbound(moment, worker, "offer_withdrawn", said, self.buyer_facts, extra)
        self.live.clear()

    def finish(self) -> None:
        """Close the shift as the clock finds it, then write it and everything it made.

        At its start a shift still short of people is unfilled (waves.advance); a full one that
        has ended is done; the booked still work it either way.
        """
        shift, now = self.shift, self.now
        if self.status != "cancelled" and shift.start <= now:
            if self.status in SHIFT_OPEN:
                self.status = "unfilled"
            elif self.status == "filled" and shift.end <= now:
                self.status = "done"
            for booking, worker, _ in self.bookings.values():
                if booking["status"] == "booked":
                    self.work.day(shift, booking, worker)
        bulk = self.bulk
        bulk.add(
            Shift.__table__,
            {
                "id": shift.id,
                "ref": f"S{shift.id}",
                "market_id": self.market.id,
                "buyer_id": shift.buyer.id,
                "skill": shift.skill,
                "postcode": shift.postcode,
                "place": shift.place,
                "start": shift.start,
                "end": shift.end,
                "slots": shift.slots,
                "booked": self.booked,
                "max_rate_minor": shift.max_rate_minor,
                "currency": shift.currency,
                "credentials": list(shift.credentials),
                "break_minutes": shift.break_minutes,
                "status": self.status,
                "wave": self.waves,
                "cancel_reason": self.cancel_reason,
                "posted_by": None,
                "created_at": shift.created,
            },
        )
        for offer_id, (row, worker) in self.offers.items():
            if row["status"] != "live" and offer_id in self.reserved:
                worker.live_refs.discard(row["ref"])
            bulk.add(self.offer_table, row)
        for booking, _, _ in self.bookings.values():
            bulk.add(self.booking_table, booking)
        self.work.write()
