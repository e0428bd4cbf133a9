"""UK postcodes and US ZIP codes."""

from __future__ import annotations

import re
from collections.abc import Sequence

_UK_FULL = re.compile(r"(?<![a-z0-9])([a-z]{1,2}[0-9][a-z0-9]?)\s*([0-9][a-z]{2})(?![a-z0-9])")
_UK_OUTWARD = re.compile(r"[a-z]{1,2}[0-9][a-z0-9]?")
_ZIP = re.compile(r"(?<![0-9])([0-9]{5})(?:-[0-9]{4})?(?![0-9])")


def find_postcode(s: str) -> str | None:
    """A full UK postcode in folded text, spaced and upper-cased: "sw1a1aa" -> "SW1A 1AA"."""
    m = _UK_FULL.search(s)
    return f"{m.group(1)} {m.group(2)}".upper() if m else None


def is_full_postcode(s: str) -> bool:
    return _UK_FULL.fullmatch(s.strip()) is not None


def find_outward_code(tokens: Sequence[str]) -> str | None:
    """The first token that is a postcode district on its own: "RATES cleaning E1" -> "E1"."""
    for token in tokens:
        if _UK_OUTWARD.fullmatch(token):
            return token.upper()
    return None


def find_zip(s: str) -> str | None:
    """A US ZIP code, ZIP+4 cut to its first five digits."""
    m = _ZIP.search(s)
    return m.group(1) if m else None


def place_in(s: str) -> dict[str, str | None]:
    """The postcode (full, or its district alone) or the ZIP code a folded text gives."""
    zip_code = find_zip(s)
    postcode = find_postcode(s)
    if postcode is None and zip_code is None:
        postcode = find_outward_code([w.strip(".,!?;:()") for w in s.split()])
    return {"postcode": postcode, "zip": zip_code if postcode is None else None}


# How far a worker will go: "within 5 miles", "nothing over 5 miles", "8 km max".
TRAVEL = re.compile(
    # "nothing over 5 miles", "no jobs further than 5 miles": the furthest they will go
    r"(?<![a-z])(?:travel|go|come|within|up\s+to|max|maximum|only|until|till|do"
    r"|(?:no|nothing|none)\s+(?:\w+\s+)?(?:over|more\s+than|further\s+than|farther\s+than))"
    r"\s+(?:\w+\s+){0,3}?"
    r"(?P<miles>[0-9]{1,3})\s*(?P<unit>miles?|mi|km|kilometres?|kilometers?)(?![a-z])"
    r"|(?<![a-z])(?P<miles2>[0-9]{1,3})\s*(?P<unit2>miles?|mi|km)\s+(?:max|maximum|radius|away)(?![a-z])"
    # "10 miles" alone, as the answer to "How far will you travel?", or beside free time
    r"|(?<![a-z0-9.,:£$€-])(?P<miles3>[0-9]{1,3})\s*(?P<unit3>miles?|km)(?![a-z])"
    r"(?!\s+(?:from|to|outside|north|south|east|west|of)(?![a-z]))"
)


def miles_said(m: re.Match[str]) -> int:
    """The miles a TRAVEL match says, kilometres made miles."""
    miles = int(m.group("miles") or m.group("miles2") or m.group("miles3"))
    unit = m.group("unit") or m.group("unit2") or m.group("unit3")
    return round(miles / 1.609) if unit.startswith("k") else miles
