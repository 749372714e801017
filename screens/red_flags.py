"""The Red flags tab."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class RedFlagsTab(VerticalScroll):
    """The Red flags tab (not built yet: it says so plainly)."""

    def compose(self) -> ComposeResult:
        """A plain note until this tab is built."""
        yield Static(
            "The Red flags tab is not built yet. It will arrive in a coming version.",
            classes="placeholder",
        )

    def start_check(self, prefill: Mapping[str, bool] | None) -> None:
        """Begin a new check (not built yet)."""
