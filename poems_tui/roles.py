"""The console's screens and which roles see them: the one place a screen is registered.

A screen added here gets its number key, its place in the row of screens, its paragraph in the
help and its command in the palette, and the every-key test walks it for every role that sees it.
The rules of who may change what live in exchange.operators.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenEntry:
    """A main screen: its title, where its class lives, and what it is for (for the help)."""

    title: str
    module: str  # under poems_tui.screens, imported when the screen is first opened
    cls: str
    about: str


SCREENS: dict[str, ScreenEntry] = {
    "live": ScreenEntry(
        "Live",
        "live",
        "LiveScreen",
        "Every text in and out, newest first, within a second. Filter by a phone, a name or a "
        "word; open a text to read it whole.",
    ),
    "workers": ScreenEntry(
        "Workers",
        "workers",
        "WorkersScreen",
        "Find a worker by phone or name and open their record (the reason is logged and they "
        "can see it); onboard a walk-in.",
    ),
    "shifts": ScreenEntry(
        "Shifts",
        "shifts",
        "ShiftsScreen",
        "The board by state. A shift's page shows every wave, who was offered and why, who "
        "replied and when. Post a shift for a buyer; cancel one with a reason.",
    ),
    "buyers": ScreenEntry(
        "Buyers",
        "buyers",
        "BuyersScreen",
        "Buyers, their contact and the address their shifts go to by default.",
    ),
    "phone": ScreenEntry(
        "Phone",
        "phone",
        "PhoneScreen",
        "A simulated handset: pick a worker or type any number, send texts, read the replies. "
        "It goes through the same inbound path as Twilio.",
    ),
    "settings": ScreenEntry(
        "Settings",
        "settings",
        "SettingsScreen",
        "The market's zone, markup, offer window, quiet hours, text cap and booking cap. Each "
        "change is checked and recorded with who and when.",
    ),
    "disputes": ScreenEntry(
        "Disputes",
        "disputes",
        "DisputesScreen",
        "The deciders' queue, soonest deadline first. A dispute's page has its whole "
        "timeline; ask either party a question, add a note, decide.",
    ),
    "health": ScreenEntry(
        "Health",
        "health",
        "HealthScreen",
        "How your markets are doing over the last 12 weeks: places filled, time to fill, "
        "no-shows, disputes, rates, and each franchise's share.",
    ),
    "inbox": ScreenEntry(
        "Inbox",
        "inbox",
        "InboxScreen",
        "Texts the exchange would not act on, and texts about safety or conduct: urgent first, "
        "overdue flagged. Open one to read the worker's texts with what was read in each, their "
        "bookings and disputes; answer, drop a booking, open a dispute or close it.",
    ),
}
KEYS = {name: str(number) for number, name in enumerate(SCREENS, start=1)}

ROLE_SCREENS: dict[str, tuple[str, ...]] = {
    "admin": tuple(SCREENS),
    "staff": ("live", "workers", "shifts", "buyers", "phone", "disputes", "health", "inbox"),
    "franchisee": ("live", "shifts", "settings", "disputes", "health", "inbox"),
    # Auditors read everything an operator can, and change nothing; the phone would send texts.
    "auditor": ("live", "workers", "shifts", "buyers", "settings", "disputes", "health", "inbox"),
}


def screens_for(role: str, has_phone: bool) -> tuple[str, ...]:
    """The screens a role sees; the phone simulator only where a simulated gateway is wired."""
    return tuple(name for name in ROLE_SCREENS.get(role, ()) if name != "phone" or has_phone)
