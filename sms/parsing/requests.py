"""Questions and complaints: DISPUTE, APPEAL, WHY, MY DATA, EARNINGS, RATES, SHIFTS."""

from __future__ import annotations

import re

from sms.parsing.availability import has_hours
from sms.parsing.days import find_days, whole_day
from sms.parsing.places import find_outward_code, find_postcode, find_zip
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text, find_ref, fuzzy, split_ref
from sms.parsing.vocab import find_skills

_DISPUTE_WORDS = ("dispute", "disputes", "disputed", "complaint", "complain", "complaints")
_PAY_COMPLAINT = re.compile(
    r"(?<![a-z])(?<!no )(?<!not a )(?:problems?|issues?)(?![a-z])"
    r"|(?<![a-z])(?:complain\w*|dispute\w*|unfair|wrong(?!\s+(?:number|person))|incorrect"
    r"|underpaid|under\s+paid|short\s*paid|short\s*changed|ripped\s+off|scam\w*"
    r"|not\s+(?:been\s+|being\s+)?paid|no\s+pay|unpaid"
    r"|(?:didnt|did\s+not|havent|have\s+not|hasnt|has\s+not|never|dont|wasnt|was\s+not|werent"
    r"|not|still\s+not|still\s+havent)\s+(?:been\s+|get\s+|got\s+|getting\s+|gotten\s+)?"
    r"(?:pay|paid|payed)"
    r"|(?:havent|hasnt|didnt|wasnt|have\s+not|did\s+not)\s+i\s+(?:been\s+|got\s+|get\s+)?paid"
    r"|(?:owe|owes)\s+me|missing\s+(?:pay|money|hours|wages)"
    r"|(?:pay|money|hours|wages)\s+(?:is\s+|are\s+)?missing)(?![a-z])"
)
_APPEAL = re.compile(r"(?<![a-z])appeal(?![a-z])")
_HOW_COME = re.compile(r"^how\s+come(?![a-z])")

_DELETE = re.compile(
    r"(?<![a-z])(?:delete|remove|erase|wipe|forget)\s+(?:all\s+)?(?:of\s+)?(?:me|my\s+(?:data"
    r"|account|details|info|information|profile|number|personal\s+data|stuff)|everything)(?![a-z])"
    r"(?!\s+from\s+(?:the\s+|that\s+|this\s+)?(?:shift|job|booking|offer))"
)
_DELETE_ALONE = frozenset(("delete", "delete data", "delete account", "delete all"))
_WHO_SAW = re.compile(
    r"(?<![a-z])who(?:s|\s+has|\s+have|\s+can|\s+could|\s+did|\s+else)?\s+(?:\w+\s+){0,2}?"
    r"(?:saw|seen|see|sees|looked|look|viewed|view|accessed|access|checked|read)(?![a-z])"
)
_MY_RECORD = re.compile(r"(?<![a-z])my\s+(?:work\s+)?(?:record|records|history)(?![a-z])")
_MY_DATA = re.compile(
    r"(?<![a-z])my\s+(?:data|info|information|details|personal\s+(?:data|info|details)|profile)"
    r"(?![a-z])|(?<![a-z])(?:know|have|hold|keep|store)\s+(?:\w+\s+){0,2}?(?:about|on)\s+me(?![a-z])"
    r"|(?<![a-z])what\s+data(?![a-z])"
)

_SELF = re.compile(r"(?<![a-z])(?:i|im|ive|id|me|my|mine)(?![a-z])")
_EARNINGS_FIRST = frozenset(
    ("earnings", "earning", "earned", "payslip", "payslips", "statement", "statements", "balance",
     "wages", "pay", "paid", "payments")
)  # fmt: skip
_MY_PAY = re.compile(
    r"(?<![a-z])my\s+(?:pay|earnings|wages|money|payslips?|statements?|balance|income|payments?)"
    r"(?![a-z])"
)
_EARN_WORDS = re.compile(
    r"(?<![a-z])(?:earn\w*|paid|payed|owed|wages"
    r"|how\s+much\s+(?:have|did|do|will|would|am)\s+i\s+(?:make|made|get|got|getting))(?![a-z])"
)

_RATES_FIRST = frozenset(("rates", "rate", "prices", "price"))
_RATES_ASKED = re.compile(
    r"(?<![a-z])(?:how\s+much\s+(?:do|does|is|are|can|will|would|for|they|an?|the|per|pay)"
    r"|what\s+(?:do|does|did|will|would|is|are|can)\s+(?:\w+\s+){0,4}?(?:pay|pays|paying|earn|earns"
    r"|make|makes|get|gets|charge|charges|rate|rates|wage)"
    r"|(?:going|average|avg|usual|typical|normal|current)\s+(?:rate|rates|pay|wage|wages|price)"
    r"|(?:rates?|pay|wages?)\s+(?:for|in|round|around|near))(?![a-z])"
)

