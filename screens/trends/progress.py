"""The progress view at the top of the Trends tab: the answer in words, where leg pain is
heading, the weekly check-in, and what changed since the start and over the last four weeks.

On a narrow terminal the two comparisons are two small tables, one under the other (the
person scrolls on to the charts); on a wide one (``wide``, set by the tab as it lays out its
charts) they share one table.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.progress.report import Comparison, Direction, ProgressReport, Verdict
from sciatica_tui.domain.progress.words import (
    DISCLAIMER,
    NOTICEABLE_NOTE,
    WEAKNESS_CAUTION,
    ProgressRow,
    check_in_sentence,
    four_weeks_words,
    headline_words,
    rows,
    too_few_words,
    trend_words,
    window_words,
)

# The mark before the answer: a shape as well as a word, never a colour alone.
HEADLINE_MARKS: dict[Verdict, str] = {
    Verdict.BETTER: "✓",
    Verdict.SAME: "=",
    Verdict.WORSE: "!",
    Verdict.NOT_ENOUGH_DATA: "…",
}


class ProgressView(Vertical):
    """Am I getting better? Shown above the charts."""

    wide: reactive[bool] = reactive(False, init=False)
    """True when there is room for both comparisons in one table."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """Empty until ``show`` is given a report."""
        super().__init__(id=id)
        self._report: ProgressReport | None = None

    def compose(self) -> ComposeResult:
        """The answer, the four weeks, the trend, the check-in, then the tables."""
        yield Static("Progress", classes="progress-title")
        yield Static("", id="progress-headline")
        yield Static("", id="progress-four-weeks")
        yield Static("", id="progress-trend")
        yield Static("", id="progress-check-in")
        yield Static(WEAKNESS_CAUTION, id="progress-caution")
        yield Static("", id="progress-tables")
        yield Static(f"{NOTICEABLE_NOTE} {DISCLAIMER}", id="progress-note")

    def watch_wide(self) -> None:
        """Lay the tables out again for the new width."""
        self._show_tables()

    def show(self, report: ProgressReport) -> None:
        """Show ``report``."""
        self._report = report
        verdict = report.headline
        headline = self.query_one("#progress-headline", Static)
        headline.update(f"{HEADLINE_MARKS[verdict]} {headline_words(report)}")
        for name in Verdict:
            headline.set_class(verdict is name, f"-{name.value}")
        self.query_one("#progress-four-weeks", Static).update(four_weeks_words(report))
        self.query_one("#progress-trend", Static).update(trend_words(report.trend))
        check_in = self.query_one("#progress-check-in", Static)
        said = check_in_sentence(report, check_in_words())
        # The person's activity names are in it: a Text, so "[b]" stays "[b]", never markup.
        check_in.update(Text(said or ""))
        check_in.display = said is not None
        self.query_one("#progress-caution", Static).display = report.since_start.noticed(
            Direction.WORSE, ("weakness",)
        )
        has_rows = bool(report.since_start.changes or report.last_four_weeks.changes)
        self.query_one("#progress-note", Static).display = has_rows
        self._show_tables()

    def _show_tables(self) -> None:
        report = self._report
        if report is None:
            return
        tables = self.query_one("#progress-tables", Static)
        since, four = report.since_start, report.last_four_weeks
        shown = [c for c in (since, four) if c.enough_data and rows(c)]
        tables.display = bool(shown)
        if not shown:
            return
        if self.wide and len(shown) == 2:
            tables.update(_both_table(since, four))
            return
        parts: list[Table | Text] = []
        for title, comparison in (("Since the start", since), ("Last four weeks", four)):
            if comparison in shown:
                parts.append(_one_table(title, comparison))
        tables.update(_stacked(parts))


def _meaning_cell(row: ProgressRow) -> Text:
    """The meaning in words; bold when it is a change people usually notice."""
    noticed = row.meaning in ("better", "worse")
    return Text(row.meaning, style="bold" if noticed else "")


def _one_table(title: str, comparison: Comparison) -> Table:
    table = Table(
        title=f"{title} ({window_words(comparison)})",
        title_justify="left",
        title_style="bold",
        caption=too_few_words(comparison),
        caption_justify="left",
        box=None,
        # One space between columns: at 80 columns every cell fits on one line.
        padding=(0, 1, 0, 0),
        show_edge=False,
        show_header=False,
        expand=False,
    )
    for _ in range(4):
        table.add_column(no_wrap=False)
    for row in rows(comparison):
        table.add_row(row.short_label, row.from_to, row.change, _meaning_cell(row))
    return table


def _both_table(since: Comparison, four: Comparison) -> Table:
    """Both comparisons in one table: from and to since the start, then each change."""
    table = Table(
        caption=f"Since the start: {window_words(since)}. Last four weeks: {window_words(four)}.",
        caption_justify="left",
        box=None,
        padding=(0, 1, 0, 0),
        show_edge=False,
        header_style="bold",
        expand=False,
    )
    # A blank column keeps the two comparisons apart.
    headers = ("Measure", "Start → now", "Since the start", "", "", "Last four weeks", "")
    for header in headers:
        table.add_column(header)
    recent = {row.label: row for row in rows(four)}
    for row in rows(since):
        other = recent.pop(row.label, None)
        table.add_row(
            row.short_label,
            row.from_to,
            row.change,
            _meaning_cell(row),
            "",
            "" if other is None else other.change,
            "" if other is None else _meaning_cell(other),
        )
    for other in recent.values():
        table.add_row(other.short_label, "", "", "", "", other.change, _meaning_cell(other))
    return table


def _stacked(parts: list[Table | Text]) -> Table:
    """Several renderables one under the other, a blank line between them."""
    grid = Table.grid()
    grid.add_column()
    for index, part in enumerate(parts):
        if index:
            grid.add_row(Text(""))
        grid.add_row(part)
    return grid
