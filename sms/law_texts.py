"""A worker's texts about the law: date of birth, YES to a new minimum, the weekly opt-out.

Hooked in two places: `act` sees the raw text before the parser's commands (DOB 31/12/1990,
WORK OVER 48, 48 LIMIT, RAISE); `raise_answered` takes a bare YES in sms.commands. WHY reads
the rule that kept an offer away from exchange.law.skips (see exchange.why).
"""

import re
from datetime import date, datetime
from functools import cache

from babel import Locale
from sqlmodel import Session

from exchange.errors import Refused
from exchange.law.checks import DOB_EXAMPLE
from exchange.notices import notify_worker
from services import law
from services.selling import open_offers
from services.unit import TextTransaction
from sms import refusals
from sms.catalogs import languages
from sms.parser import Parsed
from sms.parsing.lexicon import fold
from sms.parsing.text import Text
from store.models import Market, Worker


@cache
def _month_names() -> dict[str, int]:
    """Each month by its names, whole and short, in every language we speak ("mai", "maja",
    "października" folded), from Babel's locale data; no name means two months in them. Read
    the first time a date is, not at import: the locales take 70 ms to load."""
    names = {}
    for language in languages():
        months = Locale.parse(language).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[fold(name).strip(".")] = number
    return names


DOB_WORDS = re.compile(
    r"^\W*(?:my\s+)?(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?)(?![a-z])"
    r"(?:\s+is)?[\s:=-]*(?P<date>.*)$",
    re.IGNORECASE,
)
# "the 12th of May", "dia 5 de maio", "1º", "5 maja 1980 r.": words around a date, not in it.
_AROUND_A_DATE = re.compile(
    r"(?<=\d)(?:º|ª)|(?<![a-z])(?:of|the|on|dia|day|de|r|roku|anul|ano)(?![a-z])\.?"
)
# Found anywhere in a short text: "nací el 5 de marzo de 1985", "born 12/05/88 thanks".
_NUMERIC = re.compile(r"(?<![\d.,])(\d{1,4})[\s/.\-]+(\d{1,2})[\s/.\-]+(\d{2,4})(?![\d.,])")
_WORDY = re.compile(r"(?<![\d.,])(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2,4})(?!\d)")
_WORDY_US = re.compile(r"(?<![a-z])([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2,4})(?!\d)")
_OPT_OUT = re.compile(r"^\W*work\s+over\s+48(?:\s*h(?:ou)?rs?)?\W*$", re.IGNORECASE)
_OPT_BACK = re.compile(r"^\W*48\s*(?:h(?:ou)?rs?\s+)?limit\W*$", re.IGNORECASE)
_RAISE = re.compile(r"^\W*(?:yes\W+)?raise(?:\s+(?:my\s+)?rate)?\W*$", re.IGNORECASE)


def month_first(market: Market) -> bool:
    return market.region == "US" or market.tz.startswith("America/")


def parse_dob(text: str, market: Market, today: date) -> date | None:
    """'31/12/1990', '12/31/1990' in America, '1990-12-31', '31 Dec 1990', and the month in words
    in any of our languages ('3 de marzo de 1985', '3 marca 1985'); None if not a date."""
    said = _dob_as_written(text, market, today)
    if said is None and len(text) <= _LONGEST_DATE:
        # The month's name in the worker's language, read as the parser reads it: "3 march 1985"
        return _dob_as_written(Text.of(_AROUND_A_DATE.sub(" ", text.lower())).norm, market, today)
    return said


_LONGEST_DATE = 60


def _dob_as_written(text: str, market: Market, today: date) -> date | None:
    cleaned = fold(_AROUND_A_DATE.sub(" ", text.lower()))
    cleaned = " ".join(cleaned.split()).strip(" .!,")
    numbers = _NUMERIC.search(cleaned)
    try:
        if numbers:
            a, b, c = numbers.groups()
            if len(a) == 4:
                year, month, day = int(a), int(b), int(c)
            else:
                day, month = (int(b), int(a)) if month_first(market) else (int(a), int(b))
                year = _year(c, today)
            return date(year, month, day)
        for wordy in _WORDY.finditer(cleaned):
            if (month := _month_names().get(wordy[2])) is not None:
                return date(_year(wordy[3], today), month, int(wordy[1]))
        for wordy in _WORDY_US.finditer(cleaned):
            if (month := _month_names().get(wordy[1])) is not None:
                return date(_year(wordy[3], today), month, int(wordy[2]))
    except ValueError:
        return None
    return None


def _year(text: str, today: date) -> int:
    """Two digits are the latest year that is not in the future: 90 is 1990, 08 is 2008."""
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year if year <= today.year else year - 100


def dob_example(market: Market) -> str:
    return DOB_EXAMPLE.get(market.region, DOB_EXAMPLE["GB"]).removeprefix("DOB ")


def act(session: Session, worker: Worker, market: Market, body: str, now: datetime) -> bool:
    """Carry out a law text; False when the text is not one (the parser's commands take it)."""
    text = TextTransaction(session)
    if (found := DOB_WORDS.match(body)) is not None:
        date_of_birth(session, worker, market, found.group("date"), now)
    elif _OPT_OUT.match(body):
        try:
            law.opt_out_of_week(text, worker.id, now)
        except Refused as refusal:
            refusals.tell(session, worker, refusal, now)
            return True
        notify_worker(session, worker, "week_opted_out", now)
    elif _OPT_BACK.match(body):
        ends = law.end_week_opt_out(text, worker.id, now)
        if ends is None:
            notify_worker(session, worker, "week_not_opted_out", now)
        else:
            notify_worker(session, worker, "week_opt_out_ends", now, ends_day=ends.isoformat())
    elif _RAISE.match(body):
        if not law.take_raise(text, worker.id, now):
            notify_worker(session, worker, "no_raise", now)
    else:
        return False
    return True


def date_of_birth(
    session: Session, worker: Worker, market: Market, text: str, now: datetime
) -> None:
    born = parse_dob(text, market, now.date())
    if born is None:
        notify_worker(session, worker, "dob_again", now, example=dob_example(market))
        return
    try:
        law.give_date_of_birth(TextTransaction(session), worker.id, born, now)
    except Refused as refusal:
        refusals.tell(session, worker, refusal, now, example=dob_example(market))
        return
    notify_worker(session, worker, "dob_saved", now)


def raise_answered(session: Session, worker: Worker, parsed: Parsed, now: datetime) -> bool:
    """A bare YES with a rise pending and no offer open raises the rate to the new minimum."""
    text = TextTransaction(session)
    if parsed.offer_ref is not None or open_offers(text, worker.id):
        return False
    return law.take_raise(text, worker.id, now)
