"""Sign-up by conversation: name, skills, postcode or ZIP, date of birth (only where the market's
rules depend on age), lowest rate, in the worker's own language.

People answer as they talk: "hi im Tom, cleaning, SE15, £13" fills four answers at once; "me llamo
María José" is a name, not a sentence; "limpieza", "sprzątanie" or "2" are skills; "12,50",
"twelve pounds" or "13 libras la hora" are rates. HELP and STOP work at every step, and an answer
that keeps missing (a ZIP code sent to a UK market) is told plainly what the exchange serves,
then handed to a person rather than asked a fifth time.
"""

import itertools
import re
from datetime import date, datetime
from functools import cache

from sqlmodel import Session, select

from exchange.areas import normalise_place
from exchange.errors import Refused
from exchange.notices import notify_worker
from exchange.onboarding import NAME, PLACE_EXAMPLE
from services import law
from services.inbox import hand_to_a_person
from services.joining import choose_language, join
from services.unit import TextTransaction
from sms import availability_texts, conversations, data_texts
from sms.law_texts import DOB_WORDS, dob_example, parse_dob
from sms.parser import Parsed
from sms.parsing.keywords import NO_THANKS
from sms.parsing.lexicon import fold, language_named, languages
from sms.parsing.money import Rate, find_amount, find_rate
from sms.parsing.places import find_postcode, find_zip, place_in
from sms.parsing.profile import NOT_A_NAME
from sms.parsing.reading import read
from sms.parsing.text import Text, words_of
from sms.parsing.vocab import DEFAULT_TABLE, find_skills, language_code
from sms.templates import LANGUAGES, skill_word
from store.models import Market, Message, Worker

RATE_EXAMPLE = {"GBP": "13.50", "USD": "18.00", "EUR": "14.00"}
# After this many answers that miss, a person takes the sign-up over.
MOST_MISSES = 3
# No postcode to give: "i dont have one", "no tengo código postal", "nie wiem", "im homeless".
# Asking again cannot help; a person can.
_NO_PLACE_TO_GIVE = re.compile(
    r"(?<![a-z])(?:i\s+)?(?:dont|do\s+not|havent|have\s+not)\s+(?:have|know|got)(?![a-z])"
    r"|(?<![a-z])(?:homeless|no\s+fixed\s+(?:address|abode)|no\s+(?:address|postcode|home))(?![a-z])"
)
# How people say their name, in the words the reader knows: "im Tom", "me llamo Ana" (my name
# is), "soy Ana" (its), "this is Ana".
_NAME_SAID = re.compile(
    r"(?<![a-z])(?:my\s+name\s+is|my\s+names|name\s+is|name|its|im\s+here|im|i\s+am|this\s+is"
    # "jestem Anna" reads as "im here anna"; "sou a Ana" as "its a ana".
    r"|call\s+me)(?:\s+(?:a|o|the|el|la))?\s+(?P<name>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,3})"
)


def start(
    session: Session,
    worker: Worker,
    market: Market,
    body: str,
    now: datetime,
    parsed: Parsed | None = None,
) -> None:
    """Begin (or begin again) the sign-up, taking whatever the first text, `body`, already says."""
    data = _gleaned(body, market, now) if parsed is None or parsed.intent != "register" else {}
    data["misses"] = 0
    if parsed is not None and parsed.intent == "availability" and not parsed.ambiguous:
        # "wolny jutro 9-17" from a new number: kept, and read again once the sign-up is done.
        data["free_text"], data["free_at"] = body, now.isoformat()
    _next(session, worker, market, data, now, first_text=body)


