"""``ChoiceDialog``: a question with a few answers, each a button, that every tab asks with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from sciatica_tui.screens.dialogs.form import FormDialog


class ChoiceDialog(FormDialog[str]):
    """A question with a few answers, each a button: the one confirmation dialog of the app
    (the Clinic tab's questions, Today's quit question, the emergency alert's quit question,
    removing an own exercise). It closes with the id of the answer chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The answers sit side by side: the arrows move between them, as Tab does.
        Binding("left", "app.focus_previous", "Previous answer", show=False),
        Binding("right", "app.focus_next", "Next answer", show=False),
    ]

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[tuple[str, str]],
        *,
        suggested: str | None = None,
        escape: str | None = None,
        danger: str | None = None,
        keys: Mapping[str, str] | None = None,
        over_alert: bool = False,
    ) -> None:
        """``choices`` are (id, label) pairs, shown in that order.

        ``suggested`` is the answer with the cursor (the first when None); ``escape`` the
        answer Escape gives (None: no answer); ``danger`` an answer that loses or ends
        something, shown in the error colour; ``keys`` letters that answer at once (letter
        to id; say them in the labels); ``over_alert`` draws the box like the emergency
        alert it is asked over.
        """
        super().__init__()
        self.TITLE_TEXT = title
        self.message = message
        self.choices = choices
        self.suggested = suggested if suggested is not None else choices[0][0]
        self.escape = escape
        self.danger = danger
        self.keys = dict(keys or {})
        self.set_class(over_alert, "-over-alert")

    def fields(self) -> ComposeResult:
        """The message."""
        yield Static(Content(self.message), classes="dialog-message")

    def buttons(self) -> ComposeResult:
        """One button per answer: the suggested one stands out, a dangerous one is red."""
        for choice_id, label in self.choices:
            variant: ButtonVariant = "default"
            if choice_id == self.danger:
                variant = "error"
            elif choice_id == self.suggested:
                variant = "primary"
            yield Button(label, id=f"choice-{choice_id}", variant=variant, compact=True)

    @on(Button.Pressed, ".dialog-buttons Button")
    def _chosen(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("choice-"):
            self.dismiss(event.button.id.removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
        """A letter given in ``keys`` answers at once."""
        if event.key in self.keys:
            event.stop()
            self.dismiss(self.keys[event.key])

    def action_cancel(self) -> None:
        """Escape: the caller's answer for it, or none."""
        self.dismiss(self.escape)

    def on_mount(self) -> None:
        """The suggested answer has the focus."""
        self.query_one(f"#choice-{self.suggested}", Button).focus()
