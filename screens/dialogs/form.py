"""``FormDialog``: the box in the middle of the screen that every small dialog is built on.

A title, the dialog's own fields, a line for a problem, and its buttons. Each dialog checks
what was typed before it closes: a problem is said in words under the fields and nothing
typed is lost.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce

R = TypeVar("R")


class FormDialog(DismissOnce[R], Generic[R]):
    """A dialog box in the middle of the screen; Escape closes it without changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything."),
    ]
    TITLE_TEXT = ""

    def compose(self) -> ComposeResult:
        """Title, the dialog's fields, a problem line and the buttons."""
        with Vertical(classes="dialog-box"):
            yield Static(Content(self.TITLE_TEXT), classes="dialog-title")
            yield from self.fields()
            yield Static("", classes="dialog-problem")
            with Horizontal(classes="dialog-buttons"):
                yield from self.buttons()

    def fields(self) -> ComposeResult:
        """The dialog's own fields."""
        yield from ()

    def buttons(self) -> ComposeResult:
        """OK and Cancel."""
        yield Button("OK", variant="primary", id="dialog-ok", compact=True)
        yield Button("Cancel", id="dialog-cancel", compact=True)

    def say_problem(self, text: str) -> None:
        """Show a problem under the fields (in words, not only in colour)."""
        problem = self.query_one(".dialog-problem", Static)
        problem.update(Content(f"✗ {text}") if text else "")
        problem.set_class(bool(text), "-shown")

    @on(Input.Changed)
    def _typing_again(self) -> None:
        """A problem shown is about what was there: it goes once the person types again
        (it comes back, up to date, if OK still cannot be done)."""
        self.say_problem("")

    def action_cancel(self) -> None:
        """Close, changing nothing."""
        self.dismiss(None)

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#dialog-ok")
    @on(Input.Submitted)
    def _ok(self) -> None:
        self.accept()

    def accept(self) -> None:
        """Check the fields; close with the result, or say what is wrong."""


def field_row(label: str, widget: Widget) -> Horizontal:
    """A label and its field on one line."""
    return Horizontal(Label(label, classes="dialog-label"), widget, classes="dialog-row")