def answer(
    session: Session,
    worker: Worker,
    market: Market,
    body: str,
    now: datetime,
    parsed: Parsed | None = None,
) -> None:
    """Take one answer, check it, and ask the next question (or the same one, with an example)."""
    conversation = conversations.pending(session, worker.phone)
    if conversation is None or conversation.kind != "signup":
        start(session, worker, market, body, now, parsed)
        return
    data = dict(conversation.data)
    step = conversation.step
    canonical = read(body).canonical
    # "who is this?", and "why do you need my name?" (the birth date's question says why)
    asked_who = _WHO_IS_THIS.match(canonical) is not None or (
        step != "dob" and _WHY.match(canonical)
    )
    if asked_who or (
        parsed is not None
        and parsed.intent == "help"
        and not (step == "name" and said_name(body, worker.language))
    ):
        _say(session, worker, "signup_help", now)
        _ask_step(session, worker, market, step, data, now, again=False)
        return
    if (
        step == "name"
        and parsed is not None
        and parsed.intent == "decline"
        and parsed.detail == NO_THANKS
    ):
        # "no thanks", "nie, dziękuję" to "What is your name?": no name, and no asking again;
        # their name, any time later, takes the sign-up on
        _say(session, worker, "signup_no_thanks", now)
        return
    chosen = language_chosen(body)
    if chosen is not None:
        # "ES", "polski": the language offered in the welcome; the question again, in it.
        choose_language(TextTransaction(session), worker.id, chosen)
        _ask_step(session, worker, market, step, data, now)
        return
    free_said = (
        parsed is not None
        and parsed.intent == "availability"
        and parsed.start is not None
        and not parsed.ambiguous
    )
    if free_said:
        # "liberă mâine 8-16" when the rate was asked: free time, kept for the sign-up's end,
        # and never read as the answer ("8" a rate, "8-16" a birth date)
        data["free_later"] = [*data.get("free_later", []), [body, now.isoformat()]]
    taken = "missed" if free_said else _take(session, step, body, data, worker, market, now)
    if taken == "refused":
        return
    if taken == "missed" and step in ("dob", "rate") and _WONT_SAY.search(canonical):
        # "i dont want to give my date of birth": a person talks it through, not the question
        # again and again
        _to_a_person(session, worker, market, now)
        return
    if (
        taken == "missed"
        and step == "rate"
        and "skills" in data
        and ((parsed is not None and parsed.intent == "rates_query") or _UNSURE.search(canonical))
    ):
        # "what do others charge", "i dont know": what others ask, published; the price is
        # still theirs to say
        asked = Parsed("rates_query", skill=data["skills"][0], postcode=data.get("place"))
        data_texts.rates(session, worker, market, asked, now)
        _ask_step(session, worker, market, step, data, now)
        return
    if taken == "missed" and step == "dob" and _WHY.match(canonical):
        _ask_step(session, worker, market, step, data, now)  # the question says why
        return
    if taken == "asked_minimum":
        _say(
            session,
            worker,
            "signup_rate_minimum",
            now,
            rate=_minimum_for(session, market, data, now),
            currency=market.currency,
            example=RATE_EXAMPLE.get(market.currency, "13.50"),
        )
        return
    found = _gleaned(body, market, now)
    if taken == "missed":
        found.pop(step, None)  # "12,50 zł" in a market paid in pounds is no rate, here or later
    kept_ahead = [key for key in found if key not in data]
    for key, value in found.items():
        data.setdefault(key, value)
    if taken == "missed" and (kept_ahead or found.get("place") not in (None, data.get("place"))):
        # "E2 7DJ" when the work was asked: kept for its own question, which is then skipped;
        # "e3", then "E3 4AB" when the birth date is asked: the place put right. Either way the
        # question is asked again, and no answer missed
        if "place" in found:
            data["place"] = found["place"]
        conversation.data = data
        session.add(conversation)
        _ask_step(session, worker, market, step, data, now)
        return
    if taken == "missed":
        data["misses"] = data.get("misses", 0) + 1
        no_place = step == "place" and _NO_PLACE_TO_GIVE.search(canonical)
        if data["misses"] > MOST_MISSES or no_place:
            _to_a_person(session, worker, market, now)
            return
        conversation.data = data
        session.add(conversation)
        _missed(session, worker, market, step, body, data, now)
        return
    data["misses"] = 0
    conversation.data = data
    session.add(conversation)
    _next(session, worker, market, data, now)


def asking_name(session: Session, worker: Worker) -> bool:
    """Whether the sign-up under way has asked the worker's name and not yet had it."""
    conversation = conversations.pending(session, worker.phone)
    return (
        conversation is not None and conversation.kind == "signup" and conversation.step == "name"
    )


