"""One worker's record: terms, credentials, availability, bookings, texts, and who looked."""

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from poems_tui.messages import Saved, WorkerRecordLoaded
from poems_tui.screens.worker_forms import CredentialScreen, TermsScreen
from poems_tui.widgets.keys import KeysFooter
from services.workers import WorkerRecord, export_to, record


def _section(text: Text, title: str, lines: list[str], empty: str = "none") -> None:
    # Plain Text, not markup: texts from workers may hold any characters.
    text.append(f"\n\n{title}\n", style="bold")
    text.append("\n".join(f"  {line}" for line in lines) if lines else f"  {empty}")


class WorkerScreen(Screen):
    """Pushed over the Workers screen; escape goes back."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("e", "terms", "Change terms"),
        Binding("k", "credential", "Check credential"),
        Binding("t", "text", "Text (phone)"),
        Binding("x", "export", "Export their data"),
        Binding("r", "reload", "Reload", show=False),
    ]

    def __init__(self, worker_id: int) -> None:
        super().__init__()
        self.worker_id = worker_id
        self.record: WorkerRecord | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="P")
        with VerticalScroll(id="worker-record"):
            yield Static("Loading...", id="worker-body")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="worker")
    def load(self) -> None:
        self.post_message(WorkerRecordLoaded(record(self.app.db, self.worker_id, self.app.clock())))

    def on_worker_record_loaded(self, message: WorkerRecordLoaded) -> None:
        found = message.record
        self.record = found
        body = self.query_one("#worker-body", Static)
        if found is None:
            body.update("No such worker.")
            return
        self.sub_title = f"{found.name} {found.phone}"
        text = Text()
        text.append(found.name, style="bold")
        text.append(f"  {found.phone}  ({found.status})")
        _section(text, "Terms", [f"{label:<15} {value}" for label, value in found.terms])
        _section(text, "Credentials", found.credentials)
        _section(text, "Free", found.availability, "no windows ahead")
        _section(text, "Bookings and offers", found.bookings)
        _section(text, "Texts, newest first", found.messages)
        _section(text, "Changes to terms", found.history)
        _section(text, "Who looked at this record", found.seen_by)
        body.update(text)

    @work(thread=True, exclusive=True, group="worker-export")
    def action_export(self) -> None:
        app = self.app
        path = export_to(app.db, app.who, self.worker_id, app.export_dir, app.clock())
        self.post_message(Saved(f"Their data is in {path}"))

    def on_saved(self, message: Saved) -> None:
        self.notify(message.text)
        self.load()

    def action_back(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("terms", "credential", "export"):
            return self.app.who is not None and not self.app.who.read_only
        if action == "text":
            return "phone" in self.app.screens_allowed
        return True

    def _after(self, result: str | None) -> None:
        if result:
            self.notify(result)
            self.load()

    def action_terms(self) -> None:
        if self.record is not None:
            self.app.push_screen(
                TermsScreen(self.worker_id, self.record.name, self.record.raw, self.app.market),
                self._after,
            )

    def action_credential(self) -> None:
        if self.record is not None:
            self.app.push_screen(CredentialScreen(self.worker_id, self.record.name), self._after)

    async def action_text(self) -> None:
        if self.record is not None:
            phone = self.record.phone
            self.dismiss()
            await self.app.open_phone(phone)
