"""The Breathe tab."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class BreatheTab(VerticalScroll):
    """The Breathe tab (not built yet: it says so plainly)."""

    def compose(self) -> ComposeResult:
        """A plain note until this tab is built."""
        yield Static(
            "The Breathe tab is not built yet. It will arrive in a coming version.",
            classes="placeholder",
        )

    def start_session(self, minutes: int, count: int) -> None:
        """Begin a session (not built yet)."""
