"""Our own texts pasted back with the answer ("Work: care at ... Reply Y 4821 ... Open till 09:00.
YES"): found by the words we sent them in, in every language we write, so the answer is read alone
and takes the reference the pasted text carries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from sms import catalogs
from sms.parsing.lexicon import fold

# The texts that carry an offer's or a booking's reference for the worker to answer.
_ANSWERED = ("offer", "confirm_decline", "confirm_drop", "booked")
# Anything else that looks like an offer with its answer ("> POEMS: care Sat ... Reply Y 8810"):
# its reference, and the pasted part to take out.
_REPLY_WITH = re.compile(
    r"(?i)(?:reply|text|responde|responda|odpisz|odpowiedz|napisz|r[aă]spunde|trimite)\s+"
    r"(?:y|yes|s[ií]|sim|s|t|tak|da|d)\s+#?([0-9]{3,8})"
)
_PASTED_PART = re.compile(
    # Ours between quote marks, then as a quoted line, then as we wrote it.
    r"(?is)[\"“”„«»][^\"“”„«»]{20,}[\"“”„«»]|(?:^|\n)\s*>[^\n]*|(?:poems\s*:|work\s*:|praca\s*:|trabajo\s*:|trabalho\s*:"
    r"|lucru\s*:)[^.]*(?:\.[^.]*?)*?(?:to\s+pass|open\s+till\s+[0-9:]+|(?:reply|responde|responda"
    r"|odpisz|odpowiedz|r[aă]spunde)\s+\S+\s+#?[0-9]{3,8}(?:(?!\s[-–—]{1,2}\s)[^.\n])*)\.?"
)
# An iPhone's reaction to one of our texts, sent on as a text of its own: 'Liked "Work: ..."',
# 'Reacted 👍 to "..."', 'Le gustó "..."'. The reaction is the answer; the quote says to which.
_REACTION = re.compile(
    r"(?i)^\s*(?:(?P<verb>liked|loved|disliked|laughed\s+at|emphasi[sz]ed|questioned|le\s+gust[oó]"
    r"|le\s+encant[oó]|no\s+le\s+gust[oó]|curtiu|amou|n[aã]o\s+curtiu)|reacted\s+(?P<emoji>\S+)\s+to)"
    r"\s+[\"“”„«]"
)
_REACTIONS = {
    "liked": "👍",
    "le gusto": "👍",
    "curtiu": "👍",
    "disliked": "👎",
    "no le gusto": "👎",
    "nao curtiu": "👎",
    "loved": "❤️",
    "le encanto": "❤️",
    "amou": "❤️",
    "laughed at": "😂",
    "emphasized": "‼️",
    "emphasised": "‼️",
    "questioned": "?",
}
_FIELD = re.compile(r"\{(\w+)\}")
_QUOTE_MARK = re.compile(r"(?m)^[ \t]*>[ \t]?")


def reaction(body: str) -> tuple[str | None, str] | None:
    """A reaction to a text of ours, as its emoji ('Liked "..."' is 👍) with the offer's
    reference when the text reacted to is an offer; None when the text is no reaction."""
    m = _REACTION.match(body)
    if m is None:
        return None
    said = m["emoji"] or _REACTIONS[" ".join(fold(m["verb"]).split())]
    # To an offer, the reaction answers that offer; to a booking, it is thanks.
    quoted = fold(body[m.end() :])
    return next((found["ref"] for kind, found in _found(quoted) if kind == "offer"), None), said


def unquote(body: str) -> tuple[str | None, str]:
    """The reference a pasted text of ours carries, and the text without it; (None, body) when
    nothing of ours is pasted in."""
    if not _may_hold_ours(body):
        return None, body
    text = _QUOTE_MARK.sub("", fold(body))
    for _, m in _found(text):
        rest = (text[: m.start()] + " " + text[m.end() :]).strip()
        return m.group("ref"), rest or body
    m = _REPLY_WITH.search(body)
    if m is None:
        return None, body
    rest = _PASTED_PART.sub(" ", body)
    return m.group(1), rest if rest.strip() else body


def _may_hold_ours(body: str) -> bool:
    # Ours are long and carry a number to reply with: most texts are neither.
    return len(body) > 40 and any(c.isdigit() for c in body)


def _found(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each text of ours found in `text`: its kind, and how its pattern matched it."""
    for kind, pattern in _patterns():
        m = pattern.search(text)
        if m is not None:
            yield kind, m


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (kind, _pattern(fold(catalogs.template(kind, language))))
        for language in catalogs.languages()
        for kind in _ANSWERED
    )


def _pattern(words: str) -> re.Pattern[str]:
    """Our words with each field as a short run of anything and the first reference captured.
    All up to that reference must be there; the rest may have been cut off."""
    head: list[str] = []
    tail: list[str] = []
    into = head
    for i, part in enumerate(_FIELD.split(words)):
        if i % 2 == 0:
            into.append(r"\s*" + r"\s+".join(re.escape(word) for word in part.split()) + r"\s*")
        elif part == "ref" and into is head:
            head.append(r"#?(?P<ref>[0-9]{3,8})")
            into = tail
        else:
            into.append(r"#?[0-9]{3,8}" if part == "ref" else r"[^\n]{0,120}?")
    return re.compile("".join(head) + "(?:" + "".join(tail) + ")?")
