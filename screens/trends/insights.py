"""What went with bad days, under the charts on the Trends tab: one sentence per tag
that went with leg pain a point or more higher or lower, in the tab's range, and what it is
and is not (together, not cause). Quiet when there is nothing to say: one line saying why.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from sciatica_tui.domain.insight_words import insight_sentence, insight_words, quiet_line
from sciatica_tui.domain.insights import Insights


class InsightsView(Vertical):
    """The tags that went with worse or better days, in words."""

    def compose(self) -> ComposeResult:
        """The title, the sentences (or the one line saying why there are none), the note."""
        words = insight_words()
        yield Static(words.title, classes="insights-title")
        yield Static("", id="insights-found")
        yield Static(words.about, id="insights-about")

    def show(self, found: Insights) -> None:
        """Show what was found in one range."""
        words = insight_words()
        quiet = quiet_line(found, words)
        listing = self.query_one("#insights-found", Static)
        # Text, never markup: the person's own tag words are in it, and "[b]" stays "[b]".
        if quiet is not None:
            listing.update(Text(quiet))
        else:
            # A bullet column, so a sentence that wraps hangs clear of it.
            table = Table.grid(padding=(0, 1, 0, 0))
            table.add_column(no_wrap=True)
            table.add_column(ratio=1)
            for insight in found.listed:
                table.add_row("•", Text(insight_sentence(insight, words)))
            listing.update(table)
        listing.set_class(quiet is not None, "-quiet")
        self.query_one("#insights-about", Static).display = quiet is None
