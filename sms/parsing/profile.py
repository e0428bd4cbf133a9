"""A worker changing their terms: RATE £14, POSTCODE E1 6AN, SKILLS care, LANG es, TAX 20, NAME."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from sms.parsing.availability import has_hours
from sms.parsing.days import find_days
from sms.parsing.lexicon import fold, language_named
from sms.parsing.money import find_amount
from sms.parsing.places import (
    TRAVEL,
    find_outward_code,
    find_postcode,
    find_zip,
    is_full_postcode,
    miles_said,
)
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text, words_of
from sms.parsing.vocab import find_skills, language_code

_KEY = re.compile(
    r"^\W*(?:(?:hi|hello|hiya|hey)\W+)?(?:(?:please|pls)\s+)?(?:(?:i\s+(?:want|would\s+like|wanna"
    r"|need)|id\s+like)\s+to\s+|(?:can|could)\s+(?:you|u|i)\s+(?:please\s+)?"
    # "how do i change my postcode": asked how, answered with the question the change needs
    r"|(?P<how>how\s+(?:do|can|would|should)\s+i|how\s+to)\s+)?"
    r"(?:(?:set|change|update|new|add|my|now|from\s+now\s+on)\s+)*"
    r"(?:new\s+)?"
    r"(?P<key>hourly\s+rate|rate|price|charge|post\s*code|postal\s+code|pc|zip\s*code|zip"
    r"|skills?|lang(?:uage)?s?|tax(?:\s+rate)?|name|surname|travel|notice|area|location)(?![a-z])"
    r"(?:[\s:=-]*(?:is|to|in|now|of|for|=|:|new|will\s+be|from\s+now\s+on)(?![a-z]))*[\s:=-]*"
    r"(?P<value>.*)$"
)
# A change asked for with nothing to change it to: "change my rate".
_CHANGE = re.compile(r"(?<![a-z])(?:change|update|set)(?![a-z])")
# The same change said in a sentence: "i moved to NG7", "add forklift to my skills".
_MOVED = re.compile(
    r"(?<![a-z])(?:moved|moving|move|live|living|new\s+address|address\s+new|changed\s+address|address\s+is"
    r"|new\s+postcode|postcode\s+(?:is\s+)?now|postcode\s+now\s+is"
    r"|im\s+(?:now\s+)?in|now\s+in|moved\s+postcode)(?![a-z])"
)
# A move said with nowhere to move it to: "i moved", "we've moved house", "moved": asked where.
_MOVED_ALONE = re.compile(
    r"^\W*(?:(?:hi|hello|just\s+to\s+say|fyi|btw)\W+)*(?:(?:i|we)\s+(?:have\s+|ve\s+|just\s+)?"
    r"|(?:ive|weve)\s+(?:just\s+)?|just\s+)?moved(?:\s+(?:house|home|flat|address))?"
    r"(?:\s+(?:recently|last\s+week|last\s+month|now))?\W*$"
)
_ADD_SKILLS = re.compile(
    r"^(?:please\s+|(?:can|could)\s+(?:you|u|i)\s+(?:please\s+)?|i\s+(?:want|would\s+like)\s+to\s+"
    r"|id\s+like\s+to\s+|i\s+wanna\s+)?(?:add|include|put)\s+(?P<value>.+?)(?:\s+(?:to|in|into|on|la)"
    r"\s+(?:my\s+)?(?:skills?|list|profile|jobs).*)?$"
    r"|(?:i\s+)?(?:can|also|now)\s+(?:also\s+)?do\s+(?P<too>.+?)\s+(?:too|as\s+well|also)(?:\s+now)?$"
)
# Skills to add, none named: "more skills", "another skill", "other kinds of work".
_SOME_SKILLS = re.compile(
    r"^(?:(?:some|more|another|other|new|a\s+new|an\s+other|a\s+few)\s+)*(?:skills?|jobs?"
    r"|(?:kinds?|types?|sorts?)\s+of\s+(?:work|jobs?))(?:\s+(?:to|on|in)\s+(?:my\s+)?(?:profile"
    r"|list))?(?:\W+(?:please|pls|thanks|x+))*\W*$"
)
# Further than before, no distance said: "i can travel further now".
_FURTHER = re.compile(
    r"(?<![a-z])(?:travel|go|come|drive)\s+(?:a\s+(?:bit|little)\s+)?(?:further|farther"
    r"|more\s+miles|longer\s+distances?|less\s+far|not\s+as\s+far)(?![a-z])"
)
_ADD_IT = re.compile(
    r"(?<![a-z])(?:add|put)\s+(?:it|this|that|them)(?![a-z])"
    r"|(?<![a-z])(?:to|on|in)\s+my\s+(?:profile|skills|list)(?![a-z])"
)
_ALSO_DO = re.compile(
    r"(?<![a-z])(?:i\s+)?(?:now\s+)?(?:also|now)\s+(?:also\s+)?(?:i\s+)?(?:do|doing|can\s+do)\s"
    r"|(?<![a-z])i\s+do\s+(?:\w+\s+){1,3}?(?:too|also|as\s+well)(?![a-z])"
)
# Skills given up: "i dont do cleaning anymore", "remove childcare from my skills".
_DROP_SKILL = re.compile(
    r"(?<![a-z])(?:i\s+)?(?:dont|do\s+not|no\s+longer|wont)\s+(?:do|want)\s+(?P<value>.+?)"
    r"(?:\s+(?:anymore|any\s+more|now))?$|^(?:please\s+)?(?:remove|take)\s+(?P<value2>.+?)\s+"
    r"(?:off|from)\s+(?:my\s+)?(?:skills?|list|profile)"
    # "remove childcare", "no more cleaning": a skill alone after the word
    r"|^(?:please\s+)?(?:remove|delete|no\s+more)\s+(?P<value3>[a-z]+(?:\s+[a-z]+)?)(?:\s+(?:please|pls))?$"
)
# What may stand beside a skill given up: "no more cleaning jobs please", "care or kitchen".
_AROUND_A_SKILL = frozenset(
    ("to", "do", "doing", "any", "more", "anymore", "now", "please", "pls", "thanks", "sorry")
    + ("job", "jobs", "work", "shift", "shifts", "offer", "offers", "and", "or", "either")
    + ("the", "my", "me", "for", "of", "from", "off", "skill", "skills", "list", "profile")
    + ("remove", "delete", "take", "it", "them", "that", "thank", "you", "ok", "so")
)
# One kind of work and no other: "only cleaning please", "just kitchen jobs from now on",
# "cleaning only".
_ONLY_SKILL = re.compile(
    r"^(?:i\s+)?(?:(?:want|do)\s+(?:to\s+)?)?(?:only|just)\s+(?:(?:i\s+)?(?:want|do)\s+(?:to\s+)?)?"
    # "solo quiero trabajos de limpieza" reads "only i want to jobs de cleaning"
    r"(?:(?:jobs?|work|shifts?)\s+(?:de\s+|of\s+|in\s+)?)?(?P<value>[a-z]+(?:\s+[a-z]+)??)"
    r"(?:\s+(?:jobs?|work|shifts?|offers?))?(?:\s+(?:please|pls|from\s+now(?:\s+on)?|now))*$"
    r"|^(?P<before>[a-z]+(?:\s+[a-z]+)??)(?:\s+(?:jobs?|work|shifts?|offers?))?\s+only"
    r"(?:\s+(?:please|pls|from\s+now(?:\s+on)?|now))*$"
)
# One kind kept beside one given up: "i dont do care anymore, only cleaning", "no more care
# just cleaning please", "i only do cleaning now not care".
_ONLY_SAID = (
    re.compile(r"(?<![a-z])(?:only|just)\s+(?:(?:want|do)\s+)?(?P<value>[a-z]+(?:\s+[a-z]+)?)"),
    re.compile(r"(?<![a-z])(?P<value>[a-z]+)\s+only(?:\s+(?:please|pls|now))*\s*(?:$|[,.;!])"),
)
_GIVEN_UP = re.compile(
    r"(?<![a-z])(?:dont|do\s+not|no\s+longer|wont|no\s+more|not|anymore|any\s+more)(?![a-z])"
)
_CALL_ME = re.compile(r"^(?:please\s+)?call\s+me\s+(?P<value>[a-z][a-z\s-]{0,40})$")
_TAX_SAID = re.compile(
    r"(?<![0-9.,])[0-9]{1,3}\s*(?:%|percent|per\s*cent)\s+(?:\w+\s+){0,2}?tax(?![a-z])"
    r"|(?<![a-z])tax\s+(?:\w+\s+){0,2}?[0-9]{1,3}\s*(?:%|percent|per\s*cent)"
)
_TEXTS_IN = re.compile(
    r"(?<![a-z])(?:texts?|messages?|msgs?|sms|language|speak|write|reply|replies|send|in)(?![a-z])"
)
_NOTICE = re.compile(
    r"(?<![a-z])(?P<number>[0-9]{1,3}|an?)\s*(?P<unit>h|hrs?|hours?|days?)\s+(?:notice|warning)(?![a-z])"
    r"|(?<![a-z])notice\s+(?:of\s+)?(?P<number2>[0-9]{1,3})\s*(?P<unit2>h|hrs?|hours?|days?)?(?![a-z])"
)
_NAME = re.compile(
    r"^\W*(?:(?:please|pls)\s+)?(?:(?:set|change|update)\s+)?(?:my\s+)?(?:new\s+)?name(?:'?s)?"
    r"(?:[\s:=-]*(?:is|to|now|actually|really|spelt|spelled|spelt\s+as|written|=|:)(?![a-z]))*"
    r"[\s:=-]*(?P<name>.+)$",
    re.IGNORECASE,
)
_SPEAK = re.compile(r"^(?:i\s+)?(?:speak|prefer|want)\s+(?P<value>.+)$")
_TAX = re.compile(r"(?<![0-9.,])([0-9]{1,3})(?:[.,]0+)?\s*(?:%|percent|per\s*cent|pc)?(?![0-9])")
MAX_NAME_CHARS = 80
_CONNECTORS = frozenset(("to", "a", "na", "para", "in", "is", "now", "do", "pe", "em", "en"))


def profile_update(t: Text, ctx: Context) -> Parsed | None:
    """A change of rate, place, skills, language, tax, name, travel or notice, as a command or
    in a sentence ("i moved to NG7", "add cleaning to my skills", "texts in spanish please")."""
    core = t.core
    m = _KEY.match(core)
    if m is not None:
        key = re.sub(r"\s+", " ", m.group("key"))
        found = _BY_KEY[key.split()[0]](m.group("value"), t, ctx)
        asked_how = m.group("how") or _CHANGE.search(core[: m.start("key")])
        if found is None and asked_how and not m.group("value").strip(" ?.!"):
            # "how do i change my rate", "change my rate": the commands, RATE among them
            return Parsed("help")
        if found is not None:
            exact = m.start("key") == len(core) - len(core.lstrip(" #:,.-"))
            return replace(found, exact=exact and not found.ambiguous)
    return _in_a_sentence(t, ctx)


def _in_a_sentence(t: Text, ctx: Context) -> Parsed | None:
    if (speak := _SPEAK.match(t.phrase)) is not None:
        code = language_code(words_of(speak.group("value")), codes=False)
        if code:
            return Parsed("profile_update", language=code)
    if (code := _language_named(t)) is not None:
        return Parsed("profile_update", language=code)
    if is_full_postcode(t.norm.strip(" .!")):
        return Parsed("profile_update", postcode=find_postcode(t.norm))
    if _MOVED.search(t.norm) and not has_hours(t, ctx) and (place := _place_in(t.norm)) is not None:
        # "free tmrw 5-10, i live in NG7": free time, with where; a move alone is asked back
        return Parsed("profile_update", **place)
    if _MOVED_ALONE.match(t.core):
        return _ask("ask_postcode")
    if (m := _ADD_SKILLS.match(t.core)) is not None:
        words = words_of(m.group("value") or m.group("too"))
        skills, _ = find_skills(words, ctx.skills)
        if skills:
            return Parsed("profile_update", skill=skills[0], skills=tuple(skills))
        if _SOME_SKILLS.match(m.group("value") or ""):
            return _ask("ask_skills")  # "i want to add more skills": which, asked
    if (_ADD_IT.search(t.norm) or _ALSO_DO.search(t.norm)) and not has_hours(t, ctx):
        # "i also do cleaning now", "ahora también hago cuidado, añadidlo": a skill to add
        skills, _ = find_skills(t.words, ctx.skills)
        if skills and not find_days(t.norm, ctx.at)[0].said_a_day:
            return Parsed("profile_update", skill=skills[0], skills=tuple(skills))
    if (skills := _skills_said(t, ctx)) is not None:
        return Parsed("profile_update", skill=skills[0], skills=skills)
    if (m := _ONLY_SKILL.match(t.core)) is not None:
        words = words_of(m.group("value") or m.group("before"))
        skills, used = find_skills(words, ctx.skills)
        if len(skills) == 1 and len(used) == len(words):
            return Parsed("profile_update", skill=skills[0], skills=tuple(skills), detail="only")
    if _GIVEN_UP.search(t.norm) and (kept := _only_kept(t, ctx)):
        return Parsed("profile_update", skill=kept[0], skills=kept, detail="only")
    if (m := _DROP_SKILL.search(t.norm)) is not None:
        said = words_of(m.group("value") or m.group("value2") or m.group("value3"))
        skills, used = find_skills(said, ctx.skills)
        others = {word for i, word in enumerate(said) if i not in used}
        # "i dont want care jobs far away" is about the jobs, not the skill
        if skills and others <= _AROUND_A_SKILL:
            return Parsed("profile_update", skill=skills[0], detail="remove")
    if (m := _CALL_ME.match(t.core)) is not None:
        return Parsed("profile_update", name=_said_name(m.group("value"), t))
    if (m := _TAX_SAID.search(t.norm)) is not None:
        return _tax(m.group(0), t, ctx)
    if (m := TRAVEL.search(t.norm)) is not None and not has_hours(t, ctx):
        # with hours, free time that goes so far: read as availability
        return Parsed("profile_update", travel_miles=miles_said(m))
    if _FURTHER.search(t.norm) and not has_hours(t, ctx):
        return _ask("ask_travel")  # "i can travel further now": how far, asked
    if (m := _NOTICE.search(t.norm)) is not None:
        return Parsed("profile_update", notice_minutes=_notice_minutes(m))
    if _RATE_TO_THE_MINIMUM.search(t.norm) and not has_hours(t, ctx):
        return Parsed("profile_update", detail=MINIMUM_RATE)
    if (by := _RATE_BY.search(t.norm)) is not None and not has_hours(t, ctx):
        # "raise my rate by £1", "50p more an hour": so much on the rate they have, asked back
        step = _step(by["up"] or by["more"] or by["down"])
        if step:
            return Parsed("profile_update", rate=-step if by["down"] else step, detail=RATE_BY)
    wish = _RATE_WISH.search(t.norm) or _RATE_ALONE.match(t.core)
    if wish is not None and _FOR_GOOD.search(t.norm) and not has_hours(t, ctx):
        return _rate(wish.group("value"), t, ctx)
    return None


def _only_kept(t: Text, ctx: Context) -> tuple[str, ...]:
    """The skills said after "only" or "just" (or before "only"), when no day or hours are said:
    "only cleaning on saturdays" is about days, not skills."""
    if has_hours(t, ctx) or find_days(t.norm, ctx.at)[0].said_a_day:
        return ()
    for said in _ONLY_SAID:
        for m in said.finditer(t.norm):
            skills, _ = find_skills(words_of(m.group("value")), ctx.skills)
            if skills:
                return tuple(skills)
    return ()


MINIMUM_RATE = "minimum_rate"  # a rate said as "the minimum wage", whatever its figure
RATE_BY = "rate_by"  # `rate` is a change to the rate the worker has, not a rate
_FIGURE = r"[0-9]{1,2}(?:[.,][0-9]{1,2})?"
_UNIT = r"\s*(?:pounds?|quid|p|pence|euros?|dollars?)"
_STEP = rf"(?:£|\$|€)?\s*{_FIGURE}(?:{_UNIT})?"
# "£1 more", "50p more", "1 more an hour": money, or a figure with the hour, never "5 more" alone
_MORE = rf"(?:(?:£|\$|€)\s*{_FIGURE}(?:{_UNIT})?|{_FIGURE}{_UNIT})\s+more|{_STEP}\s+more(?=\s+(?:an?|per)\s+hour)"
_RATE_BY = re.compile(
    r"(?<![a-z])(?:raise|put\s+up|increase|bump(?:\s+up)?|up|put)\s+(?:my\s+)?(?:hourly\s+)?"
    rf"(?:rate|price|pay)\s+(?:up\s+)?by\s+(?P<up>{_STEP})(?![0-9a-z])"
    rf"|^\W*(?:(?:i\s+)?(?:want|would\s+like|need)\s+)?(?P<more>{_MORE})"
    r"(?:\s+(?:an?\s+hour|per\s+hour|ph|on\s+my\s+rate))?(?:\W+(?:please|pls|thanks))*\W*$"
    r"|(?<![a-z])(?:lower|reduce|drop|cut|bring\s+down)\s+(?:my\s+)?(?:hourly\s+)?(?:rate|price)"
    rf"\s+(?:down\s+)?by\s+(?P<down>{_STEP})(?![0-9a-z])"
)


def _step(said: str) -> int | None:
    """ "£1" -> 100, "50p more" -> 50, "1.50" -> 150: a change to a rate, in pence or cents."""
    figure = re.search(rf"(?P<figure>{_FIGURE})\s*(?P<pence>p|pence)?(?![a-z])", said)
    if figure is None:
        return None
    if figure["pence"]:
        return int(float(figure["figure"].replace(",", ".")))
    return round(float(figure["figure"].replace(",", ".")) * 100) or None


_THE_MINIMUM = re.compile(
    r"^\W*(?:to\s+)?(?:the\s+)?(?:legal\s+|national\s+)?(?:minimum|min)(?:\s+(?:wage|pay|rate))?\W*$"
)
_RATE_TO_THE_MINIMUM = re.compile(
    r"(?<![a-z])(?:rate|price|charge|hourly)\s+(?:down\s+)?(?:to|at|is)\s+(?:the\s+)?(?:legal\s+"
    r"|national\s+)?(?:minimum|min)(?:\s+(?:wage|pay|rate))?\W*$"
)
# A new rate in a sentence: "can u put my hourly up to £14", "i want to charge 13 pounds an
# hour from now on". Hours in the text make it availability with a rate instead.
_RATE_WISH = re.compile(
    r"(?<![a-z])(?:(?:raise|put|change|set|increase|make|bump)\s+(?:my\s+)?(?:hourly(?:\s+rate)?"
    r"|rate|price)(?:\s+up)?\s+(?:to\s+|a\s+)?|(?:my\s+)?(?:hourly(?:\s+rate)?|rate)\s+(?:up\s+)?to\s+"
    r"|i\s+want\s+(?:to\s+)?(?:charge\s+|get\s+|ask\s+(?:for\s+)?|earn\s+|(?:a\s+|my\s+)?rate\s+(?:of\s+)?)?"
    r"|i\s+charge\s+"
    r"|make\s+it\s+)(?P<value>(?:£|\$|€)?\s*[0-9]{1,3}"
    r"(?:[.,][0-9]{1,2})?(?:\s*(?:pounds?|quid|dollars?|euros?))?)(?![0-9])"
)
# A rate on its own: "£15/hr", "15 an hour from now on".
_RATE_ALONE = re.compile(
    r"^\W*(?P<value>(?:£|\$|€)?\s*[0-9]{1,3}(?:[.,][0-9]{1,2})?"
    # a worker's home money, by habit: read, and refused with the market's currency
    r"(?:\s*(?:pounds?|quid|€|euros?|zl|pln|lei|ron))?)\s*"
    r"(?:an?\s+hour|per\s+hour|ph|p\s*/\s*h|/\s*h(?:ou)?r?|hourly"
    # "£14 from now on": money, said for good, is the hourly rate though "an hour" is left out
    r"|(?=\s+(?:from\s+now|going\s+forward)))"
    r"(?:\s+(?:from\s+now(?:\s+on)?|going\s+forward|please|pls|thanks))*[^\w?]*$"
)
_FOR_GOOD = re.compile(
    r"(?:(?<![a-z])(?:an?\s+hour|per\s+hour|hourly|rate|from\s+now(?:\s+on)?|going\s+forward"
    r"|charge|ph(?=\W*$)|p\s*/\s*h)|(?<=[0-9])ph|/\s*h(?:ou)?r?)(?![a-z])"
)


def _language_named(t: Text) -> str | None:
    """A language named in a text about texts: "can u send my texts in spanish", "po angielsku"."""
    words = words_of(fold(t.original))
    whole = language_code(t.words, codes=False) or language_named(words)
    if whole is not None:
        return whole
    if not _TEXTS_IN.search(t.norm) and len(words) > 3:
        return None
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            named = language_named(words[i : i + size]) or language_code(
                words[i : i + size], codes=False
            )
            if named is not None:
                return named
    return None


def _place_in(s: str) -> dict[str, str] | None:
    postcode = find_postcode(s) or find_outward_code([w.strip(".,!?;:()") for w in s.split()])
    if postcode is not None:
        return {"postcode": postcode}
    zip_code = find_zip(s)
    return {"zip": zip_code} if zip_code else None


_NOTICE_VALUE = re.compile(
    r"(?<![0-9])(?P<number>[0-9]{1,3})\s*(?P<unit>h|hrs?|hours?|days?)?(?![a-z0-9])"
)


def _notice_minutes(m: re.Match[str]) -> int:
    groups = m.groupdict()
    said = groups.get("number") or groups["number2"]
    number = 1 if said in ("a", "an") else int(said)  # "a days notice"
    unit = groups.get("unit") or groups.get("unit2") or "h"
    return number * (24 * 60 if unit.startswith("d") else 60)


def _rate(value: str, t: Text, ctx: Context) -> Parsed | None:
    if _THE_MINIMUM.match(value):
        # "RATE minimum wage": the legal minimum for the worker, asked back with its figure
        return Parsed("profile_update", detail=MINIMUM_RATE)
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
    # The code as typed first: "JĘZYK pt" is Portuguese, though "pt" is Polish for Friday.
    typed = t.original.split(None, 1)[1] if " " in t.original else ""
    code = language_code(words_of(fold(typed))) or language_code(words_of(value))
    if code is None:
        return _ask("ask_language")
    return Parsed("profile_update", language=code)


def _tax(value: str, t: Text, ctx: Context) -> Parsed:
    m = _TAX.search(value)
    if m is None or int(m.group(1)) > 100:
        return _ask("ask_tax")
    return Parsed("profile_update", tax_percent=int(m.group(1)))


def _name(value: str, t: Text, ctx: Context) -> Parsed | None:
    m = _NAME.match(t.original)
    # "NAME Ann Smith" as typed; in other words or languages, the name is the text's tail.
    name = _up_to_other_words(m.group("name").split(",")[0]) if m else _said_name(value, t)
    if len(name.split()) > _LONGEST_NAME_WORDS or has_hours(t, ctx):
        # "my name is Ewa, im free mon wed fri 8-4 ...": an introduction, not a new name
        return None
    if not any(c.isalpha() for c in name):
        return _ask("ask_name")
    return Parsed("profile_update", name=name[:MAX_NAME_CHARS])


# "María de los Ángeles Pérez": a name said in a sentence is rarely longer.
_LONGEST_NAME_WORDS = 5

# Words that end a name said in a sentence: "im Tom and i do cleaning".
NOT_A_NAME = frozenset(
    ("free", "available", "here", "new", "looking", "interested", "a", "an", "the", "not",
     "from", "in", "at", "and", "cleaning", "care", "ok", "fine", "good", "sorry", "ready", "i",
     "im", "for", "to", "after", "searching", "seeking", "want", "need", "after", "so", "just",
     "work", "job", "jobs", "with", "on", "your", "you", "also", "but", "please", "pls",
     # "im Kasia, born 3 May 1985", "im Tom my postcode is E2": what follows the name
     "born", "dob", "my", "aged", "age", "postcode", "live", "living",
     # "and" and "but" in our other languages: "me llamo Lucía y hago limpieza".
     "y", "e", "si", "oraz", "pero", "mas", "dar", "ale")
)  # fmt: skip


def _said_name(value: str, t: Text) -> str:
    """The new name as written, in any language: as many of the text's last words as follow
    the word for "name" ("cambiar mi nombre a Lucía Gómez" -> "Lucía Gómez")."""
    words = value.split()
    while words and words[0] in _CONNECTORS:
        words.pop(0)
    if not words:
        return ""
    kept = _up_to_other_words(" ".join(words)).split()
    originals = [w.strip(" .,!;:-") for w in t.original.split()]
    folded = [fold(w) for w in originals]
    if kept and kept[0] in folded:
        # Found as written: "me llamo Lucía y hago limpieza" -> "Lucía".
        first = len(folded) - 1 - folded[::-1].index(kept[0])
        return " ".join(originals[first : first + len(kept)])
    return " ".join(t.original.split()[-len(words) :]).strip(" .,!;:-")


def _skills_said(t: Text, ctx: Context) -> tuple[str, ...] | None:
    """Work named and nothing else: "i do cleaning and care", "sprzątanie i opieka", "i can
    drive". A sentence is asked back with the SKILLS command, so nothing changes on it."""
    m = _I_DO.match(t.core)
    if (
        m is None
        or "?" in t.original
        or has_hours(t, ctx)
        or find_days(t.norm, ctx.at)[0].said_a_day
    ):
        return None
    words = words_of(m.group("value"))
    skills, used = find_skills(words, ctx.skills)
    others = [w for i, w in enumerate(words) if i not in used and w not in _BESIDE_SKILLS]
    return tuple(skills) if skills and not others else None


