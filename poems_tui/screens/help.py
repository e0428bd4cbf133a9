"""Help on `?` or F1: the keys of the screen underneath, what each screen is for, and the keys
that work everywhere. The keys come from the bindings themselves, so the help cannot promise a
key that does not work, nor show one the operator's role may not use."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from poems_tui.roles import KEYS, SCREENS


def keys_of(screen: Screen) -> list[tuple[str, str]]:
    """(key, what it does) for each key the screen's footer shows, as the footer shows it."""
    seen: dict[str, tuple[str, str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.show and active.enabled and binding.action not in seen:
            seen[binding.action] = (screen.app.get_key_display(binding), binding.description)
    return list(seen.values())


class HelpScreen(ModalScreen[None]):
    """Keys and what each screen does."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "Close")]

    def __init__(self, screens: tuple[str, ...], here: str, keys_here: list[tuple[str, str]]):
        super().__init__()
        self.screens = screens
        self.here = here
        self.keys_here = keys_here

    def compose(self) -> ComposeResult:
        # One block of styled text, not a Markdown document: the help opens at once, as often as
        # a clerk presses `?`, rather than building a widget for every line.
        lines = ["[b $accent]POEMS console[/]", "", f"[b]Keys here ({escape(self.here)})[/]"]
        lines += [f"  [b]{escape(key)}[/] {escape(what)}" for key, what in self.keys_here] or [
            "  none"
        ]
        lines += ["", "[b]Screens[/]"]
        for name in self.screens:
            entry = SCREENS[name]
            lines += [f"  [b]{KEYS[name]} {escape(entry.title)}[/]: {escape(entry.about)}"]
        lines += [
            "",
            "[b]Everywhere[/]",
            "  a screen's number opens it; in a text field press [b]esc[/] first (or alt and "
            "the number, where the terminal sends alt)",
            "  [b]esc[/] leaves a text field; in a form a second [b]esc[/] closes it",
            "  [b]enter[/] in a form saves it when it is complete, else goes to what is missing",
            "  [b]tab[/] and [b]shift+tab[/] move between fields; the mouse works but is never "
            "needed",
            "  [b]?[/] or [b]f1[/] this help ([b]esc[/] closes it)",
            "  [b]ctrl+p[/] the command palette: every screen and action, and the themes (light, "
            "dark, ANSI for 16 colours)",
            "  [b]ctrl+o[/] sign out; [b]ctrl+q[/] quit",
        ]
        with VerticalScroll(id="help-body"):
            yield Static("\n".join(lines))

    def action_dismiss(self) -> None:
        self.dismiss(None)
