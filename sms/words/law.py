"""Words for the law in the market: minimum wage, date of birth, working time, breaks (English)."""

EN: dict[str, str] = {
    # A rate under the legal minimum: at sign-up, and by RATE
    "under_minimum": "{rate} is under the legal minimum for you, {minimum_rate}. "
    "Reply with {minimum_rate} or more.",
    "rate_under_minimum": "{rate} is under the legal minimum for you, {minimum_rate}. "
    "Text RATE {minimum_rate} or more.",
    # Date of birth, asked only where the market's rules depend on age
    "signup_dob": "Your date of birth? The law here sets pay and working hours by age, "
    "so we need it. e.g. {example}",
    "signup_dob_again": "Please send your date of birth like {example}",
    "signup_too_young": "Sorry, you can take work here from {from_date}: the law on work "
    "while at school. Text JOIN then to sign up.",
    "dob_saved": "Thanks, your date of birth is saved. Offers that fit can reach you now.",
    "dob_again": "Please send your date of birth like DOB {example}",
    # A rise in the minimum: the price changes only on the worker's YES (rule 1)
    "minimum_rose": "The legal minimum for you is {new_rate}/hr from {from_day}, over your "
    "rate of {rate}/hr. Reply YES to raise your rate to {new_rate}, or text RATE and your own "
    "rate at or over it. Till then no offers from that day.",
    "no_raise": "There is no new minimum waiting for your YES. Text RATE and an amount to set "
    "your own rate.",
    "raise_done": "Done: your rate is now {rate}/hr. Offers can reach you again.",
    # A YES the law stops at the moment of booking (WHY names the rule afterwards too)
    "accept_barred": "Sorry, we can't book you for {ref} ({skill} {when}): {rule_reason}",
    # The rule of the law that keeps a worker from a shift (in accept_barred and WHY)
    "law_age": "we need your date of birth first: pay and hours here depend on age. "
    "Text it as e.g. {example}",
    "law_school_age": "you can take work here after {after_day} ({law})",
    "law_minimum_age": "work here is from age {age} ({law})",
    "law_right_to_work": "this market needs a checked right to work first. Ask job-centre "
    "staff; nothing is checked without your YES",
    "law_minimum_wage": "your rate {rate}/hr is under the legal minimum for you, "
    "{minimum_rate}. Text RATE {minimum_rate} or more",
    "law_break": "this shift has a {break_minutes} min break; you need {needed_minutes} ({law})",
    "law_busy": "you are already booked for part of that time",
    "law_night": "it is night work, which the law does not allow for you ({law})",
    "law_day": "it would make {worked} that day ({law})",
    "law_rest": "it would leave only {rest} rest in 24 hours ({law})",
    "law_week": "it would make {worked} a week ({law}){opt_out}",
    "law_week_average": "it would make {worked} a week on average ({law}){opt_out}",
    "law_week_opt_out": ". Text WORK OVER 48 to opt out",
    # The written opt-out of the 48-hour average week
    "week_opted_out": "Recorded: you agree in writing to work over 48 hours a week on average. "
    "Text 48 LIMIT to take it back (7 days' notice).",
    "week_opt_out_ends": "Recorded: the 48-hour average limit applies to you again from "
    "{ends_day}.",
    "week_not_opted_out": "You have not opted out: the 48-hour average limit applies to you.",
    # Breaks, for the buyer
    "buyer_break_missing": "POEMS: timesheet {timesheet}, {skill} {day} (shift {shift}): {flag}.",
}
