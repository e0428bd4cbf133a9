"""A modal form: fields that check as you type, a save that runs off the event loop, and the
exchange's refusal shown beside what was typed (nothing typed is lost)."""

from abc import ABCMeta, abstractmethod

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from exchange.errors import Refused as ExchangeRefused
from poems_tui.messages import Refused, Saved
from poems_tui.widgets.form import FormBody, FormField


class _FormMeta(type(ModalScreen), ABCMeta):
    """Textual's screen type with ABC's checks: a form without its fields or save cannot be made."""


class FormScreen(ModalScreen[str | None], metaclass=_FormMeta):
    """Subclasses give `form_title`, `make_fields()` and `save(values)`; dismissed with what was done."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Save"),
    ]
    form_title = "Form"
    submit_label = "Save"

    @abstractmethod
    def make_fields(self) -> list[FormField]:
        """The form's fields, in the order they are filled."""

    @abstractmethod
    def save(self, values: dict[str, str]) -> str:
        """Runs in a thread: make the change; raise the exchange's Refused to refuse it."""

    def compose(self) -> ComposeResult:
        yield FormBody(self.form_title, *self.make_fields(), submit=self.submit_label)

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = self.app.cursor_blink
        self.query(Input).first().focus()

    @property
    def body(self) -> FormBody:
        return self.query_one(FormBody)

    def values(self) -> dict[str, str]:
        return {field.input.id: field.value for field in self.query(FormField)}

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def next_or_submit(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_submit()

    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        for field in self.query(FormField):
            if not field.valid:
                field.input.focus()
                self.body.refuse("Please correct the field marked above.")
                field.show_problem(
                    Input.Changed(
                        field.input, field.input.value, field.input.validate(field.input.value)
                    )
                )
                return
        self.body.busy()
        self.run_save(self.values())

    @work(thread=True, exclusive=True, group="form")
    def run_save(self, values: dict[str, str]) -> None:
        try:
            text = self.save(values)
        except ExchangeRefused as refusal:
            self.post_message(Refused(refusal.message))
            return
        self.post_message(Saved(text))

    def on_saved(self, message: Saved) -> None:
        message.stop()
        self.dismiss(message.text)

    def on_refused(self, message: Refused) -> None:
        message.stop()
        self.body.refuse(message.text)
