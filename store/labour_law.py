"""The labour rule sets POEMS ships, as data: every figure with its law and source beside it.

Loaded into LabourRule rows by `poems db upgrade` (rows already there are left alone), so the
console can show them and add to them. A change of law is a new row with a later
`effective_from`, never an edit. Figures checked as of 26 November 2026; any figure we could
not confirm says so in its note, beginning "UNVERIFIED".

Minutes, not hours, for time; minor units (pence, cents) for money.
"""

from datetime import date
from typing import Any

WTR = "https://www.legislation.gov.uk/uksi/1998/1833"
NMW = "https://www.gov.uk/national-minimum-wage-rates"
BOLI_WAGE = "https://www.oregon.gov/boli/workers/pages/minimum-wage.aspx"
OAR = "https://secure.sos.state.or.us/oard/view.action?ruleNumber="

UK: list[dict[str, Any]] = [
    # National Minimum Wage and National Living Wage, by age band. History kept: April 2025 rates.
    {
        "kind": "minimum_wage",
        "age_from": 21,
        "value": 1221,
        "effective_from": date(2025, 4, 1),
        "law": "National Living Wage, 21 and over (National Minimum Wage Regulations 2015 reg 4)",
        "source": f"{NMW} (rates from 1 April 2025)",
    },
    {
        "kind": "minimum_wage",
        "age_from": 18,
        "age_to": 20,
        "value": 1000,
        "effective_from": date(2025, 4, 1),
        "law": "National Minimum Wage, 18 to 20 (National Minimum Wage Regulations 2015 reg 4A)",
        "source": f"{NMW} (rates from 1 April 2025)",
    },
    {
        "kind": "minimum_wage",
        "age_from": 16,
        "age_to": 17,
        "value": 755,
        "effective_from": date(2025, 4, 1),
        "law": "National Minimum Wage, under 18 (National Minimum Wage Regulations 2015 reg 4A)",
        "source": f"{NMW} (rates from 1 April 2025)",
    },
    {
        "kind": "minimum_wage",
        "age_from": 21,
        "value": 1271,
        "effective_from": date(2026, 4, 1),
        "law": "National Living Wage, 21 and over (National Minimum Wage Regulations 2015 reg 4)",
        "source": f"{NMW} (rates from 1 April 2026: Low Pay Commission advice accepted at the "
        "Budget, 26 November 2025; National Minimum Wage (Amendment) Regulations 2026)",
    },
    {
        "kind": "minimum_wage",
        "age_from": 18,
        "age_to": 20,
        "value": 1085,
        "effective_from": date(2026, 4, 1),
        "law": "National Minimum Wage, 18 to 20 (National Minimum Wage Regulations 2015 reg 4A)",
        "source": f"{NMW} (rates from 1 April 2026)",
    },
    {
        "kind": "minimum_wage",
        "age_from": 16,
        "age_to": 17,
        "value": 800,
        "effective_from": date(2026, 4, 1),
        "law": "National Minimum Wage, under 18 (National Minimum Wage Regulations 2015 reg 4A)",
        "source": f"{NMW} (rates from 1 April 2026)",
        "note": "The apprentice rate (also £8.00) is not traded here: apprenticeships are not "
        "booked by the shift.",
    },
    {
        "kind": "school_leaving",
        "value": 16,
        "effective_from": date(1998, 6, 26),
        "law": "No work before leaving school: the last Friday in June of the school year you "
        "turn 16 (Education Act 1996 s8)",
        "source": "https://www.legislation.gov.uk/ukpga/1996/56/section/8 ; Children and Young "
        "Persons Act 1933 s18 (https://www.legislation.gov.uk/ukpga/Geo5/23-24/12/section/18)",
        "note": "England and Wales; in force in this form since 1998. Children's work is governed "
        "by local byelaws the exchange cannot check, so it offers no work until a person "
        "leaves compulsory school age.",
    },
    # Working Time Regulations 1998 (in force 1 October 1998; young workers from 6 April 2003).
    {
        "kind": "week",
        "age_from": 18,
        "value": 48 * 60,
        "period_days": 17 * 7,
        "rolling": True,
        "opt_out": True,
        "effective_from": date(1998, 10, 1),
        "law": "48 hours a week on average over 17 weeks, unless you opt out in writing "
        "(Working Time Regulations 1998 regs 4-5)",
        "source": f"{WTR}/regulation/4",
        "note": "Counts every shift booked through the exchange, whoever the buyer, breaks "
        "included: it can only err on the safe side.",
    },
    {
        "kind": "week",
        "age_to": 17,
        "value": 40 * 60,
        "period_days": 7,
        "effective_from": date(2003, 4, 6),
        "law": "Under 18: 40 hours a week, not averaged, no opt-out (Working Time "
        "Regulations 1998 reg 5A)",
        "source": f"{WTR}/regulation/5A",
        "note": "A week runs from Monday 00:00 local time (reg 2).",
    },
    {
        "kind": "day",
        "age_to": 17,
        "value": 8 * 60,
        "effective_from": date(2003, 4, 6),
        "law": "Under 18: 8 hours a day (Working Time Regulations 1998 reg 5A)",
        "source": f"{WTR}/regulation/5A",
    },
    {
        "kind": "rest",
        "age_from": 18,
        "value": 11 * 60,
        "effective_from": date(1998, 10, 1),
        "law": "11 hours' rest in a row in each 24 hours (Working Time Regulations 1998 reg 10)",
        "source": f"{WTR}/regulation/10",
        "note": "Shifts less than 11 hours apart count as one working day, which must fit in "
        "13 hours, so 11 hours' rest follow within 24 hours of its start. A split shift "
        "(9-13 and 15-17) is fine.",
    },
    {
        "kind": "rest",
        "age_to": 17,
        "value": 12 * 60,
        "effective_from": date(2003, 4, 6),
        "law": "Under 18: 12 hours' rest in a row in each 24 hours (Working Time Regulations "
        "1998 reg 10(2))",
        "note": "Shifts less than 12 hours apart count as one working day, which must fit in "
        "12 hours.",
        "source": f"{WTR}/regulation/10",
    },
    {
        "kind": "break",
        "age_from": 18,
        "value": 20,
        "over_minutes": 6 * 60,
        "effective_from": date(1998, 10, 1),
        "law": "A 20-minute break in a shift of more than 6 hours (Working Time Regulations "
        "1998 reg 12)",
        "source": f"{WTR}/regulation/12",
    },
    {
        "kind": "break",
        "age_to": 17,
        "value": 30,
        "over_minutes": 270,
        "effective_from": date(2003, 4, 6),
        "law": "Under 18: a 30-minute break in a shift of more than 4.5 hours (Working Time "
        "Regulations 1998 reg 12(4))",
        "source": f"{WTR}/regulation/12",
    },
    {
        "kind": "night",
        "age_to": 17,
        "night_from": "22:00",
        "night_to": "06:00",
        "effective_from": date(2003, 4, 6),
        "law": "Under 18: no work between 22:00 and 06:00 (Working Time Regulations 1998 reg 6A)",
        "source": f"{WTR}/regulation/6A",
        "note": "The law allows 23:00-07:00 where a contract needs work after 22:00, and some "
        "sectors are excepted (reg 27A); the exchange keeps 22:00-06:00 with no exceptions.",
    },
]

