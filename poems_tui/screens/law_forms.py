"""An admin gives a labour rule a new figure from a date, with its source and the reason."""

from datetime import date

from exchange.errors import Refused
from exchange.money import parse_money
from poems_tui.screens.forms import FormScreen
from poems_tui.widgets.form import FormField, required, rule
from services.markets import add_law_figure


def _rule_id(text: str) -> int:
    digits = text.strip().lstrip("#")
    if not digits.isdecimal():
        raise Refused("bad_rule", "The rule's number, as listed, e.g. #12")
    return int(digits)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise Refused("bad_date", "A date as YYYY-MM-DD, e.g. 2027-04-01") from error


def _figure(text: str, kind: str = "minimum_wage") -> int | None:
    """Money for a minimum wage (12.71), whole minutes or years for the rest; blank lifts it."""
    text = text.strip()
    if not text:
        return None
    if kind == "minimum_wage":
        return parse_money(text)
    if not text.isdecimal():
        raise Refused("bad_number", "Minutes or years as a whole number")
    return int(text)


class NewFigureScreen(FormScreen):
    """A new row for rule #N: same kind, authority and ages; the old row stays as history."""

    form_title = "New figure for a labour rule (recorded with your name)"

    def make_fields(self) -> list[FormField]:
        return [
            FormField("Rule", "rule", placeholder="#12", validators=[rule(_rule_id)]),
            FormField(
                "New figure",
                "value",
                placeholder="12.71 for a wage, else minutes or years; blank lifts it",
                validators=[rule(_figure, optional=True)],
            ),
            FormField("From", "from", placeholder="2027-04-01", validators=[rule(_day)]),
            FormField(
                "Source", "source", placeholder="https://...", validators=[required("A source")]
            ),
            FormField(
                "Reason", "reason", placeholder="Budget 2026", validators=[required("A reason")]
            ),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        rule_id = _rule_id(values["rule"])
        made = add_law_figure(
            app.db,
            app.who,
            rule_id,
            values["value"],
            _day(values["from"]),
            values["source"],
            values["reason"],
            app.clock(),
            read_figure=_figure,
        )
        return f"Rule #{made.rule_id} added, from {made.effective_from.isoformat()}"
