"""What every main screen has: the header, the row of screens, the footer with the keys."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from poems_tui.widgets.nav import NavBar


class ConsoleScreen(Screen):
    """A main screen of the console; subclasses name themselves and compose their body."""

    NAME = ""

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = self.app.cursor_blink

    def compose_top(self) -> ComposeResult:
        yield Header(icon="P")
        yield NavBar(self.NAME)

    def compose_bottom(self) -> ComposeResult:
        yield Footer()

    @property
    def who(self):
        return self.app.who

    @property
    def read_only(self) -> bool:
        return self.app.who is None or self.app.who.read_only
