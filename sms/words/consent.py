"""Words for what staff do at the desk: a walk-in's welcome, terms changed, credential checks (English)."""

EN: dict[str, str] = {
    "welcome_walk_in": "Welcome to POEMS, {name}: {skills}, near {place}, {rate}/hr. "
    "Text AVAILABLE SAT 9-5 when you're free. HELP for more.",
    "terms_changed_by_staff": "POEMS: at your request the job centre changed your {changes}. "
    "Not you? Tell the job centre.",
    "credential_ask": "May we check your {thing} with {authority}? Reply YES {ref}. "
    "Reply NO {ref} if not; nothing is checked without your YES.",
    "credential_consented": "Thank you. We are checking your {thing} with {authority} "
    "and will text you the result.",
    "credential_declined": "OK, we will not check your {thing}. Nothing was looked up.",
    "credential_verified": "{authority} confirmed your {thing}{until}. "
    "Shifts that need it can reach you now.",
    "credential_failed": "{authority} could not confirm your {thing}: {detail}. "
    "If this is wrong, ask at the job centre.",
}
