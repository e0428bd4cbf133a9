"""Which language a text is in, and the text in the canonical words the shared reader knows.

A text is folded, its emoji said in words, its typos of known words mended, and then each phrase
of its language (and any English among it) replaced by the canonical words it means:
"wolny jutro 9-17" reads as "available tomorrow 9-17", in Polish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from sms.parsing.lexicon import Found, Language, fold, languages

# Emoji people answer with, said in words; skin tones and variation selectors go first.
_EMOJI = {
    "\U0001f44d": " yes ",  # thumbs up
    "\U0001f44c": " yes ",  # ok hand
    "\u2705": " yes ",  # check mark button
    "\u2714": " yes ",  # heavy check mark
    "\u2611": " yes ",  # ballot box with check
    "\U0001f197": " ok ",
    "\U0001f44e": " no ",  # thumbs down
    "\u274c": " no ",  # cross mark
    "\u2716": " no ",
    "\U0001f6ab": " no ",
    "\U0001f64f": " thanks ",  # folded hands: thanks, as often as please
}
_MODIFIERS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0e\ufe0f\u200d]")
_EMOJI_RE = re.compile("|".join(map(re.escape, _EMOJI)))
# A word is a run of letters and digits; one no phrase knows whole ("10minutos", "9h") is read as
# its runs of letters and of digits. A phrase never reaches across marks other than spaces,
# hyphens, dots and apostrophes ("dezaboneaza-ma", "pon.").
_TOKEN = re.compile(r"[a-z0-9]+")
_PART = re.compile(r"[a-z]+|[0-9]+")
_WORD = re.compile(r"[a-z]+")
_SOFT_GAP = re.compile(r"^[\s\-.']*$")
_SHORTEST_TYPO = 6
_WORDS_THAT_SHOW_A_LANGUAGE = 60

Word = tuple[int, int, str]  # start, end, the word
# Commands typed against their reference ("yes4821", "drop4821") are read as two words.
_LEADING_LETTERS = re.compile(r"^[a-z]+(?=[0-9])")
_COMMAND_WORDS = frozenset(
    ("yes", "y", "no", "n", "drop", "cancel", "late", "done", "why", "accept", "ok", "si", "tak")
)


@dataclass(frozen=True)
class Reading:
    """A text's language, its canonical form, and the vocabulary entries that made it."""

    language: str | None  # None when no word shows one
    scores: dict[str, int]
    canonical: str
    entries: tuple[tuple[str, str, str], ...]  # (language, vocabulary key, canonical words)
    evidence: float = 0.0  # how much of the text shows its language


def say_emoji(s: str) -> str:
    """Emoji that answer an offer, as the words they stand for."""
    return _EMOJI_RE.sub(lambda m: _EMOJI[m.group(0)], _MODIFIERS.sub("", s))


def _words(folded: str) -> list[Word]:
    whole = _whole_words()
    words: list[Word] = []
    for m in _TOKEN.finditer(folded):
        token = m.group(0)
        # Only a word that starts with digits is taken apart ("10minutos", "17h30"): one that
        # starts with letters is a code ("sw1a", "d12") and stays whole.
        letters = _LEADING_LETTERS.match(token)
        command = letters is not None and letters.group(0) in _COMMAND_WORDS
        if (
            token in whole
            or token.isalpha()
            or token.isdigit()
            or not (token[0].isdigit() or command)
        ):
            words.append((m.start(), m.end(), token))
        else:
            words += [
                (m.start() + p.start(), m.start() + p.end(), p.group(0))
                for p in _PART.finditer(token)
            ]
    return words


def _runs(folded: str) -> list[list[Word]]:
    """Words in runs a phrase may span (separated only by spaces, hyphens, dots); digits end a run."""
    runs: list[list[Word]] = []
    last_end = None
    for word in _words(folded):
        start, end, text = word
        if text.isdigit():
            last_end = None
            continue
        if last_end is None or not _SOFT_GAP.match(folded[last_end:start]):
            runs.append([])
        runs[-1].append(word)
        last_end = end
    return runs


def _scan(lang: Language, runs: list[list[Word]]) -> list[tuple[int, int, Found]]:
    """Every phrase of the language in the text, as (run, first word, found)."""
    hits = []
    for r, run in enumerate(runs):
        words = [text for _, _, text in run]
        hits += [(r, found.start, found) for found in lang.phrases.scan(words)]
    return hits


