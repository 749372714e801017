"""The last 14 days in a box that pops up over Today (alt+↓): on a small terminal the list
under the form is far below, and this one is a key away at every size."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, DataTable

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.screens.dialogs.form import FormDialog
from sciatica_tui.screens.today.status import RECENT_DAYS, RecentDays


class RecentDaysDialog(FormDialog[date]):
    """The last 14 days, the open one under the cursor; Enter opens the day chosen."""

    TITLE_TEXT = f"Open one of the last {RECENT_DAYS} days"

    def __init__(
        self,
        logs: Mapping[date, DailyLog],
        today: date,
        open_day: date,
        flare_ups: Mapping[date, int] | None = None,
    ) -> None:
        """``logs`` of the last 14 days up to ``today``; ``open_day`` is marked;
        ``flare_ups`` counts each day's flare-ups, as the list under the form does."""
        super().__init__()
        self.logs, self.today, self.open_day = logs, today, open_day
        self.flare_ups = flare_ups

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
        days.show(self.logs, self.today, self.open_day, self.flare_ups)
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
