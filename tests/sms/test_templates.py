"""Every reply fits one SMS segment where it can and never more than two."""

from datetime import UTC, datetime

import pytest

from sms.parser import parse
from sms.segments import encoding, segments
from sms.templates import EN, LANGUAGES, day_said, render

START = datetime(2026, 12, 30, 9, 0, tzinfo=UTC).isoformat()
END = datetime(2026, 12, 30, 17, 30, tzinfo=UTC).isoformat()

# The longest values a real text carries: long names and places, big rates, many refs.
LONGEST = {
    "skill": "hospitality",
    "place": "Flat 12, Wellington House, 125 Commercial Road, E1 1RD",
    "postcode": "SW1A 1AA",
    "shift": "S123456",
    "start": START,
    "end": END,
    "expires_at": START,
    "tz": "Europe/London",
    "currency": "GBP",
    "rate": 99999,
    "ref": "9999",
    "buyer": "St Bartholomew's Residential Care Home",
    "worker": "Anna-Maria Kowalska-Nowak",
    "name": "Anna-Maria Kowalska-Nowak",
    "reason": "the residents had to move to another home because of a burst water main",
    "booked": 50,
    "slots": 50,
    "count": 9,
    "refs": "1111, 2222, 3333, 4444, 5555, 6666, 7777, 8888, 9999",
    # Up to four offers are listed with the day and time each starts; more, by number alone.
    "listed": [[ref * 4, START] for ref in "1234"],
    "example": "1111",
    "question": "Did you mean 5am-9am or 5pm-9pm? Reply e.g. AVAILABLE 5pm-9pm",
    # Questions asked back: a day as the worker wrote it and spans of the clock
    "example_day": "every:mon,tue,wed,thu,fri,sat",
    "example_hours": [21 * 60 + 30, 5 * 60 + 30],
    "am_hours": [5 * 60 + 30, 9 * 60 + 30],
    "pm_hours": [17 * 60 + 30, 21 * 60 + 30],
    "when_day": "every:mon,tue,wed,thu,fri,sat",
    "command_day": "every:mon,tue,wed,thu,fri,sat",
    # the two days "tomorrow" may be in the small hours, their names at their longest
    "first_day": "2026-09-30",
    "second_day": "2026-10-01",
    "when_part": "afternoon",
    "lines": "Offer 1234: hospitality Sat 28 Nov 10:00-14:00 | Booked 5678: care Sun 29 Nov 09:00-17:00",
    "changes": "your rate is £99.99/hr; your area is SW1A 1AA; your skills are care, cleaning, kitchen",
    "what": "DELETE MY DATA",
    "options": "1 care 2 cleaning 3 kitchen 4 childcare 5 warehouse 6 hospitality 7 gardening 8 retail",
    "skills": "care, cleaning, kitchen, childcare, warehouse",
    # At the desk: credential checks with consent
    "thing": "food hygiene certificate",
    "authority": "the Disclosure and Barring Service",
    "detail": "no record was found for this phone",
    "until": " until 31 Dec 2029",
    # The day of a shift
    "contact": "Anna-Maria Kowalska-Nowak, +447700900999",
    "late_minutes": 240,
    "shift_hours": "11.75",
    "times": "21:30-05:30",
    "checkin_time": START,
    "end_time": START,
    "start_time": START,
    "booking": "1234567",
    "days": "Mon, Tue, Wed, Thu, Fri and Sat",
    "dates": "Mon 28 Dec, Tue 29 Dec, Wed 30 Dec, Thu 31 Dec, Fri 1 Jan and Sat 2 Jan",
    "cap": 100,
    "eligible": 150,
    "asking_more": 150,
    "low_rate": 99999,
    "median_rate": 99999,
    "high_rate": 99999,
    "top_rate": 99999,
    # Money: timesheets, statements, receipts, earnings
    "day": "Wed 30 Dec",
    "hours": "23h59",
    "worker_hours": "23h59",
    "auto_hours": 168,
    "gross": "£99999.99",
    "withheld": "£59999.99",
    "net": "£99999.99",
    "tax": 60,
    "markup": "£9999.99",
    "markup_pct": "12.5",
    "franchisee": "£9999.99",
    "operator": "£9999.99",
    "total": "£99999.99",
    "week_gross": "£99999.99",
    "week_net": "£99999.99",
    "month_gross": "£99999.99",
    "month_net": "£99999.99",
    "hint": "Reply e.g. OK 1042 with the booking number we sent you.",
    # Data: rates, my data, who saw, why
    "where": "across Tower Hamlets and Hackney",
    "period": "4 weeks to 22 Nov",
    "q1": "£999.99",
    "q3": "£999.99",
    "median": "£999.99",
    "workers": 9999,
    "identity": "name Anna-Maria Kowalska-Nowak, SW1A 1AA, care, cleaning, kitchen, childcare, "
    "warehouse, £999.99/hr",
    "counts": "9999 offers, 999 bookings, 999 timesheets, 999 payments, 9999 texts, "
    "99 free times, 99 staff looks",
    "outcome": "filled before you said yes",
    "why_not": "you fit it; 49 came before you by the rule, so it may still reach you",
    "rule": "least recently booked first, then whoever said they were free first",
    "nudge": "No open care or cleaning or kitchen or childcare or warehouse shifts just now.",
    # The law: minimum wage, date of birth, breaks, what kept a booking away
    "minimum_rate": 99999,
    "new_rate": 99999,
    "from_day": "Wed 30 Dec 2026",
    "break_minutes": 45,
    "minutes": 45,
    "rule_reason": "It would make 52h30 a week on average. 48 hours a week on average over 17 "
    "weeks, unless you opt out in writing (Working Time Regulations 1998 regs 4-5). Text WORK "
    "OVER 48 to opt out",
    "timesheet": "1234567",
    # Disputes: the longest reference, category and verdict a decision carries
    "dispute": "D99999",
    "category": "cancellation",
    "decision": "part",
    "amount": "£99999.99",
    "said_rate": "200",
    "plain_rate": "999.99",
    "miles": 100,
    "notice_hours": 168,
    "emergency": "999",
    "markets": "London (GB), Leeds (GB), Portland care (US)",
    "from_date": "2027-12-30",
    "text": "We have looked at your message about the shift at the care home on Tuesday. "
    "Please call the job centre on 020 7946 0000 between 9 and 5 so we can talk it through with "
    "you, and bring your timesheet if you have a copy of it.",
    "appeal_days": 14,
    "points": 9,
    "limit": 3,
    "details": "; ".join(
        ["D99999 (cancellation): the residents had to mo..., ends 31 Dec 2027"] * 3
    )
    + "; and 6 older",
    # Pieces other replies are built from
    "first": "care, cleaning, kitchen, childcare",
    "last": "warehouse",
    "language_name": "Portuguese",
    "area": "SW1A 1AA",
    "market_area": "Tower Hamlets and Hackney",
    "last_day": "2027-12-30",
    "ends_day": "2027-12-30",
    "look_day": "2027-12-30",
    "look_time": START,
    "day_of": "2027-12-30",
    "offers": 9999,
    "bookings": 999,
    "timesheets": 999,
    "payments": 999,
    "texts": 9999,
    "free_times": 99,
    "looks": 99,
    "who": "Anna-Maria Kowalska-Nowak (job centre, Tower Hamlets)",
    "why": "to settle dispute D99999 about the shift at the care home",
    "number": "D99999",
    "most": 99,
    "weeks": 12,
    # WHY and the law's rules, said from the exchange's codes
    "needed_minutes": 60,
    "law": "48 hours a week on average over 17 weeks, unless you opt out in writing (Working "
    "Time Regulations 1998 regs 4-5)",
    "worked": "52h30",
    "rest": "10h30",
    "age": 16,
    "after_day": "2027-06-25",
    "opt_out": {"code": "law_week_opt_out"},
    "shift_currency": "USD",
    "asked_rate": 99999,
    "credential": "food hygiene certificate",
    "ahead": 49,
    "position": 49,
    "of": 50,
    "free_when": [START, END],
    "last_booked_day": START,
    "words": "You do care; you are free Wed 30 Dec 09:00-17:30; you ask £99.99/hr and the buyer "
    "pays up to £99.99; SW1A 1AA is in your area. You were 49 of 50 (never booked).",
    "flag": "No break recorded on 11h45 of work; the law asks for 30 minutes (Under 18: a "
    "30-minute break in a shift of more than 4.5 hours (Working Time Regulations 1998 reg 12(4)))",
}