@cache
def _whole_words() -> frozenset[str]:
    """Words of letters and digits a language knows whole ("2moro", "l8")."""
    return frozenset(
        word
        for lang in languages().values()
        for word in lang.phrases.root.words
        if not word.isalpha() and not word.isdigit()
    )


@cache
def _canonical_words() -> frozenset[str]:
    """Every word the shared reader knows: the English the languages' phrases are read as."""
    words = set()
    for lang in languages().values():
        words.update(lang.known)
        stack = [lang.phrases.root]
        while stack:
            node = stack.pop()
            if node.canonical:
                words.update(node.canonical.split())
            stack += list(node.words.values()) + [child for _, child in node.stems]
            if node.any is not None:
                stack.append(node.any)
    return frozenset(words)


@cache
def _known_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words a text may use as they are, and the longer ones a typo is mended to: English's
    own list of them, and every other language's one-word phrases."""
    from sms.parsing.vocab import DEFAULT_SKILLS  # the reader's own skill words

    known = set(_canonical_words())
    known.update(word for phrase in DEFAULT_SKILLS for word in phrase.split())
    targets = set()
    for lang in languages().values():
        known.update(_phrase_words(lang))
        known.update(lang.common)
        targets.update(lang.mend)
        if lang.code != "en":
            targets.update(w for w in lang.phrases.root.words if w.isalpha())
    long_targets = tuple(sorted(w for w in targets if len(w) >= _SHORTEST_TYPO))
    return frozenset(known), long_targets


def unknown_words(words: Iterable[str]) -> list[str]:
    """The words of three letters or more that no language here knows, even by a stem."""
    known = _known_words()[0]
    return [
        word
        for word in words
        if len(word) >= 3 and word.isalpha() and word not in known and not _stem_known(word)
    ]


def _phrase_words(lang: Language) -> set[str]:
    """Every word spelled out in a language's phrases ("wtorki" in "we wtorki")."""
    words: set[str] = set()
    stack = [lang.phrases.root]
    while stack:
        node = stack.pop()
        words.update(node.words)
        stack += list(node.words.values()) + [child for _, child in node.stems]
        if node.any is not None:
            stack.append(node.any)
    return words


def mend_typos(folded: str, keep: frozenset[str] = frozenset()) -> str:
    """Longer words one slip from a known word ("avialable", "unsubscibe") spelled as meant."""
    known = _known_words()[0]

    def mend(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in known or word in keep:
            return word
        if _DRAWN_OUT.search(word) and len(set(word)) > 1:
            return _undrawn(word)
        if len(word) < _SHORTEST_TYPO:
            # Short words are mended only into a day, whose slip would put work on the wrong one
            return _mended_day(word) if len(word) >= _SHORTEST_DAY_TYPO else word
        return _mended(word)

    return _WORD.sub(mend, folded)


@lru_cache(maxsize=16384)
def fuzzy(word: str, choices: tuple[str, ...]) -> str | None:
    """The choice a longer word is a typo of ("availble" -> "available"), if any."""
    if len(word) < 5:
        return None
    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=80)
    return found[0] if found else None


def forget_words() -> None:
    """Forget every word met so far (the vocabulary stays loaded): for timing texts as new."""
    _mended.cache_clear()
    _mended_day.cache_clear()
    _undrawn.cache_clear()
    fuzzy.cache_clear()


# "yesss", "bom diaaa", "pleaseee": a letter held for emphasis.
_DRAWN_OUT = re.compile(r"([a-z])\1\1+")


@lru_cache(maxsize=4096)
def _undrawn(word: str) -> str:
    """A drawn-out word as it is spelled: the held letter once, or twice ("goood" -> "good")."""
    known = _known_words()[0]
    for held in (r"\1", r"\1\1"):
        plain = _DRAWN_OUT.sub(held, word)
        if plain in known or _stem_known(plain):
            return plain
    return word


@lru_cache(maxsize=16384)
def _mended(word: str) -> str:
    if _stem_known(word):
        return word
    slips = 2 if len(word) >= 8 else 1
    found = process.extractOne(word, _known_words()[1], scorer=OSA.distance, score_cutoff=slips)
    if found is None or word.startswith(found[0]):
        return word  # "cancelaron" is a form of "cancelar", not a slip of it
    if found[1] > 1 and found[0][0] != word[0]:
        return word  # two slips and another first letter: another word ("zobaczyc", not "dolaczyc")
    return found[0]


_SHORTEST_DAY_TYPO = 5
_DAY_MEANINGS = frozenset(
    ("today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday")
    + ("saturday", "sunday")
)


