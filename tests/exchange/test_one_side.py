"""Rule 6 at every door: a phone is an operator's or a trader's (buyer or worker), never both,
whichever was added first."""

import pytest
from sqlmodel import select

from exchange.buyers import add_buyer
from exchange.errors import Refused
from exchange.operators import add_operator
from exchange.workers import register_worker
from store.models import Buyer, Operator, Worker
from tests import factories

PHONE = "+447700900555"


def operator(session, now, phone=PHONE):
    return add_operator(session, "sam", "Sam Staff", "staff", "long enough", now, phone=phone)


def buyer(session, now, phone=PHONE):
    return add_buyer(
        session, factories.market(session).id, None, {"name": "Bow Kitchen", "phone": phone}, now
    )


def worker(session, now, phone=PHONE):
    market = factories.market(session)
    return register_worker(session, market, phone, "Ann", ["care"], "E1 6AN", 1300, now)


@pytest.mark.parametrize("first", [buyer, worker], ids=["buyer", "worker"])
def test_a_trader_s_phone_cannot_become_an_operator_s(any_db, now, first):
    with any_db.write() as session:
        first(session, now)
    with any_db.write() as session, pytest.raises(Refused) as refused:
        operator(session, now)
    assert refused.value.code == "operator"
    with any_db.read() as session:
        assert session.exec(select(Operator).where(Operator.phone == PHONE)).first() is None


@pytest.mark.parametrize("then", [buyer, worker], ids=["buyer", "worker"])
def test_an_operator_s_phone_cannot_buy_or_sell(any_db, now, then):
    with any_db.write() as session:
        operator(session, now)
    with any_db.write() as session, pytest.raises(Refused) as refused:
        then(session, now)
    assert refused.value.code == "operator"
    with any_db.read() as session:
        assert session.exec(select(Buyer).where(Buyer.phone == PHONE)).first() is None
        assert session.exec(select(Worker).where(Worker.phone == PHONE)).first() is None


def test_a_buyer_s_postcode_must_be_one_of_the_market_s_kind(db, now):
    with db.write() as session, pytest.raises(Refused) as refused:
        add_buyer(
            session,
            factories.market(session).id,
            None,
            {"name": "Bow Kitchen", "default_postcode": "97201"},
            now,
        )
    assert refused.value.code == "bad_place"