def _take(
    session: Session,
    step: str,
    body: str,
    data: dict,
    worker: Worker,
    market: Market,
    now: datetime,
) -> str:
    """Read the answer to this step into data: "taken", "missed" or "refused"."""
    text = " ".join(body.split())
    if step == "name":
        name = said_name(text, worker.language) or _name_beside_a_date(text, market, now, worker)
        if name is None:
            return "missed"
        data["name"] = name
    elif step == "skills":
        # "nací el 5 de marzo de 1992": 5 is no skill
        skills = pick_skills(_a_birth_date_aside(text, market, now)[1], market.skills)
        if not skills:
            return "missed"
        data["skills"] = skills
    elif step == "place":
        place = normalise_place(_place_text(text) or "")
        if place is None or (market.region == "US") != place[:5].isdecimal():
            return "missed"
        data["place"] = place
    elif step == "dob":
        born = _born(text, market, now)
        if born is None:
            return "missed"
        data["dob"] = born
    elif step == "rate" and _MINIMUM_WAGE.search(canonical := read(text).canonical):
        if _ASKED.search(canonical):
            return "asked_minimum"  # "whats the minimum wage?": told, never taken as the rate
        # "minimum wage": the legal minimum for their age, which they may raise with RATE later
        minimum = _minimum_for(session, market, data, now)
        if minimum is None:
            return "missed"
        data["rate"] = minimum
    elif step == "rate":
        rate = said_rate(text)
        if rate is None or rate.currency not in (None, market.currency):
            return "missed"  # "12,50 zł" in a market paid in pounds: said why, and asked again
        data["rate"] = rate.minor
    return "taken"


def language_chosen(text: str) -> str | None:
    """A language of ours named alone: "ES", "pl", "Română", "po polsku"."""
    words = words_of(fold(text))
    code = language_named(words) or language_code(words, codes=len(words) == 1)
    return code if code in LANGUAGES else None


def _capitalised_name(words: list[str], language: str | None) -> bool:
    if not 1 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
        return False
    if not NAME.match(" ".join(words)) or any(fold(w) in _ANSWERS_NOT_NAMES for w in words):
        return False
    own = languages().get(language or "")
    folded = [fold(word) for word in words]
    found = own.phrases.longest(folded, 0) if own is not None else None
    return found is None or found.end < len(folded)


# "who is this?", "kto to?", "who are you": asked in the middle of signing up, who we are is told
# (elsewhere a person answers it).
_WHO_IS_THIS = re.compile(
    r"^\W*(?:(?:sorry|hi|hello)\W+)?(?:who\s+(?:is\s+this|are\s+(?:you|u))|whos\s+this"
    r"|what\s+is\s+(?:this|poems)"
    # "is this a scam?", "who gave you my number?": who we are, before any name is asked again
    r"|is\s+(?:this|it|that)\s+(?:a\s+)?(?:scam|spam|real|legit|genuine)"
    r"|(?:who|where)\s+(?:gave\s+(?:you|u)|did\s+(?:you|u)\s+get)\s+my\s+(?:number|no)"
    r"|how\s+did\s+(?:you|u)\s+get\s+my\s+(?:number|no))\W*$"
)
# Answers to a question, not a name: "yes" to "What is your name?" is no name.
_ANSWERS_NOT_NAMES = frozenset(
    ("yes", "yeah", "yep", "yh", "ya", "ok", "okay", "no", "nope", "nah", "hello", "hi", "hey",
     "hiya", "why", "what", "who", "thanks", "thank", "you", "help", "sure", "please", "pls",
     "stop", "start", "cheers", "hallo", "si", "sim", "y", "n", "good", "morning", "afternoon",
     "evening", "there", "sorry", "idk", "dunno", "huh", "hmm", "eh", "lol")
)  # fmt: skip


# Words of the market, not of a name: "cancel tomorrows shift" to "What is your name?".
_MARKET_WORDS = frozenset(
    ("cancel", "shift", "shifts", "work", "job", "jobs", "booking", "offer", "offers", "drop",
     "tomorrow", "today", "tonight", "available", "free", "hours", "pay", "paid", "rate", "late",
     "need", "want", "looking")
)  # fmt: skip


