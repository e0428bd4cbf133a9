"""A modal form: fields that check as you type, a save that runs off the event loop, and the
exchange's refusal shown beside what was typed (nothing typed is lost).

Enter saves from any field once the form is complete, and otherwise goes to the first field
that is not; Escape leaves a field, and a second Escape closes the form (asking first when
something was typed). A form never closes without saving or saying that nothing was saved.
"""

from abc import ABCMeta, abstractmethod

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from exchange.errors import Refused as ExchangeRefused
from poems_tui.messages import Refused, Saved
from poems_tui.widgets.form import ChoiceField, Field, FormBody, FormField


class _FormMeta(type(ModalScreen), ABCMeta):
    """Textual's screen type with ABC's checks: a form without its fields or save cannot be made."""


class DiscardScreen(ModalScreen[bool]):
    """Asked before a form with something typed in it closes unsaved."""

    BINDINGS = [
        Binding("y", "answer(True)", "Close, not saved"),
        Binding("n,escape", "answer(False)", "Back to the form"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="discard"):
            yield Static(f"Close “{self.title_text}” without saving?", classes="form-title")
            yield Static("What you typed will be lost. y closes it, n goes back to the form.")

    def action_answer(self, close: bool) -> None:
        self.dismiss(close)


class FormScreen(ModalScreen[str | None], metaclass=_FormMeta):
    """Subclasses give `form_title`, `make_fields()` and `save(values)`; dismissed with what was
    done, or None when nothing was saved (the operator is told so)."""

    BINDINGS = [
        Binding("escape", "leave_field", "Leave field"),
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "submit", "Save"),
        # Checked before the key reaches the field, so the keys typed after Enter go where
        # focus has moved even when the console is behind the typist.
        Binding("enter", "enter_in_field", show=False, priority=True),
    ]
    form_title = "Form"
    submit_label = "Save"

    @abstractmethod
    def make_fields(self) -> list[Field]:
        """The form's fields, in the order they are filled."""

    @abstractmethod
    def save(self, values: dict[str, str]) -> str:
        """Runs in a thread: make the change; raise the exchange's Refused to refuse it."""

    def compose(self) -> ComposeResult:
        yield FormBody(self.form_title, *self.make_fields(), submit=self.submit_label)

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = self.app.cursor_blink
        self.fields()[0].field.focus()

    @property
    def body(self) -> FormBody:
        return self.query_one(FormBody)

    def fields(self) -> list[Field]:
        return list(self.query(".form-field").results((FormField, ChoiceField)))

    def values(self) -> dict[str, str]:
        return {field.field_id: field.value for field in self.fields()}

    def typed(self) -> bool:
        return any(field.value.strip() != field.initial.strip() for field in self.fields())

    def field_focused(self) -> bool:
        return isinstance(self.focused, Input | Select)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_field":
            return self.field_focused()
        if action == "close":
            return not self.field_focused()
        if action == "enter_in_field":
            # A choice list keeps Enter for opening itself.
            return isinstance(self.focused, Input)
        return True

    def action_leave_field(self) -> None:
        self.set_focus(None)

    @on(Button.Pressed, "#cancel")
    def action_close(self) -> None:
        if not self.typed():
            self.close_unsaved()
            return

        def answered(close: bool | None) -> None:
            if close:
                self.close_unsaved()

        self.app.push_screen(DiscardScreen(self.form_title), answered)

    def close_unsaved(self) -> None:
        self.app.notify(f"Not saved: {self.form_title}", severity="warning")
        self.dismiss(None)

    @on(Input.Changed)
    @on(Select.Changed)
    def changed(self) -> None:
        # What the exchange refused was about what was typed before: it goes once they edit.
        self.query_one(".form-refusal", Static).update("")

    def action_enter_in_field(self) -> None:
        """Enter in a text box: on to the next blank field now, so what is typed next lands
        there; whether the form is complete is judged once the box left has every key typed
        before the Enter."""
        left = self.focused
        fields = self.fields()
        boxes = [field.field for field in fields]
        after = boxes.index(left) + 1 if left in boxes else len(boxes)
        blank = next((field for field in fields[after:] if not field.value.strip()), None)
        if blank is not None:
            self.set_focus(blank.field)
        left.call_later(self.action_submit, moving_on=True, left=left)

    @on(Button.Pressed, "#submit")
    def pressed_save(self) -> None:
        self.action_submit()

    def action_submit(self, moving_on: bool = False, left: Widget | None = None) -> None:
        """Save when every field is right; else go to the first field that is not.

        From Enter in a field (`moving_on`, `left` being that field), a blank field further
        down is simply the next one to fill, so it is not marked wrong yet."""
        fields = self.fields()
        wrong = next((field for field in fields if not field.valid), None)
        if wrong is None:
            self.body.busy()
            self.run_save(self.values())
            return
        here = next((f for f in fields if (left or self.focused) is f.field), None)
        ahead = here is not None and fields.index(wrong) > fields.index(here)
        if moving_on and ahead and self.focused is wrong.field:
            return  # already there, perhaps with its first keys typed
        if not (moving_on and ahead and not wrong.value.strip()):
            wrong.show_problem()
            self.body.refuse(f"Not saved yet: {wrong.label} needs putting right.")
        self.set_focus(wrong.field)
        wrong.scroll_visible(animate=False)

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
        self.body.refuse(f"Not saved: {message.text}")
