"""One cleaned-up view of a text, so each matcher sees one spelling of each thing."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from sms.parsing.lexicon import fold
from sms.parsing.reading import read
from sms.parsing.result import shown

# Twilio refuses longer bodies, so anything longer did not come from a phone.
MAX_BODY_CHARS = 1600

_PUNCT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)

_WORD = re.compile(r"[a-z]+|[0-9]+")
_FIRST_WORD = re.compile(r"^[\W_]*[^\W\d_]+")

# A reference right after a command: "4821", "#4821", "ref 4821", "D123".
_NOT_A_REF = (
    r"(?!\s*(?:h|hrs?|hours?|m|mins?|minutes?|days?|weeks?|am|pm|p|pounds?|quid|dollars?"
    r"|euros?|%)(?![a-z]))(?![.,:/][0-9])"
)
_LEAD_REF = re.compile(
    r"^[\s#:,.;=-]*(?:(?:ref(?:erence)?|shift|job|offer|booking|no\.?)(?![a-z])[\s#:.=-]*)?#?\s*"
    # Four digits or more is a reference even before "hours": nobody works 6102 of them.
    r"([a-z]{1,2}[0-9]{1,8}(?![a-z0-9])|[0-9]{4,8}(?![a-z0-9])|[0-9]{1,3}(?![a-z0-9])"
    + _NOT_A_REF
    + ")",
    re.IGNORECASE,
)
_ANY_REF = re.compile(
    r"(?:#\s*|(?<![a-z])(?:ref(?:erence)?|shift|job|offer|booking)\s*#?\s*)([0-9]{1,8})(?![0-9])"
    + _NOT_A_REF
    + r"|(?<![0-9£$€.,:/])([0-9]{4,8})(?![0-9])"
    + _NOT_A_REF
)


def words_of(s: str) -> tuple[str, ...]:
    """Runs of letters and runs of digits: "yes4821" -> ("yes", "4821")."""
    return tuple(_WORD.findall(s))


# Control characters never mean anything in a text; they only break what reads it.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Greetings before what a text says, and sign-offs after it, in canonical words.
_GREETING = re.compile(
    r"^(?:[\s,.!:;-]*(?:(?:hello|hi|hey)\s+there|hello+|hi+|hey+|hiya|heya|yo|howdy"
    # "hiya hun", "hi love": a fond word after the greeting
    r"|(?<=[a-z]\s)(?:hun|hon|hunny|love|luv|babe|mate|pet|darling)(?=[\s,.!]|$)"
    r"|good\s+(?:morning|afternoon|evening|day)|dear\s+\w+|this\s+is\s+[a-z]+"
    r"|its\s+[a-z]+\s*(?=[,.!-])|sorry|so\s+sorry|unfortunately|sadly|apologies"
    # "sorry for the late reply, yes", "just seen this - yes": the delay, before the answer
    r"|(?:for\s+(?:the\s+|my\s+)?|about\s+the\s+)?(?:late|slow|delayed)\s+(?:reply|response|answer)"
    r"|(?:for|about)\s+the\s+delay|(?:i\s+)?(?:only\s+)?just\s+(?:seen|saw|got|read)\s+(?:this|it|that"
    r"|your\s+(?:text|message|msg))|(?:i\s+)?missed\s+(?:your|ur|the|this)\s+(?:text|message|msg|call)"
    r"|but(?=\s+(?:yes|yeah|no|nah|i|ill|im|cant|sure|ok)(?![a-z]))"
    # "thanks for the offer, ill take it", "thanks ill take it": the thanks before an answer
    r"|thanks?(?:\s+(?:you|u))?(?:\s+for\s+(?:the|this|that)\s+(?:offer|text|message|one))?"
    r"(?=\s*[,.!-]|\s+(?:ill|i|yes|yeah|yep|ok|okay|sure|no|nah|cant|count)(?![a-z]))|(?:cheers|thanks?(?:\s+you)?|ta)(?:\s+for\s+the\s+offer)?\s+but(?=\s+no(?![a-z])))"
    r"(?![a-z]))+[\s,.!:;-]*"
)
_HELLO = re.compile(
    r"^\W*(?:hello+|hi+|hey+|hiya|heya|yo|howdy|good\s+(?:morning|afternoon|evening|day))"
)
_SIGN_OFF = re.compile(
    r"(?:[\s,.!:;-]*(?<![a-z])(?:thanks?(?:\s+(?:you|u))?(?:\s+(?:very|so)\s+much)?|thank\s+(?:you|u)"
    r"|thx|thnx|tnx|ty|ta|cheers|x+|xo+|sorry|please|pls|plz|love|luv|hun|hunny|mate|bye|regards"
    r"|kind\s+regards|god\s+bless|bless|see\s+(?:you|u|ya)|cya|lol|haha+|[a-z]+\s+x+)(?![a-z]))+"
    # the sender's name after it: "thanks, ann", "cheers - dave"
    r"(?:\s*[,-]\s*(?!(?:today|tonight|tomorrow|tmrw|mon|tue|wed|thu|fri|sat|sun|yes|no)[a-z]*\W*$)"
    r"[a-z]+)?[\s,.!?:;-]*$"
)


@dataclass(frozen=True)
class Text:
    """A text three ways: as sent (tidied), in canonical words for matching, and as words.

    `language` is the text's own language (None when no word shows one); `entries` are the
    vocabulary entries that turned its words into canonical ones.
    """

    original: str
    norm: str
    words: tuple[str, ...]
    language: str | None = None
    entries: tuple[tuple[str, str, str], ...] = ()
    raw_nul: bool = False  # the text as sent held a NUL: a machine's, not a person's
    evidence: float = 0.0  # how much of the text shows its language (the reader's score)

    @classmethod
    def of(cls, body: str, hint: str | None = None) -> Text:
        tidied = _CONTROL.sub(" ", unicodedata.normalize("NFKC", body).translate(_PUNCT))
        original = " ".join(tidied.split())
        reading = read(original, hint)
        norm = " ".join(reading.canonical.split())
        return cls(
            original,
            norm,
            words_of(norm),
            reading.language,
            reading.entries,
            "\x00" in body,
            reading.evidence,
        )

    def said_as(self, norm: str) -> Text:
        """The same text, its canonical words put as another way of saying them."""
        return replace(self, norm=norm, words=words_of(norm))

    @property
    def shown_language(self) -> str | None:
        """The text's language, when its words show it."""
        return shown(self.language, self.evidence)

    # Worked out once per text, as every matcher asks for them.
    @cached_property
    def phrase(self) -> str:
        return " ".join(self.words)

    @cached_property
    def core(self) -> str:
        """What the text says without its greeting and sign-off: "hi, yes please thanks x" ->
        "yes please"; the whole text when nothing else is left."""
        core = _SIGN_OFF.sub("", _GREETING.sub("", self.norm)).strip(" ,.!:;-")
        return core or self.norm.strip(" ,.!:;-")

    @cached_property
    def greeting_only(self) -> bool:
        """Nothing but a greeting ("holaa buenas", "hello hello", "hi there"); thanks alone is not
        one."""
        return bool(_HELLO.match(self.norm)) and not _GREETING.sub("", self.norm).strip(" ,.!?:;-")

    @property
    def first(self) -> str:
        return self.words[0] if self.words else ""

    def after_first_word(self) -> str:
        """The text as sent, less its first word: the arguments of a command. When the command
        word was another language's ("por qué 4821"), what follows it in canonical words."""
        first = _FIRST_WORD.match(self.original)
        if first is not None and fold(first.group(0)).strip(" #:,.-") == self.first:
            return self.original[first.end() :]
        if self.entries and self.entries[0][2].split()[0] == self.first:
            # "CONTESTAȚIE D123 am fost acolo": the worker's own words after the command's,
            # for the person who reads them, not half-translated ones
            said = self.entries[0][1].split()
            words = self.original.split()
            if fold(" ".join(words[: len(said)])).strip(" #:,.-¿¡") == fold(" ".join(said)):
                return " ".join(words[len(said) :])
        return self.norm.split(" ", 1)[1] if " " in self.norm else ""


@dataclass(frozen=True)
class Context:
    """What a text is read against: the moment it arrived and the market's skill words."""

    at: datetime
    skills: dict[tuple[str, ...], str]


def split_ref(args: str) -> tuple[str | None, str]:
    """A leading reference and the free text after it: " D123 i was there" -> ("D123", ...)."""
    m = _LEAD_REF.match(args)
    if m is None:
        return None, tidy(args)
    return m.group(1).upper(), tidy(args[m.end() :])


def find_ref(s: str) -> str | None:
    """A reference anywhere in free text: "#4821", "shift 4821" or a 4-8 digit number."""
    m = _ANY_REF.search(s)
    return (m.group(1) or m.group(2)) if m else None


def plain(body: str) -> str:
    """A text folded as vocabulary is matched, its curly quotes straight, its spaces single."""
    return " ".join(fold(body.translate(_PUNCT)).split())


def tidy(s: str) -> str:
    """Free text without the separators people put between a command and what follows."""
    return s.lstrip(" \t:;,.-=#").rstrip()
