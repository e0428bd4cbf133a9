"""An admin gives a labour rule a new figure from a date, with its source and the reason."""

from datetime import date

from exchange.errors import Refused
from exchange.law.history import new_figure
from exchange.money import parse_money
from poems_tui.screens.forms import FormScreen
from poems_tui.services.who import operator_of
from poems_tui.widgets.form import FormField, required, rule
from store.models import LabourRule


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
        with app.db.write() as session:
            base = session.get(LabourRule, rule_id)
            if base is None:
                raise Refused("no_rule", f"No rule #{rule_id}")
            made = new_figure(
                session,
                operator_of(session, app.who),
                rule_id,
                _figure(values["value"], base.kind),
                _day(values["from"]),
                values["source"].strip(),
                values["reason"].strip(),
                app.clock(),
            )
            return f"Rule #{made.id} added, from {made.effective_from.isoformat()}"
