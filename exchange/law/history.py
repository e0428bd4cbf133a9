"""Rule sets for the console: each rule with its source, state and history; admins add to them.

A change of law is a new row from a date; a row not yet in force may be withdrawn. Every change
is recorded with the operator and the reason (RuleChange).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from exchange.audit import audit
from exchange.errors import Refused
from exchange.operators import require
from store.models import LabourRule, Market, Operator, RuleChange, SettingChange
from store.statuses import OperatorRole

KINDS = (
    "minimum_wage",
    "minimum_age",
    "school_leaving",
    "week",
    "day",
    "rest",
    "break",
    "night",
)
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class RuleView:
    """One row: "in force", "from <date>" (still to come), "replaced" or "withdrawn"."""

    rule: LabourRule
    state: str
    changes: tuple[RuleChange, ...]


@dataclass(frozen=True)
class RuleSetView:
    name: str
    markets: tuple[str, ...]
    rules: tuple[RuleView, ...]


def rule_set_names(session: Session) -> list[str]:
    return sorted(set(session.exec(select(LabourRule.rule_set))))


def rule_sets(session: Session, today: date) -> list[RuleSetView]:
    """Every rule set with the markets using it, each rule's state on `today` and its history."""
    return [rule_set(session, name, today) for name in rule_set_names(session)]


def rule_set(session: Session, name: str, today: date) -> RuleSetView:
    rows = session.exec(
        select(LabourRule)
        .where(LabourRule.rule_set == name)
        .order_by(LabourRule.kind, LabourRule.authority, col(LabourRule.effective_from).desc())
    ).all()
    changes: dict[int, list[RuleChange]] = {}
    for change in session.exec(
        select(RuleChange)
        .join(LabourRule, col(LabourRule.id) == RuleChange.rule_id)
        .where(LabourRule.rule_set == name)
        .order_by(RuleChange.at)
    ):
        changes.setdefault(change.rule_id, []).append(change)
    markets = session.exec(select(Market.name).where(Market.rule_set == name).order_by(Market.name))
    return RuleSetView(
        name,
        tuple(markets),
        tuple(
            RuleView(row, _state(row, rows, today), tuple(changes.get(row.id, []))) for row in rows
        ),
    )


def _state(row: LabourRule, rows: list[LabourRule], today: date) -> str:
    if row.withdrawn_at is not None:
        return "withdrawn"
    if row.effective_from > today:
        return f"from {row.effective_from.isoformat()}"
    newer = [
        other
        for other in rows
        if other.withdrawn_at is None
        and (other.kind, other.authority, other.age_from, other.age_to)
        == (row.kind, row.authority, row.age_from, row.age_to)
        and row.effective_from < other.effective_from <= today
    ]
    return "replaced" if newer else "in force"


def add_rule(
    session: Session,
    operator: Operator,
    rule: LabourRule,
    reason: str,
    now: datetime,
) -> LabourRule:
    """An admin adds a row (a new figure from a date); refused when it cannot be read as law."""
    require(operator, OperatorRole.ADMIN)
    if not reason.strip():
        raise Refused("no_reason", "Say why the rule changes")
    _check(rule)
    rule.id, rule.withdrawn_at, rule.created_at = None, None, now
    session.add(rule)
    session.flush()
    session.add(
        RuleChange(rule_id=rule.id, action="added", operator_id=operator.id, reason=reason, at=now)
    )
    audit(session, operator.id, "rule_added", f"rule:{rule.id}", _described(rule, reason), now)
    return rule


def new_figure(
    session: Session,
    operator: Operator,
    rule_id: int,
    value: int | None,
    effective_from: date,
    source: str,
    reason: str,
    now: datetime,
) -> LabourRule:
    """An admin gives a rule a new figure from a date: a new row of the same kind, authority
    and band (None lifts the limit), added with `add_rule`."""
    base = session.get(LabourRule, rule_id)
    if base is None or base.withdrawn_at is not None:
        raise Refused("no_rule", "No such rule")
    fields = base.model_dump(exclude={"id", "withdrawn_at", "created_at", "note"})
    rule = LabourRule(
        **(fields | {"value": value, "effective_from": effective_from, "source": source})
    )
    return add_rule(session, operator, rule, reason, now)


