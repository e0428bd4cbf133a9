"""Form pieces: a labelled field that says what is wrong as you type, and a modal form frame."""

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.validation import Function, ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from exchange.errors import Refused


def rule(check: Callable[[str], object], optional: bool = False) -> Validator:
    """An Input validator from one of the exchange's checks: its refusal is the message."""

    class ExchangeRule(Validator):
        def validate(self, value: str) -> ValidationResult:
            if optional and not value.strip():
                return self.success()
            try:
                check(value)
            except Refused as refusal:
                return self.failure(refusal.message)
            except (ValueError, KeyError) as error:
                return self.failure(str(error) or "Not valid")
            return self.success()

    return ExchangeRule()


def required(what: str) -> Validator:
    return Function(lambda value: bool(value.strip()), f"{what} is needed")


class FormField(Widget):
    """A label, an input and, under it, what is wrong with what was typed (updated per key)."""

    DEFAULT_CSS = """
    FormField { height: auto; layout: grid; grid-size: 2; grid-columns: 18 1fr; grid-rows: auto; margin-bottom: 1; }
    FormField > Label { padding: 0 1 0 0; color: $text-muted; }
    FormField > Input { width: 1fr; }
    FormField > .field-error { column-span: 2; color: $text-error; height: auto; padding-left: 18; display: none; }
    """

    def __init__(
        self,
        label: str,
        field_id: str,
        value: str = "",
        placeholder: str = "",
        validators: list[Validator] | None = None,
        password: bool = False,
    ) -> None:
        super().__init__(id=f"field-{field_id}")
        self.label = label
        self.input = Input(
            value=value,
            placeholder=placeholder,
            id=field_id,
            validators=validators or [],
            validate_on=["changed", "submitted", "blur"],
            password=password,
            compact=True,
        )

    def compose(self) -> ComposeResult:
        yield Label(self.label)
        yield self.input
        yield Static("", classes="field-error")

    @on(Input.Changed)
    @on(Input.Blurred)
    def show_problem(self, event: Input.Changed | Input.Blurred) -> None:
        result = event.validation_result
        text = "" if result is None or result.is_valid else "; ".join(result.failure_descriptions)
        problem = self.query_one(".field-error", Static)
        problem.update(text)
        problem.display = bool(text)

    @property
    def value(self) -> str:
        return self.input.value

    @property
    def valid(self) -> bool:
        result = self.input.validate(self.input.value)
        return result is None or result.is_valid


class FormBody(Vertical):
    """A modal form's frame: a title, the fields scrolling, the exchange's refusal, the buttons."""

    def __init__(self, title: str, *fields: Widget, submit: str = "Save") -> None:
        super().__init__(classes="form")
        self.title_text = title
        self.fields = fields
        self.submit_label = submit

    def compose(self) -> ComposeResult:
        yield Static(self.title_text, classes="form-title")
        with VerticalScroll(classes="form-fields"):
            yield from self.fields
        yield Static("", classes="form-refusal")
        with Horizontal(classes="form-buttons"):
            yield Button(self.submit_label, variant="primary", id="submit", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    def refuse(self, text: str) -> None:
        self.query_one(".form-refusal", Static).update(text)
        self.query_one("#submit", Button).disabled = False

    def busy(self) -> None:
        self.query_one(".form-refusal", Static).update("")
        self.query_one("#submit", Button).disabled = True
