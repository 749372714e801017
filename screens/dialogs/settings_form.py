"""``SettingsDialog``: a dialog that saves some settings and closes once they are on disk."""

from __future__ import annotations

from textual import on

from sciatica_tui.domain.records import Settings
from sciatica_tui.screens.dialogs.form import FormDialog
from sciatica_tui.screens.host import diary
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.store.changes import UpdateReportName, UpdateSettings

# The changes a settings dialog saves (the name on reports sits beside the settings).
SETTINGS_CHANGES = (UpdateSettings, UpdateReportName)


class SettingsDialog(FormDialog[Settings]):
    """Its ``accept`` saves an ``UpdateSettings`` (or ``UpdateReportName``); the dialog
    closes with the settings as saved, or says in the dialog why they were not (what was
    chosen stays)."""

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        """Close once the settings are on disk, with the settings as saved."""
        if isinstance(message.change, SETTINGS_CHANGES):
            message.stop()
            self.dismiss(diary(self).profile().settings)

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        """Say why, in the dialog; what was chosen stays."""
        if isinstance(message.change, SETTINGS_CHANGES):
            message.stop()
            self.say_problem(str(message.error))