@cache
def _day_words() -> tuple[str, ...]:
    """The one-word names of days in our languages ("jutro", "sabado", "tomorrow")."""
    words = set(_DAY_MEANINGS)
    for lang in languages().values():
        words.update(
            word
            for word, node in lang.phrases.root.words.items()
            if node.canonical in _DAY_MEANINGS and word.isalpha()
        )
    return tuple(sorted(w for w in words if len(w) >= _SHORTEST_DAY_TYPO))


@lru_cache(maxsize=4096)
def _mended_day(word: str) -> str:
    """ "jutor" -> "jutro", "fridy" -> "friday": one slip, the same first letter."""
    found = process.extractOne(word, _day_words(), scorer=OSA.distance, score_cutoff=1)
    return found[0] if found is not None and found[0][0] == word[0] else word


def _stem_known(word: str) -> bool:
    """A word a language's stem already reads ("spoznie" for "spozni*")."""
    return any(lang.phrases.longest([word], 0) is not None for lang in languages().values())


# A word run into texting's day: "free2moro", "avail2day".
_GLUED_DAY = re.compile(r"(?<=[a-z])(?=2(?:moro|morrow|morow|mrw|mro|day|nite|night)(?![a-z]))")


# Romanian "la ora 13" is at 13; "13 lei la oră", with the number before, is an hourly rate.
# Phrases never reach across digits, so the hour is told apart here.
_AT_THE_HOUR = re.compile(r"(?<![a-z])la\s+ora(?=\s*[0-9])")
# Portuguese "à 1" is at one; folded, "à" would be "a", the article.
_AT_ONE = re.compile(r"(?<![^\W\d_])[àÀ](?=\s*[0-9])")


# Words beside a figure, read in the text's own language once it is known (phrases never reach
# across digits). Polish "do 14" is until 14 ("jutro do 14"; "do" is English too, "can do 2
# shifts"), though not in "wpół do 10" (half past 9) nor a rate raised "do 14"; Romanian puts
# "de" between a figure from 20 up and what it counts ("30 de minute", "20 de ore", "15 de
# lei"), read as the smaller figures are, without it.
_BESIDE_A_FIGURE: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "pl": (
        (
            re.compile(
                r"(?<![a-z])(?<!wpol\s)(?<!stawke\s)(?<!stawki\s)(?<!stawka\s)(?<!podnies\s)"
                r"(?<!podniesc\s)(?<!zmien\s)do(?=\s*[0-9])"
                r"(?!\s*[0-9]+(?:[.,][0-9]+)?\s*(?:zl|funt|gbp|pln|£|pound|quid))"
            ),
            "till",
        ),
        # "od 9tej do 17tej", "o 8-ej": the hour's ending written onto it
        (re.compile(r"(?<=[0-9])-?(?:tej|ej)(?![a-z])"), ""),
    ),
    "ro": (
        (re.compile(r"(?<=[0-9])\s+de(?=\s+(?:minute|minut|min|ore|ora|h|lei|lire)(?![a-z]))"), ""),
    ),
}


def read(original: str, hint: str | None = None, mend: bool = True) -> Reading:
    """The language of a text and its canonical words; `hint` settles a tie (the sender's).
    Without `mend`, no word is taken for a slip of another: a name is read as written
    ("Martinez" is not "martie", March)."""
    folded = fold(say_emoji(_AT_ONE.sub("às", original)))
    folded = _GLUED_DAY.sub(" ", _AT_THE_HOUR.sub("la", folded))
    if mend:
        folded = mend_typos(folded)
    runs = _runs(folded)
    # A text's first words show its language as well as all of them: a long one is not read
    # five times over.
    opening = _first_words(runs, _WORDS_THAT_SHOW_A_LANGUAGE)
    langs = languages()
    hits = {code: _scan(lang, opening) for code, lang in langs.items()}
    scores = {code: _score(lang, hits[code], original, opening) for code, lang in langs.items()}
    english_words = _canonical_words()
    scores["en"] = scores.get("en", 0) + sum(
        1 for run in opening for _, _, word in run if len(word) > 1 and word in english_words
    )
    language = _best(scores, hint)
    evidence = (
        _evidence(langs[language], hits[language], opening, scores[language], original)
        if language
        else 0.0
    )
    # The text's own language first, then English words among it ("hola, available manana").
    order = [language] if language and language != "en" else []
    canonical, entries = folded, []
    for beside, read_as in _BESIDE_A_FIGURE.get(language or "", ()):
        canonical = beside.sub(read_as, canonical)
    for code in [*order, "en"]:
        canonical, made = _replace(langs[code], canonical)
        entries += made
    return Reading(language, scores, canonical, tuple(entries), evidence)


