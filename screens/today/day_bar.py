"""The line under the status strip that always says which day the form holds.

The date field scrolls away with the form on a small terminal; this line does not, so the
person always knows which day they are changing, and the keys that move between days.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from sciatica_tui.domain.words import day_words

# The keys that move between days (TodayTab's bindings), as the line names them.
DAY_KEYS_HINT = "alt+←/→ days · alt+↓ list · ctrl+g date"


class DayBar(Static):
    """ "Open: Fri 20 Nov (yesterday) · ● unsaved", then the keys to move between days."""

    def show(self, day: date, state: str, today: date) -> None:
        """Say that ``day`` is open and its ``state`` (saved, unsaved, not logged)."""
        text = Text()
        text.append("Open: ", "dim")
        text.append(day_words(day, today), "bold")
        text.append(f" · {state}  ")
        text.append(DAY_KEYS_HINT, "dim")
        if text != self.content:
            self.update(text, layout=False)  # one line, full width: its size never changes