PORTLAND: list[dict[str, Any]] = [
    {
        "kind": "minimum_wage",
        "authority": "federal",
        "value": 725,
        "effective_from": date(2009, 7, 24),
        "law": "Federal minimum wage (Fair Labor Standards Act, 29 U.S.C. 206(a)(1))",
        "source": "https://www.dol.gov/agencies/whd/minimum-wage",
        "note": "Oregon's higher minimum applies; the higher of the two always wins.",
    },
    {
        "kind": "minimum_wage",
        "authority": "oregon",
        "value": 1595,
        "effective_from": date(2024, 7, 1),
        "law": "Oregon minimum wage, Portland metro (ORS 653.025)",
        "source": f"{BOLI_WAGE} (rate from 1 July 2024)",
    },
    {
        "kind": "minimum_wage",
        "authority": "oregon",
        "value": 1630,
        "effective_from": date(2025, 7, 1),
        "law": "Oregon minimum wage, Portland metro (ORS 653.025)",
        "source": f"{BOLI_WAGE} (rate from 1 July 2025: standard $15.05, Portland metro $16.30, "
        "nonurban $14.05)",
        "note": "UNVERIFIED for July 2026: BOLI sets each 1 July rate from the CPI every April; "
        "the rate from 1 July 2026 was not known when this was written. Add it as a new row "
        "(effective 2026-07-01) once confirmed on the BOLI page.",
    },
    {
        "kind": "minimum_age",
        "authority": "poems",
        "value": 16,
        "effective_from": date(2024, 1, 1),
        "law": "Work from age 16 only: under-16 hours depend on school days "
        "(OAR 839-021-0070; 29 CFR 570.35)",
        "source": f"{OAR}839-021-0070 ; https://www.ecfr.gov/current/title-29/section-570.35",
        "note": "A market policy built on the law, not a figure of the law itself: under 16, "
        "hours and times depend on school days and terms the exchange cannot know.",
    },
    {
        "kind": "week",
        "authority": "oregon",
        "age_from": 16,
        "age_to": 17,
        "value": 44 * 60,
        "period_days": 7,
        "effective_from": date(2024, 1, 1),
        "law": "Age 16 and 17: 44 hours a week (OAR 839-021-0067(1))",
        "source": f"{OAR}839-021-0067",
        "note": "In force before 2024; earlier history not recorded here. Oregon and federal law "
        "set no daily or night limit at 16 and 17, and no weekly limit for adults (overtime "
        "pay is not a limit).",
    },
    {
        "kind": "break",
        "authority": "oregon",
        "value": 30,
        "over_minutes": 6 * 60 - 1,
        "effective_from": date(2024, 1, 1),
        "law": "A 30-minute meal period in a work period of 6 hours or more (OAR "
        "839-020-0050(2); minors OAR 839-021-0072(1))",
        "source": f"{OAR}839-020-0050 ; {OAR}839-021-0072",
        "note": "6 hours or more, so over 359 minutes. In force before 2024. Paid rest periods "
        "(10 minutes per 4 hours, 15 for minors) are inside working time and not scheduled.",
    },
]

RULE_SETS: dict[str, list[dict[str, Any]]] = {
    "uk": [{"authority": "uk", **row} for row in UK],
    "us-or-portland": PORTLAND,
}

# The rule set a new default market gets from its region when POEMS_MARKET_RULES is not set.
BY_REGION = {"GB": "uk", "US": "us-or-portland"}
