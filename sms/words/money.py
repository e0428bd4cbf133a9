"""Words for timesheets, settlement, statements and earnings (English)."""

EN: dict[str, str] = {
    # To the worker
    "timesheet_sent": "Thanks. {hours} for {skill} {day}{break_note} sent to {buyer} to confirm "
    "(booking {booking}). If they don't answer in {auto_hours}h, your hours stand.",
    "timesheet_amended": "{buyer} changed your hours for {skill} {day} (booking {booking}) "
    "from {worker_hours} to {hours}. Reply ACCEPT {booking} to agree, or DISPUTE {booking} "
    "and the hours you worked.",
    "timesheet_stood": "{buyer} did not answer in {auto_hours}h, so your {hours} for booking "
    "{booking} stand. Your pay statement follows.",
    "which_timesheet": "You have {count} changed timesheets: {refs}. Reply ACCEPT and the "
    "number, e.g. ACCEPT {example}.",
    "statement": "Pay for booking {booking}: {hours} at {rate}/hr = {gross}. "
    "Tax held {withheld} ({tax}%). You get {net}.",
    "cancel_statement": "{buyer} cancelled {skill} {day} late, so you get {hours} cancellation "
    "pay (booking {booking}): {hours} at {rate}/hr = {gross}. Tax held {withheld} ({tax}%). "
    "You get {net}.",
    "noshow_reported": "{buyer} says you have not arrived for {skill} {when} (booking "
    "{booking}). If you are there, text HERE. If you are late, text e.g. LATE 15.",
    "earnings": "Your pay this week: {week_gross}, {week_net} after tax. "
    "This month: {month_gross}, {month_net} after tax.",
    "tax_set": "Done: {tax}% of your pay will be held back for tax. It applies to future pay "
    "only. TAX 0 stops it.",
    # To the buyer
    "buyer_timesheet": "POEMS: {worker} says {hours} for {skill} {day}{break_note} (booking {booking}). "
    "Reply OK {booking} to confirm or HOURS {booking} 3.5 to change. "
    "No reply in {auto_hours}h and these stand.",
    "buyer_amend_sent": "POEMS: {hours} for booking {booking} sent to {worker} to agree or "
    "dispute. We will text you when they answer.",
    "buyer_stood": "POEMS: no reply in {auto_hours}h, so {worker}'s {hours} for booking "
    "{booking} stand. Your receipt follows.",
    "receipt": "POEMS receipt, booking {booking}: {worker} {hours} at {rate}/hr = {gross}, "
    "plus {markup_pct}% fee {markup} ({franchisee} franchisee, {operator} exchange). "
    "Total {total}.",
    "cancel_receipt": "POEMS: {skill} {day} was cancelled late, so {worker} gets {hours} pay "
    "(booking {booking}): {gross}, plus {markup_pct}% fee {markup}. Total {total}.",
    "buyer_arrived": "POEMS: thanks, noted that {worker} arrived for booking {booking}.",
    "buyer_noshow": "POEMS: noted that {worker} has not arrived for booking {booking}. "
    "We have texted them; staff will follow up.",
    "buyer_help": "POEMS for buyers: reply OK {example} to confirm hours, HOURS {example} 3.5 "
    "to change them, ARRIVED {example} or NOSHOW {example}. Job-centre staff post your shifts.",
    "buyer_refused": "POEMS: {reason}. {hint}",
    "buyer_hours_asked": "POEMS: change booking {booking} to {hours}? Reply HOURS {booking} {hours} "
    "to confirm, or OK {booking} to agree the worker's hours.",
    "buyer_shifts": "POEMS, your shifts to come: {lines}.",
    "buyer_shifts_none": "POEMS: you have no shifts to come. Job-centre staff post them for you.",
    "buyer_to_a_person": "POEMS: thanks, staff will read this and reply. To act now: OK {example} "
    "confirms hours, HOURS {example} 3.5 changes them, NOSHOW {example} if nobody came.",
}
