"""The Trends tab."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class TrendsTab(VerticalScroll):
    """The Trends tab (not built yet: it says so plainly)."""

    def compose(self) -> ComposeResult:
        """A plain note until this tab is built."""
        yield Static(
            "The Trends tab is not built yet. It will arrive in a coming version.",
            classes="placeholder",
        )
