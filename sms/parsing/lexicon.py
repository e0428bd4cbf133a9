"""The words the parser knows, one data file per language (sms/parsing/languages/<code>.toml).

Each file maps what people text ("jutro", "no puedo ir", "am ajuns") to the canonical words the
shared reader understands ("tomorrow", "cant make it", "arrived"), so adding a language is adding
a file. A key is folded like the texts (lower case, no accents); a word ending in "*" matches any
ending ("spóźni*" is spóźnię, spóźniona, spóźnimy), and "_" stands for any one word.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType

# Letters NFKD does not take apart: folded by hand so "łódź" meets "lodz".
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})


def fold(s: str) -> str:
    """Lower case without accents or apostrophes: what both texts and vocabulary are matched as."""
    s = unicodedata.normalize("NFKD", s.casefold().translate(_LETTERS))
    return "".join(c for c in s if not unicodedata.combining(c)).replace("'", "")


@dataclass
class _Node:
    """One word of a phrase: the words that may follow, and what the phrase reads as if it ends here."""

    words: dict[str, _Node] = field(default_factory=dict)
    stems: list[tuple[str, _Node]] = field(default_factory=list)  # "spozni*"
    # The stems by their first two letters: a word is tried against a handful, not hundreds.
    stems_by_head: dict[str, list[tuple[str, _Node]]] = field(default_factory=dict)
    any: _Node | None = None  # "_"
    canonical: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class Found:
    """A phrase of the vocabulary found in a text: words [start, end) read as `canonical`."""

    start: int
    end: int
    canonical: str
    key: str  # the vocabulary entry, for explaining a reading


class Phrases:
    """Phrases of a language, matched longest first at each word."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self.root = _Node()
        for key, canonical in entries.items():
            node = self.root
            # Texts are read as words of letters, so a key is too: "n-am" is "n" "am".
            for word in re.findall(r"[a-z0-9*_]+", fold(key)):
                node = self._child(node, word)
            node.canonical, node.key = canonical, key

    @staticmethod
    def _child(node: _Node, word: str) -> _Node:
        if word == "_":
            node.any = node.any or _Node()
            return node.any
        if word.endswith("*") and len(word) > 1:
            stem = word[:-1]
            for known, child in node.stems:
                if known == stem:
                    return child
            child = _Node()
            node.stems.append((stem, child))
            same_head = node.stems_by_head.setdefault(stem[:2], [])
            same_head.append((stem, child))
            # Longer stems first, as every stem is tried in that order: "spozni*" before "spoz*".
            same_head.sort(key=lambda pair: -len(pair[0]))
            return child
        return node.words.setdefault(word, _Node())

    def longest(self, words: Sequence[str], start: int) -> Found | None:
        """The longest phrase that begins at words[start]; of two as long, the one spelled out."""
        if not self._may_begin(words[start]):
            return None  # most words of most texts begin no phrase: say so at once
        best: tuple[int, int, _Node] | None = None  # end, words matched by a stem or "_", node
        stack = [(self.root, start, 0)]
        while stack:
            node, i, loose = stack.pop()
            longer = best is None or i > best[0] or (i == best[0] and loose < best[1])
            if node.canonical is not None and i > start and longer:
                best = (i, loose, node)
            if i >= len(words):
                continue
            word = words[i]
            if word in node.words:
                stack.append((node.words[word], i + 1, loose))
            for head in (word[:2], word[:1]) if len(word) > 1 else (word,):
                for stem, child in node.stems_by_head.get(head, ()):
                    if word.startswith(stem):
                        stack.append((child, i + 1, loose + 1))
            if node.any is not None:
                stack.append((node.any, i + 1, loose + 1))
        if best is None:
            return None
        end, _, node = best
        return Found(start, end, node.canonical or "", node.key or "")

    def _may_begin(self, word: str) -> bool:
        root = self.root
        return (
            word in root.words
            or root.any is not None
            or any(
                word.startswith(stem)
                for head in (word[:2], word[:1])
                for stem, _ in root.stems_by_head.get(head, ())
            )
        )

    def scan(self, words: Sequence[str]) -> list[Found]:
        """Every phrase in the words, left to right, longest first, none overlapping."""
        found = []
        i = 0
        while i < len(words):
            hit = self.longest(words, i)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.end
        return found


