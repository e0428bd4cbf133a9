"""Who is signed in, as a plain value that can cross threads."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from exchange.operators import market_ids_for
from store.models import Market, Operator


@dataclass(frozen=True)
class Who:
    """The signed-in operator; `market_ids` None means every market."""

    id: int
    username: str
    name: str
    role: str
    market_ids: tuple[int, ...] | None

    @property
    def read_only(self) -> bool:
        return self.role == "auditor"

    def market_filter(self, column):
        """A where-clause keeping rows of the operator's markets (True when all markets)."""
        if self.market_ids is None:
            return True
        return col(column).in_(self.market_ids)


def who_is(session: Session, operator: Operator) -> Who:
    ids = market_ids_for(session, operator)
    return Who(
        operator.id,
        operator.username,
        operator.name,
        operator.role,
        tuple(ids) if ids is not None else None,
    )


def operator_of(session: Session, who: Who) -> Operator:
    return session.get(Operator, who.id)


def home_market(session: Session, who: Who) -> Market | None:
    """The first market the operator may see: the one its times and money are shown in."""
    query = select(Market).order_by(Market.id)
    if who.market_ids is not None:
        query = query.where(col(Market.id).in_(who.market_ids))
    return session.exec(query).first()
