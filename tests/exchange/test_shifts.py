"""Posting shifts: the market's refusals, each with its reason."""

from datetime import timedelta

import pytest

from exchange.errors import Refused
from store.models import Operator
from tests import factories


def test_a_shift_over_the_booking_value_cap_is_refused_with_the_figures(db, now):
    with db.write() as session, pytest.raises(Refused) as refusal:
        # 12 hours at £30 is £360, over the default cap of £300.
        factories.shift(session, now, hours=12, max_rate=3000)
    assert refusal.value.code == "over_cap"
    assert "£360.00" in refusal.value.message and "£300.00" in refusal.value.message


def test_a_shift_at_the_cap_is_posted(db, now):
    with db.write() as session:
        shift = factories.shift(session, now, hours=10, max_rate=3000)
        assert shift.ref == f"S{shift.id}" and shift.status == "open"


def test_an_operator_cannot_post_as_a_buyer(db, now):
    with db.write() as session:
        session.add(Operator(username="ann", name="Ann", role="staff", phone="+447700900555"))
        own_firm = factories.buyer(session, name="Ann's own firm", phone="+447700900555")
        with pytest.raises(Refused) as refusal:
            factories.shift(session, now, posted_for=own_firm)
    assert refusal.value.code == "operator"


def test_a_shift_in_the_past_is_refused(db, now):
    with db.write() as session, pytest.raises(Refused) as refusal:
        factories.shift(session, now, start=now - timedelta(hours=1))
    assert refusal.value.code == "past_shift"


def test_a_shift_with_a_bad_postcode_is_refused(db, now):
    with db.write() as session, pytest.raises(Refused) as refusal:
        factories.shift(session, now, postcode="nowhere")
    assert refusal.value.code == "bad_place"


def test_a_skill_the_market_does_not_trade_is_refused(db, now):
    with db.write() as session, pytest.raises(Refused) as refusal:
        factories.shift(session, now, skill="astronaut")
    assert refusal.value.code == "unknown_skill"
