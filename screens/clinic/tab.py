"""The Clinic visit tab: prepare a visit, keep it, and export a report (PDF or Markdown).

A list of visits on the left (``visit_list``); on the right the open visit (``open_visit``,
its fields in ``visit_form``) in collapsible sections that follow the appointment checklist
(symptom story, history and medicines, scans, top five questions, goals), then "before you
leave" and notes after the visit. The tab owns the visits kept, which one is open, and the
tab's keys. A visit that cannot be saved as typed (a story far too long) is never left
without asking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from sciatica_tui.domain.visit.naming import new_visit_id
from sciatica_tui.domain.visits import Visit
from sciatica_tui.domain.words import long_day
from sciatica_tui.screens.clinic.dialogs import (
    NewVisit,
    NewVisitDialog,
    remove_visit_question,
    unsaved_visit_question,
)
from sciatica_tui.screens.clinic.export import ExportKind
from sciatica_tui.screens.clinic.lists import CLINIC_LISTS
from sciatica_tui.screens.clinic.open_visit import OpenVisit, VisitChanged
from sciatica_tui.screens.clinic.sections import jump_section
from sciatica_tui.screens.clinic.story import draft_from_diary
from sciatica_tui.screens.clinic.visit_list import VisitList
from sciatica_tui.screens.dialogs.learn_more import learn_more_binding
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import SavesUnderWay, clock, diary, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.store.changes import RemoveVisit


@dataclass(frozen=True)
class VisitRemoval:
    """A visit being removed: put back in the list if the removal fails."""

    visit: Visit


class ClinicTab(Horizontal, DiaryTab):
    """The Clinic visit tab: the visits kept, and the open visit's checklist."""

    TOPIC_ID = "clinic"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="clinic.save",
            tooltip="Save the open visit now (it also saves by itself after each change).",
        ),
        Binding(
            "ctrl+n",
            "new_visit",
            "New visit",
            id="clinic.new",
            show=False,
            tooltip="Prepare a new clinic visit, drafted from your diary.",
        ),
        Binding(
            "ctrl+o",
            "export",
            "Export text",
            id="clinic.export",
            show=False,
            tooltip="Write the open visit to a text (Markdown) summary in your documents folder.",
        ),
        Binding(
            "ctrl+t",
            "export_pdf",
            "Export PDF",
            id="clinic.export_pdf",
            show=False,
            tooltip="Write the open visit as a PDF report for the doctor (one or two pages), "
            "into your documents folder.",
        ),
        Binding(
            "shift+up",
            "move_question(-1)",
            "Question up",
            id="clinic.question_up",
            show=False,
            tooltip="Move the highlighted question up the list.",
        ),
        Binding(
            "shift+down",
            "move_question(1)",
            "Question down",
            id="clinic.question_down",
            show=False,
            tooltip="Move the highlighted question down the list.",
        ),
        Binding(
            "delete",
            "remove_item",
            "Remove",
            id="clinic.remove",
            show=False,
            tooltip="Remove the highlighted line of the list in focus (a visit asks first).",
        ),
        Binding(
            # Priority: taken before the field in focus sees it, so the cursor moves at once and
            # a key typed straight after lands in the new section, not the one left behind.
            "ctrl+down",
            "jump_section(1)",
            "Next section",
            id="clinic.next_section",
            show=False,
            tooltip="Open the next section of the visit and put the cursor on its first field "
            "(from the last section, back to the date).",
            priority=True,
        ),
        Binding(
            "ctrl+up",
            "jump_section(-1)",
            "Previous section",
            id="clinic.previous_section",
            show=False,
            tooltip="Open the previous section of the visit and put the cursor on its first "
            "field (from the date, round to the notes after the visit).",
            priority=True,
        ),
        learn_more_binding("clinic", "Surgery and the other options, and what to ask."),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """The tab starts empty; ``on_mount`` reads the visits."""
        super().__init__(id=id)
        self._visits: dict[str, Visit] = {}
        self._removals: SavesUnderWay[VisitRemoval] = SavesUnderWay()

    def compose(self) -> ComposeResult:
        """The visit list on the left, the open visit on the right."""
        with Vertical(id="clinic-side"):
            yield Static("Visits", classes="clinic-heading")
            yield VisitList(id="visit-list")
            yield Button("New visit (ctrl+n)", id="new-visit", compact=True)
            yield Button("Remove visit", id="remove-visit", compact=True)
        yield OpenVisit()

    @property
    def open_visit(self) -> OpenVisit:
        """The open visit (its form and buttons)."""
        return self.query_one(OpenVisit)

    @property
    def visit_list(self) -> VisitList:
        """The list of visits."""
        return self.query_one(VisitList)

    def on_mount(self) -> None:
        """Read the visits and open the next one coming up (or the latest)."""
        self._visits = {visit.id: visit for visit in diary(self).visits()}
        self._open(self._first_to_open())

    def _first_to_open(self) -> Visit | None:
        """The soonest visit from today on, else the most recent one."""
        on = today(self)
        visits = sorted(self._visits.values(), key=lambda v: (v.date, v.id))
        ahead = [visit for visit in visits if visit.date >= on]
        if ahead:
            return ahead[0]
        return visits[-1] if visits else None

    # --- hooks the app calls -------------------------------------------------------------

    def focus_first(self) -> None:
        """Put the cursor on the visit list, or on New visit when there is none."""
        if self._visits:
            focus_now(self.visit_list)
        else:
            focus_now(self.query_one("#new-visit", Button))

    def refresh_from_diary(self) -> None:
        """Re-read the visits (unless a save is still on its way) and redraw the list."""
        if not self._removals and not self.open_visit.saving:
            stored = {visit.id: visit for visit in diary(self).visits()}
            kept = self.open_visit.visit
            if kept is not None and kept.id in stored:
                stored[kept.id] = kept
            self._visits = stored
        # The medicines are the person's list: Today may have added one.
        self.open_visit.form.editor("medicines").items = diary(self).medicines()
        self._show_visit_list()

    def quit_question(self) -> QuitQuestion | None:
        """When the open visit cannot be saved as typed, what to ask before the app quits
        (otherwise it is saved on the way out, by ``OpenVisit.on_unmount``)."""
        if self.open_visit.visit is None:
            return None
        reading = self.open_visit.read()
        if reading.visit is not None:
            return None
        return QuitQuestion(
            "Quit without saving this visit?",
            f"The open visit cannot be saved as it is: {reading.note}.\n\n"
            "Stay to fix it, or quit and lose the changes since the last save.",
            stay="Stay and fix it",
            quit="Quit without saving it",
            on_stay=self._stay_on_open_visit,
            on_quit=self.open_visit.cancel_autosave,
        )

    # --- the visits: open, new, remove ---------------------------------------------------

    def _open(self, visit: Visit | None) -> None:
        """Open ``visit`` (None: show the note that there is none)."""
        self.query_one("#remove-visit").display = visit is not None
        self.open_visit.show(visit)
        self._show_visit_list()

    def _show_visit_list(self) -> None:
        kept = self.open_visit.visit
        self.visit_list.show(self._visits.values(), kept.id if kept else None, today(self))

    @on(VisitChanged)
    def _visit_changed(self, message: VisitChanged) -> None:
        self._visits[message.visit.id] = message.visit
        self._show_visit_list()

    def _leave_open_visit(self, then: Callable[[], None]) -> None:
        """Save the open visit, then do ``then``; ask first when it cannot be saved."""
        if self.open_visit.save_now():
            kept = self.open_visit.visit
            if kept is not None:
                self._visits[kept.id] = kept  # at once: ``then`` may list the visits
            then()
            return

        def answered(choice: str | None) -> None:
            if choice == "discard":
                then()
            else:
                self._stay_on_open_visit()

        problem = self.open_visit.read().note
        self.app.push_screen(unsaved_visit_question(problem), answered)

    def _stay_on_open_visit(self) -> None:
        """The person stays to fix the visit: the list points at it again (not at the
        visit they tried to open) and the cursor goes to the field to fix."""
        kept = self.open_visit.visit
        if kept is None:
            return
        self.visit_list.point_at(kept.id)
        self.open_visit.form.go_to_problem()

    def action_new_visit(self) -> None:
        """Ask for the date, clinician and reason of a new visit."""

        def ask() -> None:
            self.app.push_screen(NewVisitDialog(today(self)), self._create_visit)

        self._leave_open_visit(ask)

    def _create_visit(self, answer: NewVisit | None) -> None:
        if answer is None:
            return
        visit = Visit(
            id=new_visit_id(clock(self).now(), self._visits),
            date=answer.date,
            clinician=answer.clinician,
            reason=answer.reason,
            story=draft_from_diary(self, answer.date),
        )
        self._visits[visit.id] = visit
        self.query_one("#remove-visit").display = True
        self.open_visit.create(visit)
        self._show_visit_list()
        self.notify(f"Visit of {long_day(visit.date)} prepared. The story is a draft: edit it.")

    @on(Button.Pressed, "#new-visit")
    def _new_pressed(self) -> None:
        self.action_new_visit()

    @on(VisitList.OptionSelected, "#visit-list")
    def _visit_chosen(self, event: VisitList.OptionSelected) -> None:
        chosen = self._visits.get(event.option.id or "")
        kept = self.open_visit.visit
        if chosen is None or (kept is not None and chosen.id == kept.id):
            return
        self._leave_open_visit(lambda: self._open(self._visits.get(chosen.id)))

    def _ask_remove_visit(self) -> None:
        visit = self.open_visit.visit
        if visit is None:
            return

        def answered(choice: str | None) -> None:
            if choice != "remove" or visit.id not in self._visits:
                return
            self.open_visit.cancel_autosave()
            del self._visits[visit.id]
            self._removals.start(self, RemoveVisit(visit.id), VisitRemoval(visit))
            self._open(self._first_to_open())
            self.notify(f"The visit of {long_day(visit.date)} was removed.")

        self.app.push_screen(remove_visit_question(visit), answered)

    @on(DiarySaved)
    def _removed(self, message: DiarySaved) -> None:
        self._removals.reported(message)

    @on(DiaryNotSaved)
    def _not_removed(self, message: DiaryNotSaved) -> None:
        failed = self._removals.reported(message)
        if failed is None:
            return
        self._visits[failed.visit.id] = failed.visit
        self._show_visit_list()
        self.notify(str(message.error), title="Not removed", severity="error", timeout=15)

    @on(Button.Pressed, "#remove-visit")
    def _remove_pressed(self) -> None:
        self._ask_remove_visit()

    # --- keys -----------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the open visit now."""
        self.open_visit.action_save()

    def action_export(self) -> None:
        """Write the open visit to a Markdown summary in the documents folder."""
        self.open_visit.action_export()

    def action_export_pdf(self) -> None:
        """Write the open visit as a PDF report in the documents folder."""
        self.open_visit.action_export(ExportKind.PDF)

    def action_jump_section(self, step: int) -> None:
        """Go to the next (+1) or previous (-1) section of the open visit, opening it."""
        jump_section(self.open_visit.form, self.app.focused, step)

    def action_remove_item(self) -> None:
        """Remove the highlighted line of the list in focus; a visit asks first."""
        focused = self.app.focused
        if focused is None:
            return
        if focused.id == "visit-list":
            highlighted = self.visit_list.highlighted_option
            kept = self.open_visit.visit
            if highlighted is not None and kept and highlighted.id == kept.id:
                self._ask_remove_visit()
            elif highlighted is not None:
                self.notify("Open the visit first (Enter), then remove it.", severity="warning")
        elif focused.id in CLINIC_LISTS:
            self.open_visit.form.editor(focused.id).remove_highlighted()

    def action_move_question(self, step: int) -> None:
        """Move the highlighted question up (-1) or down (+1)."""
        self.open_visit.form.editor("questions").move_highlighted(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list keys only work (and show) where they mean something."""
        focused = self.app.focused
        if action == "move_question":
            return focused is not None and focused.id == "questions"
        if action == "jump_section":
            return self.open_visit.visit is not None
        if action == "remove_item":
            return focused is not None and focused.id in (*CLINIC_LISTS, "visit-list")
        return True
