"""Availability that repeats, several named days in one text, and windows that retire themselves."""

from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from exchange import offers
from scheduler.jobs import retire_windows, sweep_patterns
from store.models import AvailabilityPattern, AvailabilityWindow
from tests import factories
from tests.scheduler.day import text

ANN = "+447700900001"
FAR = timedelta(days=60)  # the factory's own window, out of the way


def ann(db, now):
    with db.write() as session:
        return factories.worker(session, ANN, now, free_from=now + FAR).id


def windows(db, worker_id, before=None):
    with db.read() as session:
        query = (
            select(AvailabilityWindow)
            .where(AvailabilityWindow.worker_id == worker_id)
            .order_by(AvailabilityWindow.start)
        )
        if before is not None:
            query = query.where(col(AvailabilityWindow.start) < before)
        return [(w.start, w.end) for w in session.exec(query)]


def day(d, hour):
    return datetime(2026, d // 100, d % 100, hour, tzinfo=UTC)


def test_every_weekday_makes_a_window_on_each_weekday_of_the_next_14_days(db, now):
    worker_id = ann(db, now)
    text(db, ANN, "every weekday 9-3", now)
    made = windows(db, worker_id, before=now + timedelta(days=30))
    assert [start.strftime("%a %d") for start, _ in made] == [
        "Thu 26", "Fri 27", "Mon 30", "Tue 01", "Wed 02", "Thu 03", "Fri 04", "Mon 07", "Tue 08",
        "Wed 09",
    ]  # fmt: skip
    assert made[0] == (now, day(1126, 15)) and made[1] == (day(1127, 9), day(1127, 15))


def test_every_weekday_stores_the_pattern(db, now):
    worker_id = ann(db, now)
    text(db, ANN, "every weekday 9-3", now)
    with db.read() as session:
        pattern = session.exec(select(AvailabilityPattern)).one()
    assert (pattern.worker_id, pattern.days, pattern.start_time, pattern.end_time) == (
        worker_id,
        ["mon", "tue", "wed", "thu", "fri"],
        "09:00",
        "15:00",
    )


def test_the_reply_says_the_repeating_pattern(db, now):
    ann(db, now)
    assert text(db, ANN, "every weekday 9-3", now) == [
        (ANN, "Got it: free every weekday, 09:00-15:00. We'll text you offers that fit.")
    ]


def test_the_reply_names_the_days_of_a_pattern_that_is_not_every_weekday(db, now):
    ann(db, now)
    ((_, body),) = text(db, ANN, "available mondays and fridays 8-12 £14", now)
    assert (
        body
        == "Got it: free every Mon and Fri, 08:00-12:00 at £14.00/hr. We'll text you offers that fit."
    )


def test_the_pattern_sweep_adds_each_new_day_as_time_passes(db, now):
    worker_id = ann(db, now)
    text(db, ANN, "every day 9-3", now)
    assert sweep_patterns(db, now + timedelta(hours=1)) == 0
    assert sweep_patterns(db, now + timedelta(days=1)) == 1
    made = windows(db, worker_id, before=now + timedelta(days=30))
    assert made[-1] == (day(1210, 9), day(1210, 15))


def test_a_pattern_sweep_missed_for_days_catches_up_without_gaps(db, now):
    worker_id = ann(db, now)
    text(db, ANN, "every day 9-3", now)
    sweep_patterns(db, now + timedelta(days=5))
    starts = [start for start, _ in windows(db, worker_id, before=now + timedelta(days=30))]
    assert len(starts) == 19 and len(set(s.date() for s in starts)) == 19


def test_sweeping_patterns_twice_makes_no_duplicate_windows(db, now):
    worker_id = ann(db, now)
    text(db, ANN, "every weekday 9-3", now)
    later = now + timedelta(days=3)
    sweep_patterns(db, later)
    before = windows(db, worker_id)
    assert sweep_patterns(db, later) == 0
    assert windows(db, worker_id) == before


def test_the_same_pattern_twice_is_kept_once(db, now):
    ann(db, now)
    text(db, ANN, "every weekday 9-3", now)
    text(db, ANN, "every weekday 9-3", now + timedelta(minutes=5))
    with db.read() as session:
        assert len(session.exec(select(AvailabilityPattern)).all()) == 1


def test_available_mon_wed_fri_makes_one_window_per_named_day(db, now):
    worker_id = ann(db, now)
    ((_, body),) = text(db, ANN, "available mon wed fri 9-5", now)
    assert windows(db, worker_id, before=now + timedelta(days=30)) == [
        (day(1127, 9), day(1127, 17)),
        (day(1130, 9), day(1130, 17)),
        (day(1202, 9), day(1202, 17)),
    ]
    assert body == (
        "Got it: free Fri 27 Nov, Mon 30 Nov and Wed 2 Dec, 09:00-17:00. "
        "We'll text you offers that fit."
    )


def test_one_named_day_still_makes_one_window(db, now):
    worker_id = ann(db, now)
    text(db, ANN, "available sat 9-5", now)
    assert windows(db, worker_id, before=now + timedelta(days=30)) == [
        (day(1128, 9), day(1128, 17))
    ]


def test_a_repeating_window_is_offered_a_shift_that_fits(db, now):
    ann(db, now)
    with db.write() as session:
        shift = factories.shift(session, now, start=day(1201, 10), hours=3)
    sent = text(db, ANN, "every weekday 9-3", now)
    assert [body[:5] for _, body in sent] == ["Got i", "Work:"]
    with db.write() as session:
        assert offers.send_wave(session, shift.id, now) == []


def test_windows_that_ended_more_than_a_day_ago_are_retired(db, now):
    worker_id = ann(db, now)
    text(db, ANN, "every weekday 9-3", now)
    assert retire_windows(db, day(1127, 15)) == 0
    assert retire_windows(db, day(1127, 15) + timedelta(seconds=1)) == 1
    assert windows(db, worker_id)[0] == (day(1127, 9), day(1127, 15))
