"""The dialog the command palette opens to choose or change the emergency number."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from sciatica_tui.screens.dialogs.settings_form import SettingsDialog
from sciatica_tui.screens.host import diary, save
from sciatica_tui.screens.widgets.emergency_number import EmergencyNumberField
from sciatica_tui.store.changes import UpdateSettings

NOT_CHOSEN = (
    "Until you choose, the advice says: call your local emergency number "
    "(for example 999 in the UK, 112 in Europe, 911 in the US)."
)


class EmergencyNumberDialog(SettingsDialog):
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
            classes="dialog-message",
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
        emergency, urgent = numbers
        save(self, UpdateSettings.of(emergency_number=emergency, urgent_number=urgent))
