"""The row of screens at the top: where you are, and the key for each screen you may open."""

from textual import events
from textual.content import Content
from textual.widgets import Static

from poems_tui.roles import KEYS, SCREENS

HINT = "  ? help  ^p commands"


class NavBar(Static):
    """Screens as "1 Live  2 Workers ...", the current one marked; click one to go there.

    On a narrow terminal the row tightens (single spaces, then short names) so that every
    screen's key stays on it."""

    DEFAULT_CSS = """
    NavBar { height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        self.spans: list[tuple[str, int, int]] = []

    def on_mount(self) -> None:
        self.update(self.render_bar(self.size.width or 80))

    def on_resize(self, event: events.Resize) -> None:
        self.update(self.render_bar(event.size.width))

    def labels(self, style: int) -> list[tuple[str, str]]:
        """(screen, label) in one of three widths: 0 roomy, 1 tight, 2 short names."""
        found = []
        for name in self.app.screens_allowed:
            title = SCREENS[name].title
            if style == 2 and name != self.current:
                title = title[:3]
            label = f"{KEYS[name]} {title}"
            found.append((name, f" {label} " if style == 0 or name == self.current else label))
        return found

    def render_bar(self, width: int) -> Content:
        for style in (0, 1, 2):
            labels = self.labels(style)
            gap = "" if style == 0 else " "
            hint = HINT if style == 0 else ""
            if sum(len(label) for _, label in labels) + len(gap) * len(labels) + len(hint) <= width:
                break
        parts, self.spans, at = [], [], 0
        for name, label in labels:
            # Reverse video reads in 16 colours and on light terminals alike.
            parts.append(
                Content.styled(label, "reverse bold") if name == self.current else Content(label)
            )
            self.spans.append((name, at, at + len(label)))
            at += len(label) + len(gap)
            parts.append(Content(gap))
        parts.append(Content(hint))
        return Content("").join(parts)

    def on_click(self, event: events.Click) -> None:
        offset = event.x - 1
        for name, start, end in self.spans:
            if start <= offset < end:
                self.app.action_go(name)
                return
