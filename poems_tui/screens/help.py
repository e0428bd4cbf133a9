"""Help on `?`: what each screen is for and its keys."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from poems_tui.roles import KEYS, SCREENS

ABOUT = {
    "live": "Every text in and out, newest first, within a second. Type to filter by phone or word.",
    "workers": "Find a worker by phone or name (Enter opens their record; the reason is logged "
    "and they can see it). `n` onboards a walk-in. In a record: `e` change terms at the "
    "worker's request, `k` ask consent to check a credential, `t` text them from the phone.",
    "shifts": "The board by state (left/right or the state keys). Enter opens a shift: every "
    "wave, who was offered and why, who replied and when. `n` posts a shift, `x` cancels one "
    "with a reason.",
    "buyers": "Buyers and their contact. `n` adds one, Enter edits the one under the cursor.",
    "phone": "A simulated handset: pick a worker or type any number, send texts, read the "
    "replies. It goes through the same inbound path as Twilio.",
    "settings": "The market's zone, markup, offer window, quiet hours, text cap and booking cap. "
    "Each change is checked and recorded with who and when.",
}


class HelpScreen(ModalScreen[None]):
    """Keys and what each screen does."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "Close")]

    def __init__(self, screens: tuple[str, ...]) -> None:
        super().__init__()
        self.screens = screens

    def compose(self) -> ComposeResult:
        lines = ["# POEMS console", ""]
        for name in self.screens:
            lines.append(f"**{KEYS[name]} {SCREENS[name]}**: {ABOUT[name]}")
            lines.append("")
        lines += [
            "**Everywhere**: a screen's number opens it (alt and the number while typing in a "
            "field), `?` or F1 this help, ctrl+p the command palette (also themes: "
            "light, dark, ANSI for 16 colours), ctrl+o sign out, ctrl+q quit. Tab moves between "
            "fields; the mouse works but is never needed.",
        ]
        with VerticalScroll(id="help-body"):
            yield Markdown("\n".join(lines))

    def action_dismiss(self) -> None:
        self.dismiss(None)
