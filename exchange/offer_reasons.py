"""Why an offer went to a worker, kept with the offer as data: their place by the published
ranking rule, out of how many fit, and what they had said when it was made. WHY words it in the
worker's language; staff read it in the console's English."""

import json
from datetime import datetime
from typing import Any

from exchange.localtime import format_day, format_span
from exchange.money import format_money


def offer_reason(
    place: int,
    of: int,
    asked_rate: int,
    window: tuple[datetime, datetime],
    last_booked: datetime | None,
) -> str:
    """Why an offer went to this worker, kept as data (WHY words it in the worker's language):
    their place by the rule, out of how many fit, and what they had said when it was made."""
    return json.dumps(
        {
            "place": place,
            "of": of,
            "asked_rate": asked_rate,
            "free_start": window[0].isoformat(),
            "free_end": window[1].isoformat(),
            "last_booked": last_booked.isoformat() if last_booked else None,
        },
        separators=(",", ":"),
    )


def read_reason(stored: str) -> dict[str, Any]:
    """An offer's stored reason as data; one stored as words before reasons were data is kept
    whole under "words"."""
    try:
        found = json.loads(stored)
    except ValueError:
        return {"words": stored}
    return found if isinstance(found, dict) else {"words": stored}


def reason_for_staff(stored: str, currency: str, tz: str) -> str:
    """An offer's stored reason for staff, in the console's English: "3 of 17 by the rule;
    asked £14.00/hr; free Sat 12 Dec 09:00-17:00; last booked Mon 7 Dec"."""
    found = read_reason(stored)
    if "words" in found:
        return found["words"]
    free = format_span(
        datetime.fromisoformat(found["free_start"]), datetime.fromisoformat(found["free_end"]), tz
    )
    last = found.get("last_booked")
    booked = (
        f"last booked {format_day(datetime.fromisoformat(last), tz)}" if last else "never booked"
    )
    return (
        f"{found['place']} of {found['of']} by the rule; asked "
        f"{format_money(found['asked_rate'], currency)}/hr; free {free}; {booked}"
    )
