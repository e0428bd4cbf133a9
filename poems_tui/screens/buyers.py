"""Buyers: the employers and public bodies staff post shifts for; add and edit."""

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from exchange.areas import normalise_place
from exchange.buyers import add_buyer, edit_buyer
from exchange.errors import Refused
from exchange.phones import to_e164
from poems_tui.messages import BuyersLoaded
from poems_tui.screens.base import ConsoleScreen
from poems_tui.screens.forms import FormScreen
from poems_tui.services.buyers import BuyerRow, buyers
from poems_tui.services.who import operator_of
from poems_tui.widgets.form import FormField, required, rule


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
        with app.db.write() as session:
            operator = operator_of(session, app.who)
            if self.buyer is None:
                buyer = add_buyer(session, self.market_id, operator, values, app.clock())
                return f"{buyer.name} added"
            buyer = edit_buyer(session, self.buyer.id, operator, values, app.clock())
            return f"{buyer.name} saved"


class BuyersScreen(ConsoleScreen):
    NAME = "buyers"
    AUTO_FOCUS = "#buyers"
    BINDINGS = [("n", "add", "Add buyer"), ("enter", "edit", "Edit")]

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield DataTable(id="buyers", cursor_type="row", zebra_stripes=True)
        yield Static("", id="buyers-status", classes="status")
        yield from self.compose_bottom()

    def on_mount(self) -> None:
        table = self.query_one("#buyers", DataTable)
        table.add_column("Buyer", key="name", width=22)
        table.add_column("Contact", key="contact", width=14)
        table.add_column("Phone", key="phone", width=14)
        table.add_column("Postcode", key="postcode", width=8)
        table.add_column("Shifts", key="shifts", width=6)
        table.add_column("Address", key="place")
        self.rows: dict[str, BuyerRow] = {}
        self.load()

    @work(thread=True, exclusive=True, group="buyers")
    def load(self) -> None:
        self.post_message(BuyersLoaded(buyers(self.app.db, self.app.who)))

    def on_buyers_loaded(self, message: BuyersLoaded) -> None:
        table = self.query_one("#buyers", DataTable)
        keep = table.cursor_row
        table.clear()
        self.rows = {str(row.id): row for row in message.rows}
        for row in message.rows:
            table.add_row(
                row.name,
                row.contact_name,
                row.phone,
                row.default_postcode,
                str(row.shifts),
                row.default_place,
                key=str(row.id),
            )
        if message.rows:
            table.move_cursor(row=min(keep, len(message.rows) - 1), animate=False)
        self.query_one("#buyers-status", Static).update(
            f"{len(message.rows)} buyers; n adds one, Enter edits"
        )

    def _done(self, result: str | None) -> None:
        if result:
            self.notify(result)
            self.load()

    def action_add(self) -> None:
        if self.read_only:
            self.notify("Auditors read only.", severity="warning")
            return
        market = self.app.market
        self.app.push_screen(BuyerScreen(market.id, market.region), self._done)

    @on(DataTable.RowSelected, "#buyers")
    def action_edit(self) -> None:
        table = self.query_one("#buyers", DataTable)
        if self.read_only or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        row = self.rows[key.value]
        self.app.push_screen(BuyerScreen(row.market_id, self.app.market.region, row), self._done)
