"""The dialog the command palette opens to choose or change the emergency number."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from sciatica_tui.records import Settings
from screens.app_access import diary, sciatica_app
from screens.clinic_dialogs import ClinicDialog
from screens.emergency_number import EmergencyNumberField, with_numbers

NOT_CHOSEN = (
    "Until you choose, the advice says: call your local emergency number "
    "(for example 999 in the UK, 112 in Europe, 911 in the US)."
)


class EmergencyNumberDialog(ClinicDialog[Settings]):
    """Choose or change the emergency number (from the command palette)."""

    TITLE_TEXT = "Your emergency number"
    BINDINGS: ClassVar[list[BindingType]] = [
        # On the choice, Enter saves (a button in focus presses itself first).
        Binding("enter", "accept", "Save", show=False),
    ]

    def fields(self) -> ComposeResult:
        """What the number is for, and the field."""
        settings = diary(self).profile().settings
        yield Static(
            "The emergency advice of the red-flag check tells you to call this number.",
            classes="clinic-dialog-message",
        )
        yield EmergencyNumberField(settings, id="number-field")
        if settings.emergency_number is None:
            yield Static(NOT_CHOSEN, classes="number-hint")

    def on_mount(self) -> None:
        """The cursor on the choice."""
        self.query_one("#number-choice").focus()

    def action_accept(self) -> None:
        """Enter: as OK."""
        self.accept()

    def accept(self) -> None:
        """Save the number chosen (a typed one is checked first) and close."""
        numbers = self.query_one(EmergencyNumberField).read()
        if numbers is None:
            return
        store = diary(self)
        settings = with_numbers(store.profile().settings, numbers)

        def close(_: None) -> None:
            self.dismiss(settings)

        sciatica_app(self).save_in_background(
            lambda: store.save_profile(replace(store.profile(), settings=settings)),
            on_done=close,
            on_error=lambda error: self.say_problem(str(error)),
        )
