"""Availability windows: merging, and refusing what cannot be."""

from datetime import timedelta

import pytest
from sqlmodel import select

from exchange.availability import post_availability
from exchange.errors import Refused
from store.models import AvailabilityWindow
from tests import factories


def windows(session, worker_id):
    rows = session.exec(
        select(AvailabilityWindow)
        .where(AvailabilityWindow.worker_id == worker_id)
        .order_by(AvailabilityWindow.start)
    )
    return [(w.start, w.end) for w in rows]


@pytest.fixture
def worker_id(db, now):
    with db.write() as session:
        return factories.worker(
            session, "+447700900001", now, free_from=now + timedelta(days=5), free_hours=1
        ).id


def test_overlapping_windows_merge(db, now, worker_id):
    day = now + timedelta(days=1)
    with db.write() as session:
        post_availability(session, worker_id, day, day + timedelta(hours=4), now)
        post_availability(
            session, worker_id, day + timedelta(hours=2), day + timedelta(hours=6), now
        )
        assert windows(session, worker_id)[0] == (day, day + timedelta(hours=6))


def test_touching_windows_merge(db, now, worker_id):
    day = now + timedelta(days=1)
    with db.write() as session:
        post_availability(session, worker_id, day, day + timedelta(hours=4), now)
        post_availability(
            session, worker_id, day + timedelta(hours=4), day + timedelta(hours=8), now
        )
        assert windows(session, worker_id)[0] == (day, day + timedelta(hours=8))


def test_separate_windows_stay_apart(db, now, worker_id):
    day = now + timedelta(days=1)
    with db.write() as session:
        post_availability(session, worker_id, day, day + timedelta(hours=2), now)
        post_availability(
            session, worker_id, day + timedelta(hours=3), day + timedelta(hours=5), now
        )
        assert len(windows(session, worker_id)) == 3


def test_a_window_that_bridges_two_merges_all_three(db, now, worker_id):
    day = now + timedelta(days=1)
    with db.write() as session:
        post_availability(session, worker_id, day, day + timedelta(hours=2), now)
        post_availability(
            session, worker_id, day + timedelta(hours=3), day + timedelta(hours=5), now
        )
        post_availability(
            session, worker_id, day + timedelta(hours=1), day + timedelta(hours=4), now
        )
        assert windows(session, worker_id)[0] == (day, day + timedelta(hours=5))


def test_a_window_in_the_past_is_refused_and_nothing_changes(db, now, worker_id):
    with db.write() as session:
        before = windows(session, worker_id)
        with pytest.raises(Refused) as refusal:
            post_availability(
                session, worker_id, now - timedelta(hours=5), now - timedelta(hours=1), now
            )
        assert refusal.value.code == "past_window"
        assert windows(session, worker_id) == before


def test_a_window_already_begun_starts_now(db, now, worker_id):
    with db.write() as session:
        window = post_availability(
            session, worker_id, now - timedelta(hours=1), now + timedelta(hours=3), now
        )
        assert window.start == now


def test_a_window_ending_before_it_starts_is_refused(db, now, worker_id):
    with db.write() as session, pytest.raises(Refused):
        post_availability(
            session, worker_id, now + timedelta(hours=5), now + timedelta(hours=4), now
        )
