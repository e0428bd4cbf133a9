"""Texts no command should be read from: code someone pasted in, and scripts we cannot read.

Such a text is "unknown", so a person reads it; nothing is acted on because of it.
"""

from __future__ import annotations

import re
import unicodedata

from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text

# SQL, template and script injection: the shapes that never occur in a worker's text.
_CODE = re.compile(
    r"(?:'|\"|;)\s*(?:drop|delete|insert|update|select|union|alter|truncate|exec)\s+"
    r"|(?<![a-z])(?:drop|delete|truncate|alter)\s+(?:table|from|database)(?![a-z])"
    r"|(?<![a-z])(?:select\s+.+\s+from|insert\s+into|union\s+select)(?![a-z])"
    r"|--\s*$|/\*|\*/|\bor\s+1\s*=\s*1\b|'\s*or\s*'|\{\{|\}\}|\{%|\$\{|<\s*/?\s*script|javascript:"
    r"|<\?php|\beval\s*\(|\bsleep\s*\(|\bwaitfor\s+delay\b|\.\./\.\./|%[0-9a-f]{2}%[0-9a-f]{2}"
    # Instructions to a machine, not a message to the exchange.
    r"|ignore\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier)\s+instructions"
    r"|system\s+prompt|you\s+are\s+now\s+(?:a|an|in)\b|\bmark\s+(?:all\s+)?my\s+\w+\s+as\s+paid",
    re.IGNORECASE,
)
_LATIN = frozenset(("LATIN", "COMMON", "INHERITED"))


def hostile(t: Text, ctx: Context) -> Parsed | None:
    """Code pasted into a text, a NUL byte, or words in a script none of our languages writes."""
    if t.raw_nul:
        return Parsed("unknown")
    if _CODE.search(t.original):
        return Parsed("unknown")
    if _unread_words_inside(t.original):
        return Parsed("unknown")
    return None


def _unread_words_inside(s: str) -> bool:
    """Words in a script we do not read, with our words on both sides of them ("привет free 明天
    9-5"): part of what the text says is unread. One at either end is a greeting or a thanks."""
    words = s.split()
    unread = [_foreign_letters(word) >= 2 for word in words]
    if not any(unread):
        return False
    inside = unread[:]
    while inside and inside[0]:
        inside.pop(0)
    while inside and inside[-1]:
        inside.pop()
    return any(inside) or sum(unread) * 2 >= len(unread)


def _foreign_letters(s: str) -> int:
    """Letters outside the Latin script (Cyrillic, Han, Arabic...): we read none of them."""
    count = 0
    for ch in s:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name and name.split(" ", 1)[0] not in _LATIN:
                count += 1
    return count
