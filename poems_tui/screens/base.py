"""What every main screen has: the header, the row of screens, the footer with the keys, and
Escape to leave a text field (so the number keys switch screens again)."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input

from poems_tui.widgets.keys import KeysFooter
from poems_tui.widgets.nav import NavBar


class ConsoleScreen(Screen):
    """A main screen of the console; subclasses name themselves and compose their body.

    AUTO_FOCUS names the screen's main widget (a table or list), where Escape returns to.
    """

    NAME = ""
    BINDINGS = [Binding("escape", "leave_field", "Leave field")]

    def __init__(self) -> None:
        super().__init__()
        # Who this screen is for: it is made afresh at each sign-in, and a load still running
        # when they sign out must not find nobody.
        self.signed_in = self.app.who

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = self.app.cursor_blink

    def compose_top(self) -> ComposeResult:
        yield Header(icon="P")
        yield NavBar(self.NAME)

    def compose_bottom(self) -> ComposeResult:
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_field":
            return isinstance(self.focused, Input)
        return True

    def action_leave_field(self) -> None:
        if self.AUTO_FOCUS:
            self.query(self.AUTO_FOCUS).first().focus()
        else:
            self.set_focus(None)

    @property
    def who(self):
        return self.signed_in

    @property
    def read_only(self) -> bool:
        return self.signed_in is None or self.signed_in.read_only
