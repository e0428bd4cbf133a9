"""Words for the day of a shift: waves, reminders, lateness, check-in (English)."""

EN: dict[str, str] = {
    # Reminders, to the worker
    "reminder_evening": "Tomorrow: {skill} at {place}, {when}. Ask for {contact}. "
    "Running late? Text LATE 15. Can't go? Text DROP {ref}.",
    "reminder_before": "Soon: {skill} at {place}, {when}. Ask for {contact}. "
    "Running late? Text LATE 15. Text HERE when you arrive.",
    "booking_contact": "For {skill} at {place}, {when} (booking {ref}): ask for {contact}.",
    # Lateness and check-in, to the worker
    "late_noted": "Thanks. We told {buyer} you will be {late_minutes} min late for {skill} {when}.",
    "late_noted_unsent": "Noted: {late_minutes} min late for {skill} {when}. {buyer} has no "
    "phone with us: please call {contact}.",
    "late_on_time": "Thanks. You will be on time for {skill} {when}: nobody needs telling. "
    "See you there.",
    "how_late": "How late will you be? Text LATE and the minutes, e.g. LATE 15.",
    "late_noted_unsure": "Thanks. We told {buyer} you are running late for {skill} {when}. When "
    "you know how late, text LATE and the minutes, e.g. LATE 15.",
    "late_no_booking": "You have no shift in the next 12 hours. Text SHIFTS to see your bookings.",
    "checked_in": "Checked in {checkin_time}. Text DONE {shift_hours} when you finish.",
    "already_in": "You checked in at {checkin_time}. Text DONE {shift_hours} when you finish.",
    "checked_in_passed_on": "Checked in {checkin_time}. We passed your message to {buyer}. "
    "Text DONE {shift_hours} when you finish.",
    "checked_in_call": "Checked in {checkin_time}. {buyer} has no phone with us: please call "
    "{contact}. Text DONE {shift_hours} when you finish.",
    "checkin_too_early": "Your next shift is {skill} at {place}, {when}. Text HERE when you "
    "get there.",
    "checkin_no_booking": "You have no shift starting within the hour. Text SHIFTS to see "
    "your bookings.",
    # Availability that repeats, or several days at once
    "availability_repeats": "Got it: free every {days}, {times}{rate_note}. We'll text you "
    "offers that fit.",
    "availability_saved_days": "Got it: free {dates}, {times}{rate_note}. We'll text you offers "
    "that fit.",
    # The daily cap on texts
    "digest": "More offers came today than your daily limit of {cap} texts. Text SHIFTS to see "
    "the open ones.",
    # To the buyer
    "buyer_late": "POEMS: {worker} is running {late_minutes} min late for {skill} {when} "
    "(shift {shift}).",
    "buyer_late_unsure": "POEMS: {worker} is running late for {skill} {when} (shift {shift}) "
    "and cannot yet say how long.",
    "buyer_arrival_words": "POEMS: {worker} is at {place} for {skill} {when} (shift {shift}) "
    "and says: {words}",
    "checkin_check": "POEMS: has {worker} arrived for {skill} {start_time}? "
    "Reply ARRIVED {booking} or NOSHOW {booking}.",
    "shift_unfilled": "POEMS: nobody is left to offer {shift} ({skill} {when}); {booked} of "
    "{slots} booked. Eligible workers offered it: {eligible}, asking {low_rate} to {high_rate}/hr, "
    "median {median_rate}. Free nearby but asking over your top {top_rate}: {asking_more}.",
    "shift_unfilled_few": "POEMS: nobody is left to offer {shift} ({skill} {when}); {booked} of "
    "{slots} booked. Eligible workers offered it: {eligible} (too few to show their rates). "
    "Free nearby but asking over your top {top_rate}: {asking_more}.",
}
