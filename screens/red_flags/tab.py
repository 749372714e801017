"""The Red flags tab: the six-question emergency check, its verdict and the history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Button, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.content import RedFlagQuestion
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import (
    answer_words,
    newest_first,
    red_flag_verdict,
    short_name,
    unanswered,
    verdict_badge,
    yes_questions,
    yes_summary,
)
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import clock, diary, save
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.store.changes import SaveRedFlagCheck
from sciatica_tui.store.errors import StoreError

FOCUS_MARK = "▶"


def when(check: RedFlagCheck) -> str:
    """The time of a check as a person reads it ("Sat 21 Nov 2026, 09:30")."""
    return check.at.strftime("%a %d %b %Y, %H:%M")


class QuestionRow(Vertical, can_focus=True):
    """One yes/no question: its text, what it means, and the answer in words."""

    answer: reactive[bool | None] = reactive(None, init=False)

    def __init__(self, question: RedFlagQuestion, number: int) -> None:
        """``number`` counts from 1, as the person reads it."""
        super().__init__(id=f"question-{question.id}", classes="question")
        self.question = question
        self.number = number

    def compose(self) -> ComposeResult:
        """The question line with its answer, the meaning, and the next step on a yes."""
        with Horizontal(classes="question-line"):
            yield Static(" ", classes="focus-mark")
            yield Static(Content(f"{self.number}. {self.question.text}"), classes="question-text")
            yield Static(answer_words(None), classes="answer")
        yield Static(Content(self.question.meaning), classes="meaning")
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


class RedFlagsTab(VerticalScroll, DiaryTab):
    """Six yes/no questions, the verdict once all are answered, and earlier checks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="red_flags.yes", tooltip="Answer yes, then go on."),
        Binding("n", "answer(False)", "No", id="red_flags.no", tooltip="Answer no, then go on."),
        Binding(
            "up",
            "move(-1)",
            "Previous question",
            show=False,
            id="red_flags.previous",
            tooltip="Move to the question above.",
        ),
        Binding(
            "down",
            "move(1)",
            "Next question",
            show=False,
            id="red_flags.next",
            tooltip="Move to the question below.",
        ),
        Binding(
            "enter",
            "see_result",
            "Result",
            id="red_flags.result",
            tooltip="See the result once all six questions are answered.",
        ),
        Binding(
            "r",
            "new_check",
            "New check",
            id="red_flags.new_check",
            tooltip="Start again with no answers.",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """An empty check, ready to answer."""
        super().__init__(id=id)
        self.questions = content.red_flags().questions
        self.answers: dict[str, bool] = {}
        self.finished: RedFlagCheck | None = None
        self.saving = False
        # Concerns from the daily log that none of the questions asks about (pain newly in
        # both legs): the result must not seem to clear them.
        self.unasked: tuple[str, ...] = ()

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The questions, the verdict panel (hidden until there is one) and the history."""
        flags = content.red_flags()
        with Vertical(id="check"):
            yield Static(Content(flags.intro), id="intro")
            yield Static("", id="prefill-note")
            for number, question in enumerate(self.questions, start=1):
                yield QuestionRow(question, number)
            yield Static("", id="progress")
            yield Button("See the result", id="see-result", compact=True)
        with Vertical(id="verdict"):
            yield Static("", id="verdict-title")
            yield Static("", id="verdict-advice")
            yield Static("", id="verdict-answers")
            yield Static(Content(content.app_text().disclaimer), classes="disclaimer")
            yield Button("Start a new check", id="new-check", compact=True)
        yield Static("Earlier checks, newest first", classes="heading")
        yield Static("", id="history")

    def on_mount(self) -> None:
        """Show the empty check and the saved history."""
        self.query_one("#verdict").display = False
        self.query_one("#prefill-note").display = False
        self._show_progress()
        self.refresh_from_diary()

    # --- what the app calls -----------------------------------------------------------------------

    def start_check(
        self, prefill: Mapping[str, bool] | None, unasked: tuple[str, ...] = ()
    ) -> None:
        """Begin a new check with the ``prefill`` answers already marked; ``unasked`` are
        concerns from the daily log that no question covers (said again with the result).

        Asked again without a prefill while a check is half answered, the answers so far
        are kept (pressing ctrl+r twice must not wipe them).
        """
        if prefill is None and self.answers and self.finished is None:
            self.unasked = tuple(dict.fromkeys((*self.unasked, *unasked)))
            self._show_prefill_note()
            self.focus_first()
            return
        known = {q.id for q in self.questions}
        self._reset({qid: bool(yes) for qid, yes in (prefill or {}).items() if qid in known})
        self.unasked = tuple(unasked)
        self._show_prefill_note()
        self.focus_first()

    def _show_prefill_note(self) -> None:
        marked = [short_name(q.id) for q in yes_questions(self.answers, self.questions)]
        lines = []
        if marked:
            lines.append(
                f"From your daily log, already marked yes: {', '.join(marked)}. "
                "Check these and answer the rest."
            )
        if self.unasked:
            lines.append(
                f"From your daily log: {' '.join(self.unasked)} No question below asks about "
                "this; the result says what to do."
            )
        note = self.query_one("#prefill-note", Static)
        note.update(Content("\n".join(lines)))
        note.display = bool(lines)

    def focus_first(self) -> None:
        """Focus the first question still to answer (or the next action when all are)."""
        if self.finished is not None:
            focus_now(self.query_one("#new-check"))
            self.scroll_home(animate=False)
            return
        missing = unanswered(self.answers, self.questions)
        if missing:
            focus_now(self._row(missing[0]))
        else:
            focus_now(self.query_one("#see-result"))

    def refresh_from_diary(self) -> None:
        """Re-read the saved checks and list them, newest first."""
        checks = newest_first(diary(self).red_flag_checks())
        history = self.query_one("#history", Static)
        if not checks:
            history.update("No checks saved yet.")
            return
        rows = [
            Content.assemble(
                f"{when(check)}  ",
                (f"{verdict_badge(check.verdict):<13}", "bold"),
                f" {yes_summary(check.answers)}",
            )
            for check in checks
        ]
        history.update(Content("\n").join(rows))

    def quit_question(self) -> QuitQuestion | None:
        """With a check half answered (answers are saved only with the result), what to
        ask before the app quits; staying to finish it is suggested."""
        if self.finished is not None or self.saving or not self.answers:
            return None
        count = len(self.answers)
        message = (
            f"{count} of {len(self.questions)} questions {'is' if count == 1 else 'are'} "
            "answered. A check is saved only once all six are answered and you see the result."
        )
        # A yes already given says what to do now, whether or not the check is finished.
        said_yes = yes_questions(self.answers, self.questions)
        if said_yes:
            message += "\n\nYou answered yes to:\n" + "\n".join(
                f"• {short_name(q.id).capitalize()}: {q.next_step}" for q in said_yes
            )
        return QuitQuestion(
            "Quit before the check is finished?",
            f"{message}\n\nStay and finish it, or quit and leave it unsaved.",
            stay="Stay and finish",
            quit="Quit without the check",
            on_stay=self.focus_first,
        )

    # --- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Yes / No only while a question is in focus and the check is open."""
        if action == "answer":
            return self.finished is None and not self.saving and self._focused_row() is not None
        if action == "see_result":
            return self.finished is None and not self.saving
        return True

    def action_answer(self, yes: bool) -> None:
        """Answer the question in focus, then move on to the next one."""
        row = self._focused_row()
        if row is None or self.finished is not None or self.saving:
            return
        self.answers[row.question.id] = yes
        row.answer = yes
        self._show_progress()
        index = self.questions.index(row.question)
        if index + 1 < len(self.questions):
            following = self._row(self.questions[index + 1].id)
            focus_now(following, scroll_visible=False)
            # A yes shows one more line above it: scroll once that line is laid out.
            self.call_after_refresh(following.scroll_visible, animate=False)
        else:
            self.focus_first()

    def action_move(self, step: int) -> None:
        """Move between the questions (and the result button); scroll when there are none."""
        if self.finished is not None:
            self.scroll_relative(y=step, animate=False)
            return
        stops = [*(self._row(q.id) for q in self.questions), self.query_one("#see-result")]
        focused = self.screen.focused
        index = stops.index(focused) if focused in stops else -1
        focus_now(stops[max(0, min(len(stops) - 1, index + step))])

    @on(Button.Pressed, "#see-result")
    def action_see_result(self) -> None:
        """Give the verdict once every question is answered; save the check first."""
        if self.finished is not None or self.saving:
            return
        missing = unanswered(self.answers, self.questions)
        if missing:
            self._show_progress(insist=True)
            focus_now(self._row(missing[0]))
            # Said in a note as well: on a small terminal the progress line is out of view.
            self.notify(
                f"Still to answer: {self._numbers_of(missing)}.",
                title="Please answer every question",
                timeout=5,
            )
            return
        check = RedFlagCheck(
            at=clock(self).now(),
            answers={q.id: self.answers[q.id] for q in self.questions},
            verdict=red_flag_verdict(self.answers, self.questions),
        )
        self.saving = True
        self.refresh_bindings()
        save(self, SaveRedFlagCheck(check))

    @on(DiarySaved)
    def _check_saved(self, message: DiarySaved) -> None:
        if isinstance(message.change, SaveRedFlagCheck):
            message.stop()
            self._show_verdict(message.change.check, saved=True)

    @on(DiaryNotSaved)
    def _check_not_saved(self, message: DiaryNotSaved) -> None:
        if isinstance(message.change, SaveRedFlagCheck):
            message.stop()
            self._save_failed(message.change.check, message.error)

    @on(Button.Pressed, "#new-check")
    def action_new_check(self) -> None:
        """Start again with no answers."""
        if self.saving:
            return
        self._reset({})
        self.unasked = ()
        self.query_one("#prefill-note").display = False
        self.focus_first()

    # --- inside -------------------------------------------------------------------------------

    def _numbers_of(self, question_ids: Iterable[str]) -> str:
        """The questions' numbers as shown on screen: "3, 4, 6"."""
        wanted = set(question_ids)
        return ", ".join(
            str(number) for number, q in enumerate(self.questions, start=1) if q.id in wanted
        )

    def _row(self, question_id: str) -> QuestionRow:
        return self.query_one(f"#question-{question_id}", QuestionRow)

    def _focused_row(self) -> QuestionRow | None:
        focused = self.screen.focused
        return focused if isinstance(focused, QuestionRow) else None

    def _reset(self, answers: dict[str, bool]) -> None:
        self.answers = answers
        self.finished = None
        for question in self.questions:
            self._row(question.id).answer = answers.get(question.id)
        self.query_one("#check").display = True
        self.query_one("#verdict").display = False
        self._show_progress()
        self.refresh_bindings()
        self.scroll_home(animate=False)

    def _show_progress(self, *, insist: bool = False) -> None:
        """Say how many questions are answered, and list every answer so far."""
        missing = unanswered(self.answers, self.questions)
        done = len(self.questions) - len(missing)
        summary = "   ".join(
            f"{number} {answer_words(self.answers.get(q.id)) if q.id in self.answers else '?'}"
            for number, q in enumerate(self.questions, start=1)
        )
        if not missing:
            status = "All six answered. Press Enter (or the button) to see the result."
        else:
            lead = "Please answer every question first. " if insist else ""
            status = (
                f"{lead}{done} of {len(self.questions)} answered. "
                f"Still to answer: {self._numbers_of(missing)}."
            )
        progress = self.query_one("#progress", Static)
        progress.update(Content(f"Your answers: {summary}\n{status}"))
        progress.set_class(insist, "-insist")

    def _save_failed(self, check: RedFlagCheck, error: StoreError) -> None:
        self.notify(
            f"Your check could not be saved: {error}",
            title="Not saved",
            severity="error",
            timeout=20,
        )
        self._show_verdict(check, saved=False)

    def _show_verdict(self, check: RedFlagCheck, *, saved: bool) -> None:
        """Show the verdict panel; an emergency also fills the screen with the alert."""
        self.saving = False
        self.finished = check
        flags = content.red_flags()
        words = flags.verdict_text(check.verdict)
        title = self.query_one("#verdict-title", Static)
        title.update(Content(f"{verdict_badge(check.verdict)}: {words.title}"))
        for verdict in Verdict:
            title.set_class(check.verdict is verdict, f"-{verdict.value}")
        advice = [f"• {line}" for line in words.what_to_do]
        said_yes = yes_questions(check.answers, self.questions)
        if said_yes:
            advice.append("")
            advice.append("For what you answered yes:")
            advice += [f"• {short_name(q.id).capitalize()}: {q.next_step}" for q in said_yes]
        if self.unasked and check.verdict is not Verdict.EMERGENCY:
            advice.append("")
            advice.append(f"Your daily log also says: {' '.join(self.unasked)}")
            advice.append(flags.unasked_advice)
        self.query_one("#verdict-advice", Static).update(Content("\n".join(advice)))
        answers = [f"Your answers ({when(check)}):"]
        answers += [
            f"  {answer_words(check.answers[q.id]):<6} {number}. {short_name(q.id)}"
            for number, q in enumerate(self.questions, start=1)
        ]
        if not saved:
            answers.append("⚠ This check could not be saved.")
        self.query_one("#verdict-answers", Static).update(Content("\n".join(answers)))
        self.query_one("#check").display = False
        self.query_one("#verdict").display = True
        self.refresh_from_diary()
        self.refresh_bindings()
        self.focus_first()
        if check.verdict is Verdict.EMERGENCY:
            from sciatica_tui.screens.dialogs.emergency import EmergencyScreen

            self.app.push_screen(EmergencyScreen(check, saved=saved))