# A capitalised word after the first: a name, as likely in any language.
_NAME = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+")


def _evidence(
    lang: Language,
    hits: list[tuple[int, int, Found]],
    runs: list[list[Word]],
    score: float,
    original: str,
) -> float:
    """The language's score, less in a text mostly of words that no language here knows: "je
    suis disponible demain de 9h" has two words of Spanish among three of French. Names ("hola
    soy Maria Fernanda Lopez") and the language's own letters keep it."""
    if lang.code == "en" or any(c in lang.letters for c in original.lower()):
        return score
    used = _words_used(hits)
    english = _canonical_words()
    names = {fold(name) for name in _NAME.findall(original)}
    known = unknown = 0
    for r, run in enumerate(runs):
        for i, (_, _, word) in enumerate(run):
            if not word.isalpha() or len(word) < 2:
                continue
            if (r, i) in used or word in lang.common:
                known += 1
            elif word not in english and word not in names:
                unknown += 1
    return score if unknown <= known else score * (known / (known + unknown)) ** 2


def _first_words(runs: list[list[Word]], most: int) -> list[list[Word]]:
    opening: list[list[Word]] = []
    for run in runs:
        if most <= 0:
            break
        opening.append(run[:most])
        most -= len(run)
    return opening


def _score(
    lang: Language, hits: list[tuple[int, int, Found]], original: str, runs: list[list[Word]]
) -> float:
    """How much of a text shows the language: its phrases (a longer one more than "da" or
    "pot"), its everyday words, and letters only it writes."""
    english = _canonical_words() if lang.code != "en" else frozenset()
    covered = sum(
        _weight(found)
        for _, _, found in hits
        # A phrase spelled as English words ("accept", "perfect") shows no other language.
        if not all(word in english for word in _key_words(found.key))
    )
    used = _words_used(hits)
    common = sum(
        1
        for r, run in enumerate(runs)
        for i, (_, _, word) in enumerate(run)
        if (r, i) not in used and word in lang.common
    )
    letters = sum(1 for c in original.lower() if c in lang.letters)
    return covered + common / 2 + min(letters, 3)


def _words_used(hits: list[tuple[int, int, Found]]) -> set[tuple[int, int]]:
    """The (run, word) places the phrases found cover."""
    return {(r, i) for r, first, found in hits for i in range(first, found.end)}


@lru_cache(maxsize=4096)
def _key_words(key: str) -> tuple[str, ...]:
    return tuple(fold(key).split())


def _weight(found: Found) -> int:
    """A phrase shows its language by its length: "nie dam rady" more than "tak", "tak" more
    than "o"."""
    letters = len(found.key.replace(" ", ""))
    if letters >= 4:
        return 2 * (found.end - found.start + 1)
    return 2 if letters == 3 else 1


# How far behind the sender's own language may read and still be the text's: "voy a llegar 10
# minutos tarde" reads half a point more Portuguese ("minutos", "tarde") than Spanish. English is
# every worker's language until they show another, so it is no evidence and gets no margin.
_HINT_MARGIN = 0.5


def _best(scores: dict[str, int], hint: str | None) -> str | None:
    top = max(scores.values(), default=0)
    if top == 0:
        return None
    if hint not in (None, "en") and scores.get(hint, 0) > 0 and scores[hint] >= top - _HINT_MARGIN:
        return hint
    tied = [code for code, score in scores.items() if score == top]
    return "en" if "en" in tied else tied[0]


def _replace(lang: Language, text: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The text with each phrase of the language replaced by its canonical words."""
    runs = _runs(text)
    pieces, entries, at = [], [], 0
    for r, first, found in _scan(lang, runs):
        start = runs[r][first][0]
        end = runs[r][found.end - 1][1]
        pieces += [text[at:start], found.canonical]
        entries.append((lang.code, found.key, found.canonical))
        at = end
    pieces.append(text[at:])
    return "".join(pieces), entries


def canonical(text: str, hint: str | None = None) -> str:
    """A text in canonical words, for readers outside the parser (a dispute's category)."""
    return read(text, hint).canonical


def entries_text(entries: Sequence[tuple[str, str, str]]) -> str:
    """The vocabulary entries a reading used, as "pl:jutro=tomorrow; pl:wolny=available"."""
    return "; ".join(f"{code}:{key}={words}" for code, key, words in entries if key != words)
