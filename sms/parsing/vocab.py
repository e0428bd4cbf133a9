"""Words for skills and languages, and finding them in a text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from sms.parsing.lexicon import fold
from sms.parsing.text import words_of

SkillTable = dict[tuple[str, ...], str]


def _canon(canonical: str, *words: str) -> dict[str, str]:
    return {word: canonical for word in (canonical, *words)}


DEFAULT_SKILLS: Mapping[str, str] = MappingProxyType(
    {
        **_canon(
            "care",
            "carer",
            "carers",
            "care work",
            "care worker",
            "caring",
            "support work",
            "caregiver",
            "care giver",
            "caregiving",
            "home care",
            "elderly care",
        ),
        **_canon("cleaning", "cleaner", "cleaners", "housekeeping", "housekeeper"),
        **_canon(
            "kitchen",
            "kitchen porter",
            "kitchen porters",
            "kp",
            "chef",
            "cook",
            "cooking",
            "pot wash",
            "dishwasher",
        ),
        **_canon(
            "childcare",
            "babysitting",
            "babysitter",
            "babysitters",
            "baby sitting",
            "baby sitter",
            "child care",
            "nanny",
            "nannies",
            "childminding",
            "childminder",
        ),
        **_canon("warehouse", "picker", "picking", "packing", "packer"),
        **_canon(
            "hospitality",
            "bar",
            "bar work",
            "barista",
            "waiting",
            "waiter",
            "waitress",
            "bartender",
        ),
        **_canon("gardening", "gardener"),
        **_canon("driving", "driver", "drive", "van driver", "delivery", "deliveries", "courier"),
        **_canon("labouring", "labourer", "laboring", "laborer", "building", "builder"),
        **_canon("retail", "shop", "shop work"),
        **_canon("admin", "office", "office work"),
        **_canon("security", "steward", "stewarding"),
        **_canon("removals", "removal", "moving"),
        **_canon(
            "petcare", "dog walking", "dog walker", "dog walk", "pet care", "pet sitting", "dogs"
        ),
    }
)


def skill_table(skills: Mapping[str, str]) -> SkillTable:
    """Skill words keyed by their folded words, so "Kitchen Porter" meets "kitchen porter"."""
    table: SkillTable = {}
    for word, canonical in skills.items():
        key = words_of(fold(word))
        if key:
            table[key] = canonical
    return table


DEFAULT_TABLE = skill_table(DEFAULT_SKILLS)


def find_skills(words: Sequence[str], table: SkillTable) -> tuple[list[str], set[int]]:
    """Canonical skills in the order they appear, longest phrase first, and the words they used."""
    longest = max(map(len, table), default=0)
    found: list[str] = []
    used: set[int] = set()
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            canonical = _lookup(tuple(words[i : i + n]), table)
            if canonical is not None:
                if canonical not in found:
                    found.append(canonical)
                used.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    return found, used


def _lookup(key: tuple[str, ...], table: SkillTable) -> str | None:
    if key in table:
        return table[key]
    last = key[-1]
    # Plurals the table does not list: "drivers", "chefs", "gardeners".
    if len(last) > 3 and last.endswith("s"):
        return table.get((*key[:-1], last[:-1]))
    return None


# Names in English and in the language itself (accents folded away), to ISO 639-1.
LANGUAGES: Mapping[str, str] = MappingProxyType(
    {
        **_canon("en", "english", "eng"),
        **_canon("es", "spanish", "espanol", "castellano"),
        **_canon("pl", "polish", "polski"),
        **_canon("fr", "french", "francais"),
        **_canon("pt", "portuguese", "portugues"),
        **_canon("ro", "romanian", "romana", "limba romana"),
        **_canon("it", "italian", "italiano"),
        **_canon("de", "german", "deutsch"),
        **_canon("ar", "arabic", "arabi"),
        **_canon("bn", "bengali", "bangla"),
        **_canon("ur", "urdu"),
        **_canon("pa", "punjabi", "panjabi"),
        **_canon("so", "somali", "soomaali"),
        **_canon("ti", "tigrinya"),
        **_canon("am", "amharic"),
        **_canon("tr", "turkish", "turkce"),
        **_canon("ru", "russian", "russkiy"),
        **_canon("uk", "ukrainian", "ukrainska"),
        **_canon("zh", "chinese", "mandarin", "cantonese"),
        **_canon("vi", "vietnamese", "tieng viet"),
        **_canon("tl", "tagalog", "filipino"),
        **_canon("lt", "lithuanian", "lietuviu"),
        **_canon("lv", "latvian", "latviesu"),
        **_canon("bg", "bulgarian", "balgarski"),
        **_canon("hi", "hindi"),
        **_canon("gu", "gujarati"),
        **_canon("ta", "tamil"),
        **_canon("ku", "kurdish", "kurdi"),
        **_canon("fa", "farsi", "persian"),
        **_canon("ps", "pashto"),
        **_canon("sw", "swahili", "kiswahili"),
        **_canon("hu", "hungarian", "magyar"),
        **_canon("cs", "czech", "cestina"),
        **_canon("sk", "slovak", "slovencina"),
        **_canon("el", "greek"),
        **_canon("sq", "albanian", "shqip"),
        **_canon("ht", "haitian creole", "kreyol", "creole"),
        **_canon("ne", "nepali"),
        **_canon("yo", "yoruba"),
        **_canon("ig", "igbo"),
        **_canon("tw", "twi"),
    }
)
LANGUAGE_CODES = frozenset(LANGUAGES.values())


def language_name(code: str) -> str:
    """The language's English name, the first listed for its code: "es" is Spanish."""
    return next((name for name, c in LANGUAGES.items() if c == code and name != code), code).title()


def language_code(words: Sequence[str], codes: bool = True) -> str | None:
    """The ISO code for a language name ("polish") or, when codes is true, a code ("es")."""
    phrase = " ".join(w for w in words if w not in ("in", "please", "pls", "the", "language"))
    if phrase in LANGUAGES and (codes or phrase not in LANGUAGE_CODES):
        return LANGUAGES[phrase]
    # A bare code is read only after LANG: "am", "it" and "so" are everyday words.
    if codes and phrase in LANGUAGE_CODES:
        return phrase
    return None
