"""Words for published rates, a worker's own data, who saw it, and WHY (English)."""

EN: dict[str, str] = {
    # RATES: only published figures, never a suggested price (rule 1).
    "rates": "{skill} {where}, {period}: middle half paid {q1}-{q3}/hr, median {median}, "
    "{workers} workers. Your price is yours to set.",
    "rates_none": "Not enough data yet for {skill} {where}: we show rates only once 5 or more "
    "workers were paid in the last 4 full weeks.",
    # RATES with a time of the week: "RATES childcare E3 tue evening". {lines} are the
    # rates_when_* pieces, nearest place first.
    "rates_when": "{skill} {when}, last {weeks} weeks: {lines}. Your price is yours to set.",
    "rates_when_none": "Not enough data yet for {skill} {when} within {miles} miles of {place}: "
    "we show rates only once 5 or more workers were paid.",
    "rates_which": "Rates for which work? e.g. RATES {example}. You do: {skills}",
    # MY DATA, WHO SAW, DELETE MY DATA
    "my_data": "We hold your number, {identity}; {counts}. Full copy: ask at a job centre. "
    "WHO SAW: who looked. DELETE MY DATA: erase it.",
    "who_saw": "Who saw your data: {lines}",
    "who_saw_none": "No staff have looked at your data. If they do, they must say why, "
    "and WHO SAW will tell you.",
    "delete_confirm": "This erases your name, number, texts and free times; pay records stay, "
    "with no name. You get no more texts. Reply DELETE within an hour to confirm.",
    "delete_kept": "OK, nothing was erased. Your data stays as it was.",
    # WHY
    "why_offer": "Offer {ref} ({outcome}): {reason}",
    "why_shift": "Shift {shift}, {skill} {when}, did not come to you: {why_not}. Rule: {rule}.",
    "why_none": "No offers for you yet. {nudge} Offers go to workers free for all of a shift, "
    "asking at most its top rate, in their area; then {rule}.",
}