def said_name(text: str, language: str | None = None) -> str | None:
    """A name as people give it: "Ann Smith", "im ana", "me llamo María José", "Tom here".
    Written with capitals, a name stays one though it is a word elsewhere: "Ola" to a Polish
    worker, "Precious", "Dolores"; not a word of the worker's own `language` ("Hola" in Spanish)."""
    given = text
    words = [word for word in (w.strip(" .,!;:-") for w in text.split()) if word]
    while len(words) > 1 and fold(words[0]) in _ANSWERS_NOT_NAMES:
        words.pop(0)  # "ok. Sam", "hi, Ann Smith": the name after the answer word
    text = " ".join(words)
    if _capitalised_name(words, language):
        return " ".join(words)
    if 1 <= len(words) <= 4 and NAME.match(" ".join(words)) and 2 <= len(" ".join(words)) <= 60:
        reading = read(" ".join(words), mend=False)
        folded = words_of(reading.canonical)
        # "szukam pracy", "bună ziua": words the reader knows, every one, are no name.
        known = sum(len(key.split()) for _, key, _ in reading.entries)
        answers = all(fold(word) in _ANSWERS_NOT_NAMES for word in words)
        if not (set(folded) & {"my", "name", "its", "im", "am", "is", "call"}) and known < len(
            words
        ):
            return None if answers or set(folded) & _MARKET_WORDS else " ".join(words)
    # Read with its commas: "sunt Ioana Popescu, fac curățenie" ends the name at the comma
    canonical = read(given, language, mend=False).canonical
    m = _NAME_SAID.search(canonical)
    if m is None:
        return None
    # The name ends where other words begin: "im Tom and i do cleaning"; "im looking for
    # work" names nobody.
    said = list(itertools.takewhile(lambda w: w not in NOT_A_NAME, m.group("name").split()))
    if not said:
        return None
    # The same words as the person wrote them, with their capitals and accents.
    originals = [w.strip(" .,!;:-") for w in text.split()]
    folded = [fold(w) for w in originals]
    # Where the reader put another word for a name written with its capital ("I am Sam" reads
    # "i am alone", Polish "sam"), the capital tells it is the name.
    capitalised = [i for i, word in enumerate(originals) if i and word[:1].isupper()]
    if said[0] in folded:
        first = folded.index(said[0])
    elif capitalised:
        first = capitalised[0]
    else:
        return None
    # Word for word: "tu Kasia z Wrocławia" reads "its kasia wroclawia", and the name is Kasia
    pairs = zip(range(first, len(originals)), said, strict=False)
    kept = list(
        itertools.takewhile(
            lambda pair: folded[pair[0]] == pair[1] or pair[0] in capitalised, pairs
        )
    )
    name = " ".join(originals[first : first + len(kept)])
    return name if NAME.match(name) else None


def _minimum_for(session: Session, market: Market, data: dict, now: datetime) -> int | None:
    """The legal minimum hourly rate for the age the sign-up was told, if the market has one."""
    born = date.fromisoformat(data["dob"]) if "dob" in data else None
    return law.minimum_rate(TextTransaction(session), market.id, born, now)


def said_rate(text: str) -> Rate | None:
    """An hourly rate as people write it: "£13.50", "12,50", "twelve pounds", "13 libras la hora";
    its currency when one was named."""
    canonical = read(text).canonical
    rate, _ = find_rate(canonical)
    return rate if rate is not None else find_amount(canonical)


