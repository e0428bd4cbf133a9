"""Quiet hours: a worker's night is not for offers that could wait until the morning."""

from datetime import datetime, time, timedelta

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
