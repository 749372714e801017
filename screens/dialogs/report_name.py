"""The dialog the command palette opens to give (or take away) the name printed on reports."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from sciatica_tui.domain.report_name import REPORT_NAME_MAX, parse_report_name
from sciatica_tui.screens.dialogs.form import field_row
from sciatica_tui.screens.dialogs.settings_form import SettingsDialog
from sciatica_tui.screens.host import diary, save
from sciatica_tui.store.changes import UpdateReportName

WHAT_IT_DOES = (
    'Printed only at the top of the visit reports you export ("Visit summary for …"), '
    "so the doctor knows whose they are. Leave it empty for no name."
)


class ReportNameDialog(SettingsDialog):
    """Give the name printed on reports, change it, or clear it (from the command palette)."""

    TITLE_TEXT = "Your name on reports"

    def fields(self) -> ComposeResult:
        """What the name is for, and the field."""
        kept = diary(self).profile().report_name
        yield Static(WHAT_IT_DOES, classes="dialog-message")
        yield field_row(
            "Name",
            Input(
                kept or "",
                placeholder="optional, e.g. Sam Taylor",
                id="report-name",
                max_length=REPORT_NAME_MAX,
                compact=True,
            ),
        )

    def accept(self) -> None:
        """Save the name typed (None when empty), once it is one short line."""
        try:
            kept = parse_report_name(self.query_one("#report-name", Input).value)
        except ValueError as error:
            self.say_problem(str(error))
            return
        save(self, UpdateReportName(kept))