_SHIFTS_FIRST = frozenset(
    ("shifts", "shift", "jobs", "job", "work", "gigs", "gig", "vacancies", "openings", "offers")
)
_SHIFTS_ASKED = re.compile(
    r"(?<![a-z])(?:any|got|have\s+you\s+got|is\s+there|are\s+there|what|which|more)\s+"
    r"(?:\w+\s+)?(?:work|shifts?|jobs?|gigs?|offers?|vacancies)(?![a-z])"
    r"|(?<![a-z])(?:shifts?|jobs?|work)\s+(?:available|going|near|today|tomorrow|tmrw)(?![a-z])"
)


def appeal(t: Text, ctx: Context) -> Parsed | None:
    """APPEAL D123 i was there the whole time; or any text asking to appeal."""
    if t.first == "appeal" or fuzzy(t.first, ("appeal",)):
        ref, detail = split_ref(t.after_first_word())
        return _with_detail("appeal", ref, detail, "ask_appeal")
    if _APPEAL.search(t.norm):
        return Parsed("appeal", offer_ref=find_ref(t.norm), detail=t.original)
    return None


def dispute(t: Text, ctx: Context) -> Parsed | None:
    """DISPUTE 4821 they paid 2 hours not 4; "they didnt pay me"; "problem with tuesday"."""
    if t.first in _DISPUTE_WORDS or fuzzy(t.first, ("dispute", "complaint")):
        ref, detail = split_ref(t.after_first_word())
        return _with_detail("dispute", ref, detail, "ask_dispute_ref" if ref else "ask_dispute")
    if _PAY_COMPLAINT.search(t.norm):
        return Parsed("dispute", offer_ref=find_ref(t.norm), detail=t.original)
    return None


def _with_detail(intent: str, ref: str | None, detail: str, ask: str) -> Parsed:
    """The command with its free text; without any, the question that asks for it."""
    if detail:
        return Parsed(intent, offer_ref=ref, detail=detail, exact=True)
    data = (("ref", ref),) if ref else ()
    return Parsed(intent, offer_ref=ref, ambiguous=True, ask=ask, ask_data=data)


def why(t: Text, ctx: Context) -> Parsed | None:
    """WHY, WHY 4821, why didnt i get that job, how come i never get offers."""
    if t.first == "why":
        ref, _ = split_ref(t.after_first_word())
        return Parsed("why", offer_ref=ref)
    if _HOW_COME.match(t.phrase):
        return Parsed("why", offer_ref=find_ref(t.norm))
    return None


def data_request(t: Text, ctx: Context) -> Parsed | None:
    """DELETE MY DATA, WHO SAW, MY RECORD, MY DATA and their everyday wordings."""
    s = t.phrase
    if _DELETE.search(s) or s in _DELETE_ALONE:
        return Parsed("delete_data")
    if _WHO_SAW.search(s):
        return Parsed("who_saw")
    if _MY_RECORD.search(s) or s in ("record", "history"):
        return Parsed("my_record")
    if _MY_DATA.search(s) or s in ("data", "mydata"):
        return Parsed("my_data")
    return None


def earnings(t: Text, ctx: Context) -> Parsed | None:
    """EARNINGS, my pay, how much have i earned, when do i get paid."""
    s = t.phrase
    short = len(t.words) <= 3 and not {"rate", "rates"} & set(t.words)
    if (t.first in _EARNINGS_FIRST and short) or _MY_PAY.search(s):
        return Parsed("earnings")
    if _SELF.search(s) and _EARN_WORDS.search(s):
        return Parsed("earnings")
    return None


def rates_query(t: Text, ctx: Context) -> Parsed | None:
    """RATES cleaning E1, what does care pay, how much do babysitters get round here."""
    asked = t.first in _RATES_FIRST or (
        _RATES_ASKED.search(t.phrase) is not None and _SELF.search(t.phrase) is None
    )
    if not asked:
        return None
    skills, _ = find_skills(t.words, ctx.skills)
    zip_code = find_zip(t.norm)
    postcode = find_postcode(t.norm)
    if postcode is None and zip_code is None:
        postcode = find_outward_code([w.strip(".,!?;:()") for w in t.norm.split()])
    return Parsed(
        "rates_query",
        skill=skills[0] if skills else None,
        postcode=postcode,
        zip=zip_code if postcode is None else None,
    )


def shifts_query(t: Text, ctx: Context) -> Parsed | None:
    """SHIFTS, jobs, any work, any cleaning shifts today."""
    first = t.first in _SHIFTS_FIRST and not any(w.isdecimal() for w in t.words)
    if not first and _SHIFTS_ASKED.search(t.phrase) is None:
        return None
    if first and has_hours(t, ctx):
        return None  # "work sat 9-5" offers hours rather than asking for them
    skills, _ = find_skills(t.words, ctx.skills)
    spec, _ = find_days(t.norm, ctx.at)
    day = whole_day(spec, ctx.at)
    return Parsed(
        "shifts_query",
        skill=skills[0] if skills else None,
        start=day[0] if day else None,
        end=day[1] if day else None,
    )
