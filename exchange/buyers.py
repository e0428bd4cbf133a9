"""Buyers: the employers and public bodies that post shifts, added and kept up to date by staff."""

from datetime import datetime

from sqlmodel import Session, select

from exchange.audit import audit
from exchange.errors import Refused
from exchange.onboarding import check_place_for
from exchange.operators import refuse_operator_phone, require, require_market
from exchange.phones import to_e164
from store.models import Buyer, Market, Operator, Worker
from store.statuses import OperatorRole

FIELDS = ("name", "phone", "contact_name", "default_postcode", "default_place")


def _checked(session: Session, market: Market, buyer_id: int | None, typed: dict[str, str]) -> dict:
    values: dict[str, str | None] = {}
    for field, text in typed.items():
        if field not in FIELDS:
            raise ValueError(f"{field} is not a buyer's detail")
        values[field] = " ".join(text.split()) or None
    name = values.get("name")
    if "name" in values:
        if not name or len(name) < 2:
            raise Refused("bad_name", "A buyer needs a name")
        same = session.exec(select(Buyer.id).where(Buyer.name == name)).first()
        if same is not None and same != buyer_id:
            raise Refused("taken", f"There is already a buyer called {name}")
    if values.get("phone"):
        phone = to_e164(values["phone"], market.region)
        if session.exec(select(Worker.id).where(Worker.phone == phone)).first():
            # A buyer on a worker's phone would blur who is trading with whom.
            raise Refused("worker_phone", f"{phone} is a worker's phone")
        refuse_operator_phone(session, phone)
        values["phone"] = phone
    if values.get("default_postcode"):
        values["default_postcode"] = check_place_for(market, values["default_postcode"])
    return values


def add_buyer(
    session: Session,
    market_id: int,
    operator: Operator | None,
    typed: dict[str, str],
    now: datetime,
) -> Buyer:
    """A new buyer in a market; name required, phone and postcode checked when given.

    `operator` None is an administrator at the command line; the same checks apply.
    """
    if operator is not None:
        require(operator, OperatorRole.ADMIN, OperatorRole.STAFF)
        require_market(session, operator, market_id)
    market = session.get(Market, market_id)
    values = _checked(session, market, None, {"name": "", **typed})
    buyer = Buyer(market_id=market_id, created_at=now, **values)
    session.add(buyer)
    session.flush()
    by = operator.id if operator is not None else None
    audit(session, by, "buyer_add", f"buyer:{buyer.id}", f"market:{market_id}", now)
    return buyer


def edit_buyer(
    session: Session, buyer_id: int, operator: Operator, typed: dict[str, str], now: datetime
) -> Buyer:
    require(operator, OperatorRole.ADMIN, OperatorRole.STAFF)
    buyer = session.get(Buyer, buyer_id)
    if buyer is None:
        raise Refused("no_buyer", "No such buyer")
    require_market(session, operator, buyer.market_id)
    values = _checked(session, session.get(Market, buyer.market_id), buyer_id, typed)
    changed = sorted(field for field, value in values.items() if getattr(buyer, field) != value)
    for field, value in values.items():
        setattr(buyer, field, value)
    session.add(buyer)
    session.flush()
    audit(session, operator.id, "buyer_edit", f"buyer:{buyer.id}", ", ".join(changed), now)
    return buyer
