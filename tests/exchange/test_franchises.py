"""Franchises: the share cap on a sector's booked hours (rule 9) and moving a market to another
franchise with its history kept."""

from datetime import timedelta

import pytest
from sqlmodel import func, select

from exchange import disputes
from exchange.errors import Refused
from exchange.franchises import (
    add_franchise,
    franchise_of,
    measure_shares,
    shares,
    transfer_market,
    transfers,
)
from store.models import AuditEntry, Franchise, Market, Operator, ShareFlag
from tests import factories
from tests.bookings import book
from tests.scheduler.shares import Bookings, operator, sector_market, thirty_and_twenty_nine

LATER = timedelta(days=10)


def test_a_franchisee_over_the_cap_is_flagged_and_one_at_29_percent_is_not(any_db, now):
    with any_db.write() as session:
        over, under = thirty_and_twenty_nine(session, now)
        (flag,) = measure_shares(session, now + LATER)
        assert (flag.franchisee_id, flag.share_bp, flag.cap_bp) == (over, 3050, 3000)
        assert (flag.franchisee_minutes, flag.sector_minutes) == (305, 1000)
        assert {share.franchisee_id: share.over for share in shares(session, now + LATER)} == {
            over: True,
            under: False,
        }


def test_the_flag_says_the_fewest_minutes_to_hand_on(any_db, now):
    with any_db.write() as session:
        thirty_and_twenty_nine(session, now)
        (flag,) = measure_shares(session, now + LATER)
        # 305 booked of 1,000: the cap allows 300.
        assert flag.divest_minutes == 5


def test_exactly_at_the_cap_is_not_over(any_db, now):
    with any_db.write() as session:
        level = operator(session, "level", "franchisee", now)
        bookings = Bookings(session, now)
        bookings.book(sector_market(session, "Level care", level, now), 300)
        bookings.book(factories.market(session), 350)
        bookings.book(factories.market(session), 350)
        (share,) = shares(session, now + LATER)
        assert share.share_bp == 3000 and not share.over
        assert measure_shares(session, now + LATER) == []


def test_bookings_older_than_the_window_do_not_count(any_db, now):
    with any_db.write() as session:
        thirty_and_twenty_nine(session, now)
        assert measure_shares(session, now + timedelta(days=100)) == []


def test_measuring_twice_in_a_month_flags_once(any_db, now):
    with any_db.write() as session:
        thirty_and_twenty_nine(session, now)
        measure_shares(session, now + LATER)
        assert measure_shares(session, now + LATER + timedelta(days=1)) == []
        assert session.exec(select(func.count()).select_from(ShareFlag)).one() == 1


@pytest.fixture
def holders(any_db, now):
    """The default market in fran's franchise, gina's franchise empty, and an admin."""
    with any_db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        gina = operator(session, "gina", "franchisee", now)
        operator(session, "ada", "admin", now)
        market = factories.market(session)
        market.franchise_id = franchise_of(session, fran, now).id
        session.add(market)
        add_franchise(session, "Gina Care", gina, now)
        return market.id


def named(session, username):
    return session.exec(select(Operator).where(Operator.username == username)).one()


def gina_care(session):
    return session.exec(select(Franchise).where(Franchise.name == "Gina Care")).one()


def test_an_admin_moves_a_market_and_the_move_is_kept(any_db, holders, now):
    with any_db.write() as session:
        was = session.get(Market, holders).franchise_id
        moved = transfer_market(
            session, holders, gina_care(session).id, named(session, "ada"), "Fran retires", now
        )
        assert session.get(Market, holders).franchise_id == gina_care(session).id
        (kept,) = transfers(session, holders)
        assert kept.id == moved.id and (kept.from_franchise_id, kept.reason) == (
            was,
            "Fran retires",
        )
        assert session.exec(select(AuditEntry).where(AuditEntry.action == "market_transfer")).one()


def test_a_moved_markets_disputes_go_to_the_new_franchisee(any_db, holders, now):
    with any_db.write() as session:
        booking, shift, _ = book(session, now)
        disputes.open_dispute(session, booking.id, "worker", "pay", "not paid", shift.end)
        fran, gina = named(session, "fran"), named(session, "gina")
        transfer_market(session, holders, gina_care(session).id, named(session, "ada"), "x", now)
        assert len(disputes.queue(session, gina)) == 1
        assert disputes.queue(session, fran) == []


@pytest.mark.parametrize(
    ("who", "reason", "code"),
    [("fran", "mine now", "not_allowed"), ("ada", "  ", "no_reason")],
)
def test_a_transfer_needs_an_admin_and_a_reason(any_db, holders, now, who, reason, code):
    with any_db.write() as session, pytest.raises(Refused) as refused:
        transfer_market(session, holders, gina_care(session).id, named(session, who), reason, now)
    assert refused.value.code == code
    with any_db.read() as session:
        assert transfers(session, holders) == []


def test_a_market_cannot_move_to_the_franchise_it_is_in(any_db, holders, now):
    with any_db.write() as session:
        home = session.get(Market, holders).franchise_id
        with pytest.raises(Refused) as refused:
            transfer_market(session, holders, home, named(session, "ada"), "again", now)
        assert refused.value.code == "same_franchise"
