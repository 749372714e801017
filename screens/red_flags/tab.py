"""The Red flags tab: the emergency check, its verdict and the history.

The check asks the emergency questions (the signs of cauda equina syndrome) first. The
first emergency yes opens the full-screen alert at once, without waiting for the other
answers, and saves the check with the answers given so far. Closed with "I understand",
the alert leaves the person on the check, where a strip at the top keeps the way to help
in view; each answer given after that updates the same saved check. A second emergency yes
does not open the alert again (a frightened person is not sent round in loops): it joins
the saved check and the strip, and ``a`` shows the alert again at any time.

A check with no emergency yes is saved once every question is answered and the result is
asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.records import RedFlagCheck
from sciatica_tui.domain.red_flags import (
    is_emergency_yes,
    numbers_of,
    red_flag_verdict,
    signs_in_words,
    unanswered,
    unfinished_words,
)
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import SavesUnderWay, clock, diary
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.red_flags.emergency import EmergencyFollowUp
from sciatica_tui.screens.red_flags.questions import EmergencyStrip
from sciatica_tui.screens.red_flags.result import CheckHistory, VerdictPanel
from sciatica_tui.screens.red_flags.sheet import QuestionSheet
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.store.changes import DiaryChange, SaveRedFlagCheck
from sciatica_tui.store.errors import StoreError


class RedFlagsTab(VerticalScroll, DiaryTab):
    """The yes/no questions, the verdict once there is one, and earlier checks."""

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
            tooltip="See the result once every question is answered.",
        ),
        Binding(
            "a",
            "show_alert",
            "Emergency advice",
            id="red_flags.alert",
            tooltip="Show the emergency advice again.",
            show=False,  # the strip at the top says this key; the footer has no room
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
        self.finished_saved = False
        # Saves under way: a result's ("result", or "emergency result" once an emergency
        # yes was given), or an emergency check's as it stands (its follow-up).
        self._saves: SavesUnderWay[str | EmergencyFollowUp] = SavesUnderWay()
        self.saving = False
        # Set at the first emergency yes of the check in view.
        self.emergency: EmergencyFollowUp | None = None

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The strip (hidden until an emergency), the questions in two groups, the verdict
        panel (hidden until there is one) and the history."""
        yield EmergencyStrip("", id="emergency-strip")
        yield QuestionSheet(self.questions, id="check")
        yield VerdictPanel(id="verdict")
        yield Static("Earlier checks, newest first", classes="heading")
        yield CheckHistory("", id="history")

    def on_mount(self) -> None:
        """Show the empty check and the saved history."""
        self.query_one("#verdict").display = False
        self.query_one("#emergency-strip").display = False
        self._show_progress()
        self.refresh_from_diary()
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: Screen[object]) -> None:
        """Back from a dialog (the emergency number may have changed): say it again."""
        if screen is not self.screen:
            return
        if self.emergency is not None:
            self._show_strip()
        if self.finished is not None:
            self._show_result()

    # --- what the app calls -----------------------------------------------------------------------

    def start_check(self, prefill: Mapping[str, bool] | None) -> None:
        """Begin a new check with the ``prefill`` answers already marked; a prefilled
        emergency yes opens the alert at once.

        Asked again without a prefill while a check is under way, the answers so far are
        kept (pressing ctrl+r twice must not wipe them).
        """
        if prefill is None and self.answers and self.finished is None:
            self.focus_first()
            return
        known = {q.id for q in self.questions}
        self._reset({qid: bool(yes) for qid, yes in (prefill or {}).items() if qid in known})
        self.focus_first()
        if any(is_emergency_yes(self.answers, qid) for qid in self.answers):
            self._emergency_now()

    def focus_first(self) -> None:
        """Focus the first question still to answer (or the next action when all are)."""
        if self.finished is not None:
            # The verdict is read from its top: the cursor goes to its button without
            # scrolling there (a scroll queued by the focus could land after scroll_home).
            focus_now(self.query_one("#new-check"), scroll_visible=False)
            self.scroll_home(animate=False)
            return
        self.sheet.focus_to_answer(self.answers)

    def refresh_from_diary(self) -> None:
        """Re-read the saved checks and list them, newest first, with the signs said yes."""
        self.query_one(CheckHistory).show(diary(self).red_flag_checks())

    def quit_question(self) -> QuitQuestion | None:
        """What to ask before the app quits while a check holds answers not saved; staying
        is suggested. A check an emergency yes saved asks only if it could not be saved."""
        if self.finished is not None or self.saving or not self.answers:
            return None
        if self.emergency is not None:
            return self.emergency.quit_question(on_stay=self.focus_first)
        return QuitQuestion(
            "Quit before the check is finished?",
            f"{unfinished_words(self.answers, self.questions)}\n\n"
            "Stay and finish it, or quit and leave it unsaved.",
            stay="Stay and finish",
            quit="Quit without the check",
            on_stay=self.focus_first,
        )

    # --- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Yes / No only while a question is in focus and the check is open."""
        if action == "answer":
            is_open = self.finished is None and not self.saving
            return is_open and self.sheet.focused_row() is not None
        if action == "see_result":
            return self.finished is None and not self.saving
        if action == "show_alert":
            return self.emergency is not None
        return True

    def action_answer(self, yes: bool) -> None:
        """Answer the question in focus, then move on to the next one. The first emergency
        yes opens the alert; after it, each answer updates the saved check."""
        row = self.sheet.focused_row()
        if row is None or self.finished is not None or self.saving:
            return
        question_id = row.question.id
        if self.emergency is not None and self.emergency.keeps(self.answers, question_id, yes):
            return
        changed = self.answers.get(question_id) != yes
        self.answers[question_id] = yes
        row.answer = yes
        self._show_progress()
        self.sheet.move_on_from(row, self.answers)
        if self.emergency is None and is_emergency_yes(self.answers, question_id):
            self._emergency_now()
        elif self.emergency is not None and changed:
            self._show_strip()
            self._save_emergency_check()

    def action_move(self, step: int) -> None:
        """Move between the questions (and the result button); scroll when there are none."""
        if self.finished is not None:
            self.scroll_relative(y=step, animate=False)
            return
        self.sheet.move(step)

    @on(Button.Pressed, "#see-result")
    def action_see_result(self) -> None:
        """Give the verdict: at once for an emergency (already saved, saved once more here);
        otherwise once every question is answered, saving the check first."""
        if self.finished is not None or self.saving:
            return
        if self.emergency is not None:
            self.emergency.saving()
            self._save_result(self._emergency_check(), "emergency result")
            return
        missing = unanswered(self.answers, self.questions)
        if missing:
            self._show_progress(insist=True)
            focus_now(self.sheet.row(missing[0]))
            # Said in a note as well: on a small terminal the progress line is out of view.
            self.notify(
                f"Still to answer: {numbers_of(missing, self.questions)}.",
                title="Please answer every question",
                timeout=5,
            )
            return
        check = RedFlagCheck(
            at=clock(self).now(),
            answers={q.id: self.answers[q.id] for q in self.questions},
            verdict=red_flag_verdict(self.answers, self.questions),
        )
        self._save_result(check, "result")

    def _save_result(self, check: RedFlagCheck, what: str) -> None:
        """Save ``check`` to give its result; no answer changes until the save reports."""
        self.saving = True
        self.refresh_bindings()
        self._saves.start(self, SaveRedFlagCheck(check), what)

    def action_show_alert(self) -> None:
        """Show the emergency alert again (the strip says this key)."""
        if self.emergency is not None:
            self.emergency.show_alert(self._emergency_check())

    @on(Button.Pressed, "#new-check")
    def action_new_check(self) -> None:
        """Start again with no answers (a saved emergency check stays in the history)."""
        if self.saving:
            return
        self._reset({})
        self.focus_first()

    # --- the emergency ----------------------------------------------------------------------------

    def _emergency_now(self) -> None:
        """The first emergency yes: save the check as it stands and show the alert at once
        (it says whether the save worked when the save reports back)."""
        self.emergency = EmergencyFollowUp(self, clock(self).now())
        self._show_strip()
        self._show_progress()
        self._save_emergency_check()
        self.emergency.show_alert(self._emergency_check())

    def _emergency_check(self) -> RedFlagCheck:
        assert self.emergency is not None
        return self.emergency.check(self.answers, self.questions)

    def _save_emergency_check(self) -> None:
        """Save the check as it stands; the alert (if open) and the history hear the result."""
        assert self.emergency is not None
        self.emergency.saving()
        self._saves.start(self, SaveRedFlagCheck(self._emergency_check()), self.emergency)

    @on(DiarySaved)
    def _check_saved(self, message: DiarySaved) -> None:
        self._save_reported(message, message.change, None)

    @on(DiaryNotSaved)
    def _check_not_saved(self, message: DiaryNotSaved) -> None:
        self._save_reported(message, message.change, message.error)

    def _save_reported(
        self, message: Message, change: DiaryChange, error: StoreError | None
    ) -> None:
        """A save of a check reported back: a result is shown; an emergency check's alert
        (or a note) says how the save went."""
        what = self._saves.finished(change)
        if what is None or not isinstance(change, SaveRedFlagCheck):
            return
        message.stop()
        if isinstance(what, EmergencyFollowUp):
            self.refresh_from_diary()
            if what is self.emergency:  # else a new check has started since
                what.reported(error)
            return
        if what == "emergency result" and self.emergency is not None:
            self.emergency.saved = error is None
        if error is not None:
            self.notify(
                f"Your check could not be saved: {error}",
                title="Not saved",
                severity="error",
                timeout=20,
            )
        self._show_verdict(change.check, saved=error is None)

    def _show_strip(self) -> None:
        number = diary(self).profile().settings.emergency_number
        self.query_one(EmergencyStrip).show(number, signs_in_words(self.answers))

    # --- inside -------------------------------------------------------------------------------

    @property
    def sheet(self) -> QuestionSheet:
        """The questions, the progress and the result button."""
        return self.query_one(QuestionSheet)

    def _reset(self, answers: dict[str, bool]) -> None:
        self.answers = answers
        self.finished = None
        self.emergency = None
        self.sheet.show_answers(answers)
        self.sheet.show_prefilled(answers)
        self.query_one("#emergency-strip").display = False
        self.sheet.display = True
        self.query_one("#verdict").display = False
        self._show_progress()
        self.refresh_bindings()
        self.scroll_home(animate=False)

    def _show_progress(self, *, insist: bool = False) -> None:
        """Say how many questions are answered, and list every answer so far."""
        self.sheet.show_progress(self.answers, emergency=self.emergency is not None, insist=insist)

    def _show_result(self) -> None:
        assert self.finished is not None
        settings = diary(self).profile().settings
        self.query_one(VerdictPanel).show(
            self.finished, self.questions, settings=settings, saved=self.finished_saved
        )

    def _show_verdict(self, check: RedFlagCheck, *, saved: bool) -> None:
        """Show the verdict panel in place of the questions."""
        self.saving = False
        self.finished = check
        self.finished_saved = saved
        self._show_result()
        self.sheet.display = False
        self.refresh_from_diary()
        self.refresh_bindings()
        self.focus_first()
