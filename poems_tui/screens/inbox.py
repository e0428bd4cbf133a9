"""The Inbox: texts the exchange would not act on, and texts about safety or conduct, for a
person to read and answer. Urgent first, overdue flagged; a conversation's page shows the
worker's texts with what the machine read in each, their bookings and disputes, and turns the
text into the right action in one step: answer, drop a booking, open a dispute, close."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from exchange import inbox
from exchange.localtime import local
from poems_tui.messages import InboxConversationLoaded, InboxLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.disputes import OpenDisputeScreen
from poems_tui.screens.forms import FormScreen
from poems_tui.widgets.form import ChoiceField, Field, FormField, required
from poems_tui.widgets.keys import KeysFooter
from poems_tui.widgets.table import Column, FittedTable
from services.inbox import (
    Conversation,
    answer,
    close_conversation,
    conversation,
    waiting,
)
from services.selling import drop_booking_for_worker
from store.statuses import InboxThreadStatus

COLUMNS = [
    Column("#", "id", 4, keep=1),
    Column("Flags", "flags", 15, keep=1),
    Column("Who", "who", 16, keep=2),
    Column("Phone", "phone", 14, keep=4),
    Column("Last text", "last", 30, keep=1, stretch=True),
    Column("Read as", "read_as", 18, keep=3),
    Column("Since", "since", 16, keep=4),
    Column("Due", "due", 9, keep=2),
]


class InboxScreen(ConsoleScreen):
    NAME = "inbox"
    AUTO_FOCUS = "#inbox"
    BINDINGS = [
        Binding("r", "reload", "Reload"),
        Binding("c", "closed", "Show closed"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.with_closed = False

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield FittedTable(COLUMNS, id="inbox")
        yield Static("", id="inbox-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        super().on_mount()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def action_reload(self) -> None:
        self.load(said=True)

    def action_closed(self) -> None:
        self.with_closed = not self.with_closed
        self.load(said=True)

    @work(thread=True, exclusive=True, group="inbox")
    def load(self, said: bool = False) -> None:
        rows = waiting(self.app.db, self.who, self.app.clock(), self.with_closed)
        self.post_message(InboxLoaded(rows, said))

    def on_inbox_loaded(self, message: InboxLoaded) -> None:
        rows = message.rows
        self.query_one("#inbox", FittedTable).show((str(row.id), vars(row)) for row in rows)
        urgent = sum(1 for row in rows if "URGENT" in row.flags)
        overdue = sum(1 for row in rows if "OVERDUE" in row.flags)
        shown = "all conversations" if self.with_closed else "waiting"
        line = f"{len(rows)} {shown}: {urgent} urgent, {overdue} overdue. Enter opens one."
        self.query_one("#inbox-status", Static).update(line)
        if message.said:
            self.notify(f"Reloaded: {len(rows)} conversations")

    @on(DataTable.RowSelected, "#inbox")
    def open_one(self) -> None:
        key = self.query_one("#inbox", FittedTable).cursor_key
        if key is not None:
            self.app.push_screen(ConversationScreen(int(key)))


class ConversationScreen(Screen):
    """Pushed over the Inbox; escape goes back."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "answer", "Answer"),
        Binding("x", "drop", "Drop a booking"),
        Binding("o", "dispute", "Open a dispute"),
        Binding("c", "close", "Close it"),
        Binding("r", "reload", "Reload", show=False),
    ]

    def __init__(self, thread_id: int) -> None:
        super().__init__()
        self.thread_id = thread_id
        self.found: Conversation | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="P")
        with VerticalScroll(id="conversation"):
            yield Static("Loading...", id="conversation-body")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.load()

    def action_reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="conversation")
    def load(self) -> None:
        found = conversation(self.app.db, self.app.who, self.thread_id, self.app.clock())
        self.post_message(InboxConversationLoaded(found))

    def on_inbox_conversation_loaded(self, message: InboxConversationLoaded) -> None:
        self.found = found = message.conversation
        body = self.query_one("#conversation-body", Static)
        if found is None:
            body.update("No such conversation, or not one of your markets'.")
            return
        view = found.view
        row = view.row
        # Plain Text, not markup: what people text may hold any characters.
        text = Text(f"{row.who} ({row.phone}), {row.market}", style="bold")
        flags = " ".join(w for w, on_ in (("URGENT", row.urgent), ("OVERDUE", row.overdue)) if on_)
        text.append(f"\n{row.reason}, {row.status}; writes in {view.language}  {flags}")
        text.append("\n\nTexts (* in this conversation; [what the machine read])\n", style="bold")
        for said in view.texts:
            at = local(said.at, found.tz)
            arrow = ">" if said.direction == "in" else "<"
            mark = "*" if said.in_thread else " "
            text.append(f" {mark}{arrow} {at:%a %d %b %H:%M}  {said.body}")
            if said.reading:
                text.append(f"  [{said.reading}]", style="dim")
            text.append("\n")
        text.append("\nBookings\n", style="bold")
        text.append("\n".join(f"  {b.line}" for b in view.bookings) or "  none")
        text.append("\n\nDisputes\n", style="bold")
        text.append("\n".join(f"  {line}" for line in view.disputes) or "  none")
        body.update(text)
        self.refresh_bindings()

    def action_back(self) -> None:
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("answer", "drop", "dispute", "close"):
            who = self.app.who
            if who is None or who.read_only or self.found is None:
                return False
            view = self.found.view
            if action == "drop":
                return any(b.droppable for b in view.bookings)
            if action == "dispute":
                return bool(view.bookings)
            return view.row.status != InboxThreadStatus.CLOSED or action == "answer"
        return True

    def _open(self, form: Screen) -> None:
        self.app.push_screen(form, self._done)

    def _done(self, result: str | None) -> None:
        if result:
            self.notify(result)
            self.load()

    def action_answer(self) -> None:
        if self.found is not None:
            self._open(AnswerScreen(self.thread_id, self.found.view))

    def action_drop(self) -> None:
        if self.found is not None:
            self._open(DropScreen(self.thread_id, self.found.view))

    def action_dispute(self) -> None:
        if self.found is None:
            return
        view = self.found.view
        said = [t.body for t in view.texts if t.direction == "in" and t.in_thread]
        self._open(
            OpenDisputeScreen(
                booking=str(view.bookings[0].booking_id),
                party="worker",
                category=view.category or "",
                summary=said[-1] if said else "",
            )
        )

    def action_close(self) -> None:
        self.close_it()

    @work(thread=True, exclusive=True, group="conversation-close")
    def close_it(self) -> None:
        app = self.app
        close_conversation(app.db, app.who, self.thread_id, app.clock())
        self.app.call_from_thread(self._gone)

    def _gone(self) -> None:
        self.notify("Closed: it leaves the Inbox; a new text opens another")
        self.app.pop_screen()


