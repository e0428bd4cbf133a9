"""The row of screens at the top: where you are, and the key for each screen you may open."""

from textual import events
from textual.content import Content
from textual.widgets import Static

from poems_tui.roles import KEYS, SCREENS


class NavBar(Static):
    """Screens as "1 Live  2 Workers ...", the current one marked; click one to go there."""

    DEFAULT_CSS = """
    NavBar { height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def on_mount(self) -> None:
        self.update(self.render_bar())

    def render_bar(self) -> Content:
        parts = []
        for name in self.app.screens_allowed:
            label = f" {KEYS[name]} {SCREENS[name].title} "
            # Reverse video reads in 16 colours and on light terminals alike.
            parts.append(
                Content.styled(label, "reverse bold") if name == self.current else Content(label)
            )
        parts.append(Content("  ? help  ^p commands"))
        return Content("").join(parts)

    def on_click(self, event: events.Click) -> None:
        offset = event.x - 1
        for name in self.app.screens_allowed:
            width = len(f" {KEYS[name]} {SCREENS[name].title} ")
            if 0 <= offset < width:
                self.app.action_go(name)
                return
            offset -= width
