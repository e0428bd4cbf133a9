"""Words for offers, bookings and a worker's everyday texts (English)."""

HELP = (
    "POEMS texts: AVAILABLE SAT 9-5 £13 | Y 1234 take an offer | N 1234 pass | "
    "DROP 1234 drop a booking | SHIFTS | RATE £14 | DISPUTE 1234 | STOP"
)

EN: dict[str, str] = {
    # Pieces of other texts
    "break_note": ", {minutes} min break",
    "rate_note": " at {rate}/hr",
    # Offers and bookings
    "offer": "Work: {skill} at {place}, {when}{break_note}, your rate {rate}/hr. Reply Y {ref} to take it, "
    "N {ref} to pass. Open till {expires}.",
    "booked": "Booked: {skill} at {place}, {when}, {rate}/hr for {buyer}. "
    "Can't go? Text DROP {ref}.",
    "accept_filled": "Sorry, {skill} {when} was filled just before your reply. "
    "We'll text you the next one.",
    "accept_closed": "Sorry, offer {ref} has closed. Text SHIFTS to see what is open for you.",
    "accept_already_booked": "You are already booked for {ref}: {skill} at {place}, {when}.",
    "accept_cancelled": "Sorry, {skill} {when} was cancelled by the buyer.",
    "declined": "OK, you passed on {ref}. We'll keep offering you work.",
    "dropped": "You dropped {ref}: {skill} {when}. The buyer has been told.",
    "shift_cancelled": "Cancelled by the buyer: {skill} at {place}, {when}. Reason: {reason}",
    "offer_withdrawn": "Offer {ref} is withdrawn: the buyer cancelled {skill} {when}.",
    "buyer_booked": "POEMS: {worker} booked for {skill} {when} at {rate}/hr "
    "({booked} of {slots} filled). Shift {shift}.",
    "buyer_dropped": "POEMS: {worker} dropped {skill} {when} (shift {shift}). "
    "We are offering it again.",
    "accept_expired": "Sorry, offer {ref} ({skill} {when}) closed at {expires} before your "
    "reply. We'll text you the next one.",
    # Asked back before anything a worker has is changed or ended (rule 12)
    "confirm_drop": "Drop your {skill} shift {when}? Reply DROP {ref} to confirm. "
    "Otherwise it stays booked.",
    "confirm_decline": "Pass on offer {ref}, {skill} {when}? Reply N {ref} to confirm, "
    "or Y {ref} to take it.",
    "offer_open_till": "Offer {ref}, {skill} {when}, is open till {expires}. Reply Y {ref} to "
    "take it, or N {ref} to pass.",
    "which_decline": "You have {count} offers: {listed}. Reply N and the number to pass on one, "
    "e.g. N {example}.",
    "confirm_rate": "Change your rate to {rate}/hr? Reply RATE {plain_rate} to confirm.",
    "confirm_postcode": "Change your postcode to {place}? Reply POSTCODE {place} to confirm.",
    "confirm_zip": "Change your ZIP to {place}? Reply ZIP {place} to confirm.",
    "confirm_skills": "Change your skills to {skills}? Reply SKILLS {skills} to confirm.",
    "confirm_name": "Change your name to {name}? Reply NAME {name} to confirm.",
    "confirm_tax": "Hold back {tax}% of your pay for tax? Reply TAX {tax} to confirm.",
    "confirm_travel": "Offers only within {miles} miles of your postcode? Reply TRAVEL {miles} "
    "to confirm.",
    "confirm_notice": "Offers only {notice_hours} hours or more ahead? Reply NOTICE {notice_hours} "
    "to confirm.",
    # The Inbox: a person reads what the exchange could not
    "inbox_received": "Thanks. A person at POEMS will read this and text you back. "
    "Text HELP for what you can send.",
    "inbox_urgent": "Thank you for telling us. A person at POEMS will text you back soon. "
    "If you are in danger now, call {emergency}.",
    "staff_reply": "POEMS: {text}",
    # Answers to a worker's own texts
    "which": "You have {count} offers: {listed}. Reply Y and the number, e.g. Y {example}.",
    "no_offer": "You have no open offers just now. Text AVAILABLE with your times to get some.",
    "drop_kept": "OK: your {skill} shift {when} stays booked.",
    "nothing_changed": "OK: nothing changed.",
    "no_offer_booked": "No offer is open just now. {lines}. See you there.",
    "unknown_ref": "No offer {ref} for you. Text SHIFTS to see your offers.",
    "which_booking": "You have {count} bookings: {listed}. Text DROP and the number, e.g. DROP "
    "{example}.",
    "no_booking": "You have no booking to drop. Text SHIFTS to see your offers and bookings.",
    "availability_saved": "Got it: free {when}{rate_note}. We'll text you offers that fit.",
    # BUSY: free no longer. {command_day} is the days as the BUSY command writes them.
    "confirm_busy": "No offers for {command_day}? Reply BUSY {command_day} to confirm. "
    "Your bookings stay.",
    "busy_on": "Done: no offers for {dates}. Your other free times stay.",
    "busy_from_to": "Done: no offers from {first} to {last}. Your other free times stay.",
    "busy_every": "Done: no offers for {command_day} from now on. Text AVAILABLE when you are "
    "free again.",
    "busy_still_booked": "You are still booked then: {lines}. To drop one, text DROP and its "
    "number.",
    # A refusal with no words of its own: nothing is said in a language the worker may not read
    "refused": "Sorry, we could not do that. {example} Text HELP to see how to write each command.",
    "ask_back": "{question}",
    "shifts": "{lines}",
    # An offer among the lines: a worker who asked before answering learns how to take it.
    "shifts_offer_open": "{lines}. To take one, reply Y and its number: Y {example}.",
    "shifts_none": "No offers or bookings just now. Text AVAILABLE with your times, "
    "e.g. AVAILABLE SAT 9-5.",
    "terms_updated": "Updated: {changes}.",
    "terms_unchanged": "No change: {changes}.",
    "help": HELP,
    "unknown": "Sorry, I didn't understand that. Try AVAILABLE SAT 9-5, Y 1234, SHIFTS or HELP.",
    "opted_in": "Welcome back to POEMS. You will get offers again. Text STOP to stop.",
    "opted_out": "POEMS: you will get no more texts from us. Text START to come back.",
    "opted_out_still": "POEMS: you asked for no more texts, so no offers come. Text START to get "
    "them again.",
    "operator": "Operators of the exchange cannot buy or sell on it.",
    "buyer_text": "POEMS: buyers post shifts through job-centre staff for now. Please call them.",
}
