"""Money in integer minor units; formatting is the only place a decimal point appears."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from exchange.errors import Refused

SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


def format_money(minor: int, currency: str) -> str:
    """1350, GBP -> '£13.50'."""
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 100)
    symbol = SYMBOLS.get(currency, currency + " ")
    return f"{sign}{symbol}{whole}.{part:02d}"


def parse_money(text: str) -> int:
    """'14.50' or '£14.50' -> 1450 minor units; refuse anything that is not an amount."""
    cleaned = text.strip().lstrip("£$€").replace(",", "")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:
        raise Refused("bad_amount", f"{text!r} is not an amount of money") from error
    if not amount.is_finite() or amount < 0:
        raise Refused("bad_amount", f"{text!r} is not an amount of money")
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pay_for_minutes(rate_minor: int, minutes: int) -> int:
    """What `minutes` of work at an hourly rate comes to, rounded half up to the minor unit."""
    return (rate_minor * minutes + 30) // 60
