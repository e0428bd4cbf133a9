"""`seed_market`: a believable market history, written fast with bulk inserts.

Workers, buyers and availability are drawn first; then every shift is played through the
exchange's rules in miniature (waves, answers, drops, cancellations; see history.py); last,
every text is written in time order with the notice it came from.
"""

import random
import time
from datetime import datetime, timedelta
from operator import itemgetter
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from sqlmodel import select

from poems.seed import people
from poems.seed.bulk import Bulk
from poems.seed.crowd import WORKERS_PER_BUYER, add_availability, add_buyers, add_workers
from poems.seed.history import play_shifts
from poems.seed.law import Law
from poems.seed.people import Weighted
from poems.seed.report import Progress, SeedReport
from poems.seed.state import DAYS_AHEAD, WEEK, Log, Seeding
from poems.seed.texts import Bodies, Spoken
from store.db import Database
from store.models import Market, Message, Notice, Operator, Worker


def seed_market(
    db: Database,
    now: datetime,
    workers: int,
    weeks: int,
    rng_seed: int = 1,
    progress: Progress | None = None,
) -> SeedReport:
    """Add `workers` workers and `weeks` weeks of market history (plus a few days ahead) to the
    first market of a migrated database, in one transaction; the same seed makes the same rows.

    The people and places are London's (UK names, mobiles, postcodes); the rules, zone, currency
    and law are the market's own. `progress(step, done, total)` hears how far it has got.
    """

    began = time.perf_counter()
    tell = progress or (lambda step, done, total: None)
    with db.write() as session:
        market = session.exec(select(Market).order_by(Market.id)).first()
        if market is None:
            raise RuntimeError("no market: run `poems db upgrade` first")
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            # A bigger page cache keeps index pages in memory while millions of rows go in.
            connection.exec_driver_sql("PRAGMA cache_size=-262144")
        zone = ZoneInfo(market.tz)
        first = (now - weeks * WEEK).astimezone(zone).date()
        last = (now + timedelta(days=DAYS_AHEAD)).astimezone(zone).date()
        # The market's settings as plain values: an ORM attribute read costs in a hot loop.
        settings = SimpleNamespace(
            **{column.name: getattr(market, column.name) for column in Market.__table__.columns}
        )
        seeding = Seeding(
            market=settings,
            now=now,
            weeks=weeks,
            rng=random.Random(rng_seed),
            bulk=Bulk(connection),
            log=Log(Bodies()),
            spoken=Spoken(market.tz, market.currency),
            zone=zone,
            days=[first + timedelta(days=n) for n in range((last - first).days + 1)],
            areas=people.areas_for(workers),
        )
        seeding.law = Law(session, market, seeding.days[-1])
        taken = set(session.exec(select(Worker.phone))) | set(
            phone for phone in session.exec(select(Operator.phone)) if phone
        )
        add_workers(seeding, workers, taken, tell)
        add_buyers(seeding, max(6, workers // WORKERS_PER_BUYER), session)
        add_availability(seeding, tell)
        play_shifts(seeding, tell)
        write_texts(seeding, tell)
        seeding.bulk.update(
            Worker.__table__,
            [
                {"worker_id": worker.id, "last_booked_at": max(worker.booked_at)}
                for worker in seeding.workers
                if worker.booked_at
            ],
            id="worker_id",
        )
        seeding.bulk.fix_sequences()
        rows = dict(seeding.bulk.counts)
    return SeedReport(rows=rows, seconds=time.perf_counter() - began)


DELIVERY = Weighted(
    (("delivered", None), ("sent", None), ("undelivered", 30003), ("failed", 30008)), (95, 2, 2, 1)
)


def write_texts(seeding: Seeding, tell: Progress) -> None:
    """Every text and the notice behind each one going out, in time order, ids rising with time."""
    rng, bulk = seeding.rng, seeding.bulk
    items = seeding.log.items
    items.sort(key=itemgetter(0))
    messages, notices = Message.__table__, Notice.__table__
    exchange_phone = seeding.market.phone_number
    total = len(items)
    second = timedelta(seconds=1)
    for done, (
        at,
        out,
        phone,
        body,
        segments,
        worker_id,
        buyer_id,
        kind,
        facts,
        extra,
    ) in enumerate(items):
        message_id = bulk.next_id(messages)
        sid = f"SM{message_id:012x}{rng.getrandbits(80):020x}"
        if out:
            notice_id = bulk.next_id(notices)
            data = {**extra, **facts} if facts else extra
            bulk.add(
                notices,
                {
                    "id": notice_id,
                    "kind": kind,
                    "phone": phone,
                    "worker_id": worker_id,
                    "buyer_id": buyer_id,
                    "language": "en",
                    "data": data,
                    "status": "sent",
                    "attempts": 1,
                    "next_attempt_at": at,
                    "last_error": None,
                    "created_at": at,
                    "sent_at": at,
                },
            )
            status, error = DELIVERY(rng)
            row = {
                "id": message_id,
                "direction": "out",
                "phone": phone,
                "exchange_phone": None,
                "body": body,
                "provider_sid": sid,
                "status": status,
                "error_code": error,
                "segments": segments,
                "worker_id": worker_id,
                "notice_id": notice_id,
                "created_at": at,
                "processed_at": None,
                "status_at": at + 3 * second,
            }
        else:
            row = {
                "id": message_id,
                "direction": "in",
                "phone": phone,
                "exchange_phone": exchange_phone,
                "body": body,
                "provider_sid": sid,
                "status": "received",
                "error_code": None,
                "segments": segments,
                "worker_id": worker_id,
                "notice_id": None,
                "created_at": at,
                "processed_at": at,
                "status_at": None,
            }
        bulk.add(messages, row)
        if done % 20000 == 0:
            tell("texts", done, total)
    bulk.flush()
    tell("texts", total, total)
