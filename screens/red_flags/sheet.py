"""The question sheet of the red-flag check: the questions with their answers, how many are
answered, and the button that gives the result. The cursor moves down it as questions are
answered.

The tab holds the answers and decides what they mean; the sheet shows them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from sciatica_tui.domain.content_schema import RedFlagQuestion
from sciatica_tui.domain.red_flags import progress_words, unanswered, yes_questions
from sciatica_tui.screens.red_flags.questions import QuestionRow, the_questions
from sciatica_tui.screens.widgets.focus import focus_now


class QuestionSheet(Vertical):
    """The questions of one check, in the order asked, then the progress and the result button."""

    def __init__(self, questions: Sequence[RedFlagQuestion], *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """A sheet for ``questions``, none answered."""
        super().__init__(id=id)
        self.questions = questions

    def compose(self) -> ComposeResult:
        """The intro and the questions in two groups, the progress line and the button."""
        yield from the_questions(self.questions)
        yield Static("", id="progress")
        yield Button("See the result", id="see-result", compact=True)

    def on_mount(self) -> None:
        """No answers marked from the log yet."""
        self.query_one("#prefill-note").display = False

    # --- showing answers ---------------------------------------------------------------------

    def row(self, question_id: str) -> QuestionRow:
        """The row of one question."""
        return self.query_one(f"#question-{question_id}", QuestionRow)

    def focused_row(self) -> QuestionRow | None:
        """The question in focus, if one is."""
        focused = self.screen.focused
        return focused if isinstance(focused, QuestionRow) else None

    def show_answers(self, answers: Mapping[str, bool]) -> None:
        """Mark each question with its answer in ``answers`` (unanswered when missing)."""
        for question in self.questions:
            self.row(question.id).answer = answers.get(question.id)

    def show_progress(
        self, answers: Mapping[str, bool], *, emergency: bool, insist: bool = False
    ) -> None:
        """Say how many questions are answered, and list every answer so far."""
        words = progress_words(answers, self.questions, emergency=emergency, insist=insist)
        progress = self.query_one("#progress", Static)
        progress.update(Content(words))
        progress.set_class(insist, "-insist")

    def show_prefilled(self, answers: Mapping[str, bool]) -> None:
        """Say which answers were marked yes from the log (none: the note goes)."""
        marked = [q.short for q in yes_questions(answers, self.questions)]
        note = self.query_one("#prefill-note", Static)
        said = ", ".join(marked)
        note.update(Content(f"From what you logged, marked yes: {said}. Please answer the rest."))
        note.display = bool(marked)

    # --- moving ------------------------------------------------------------------------------

    def focus_to_answer(self, answers: Mapping[str, bool]) -> None:
        """The cursor on the first question still to answer, or on the button when all are."""
        missing = unanswered(answers, self.questions)
        if missing:
            focus_now(self.row(missing[0]))
        else:
            focus_now(self.query_one("#see-result"))

    def move_on_from(self, row: QuestionRow, answers: Mapping[str, bool]) -> None:
        """After ``row`` is answered: the cursor on the next question, or (after the last
        one) where ``focus_to_answer`` puts it."""
        index = self.questions.index(row.question)
        if index + 1 < len(self.questions):
            following = self.row(self.questions[index + 1].id)
            focus_now(following, scroll_visible=False)
            # A yes shows one more line above it: scroll once that line is laid out.
            self.call_after_refresh(following.scroll_visible, animate=False)
        else:
            self.focus_to_answer(answers)

    def move(self, step: int) -> None:
        """Move the cursor ``step`` stops up or down the questions and the button."""
        stops = [*(self.row(q.id) for q in self.questions), self.query_one("#see-result")]
        focused = self.screen.focused
        index = stops.index(focused) if focused in stops else -1
        focus_now(stops[max(0, min(len(stops) - 1, index + step))])
