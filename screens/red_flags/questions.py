"""The parts of the red-flag check: the questions in their groups, one question with its
answer, and the strip that keeps the way to help in view once an emergency sign is answered
yes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import RedFlagQuestion
from sciatica_tui.domain.records import Verdict
from sciatica_tui.domain.red_flags import answer_words
from sciatica_tui.domain.words import date_words

FOCUS_MARK = "▶"


def the_questions(questions: Sequence[RedFlagQuestion]) -> Iterator[Widget]:
    """What comes before the answers: the intro, where the questions come from and when they
    were reviewed, the note on answers marked from the log, then the questions numbered from
    1 under two headings (emergency signs, then urgent ones)."""
    flags = content.red_flags()
    reviewed = flags.reviewed
    yield Static(Content(flags.intro), id="intro")
    sources = f"{flags.sources} Reviewed {date_words(reviewed)}."
    yield Static(Content(sources), id="sources")
    yield Static("", id="prefill-note")
    for number, question in enumerate(questions, start=1):
        if number == 1:
            yield Static(f"!! {flags.emergency_heading}", classes="group-heading")
        elif question.verdict is not questions[number - 2].verdict:
            yield Static(f"! {flags.urgent_heading}", classes="group-heading")
        yield QuestionRow(question, number)


class QuestionRow(Vertical, can_focus=True):
    """One yes/no question: its text, a line showing what it means, and the answer in words."""

    answer: reactive[bool | None] = reactive(None, init=False)

    def __init__(self, question: RedFlagQuestion, number: int) -> None:
        """``number`` counts from 1, as the person reads it."""
        super().__init__(id=f"question-{question.id}", classes="question")
        self.question = question
        self.number = number

    def compose(self) -> ComposeResult:
        """The question line with its answer, the example, and the next step on a yes."""
        with Horizontal(classes="question-line"):
            yield Static(" ", classes="focus-mark")
            yield Static(Content(f"{self.number}. {self.question.text}"), classes="question-text")
            yield Static(answer_words(None), classes="answer")
        yield Static(Content(self.question.example), classes="example")
        yield Static(Content(f"→ If yes: {self.question.next_step}"), classes="next-step")

    def watch_answer(self, answer: bool | None) -> None:
        """Show the answer in words; a yes also shows what to do about it."""
        self.query_one(".answer", Static).update(answer_words(answer))
        self.set_class(answer is True, "-yes")
        self.set_class(answer is False, "-no")

    def on_focus(self) -> None:
        """Mark the question in focus with a symbol too, not only a colour."""
        self.query_one(".focus-mark", Static).update(FOCUS_MARK)

    def on_blur(self) -> None:
        """Clear the focus mark."""
        self.query_one(".focus-mark", Static).update(" ")


class EmergencyStrip(Static):
    """Kept at the top of the tab while the check in view is an emergency: what to do, the
    number to call, the signs answered yes, and the key that shows the alert again."""

    def show(self, number: str | None, signs: str) -> None:
        """Say it: ``number`` is the emergency number chosen (None: not chosen yet),
        ``signs`` the signs answered yes, in words."""
        title = content.red_flags().verdict_text(Verdict.EMERGENCY).title
        call = number or "your local emergency number"
        self.update(
            Content.assemble(
                (f"!! {title}, or call {call} for an ambulance.", "bold"),
                f"\nYes to: {signs}. Press a to read the emergency advice again.",
            )
        )
        self.display = True
