"""Disputes: the decider's queue, oldest deadline first, and one dispute's page with its whole
timeline, where the decider asks either party a question, adds a note or decides."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from exchange import disputes
from exchange.errors import Refused
from exchange.localtime import local
from exchange.money import parse_money
from poems_tui.messages import DisputePageLoaded, DisputesLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.forms import FormScreen
from poems_tui.widgets.form import ChoiceField, Field, FormField, required, rule
from poems_tui.widgets.keys import KeysFooter
from poems_tui.widgets.table import Column, FittedTable
from services.disputes import (
    DisputePage,
    add_note,
    ask_party,
    decide_dispute,
    lift_suspension,
    open_dispute,
    page,
    queue,
)

# Sorted by when each is due, so Due and Ref stay however narrow the terminal.
COLUMNS = [
    Column("Ref", "ref", 6, keep=1),
    Column("State", "status", 9, keep=2),
    Column("About", "category", 12, keep=3),
    Column("By", "opened_by", 6, keep=5),
    Column("Worker", "worker", 14, keep=3, stretch=True),
    Column("Buyer", "buyer", 16, keep=4),
    Column("Claim", "claim", 9, keep=2),
    Column("Due", "due", 16, keep=1),
]


class DisputesScreen(ConsoleScreen):
    NAME = "disputes"
    AUTO_FOCUS = "#disputes"
    BINDINGS = [
        Binding("o", "new", "Open a dispute"),
        Binding("r", "reload", "Reload"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield Static("", id="dispute-counts", classes="status")
        yield FittedTable(COLUMNS, id="disputes")
        yield Static("", id="disputes-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def action_reload(self) -> None:
        self.load(said=True)

    @work(thread=True, exclusive=True, group="disputes")
    def load(self, said: bool = False) -> None:
        self.post_message(DisputesLoaded(queue(self.app.db, self.who), said))

    def on_disputes_loaded(self, message: DisputesLoaded) -> None:
        rows = message.queue.rows
        self.query_one("#disputes", FittedTable).show((str(row.id), vars(row)) for row in rows)
        if message.said:
            self.notify(f"Reloaded: {len(rows)} disputes")
        counts = ", ".join(f"{n} {state}" for state, n in message.queue.counts.items())
        self.query_one("#dispute-counts", Static).update(f"Disputes: {counts}")
        self.query_one("#disputes-status", Static).update(
            f"{len(rows)} disputes, soonest deadline first"
        )

    @on(DataTable.RowSelected, "#disputes")
    def open_one(self) -> None:
        key = self.query_one("#disputes", FittedTable).cursor_key
        if key is not None:
            self.app.push_screen(DisputeScreen(int(key)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new":
            return not self.read_only
        return super().check_action(action, parameters)

    def action_new(self) -> None:
        self.app.push_screen(OpenDisputeScreen(), self._opened)

    def _opened(self, result: str | None) -> None:
        if result:
            self.notify(result)
            self.load()


class DisputeScreen(Screen):
    """Pushed over the queue; escape goes back."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("w", "ask('worker')", "Ask worker"),
        Binding("b", "ask('buyer')", "Ask buyer"),
        Binding("n", "note", "Note"),
        Binding("d", "decide", "Decide"),
        Binding("l", "lift", "Lift a suspension"),
    ]

    def __init__(self, dispute_id: int) -> None:
        super().__init__()
        self.dispute_id = dispute_id
        self.page: DisputePage | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="P")
        with VerticalScroll(id="dispute-page"):
            yield Static("Loading...", id="dispute-body")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="dispute")
    def load(self) -> None:
        app = self.app
        self.post_message(DisputePageLoaded(page(app.db, app.who, self.dispute_id, app.clock())))

    def on_dispute_page_loaded(self, message: DisputePageLoaded) -> None:
        self.page = found = message.page
        body = self.query_one("#dispute-body", Static)
        if found is None:
            body.update("No such dispute, or not one of your markets'.")
            return
        # Plain Text, not markup: what the parties texted may hold any characters.
        text = Text(found.heading, style="bold")
        text.append(f"\n\nWhat went wrong\n  {found.summary}")
        text.append("\n\nDecisions\n", style="bold")
        text.append("\n".join(f"  {line}" for line in found.decisions) or "  none yet")
        text.append("\n\nTimeline\n", style="bold")
        for moment in found.moments:
            at = local(moment.at, found.tz)
            text.append(f"  {at:%a %d %b %H:%M}  {moment.kind:<10} {moment.who}: {moment.text}\n")
        text.append(
            "\nw asks the worker, b asks the buyer, n adds a note, d decides, "
            "l lifts a suspension after review"
        )
        body.update(text)

    def action_back(self) -> None:
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("ask", "note", "decide", "lift"):
            return self.app.who is not None and not self.app.who.read_only
        return True

    def _open(self, form: FormScreen) -> None:
        if self.page is not None:
            self.app.push_screen(form, self._done)

    def _done(self, result: str | None) -> None:
        if result:
            self.notify(result)
            self.load()

    def action_ask(self, party: str) -> None:
        self._open(AskScreen(self.dispute_id, party))

    def action_note(self) -> None:
        self._open(NoteScreen(self.dispute_id))

    def action_decide(self) -> None:
        self._open(DecideScreen(self.dispute_id))

    def action_lift(self) -> None:
        if self.page is not None:
            self._open(LiftScreen(self.page.worker_id, self.page.buyer_id))


