"""The last 14 days in a box that pops up over Today (alt+↓): on a small terminal the list
under the form is far below, and this one is a key away at every size."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, DataTable

from sciatica_tui.screens.dialogs.form import FormDialog
from sciatica_tui.screens.today.status import RECENT_DAYS, LastDays, RecentDays


class RecentDaysDialog(FormDialog[date]):
    """The last 14 days, the open one under the cursor; Enter opens the day chosen."""

    TITLE_TEXT = f"Open one of the last {RECENT_DAYS} days"

    def __init__(self, recent: LastDays, open_day: date) -> None:
        """The ``recent`` days, as the list under the form shows them; ``open_day`` is
        marked."""
        super().__init__()
        self.recent, self.open_day = recent, open_day

    def fields(self) -> ComposeResult:
        """The list of days."""
        yield RecentDays(id="recent-days-popup")

    def buttons(self) -> ComposeResult:
        """Open and Cancel."""
        yield Button("Open  enter", variant="primary", id="dialog-ok", compact=True)
        yield Button("Cancel  esc", id="dialog-cancel", compact=True)

    def on_mount(self) -> None:
        """Fill the list and put the cursor in it, on the open day."""
        days = self.query_one(RecentDays)
        days.show(self.recent, self.open_day)
        days.focus()

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.dismiss(date.fromisoformat(event.row_key.value))

    def accept(self) -> None:
        """Open the day under the cursor."""
        days = self.query_one(RecentDays)
        key = days.coordinate_to_cell_key(days.cursor_coordinate).row_key.value
        if key is not None:
            self.dismiss(date.fromisoformat(key))
