"""Walk the console as a person would who presses every key it offers.

From each main screen a role may open (poems_tui/roles.py), the walk presses every key the
screen shows (its footer's bindings, which the help lists too), and follows each key that opens
a screen into that screen, once per kind of screen, pressing its keys in turn. Every press must
leave the console running and change what is on the screen. After each press the walk goes back
to where it was by popping screens and replaying the keys that led there.
"""

from contextlib import suppress
from dataclasses import dataclass, field

from textual.app import App
from textual.binding import Binding
from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.worker import WorkerCancelled

from poems_tui.roles import KEYS
from poems_tui.screens.help import HelpScreen, keys_of

# Walked on their own at the end of a walk: both end what is being walked.
ENDS = {"quit", "sign_out", "app.quit", "app.sign_out"}
DEEPEST = 4
# A key whose work is still posting more after this many rounds never settles: a loop.
SETTLE_ROUNDS = 200


def picture(app: App) -> str:
    """What a person sees: the whole screen, styles included (focus, highlight, toasts), as the
    characters and escape codes a terminal would be sent: what a screenshot draws, without the
    cost of drawing it."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(app.console)


def listed(screen: Screen) -> list[tuple[str, Binding]]:
    """Every key of every binding the screen shows, as (key, binding)."""
    return [
        (key, active.binding)
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled and active.binding.action not in ENDS
    ]


@dataclass
class Walk:
    pilot: Pilot
    who: str
    pressed: list[str] = field(default_factory=list)
    walked: set[str] = field(default_factory=set)
    commands_run: set[str] = field(default_factory=set)

    @property
    def app(self) -> App:
        return self.pilot.app

    async def settle(self, seconds: float | None = None) -> None:
        """Let the key's work finish: its message handlers, thread workers and what they post.

        Waits on the work itself, not on the process looking idle (Textual's plain pause: at
        least 20 ms a key, and fooled by a thread waiting on the database or a busy machine)."""
        if seconds:
            await self.pilot.pause(seconds)
        for _ in range(SETTLE_ROUNDS):
            # Every message queued so far handled, and the screen laid out and drawn.
            await self.pilot.pause(0)
            workers = [worker for worker in self.app.workers if not worker.is_finished]
            for worker in workers:
                # A worker made stale by a newer one of its group is cancelled: no fault.
                with suppress(WorkerCancelled):
                    await worker.wait()
            if not workers and not self._messages_waiting():
                return
        raise AssertionError(f"{self.who}: the console never settled")

    def _messages_waiting(self) -> bool:
        """Whether any part of the console has a message still to handle."""
        app = self.app
        nodes = [app, *(node for screen in app.screen_stack for node in screen.walk_children())]
        return any(not node._message_queue.empty() for node in [*nodes, *app.screen_stack])

    def alive(self, where: str) -> None:
        assert self.app.is_running and self.app.return_code is None, f"{where}: the console ended"

    async def go(self, mode: str) -> None:
        """Open a main screen with its number key, from wherever the last walk left off."""
        await self.back_to(self.app.current_mode, [])
        if self.app.current_mode != mode:
            await self.pilot.press(KEYS[mode])
            await self.settle()
            self.pressed.append(KEYS[mode])
        self.alive(f"{self.who}: key {KEYS[mode]}")
        assert self.app.current_mode == mode, f"{self.who}: key {KEYS[mode]} did not open {mode}"

    async def back_to(self, mode: str, path: list[str]) -> None:
        """Pop back to the main screen `mode`, as it was, then replay `path` from it."""
        app = self.app
        if app.current_mode != mode:
            await app.switch_mode(mode)
        while len(app.screen_stack) > 1:
            await app.pop_screen()
        if app.screen.maximized is not None:
            app.screen.minimize()
        if app.screen.AUTO_FOCUS:
            app.screen.query(app.screen.AUTO_FOCUS).first().focus()
        await self.settle()
        for key in path:
            await self.pilot.press(key)
            await self.settle()

    async def undo(self, mode: str, path: list[str], here: Screen, focused) -> None:
        """Back to `here` as it was before the last key: close what the key opened, or, when the
        key left `here`, open it again by the keys that led to it."""
        app = self.app
        if app.current_mode != mode or here not in app.screen_stack:
            await self.back_to(mode, path)
            return
        while app.screen is not here:
            await app.pop_screen()
        if here.maximized is not None:
            here.minimize()
        if focused is not None and focused.is_attached:
            focused.focus()
        await self.settle()

    async def screen(self, mode: str, path: list[str] | None = None, depth: int = 0) -> None:
        """Press every key the screen at the end of `path` shows, following new screens."""
        path = path or []
        app = self.app
        await self.back_to(mode, path)
        here = app.screen
        where = f"{self.who} on {mode}" + "".join(f" > {key}" for key in path)
        self.walked.add(type(here).__name__)
        keys = listed(here)
        focused = app.focused
        for index, (key, binding) in enumerate(keys):
            if index:
                await self.undo(mode, path, here, focused)
            before, stack = picture(app), list(app.screen_stack)
            await self.pilot.press(key)
            await self.settle()
            self.pressed.append(key)
            what = f"{where}: {key} ({binding.description or binding.action})"
            self.alive(what)
            assert picture(app) != before, f"{what} changed nothing on the screen"
            opened = app.screen
            if isinstance(opened, HelpScreen) and opened not in stack:
                shown = [what for _, what in opened.keys_here]
                assert shown == [what for _, what in keys_of(here)], where
            if (
                app.current_mode == mode
                and opened not in stack
                and not isinstance(opened, CommandPalette)
                and type(opened).__name__ not in self.walked
                and depth < DEEPEST
            ):
                await self.screen(mode, [*path, key], depth + 1)

    async def commands(self, mode: str) -> None:
        """Run each palette command not yet run, by typing its name in the palette."""
        app = self.app
        await self.back_to(mode, [])
        titles = [
            command.title
            for command in app.get_system_commands(app.screen)
            if command.title not in self.commands_run and command.title not in ("Quit", "Sign out")
        ]
        for title in titles:
            await self.back_to(mode, [])
            before = picture(app)
            await self.palette(title)
            what = f"{self.who} on {mode}: palette command {title!r}"
            self.alive(what)
            assert picture(app) != before, f"{what} changed nothing on the screen"
            self.commands_run.add(title)

    async def palette(self, title: str) -> None:
        """ctrl+p, the command's name, Enter: as a person runs a command."""
        await self.pilot.press("ctrl+p")
        await self.settle()
        palette = self.app.screen
        assert isinstance(palette, CommandPalette), "ctrl+p did not open the palette"
        # Typed in one go, as a paste: a search per letter would only make the walk slow.
        palette.query_one(CommandInput).value = title
        await self.settle(0.1)
        await self.pilot.press("enter")
        # The palette's Screenshot waits 0.1 s before it saves.
        await self.settle(0.15)
        self.pressed.append(f"palette:{title}")
