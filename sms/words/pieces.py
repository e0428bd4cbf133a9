"""Words that other texts are built from: lists, skills, languages, a worker's terms (English).

Each is rendered on its own in the worker's language and joined into a notice's field, so a
Polish text never carries an English word it was put together from.
"""

SKILLS = (
    "care", "cleaning", "kitchen", "childcare", "warehouse", "hospitality", "gardening",
    "driving", "labouring", "retail", "admin", "security", "removals", "petcare",
)  # fmt: skip
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "pl": "Polish",
    "ro": "Romanian",
    "pt": "Portuguese",
}

EN: dict[str, str] = {
    "and_list": "{first} and {last}",
    **{f"skill_{skill}": skill for skill in SKILLS},
    **{f"language_{code}": name for code, name in LANGUAGE_NAMES.items()},
    # SHIFTS, one line each
    "shifts_offer_line": "Offer {ref}: {skill} at {place}, {when}, {rate}/hr",
    "shifts_booked_line": "Booked {ref}: {skill} at {place}, {when}, {rate}/hr",
    "buyer_shift_booked_line": "{skill} {when} (shift {shift}): {workers}, {booked} of {slots} "
    "booked",
    "buyer_shift_open_line": "{skill} {when} (shift {shift}): nobody booked yet, we are offering it",
    # A worker's terms, as changed
    "terms_rate": "your rate is {rate}/hr",
    "terms_place": "your area is {place}",
    "terms_skills": "your skills are {skills}",
    "terms_name": "your name is {name}",
    "terms_language": "your language is {language_name}",
    "terms_language_unwritten": "your language is {language_name}; our texts are in English "
    "until we have {language_name} ones",
    "terms_travel": "you take offers within {miles} miles",
    "terms_notice": "you need {notice_hours} hours' notice",
    "terms_shortest": "your shortest shift is {minutes} min",
    "rate_currency": "Sorry: rates here are in {currency}. e.g. RATE {plain_rate}",
    # RATES, MY DATA, WHO SAW
    "rates_near": "near {area}",
    "rates_when_place": "{place} median {median}/hr, middle half {q1}-{q3}",
    "rates_when_withheld": "{place} fewer than 5 workers",
    "rates_when_market": "all {market_area} median {median}/hr",
    # What a dispute is about, as its reference is told: "D12 (pay)".
    "category_pay": "pay",
    "category_hours": "hours",
    "category_cancellation": "cancellation",
    "category_conduct": "conduct",
    "category_safety": "safety",
    "category_other": "other",
    "part_morning": "morning",
    "part_afternoon": "afternoon",
    "part_evening": "evening",
    "part_night": "night",
    "rates_across": "across {market_area}",
    "rates_in": "in {market_area}",
    "rates_period": "4 weeks to {last_day}",
    "data_identity": "name {name}, {place}, {skills}",
    "data_identity_rate": "name {name}, {place}, {skills}, {rate}/hr",
    "data_no_postcode": "no postcode",
    "data_counts": "offers {offers}, bookings {bookings}, timesheets {timesheets}, payments "
    "{payments}, texts {texts}, free times {free_times}, staff looks {looks}",
    "who_saw_line": "{who} {look_day} {look_time}, {why}",
    "who_saw_earlier": "and {count} earlier",
    "access_asked_by_worker": "you asked for help",
    "access_onboarding": "signing you up",
    "access_shift_problem": "a problem with a shift",
    "access_payment": "a payment question",
    "access_dispute": "deciding a dispute",
    "access_credential": "a check you agreed to",
    "access_safety": "a safety concern",
    "access_legal": "a legal request",
    "access_export": "a copy of your data",
    "access_other": "another reason",
    # Disputes by text
    "dispute_line": "{number} {skill} {day_of}",
}
EN.update(
    {
        # What to send instead, after a refusal
        "example_available": "e.g. AVAILABLE SAT 9-5",
        "example_rate": "e.g. RATE 14.50",
    }
)