_MINIMUM_WAGE = re.compile(
    r"(?<![a-z])(?:minimum|min)(?:\s+(?:wage|pay|rate|legal))?(?![a-z])|(?<![a-z])living\s+wage(?![a-z])"
)
# A question, not an answer: "whats the minimum wage?", "how much is the minimum".
_ASKED = re.compile(r"\?|^\W*(?:what|whats|how|which|is|does|do\s+you|can\s+you)(?![a-z])")
_UNSURE = re.compile(
    r"^\W*(?:i\s+)?(?:dont|do\s+not)\s+know|(?<![a-z])(?:not\s+sure|no\s+idea|unsure|up\s+to\s+you"
    r"|whatever\s+you\s+(?:think|say)|you\s+(?:tell\s+me|decide))(?![a-z])"
)
_WHY = re.compile(r"^\W*(?:why|what\s+for|whats\s+(?:it|that)\s+for|how\s+come)(?![a-z])")
_WONT_SAY = re.compile(
    r"(?<![a-z])(?:dont|do\s+not|wont|will\s+not|(?:would|id)\s+rather\s+not|rather\s+not"
    r"|prefer\s+not)\s+(?:want\s+to\s+|to\s+)?(?:give|say|tell|share|send)(?![a-z])"
)
_ANY_WORK = re.compile(
    r"^\W*(?:(?:i\s+(?:can|will|would)\s+do|i\s+do|id\s+do)\s+)?(?:anything|any|all|everything"
    r"|whatever|all\s+of\s+(?:them|it|the\s+above)|any\s+(?:of\s+them|work|job|jobs)"
    r"|anything\s+at\s+all)(?:\s+(?:really|please|pls|thanks|is\s+fine|honestly))*\W*$"
)


def pick_skills(text: str, offered: list[str]) -> list[str]:
    """'1 3', '1,3', 'care cleaning' or 'limpieza' -> the skills named that the market trades;
    "anything", "all of them", "wszystko" -> all of them."""
    if _ANY_WORK.match(read(text).canonical):
        return list(offered)
    picked: list[str] = []
    for part in re.split(r"[\s,;&+/]+", text.lower()):
        if part.isdecimal() and part.isascii() and 1 <= int(part) <= len(offered):
            skill = offered[int(part) - 1]
            if skill not in picked:
                picked.append(skill)
    words = words_of(read(text).canonical)
    named, _ = find_skills(words, DEFAULT_TABLE)
    named += [word for word in words if word in offered]
    for skill in named:
        if skill in offered and skill not in picked:
            picked.append(skill)
    return picked


def _place_text(text: str) -> str | None:
    folded = fold(text)
    return find_postcode(folded) or find_zip(folded) or place_in(folded)["postcode"] or text


def _born(text: str, market: Market, now: datetime) -> str | None:
    """The birth date a text gives, ISO, if it is one a living worker could have."""
    found = DOB_WORDS.match(text)
    born = parse_dob(found.group("date") if found else text, market, now.date())
    return born.isoformat() if born is not None and 10 <= now.year - born.year <= 100 else None


# A year someone alive was born in: a date with one may be a birth date sent before it is asked.
_YEAR = r"(?:19[2-9][0-9]|20[01][0-9])(?![0-9])"
# "12/5/88": day, month and a year's last two figures, written as forms ask for a birth date;
# only with "/" or "." twice, which no time, rate or range is written with
_SHORT_DATE = r"[0-9]{1,2}(?P<mark>[/.])[0-9]{1,2}(?P=mark)[0-9]{2}(?![0-9./])"
_BIRTH_YEAR = re.compile(rf"(?<![0-9])(?:{_YEAR}|{_SHORT_DATE})")
# A date among other words ("..., born 3/5/1990, £12.71 an hour"): up to five words before a
# year, the date's day and month in figures or in words.
_A_DATE_WITH_ITS_YEAR = re.compile(
    rf"(?<![0-9])(?:{_SHORT_DATE}|(?:[0-9]{{1,2}}[./-][0-9]{{1,2}}[./-]|(?:\S+\s+){{1,5}}?){_YEAR})"
)


def _born_in(text: str, market: Market, now: datetime) -> tuple[str, str] | None:
    """The birth date a text gives, whole or among other things it says, with the words that
    gave it."""
    for said in _A_DATE_WITH_ITS_YEAR.finditer(text):
        words = said.group(0).split()
        # "born 3 May 1985": the shortest run of words before the year that is a date
        for start in range(len(words) - 1, -1, -1):
            date_said = " ".join(words[start:])
            if (found := _born(date_said, market, now)) is not None:
                return found, date_said
    found = _born(text, market, now)
    return (found, text) if found is not None else None


