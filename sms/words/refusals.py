"""Words for what the market refuses a worker, by the rule's code (English).

Each is the whole reply; `{example}` says what to send instead, where there is something to try.
"""

EN: dict[str, str] = {
    "refused_bad_window": "Sorry: The end must be after the start. {example}",
    "refused_past_window": "Sorry: That time has already passed. {example}",
    "refused_long_window": "Sorry: One free time can be 24 hours at most. {example}",
    "refused_no_days": "Sorry: Say which days, e.g. AVAILABLE every weekday 9-3",
    "refused_bad_rate": "Sorry: An hourly rate must be more than nothing and realistic. {example}",
    "refused_no_skills": "Sorry: You need at least one skill. e.g. SKILLS care cleaning",
    "refused_bad_place": "Sorry: {place} is not a postcode or ZIP we know. e.g. POSTCODE E1 6AN",
    "refused_bad_tax": "Sorry: Tax held back must be 0 to {most} percent, e.g. TAX 20. Your tax rate is "
    "unchanged.",
    "refused_bad_travel": "Sorry: A travel distance is 1 to 100 miles, e.g. TRAVEL 5",
    "refused_bad_notice": "Sorry: Notice is 0 to {most} hours (two weeks), e.g. NOTICE 24",
    "refused_no_booking": "Sorry: We can't find a booked shift of yours that has started. "
    "Text DONE when a booked shift ends, e.g. DONE 4.5",
    "refused_already_sent": "Your hours for booking {booking} are already sent. We will text you "
    "when the buyer answers.",
    "refused_bad_hours": "Sorry: That is not a number of hours worked. e.g. DONE 4.5 or DONE 4h30",
    "refused_before_the_end": "Your shift runs till {end_time}. If you finished early, reply "
    "DONE and the hours you worked, e.g. DONE {hours}",
    "refused_future_end": "Sorry: That time is still to come. e.g. DONE 4.5 or finished 6pm",
    "refused_hours_or_end": "Did you work {hours}, or leave at {end_time}? Reply DONE {hours} "
    "for the hours, or finished {end_time} for the time you left.",
    "refused_no_timesheet": "Sorry: No timesheet {ref} of yours. Text SHIFTS to see your bookings.",
    "refused_not_amended": "Booking {ref} has no changed hours waiting for you. Text SHIFTS to "
    "see your bookings.",
    "refused_already_confirmed": "Booking {ref} is already confirmed.",
    "refused_disputed": "Booking {ref} is disputed; staff will contact you.",
    "refused_unknown_dispute": "Sorry: You have no dispute {ref}.",
    "refused_decided": "Sorry: {ref} is decided: text APPEAL {ref} and why.",
    "refused_already_appealed": "Sorry: {ref} is already under appeal.",
    "refused_not_decided": "Sorry: {ref} has no decision to appeal yet.",
    "refused_appeal_closed": "Sorry: The time to appeal {ref} has passed.",
    "refused_bad_dob": "Sorry: That is not a date of birth we can take. e.g. DOB {example}",
    "refused_no_opt_out": "Sorry: The weekly limit here has no opt-out for you.",
    "refused_no_summary": "Sorry: Say what went wrong in the same text, e.g. DISPUTE 4821 they "
    "paid 3 hours, I did 4",
    "refused_no_reason": "Sorry: Say why in the same text, e.g. APPEAL D12 I was there all 4 hours",
    "refused_no_detail": "Sorry: Put what you want to add after the reference, e.g. DISPUTE D12 "
    "the manager saw me arrive",
    "refused_not_booked": "Sorry: That booking is no longer booked. Text SHIFTS to see your "
    "bookings.",
    "refused_no_dispute": "Sorry: We can't find that dispute of yours. Text SHIFTS to see your "
    "bookings.",
}
