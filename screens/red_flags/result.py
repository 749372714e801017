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
from sciatica_tui.domain.emergency_number import call_for_help, urgent_advice_line
from sciatica_tui.domain.records import RedFlagCheck, Settings, Verdict
from sciatica_tui.domain.red_flags import (
    answer_words,
    newest_first,
    signs_said_yes,
    verdict_badge,
    yes_questions,
    yes_summary,
)
from sciatica_tui.domain.words import day_and_time


def advice_lines(check: RedFlagCheck, settings: Settings) -> list[str]:
    """What to do about ``check``'s verdict, naming the numbers the person chose."""
    flags = content.red_flags()
    lines = [f"• {line}" for line in flags.verdict_text(check.verdict).what_to_do]
    if check.verdict is Verdict.EMERGENCY:
        lines.append(f"• {call_for_help(settings)}")
        lines += ["", f"What to tell the staff: {flags.tell_staff}"]
        lines += [f"  • {sign.capitalize()}" for sign in signs_said_yes(check.answers)]
    elif check.verdict is Verdict.URGENT and (urgent := urgent_advice_line(settings)):
        lines.append(f"• {urgent}")
    return lines


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
        title = self.query_one("#verdict-title", Static)
        words = content.red_flags().verdict_text(check.verdict)
        title.update(Content(f"{verdict_badge(check.verdict)}: {words.title}"))
        for verdict in Verdict:
            title.set_class(check.verdict is verdict, f"-{verdict.value}")
        advice = advice_lines(check, settings)
        said_yes = yes_questions(check.answers, asked)
        if check.verdict is Verdict.EMERGENCY:
            # The emergency signs are listed for the staff above; only others have a step.
            said_yes = tuple(q for q in said_yes if q.verdict is not Verdict.EMERGENCY)
        if said_yes:
            advice += ["", "For what you answered yes:"]
            advice += [f"• {q.short.capitalize()}: {q.next_step}" for q in said_yes]
        self.query_one("#verdict-advice", Static).update(Content("\n".join(advice)))
        said = [answer_words(check.answers.get(q.id)) for q in asked]
        width = max(len(words) for words in said)
        answers = [f"Your answers ({day_and_time(check.at)}):"]
        answers += [
            f"  {words:<{width}} {number}. {q.short}"
            for number, (words, q) in enumerate(zip(said, asked, strict=True), start=1)
        ]
        if not saved:
            answers.append("⚠ This check could not be saved.")
        self.query_one("#verdict-answers", Static).update(Content("\n".join(answers)))
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