class AskScreen(FormScreen):
    """Text one party a question; their next reply attaches to the dispute."""

    submit_label = "Send"

    def __init__(self, dispute_id: int, party: str) -> None:
        super().__init__()
        self.dispute_id = dispute_id
        self.party = party
        self.form_title = f"Ask the {party} a question by text"

    def make_fields(self) -> list[FormField]:
        return [FormField("Question", "question", validators=[required("The question")])]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        ask_party(app.db, app.who, self.dispute_id, self.party, values["question"], app.clock())
        return f"Question sent to the {self.party}"


class NoteScreen(FormScreen):
    """A note only deciders read."""

    form_title = "Add a note (deciders only)"

    def __init__(self, dispute_id: int) -> None:
        super().__init__()
        self.dispute_id = dispute_id

    def make_fields(self) -> list[FormField]:
        return [FormField("Note", "note", validators=[required("The note")])]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        add_note(app.db, app.who, self.dispute_id, values["note"], app.clock())
        return "Note added"


PARTY_CHOICES = [("The worker", "worker"), ("The buyer", "buyer")]


def _booking(text: str) -> str:
    if not text.strip().isdecimal():
        raise Refused("bad_booking", "The booking number, e.g. 1042")
    return text


class OpenDisputeScreen(FormScreen):
    """Staff, or a buyer at the desk, open a dispute about one booking for a party."""

    form_title = "Open a dispute: both parties are texted its reference"
    submit_label = "Open"

    def __init__(
        self, booking: str = "", party: str = "", category: str = "", summary: str = ""
    ) -> None:
        # Filled in from a conversation in the Inbox, for the decider to check and open.
        super().__init__()
        self.given = {"booking": booking, "party": party, "summary": summary}
        self.given["category"] = category if category in disputes.CATEGORIES else ""

    def make_fields(self) -> list[Field]:
        given = self.given
        return [
            FormField(
                "Booking",
                "booking",
                value=given["booking"],
                placeholder="e.g. 1042",
                validators=[rule(_booking)],
            ),
            ChoiceField(
                "For", "party", PARTY_CHOICES, value=given["party"], needed="Whose side it is for"
            ),
            ChoiceField(
                "About",
                "category",
                [(code.capitalize(), code) for code in disputes.CATEGORIES],
                value=given["category"],
                needed="What it is about",
            ),
            FormField(
                "What went wrong",
                "summary",
                value=given["summary"],
                validators=[required("What went wrong")],
            ),
            FormField(
                "Claim",
                "claim",
                placeholder="optional, e.g. 26.00",
                validators=[rule(parse_money, optional=True)],
            ),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        claim = values["claim"].strip()
        opened = open_dispute(
            app.db,
            app.who,
            int(values["booking"]),
            values["party"],
            values["category"],
            values["summary"],
            app.clock(),
            claim_minor=parse_money(claim) if claim else None,
        )
        return f"{opened.ref} opened; both parties will be texted"


class LiftScreen(FormScreen):
    """Staff review a suspension and lift it; the points stay until they expire."""

    form_title = "Lift a suspension after review (the points stay until they expire)"
    submit_label = "Lift"

    def __init__(self, worker_id: int, buyer_id: int) -> None:
        super().__init__()
        self.worker_id = worker_id
        self.buyer_id = buyer_id

    def make_fields(self) -> list[Field]:
        return [
            ChoiceField("Whose", "party", PARTY_CHOICES, needed="Whose suspension"),
            FormField("Review found", "note", validators=[required("What the review found")]),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        party = values["party"].strip().lower()
        lift_suspension(
            app.db,
            app.who,
            values["note"],
            app.clock(),
            worker_id=self.worker_id if party == "worker" else None,
            buyer_id=self.buyer_id if party == "buyer" else None,
        )
        return f"The {party}'s suspension is lifted"


OUTCOME_WORDS = {
    "uphold": "Uphold: the claim stands",
    "part": "Part: pay part of it",
    "reject": "Reject: the claim fails",
}
FAULT_WORDS = {
    "": "As the outcome says",
    "worker": "The worker",
    "buyer": "The buyer",
    "none": "Nobody",
}


class DecideScreen(FormScreen):
    """Uphold, part (an amount) or reject, with a reason both parties are texted."""

    form_title = "Decide: both parties are texted the outcome and the reason"
    submit_label = "Decide"

    def __init__(self, dispute_id: int) -> None:
        super().__init__()
        self.dispute_id = dispute_id

    def make_fields(self) -> list[Field]:
        return [
            ChoiceField(
                "Outcome",
                "outcome",
                [(OUTCOME_WORDS[code], code) for code in disputes.OUTCOMES],
                needed="The outcome",
            ),
            FormField(
                "Amount",
                "amount",
                placeholder="for part, e.g. 12.50",
                validators=[rule(parse_money, optional=True)],
            ),
            ChoiceField(
                "At fault",
                "at_fault",
                [(words, code) for code, words in FAULT_WORDS.items()],
                value="",
                prompt=FAULT_WORDS[""],
            ),
            FormField("Reason", "reason", validators=[required("A reason both sides can read")]),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        amount = values["amount"].strip()
        fault = values["at_fault"] or None
        decided = decide_dispute(
            app.db,
            app.who,
            self.dispute_id,
            values["outcome"],
            values["reason"],
            app.clock(),
            amount_minor=parse_money(amount) if amount else None,
            at_fault=fault,
        )
        return f"Decided: {decided.outcome}; both parties will be texted"