def _a_birth_date_aside(text: str, market: Market, now: datetime) -> tuple[str | None, str]:
    """The birth date a text gives with its year, if any, and the text without its words."""
    if _BIRTH_YEAR.search(text) and (born := _born_in(text, market, now)) is not None:
        return born[0], text.replace(born[1], " ")
    return None, text


def _name_beside_a_date(text: str, market: Market, now: datetime, worker: Worker) -> str | None:
    """ "Ann Smith, born 3 May 1985" to "What is your name?": the name, the date aside (kept
    by `_gleaned` for its own question)."""
    if (born := _born_in(text, market, now)) is None or born[1] == text:
        return None
    words = text.replace(born[1], " ").replace(",", " ").split()
    # "nací el", "born on", "urodzona dnia": the date's own words, not the name's
    said_born = [i for i, word in enumerate(words) if fold(word).strip(".:") in _born_words()]
    words = words[: said_born[-1]] if said_born else words
    while words and fold(words[-1]).strip(".:") in NOT_A_NAME:
        words.pop()
    return said_name(" ".join(words), worker.language) if words else None


@cache
def _born_words() -> frozenset[str]:
    """ "born" in each of our languages, one word as the vocabulary reads it ("nací",
    "urodzona"), and as forms put it ("dob", Polish "ur.")."""
    words = {"born", "dob", "ur"}
    for language in languages().values():
        words.update(
            w for w, node in language.phrases.root.words.items() if node.canonical == "born"
        )
    return frozenset(words)


def _gleaned(body: str, market: Market, now: datetime) -> dict:
    """What a text says beyond the question asked: skills, a place, a rate marked as money, a
    birth date written with its year."""
    found: dict = {}
    born, body = _a_birth_date_aside(" ".join(body.split()), market, now)
    if born is not None:
        found["dob"] = born  # and "3.5.1985" is no rate, nor anything else
    canonical = read(body).canonical
    skills, _ = find_skills(words_of(canonical), DEFAULT_TABLE)
    skills = [s for s in skills if s in market.skills]
    if skills:
        found["skills"] = skills
    place = place_in(fold(body))
    code = normalise_place(place["postcode"] or place["zip"] or "")
    if code is not None and (market.region == "US") == code[:5].isdecimal():
        found["place"] = code
    rate, _ = find_rate(canonical)
    if rate is not None and rate.currency in (None, market.currency):
        # "12 zł" in a market paid in pounds is no rate in pounds; its own question says why
        found["rate"] = rate.minor
    m = _NAME_SAID.search(canonical)
    if m is not None and (name := said_name(body)) is not None:
        found["name"] = name
    return found


def _next(
    session: Session,
    worker: Worker,
    market: Market,
    data: dict,
    now: datetime,
    first_text: str | None = None,
) -> None:
    """Ask the first question not yet answered, or register the worker when all are; with the
    `first_text` of a sign-up just begun, the first question comes with the welcome."""
    text = TextTransaction(session)
    for step in ("name", "skills", "place", "dob", "rate"):
        if step == "dob" and not law.asks_date_of_birth(text, market.id, now):
            data.pop("dob", None)  # a birth date sent unasked is not kept where none is needed
            continue
        if step == "dob" and "dob" in data:
            until = law.too_young_until(text, market.id, date.fromisoformat(data["dob"]), now)
            if until is not None:
                conversations.forget(session, worker.phone, "signup")
                _say(session, worker, "signup_too_young", now, from_date=until.isoformat())
                return
        if step not in data:
            conversations.remember(session, worker.phone, "signup", step, data, now)
            if first_text is not None and step != "name":
                # The first text gave the name already: the welcome still comes first.
                _say(session, worker, "signup_hello", now)
            _ask_step(session, worker, market, step, data, now, first_text=first_text)
            return
    _register(session, worker, market, data, now, first_text=first_text)