_I_DO = re.compile(
    r"^(?:(?:and\s+)?i\s+(?:(?:also|can|usually|mostly|mainly)\s+)*(?:do|can|work\s+in|work\s+as"
    r"|am\s+an?|have\s+done|did)\s+|(?:im|i\s+am)\s+an?\s+)?(?P<value>.+)$"
)
_BESIDE_SKILLS = frozenset(
    ("and", "or", "work", "jobs", "job", "also", "too", "a", "an", "bit", "of", "some", "do",
     "mostly", "mainly", "y", "e", "i", "si", "lub", "o", "ou", "sau", "as", "well", "things")
)  # fmt: skip


def _up_to_other_words(said: str) -> str:
    """A name said in a sentence ends where other words begin: "Joanna I do cleaning"."""
    words = itertools.takewhile(lambda w: fold(w) not in NOT_A_NAME, said.split())
    return " ".join(words).strip(" .,!;:-")


def _travel(value: str, t: Text, ctx: Context) -> Parsed:
    m = re.search(r"(?<![0-9])([0-9]{1,3})\s*(miles?|mi|km)?(?![0-9])", value)
    if m is None:
        return _ask("ask_travel")
    miles = int(m.group(1))
    return Parsed(
        "profile_update", travel_miles=round(miles / 1.609) if m.group(2) == "km" else miles
    )


def _notice(value: str, t: Text, ctx: Context) -> Parsed | None:
    m = _NOTICE_VALUE.search(value)
    if m is None:
        return None
    return Parsed("profile_update", notice_minutes=_notice_minutes(m))


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
    "surname": _name,
    "travel": _travel,
    "area": _postcode,
    "location": _postcode,
    "notice": _notice,
}
