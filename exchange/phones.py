"""Phone numbers in E.164, read with the market's default region."""

import phonenumbers

from exchange.errors import Refused


def to_e164(raw: str, region: str = "GB") -> str:
    """Normalise a number as people write it; refuse one that cannot be a real phone."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise Refused("bad_phone", f"{raw!r} is not a phone number") from error
    if not phonenumbers.is_possible_number(number):
        raise Refused("bad_phone", f"{raw!r} is not a phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