class AnswerScreen(FormScreen):
    """Text the sender back, word for word, through the outbox."""

    submit_label = "Send"

    def __init__(self, thread_id: int, view: inbox.ThreadView) -> None:
        super().__init__()
        self.thread_id = thread_id
        self.form_title = f"Answer {view.row.who} (they write in {view.language})"

    def make_fields(self) -> list[Field]:
        return [FormField("Answer", "text", validators=[required("The answer")])]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        answer(app.db, app.who, self.thread_id, values["text"], app.clock())
        return "Sent: the answer goes out by text now"


class DropScreen(FormScreen):
    """Drop a booking the worker asked to give up, in words the machine would not act on."""

    form_title = "Drop a booking for the worker: the buyer is told, the place offered again"
    submit_label = "Drop"

    def __init__(self, thread_id: int, view: inbox.ThreadView) -> None:
        super().__init__()
        self.thread_id = thread_id
        self.choices = [(b.line, b.offer_ref) for b in view.bookings if b.droppable]

    def make_fields(self) -> list[Field]:
        return [ChoiceField("Booking", "ref", self.choices, needed="Which booking")]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        drop_booking_for_worker(app.db, app.who, self.thread_id, values["ref"], app.clock())
        return f"Dropped {values['ref']}: the buyer is told and the place offered again"
