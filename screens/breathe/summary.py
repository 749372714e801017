"""The Breathe tab's last view: how the session went, and the history with it in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from sciatica_tui.domain.records import BreathingSession
from sciatica_tui.screens.breathe.words import result_title, summary_words
from sciatica_tui.screens.dialogs.learn_more import topic_pointer


class BreathingSummary(VerticalScroll):
    """The result, the ratings before and after, and the history."""

    def __init__(self) -> None:
        """Blank until ``show``."""
        super().__init__(id="breathe-summary")

    def compose(self) -> ComposeResult:
        """The title and text (set by ``show``), the history, the teaching and the key."""
        yield Static("", id="summary-title", classes="title")
        yield Static("", id="summary-text")
        yield Static("Your breathing", classes="heading")
        yield Static("", id="summary-history")
        yield Static(topic_pointer("breathe"), classes="breathe-learn")
        yield Static("Press Enter to breathe again.", classes="hint")

    def show(self, record: BreathingSession) -> None:
        """How the session in ``record`` went."""
        self.query_one("#summary-title", Static).update(result_title(record))
        self.query_one("#summary-text", Static).update(summary_words(record))

    def show_history(self, words: str) -> None:
        """The past sessions, in words."""
        self.query_one("#summary-history", Static).update(words)
