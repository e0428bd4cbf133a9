"""Words for the sign-up dialogue (English)."""

EN: dict[str, str] = {
    # Sign-up
    "signup_name": "Welcome to POEMS, the public work exchange. You set your own price. "
    "What is your name?",
    "signup_welcome": "Welcome to POEMS, the public work exchange. You set your own price. "
    "What is your name? (Espanol: ES. Polski: PL. Romana: RO. Portugues: PT.)",
    "signup_name_again": "Please send just your name, e.g. Ann Smith.",
    "signup_hello": "Welcome to POEMS, the public work exchange. You set your own price.",
    "signup_help": "POEMS signs you up in a few texts: your name, your work, your postcode or "
    "ZIP, your lowest hourly rate. STOP ends all texts.",
    "signup_no_thanks": "No problem. Text your name whenever you want to join. "
    "STOP ends all texts.",
    "signup_place_elsewhere": "This POEMS exchange serves {markets}. Please send a postcode or "
    "ZIP there, like {example}. STOP if you are elsewhere.",
    "signup_skills": "Thanks {name}. What work do you do? Reply with numbers, e.g. 1 3: {options}",
    "signup_skills_again": "Please reply with numbers from the list, e.g. 1 3: {options}",
    "signup_place": "Your postcode or ZIP? We offer work near it, e.g. {example}",
    "signup_place_again": "That is not a postcode or ZIP. Please send one like {example}",
    "signup_rate": "Your lowest hourly rate? You set it; we never change it. e.g. {example}",
    "signup_rate_again": "Please send an hourly rate as a number, e.g. {example}",
    "signup_rate_minimum": "The legal minimum here for your age is {rate}/hr; you may ask for "
    "more. Your lowest hourly rate? e.g. {example}",
    "signup_rate_currency": "Rates here are in {currency}. Please send your hourly rate in "
    "{currency}, e.g. {plain_rate}",
    "signup_done": "You're in, {name}: {skills}, near {place}, {rate}/hr. "
    "Text AVAILABLE SAT 9-5 when you're free. HELP for more.",
    "already_joined": "You are already signed up, {name}. Text HELP for what you can do.",
}
