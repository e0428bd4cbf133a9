"""Words for published rates, a worker's own data, who saw it, and WHY (English)."""

EN: dict[str, str] = {
    # RATES: only published figures, never a suggested price (rule 1).
    "rates": "{skill} {where}, {period}: middle half paid {q1}-{q3}/hr, median {median}, "
    "{workers} workers. Your price is yours to set.",
    # What the exchange takes: nothing from the worker's pay (the markup is the buyer's).
    "fee_told": "POEMS takes nothing from your pay: you get your own rate, less only the tax you "
    "ask us to hold. The buyer pays a {markup_pct}% fee on top, shared by your local franchisee "
    "and the exchange.",
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
    # WHY: every piece is said here from the codes the exchange gives
    "why_offer": "Offer {ref} ({outcome}): {reason} Rule: {rule}.",
    "why_shift": "Shift {shift}, {skill} {when}, did not come to you: {why_not}. Rule: {rule}.",
    "why_none": "No offers for you yet. {nudge} Offers go to workers free for all of a shift, "
    "asking at most its top rate, in their area; then {rule}.",
    "rule_rotation": "least recently booked first, then whoever said they were free first",
    "why_ranked": "You do {skill}; you were free {free_when}; you asked {asked_rate}/hr and the "
    "buyer pays up to {top_rate}; {place} is in your area. You were {position} of {of} "
    "({booked}).",
    "why_recorded": "{words}",
    "why_last_booked": "last booked {last_booked_day}",
    "why_never_booked": "never booked",
    "why_outcome_live": "open now",
    "why_outcome_accepted": "you took it",
    "why_outcome_declined": "you passed",
    "why_outcome_filled": "filled before you said yes",
    "why_outcome_expired": "it timed out",
    "why_outcome_withdrawn": "the buyer cancelled",
    "why_outcome_barred": "the law stopped the booking",
    "why_nudge_free": "You have no free times posted: text e.g. AVAILABLE SAT 9-5.",
    "why_nudge_no_shifts": "No open {skills} shifts just now.",
    "why_nudge_no_fit": "Open shifts did not fit your times, rate or area.",
    "why_not_not_active": "your account is paused or stopped",
    "why_not_skill": "it needs {skill}",
    "why_not_currency": "it pays in {shift_currency}",
    "why_not_rate": "you ask {asked_rate}/hr, over the buyer's top {top_rate}",
    "why_not_area": "{place} is outside your area",
    "why_not_shortest": "it is shorter than the shortest shift you take",
    "why_not_notice": "it starts sooner than the {notice_hours} hours' notice you asked for",
    "why_not_not_free": "you had not said you were free for all of it",
    "why_not_credential": "it needs {credential}, current on the day",
    "why_not_booked": "you were booked then",
    "why_not_offered": "it was offered to you already",
    "why_not_behind": "you fit it; {ahead} came before you by the rule, so it may still reach you",
    "why_not_next": "you fit it and are next in line",
    "why_not_filled": "it was filled before your turn came",
    "why_not_then": "it did not fit you when it was offered",
}
