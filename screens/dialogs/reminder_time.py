"""The dialog the command palette opens to choose when ``sciatica remind`` reminds."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from sciatica_tui.domain.reminder import TIME_HINT, parse_reminder_time, reminder_time_said
from sciatica_tui.screens.dialogs.form import field_row
from sciatica_tui.screens.dialogs.settings_form import SettingsDialog
from sciatica_tui.screens.host import diary, save
from sciatica_tui.store.changes import UpdateSettings

WHAT_IT_DOES = (
    "With 'sciatica remind' in your shell start-up file, the shell says so when the day "
    "is not logged yet after this time."
)


class ReminderTimeDialog(SettingsDialog):
    """Choose the time of the daily reminder, or turn it off (from the command palette)."""

    TITLE_TEXT = "Daily reminder"

    def fields(self) -> ComposeResult:
        """What the reminder is, and the time."""
        kept = diary(self).profile().settings.reminder_time
        yield Static(WHAT_IT_DOES, classes="dialog-message")
        yield field_row(
            "Time",
            Input(reminder_time_said(kept), id="reminder-time", max_length=10, compact=True),
        )
        yield Static(TIME_HINT, classes="dialog-message")

    def accept(self) -> None:
        """Save the time typed, once it is a time (or off)."""
        try:
            kept = parse_reminder_time(self.query_one("#reminder-time", Input).value)
        except ValueError as error:
            self.say_problem(str(error))
            return
        save(self, UpdateSettings.of(reminder_time=kept))
