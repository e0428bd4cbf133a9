"""Quiet hours: a worker's night is not for offers that could wait until the morning."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from exchange.localtime import local
from store.models import Market

# An offer for a shift this soon goes out even at night: by morning it may be too late.
URGENT = timedelta(hours=12)


def in_quiet_hours(market: Market, now: datetime) -> bool:
    """True between the market's quiet_start and quiet_end, local time (the span may cross midnight)."""
    start, end = _clock(market.quiet_start), _clock(market.quiet_end)
    moment = local(now, market.tz).time()
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


def offers_wait(market: Market, shift_start: datetime, now: datetime) -> bool:
    """Offers for this shift wait for the morning: it is quiet hours and the shift is not urgent."""
    return shift_start - now > URGENT and in_quiet_hours(market, now)


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def quiet_hours_end(market: Market, now: datetime) -> datetime:
    """The next moment (UTC) the market's quiet hours end, from `now`."""
    zone = ZoneInfo(market.tz)
    here = local(now, market.tz)
    end = datetime.combine(here.date(), _clock(market.quiet_end), tzinfo=zone)
    if end <= here:
        end = datetime.combine(here.date() + timedelta(days=1), _clock(market.quiet_end), zone)
    return end.astimezone(UTC)


def offers_go_out_at(market: Market, shift_start: datetime, now: datetime) -> datetime | None:
    """When the first offers for a shift posted `now` go out: None for at once, else the end of
    quiet hours, or sooner if the shift becomes urgent before then."""
    if not offers_wait(market, shift_start, now):
        return None
    return min(quiet_hours_end(market, now), shift_start - URGENT)
