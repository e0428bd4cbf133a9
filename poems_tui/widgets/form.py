"""Form pieces: a labelled field that says what is wrong as you type, a field of fixed choices,
and a modal form's frame."""

from collections.abc import Callable, Iterable, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.validation import Function, ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

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


FIELD_CSS = """
{name} { height: auto; layout: grid; grid-size: 2; grid-columns: 18 1fr; grid-rows: auto; margin-bottom: 1; }
{name} > Label { padding: 0 1 0 0; color: $text-muted; }
{name} > .field-error { column-span: 2; color: $text-error; height: auto; padding-left: 18; display: none; }
"""


class Choices(Suggester):
    """Suggests the first choice that starts with what was typed (in any case), and completes it
    at once too: Textual works a suggestion out after the key, so a Right typed straight after
    the letters would otherwise find none yet."""

    def __init__(self, choices: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.choices = list(choices)

    def completing(self, typed: str) -> str | None:
        folded = typed.casefold()
        if not folded:
            return None
        return next(
            (choice for choice in self.choices if choice.casefold().startswith(folded)), None
        )

    async def get_suggestion(self, value: str) -> str | None:
        return self.completing(value)


class FieldInput(Input):
    """A form's text box, whose Right takes its own suggestion in the order the keys came: a
    binding would act on the box focused when the key is looked at, and Enter may have moved on
    by then (FormScreen moves on at once, so that the keys typed after it land in the next box)."""

    def key_right(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        at_end = self.cursor_position == len(self.value)
        completed = (
            self.suggester.completing(self.value)
            if at_end and isinstance(self.suggester, Choices)
            else None
        )
        if completed:
            self.value = completed
            self.cursor_position = len(completed)
            return
        self.action_cursor_right()


class FormField(Widget):
    """A label, an input and, under it, what is wrong with what was typed (updated per key,
    so it goes as soon as the field is put right)."""

    DEFAULT_CSS = FIELD_CSS.replace("{name}", "FormField") + "FormField > Input { width: 1fr; }"

    def __init__(
        self,
        label: str,
        field_id: str,
        value: str = "",
        placeholder: str = "",
        validators: list[Validator] | None = None,
        password: bool = False,
    ) -> None:
        super().__init__(id=f"field-{field_id}", classes="form-field")
        self.label = label
        self.field_id = field_id
        self.initial = value
        self.input = FieldInput(
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
    def recheck(self) -> None:
        # Checked as they type, so a problem goes as soon as it is put right.
        self.show_problem()

    @on(Input.Blurred)
    def left(self) -> None:
        if self.value.strip():
            self.show_problem()

    def problem(self) -> str:
        result = self.input.validate(self.input.value)
        return "" if result is None or result.is_valid else "; ".join(result.failure_descriptions)

    def show_problem(self) -> None:
        text = self.problem()
        shown = self.query_one(".field-error", Static)
        shown.update(text)
        shown.display = bool(text)

    @property
    def value(self) -> str:
        return self.input.value

    @property
    def valid(self) -> bool:
        return not self.problem()

    @property
    def field(self) -> Widget:
        return self.input


class ChoiceField(Widget):
    """A label and a list of fixed choices (Enter opens it; typing a letter jumps)."""

    DEFAULT_CSS = (
        FIELD_CSS.replace("{name}", "ChoiceField") + "ChoiceField > Select { width: 1fr; }"
    )

    def __init__(
        self,
        label: str,
        field_id: str,
        choices: Sequence[tuple[str, str]],
        value: str = "",
        prompt: str = "Choose one",
        needed: str | None = None,
    ) -> None:
        super().__init__(id=f"field-{field_id}", classes="form-field")
        self.label = label
        self.field_id = field_id
        self.initial = value
        # `needed` says what is missing when nothing is chosen; without it a blank is allowed.
        self.needed = needed
        self.select: Select[str] = Select(
            [(words, code) for words, code in choices],
            prompt=prompt,
            value=value or Select.NULL,
            id=field_id,
            compact=True,
            type_to_search=True,
        )

    def compose(self) -> ComposeResult:
        yield Label(self.label)
        yield self.select
        yield Static("", classes="field-error")

    @on(Select.Changed)
    def recheck(self) -> None:
        self.show_problem()

    def problem(self) -> str:
        return f"{self.needed} is needed" if self.needed and not self.value else ""

    def show_problem(self) -> None:
        text = self.problem()
        shown = self.query_one(".field-error", Static)
        shown.update(text)
        shown.display = bool(text)

    @property
    def value(self) -> str:
        return "" if self.select.is_blank() else str(self.select.value)

    @property
    def valid(self) -> bool:
        return not self.problem()

    @property
    def field(self) -> Widget:
        return self.select


Field = FormField | ChoiceField


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
            yield Static("enter saves · esc leaves a field, twice closes", classes="form-keys")
            yield Button(self.submit_label, variant="primary", id="submit", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    def refuse(self, text: str) -> None:
        self.query_one(".form-refusal", Static).update(text)
        self.query_one("#submit", Button).disabled = False

    def busy(self) -> None:
        self.query_one(".form-refusal", Static).update("")
        self.query_one("#submit", Button).disabled = True
