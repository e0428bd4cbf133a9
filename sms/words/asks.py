"""Words for the questions the parser asks back when a text can mean two things (English).

{example_day} is a day as the worker wrote it, followed by a space ("sat ", "tmrw ") or nothing;
..._hours fields are spans of the clock as workers text them ("9am-5pm" in English, "9-17" in
the other languages).
"""

EN: dict[str, str] = {
    "ask_date": "Which date? Reply e.g. AVAILABLE {example_day}{example_hours}",
    "ask_days": "Which days? Reply e.g. AVAILABLE {example_day}{example_hours}",
    # "tomorrow" said in the small hours: the day that is starting, or the one after
    "ask_today_or_tomorrow": "Today, {first_day}, or {second_day}? Reply e.g. AVAILABLE "
    "{example_day}{example_hours}",
    "ask_times": "What times are you free{when_said}? Reply e.g. AVAILABLE {example_day}"
    "{example_hours}",
    "ask_from_to": "From what time to what time? Reply e.g. AVAILABLE {example_day}{example_hours}",
    "ask_one_range": "One time range per text, please. Reply e.g. AVAILABLE "
    "{example_day}{example_hours}",
    "ask_rate": "Is {said_rate} your rate per hour? Reply e.g. AVAILABLE {example_day}"
    "{example_hours} @{said_rate}",
    "ask_am_pm": "Did you mean {am_hours} or {pm_hours}? Reply e.g. AVAILABLE "
    "{example_day}{pm_hours}",
    "ask_accept_condition": "Can you do the whole shift? Reply Y and the offer number to take "
    "it as offered, or N and the number to pass.",
    "ask_accept_rate": "Offers pay the hourly rate you set. Reply Y and the offer number to take "
    "this one at yours, or N and the number to pass. To ask more from now on, text RATE and "
    "the amount.",
    "ask_how_to_stop": "To stop all texts from POEMS, reply STOP on its own.",
    "ask_dispute": "What went wrong? Reply e.g. DISPUTE 4821 they paid 2 hours not 4",
    "ask_dispute_ref": "What went wrong with {ref}? Reply e.g. DISPUTE {ref} they paid 2 hours "
    "not 4",
    "ask_appeal": "Which decision, and why? Reply e.g. APPEAL D123 i was there the whole time",
    "ask_postcode": "What is your postcode? Reply e.g. POSTCODE E1 6AN",
    "ask_zip": "What is your ZIP code? Reply e.g. ZIP 97201",
    "ask_skills": "Which skills? Reply e.g. SKILLS care cleaning",
    "ask_language": "Which language? Reply e.g. LANG es for Spanish, LANG pl for Polish",
    "ask_tax": "What percent of your pay should be held back for tax? Reply e.g. TAX 20",
    "ask_name": "What is your name? Reply e.g. NAME Ann Smith",
    "ask_travel": "How far will you travel? Reply e.g. TRAVEL 5 miles",
    "ask_hours_worked": "How many hours did you work? Reply e.g. DONE 3.5",
    # Days as a question's example says them
    "day_today_said": "today",
    "day_tomorrow_said": "tomorrow",
    "day_today": "today",
    "day_tomorrow": "tmrw",
    "day_tonight": "tonight",
    "day_yesterday": "yesterday",
    "day_every": "every {days}",
    # Days of the week after this one: "mon wed next week"
    "day_next_week": "{days} next week",
    "day_weekday": "weekday",
    # Monday to Friday as an example reply writes them, a span the parser reads back
    "day_mon_to_fri": "mon-fri",
    "day_weekend": "weekend",
    "day_every_day": "day",
    # The part of the day a question back names: "What times are you free tmrw in the morning?"
    "asked_part_morning": "in the morning",
    "asked_part_afternoon": "in the afternoon",
    "asked_part_evening": "in the evening",
    "asked_part_night": "at night",
    # One day of the week as a question names it: "What times are you free sat?" (Polish "w
    # sobotę", Spanish "el sábado": the day with the word a sentence puts before it)
    "asked_on_mon": "mon",
    "asked_on_tue": "tue",
    "asked_on_wed": "wed",
    "asked_on_thu": "thu",
    "asked_on_fri": "fri",
    "asked_on_sat": "sat",
    "asked_on_sun": "sun",
}
