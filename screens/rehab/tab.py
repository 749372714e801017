"""The Rehab tab: the person's plan for the chosen phase, ticked for a day, their own
exercises, adherence, and the cautions that always apply.

The tab owns the day shown, and saving what changes. Its parts: ``keys``, the phase line and
dialog (``phase``), the ``checklist``, the four weeks and the cautions (``summary``), the
own-exercise dialogs (``own_exercises``), what ``h`` does (``hiding``), and what the tab shows
with its unsaved changes laid over the diary (``record``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Button, Input, OptionList, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import RehabPhase
from sciatica_tui.domain.dates import parse_user_date
from sciatica_tui.domain.records import CustomExercise
from sciatica_tui.domain.rehab import (
    ChecklistEntry,
    EntryPlace,
    chosen_phase,
    done_count,
    new_custom_id,
    plan_rounds,
    recent_weeks,
    usual_dose,
    whole_days_done,
)
from sciatica_tui.domain.timeline import TimelinePosition, position
from sciatica_tui.domain.weekly import monday_of
from sciatica_tui.domain.words import days_back, long_day
from sciatica_tui.screens.dialogs.learn_more import LearnMoreDialog, goal_line
from sciatica_tui.screens.host import SavesUnderWay, diary, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.rehab.checklist import (
    ADD_OPTION,
    HIDDEN_OPTION,
    Checklist,
    ChecklistLines,
)
from sciatica_tui.screens.rehab.dose_dialog import DoseChoice, DoseDialog
from sciatica_tui.screens.rehab.hiding import hide_or_show
from sciatica_tui.screens.rehab.keys import REHAB_KEYS
from sciatica_tui.screens.rehab.own_exercises import ExerciseDialog, remove_question
from sciatica_tui.screens.rehab.phase import PhaseChoice, PhaseDialog, phase_line
from sciatica_tui.screens.rehab.record import RehabRecord, Undo
from sciatica_tui.screens.rehab.summary import adherence_lines, cautions_text, cautions_topic
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.store.changes import DiaryChange

# From this many rows the tab has room for the four-week grid, a caution per line, and each
# exercise's how-to (below it, only the one under the cursor shows its how-to).
ROOMY_HEIGHT = 30
CHROME_ROWS = 5  # the app's header, the tab bar and the footer
DATE_HINT = "type a date (g)"


class RehabTab(Vertical, DiaryTab):
    """The checklist of the chosen phase for one day, with adherence and the cautions."""

    TOPIC_ID = "rehab"

    BINDINGS: ClassVar[list[BindingType]] = REHAB_KEYS

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """Empty until mounted, when it reads the diary."""
        super().__init__(id=id)
        self.plan = content.rehab()
        self.day = date.min
        self.record: RehabRecord  # read from the diary on mount
        self.roomy = False
        self.show_hidden = False  # the exercises hidden from the plan are listed
        self.plan_shown: tuple[ChecklistEntry, ...] = ()
        self._phase_shown: tuple[RehabPhase, TimelinePosition] | None = None
        self._saves: SavesUnderWay[Undo] = SavesUnderWay()

    def compose(self) -> ComposeResult:
        """Phase line, day bar, checklist, adherence, cautions."""
        yield Static(id="phase-line")
        with Horizontal(id="day-bar"):
            yield Button("◀ [", compact=True, id="day-before", tooltip="Day before ([ or ←)")
            yield Static(id="day-label")
            yield Button("] ▶", compact=True, id="day-after", tooltip="Day after (] or →)")
            yield Input(placeholder=DATE_HINT, compact=True, id="day-input")
        yield Static("", id="day-error", classes="field-error")
        yield Checklist(id="checklist")
        yield Static(id="adherence")
        yield Static(id="cautions")

    def on_mount(self) -> None:
        """Read the diary and show today."""
        self.day = today(self)
        self.record = RehabRecord(diary(self))
        # The tab's own height comes with its first resize; the terminal's (less the header,
        # tabs and footer) is a close guess, so the first drawing is already the right one.
        self._set_roomy(self.app.size.height - CHROME_ROWS >= ROOMY_HEIGHT)
        self.show()

    # --- hooks the app calls ---------------------------------------------------------------

    def focus_first(self) -> None:
        """Put the cursor in the checklist."""
        focus_now(self.query_one(Checklist))

    def refresh_from_diary(self) -> None:
        """Show fresh dates (they may have been changed elsewhere) and today's figures."""
        self.day = min(self.day, today(self))
        self.show()

    # --- drawing ---------------------------------------------------------------------------

    def show(self) -> None:
        """Draw everything from the current state."""
        record = self.record
        profile = diary(self).profile()
        now = today(self)
        where = position(profile.onset_date, profile.surgery_date, now)
        phase = self.plan.phases[chosen_phase(record.override, where.phase) - 1]
        view = record.day_view(self.day, phase.number, after_surgery=self._after_surgery())
        plan = self.plan_shown = view.plan

        self._phase_shown = (phase, where)
        self._show_phase_line()

        day_text = Text()
        day_text.append(f"{long_day(self.day)} · {days_back(self.day, now)}", style="bold")
        day_text.append(f" · {done_count(view.done, plan)} of {len(plan)} ticked")
        self.query_one("#day-label", Static).update(day_text)
        self.query_one("#day-after", Button).disabled = self.day >= now
        lines = ChecklistLines(goal_line(phase), view, self.show_hidden, compact=not self.roomy)
        self.query_one(Checklist).show(lines)

        first = monday_of(now) - timedelta(weeks=3)
        on_list = [entry.id for entry in plan]
        rounds = plan_rounds(plan)
        recent = recent_weeks(record.rehab_days(first, now), on_list, now, rounds=rounds)
        done_today = whole_days_done(record.ticks(now), plan)
        self.query_one("#adherence", Static).update(
            adherence_lines(recent, done_today, len(plan), roomy=self.roomy, width=self._width())
        )
        self.query_one("#cautions", Static).update(
            cautions_text(self.plan, after_surgery=self._after_surgery(), roomy=self.roomy)
        )

    def _after_surgery(self) -> bool:
        return diary(self).profile().surgery_date is not None

    def _show_phase_line(self) -> None:
        if self._phase_shown is None:
            return
        phase, where = self._phase_shown
        self.query_one("#phase-line", Static).update(
            phase_line(phase, where, self.record.override, width=self._width(), roomy=self.roomy)
        )

    def _width(self) -> int:
        # Before the first layout, the terminal's width is the best guess (the tab's padding
        # takes two columns).
        return self.content_region.width or self.app.size.width - 2

    def on_resize(self, event: Resize) -> None:
        """Use the room a tall terminal gives for the four-week grid; fit the phase line to
        the new width."""
        roomy = event.size.height >= ROOMY_HEIGHT
        if roomy != self.roomy:
            self._set_roomy(roomy)
            self.show()
        else:
            # The phase line and the week's words fit themselves to the new width.
            self.call_after_refresh(self.show)

    def _set_roomy(self, roomy: bool) -> None:
        self.roomy = roomy
        self.set_class(roomy, "-roomy")

    # --- ticking ---------------------------------------------------------------------------

    def action_tick(self) -> None:
        """Tick or untick the item under the cursor (on the add line: add an exercise)."""
        checklist_widget = self.query_one(Checklist)
        if checklist_widget.highlighted_id == ADD_OPTION:
            self.action_add_exercise()
            return
        if checklist_widget.highlighted_id == HIDDEN_OPTION:
            self.action_hide_or_show()
            return
        entry = checklist_widget.highlighted_entry
        if entry is None:
            return
        if entry.place is EntryPlace.HIDDEN:
            self.notify(
                f"“{entry.title}” is hidden from your plan: h puts it back, then tick it.",
                timeout=5,
            )
            return
        self.tick(entry.id, entry.rounds)

    @on(OptionList.OptionSelected, "#checklist")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def tick(self, item_id: str, rounds: int = 1) -> None:
        """Tick one more of the ``rounds`` of ``item_id`` on the day shown (after the last,
        untick it), and save the day."""
        self._show_and_save(*self.record.tick(self.day, item_id, rounds))

    def action_set_dose(self) -> None:
        """Set the dose of the exercise under the cursor (sets × reps or a hold, times a day)."""
        entry = self.query_one(Checklist).highlighted_entry
        if entry is None or entry.place is not EntryPlace.PLAN:
            self.notify("Put the cursor on an exercise of your plan to set its dose.", timeout=4)
            return

        def chosen(choice: DoseChoice | None) -> None:
            if choice is not None:
                self._show_and_save(*self.record.set_dose(entry.id, choice.dose))

        self.app.push_screen(DoseDialog(entry, usual_dose(entry.id)), chosen)

    # --- days ------------------------------------------------------------------------------

    def action_move_day(self, step: int) -> None:
        """Show the day before or after; never a day in the future."""
        target = self.day + timedelta(days=step)
        if target > today(self):
            self.notify("Today is the latest day you can tick.", timeout=3)
            return
        self.go_to(target)

    def action_go_today(self) -> None:
        """Show today."""
        self.go_to(today(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """g moves to the date box, except while typing in it ("aug 3" has a g)."""
        if action == "type_date":
            return not isinstance(self.screen.focused, Input)
        return True

    def action_type_date(self) -> None:
        """Put the cursor in the date box (at once: the date is typed straight after)."""
        focus_now(self.query_one("#day-input", Input))

    def go_to(self, day: date) -> None:
        """Show ``day``'s ticks."""
        self.day = day
        self._say_date_problem("")
        self.show()

    @on(Button.Pressed, "#day-before")
    def _day_before(self) -> None:
        self.action_move_day(-1)

    @on(Button.Pressed, "#day-after")
    def _day_after(self) -> None:
        self.action_move_day(1)

    @on(Input.Submitted, "#day-input")
    def _typed_date(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            day = parse_user_date(event.value, today=today(self))
        except ValueError as bad:
            self._say_date_problem(f"⚠ {bad}")
            return
        event.input.value = ""
        self.go_to(day)
        self.focus_first()

    def _say_date_problem(self, problem: str) -> None:
        error = self.query_one("#day-error", Static)
        error.update(problem)
        error.display = bool(problem)

    # --- the person's own exercises ----------------------------------------------------------

    def _own_entry(self, verb: str) -> CustomExercise | None:
        entry = self.query_one(Checklist).highlighted_entry
        if entry is None:
            self.notify(f"Put the cursor on an exercise you added to {verb} it.", timeout=4)
            return None
        if not entry.custom:
            self.notify(
                f"“{entry.title}” is a built-in exercise; only ones you added can be {verb}d. "
                "h takes it out of your plan.",
                timeout=5,
            )
            return None
        exercise = self.record.customs.get(entry.id)
        if exercise is None:
            self.notify("That exercise was removed already; its tick stays.", timeout=4)
        return exercise

    def action_add_exercise(self) -> None:
        """Ask for a new exercise for the phase shown."""
        phase = chosen_phase(self.record.override, self._suggested_phase())
        blank = CustomExercise(id=new_custom_id(self.record.ids_taken()), phase=phase, title="")
        dialog = ExerciseDialog(blank, adding=True, phase_shown=phase)
        self.app.push_screen(dialog, self._save_exercise)

    def action_rename_exercise(self) -> None:
        """Change the exercise under the cursor, if the person added it."""
        exercise = self._own_entry("change")
        if exercise is not None:
            phase = chosen_phase(self.record.override, self._suggested_phase())
            dialog = ExerciseDialog(exercise, adding=False, phase_shown=phase)
            self.app.push_screen(dialog, self._save_exercise)

    def action_remove_exercise(self) -> None:
        """Remove the exercise under the cursor, after asking, if the person added it."""
        exercise = self._own_entry("remove")
        if exercise is None:
            return

        def answered(choice: str | None) -> None:
            if choice == "remove":
                self._show_and_save(*self.record.remove_exercise(exercise))

        self.app.push_screen(remove_question(exercise), answered)

    def _save_exercise(self, exercise: CustomExercise | None) -> None:
        if exercise is None:
            return
        self._show_and_save(*self.record.keep_exercise(exercise))
        checklist_widget = self.query_one(Checklist)
        checklist_widget.highlighted = checklist_widget.get_option_index(exercise.id)

    # --- the plan -------------------------------------------------------------------------------

    def action_hide_or_show(self) -> None:
        """Take the built-in exercise under the cursor out of the plan or put it back; on
        the Hidden line, list the hidden exercises or fold them away."""
        checklist_widget = self.query_one(Checklist)
        if checklist_widget.highlighted_id == HIDDEN_OPTION:
            self.show_hidden = not self.show_hidden
            self.show()
            return
        entry = checklist_widget.highlighted_entry
        if entry is None:
            self.notify("Put the cursor on an exercise to hide it from your plan.", timeout=4)
            return
        outcome = hide_or_show(self.record, entry)
        if outcome.change is not None:
            self._show_and_save(*outcome.change)
        self.notify(outcome.words, timeout=outcome.seconds)

    def action_cautions(self) -> None:
        """Show every caution in full."""
        after_surgery = self._after_surgery()
        topic = cautions_topic(self.plan, after_surgery=after_surgery, entries=self.plan_shown)
        self.app.push_screen(LearnMoreDialog(topic))

    # --- phase -------------------------------------------------------------------------------

    def _suggested_phase(self) -> int | None:
        profile = diary(self).profile()
        return position(profile.onset_date, profile.surgery_date, today(self)).phase

    def action_choose_phase(self) -> None:
        """Open the phase chooser."""
        dialog = PhaseDialog(self.plan.phases, self._suggested_phase(), self.record.override)
        self.app.push_screen(dialog, self._phase_chosen)

    def _phase_chosen(self, choice: PhaseChoice | None) -> None:
        if choice is None or choice.phase == self.record.override:
            return
        self._show_and_save(*self.record.choose_phase(choice.phase))
        self.query_one(Checklist).highlighted = 1

    # --- saving ------------------------------------------------------------------------------

    def _show_and_save(self, change: DiaryChange, undo: Undo) -> None:
        """Show a change made on the tab at once, and save it (``undo`` puts it back)."""
        self.show()
        self._saves.start(self, change, undo)

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        self._saves.reported(message)

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        """Show what is really on disk, and say why."""
        undo = self._saves.reported(message)
        if undo is None:
            return
        self.record.take_back(message.change, undo)
        self.show()
        self.notify(str(message.error), title=undo.title, severity="error", timeout=15)