def withdraw_rule(
    session: Session, operator: Operator, rule_id: int, reason: str, now: datetime, today: date
) -> LabourRule:
    """An admin withdraws a row entered in error, only before it takes effect."""
    require(operator, OperatorRole.ADMIN)
    rule = session.get(LabourRule, rule_id)
    if rule is None or rule.withdrawn_at is not None:
        raise Refused("no_rule", "No such rule")
    if rule.effective_from <= today:
        raise Refused(
            "in_force", "A rule already in force is changed by adding a new row from a date"
        )
    if not reason.strip():
        raise Refused("no_reason", "Say why the rule is withdrawn")
    rule.withdrawn_at = now
    session.add(rule)
    session.add(
        RuleChange(
            rule_id=rule.id, action="withdrawn", operator_id=operator.id, reason=reason, at=now
        )
    )
    audit(session, operator.id, "rule_withdrawn", f"rule:{rule.id}", _described(rule, reason), now)
    return rule


def set_market_rules(
    session: Session,
    operator: Operator,
    market_id: int,
    now: datetime,
    rule_set: str | None = None,
    requires_right_to_work: bool | None = None,
) -> Market:
    """An admin chooses a market's rule set, or whether it needs a checked right to work."""
    require(operator, OperatorRole.ADMIN)
    market = session.get(Market, market_id)
    if market is None:
        raise Refused("no_market", "No such market")
    if rule_set is not None and rule_set not in rule_set_names(session):
        raise Refused("no_rule_set", f"Rule sets: {', '.join(rule_set_names(session))}")
    for field, value in (
        ("rule_set", rule_set),
        ("requires_right_to_work", requires_right_to_work),
    ):
        if value is None or getattr(market, field) == value:
            continue
        session.add(
            SettingChange(
                market_id=market.id,
                field=field,
                old_value=str(getattr(market, field)),
                new_value=str(value),
                operator_id=operator.id,
                at=now,
            )
        )
        audit(
            session,
            operator.id,
            "setting",
            f"market:{market.id}:{field}",
            f"{getattr(market, field)} -> {value}",
            now,
        )
        setattr(market, field, value)
    session.add(market)
    return market


def _described(rule: LabourRule, reason: str) -> str:
    band = (
        f" ages {rule.age_from or ''}-{rule.age_to or ''}" if rule.age_from or rule.age_to else ""
    )
    return (
        f"{rule.rule_set} {rule.authority} {rule.kind}{band} {rule.value} "
        f"from {rule.effective_from.isoformat()}: {reason}"
    )


def _check(rule: LabourRule) -> None:
    if rule.kind not in KINDS:
        raise Refused("bad_kind", f"A rule is one of: {', '.join(KINDS)}")
    if not (rule.rule_set.strip() and rule.authority.strip()):
        raise Refused("bad_rule", "A rule needs its rule set and the authority that makes it")
    if not (rule.law.strip() and rule.source.strip()):
        raise Refused("no_source", "Every figure needs its law and its source beside it")
    if rule.value is not None and rule.value < 0:
        raise Refused("bad_value", "A figure cannot be negative")
    if rule.age_from is not None and rule.age_to is not None and rule.age_from > rule.age_to:
        raise Refused("bad_band", "An age band runs from the lower age to the higher")
    if (
        rule.kind == "night"
        and rule.night_from is not None
        and not (CLOCK.match(rule.night_from) and CLOCK.match(rule.night_to or ""))
    ):
        raise Refused("bad_time", "Night runs between two times of day, e.g. 22:00 and 06:00")
    if rule.kind == "week" and rule.value is not None:
        days = rule.period_days or 0
        if days < 7 or days % 7 or (not rule.rolling and days != 7):
            raise Refused(
                "bad_period", "A week limit counts whole weeks: 7 days, or more when rolling"
            )
    if rule.kind == "break" and rule.value is not None and rule.over_minutes is None:
        raise Refused("bad_break", "A break rule says the shift length it applies over")