@dataclass(frozen=True)
class Language:
    """One language's data: its names, its letters, and its phrases read as canonical words."""

    code: str
    name: str  # in English: "Polish"
    native: str  # in itself: "polski"
    locale: str  # for Babel when the market's region has no locale of this language
    letters: frozenset[str]  # letters that in our languages only this one writes
    names: tuple[str, ...]  # how people name the language: "po polsku", "espanol"
    phrases: Phrases
    known: frozenset[str]  # words read as they are (English: the reader's own words)
    common: frozenset[str]  # everyday words that show the language ("el", "się", "și")
    mend: frozenset[str]  # words a typo is mended to ("avialable" -> "available")
    separators: tuple[str, ...]  # between two clock times: "do", "a", "la", "as"
    joins: tuple[str, ...]  # "and" between two clock times after "between": "a" in "między 9 a 17"
    carrier: tuple[str, ...]  # opt-out words a carrier honours in this language
    commands: Mapping[str, str]  # the words replies tell a worker to send: {"DROP": "ANULUJ"}


def _entries(data: Mapping[str, object]) -> dict[str, str]:
    """Every phrase table of a language file flattened: {"jutro": "tomorrow", ...}."""
    entries: dict[str, str] = {}
    for topic, table in data.items():
        if isinstance(table, Mapping) and topic != "commands":
            for key, canonical in table.items():
                if not isinstance(canonical, str):
                    raise ValueError(f"{topic}.{key}: a phrase reads as words, not {canonical!r}")
                entries[key] = canonical
    return entries


def load(code: str, text: str) -> Language:
    """A language from the text of its data file."""
    data = tomllib.loads(text)
    entries = _entries(data)
    return Language(
        code=code,
        name=data["name"],
        native=data["native"],
        locale=data["locale"],
        letters=frozenset(data.get("letters", "")),
        names=tuple(fold(name) for name in data.get("names", ())),
        phrases=Phrases(entries),
        known=frozenset(fold(word) for word in data.get("known", ())),
        common=frozenset(fold(word) for word in data.get("common", ())),
        mend=frozenset(fold(word) for word in data.get("mend", ())),
        separators=tuple(fold(s) for s in data.get("separators", ())),
        joins=tuple(fold(s) for s in data.get("and", ())),
        carrier=tuple(fold(s) for s in data.get("carrier", ())),
        commands=MappingProxyType(dict(data.get("commands", {}))),
    )


@cache
def languages() -> Mapping[str, Language]:
    """Every language the parser reads, by ISO 639-1 code; English first."""
    folder = resources.files("sms.parsing") / "languages"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: (e.name != "en.toml", e.name)):
        if entry.name.endswith(".toml"):
            code = entry.name.removesuffix(".toml")
            found[code] = load(code, entry.read_text(encoding="utf-8"))
    return MappingProxyType(found)


def supported() -> tuple[str, ...]:
    return tuple(languages())


def separators() -> tuple[str, ...]:
    """Words between two clock times in any language ("9 do 17", "de 9 a 5")."""
    return tuple(sorted({s for lang in languages().values() for s in lang.separators}))


def joins() -> tuple[str, ...]:
    """Words for "and" between two clock times in any language ("między 9 a 17")."""
    return tuple(sorted({s for lang in languages().values() for s in lang.joins}))


def language_named(words: Iterable[str]) -> str | None:
    """The supported language a phrase names ("po polsku", "espanol"), if any."""
    phrase = " ".join(words)
    for lang in languages().values():
        if phrase in lang.names:
            return lang.code
    return None
