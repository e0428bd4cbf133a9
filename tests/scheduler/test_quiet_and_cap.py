"""A worker's nights and days: quiet hours hold offers that can wait, and a daily cap on texts."""

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from exchange import offers
from exchange.notices import notify_worker
from exchange.quiet import in_quiet_hours
from scheduler.jobs import sweep_waves
from sms import outbox
from sms.gateways import SimulatorGateway
from store.models import Market, Notice, Offer, Shift, Worker
from tests import factories
from tests.scheduler.day import book, notices, tick

ANN = "+447700900001"
THU_10PM = datetime(2026, 11, 26, 22, 0, tzinfo=UTC)  # London is on UTC in November
SAT_9AM = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def night_shift_posting(db, start=SAT_9AM):
    """A worker free on Saturday; a shift posted at 22:00 on Thursday."""
    with db.write() as session:
        factories.worker(session, ANN, THU_10PM, free_from=start - timedelta(hours=1))
        shift = factories.shift(session, THU_10PM, start=start)
        made = offers.send_wave(session, shift.id, THU_10PM)
        return shift.id, made


def live_offers(db, shift_id):
    with db.read() as session:
        return session.exec(
            select(Offer).where(Offer.shift_id == shift_id, Offer.status == "live")
        ).all()


def test_quiet_hours_run_from_nine_at_night_to_eight_in_the_morning_across_midnight(db):
    with db.read() as session:
        market = session.exec(select(Market)).first()
    hours = {h: in_quiet_hours(market, datetime(2026, 11, 26, h, 0, tzinfo=UTC)) for h in range(24)}
    assert [h for h, quiet in hours.items() if quiet] == [0, 1, 2, 3, 4, 5, 6, 7, 21, 22, 23]


def test_quiet_hours_are_the_markets_local_time(db):
    with db.read() as session:
        market = session.exec(select(Market)).first()
    # 07:30 UTC in July is 08:30 in London: the quiet night is over.
    assert not in_quiet_hours(market, datetime(2026, 7, 1, 7, 30, tzinfo=UTC))
    assert in_quiet_hours(market, datetime(2026, 7, 1, 20, 30, tzinfo=UTC))


def test_offers_for_a_shift_more_than_12_hours_away_wait_during_quiet_hours(db):
    shift_id, made = night_shift_posting(db)
    assert made == []
    with db.read() as session:
        assert session.get(Shift, shift_id).status == "open"


def test_offers_held_by_quiet_hours_go_out_when_they_end(db):
    night_shift_posting(db)
    assert tick(db, datetime(2026, 11, 27, 7, 59, tzinfo=UTC)) == []
    ((to, body),) = tick(db, datetime(2026, 11, 27, 8, 0, tzinfo=UTC))
    assert to == ANN and body.startswith("Work: care")


def test_a_shift_starting_within_12_hours_is_offered_even_in_quiet_hours(db):
    _, made = night_shift_posting(db, start=THU_10PM + timedelta(hours=11))
    assert len(made) == 1


def test_a_shift_waiting_for_the_morning_is_not_closed_as_unfilled(db):
    shift_id, _ = night_shift_posting(db)
    with db.write() as session:
        shift = session.get(Shift, shift_id)
        shift.wave = 1  # as if a wave had gone out and expired before the night
    sweep_waves(db, THU_10PM + timedelta(hours=1))
    with db.read() as session:
        assert session.get(Shift, shift_id).status == "open"


def capped_worker(db, now, cap=3):
    """A worker free tomorrow, in a market whose daily cap is `cap` texts."""
    with db.write() as session:
        factories.market(session).daily_text_cap = cap
        return factories.worker(session, ANN, now).id


def offer_shifts(db, now, hours):
    """One-hour shifts tomorrow at the given hours (UTC), each offered at once."""
    with db.write() as session:
        for hour in hours:
            start = (now + timedelta(days=1)).replace(hour=hour, minute=0)
            shift = factories.shift(session, now, start=start, hours=1)
            offers.send_wave(session, shift.id, now)


def drain(db, now):
    return [m.body for m in outbox.drain(db, SimulatorGateway(), now)]


def test_an_offer_over_the_daily_cap_is_held_not_sent(db, now):
    capped_worker(db, now)
    offer_shifts(db, now, (6, 7, 8, 9))
    sent = drain(db, now)
    assert [body.startswith("Work:") for body in sent] == [True, True, True, False]
    with db.read() as session:
        statuses = [n.status for n in notices(session, "offer")]
    assert statuses == ["sent", "sent", "sent", "held"]


def test_the_first_offer_held_in_a_day_sends_one_digest(db, now):
    capped_worker(db, now)
    offer_shifts(db, now, (6, 7, 8, 9, 10))
    sent = drain(db, now)
    offer_shifts(db, now + timedelta(hours=1), (11,))
    sent += drain(db, now + timedelta(hours=1))
    assert sent[3:] == [
        "More offers came today than your daily limit of 3 texts. Text SHIFTS to see the open ones."
    ]


def test_a_held_offer_stays_open_to_take_by_its_reference(db, now):
    worker_id = capped_worker(db, now)
    offer_shifts(db, now, (6, 7, 8, 9))
    drain(db, now)
    with db.read() as session:
        held = session.exec(select(Notice).where(Notice.status == "held")).one()
    with db.write() as session:
        answer = offers.accept(session, worker_id, held.data["ref"], now)
    assert answer.outcome == "booked"


def test_replies_to_a_workers_own_texts_are_never_held(db, now):
    capped_worker(db, now)
    offer_shifts(db, now, (6, 7, 8, 9))
    drain(db, now)
    with db.write() as session:
        worker = session.exec(select(Worker).where(Worker.phone == ANN)).one()
        notify_worker(session, worker, "help", now)
    assert [body[:12] for body in drain(db, now)] == ["POEMS texts:"]


def test_booking_texts_are_never_held(db, now):
    with db.write() as session:
        factories.market(session).daily_text_cap = 0
        book(session, now, phone=ANN)
    kinds = []
    for message in outbox.drain(db, SimulatorGateway(), now):
        with db.read() as session:
            kinds.append(session.get(Notice, message.notice_id).kind)
    assert "booked" in kinds


def test_the_cap_starts_again_the_next_local_day(db, now):
    capped_worker(db, now)
    offer_shifts(db, now, (6, 7, 8))
    drain(db, now)
    tomorrow = (now + timedelta(days=1)).replace(hour=9)
    with db.write() as session:
        shift = factories.shift(session, tomorrow, start=tomorrow.replace(hour=16), hours=1)
        offers.send_wave(session, shift.id, tomorrow)
    assert [body[:5] for body in drain(db, tomorrow)] == ["Work:"]
