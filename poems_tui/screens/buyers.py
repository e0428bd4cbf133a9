"""Buyers: the employers and public bodies staff post shifts for; add and edit."""

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from exchange.areas import normalise_place
from exchange.errors import Refused
from exchange.phones import to_e164
from poems_tui.messages import BuyersLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.forms import FormScreen
from poems_tui.widgets.form import FormField, required, rule
from poems_tui.widgets.table import Column, FittedTable
from services.buyers import BuyerRow, add_buyer, buyers, edit_buyer

COLUMNS = [
    Column("Buyer", "name", 18, keep=1, stretch=True),
    Column("Contact", "contact_name", 14, keep=3),
    Column("Phone", "phone", 13, keep=2),
    Column("Postcode", "default_postcode", 8, keep=2),
    Column("Shifts", "shifts", 6, keep=4),
    Column("Address", "default_place", 16, keep=3),
]


class BuyerScreen(FormScreen):
    """Add a buyer, or edit one: name, contact, phone, where their shifts usually are."""

    def __init__(self, market_id: int, region: str, buyer: BuyerRow | None = None) -> None:
        super().__init__()
        self.market_id = market_id
        self.phone_region = region
        self.buyer = buyer
        self.form_title = f"Edit {buyer.name}" if buyer else "Add a buyer"

    def make_fields(self) -> list[FormField]:
        b = self.buyer

        def phone(text: str) -> str:
            return to_e164(text, self.phone_region)

        def postcode(text: str) -> str:
            if normalise_place(text) is None:
                raise Refused("bad_place", "A postcode or ZIP, e.g. E1 7AA")
            return text

        return [
            FormField("Name", "name", b.name if b else "", validators=[required("A name")]),
            FormField(
                "Contact name",
                "contact_name",
                b.contact_name if b else "",
                placeholder="who to ask for on the day",
            ),
            FormField(
                "Contact phone",
                "phone",
                b.phone if b else "",
                placeholder="020 7946 0000",
                validators=[rule(phone, optional=True)],
            ),
            FormField(
                "Postcode",
                "default_postcode",
                b.default_postcode if b else "",
                validators=[rule(postcode, optional=True)],
            ),
            FormField(
                "Address",
                "default_place",
                b.default_place if b else "",
                placeholder="where workers go",
            ),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        if self.buyer is None:
            return f"{add_buyer(app.db, app.who, self.market_id, values, app.clock()).name} added"
        return f"{edit_buyer(app.db, app.who, self.buyer.id, values, app.clock()).name} saved"


class BuyersScreen(ConsoleScreen):
    NAME = "buyers"
    AUTO_FOCUS = "#buyers"
    BINDINGS = [("n", "add", "Add buyer")]

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        # Enter edits the buyer under the cursor; an auditor only reads.
        yield FittedTable(COLUMNS, opens=not self.read_only, id="buyers")
        yield Static("", id="buyers-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        self.rows: dict[str, BuyerRow] = {}
        self.load()

    @work(thread=True, exclusive=True, group="buyers")
    def load(self) -> None:
        self.post_message(BuyersLoaded(buyers(self.app.db, self.who)))

    def on_buyers_loaded(self, message: BuyersLoaded) -> None:
        self.rows = {str(row.id): row for row in message.rows}
        self.query_one("#buyers", FittedTable).show(
            (key, vars(row)) for key, row in self.rows.items()
        )
        self.query_one("#buyers-status", Static).update(f"{len(message.rows)} buyers")

    def _done(self, result: str | None) -> None:
        if result:
            self.notify(result)
            self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add":
            return not self.read_only
        return super().check_action(action, parameters)

    def action_add(self) -> None:
        market = self.app.market
        self.app.push_screen(BuyerScreen(market.id, market.region), self._done)

    @on(DataTable.RowSelected, "#buyers")
    def edit(self) -> None:
        key = self.query_one("#buyers", FittedTable).cursor_key
        if self.read_only or key is None:
            return
        row = self.rows[key]
        self.app.push_screen(BuyerScreen(row.market_id, self.app.market.region, row), self._done)