ONE_SEGMENT = {
    "declined",
    "accept_closed",
    "no_offer",
    "help",
    "unknown",
    "opted_in",
    "operator",
    "signup_name",
    "statement",
    "earnings",
    "tax_set",
}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("kind", sorted(EN))
def test_every_template_fits_two_segments_with_the_longest_values(kind, language):
    text = render(kind, language, LONGEST)
    assert segments(text) <= 2, text
    assert not text.endswith("..."), f"{kind} had to be cut: {text}"


@pytest.mark.parametrize("kind", sorted(ONE_SEGMENT))
def test_short_replies_fit_one_segment(kind):
    assert segments(render(kind, "en", LONGEST)) == 1


@pytest.mark.parametrize("kind", sorted(EN))
def test_templates_stay_in_the_gsm_alphabet(kind):
    assert encoding(render(kind, "en", LONGEST)) == "GSM-7"


def test_an_offer_reads_in_local_time_with_the_reference():
    text = render(
        "offer",
        "en",
        LONGEST | {"start": "2026-07-01T08:00:00+00:00", "end": "2026-07-01T12:00:00+00:00"},
    )
    assert "Wed 1 Jul 09:00-13:00" in text and "Y 9999" in text
    assert "Open till 09:00." in text  # LONGEST's expiry, 09:00 UTC in winter


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "mon-fri"), ("pl", "poniedziałek-piątek"), ("pt", "segunda-sexta"),
     ("es", "lunes-viernes"), ("ro", "luni-vineri")],
)  # fmt: skip
def test_the_working_week_in_an_example_reads_as_people_write_it(language, said):
    """Before, Portuguese examples read "LIVRE segunda-feira-sexta-feira 8-16"."""
    assert day_said("days:mon,tue,wed,thu,fri", language, "GBP") == said
    reread = parse(
        f"available {said} 9-5", datetime(2026, 12, 7, 10, tzinfo=UTC), language=language
    )
    assert reread.days == ("mon", "tue", "wed", "thu", "fri")
