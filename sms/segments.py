"""SMS segment arithmetic: which encoding a text needs and how many segments it costs.

Counts follow 3GPP TS 23.038 / 23.040 as carriers bill them: GSM-7 holds 160 septets in a
single message and 153 per part once concatenated (the user data header takes the rest);
UCS-2 holds 70 UTF-16 code units, 67 per part. A character is never split across parts: an
extension-table character (two septets) or a surrogate pair (an emoji outside the BMP) that
would straddle a boundary moves whole to the next part, as handsets and Twilio do.
"""

from __future__ import annotations

import unicodedata

GSM7 = "GSM-7"
UCS2 = "UCS-2"

# The GSM 03.38 default alphabet, in code order 0x00-0x7F, without 0x1B (the escape to the
# extension table, which is never a character of its own).
GSM7_BASIC: frozenset[str] = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)

# The extension table: each costs two septets (escape + code). \f is form feed (0x1B 0x0A).
GSM7_EXTENDED: frozenset[str] = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67

ELLIPSIS = "..."

_TO_GSM = str.maketrans(
    {
        "\u2018": "'",  # left single quote
        "\u2019": "'",  # right single quote, the apostrophe phones insert
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u2039": "'",
        "\u203a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',  # double prime
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u2026": "...",
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",  # narrow no-break space (French number and time formats)
        "\t": " ",
        "\u200b": "",  # zero-width space
        "\u00ad": "",  # soft hyphen
        "\ufeff": "",  # byte order mark / zero-width no-break space
    }
)


def encoding(text: str) -> str:
    """Return "GSM-7" when every character is in the GSM 03.38 alphabet, else "UCS-2"."""
    for ch in text:
        if ch not in GSM7_BASIC and ch not in GSM7_EXTENDED:
            return UCS2
    return GSM7


def _units(text: str, enc: str) -> list[int]:
    """Cost of each character: septets for GSM-7, UTF-16 code units for UCS-2."""
    if enc == GSM7:
        return [2 if ch in GSM7_EXTENDED else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def segments(text: str) -> int:
    """Number of SMS segments `text` is sent as (an empty text is one segment)."""
    enc = encoding(text)
    units = _units(text, enc)
    single, part = (GSM7_SINGLE, GSM7_PART) if enc == GSM7 else (UCS2_SINGLE, UCS2_PART)
    if sum(units) <= single:
        return 1
    count, used = 1, 0
    for cost in units:
        if used + cost > part:
            count, used = count + 1, 0
        used += cost
    return count


def fit(text: str, max_segments: int = 2) -> str:
    """Return `text` if it fits in `max_segments`, else cut it at a word and end it with "...".

    A last guard for replies: templates should already fit. When the only word boundary would
    throw away more than half of what fits, the cut is made mid-word instead.
    """
    if max_segments < 1:
        raise ValueError("max_segments must be at least 1")
    if segments(text) <= max_segments:
        return text
    # Segment count never falls as a prefix grows, so search for the longest prefix that fits.
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if segments(text[:mid] + ELLIPSIS) <= max_segments:
            lo = mid
        else:
            hi = mid - 1
    head = text[:lo]
    if lo < len(text) and not text[lo].isspace():
        space = max(head.rfind(" "), head.rfind("\n"))
        if space >= lo // 2:
            head = head[:space]
    return head.rstrip(" \n\r,;:-") + ELLIPSIS


def to_gsm(text: str) -> str:
    """Replace look-alike punctuation and spaces that would force UCS-2 with GSM-7 ones.

    Letters are left alone (changing them changes words); an emoji still forces UCS-2.
    """
    return text.translate(_TO_GSM)


# Letters NFKD does not take apart, said in the GSM-7 alphabet.
_PLAIN_LETTERS = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "ı": "i"}


def to_plain_gsm(text: str) -> str:
    """`text` in the GSM-7 alphabet alone: accents the alphabet lacks taken off ("ł" -> "l",
    "ș" -> "s", "ã" -> "a"), anything else it cannot hold (an emoji) left out.

    For a text that would not fit two segments as UCS-2: the words stay whole and readable.
    """
    out = []
    for ch in to_gsm(text):
        if ch in GSM7_BASIC or ch in GSM7_EXTENDED:
            out.append(ch)
            continue
        plain = _PLAIN_LETTERS.get(ch) or "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        out.append("".join(c for c in plain if c in GSM7_BASIC or c in GSM7_EXTENDED))
    return "".join(out)