def _ask_step(
    session: Session,
    worker: Worker,
    market: Market,
    step: str,
    data: dict,
    now: datetime,
    again: bool = False,
    first_text: str | None = None,
) -> None:
    fields: dict = {}
    kind = f"signup_{step}" + ("_again" if again else "")
    first = Text.of(first_text) if step == "name" and first_text is not None else None
    if (
        first is not None
        and worker.language == "en"
        and first.language != "en"
        and first.shown_language is None
    ):
        # Nothing in it showed their language ("Y 4821" is a letter of Spanish, no more): the
        # welcome offers ours
        kind = "signup_welcome"
    if step == "skills":
        fields = {"name": data.get("name", ""), "options": skill_options(market, worker.language)}
    elif step == "place":
        fields = {"example": PLACE_EXAMPLE.get(market.region, "E1 6AN")}
    elif step == "dob":
        fields = {"example": dob_example(market)}
    elif step == "rate":
        fields = {"example": RATE_EXAMPLE.get(market.currency, "13.50")}
    _say(session, worker, kind, now, **fields)


def _missed(
    session: Session,
    worker: Worker,
    market: Market,
    step: str,
    body: str,
    data: dict,
    now: datetime,
) -> None:
    """An answer that missed: said plainly why when we can tell, else the question again."""
    if step == "place":
        folded = fold(body)
        other_country = (market.region == "US" and find_postcode(folded)) or (
            market.region != "US" and find_zip(folded)
        )
        if other_country:
            markets = ", ".join(
                f"{m.name} ({m.region})" for m in session.exec(select(Market).order_by(Market.id))
            )
            _say(
                session,
                worker,
                "signup_place_elsewhere",
                now,
                markets=markets,
                example=PLACE_EXAMPLE.get(market.region, "E1 6AN"),
            )
            return
    if step == "rate" and (rate := said_rate(body)) is not None and rate.currency is not None:
        plain = f"{rate.minor // 100}.{rate.minor % 100:02d}"
        _say(
            session, worker, "signup_rate_currency", now, currency=market.currency, plain_rate=plain
        )
        return
    _ask_step(session, worker, market, step, data, now, again=True)


def _to_a_person(session: Session, worker: Worker, market: Market, now: datetime) -> None:
    """Asked enough: a person at the job centre finishes the sign-up with them."""
    message = session.exec(
        select(Message)
        .where(Message.phone == worker.phone, Message.direction == "in")
        .order_by(Message.id.desc())
    ).first()
    hand_to_a_person(
        TextTransaction(session), message.id, market.id, worker.id, "not_understood", now
    )


def _register(
    session: Session,
    worker: Worker,
    market: Market,
    data: dict,
    now: datetime,
    first_text: str | None = None,
) -> None:
    try:
        registered = join(
            TextTransaction(session),
            worker.id,
            market.id,
            data["name"],
            data["skills"],
            data["place"],
            data["rate"],
            now,
            born=date.fromisoformat(data["dob"]) if "dob" in data else None,
        )
    except Refused as refusal:
        data.pop("rate", None)
        conversations.remember(session, worker.phone, "signup", "rate", data, now)
        if first_text is not None:
            # All said in the first text, the rate refused: who we are comes first
            _say(session, worker, "signup_hello", now)
        if refusal.code == "under_minimum":
            _say(
                session,
                worker,
                "under_minimum",
                now,
                rate=refusal.details["rate"],
                minimum_rate=refusal.details["minimum"],
                currency=market.currency,
            )
            return
        _ask_step(session, worker, market, "rate", data, now, again=True)
        return
    conversations.forget(session, worker.phone, "signup")
    _say(
        session,
        registered,
        "signup_done",
        now,
        name=registered.name,
        skills=list(data["skills"]),
        place=data["place"],
        rate=data["rate"],
        currency=market.currency,
        tz=market.tz,
    )
    said = [[data["free_text"], data["free_at"]]] if "free_text" in data else []
    for free_text, free_at in [*said, *data.get("free_later", [])]:
        availability_texts.free_time_also_said(
            session, registered, market, free_text, datetime.fromisoformat(free_at), now
        )


def skill_options(market: Market, language: str = "en") -> str:
    """The market's skills numbered, in the worker's language: "1 limpieza 2 cuidado"."""
    return " ".join(
        f"{number} {skill_word(skill, language)}"
        for number, skill in enumerate(market.skills, start=1)
    )


def _say(session: Session, worker: Worker, kind: str, now: datetime, **fields) -> None:
    notify_worker(session, worker, kind, now, **fields)
