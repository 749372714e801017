"""The result of a red-flag check, shown on the tab (the verdict, what to do, the answers),
and the list of earlier checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import RedFlagQuestion
from sciatica_tui.domain.records import RedFlagCheck, Settings, Verdict
from sciatica_tui.domain.red_flag_advice import verdict_words
from sciatica_tui.domain.red_flags import newest_first, verdict_badge, yes_summary
from sciatica_tui.domain.words import day_and_time


class VerdictPanel(Vertical):
    """The verdict of the check just answered (hidden until there is one)."""

    def compose(self) -> ComposeResult:
        """Title, advice, the answers, the disclaimer and the way to start again."""
        yield Static("", id="verdict-title")
        yield Static("", id="verdict-advice")
        yield Static("", id="verdict-answers")
        yield Static(Content(content.app_text().disclaimer), classes="disclaimer")
        yield Button("Start a new check", id="new-check", compact=True)

    def show(
        self,
        check: RedFlagCheck,
        asked: Sequence[RedFlagQuestion],
        *,
        settings: Settings,
        saved: bool,
    ) -> None:
        """Show ``check`` (its questions are ``asked``); ``saved`` says if it reached the diary."""
        said = verdict_words(check, asked, settings=settings, saved=saved)
        title = self.query_one("#verdict-title", Static)
        title.update(Content(said.title))
        for verdict in Verdict:
            title.set_class(check.verdict is verdict, f"-{verdict.value}")
        self.query_one("#verdict-advice", Static).update(Content(said.advice))
        self.query_one("#verdict-answers", Static).update(Content(said.answers))
        self.display = True


class CheckHistory(Static):
    """Earlier checks, newest first: when, the verdict, and the signs said yes."""

    def show(self, checks: Iterable[RedFlagCheck]) -> None:
        """List ``checks``."""
        rows = [
            Content.assemble(
                f"{day_and_time(check.at)}  ",
                (f"{verdict_badge(check.verdict):<13}", "bold"),
                f" {yes_summary(check)}",
            )
            for check in newest_first(checks)
        ]
        self.update(Content("\n").join(rows) if rows else "No checks saved yet.")
