"""An hourly rate in a text ("£13.50/hr", "@14", "15 an hour") as integer minor units."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_CURRENCY = {
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "quid": "GBP",
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "bucks": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    # A worker's home money, said by habit: a rate here is never in it ("12,50 zł", "60 lei").
    "zl": "PLN",
    "zlotych": "PLN",
    "pln": "PLN",
    "lei": "RON",
    "ron": "RON",
    "reais": "BRL",
    "brl": "BRL",
}
_AMOUNT = r"(?P<amount>[0-9]{1,4}(?:[.,][0-9]{1,2})?)(?![0-9])"
_PER_HOUR = (
    r"(?:\s*(?:/\s*(?:hour|hr|h)(?![a-z])|p\s*/?\s*h(?![a-z])|p\.h\.?|phr(?![a-z])"
    r"|per\s*(?:hour|hr|h)(?![a-z])|an?\s+(?:hour|hr)(?![a-z])|hourly(?![a-z])))?"
)
_NOT_A_TIME = r"(?!\s*(?:[ap]\.?m(?![a-z])|[-:]|to(?![a-z])|till?(?![a-z])|until(?![a-z])))"
_PENCE = (
    r"(?P<pence>[0-9]{2})(?![0-9])"
    r"(?!\s*(?:[ap]\.?m(?![a-z])|[-:.]|to(?![a-z])|till?(?![a-z])|until(?![a-z])))"
)
_PATTERNS = (
    # Pounds and pence said apart: "13 pounds fifty", "12 libras con 50", "£12 and 50p"
    re.compile(
        r"(?<![0-9.,:/-])(?P<amount>[0-9]{1,3})\s*(?P<sym>pounds?|quid|dollars?|bucks|euros?)\s+"
        rf"(?:(?:and|con|with)\s+)?{_PENCE}(?:\s*(?:p|pence|cents?|groszy|gr|bani)(?![a-z]))?"
        rf"(?!\s*(?:[ap]\.?m|h|hrs?|hours?|mins?|minutes?)(?![a-z])){_PER_HOUR}"
    ),
    re.compile(
        rf"(?P<sym>[£$€])\s*(?P<amount>[0-9]{{1,3}})\s+(?:and\s+)?{_PENCE}\s*(?:p|pence|cents?)"
        rf"(?![a-z]){_PER_HOUR}"
    ),
    # "twelve fifty an hour" (read as "12 50 an hour"); never after a word that starts a time
    re.compile(
        r"(?<![0-9.,:/-])(?<!from\s)(?<!at\s)(?<!to\s)(?<!till\s)(?<!until\s)"
        r"(?P<amount>[5-9]|[1-3][0-9])\s+(?P<pence>[1-9]0|25|75)\s*"
        r"(?:an?\s+(?:hour|hr)|per\s*(?:hour|hr|h)|/\s*(?:hour|hr|h)|ph|p/h|hourly)(?![a-z])"
    ),
    # "£13.50", "GBP 13", "£13.50/hr"
    re.compile(rf"(?P<sym>[£$€]|(?<![a-z])(?:gbp|usd|eur)(?![a-z]))\s*{_AMOUNT}{_PER_HOUR}"),
    # "13.50£", "13 quid", "15 dollars an hour"
    re.compile(
        rf"(?<![0-9.,]){_AMOUNT}\s*(?P<sym>[£$€]|(?:gbp|usd|eur|pounds?|quid|dollars?|bucks"
        rf"|euros?|zl|zlotych|pln|lei|ron|reais|brl)(?![a-z])){_PER_HOUR}"
    ),
    # "@14", "@ £14"
    re.compile(rf"@\s*(?P<sym>[£$€])?\s*{_AMOUNT}{_NOT_A_TIME}{_PER_HOUR}"),
    # "15 an hour", "15ph", "15/hr"
    re.compile(rf"(?<![0-9.,:/-]){_AMOUNT}" + _PER_HOUR.removesuffix("?")),
)
_BARE_DECIMAL = re.compile(
    r"(?<![0-9.,:/£$€@-])(?P<amount>[0-9]{1,3}[.,][0-9]{2})(?![0-9.,:/-])"
    r"(?!\s*(?:[ap]\.?m|[ap]|h|hrs?|hours?)(?![a-z]))"
)
_BARE_NUMBER = re.compile(r"(?<![0-9.,:/-])(?P<amount>[0-9]{1,4}(?:[.,][0-9]{1,2})?)(?![0-9])")

_POUNDS_THEN_PENCE = re.compile(r"^\W*([0-9]{1,3})\s+(?:(?:and|con|y|e|i|si|&)\s+)?([0-9]{2})\W*$")

MAX_RATE_MINOR = 99_999  # nobody sells an hour for 1000 or more; such a number is something else


@dataclass(frozen=True)
class Rate:
    """An hourly rate in minor units, with the currency only when the text named one."""

    minor: int
    currency: str | None = None


def minor_units(amount: str) -> int | None:
    """ "13.5" -> 1350; None for zero, too much, or not a number. Decimal, never float."""
    try:
        value = int(Decimal(amount.replace(",", ".")) * 100)
    except InvalidOperation:
        return None
    return value if 0 < value <= MAX_RATE_MINOR else None


def find_rate(s: str) -> tuple[Rate | None, str]:
    """A rate marked as money (symbol, currency word, "@" or "an hour") and s without it."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(s):
            pence = m.groupdict().get("pence")
            minor = minor_units(m.group("amount") + (f".{pence}" if pence else ""))
            if minor is None:
                continue
            sym = m.groupdict().get("sym")
            return Rate(minor, _CURRENCY.get(sym) if sym else None), _blank(s, m)
    return None, s


def find_bare_decimal(s: str) -> tuple[Rate | None, str]:
    """A lone "13.50": read as a rate only once the times are taken out of the text."""
    for m in _BARE_DECIMAL.finditer(s):
        minor = minor_units(m.group("amount"))
        if minor is not None:
            return Rate(minor), _blank(s, m)
    return None, s


def find_amount(s: str) -> Rate | None:
    """Any rate at all, a bare "14" included: for RATE, where the command says it is money."""
    rate, _ = find_rate(s)
    if rate is not None:
        return rate
    apart = _POUNDS_THEN_PENCE.search(s)
    if apart is not None:
        # "RATE 12 50", "twelve fifty" (read as "12 50"): where money is meant, pounds then pence
        return Rate(int(apart.group(1)) * 100 + int(apart.group(2)))
    m = _BARE_NUMBER.search(s)
    minor = minor_units(m.group("amount")) if m else None
    return Rate(minor) if minor is not None else None


def _blank(s: str, m: re.Match[str]) -> str:
    return f"{s[: m.start()]} {s[m.end() :]}"
