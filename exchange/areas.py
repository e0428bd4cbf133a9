"""Where a worker will travel: postcode or ZIP prefixes, compared without spaces."""

import re

UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$")
US_ZIP = re.compile(r"^([0-9]{5})(?:-[0-9]{4})?$")


def normalise_place(code: str) -> str | None:
    """'e16an' -> 'E1 6AN', 'sw1a' -> 'SW1A', '97201-1234' -> '97201'; None when neither."""
    text = code.strip().upper()
    zip_match = US_ZIP.match(text)
    if zip_match:
        return zip_match.group(1)
    compact = text.replace(" ", "")
    if len(compact) >= 5 and UK_POSTCODE.match(f"{compact[:-3]} {compact[-3:]}"):
        return f"{compact[:-3]} {compact[-3:]}"
    match = UK_POSTCODE.match(compact)
    if match and not match.group(2):
        return match.group(1)
    return None


def home_area(code: str) -> str:
    """The area a worker travels in by default: a UK postcode area (letters) or a 3-digit ZIP prefix."""
    if code[:5].isdecimal():
        return code[:3]
    return re.match(r"[A-Z]+", code).group(0)


def covers(travel_areas: list[str], place: str) -> bool:
    """True when the place's code starts with one of the worker's areas (UK areas match whole letters)."""
    compact = place.replace(" ", "").upper()
    for area in travel_areas:
        prefix = area.replace(" ", "").upper()
        if not compact.startswith(prefix):
            continue
        rest = compact[len(prefix) :]
        # "E" covers "E1" but not "EC1": after an area of letters a digit must follow.
        if prefix.isalpha() and rest[:1].isalpha():
            continue
        return True
    return False
