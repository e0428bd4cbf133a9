"""Markets an operator may see: their settings as typed, the record of changes, and the labour
rules each trades under with their sources and history."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from exchange.law.history import RuleView, rule_set
from exchange.localtime import local
from exchange.money import format_money
from exchange.settings import SETTINGS, history, shown
from poems_tui.services.who import Who
from store.db import Database
from store.models import LabourRule, Market, Operator


@dataclass(frozen=True)
class MarketView:
    id: int
    name: str
    tz: str
    currency: str
    region: str
    skills: tuple[str, ...]
    values: dict[str, str]
    changes: list[str]
    rule_set: str | None
    rules: list[str]


def markets(db: Database, who: Who, now: datetime) -> list[MarketView]:
    query = select(Market).order_by(Market.id)
    if who.market_ids is not None:
        query = query.where(col(Market.id).in_(who.market_ids))
    with db.read() as session:
        found = session.exec(query).all()
        return [
            MarketView(
                m.id,
                m.name,
                m.tz,
                m.currency,
                m.region,
                tuple(m.skills),
                {field: shown(m, field) for field in SETTINGS},
                [
                    f"{local(change.at, m.tz):%d %b %H:%M} {username}: "
                    f"{SETTINGS[change.field].label if change.field in SETTINGS else change.field} "
                    f"{change.old_value} -> {change.new_value}"
                    for change, username in history(session, m.id, 20)
                ],
                m.rule_set,
                _rules(session, m, now),
            )
            for m in found
        ]


def _rules(session: Session, market: Market, now: datetime) -> list[str]:
    """The market's labour rules, one block each: the figure, its state, law, source and history."""
    if market.rule_set is None:
        return []
    names = dict(session.exec(select(Operator.id, Operator.username)).all())
    view = rule_set(session, market.rule_set, local(now, market.tz).date())
    return [_rule_lines(rule, market, names) for rule in view.rules]


def _rule_lines(view: RuleView, market: Market, names: dict[int, str]) -> str:
    rule = view.rule
    band = ""
    if rule.age_from is not None or rule.age_to is not None:
        band = f" ages {rule.age_from or 0}-{rule.age_to if rule.age_to is not None else ''}"
    lines = [
        f"#{rule.id} {rule.kind} ({rule.authority}){band}: {_figure(rule, market)}, "
        f"from {rule.effective_from.isoformat()}, {view.state}",
        f"    {rule.law}",
        f"    source: {rule.source}",
    ]
    lines += [
        f"    {local(change.at, market.tz):%d %b %Y %H:%M} {change.action} by "
        f"{names.get(change.operator_id, '?')}: {change.reason}"
        for change in view.changes
    ]
    return "\n".join(lines)


def _figure(rule: LabourRule, market: Market) -> str:
    if rule.kind == "night":
        return f"no work {rule.night_from}-{rule.night_to}" if rule.night_from else "lifted"
    if rule.value is None:
        return "lifted"
    if rule.kind == "minimum_wage":
        return f"{format_money(rule.value, market.currency)}/hr"
    if rule.kind in ("minimum_age", "school_leaving"):
        return f"{rule.value} years"
    return f"{rule.value} min"
