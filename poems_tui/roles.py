"""Which screens each role sees. The rules of who may change what live in exchange.operators."""

SCREENS: dict[str, str] = {
    "live": "Live",
    "workers": "Workers",
    "shifts": "Shifts",
    "buyers": "Buyers",
    "phone": "Phone",
    "settings": "Settings",
    "disputes": "Disputes",
    "health": "Health",
}
KEYS = {name: str(number) for number, name in enumerate(SCREENS, start=1)}

ROLE_SCREENS: dict[str, tuple[str, ...]] = {
    "admin": tuple(SCREENS),
    "staff": ("live", "workers", "shifts", "buyers", "phone", "disputes", "health"),
    "franchisee": ("live", "shifts", "settings", "disputes", "health"),
    # Auditors read everything an operator can, and change nothing; the phone would send texts.
    "auditor": ("live", "workers", "shifts", "buyers", "settings", "disputes", "health"),
}


def screens_for(role: str, has_phone: bool) -> tuple[str, ...]:
    """The screens a role sees; the phone simulator only where a simulated gateway is wired."""
    return tuple(name for name in ROLE_SCREENS.get(role, ()) if name != "phone" or has_phone)
