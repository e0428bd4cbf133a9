"""Markets an operator may see: their settings as typed, the record of changes, and the labour
rules each trades under with their sources and history."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from exchange.errors import Refused
from exchange.law.history import RuleView, new_figure, rule_set
from exchange.localtime import local
from exchange.money import format_money
from exchange.settings import SETTINGS, change_settings, history, shown
from services.who import Who, operator_of
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


def change_market_settings(
    db: Database, who: Who, market_id: int, typed: dict[str, str], now: datetime
) -> int:
    """A market's settings as typed, all or nothing, recorded with the operator's name; how
    many changed."""
    with db.write() as session:
        return len(change_settings(session, market_id, typed, operator_of(session, who), now))


@dataclass(frozen=True)
class Figure:
    rule_id: int
    effective_from: date


def add_law_figure(
    db: Database,
    who: Who,
    rule_id: int,
    typed: str,
    effective_from: date,
    source: str,
    reason: str,
    now: datetime,
    read_figure: Callable[[str, str], int | None],
) -> Figure:
    """An admin gives a labour rule a new figure from a date, with its source; `read_figure`
    reads the typed figure for the rule's kind (money, hours, an age)."""
    with db.write() as session:
        base = session.get(LabourRule, rule_id)
        if base is None:
            raise Refused("no_rule", f"No rule #{rule_id}")
        made = new_figure(
            session,
            operator_of(session, who),
            rule_id,
            read_figure(typed, base.kind),
            effective_from,
            source.strip(),
            reason.strip(),
            now,
        )
        return Figure(made.id, made.effective_from)
