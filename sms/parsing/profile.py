"""A worker changing their terms: RATE £14, POSTCODE E1 6AN, SKILLS care, LANG es, TAX 20, NAME."""

from __future__ import annotations

import re
from collections.abc import Callable

from sms.parsing.money import find_amount
from sms.parsing.places import find_outward_code, find_postcode, find_zip, is_full_postcode
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text, words_of
from sms.parsing.vocab import find_skills, language_code

_KEY = re.compile(
    r"^\W*(?:(?:please|pls)\s+)?(?:(?:set|change|update|new)\s+)?(?:my\s+)?(?:new\s+)?"
    r"(?P<key>hourly\s+rate|rate|price|charge|post\s*code|postal\s+code|pc|zip\s*code|zip"
    r"|skills?|lang(?:uage)?s?|tax(?:\s+rate)?|name)(?![a-z])"
    r"(?:[\s:=-]*(?:is|to|now|of|=|:)(?![a-z]))*[\s:=-]*(?P<value>.*)$"
)
_NAME = re.compile(
    r"^\W*(?:(?:please|pls)\s+)?(?:(?:set|change|update)\s+)?(?:my\s+)?(?:new\s+)?name(?:'?s)?"
    r"(?:[\s:=-]*(?:is|to|now|=|:)(?![a-z]))*[\s:=-]*(?P<name>.+)$",
    re.IGNORECASE,
)
_SPEAK = re.compile(r"^(?:i\s+)?(?:speak|prefer|want)\s+(?P<value>.+)$")
_TAX = re.compile(r"(?<![0-9.,])([0-9]{1,3})(?:[.,]0+)?\s*(?:%|percent|per\s*cent|pc)?(?![0-9])")
MAX_NAME_CHARS = 80


def profile_update(t: Text, ctx: Context) -> Parsed | None:
    """A change of rate, place, skills, language, tax or name, as a command or a sentence."""
    m = _KEY.match(t.norm)
    if m is not None:
        key = re.sub(r"\s+", " ", m.group("key"))
        return _BY_KEY[key.split()[0]](m.group("value"), t, ctx)
    if (speak := _SPEAK.match(t.phrase)) is not None:
        code = language_code(words_of(speak.group("value")), codes=False)
        return Parsed("profile_update", language=code) if code else None
    if (code := language_code(t.words, codes=False)) is not None:
        return Parsed("profile_update", language=code)
    if is_full_postcode(t.norm.strip(" .!")):
        return Parsed("profile_update", postcode=find_postcode(t.norm))
    return None


def _rate(value: str, t: Text, ctx: Context) -> Parsed | None:
    rate = find_amount(value)
    if rate is None:
        return None  # "RATE cleaning" asks what others charge
    return Parsed("profile_update", rate=rate.minor, currency=rate.currency)


def _postcode(value: str, t: Text, ctx: Context) -> Parsed:
    postcode = find_postcode(value) or find_outward_code(value.split()[:1])
    if postcode is None:
        return _ask("ask_postcode")
    return Parsed("profile_update", postcode=postcode)


def _zip(value: str, t: Text, ctx: Context) -> Parsed:
    zip_code = find_zip(value)
    if zip_code is None:
        return _ask("ask_zip")
    return Parsed("profile_update", zip=zip_code)


def _skills(value: str, t: Text, ctx: Context) -> Parsed:
    words = words_of(value)
    skills, used = find_skills(words, ctx.skills)
    unknown = " ".join(w for i, w in enumerate(words) if i not in used and w != "and") or None
    if not skills:
        return _ask("ask_skills", detail=unknown)
    return Parsed("profile_update", skill=skills[0], skills=tuple(skills), detail=unknown)


def _language(value: str, t: Text, ctx: Context) -> Parsed:
    code = language_code(words_of(value))
    if code is None:
        return _ask("ask_language")
    return Parsed("profile_update", language=code)


def _tax(value: str, t: Text, ctx: Context) -> Parsed:
    m = _TAX.search(value)
    if m is None or int(m.group(1)) > 100:
        return _ask("ask_tax")
    return Parsed("profile_update", tax_percent=int(m.group(1)))


def _name(value: str, t: Text, ctx: Context) -> Parsed:
    m = _NAME.match(t.original)
    name = m.group("name").strip(" .,!;:-") if m else ""
    if not any(c.isalpha() for c in name):
        return _ask("ask_name")
    return Parsed("profile_update", name=name[:MAX_NAME_CHARS])


def _ask(ask: str, detail: str | None = None) -> Parsed:
    return Parsed("profile_update", ambiguous=True, ask=ask, detail=detail)


_BY_KEY: dict[str, Callable[[str, Text, Context], Parsed | None]] = {
    "hourly": _rate,
    "rate": _rate,
    "price": _rate,
    "charge": _rate,
    "post": _postcode,
    "postcode": _postcode,
    "postal": _postcode,
    "pc": _postcode,
    "zip": _zip,
    "zipcode": _zip,
    "skill": _skills,
    "skills": _skills,
    "lang": _language,
    "langs": _language,
    "language": _language,
    "languages": _language,
    "tax": _tax,
    "name": _name,
}
