"""A simulated handset: the conversation as a phone shows it, and a box to write a text."""

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from services.phone import Bubble


class Handset(Vertical):
    """Texts the phone sent sit on the right, texts it received on the left."""

    DEFAULT_CSS = """
    Handset { border: round $primary; width: 1fr; height: 1fr; }
    Handset > #handset-top { height: 1; background: $panel; padding: 0 1; }
    Handset > VerticalScroll { height: 1fr; padding: 0 1; }
    Handset .bubble { width: auto; max-width: 85%; height: auto; padding: 0 1; margin: 1 0 0 0; }
    Handset .theirs { background: $boost; border-left: outer $secondary; }
    Handset .mine { background: $primary-muted; border-right: outer $primary; }
    Handset .mine-row { align-horizontal: right; height: auto; }
    Handset > Input { dock: bottom; }
    """

    @dataclass
    class TextWritten(Message):
        body: str

    def __init__(self, tz: str) -> None:
        super().__init__(id="handset")
        self.tz = tz

    def compose(self) -> ComposeResult:
        yield Static("No number picked", id="handset-top")
        yield VerticalScroll(id="bubbles")
        yield Input(placeholder="Text message (Enter sends)", id="compose", disabled=True)

    def start(self, phone: str, name: str) -> None:
        self.name_as(phone, name)
        self.query_one("#bubbles", VerticalScroll).remove_children()
        self.ready_to_write()

    def ready_to_write(self) -> None:
        """The text box open and focused now, not after the queue: the next key typed is its."""
        compose = self.query_one("#compose", Input)
        compose.disabled = False
        self.screen.set_focus(compose)

    def not_ready(self) -> None:
        self.query_one("#compose", Input).disabled = True

    def name_as(self, phone: str, name: str) -> None:
        top = Text(f"{name}  {phone}") if name else Text(f"{phone}  (no worker yet)")
        self.query_one("#handset-top", Static).update(top)

    def show(self, bubbles: list[Bubble]) -> None:
        scroll = self.query_one("#bubbles", VerticalScroll)
        for bubble in bubbles:
            text = Static(
                Text(bubble.body), classes="bubble " + ("mine" if bubble.mine else "theirs")
            )
            if bubble.mine:
                row = Vertical(text, classes="mine-row")
                scroll.mount(row)
            else:
                scroll.mount(text)
        if bubbles:
            # Anchored, so the newest text stays in view however late the layout settles on
            # the bubbles' heights (a busy console lays them out after the scroll).
            scroll.anchor()

    @on(Input.Submitted, "#compose")
    def written(self, event: Input.Submitted) -> None:
        body = event.value.strip()
        if body:
            self.post_message(self.TextWritten(body))
            event.input.value = ""
