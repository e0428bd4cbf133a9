"""A market's published settings: each change checked, then recorded with who made it and when."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, col, select

from exchange.audit import audit
from exchange.errors import Refused
from exchange.franchises import concession
from exchange.money import format_money, parse_money
from exchange.operators import require, require_market
from store.models import Concession, Market, Operator, SettingChange
from store.statuses import OperatorRole

CLOCK = re.compile(r"^([01]?\d|2[0-3]):?([0-5]\d)$")


@dataclass(frozen=True)
class Setting:
    """One setting: its label, how staff type it, and how it is shown."""

    field: str
    label: str
    hint: str
    read: Callable[[str, Market, Concession], object]
    show: Callable[[object, Market], str]


def _zone(text: str, market: Market, limits: Concession) -> str:
    try:
        ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise Refused(
            "bad_zone", f"{text!r} is not an IANA time zone, e.g. Europe/London"
        ) from error
    return text.strip()


def _percent(text: str, market: Market, limits: Concession) -> int:
    cleaned = text.strip().rstrip("%").strip()
    try:
        basis_points = parse_money(cleaned)
    except Refused as error:
        raise Refused("bad_markup", f"{text!r} is not a percentage, e.g. 2 or 2.5") from error
    if basis_points > limits.markup_ceiling_bp:
        raise Refused(
            "over_ceiling",
            f"The concession allows a markup of at most {limits.markup_ceiling_bp / 100:g}%",
        )
    return basis_points


def _whole(low: int, high: int, unit: str) -> Callable[[str, Market, Concession], int]:
    def read(text: str, market: Market, limits: Concession) -> int:
        cleaned = text.strip()
        if not cleaned.isdecimal() or not low <= int(cleaned) <= high:
            raise Refused("bad_number", f"Give a whole number of {unit} from {low} to {high}")
        return int(cleaned)

    return read


def _clock(text: str, market: Market, limits: Concession) -> str:
    match = CLOCK.match(text.strip())
    if not match:
        raise Refused("bad_time", f"{text!r} is not a time of day, e.g. 21:00")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _cap(text: str, market: Market, limits: Concession) -> int:
    amount = parse_money(text)
    if not 0 < amount <= limits.booking_cap_minor:
        raise Refused(
            "over_ceiling",
            "The concession caps one booking at "
            f"{format_money(limits.booking_cap_minor, market.currency)}",
        )
    return amount


def _plain(value: object, market: Market) -> str:
    return str(value)


SETTINGS: dict[str, Setting] = {
    s.field: s
    for s in (
        Setting("tz", "Time zone", "IANA zone, e.g. Europe/London", _zone, _plain),
        Setting(
            "markup_bp",
            "Markup %",
            "0 up to the concession's ceiling",
            _percent,
            lambda v, m: f"{int(v) / 100:g}",
        ),
        Setting(
            "offer_window_minutes",
            "Offer window (min)",
            "minutes an offer stays open",
            _whole(1, 1440, "minutes"),
            _plain,
        ),
        Setting("quiet_start", "Quiet hours from", "HH:MM, no texts after", _clock, _plain),
        Setting("quiet_end", "Quiet hours until", "HH:MM", _clock, _plain),
        Setting(
            "daily_text_cap",
            "Texts per day cap",
            "most texts to one worker a day",
            _whole(1, 200, "texts"),
            _plain,
        ),
        Setting(
            "booking_cap_minor",
            "Booking value cap",
            "most one booking may be worth",
            _cap,
            lambda v, m: f"{int(v) // 100}.{int(v) % 100:02d}",
        ),
    )
}


def read_setting(market: Market, field: str, text: str, limits: Concession | None = None) -> object:
    """Check what was typed for one setting against the concession's limits; Refused with the
    reason when it will not do."""
    return SETTINGS[field].read(text, market, limits or Concession())


def shown(market: Market, field: str) -> str:
    """A setting as staff type it."""
    return SETTINGS[field].show(getattr(market, field), market)


def change_settings(
    session: Session, market_id: int, changes: dict[str, str], operator: Operator, now: datetime
) -> list[SettingChange]:
    """Apply typed changes to a market; all or nothing. Admins and the market's franchisee may."""
    require(operator, OperatorRole.ADMIN, OperatorRole.FRANCHISEE)
    require_market(session, operator, market_id)
    market = session.get(Market, market_id)
    if market is None:
        raise Refused("no_market", "No such market")
    limits = concession(session)
    values = {field: read_setting(market, field, text, limits) for field, text in changes.items()}
    made = []
    for field, value in values.items():
        old = getattr(market, field)
        if old == value:
            continue
        setattr(market, field, value)
        change = SettingChange(
            market_id=market.id,
            field=field,
            old_value=str(old),
            new_value=str(value),
            operator_id=operator.id,
            at=now,
        )
        session.add(change)
        audit(
            session, operator.id, "setting", f"market:{market.id}:{field}", f"{old} -> {value}", now
        )
        made.append(change)
    session.add(market)
    session.flush()
    return made


def history(session: Session, market_id: int, limit: int = 50) -> list[tuple[SettingChange, str]]:
    """The market's setting changes, newest first, with the operator's username."""
    rows = session.exec(
        select(SettingChange, Operator.username)
        .join(Operator, col(Operator.id) == SettingChange.operator_id, isouter=True)
        .where(SettingChange.market_id == market_id)
        .order_by(col(SettingChange.id).desc())
        .limit(limit)
    ).all()
    return [(change, username or "?") for change, username in rows]
