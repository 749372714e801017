"""The line at the top of the Today tab that asks for the red-flag check, and why. It stays
until a check is saved after it was asked for."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from textual.widgets import Static

from sciatica_tui.domain.records import RedFlagCheck
from sciatica_tui.screens.host import clock


class CheckPrompt(Static):
    """Hidden until the check is asked for; hidden again once a check is saved."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """Nothing asked yet."""
        super().__init__("", id=id)
        self.display = False
        self._since: datetime | None = None

    def show(self, reasons: str) -> None:
        """Ask for the check now, saying ``reasons``."""
        self._since = clock(self).now()
        self.update(f"⚠ Run the red-flag check now (ctrl+r). {reasons}")
        self.display = True

    def clear_if_checked(self, checks: Iterable[RedFlagCheck]) -> None:
        """Go once one of ``checks`` was saved since the check was asked for."""
        if self._since is not None and any(check.at >= self._since for check in checks):
            self._since = None
            self.display = False
