"""A shift has one place: the address the worker goes to holds the postcode offers match on."""

from datetime import timedelta

import pytest

from exchange.errors import Refused
from exchange.shifts import address_of, post_shift, site_of
from store.models import Shift
from tests import factories


def test_a_site_is_an_address_with_its_postcode():
    assert site_of(" 12 Mare St,  London e81aa ") == ("12 Mare St, London e81aa", "E8 1AA")
    assert site_of("4 Oak Ave, Portland OR 97201-1234")[1] == "97201"


@pytest.mark.parametrize("typed", ["E8 1AA", "12 Mare St", "", "12 Mare St, E8"])
def test_a_postcode_alone_or_an_address_without_one_is_refused(typed):
    with pytest.raises(Refused) as refused:
        site_of(typed)
    assert refused.value.code == "bad_site"


def test_an_address_at_another_postcode_than_the_one_given_is_refused(db, now):
    with db.write() as session, pytest.raises(Refused) as refused:
        post_shift(
            session,
            factories.market(session),
            factories.buyer(session),
            "care",
            "E8 1AA",
            now + timedelta(days=1),
            now + timedelta(days=1, hours=4),
            1,
            1450,
            now,
            place="150 Roman Road, E11 1FR",
        )
    assert refused.value.code == "two_places"


def test_the_address_shown_ends_with_the_postcode_once():
    assert address_of(Shift(place="12 Mare St, E8 1AA", postcode="E8 1AA")) == "12 Mare St, E8 1AA"
    assert address_of(Shift(place="Rosewood", postcode="E1 6AN")) == "Rosewood, E1 6AN"
    assert address_of(Shift(place=None, postcode="E1 6AN")) == "E1 6AN"


def test_offers_wait_for_the_end_of_quiet_hours_or_until_the_shift_is_urgent(db, now):
    """Quiet 21:00 to 08:00 London: posted at 07:58 the offers go at 08:00; posted at 22:00 for
    11:00 the next day, at 23:00, when the shift is 12 hours away."""
    from datetime import UTC, datetime

    from exchange.quiet import offers_go_out_at

    with db.read() as session:
        london = factories.market(session)
    early = datetime(2026, 11, 26, 7, 58, tzinfo=UTC)
    assert offers_go_out_at(london, early + timedelta(days=1), early) == early.replace(
        hour=8, minute=0
    )
    late = datetime(2026, 11, 26, 22, 0, tzinfo=UTC)
    assert offers_go_out_at(london, late.replace(day=27, hour=11), late) == late.replace(hour=23)
    assert offers_go_out_at(london, early + timedelta(days=1), early.replace(hour=9)) is None
