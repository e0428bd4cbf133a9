"""Words for disputes, appeals, penalty points and suspensions (English)."""

_APPEAL_DECIDED = (
    "Dispute {dispute} ({skill} {day}) after appeal: {verdict}. This decision is final. "
    "Why: {reason}"
)
_BUYER_APPEAL_DECIDED = f"POEMS: {_APPEAL_DECIDED}"

EN: dict[str, str] = {
    # What a decision does to the claim, said the same way to both sides.
    "verdict_uphold": "upheld, {amount}",
    "verdict_part": "partly upheld, {amount} of it",
    "verdict_reject": "not upheld",
    # To the worker
    "dispute_opened_own": "Your dispute {dispute} ({category}) on {skill} {day}, booking "
    "{booking}, is open. Staff will look at it and text you. {buyer} has been told.",
    "dispute_opened_against": "{buyer} has opened dispute {dispute} ({category}) on {skill} "
    "{day}, booking {booking}. Staff will look at it and may text you a question: just reply.",
    "dispute_question": "Dispute {dispute} ({skill} {day}), staff ask: {question} "
    "Reply by text and your answer goes to the dispute.",
    "dispute_decided_own": "Your dispute {dispute} ({skill} {day}) is decided: {verdict}. "
    "To appeal, text APPEAL {dispute} and why within {appeal_days} days. Why: {reason}",
    "dispute_decided_against": "Dispute {dispute} from {buyer} ({skill} {day}) is decided: "
    "{verdict}. To appeal, text APPEAL {dispute} and why within {appeal_days} days. Why: {reason}",
    "appeal_decided_own": _APPEAL_DECIDED,
    "appeal_decided_against": _APPEAL_DECIDED,
    "appeal_received": "Your appeal on dispute {dispute} is in. Someone other than the first "
    "decider will look at it and text you.",
    "appeal_told": "{buyer} has appealed the decision on dispute {dispute} ({skill} {day}). "
    "Someone other than the first decider will look at it.",
    "suspended": "POEMS: you have {points} points from decided disputes, so offers are paused. "
    "Staff will contact you. MY RECORD shows your points.",
    "suspension_lifted": "POEMS: your pause is lifted. You will get offers again.",
    "dispute_which": "Which booking is it about? Reply with its number: {lines}",
    "dispute_category": "What went wrong with {skill} {day}? Reply 1 pay, 2 hours, "
    "3 cancellation, 4 conduct, 5 safety or 6 other.",
    "dispute_no_booking": "You have had no bookings in the last {days} days to dispute. "
    "Staff at the job centre can help with anything older.",
    "dispute_reply_kept": "Thanks, that is with dispute {dispute} for the decider. "
    "We will text you the decision.",
    "dispute_no_such_booking": "Sorry: we have no booking {ref} of yours. Text DISPUTE and the "
    "number of a booking you had.",
    "my_record": "Your penalty points: {points}. {details}. {limit} points pause offers until "
    "staff review.",
    "my_record_clean": "Your record is clear: no penalty points.",
    # To the buyer
    "buyer_dispute_opened_own": "POEMS: your dispute {dispute} ({category}) on {worker}, "
    "{skill} {day}, booking {booking}, is open. Staff will look at it and text you.",
    "buyer_dispute_opened_against": "POEMS: {worker} has opened dispute {dispute} ({category}) "
    "on {skill} {day}, booking {booking}. Staff will look at it and may text you a question.",
    "buyer_dispute_question": "POEMS dispute {dispute} ({worker}, {skill} {day}), staff ask: "
    "{question} Reply by text and your answer goes to the dispute.",
    "buyer_dispute_reply_kept": "POEMS: thanks, your answer is with dispute {dispute}.",
    "buyer_dispute_decided_own": "POEMS: your dispute {dispute} ({worker}, {skill} {day}) is "
    "decided: {verdict}. To appeal, text APPEAL {dispute} within {appeal_days} days. Why: {reason}",
    "buyer_dispute_decided_against": "POEMS: dispute {dispute} from {worker} ({skill} {day}) is "
    "decided: {verdict}. To appeal, text APPEAL {dispute} within {appeal_days} days. Why: {reason}",
    "buyer_appeal_decided_own": _BUYER_APPEAL_DECIDED,
    "buyer_appeal_decided_against": _BUYER_APPEAL_DECIDED,
    "buyer_appeal_received": "POEMS: your appeal on dispute {dispute} is in. Someone other than "
    "the first decider will look at it.",
    "buyer_appeal_told": "POEMS: {worker} has appealed the decision on dispute {dispute} "
    "({skill} {day}). Someone other than the first decider will look at it.",
    "buyer_suspended": "POEMS: {buyer} has {points} points from decided disputes, so new "
    "shifts are paused. Staff will contact you.",
    "buyer_suspension_lifted": "POEMS: the pause on {buyer} is lifted. Shifts can be posted again.",
}
