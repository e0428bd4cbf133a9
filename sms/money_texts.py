"""A worker's texts about hours and money: DONE, ACCEPT or DISPUTE changed hours, TAX, EARNINGS."""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session

from exchange.errors import Refused
from exchange.notices import notify_worker
from services import days, timesheets
from services.selling import bookings_to_come, open_offers
from services.terms import change_own_terms
from services.unit import TextTransaction
from sms import confirming, day_texts, dispute_texts, refusals
from sms.day_texts import hours_text
from sms.parser import Parsed
from sms.parsing.text import Text
from store.models import Market, Notice, Worker

Handler = Callable[[Session, Worker, Market, Parsed, datetime], None]

# What to try next, where the refusal's own words do not say: none so far.
EXAMPLES: dict[str, str] = {}


def check_out(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """DONE, DONE 5.5, finished 6pm: the hours go to the buyer (the exchange acks the worker).
    Other hours than the buyer's, just after the buyer changed them ("i did 6 hours not 4"),
    dispute the change, as DISPUTE 1042 6 would."""
    amended = timesheets.changed_hours_waiting(TextTransaction(session), worker.id)
    if len(amended) == 1 and parsed.minutes_worked not in (None, amended[0][1]):
        said = f"{hours_text(parsed.minutes_worked)}h"
        dispute_texts.dispute(
            session, worker, market, replace(parsed, offer_ref=amended[0][0], detail=said), now
        )
        return
    try:
        days.check_out(
            TextTransaction(session),
            worker.id,
            now,
            minutes=parsed.minutes_worked,
            end=parsed.end,
            end_either_half=parsed.end_either_half,
            ref=parsed.offer_ref,
            break_minutes=parsed.break_minutes,
            hours_or_end=parsed.hours_or_end,
            end_past_booked=parsed.end_past_booked,
        )
    except Refused as refusal:
        bare = (
            parsed.minutes_worked is None
            and parsed.end is None
            and parsed.end_past_booked is None
            and parsed.offer_ref is None
        )
        if (
            refusal.code in ("no_booking", "not_started")
            and bare
            and _starting_soon(session, worker, now)
        ):
            # "leaving now" before the shift: leaving home, on the way, not leaving work
            day_texts.late(session, worker, market, Parsed("late", late_from_now=True), now)
            return
        _refused(session, worker, refusal, now)


# How soon a booking starts for "leaving now" to be the way there.
_ON_THE_WAY_BEFORE = timedelta(hours=3)


def _starting_soon(session: Session, worker: Worker, now: datetime) -> bool:
    coming = bookings_to_come(TextTransaction(session), worker.id, now)
    return bool(coming) and now < coming[0][1].start <= now + _ON_THE_WAY_BEFORE


def accept_or(fallback: Handler) -> Handler:
    """ACCEPT for changed hours when it can only mean them; otherwise the offer YES runs."""

    def accept(
        session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
    ) -> None:
        text = TextTransaction(session)
        amended = timesheets.changed_hours_to_answer(text, worker.id)
        if parsed.offer_ref is not None and parsed.offer_ref in amended:
            ref = parsed.offer_ref
        elif parsed.offer_ref is None and amended and not open_offers(text, worker.id):
            if len(amended) > 1:
                _which(session, worker, amended, now)
                return
            ref = amended[0]
            if not parsed.exact and not _just_asked_about_hours(session, worker, now):
                # "ok" an hour later, or to an offer that has just closed: less pay is never
                # agreed on a guess; the closed offer's fate is told, or the hours asked again
                if not confirming.late_yes(session, worker, market, now):
                    timesheets.ask_again_about_changed_hours(text, worker.id, ref, now)
                return
        else:
            fallback(session, worker, market, parsed, now)
            return
        try:
            timesheets.accept_changed_hours(text, worker.id, ref, now)
        except Refused as refusal:
            _refused(session, worker, refusal, now)

    return accept


def decline_or(fallback: Handler) -> Handler:
    """A NO to the buyer's changed hours ("no thats wrong") asks them again, with how to
    dispute; it is no pass on an offer, and never gives up a booking. Otherwise `fallback`."""

    def decline(
        session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
    ) -> None:
        text = TextTransaction(session)
        amended = timesheets.changed_hours_to_answer(text, worker.id)
        # after another question ("Drop your shift?"), the NO is that question's answer
        last = confirming.last_notice(session, worker, now)
        if (
            parsed.offer_ref is None
            and len(amended) == 1
            and (last is None or last.kind == "timesheet_amended")
            and not open_offers(text, worker.id)
        ):
            timesheets.ask_again_about_changed_hours(text, worker.id, amended[0], now)
            return
        fallback(session, worker, market, parsed, now)

    return decline


def _just_asked_about_hours(session: Session, worker: Worker, now: datetime) -> bool:
    last = confirming.last_notice(session, worker, now)
    return last is not None and last.kind == "timesheet_amended"


def tax(session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime) -> None:
    """TAX 20: the share of future pay held back for tax, recorded as a change of terms."""
    try:
        change_own_terms(TextTransaction(session), worker.id, now, tax_percent=parsed.tax_percent)
    except Refused as refusal:
        _refused(session, worker, refusal, now)
        return
    notify_worker(session, worker, "tax_set", now, tax=worker.tax_percent)


def earnings(
    session: Session, worker: Worker, market: Market, parsed: Parsed, now: datetime
) -> None:
    """EARNINGS: this week's and this month's pay, before and after tax."""
    totals = timesheets.earnings(TextTransaction(session), worker.id, now, market.tz)
    notify_worker(
        session,
        worker,
        "earnings",
        now,
        week_gross=totals.week.gross,
        week_net=totals.week.net,
        month_gross=totals.month.gross,
        month_net=totals.month.net,
        currency=totals.currency,
    )


def _which(session: Session, worker: Worker, refs: list[str], now: datetime) -> None:
    notify_worker(
        session,
        worker,
        "which_timesheet",
        now,
        count=len(refs),
        refs=", ".join(refs),
        example=refs[0],
    )


def _refused(session: Session, worker: Worker, refusal: Refused, now: datetime) -> None:
    refusals.tell(session, worker, refusal, now, example=EXAMPLES.get(refusal.code, ""))


# Not agreed, said in words: "no", "i dont agree", "thats not right".
_DISAGREED = re.compile(
    r"^\W*(?:no|nope|nah)(?![a-z])|(?<![a-z])(?:(?:dont|do\s+not|cant|cannot)\s+agree|disagree"
    r"|wrong|incorrect|not\s+(?:right|true|correct|fair))(?![a-z])"
)
# Hours said: "4", "4.5", "4h", not a time of day ("9:30").
_HOURS_SAID = re.compile(r"(?<![0-9.,:])[0-9]{1,2}(?:[.,][0-9]{1,2})?(?![0-9:])")


def hours_disputed(
    body: str, parsed: Parsed, language: str | None, asked: Notice | None
) -> Parsed | None:
    """ "no i did 4", "nie zgadzam się, byłam 4 godziny" just after "{buyer} changed your hours
    ... Reply ACCEPT or DISPUTE and the hours you worked": the dispute, in the worker's words."""
    if asked is None or asked.kind != "timesheet_amended":
        return None
    norm = Text.of(body, language).norm
    if not _DISAGREED.search(norm):
        return None
    if not _HOURS_SAID.search(norm):
        return None
    return Parsed("dispute", detail=body, category="hours")
