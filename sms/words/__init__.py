"""Reply words in English, one module per area of the exchange, merged here by notice kind.

English is the source language; sms.catalogs holds every other language's words.
"""

from sms.words import (
    asks,
    consent,
    data,
    day,
    disputes,
    law,
    money,
    offers,
    pieces,
    refusals,
    signup,
)

EN: dict[str, str] = {
    **asks.EN,
    **pieces.EN,
    **refusals.EN,
    **offers.EN,
    **signup.EN,
    **day.EN,
    **money.EN,
    **consent.EN,
    **data.EN,
    **law.EN,
    **disputes.EN,
}
