"""Phone: a simulated handset that texts the exchange through the same inbound path as Twilio."""

import threading

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from exchange.errors import Refused
from exchange.phones import to_e164
from poems_tui.messages import ConversationLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.widgets.form import rule
from poems_tui.widgets.phone.handset import Handset
from services.phone import MOST_TO_PICK, conversation, name_of, workers_to_pick
from sms import inbound, outbox


class PhoneScreen(ConsoleScreen):
    """Pick a worker or type any number, then text as that phone."""

    NAME = "phone"
    AUTO_FOCUS = "#phone-workers"
    BINDINGS = [
        ("ctrl+n", "number", "Type a number"),
        # Checked before the key reaches the box, so a text typed straight after the number's
        # Enter is written on the phone even when the console is behind the typist.
        Binding("enter", "number_typed", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        with Horizontal(id="phone-body"):
            with Vertical(id="phone-picker"):
                yield Label("Number")
                yield Input(
                    placeholder="07700 900123",
                    id="phone-number",
                    validators=[rule(lambda v: to_e164(v, self.app.market.region))],
                )
                yield Static("", id="phone-error", classes="error")
                yield Label("Or pick a worker (newest first)", id="phone-pick-label")
                yield OptionList(id="phone-workers")
            yield Handset(self.app.tz)
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        self.phone: str | None = None
        self.names: dict[str, str] = {}
        self.last_id = 0
        self.sending = threading.Lock()
        self.load_picker()
        self.timer = self.set_interval(self.app.tick_seconds, self.poll)

    def on_screen_suspend(self) -> None:
        self.timer.pause()

    def on_screen_resume(self) -> None:
        # A worker onboarded on another screen since is in the list when the operator comes back.
        self.timer.resume()
        self.load_picker()

    @work(thread=True, exclusive=True, group="picker")
    def load_picker(self) -> None:
        found = workers_to_pick(self.app.db, self.who)
        self.app.call_from_thread(self._fill_picker, found)

    def _fill_picker(self, found: list[tuple[str, str]]) -> None:
        picker = self.query_one("#phone-workers", OptionList)
        was = picker.highlighted_option.id if picker.highlighted_option else None
        if [option.id for option in picker.options] == [phone for phone, _ in found]:
            return
        picker.clear_options()
        self.names = dict(found)
        picker.add_options(
            Option(Text(f"{name}\n  {phone}" if name else phone), id=phone) for phone, name in found
        )
        if found:
            phones = [phone for phone, _ in found]
            picker.highlighted = phones.index(was) if was in phones else 0
        if len(found) == MOST_TO_PICK:
            self.query_one("#phone-pick-label", Label).update(
                f"Or pick a worker ({MOST_TO_PICK:,} newest)"
            )

    @on(OptionList.OptionSelected, "#phone-workers")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.pick(event.option.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "number_typed":
            return self.focused is self.query_one("#phone-number", Input)
        return super().check_action(action, parameters)

    def action_number_typed(self) -> None:
        """Enter in the number box: the text box takes the keys that follow at once; the
        number is read once the box has every key typed before the Enter."""
        box = self.query_one("#phone-number", Input)
        self.query_one(Handset).ready_to_write()
        box.call_later(self.typed, box)

    def typed(self, box: Input) -> None:
        try:
            phone = to_e164(box.value, self.app.market.region)
        except Refused as refusal:
            self.query_one("#phone-error", Static).update(refusal.message)
            if self.phone is None:
                self.query_one(Handset).not_ready()
            self.set_focus(box)
            return
        self.query_one("#phone-error", Static).update("")
        self.pick(phone)

    def pick(self, phone: str) -> None:
        """Hold this phone: show its conversation and write as it."""
        self.phone = phone
        self.last_id = 0
        self.query_one("#phone-number", Input).value = phone
        self.query_one(Handset).start(phone, self.names.get(phone, ""))
        self.fetch(phone, 0)

    def poll(self) -> None:
        if self.phone:
            self.fetch(self.phone, self.last_id)

    @work(thread=True, exclusive=True, group="conversation")
    def fetch(self, phone: str, after_id: int) -> None:
        bubbles = conversation(self.app.db, phone, after_id)
        if after_id == 0:
            name = name_of(self.app.db, phone)
            self.post_message(ConversationLoaded(phone, bubbles, True, name))
        elif bubbles:
            self.post_message(ConversationLoaded(phone, bubbles, False))

    def on_conversation_loaded(self, message: ConversationLoaded) -> None:
        if message.phone != self.phone:
            return
        if message.name is not None:
            self.names[message.phone] = message.name
            self.query_one(Handset).name_as(message.phone, message.name)
        fresh = [b for b in message.bubbles if b.id > self.last_id]
        if fresh:
            self.last_id = fresh[-1].id
            self.query_one(Handset).show(fresh)

    @on(Handset.TextWritten)
    def send(self, message: Handset.TextWritten) -> None:
        if self.phone:
            self.deliver(self.phone, message.body)

    @work(thread=True, group="send")
    def deliver(self, phone: str, body: str) -> None:
        """The whole inbound path, then the outbox through the simulator, as Twilio would."""
        app = self.app
        # One text at a time, so a fast typist's texts arrive in the order written.
        with self.sending:
            now = app.clock()
            inbound.deliver(app.db, phone, body, now)
            outbox.drain(app.db, app.gateway, now)
        app.call_from_thread(self.poll)
        # A text may have signed a new worker up.
        app.call_from_thread(self.load_picker)

    def action_number(self) -> None:
        self.query_one("#phone-number", Input).focus()
