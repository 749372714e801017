"""The Clinic visit tab: prepare a visit, keep it, and export a one-page summary.

A list of visits on the left; on the right the open visit in collapsible sections that
follow the appointment checklist (symptom story, history and medicines, scans, top five
questions, goals), then "before you leave" and notes after the visit.

Edits save themselves a moment after the last change (and at once with ctrl+s, when
another visit is opened, and when the app closes), so nothing typed is silently lost. A
visit that cannot be saved as typed (a story far too long) is never left without asking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Collapsible,
    Input,
    Label,
    OptionList,
    Select,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from sciatica_tui.domain import content
from sciatica_tui.domain.records import ImagingReport, Medicine, Visit
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import (
    LONG_TEXT_MAX,
    MAX_QUESTIONS,
    SHORT_TEXT_MAX,
    validate_visit,
)
from sciatica_tui.domain.visit.summary import (
    CHART_WEEKS,
    draft_story,
    export_stem,
    story_as_of,
    story_out_of_date,
    visit_markdown,
)
from sciatica_tui.domain.words import long_day, plural
from sciatica_tui.screens.dialogs.choice import (
    ChoiceDialog,
    ImagingDialog,
    MedicineDialog,
    NewVisit,
    NewVisitDialog,
    TextDialog,
    say_visit_date,
)
from sciatica_tui.screens.dialogs.learn_more import learn_more_binding, topic_pointer
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import SavesUnderWay, clock, diary, save, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.steady_option_list import SteadyOptionList
from sciatica_tui.screens.widgets.tick_box import TickBox
from sciatica_tui.store.changes import ExportVisitSummary, RemoveVisit, SaveVisit
from sciatica_tui.store.errors import StoreError
from sciatica_tui.store.exports import ExportResult

AUTOSAVE_SECONDS = 1.0
MAX_GOALS = 20  # as many as a saved visit may hold
LIST_IDS = ("medicines", "imaging", "questions", "goals")
# Where each long text lives: (section, widget), to put the cursor on a text too long to save.
PROBLEM_PLACES = {
    "story": ("story", "#story"),
    "history": ("history", "#history"),
    "notes_after": ("notes", "#notes-after"),
}
# The stops of ctrl+down / ctrl+up through the open visit: the top rows, then each section.
VISIT_STOPS = ("top", "story", "history", "imaging", "questions", "goals", "leave", "notes")


def visit_label(visit: Visit, *, is_open: bool, on: date) -> Content:
    """How a visit reads in the list: its date, whether it is ahead, and who."""
    if visit.date > on:
        when = "upcoming"
    elif visit.date == on:
        when = "today"
    else:
        when = "past"
    who = visit.clinician or visit.reason
    if len(who) > 19:
        who = who[:18] + "…"
    marker = "▶ " if is_open else "  "
    lines = [f"{marker}{long_day(visit.date)}", f"  {when}"]
    if who:
        lines.append(f"  {who}")
    return Content("\n".join(lines))


def medicine_label(medicine: Medicine) -> str:
    """One medicine on one line."""
    parts = [p for p in (medicine.dose, medicine.how_often) if p]
    if medicine.since:
        parts.append(f"since {medicine.since}")
    text = medicine.name + (f": {', '.join(parts)}" if parts else "")
    if medicine.helps:
        text += f"; helps: {medicine.helps}"
    if medicine.side_effects:
        text += f"; side effects: {medicine.side_effects}"
    return text


def imaging_label(report: ImagingReport) -> str:
    """One scan or report on one line, saying in words whether there is a copy."""
    parts = [report.kind, *(p for p in (report.date, report.where) if p)]
    copy = "copy: yes" if report.have_copy else "copy: no"
    return f"{', '.join(parts)}; {copy}"


@dataclass(frozen=True)
class VisitSave:
    """A write of the tab under way: what it does to which visit, and what to say when done."""

    action: Literal["edit", "create", "remove", "export"]
    visit: Visit
    previous: Visit | None = None  # an edit: the visit as it was, kept if the save fails
    note: str = ""  # an edit: what was shortened to fit, said with "Saved"


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
            "Export",
            id="clinic.export",
            show=False,
            tooltip="Write the open visit to a one-page Markdown file in the data folder.",
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
        self._visit: Visit | None = None  # the open visit as last saved (or being saved)
        self._medicines: list[Medicine] = []
        self._imaging: list[ImagingReport] = []
        self._questions: list[str] = []
        self._goals: list[str] = []
        self._autosave_timer: Timer | None = None
        self._last_form: Visit | None = None  # the form as read at the last change
        self._saves: SavesUnderWay[VisitSave] = SavesUnderWay()
        self._problem_fields: tuple[str, ...] = ()  # fields that stopped the last save

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The visit list on the left, the open visit on the right."""
        clinic = content.clinic()
        sections = {section.id: section for section in clinic.sections}
        with Vertical(id="clinic-side"):
            yield Static("Visits", classes="clinic-heading")
            yield SteadyOptionList(id="visit-list")
            yield Button("New visit (ctrl+n)", id="new-visit", compact=True)
            yield Button("Remove visit", id="remove-visit", compact=True)
        with Vertical(id="clinic-main"):
            yield Static(
                "No visits yet. Press ctrl+n (or New visit) to prepare one: the symptom "
                "story is drafted from your diary, and you can change every word.",
                id="clinic-empty",
            )
            with VerticalScroll(id="visit-form"):
                with Horizontal(classes="clinic-row"):
                    yield Label("Date", classes="clinic-field-label")
                    yield Input(id="visit-date", compact=True, placeholder="2026-12-03")
                    yield Static("", id="visit-date-said", classes="clinic-date-said")
                with Horizontal(classes="clinic-row"):
                    yield Label("Clinician", classes="clinic-field-label")
                    yield Input(
                        id="visit-clinician",
                        compact=True,
                        max_length=SHORT_TEXT_MAX,
                        placeholder="who or where",
                    )
                with Horizontal(classes="clinic-row", id="visit-reason-row"):
                    yield Label("Reason", classes="clinic-field-label")
                    yield Input(
                        id="visit-reason",
                        compact=True,
                        max_length=SHORT_TEXT_MAX * 2,
                        placeholder="why you are going",
                    )
                with Collapsible(title="", id="section-story"):
                    yield Static(sections["story"].prompt, classes="clinic-prompt")
                    yield TextArea(id="story", compact=True)
                    yield Button("Draft again from my diary", id="redraft", compact=True)
                with Collapsible(title="", id="section-history"):
                    yield Static(sections["history"].prompt, classes="clinic-prompt")
                    yield Label("History", classes="clinic-sub")
                    yield TextArea(id="history", compact=True, classes="short-text")
                    yield Label("Medicines (Enter edits)", classes="clinic-sub")
                    yield SteadyOptionList(id="medicines", classes="clinic-list")
                    with Horizontal(classes="clinic-buttons"):
                        yield Button("Add", id="medicines-add", compact=True)
                        yield Button("Edit", id="medicines-edit", compact=True)
                        yield Button("Remove", id="medicines-remove", compact=True)
                with Collapsible(title="", id="section-imaging"):
                    yield Static(sections["imaging"].prompt, classes="clinic-prompt")
                    yield SteadyOptionList(id="imaging", classes="clinic-list")
                    with Horizontal(classes="clinic-buttons"):
                        yield Button("Add", id="imaging-add", compact=True)
                        yield Button("Edit", id="imaging-edit", compact=True)
                        yield Button("Remove", id="imaging-remove", compact=True)
                with Collapsible(title="", id="section-questions"):
                    yield Static(sections["questions"].prompt, classes="clinic-prompt")
                    yield SteadyOptionList(id="questions", classes="clinic-list")
                    with Horizontal(classes="clinic-buttons"):
                        yield Button("Up", id="questions-up", compact=True, tooltip="shift+up")
                        yield Button(
                            "Down", id="questions-down", compact=True, tooltip="shift+down"
                        )
                        yield Button("Edit", id="questions-edit", compact=True)
                        yield Button("Remove", id="questions-remove", compact=True)
                    yield Input(
                        id="new-question",
                        compact=True,
                        max_length=SHORT_TEXT_MAX * 2,
                        placeholder="Type a question, then Enter",
                    )
                    yield Static("", id="questions-message", classes="clinic-message")
                    yield Select[str](
                        [], prompt="Or pick a suggested question", id="suggested", compact=True
                    )
                    yield Static(topic_pointer("clinic"), id="clinic-learn")
                with Collapsible(title="", id="section-goals"):
                    yield Static(sections["goals"].prompt, classes="clinic-prompt")
                    yield SteadyOptionList(id="goals", classes="clinic-list")
                    with Horizontal(classes="clinic-buttons"):
                        yield Button("Edit", id="goals-edit", compact=True)
                        yield Button("Remove", id="goals-remove", compact=True)
                    yield Input(
                        id="new-goal",
                        compact=True,
                        max_length=SHORT_TEXT_MAX * 2,
                        placeholder="Type a goal, then Enter",
                    )
                    yield Static("", id="goals-message", classes="clinic-message")
                with Collapsible(title="", id="section-leave"):
                    yield Static(
                        "Tick each one during the visit. If one is still open, ask before you go.",
                        classes="clinic-prompt",
                    )
                    for item in clinic.before_you_leave:
                        yield TickBox(item.text, id=f"leave-{item.id}", compact=True)
                with Collapsible(title="Notes after the visit", id="section-notes"):
                    yield TextArea(id="notes-after", compact=True, classes="short-text")
            with Horizontal(id="visit-actions"):
                yield Button("Save (ctrl+s)", id="save-visit", compact=True)
                yield Button("Export (ctrl+o)", id="export-visit", compact=True)
            # Under the buttons, so a long message wraps instead of being cut off.
            yield Static("", id="visit-status")
            yield Static("", id="export-status")

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
            focus_now(self.query_one("#visit-list", OptionList))
        else:
            focus_now(self.query_one("#new-visit", Button))

    def refresh_from_diary(self) -> None:
        """Re-read the visits (unless a save is still on its way) and redraw the list."""
        if not self._saves:
            stored = {visit.id: visit for visit in diary(self).visits()}
            if self._visit is not None and self._visit.id in stored:
                stored[self._visit.id] = self._visit
            self._visits = stored
        self._show_visit_list()

    # --- opening a visit -------------------------------------------------------------------

    def _open(self, visit: Visit | None) -> None:
        """Fill the form with ``visit`` (or show the empty note)."""
        self._cancel_autosave()
        self._visit = visit
        has_visit = visit is not None
        self.query_one("#clinic-empty").display = not has_visit
        self.query_one("#visit-form").display = has_visit
        self.query_one("#visit-actions").display = has_visit
        self.query_one("#visit-status").display = has_visit
        self.query_one("#remove-visit").display = has_visit
        self._say_exported("")
        self._show_visit_list()
        if visit is None:
            self.query_one("#visit-status", Static).update("")
            return
        self.query_one("#visit-date", Input).value = visit.date.isoformat()
        self.query_one("#visit-clinician", Input).value = visit.clinician
        self.query_one("#visit-reason", Input).value = visit.reason
        self.query_one("#story", TextArea).load_text(visit.story)
        self.query_one("#history", TextArea).load_text(visit.history)
        self.query_one("#notes-after", TextArea).load_text(visit.notes_after)
        self._medicines = list(visit.medicines)
        self._imaging = list(visit.imaging)
        self._questions = list(visit.questions)
        self._goals = list(visit.goals)
        for item in content.clinic().before_you_leave:
            box = self.query_one(f"#leave-{item.id}", Checkbox)
            box.value = item.id in visit.before_you_leave
        self._say("questions", "")
        self._say("goals", "")
        self._show_lists()
        self._say_date()
        self._set_status("✓ Saved.")
        form = self.query_one("#visit-form", VerticalScroll)
        self.call_after_refresh(form.scroll_home, animate=False)

    def _show_visit_list(self) -> None:
        """Newest visit first; the open one marked with ▶."""
        visits = sorted(self._visits.values(), key=lambda v: (v.date, v.id), reverse=True)
        listed = self.query_one("#visit-list", OptionList)
        open_id = self._visit.id if self._visit else None
        highlighted = listed.highlighted_option
        keep = highlighted.id if highlighted else open_id
        on = today(self)
        options: list[Option | None] = []
        for visit in visits:
            label = visit_label(visit, is_open=visit.id == open_id, on=on)
            options.append(Option(label, id=visit.id))
            options.append(None)  # a line between visits
        listed.set_options(options[:-1])
        if not visits:
            listed.set_options([Option("No visits yet.", disabled=True)])
            return
        ids = [visit.id for visit in visits]
        if keep in ids:
            listed.highlighted = ids.index(keep)
        elif open_id in ids:
            listed.highlighted = ids.index(open_id)

    def _show_lists(self) -> None:
        """Redraw the four lists and the section titles with their counts."""
        self._fill_list("medicines", [medicine_label(m) for m in self._medicines], "medicines")
        self._fill_list("imaging", [imaging_label(r) for r in self._imaging], "scans or reports")
        self._fill_list("questions", [f"{n}. {q}" for n, q in enumerate(self._questions, 1)], "")
        self._fill_list("goals", [f"• {goal}" for goal in self._goals], "goals")
        self._update_titles()
        self._offer_suggestions()

    def _fill_list(self, list_id: str, lines: Sequence[str], what: str) -> None:
        listed = self.query_one(f"#{list_id}", OptionList)
        before = listed.highlighted
        if lines:
            listed.set_options(Option(Content(line)) for line in lines)
            listed.highlighted = min(before or 0, len(lines) - 1)
        else:
            empty = f"No {what} yet." if what else "No questions yet."
            listed.set_options([Option(Content(empty), disabled=True)])

    def _update_titles(self) -> None:
        sections = {section.id: section.title for section in content.clinic().sections}
        ticked = sum(
            1 for box in self.query("#section-leave Checkbox").results(Checkbox) if box.value
        )
        total = len(content.clinic().before_you_leave)
        titles = {
            "story": f"1. {sections['story']}",
            "history": f"2. {sections['history']} ({plural(len(self._medicines), 'medicine')})",
            "imaging": f"3. {sections['imaging']} ({len(self._imaging)})",
            "questions": f"4. {sections['questions']} ({len(self._questions)} of {MAX_QUESTIONS})",
            "goals": f"5. {sections['goals']} ({len(self._goals)})",
            "leave": f"Before you leave ({ticked} of {total} ticked)",
        }
        for section_id, title in titles.items():
            self.query_one(f"#section-{section_id}", Collapsible).title = title

    def _offer_suggestions(self) -> None:
        suggested = self.query_one("#suggested", Select)
        left = [q for q in content.clinic().suggested_questions if q not in self._questions]
        suggested.set_options((question, question) for question in left)

    def _say_date(self) -> None:
        text = self.query_one("#visit-date", Input).value
        said = say_visit_date(text, today(self))[1]
        label = self.query_one("#visit-date-said", Static)
        label.update(Content(said))
        label.set_class(said.startswith("✗"), "-problem")

    # --- what the form holds ---------------------------------------------------------------

    def _form_visit(self) -> tuple[Visit | None, str]:
        """The visit as the form shows it, or None and the reason it cannot be saved.

        A date that cannot be read keeps the saved date (everything else is still saved) and
        the reason says so.
        """
        assert self._visit is not None
        day, said = say_visit_date(self.query_one("#visit-date", Input).value, today(self))
        note = ""
        if day is None:
            day = self._visit.date
            note = f"The date was not changed: {said.removeprefix('✗ ')}"
        ticked = [
            item.id
            for item in content.clinic().before_you_leave
            if self.query_one(f"#leave-{item.id}", Checkbox).value
        ]
        record: dict[str, Any] = {
            "id": self._visit.id,
            "date": day.isoformat(),
            "clinician": self.query_one("#visit-clinician", Input).value.strip(),
            "reason": self.query_one("#visit-reason", Input).value.strip(),
            "story": self.query_one("#story", TextArea).text,
            "history": self.query_one("#history", TextArea).text,
            "medicines": [vars(m).copy() for m in self._medicines],
            "imaging": [vars(r).copy() for r in self._imaging],
            "questions": list(self._questions),
            "goals": list(self._goals),
            "before_you_leave": ticked,
            "notes_after": self.query_one("#notes-after", TextArea).text,
        }
        try:
            visit = validate_visit(record)
        except ValidationError as error:
            self._problem_fields = tuple(p.field for p in error.problems)
            problems = "; ".join(_problem_words(p.field, p.message) for p in error.problems)
            return None, problems
        self._problem_fields = ()
        return visit, note

    # --- saving ---------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Save the open visit if it changed. False when it cannot be saved as typed."""
        self._cancel_autosave()
        if self._visit is None:
            return True
        visit, note = self._form_visit()
        if visit is None:
            self._set_status(f"✗ Not saved: {note}. Shorten it, then save.", problem=True)
            return False
        if visit == self._visit:
            self._set_status(f"✓ Saved. {note}" if note else "✓ Saved.", problem=bool(note))
            return True
        previous = self._visit
        self._visit = visit
        self._visits[visit.id] = visit
        self._set_status("… Saving.")
        try:
            self._saves.start(self, SaveVisit(visit), VisitSave("edit", visit, previous, note))
        except RuntimeError:  # the app is closing and its writer has stopped
            return False
        self._show_visit_list()
        return True

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        done = self._saves.finished(message.change)
        if done is None:
            return
        message.stop()
        if done.action == "export":
            self._exported(message.result)
        elif done.action != "remove" and self._visit == done.visit:
            note = done.note
            self._set_status(f"✓ Saved. {note}" if note else "✓ Saved.", problem=bool(note))

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        failed = self._saves.finished(message.change)
        if failed is None:
            return
        message.stop()
        if failed.action == "export":
            self._not_exported(message.error)
        elif failed.action == "create":
            self._not_created(failed.visit, message.error)
        elif failed.action == "remove":
            self._not_removed(failed.visit, message.error)
        else:
            self._not_changed(failed.previous or failed.visit, failed.visit, message.error)

    def _not_changed(self, previous: Visit, visit: Visit, error: StoreError) -> None:
        if self._visit == visit:
            # Forget the failed save, so the next change (or ctrl+s) tries again.
            self._visit = previous
            self._visits[previous.id] = previous
        self._set_status(f"✗ {error}", problem=True)
        self.notify(str(error), title="Not saved", severity="error", timeout=15)

    def _set_status(self, text: str, *, problem: bool = False) -> None:
        status = self.query_one("#visit-status", Static)
        status.update(Content(text))
        status.set_class(problem, "-problem")

    def _changed(self) -> None:
        """Something in the form changed: save it a moment after the typing stops."""
        if self._visit is None:
            return
        self._cancel_autosave()
        visit, note = self._form_visit()
        self._last_form = visit
        if visit is not None and visit == self._visit:
            return  # the form was only (re)filled
        # What the last export said is about the visit as it was; its lines go back to the form.
        self._say_exported("")
        self._set_status("• Changed; saving in a moment.")
        self._autosave_timer = self.set_timer(AUTOSAVE_SECONDS, self.save_now)

    def _cancel_autosave(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None

    def on_unmount(self) -> None:
        """The app is closing: save the last change if it is still waiting for its moment.

        The form's widgets are gone by now, so this saves the visit as it was read at the
        last change."""
        visit = self._last_form
        if self._autosave_timer is None or visit is None or visit == self._visit:
            return
        self._cancel_autosave()
        with suppress(RuntimeError):  # the writer has already stopped
            save(self, SaveVisit(visit))

    @on(Input.Changed, "#visit-date")
    def _date_typed(self) -> None:
        self._say_date()
        self._changed()

    @on(Input.Changed, "#visit-clinician, #visit-reason")
    @on(TextArea.Changed)
    def _text_typed(self) -> None:
        self._changed()

    @on(Checkbox.Changed)
    def _ticked(self) -> None:
        self._update_titles()
        self._changed()

    # --- moving between sections ---------------------------------------------------------

    def action_jump_section(self, step: int) -> None:
        """Go to the next (+1) or previous (-1) section of the open visit, opening it.

        The stops go round: next from the last section is the date again, as Tab goes round.
        From outside the form (the visit list, the buttons) next is the date and previous the
        last section.
        """
        here = self._stop_of(self.app.focused)
        if here is None:
            target = 0 if step > 0 else len(VISIT_STOPS) - 1
        else:
            target = (here + step) % len(VISIT_STOPS)
        stop = VISIT_STOPS[target]
        if stop != "top":
            self.query_one(f"#section-{stop}", Collapsible).collapsed = False
        field = self._first_field(stop)
        # At once, so a key typed straight after lands here; scrolled once the section is open.
        focus_now(field, scroll_visible=False)
        self.call_after_refresh(self._show_stop, stop, field)

    def _stop_of(self, widget: Widget | None) -> int | None:
        """Which stop of the form ``widget`` is in (None outside the form's rows and sections)."""
        for node in widget.ancestors_with_self if widget is not None else ():
            name = (node.id or "").removeprefix("section-")
            if isinstance(node, Collapsible) and name in VISIT_STOPS:
                return VISIT_STOPS.index(name)
            if node.has_class("clinic-row"):
                return 0
        return None

    def _first_field(self, stop: str) -> Widget:
        """The field a person types into or picks from first in ``stop``."""
        fields = {
            "top": "#visit-date",
            "story": "#story",
            "history": "#history",
            # An empty list has nothing to pick: Add is where a first scan goes in.
            "imaging": "#imaging" if self._imaging else "#imaging-add",
            # Five questions is the most: then the list, to reorder or change them.
            "questions": "#new-question" if len(self._questions) < MAX_QUESTIONS else "#questions",
            "goals": "#new-goal",
            "leave": "#section-leave Checkbox",
            "notes": "#notes-after",
        }
        return self.query(fields[stop]).first(Widget)

    def _show_stop(self, stop: str, field: Widget) -> None:
        """Scroll the section's title to the top of the form, keeping its field in view.

        Called once the opened section has its size. Deferred like the scroll an opened
        Collapsible asks for itself (which only makes the whole section fit), so this one,
        asked after it, has the last word.
        """
        form = self.query_one("#visit-form", VerticalScroll)
        if stop == "top":
            form.scroll_home(animate=False)
            return
        view = form.scrollable_content_region
        origin = view.y - form.scroll_offset.y  # where the top of the form is on screen
        title = self.query_one(f"#section-{stop}", Collapsible).region.y - origin
        first_lines = field.region.y - origin + min(field.outer_size.height, 3)
        form.scroll_to(y=max(title, first_lines - view.height), animate=False)

    # --- visits: new, open, remove -------------------------------------------------------

    def _leave_open_visit(self, then: Callable[[], None]) -> None:
        """Save the open visit, then do ``then``; ask first when it cannot be saved."""
        if self.save_now():
            then()
            return
        _, problem = self._form_visit()

        def answered(choice: str | None) -> None:
            if choice == "discard":
                then()
            else:
                self._stay_on_open_visit()

        self.app.push_screen(
            ChoiceDialog(
                "This visit is not saved",
                f"The open visit cannot be saved as it is: {problem}.\n\n"
                "Stay to fix it, or throw these changes away.",
                [("stay", "Stay and fix it"), ("discard", "Discard the changes")],
            ),
            answered,
        )

    def quit_question(self) -> QuitQuestion | None:
        """When the open visit cannot be saved as typed, what to ask before the app quits
        (otherwise it is saved on the way out, by ``on_unmount``)."""
        if self._visit is None:
            return None
        visit, problem = self._form_visit()
        if visit is not None:
            return None
        return QuitQuestion(
            "Quit without saving this visit?",
            f"The open visit cannot be saved as it is: {problem}.\n\n"
            "Stay to fix it, or quit and lose the changes since the last save.",
            stay="Stay and fix it",
            quit="Quit without saving it",
            on_stay=self._stay_on_open_visit,
            on_quit=self._cancel_autosave,
        )

    def _stay_on_open_visit(self) -> None:
        """The person stays to fix the visit: the list points at it again (not at the
        visit they tried to open) and the cursor goes to the field to fix."""
        if self._visit is None:
            return
        listed = self.query_one("#visit-list", OptionList)
        ids = [listed.get_option_at_index(i).id for i in range(listed.option_count)]
        if self._visit.id in ids:
            listed.highlighted = ids.index(self._visit.id)
        place = next((PROBLEM_PLACES[f] for f in self._problem_fields if f in PROBLEM_PLACES), None)
        if place is not None:
            section, widget = place
            self.query_one(f"#section-{section}", Collapsible).collapsed = False
            focus_now(self.query_one(widget))

    def action_new_visit(self) -> None:
        """Ask for the date, clinician and reason of a new visit."""

        def ask() -> None:
            self.app.push_screen(NewVisitDialog(today(self)), self._create_visit)

        self._leave_open_visit(ask)

    def _create_visit(self, answer: NewVisit | None) -> None:
        if answer is None:
            return
        from sciatica_tui.domain.visit.summary import new_visit_id

        visit = Visit(
            id=new_visit_id(clock(self).now(), self._visits),
            date=answer.date,
            clinician=answer.clinician,
            reason=answer.reason,
            story=self._draft(answer.date),
        )
        self._visits[visit.id] = visit
        self._saves.start(self, SaveVisit(visit), VisitSave("create", visit))
        self._open(visit)
        self.query_one("#section-story", Collapsible).collapsed = False
        focus_now(self.query_one("#story", TextArea))  # ready for the person's own words
        self.notify(f"Visit of {long_day(visit.date)} prepared. The story is a draft: edit it.")

    def _not_created(self, visit: Visit, error: StoreError) -> None:
        self._set_status(f"✗ {error} Press ctrl+s to try again.", problem=True)
        self.notify(str(error), title="Not saved", severity="error", timeout=15)
        if self._visit is not None and self._visit.id == visit.id:
            # Mark it changed, so the next save writes it.
            self._visit = replace(visit, story=visit.story + " ")

    @on(Button.Pressed, "#new-visit")
    def _new_pressed(self) -> None:
        self.action_new_visit()

    @on(OptionList.OptionSelected, "#visit-list")
    def _visit_chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = self._visits.get(event.option.id or "")
        if chosen is None or (self._visit is not None and chosen.id == self._visit.id):
            return
        self._leave_open_visit(lambda: self._open(self._visits.get(chosen.id)))

    def _ask_remove_visit(self) -> None:
        visit = self._visit
        if visit is None:
            return

        def answered(choice: str | None) -> None:
            if choice != "remove" or visit.id not in self._visits:
                return
            self._cancel_autosave()
            del self._visits[visit.id]
            self._saves.start(self, RemoveVisit(visit.id), VisitSave("remove", visit))
            self._open(self._first_to_open())
            self.notify(f"The visit of {long_day(visit.date)} was removed.")

        self.app.push_screen(
            ChoiceDialog(
                "Remove this visit?",
                f"The visit of {long_day(visit.date)} and everything written for it will be "
                "removed from the diary. Files you exported stay where they are.",
                [("keep", "Keep it"), ("remove", "Remove the visit")],
            ),
            answered,
        )

    def _not_removed(self, visit: Visit, error: StoreError) -> None:
        self._visits[visit.id] = visit
        self._show_visit_list()
        self.notify(str(error), title="Not removed", severity="error", timeout=15)

    @on(Button.Pressed, "#remove-visit")
    def _remove_pressed(self) -> None:
        self._ask_remove_visit()

    # --- the story draft -----------------------------------------------------------------

    def _draft(self, visit_date: date) -> str:
        """The symptom story drafted from the diary up to the visit (or today)."""
        store = diary(self)
        as_of = story_as_of(visit_date, today(self))
        since = as_of - timedelta(days=7 * CHART_WEEKS)
        return draft_story(
            store.profile(),
            store.daily_logs(since, as_of),
            store.red_flag_checks(),
            store.breathing_sessions(),
            store.rehab_days(since, as_of),
            as_of,
        )

    @on(Button.Pressed, "#redraft")
    def _redraft_pressed(self) -> None:
        if self._visit is None:
            return
        story = self.query_one("#story", TextArea)
        visit, _ = self._form_visit()
        draft = self._draft(visit.date if visit else self._visit.date)
        if not story.text.strip():
            story.load_text(draft)
            return

        def answered(choice: str | None) -> None:
            if choice == "replace":
                story.select_all()
                story.replace(draft, *story.selection)
            elif choice == "add":
                story.insert("\n" + draft, story.document.end)

        self.app.push_screen(
            ChoiceDialog(
                "Draft the story again?",
                "A fresh draft from your diary can replace the story, or go below it. "
                "Either way, ctrl+z in the story undoes it.",
                [("replace", "Replace the story"), ("add", "Add it below"), ("cancel", "Cancel")],
            ),
            answered,
        )

    # --- lists: medicines and scans -----------------------------------------------------

    def _highlighted(self, list_id: str, items: Sequence[object]) -> int | None:
        index = self.query_one(f"#{list_id}", OptionList).highlighted
        return index if index is not None and index < len(items) else None

    def _list_changed(self, list_id: str, index: int | None = None) -> None:
        self._show_lists()
        if index is not None:
            self.query_one(f"#{list_id}", OptionList).highlighted = index
        self._changed()

    def _edit_medicine(self, index: int | None) -> None:
        current = self._medicines[index] if index is not None else None

        def done(medicine: Medicine | None) -> None:
            if medicine is None:
                return
            if index is None:
                self._medicines.append(medicine)
                self._list_changed("medicines", len(self._medicines) - 1)
            else:
                self._medicines[index] = medicine
                self._list_changed("medicines", index)

        self.app.push_screen(MedicineDialog(current), done)

    def _edit_imaging(self, index: int | None) -> None:
        current = self._imaging[index] if index is not None else None

        def done(report: ImagingReport | None) -> None:
            if report is None:
                return
            if index is None:
                self._imaging.append(report)
                self._list_changed("imaging", len(self._imaging) - 1)
            else:
                self._imaging[index] = report
                self._list_changed("imaging", index)

        self.app.push_screen(ImagingDialog(current), done)

    @on(Button.Pressed, "#medicines-add")
    def _medicine_add(self) -> None:
        self._edit_medicine(None)

    @on(Button.Pressed, "#imaging-add")
    def _imaging_add(self) -> None:
        self._edit_imaging(None)

    @on(Button.Pressed, ".clinic-buttons Button")
    def _list_button(self, event: Button.Pressed) -> None:
        list_id, _, what = (event.button.id or "").partition("-")
        if list_id not in LIST_IDS or what == "add":
            return
        if what == "remove":
            self._remove_from(list_id)
        elif what == "edit":
            self._edit_in(list_id)
        elif what in ("up", "down"):
            self.action_move_question(-1 if what == "up" else 1)

    @on(OptionList.OptionSelected, ".clinic-list")
    def _list_enter(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id in LIST_IDS:
            self._edit_in(event.option_list.id or "")

    def _items(self, list_id: str) -> list[Any]:
        lists: dict[str, list[Any]] = {
            "medicines": self._medicines,
            "imaging": self._imaging,
            "questions": self._questions,
            "goals": self._goals,
        }
        return lists[list_id]

    def _edit_in(self, list_id: str) -> None:
        items = self._items(list_id)
        index = self._highlighted(list_id, items)
        if index is None:
            self.notify("Highlight a line of the list first.", severity="warning")
            return
        if list_id == "medicines":
            self._edit_medicine(index)
        elif list_id == "imaging":
            self._edit_imaging(index)
        else:
            self._edit_line(list_id, index)

    def _edit_line(self, list_id: str, index: int) -> None:
        items = self._items(list_id)
        title = "Edit the question" if list_id == "questions" else "Edit the goal"

        def done(text: str | None) -> None:
            if text is not None and index < len(items):
                items[index] = text
                self._list_changed(list_id, index)

        self.app.push_screen(TextDialog(title, items[index], SHORT_TEXT_MAX * 2), done)

    def _remove_from(self, list_id: str) -> None:
        items = self._items(list_id)
        index = self._highlighted(list_id, items)
        if index is None:
            self.notify("Highlight a line of the list first.", severity="warning")
            return
        items.pop(index)
        self._list_changed(list_id, max(0, min(index, len(items) - 1)) if items else None)
        if list_id in ("questions", "goals"):
            self._say(list_id, "")

    def action_remove_item(self) -> None:
        """Remove the highlighted line of the list in focus; a visit asks first."""
        focused = self.app.focused
        if focused is None:
            return
        if focused.id == "visit-list":
            highlighted = self.query_one("#visit-list", OptionList).highlighted_option
            if highlighted is not None and self._visit and highlighted.id == self._visit.id:
                self._ask_remove_visit()
            elif highlighted is not None:
                self.notify("Open the visit first (Enter), then remove it.", severity="warning")
        elif focused.id in LIST_IDS:
            self._remove_from(focused.id)

    # --- questions and goals ----------------------------------------------------------------

    def _add_question(self, text: str) -> bool:
        """Add a question at the end; refuse a sixth, saying why. True when added."""
        text = text.strip()
        if not text:
            return False
        if len(self._questions) >= MAX_QUESTIONS:
            refusal = (
                f"✗ You already have {MAX_QUESTIONS} questions, the most there is time "
                "for. Remove one to add another."
            )
            self._say("questions", refusal, problem=True)
            return False
        if text in self._questions:
            self._say("questions", "That question is already on the list.")
            return False
        self._questions.append(text)
        self._say("questions", f"✓ Added as question {len(self._questions)}.")
        self._list_changed("questions", len(self._questions) - 1)
        return True

    def _say(self, list_id: str, text: str, *, problem: bool = False) -> None:
        """A message right under the box being typed in (a pop-up would cover it)."""
        message = self.query_one(f"#{list_id}-message", Static)
        message.update(Content(text))
        message.set_class(problem, "-problem")
        message.display = bool(text)
        if text:
            self.call_after_refresh(message.scroll_visible, animate=False)

    @on(Input.Submitted, "#new-question")
    def _question_typed(self, event: Input.Submitted) -> None:
        if self._add_question(event.value):
            event.input.clear()

    @on(Select.Changed, "#suggested")
    def _question_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._add_question(event.value)
            self.call_after_refresh(self._offer_suggestions)

    def action_move_question(self, step: int) -> None:
        """Move the highlighted question up (-1) or down (+1)."""
        index = self._highlighted("questions", self._questions)
        if index is None:
            return
        target = index + step
        if not 0 <= target < len(self._questions):
            return
        questions = self._questions
        questions[index], questions[target] = questions[target], questions[index]
        self._list_changed("questions", target)

    @on(Input.Submitted, "#new-goal")
    def _goal_typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if len(self._goals) >= MAX_GOALS:
            self._say("goals", f"✗ {MAX_GOALS} goals is the most a visit keeps.", problem=True)
            return
        self._goals.append(text)
        self._say("goals", "")
        event.input.clear()
        self._list_changed("goals", len(self._goals) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list keys only work (and show) where they mean something."""
        focused = self.app.focused
        if action == "move_question":
            return focused is not None and focused.id == "questions"
        if action == "jump_section":
            return self._visit is not None
        if action == "remove_item":
            return focused is not None and focused.id in (*LIST_IDS, "visit-list")
        return True

    # --- save and export ------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the open visit now."""
        if self._visit is None:
            self.notify("There is no visit to save yet. Press ctrl+n to prepare one.")
            return
        self.save_now()

    @on(Button.Pressed, "#save-visit")
    def _save_pressed(self) -> None:
        self.action_save()

    def action_export(self) -> None:
        """Write the open visit to a one-page Markdown file in the data folder."""
        if self._visit is None:
            self.notify("There is no visit to export yet. Press ctrl+n to prepare one.")
            return
        if not self.save_now():
            self.notify("Fix the problem shown first: the export holds what you see.")
            return
        visit = self._visit
        stale = story_out_of_date(visit.story, self._draft(visit.date))
        if stale is None:
            self._write_export(visit)
            return
        said, now = stale

        def answered(choice: str | None) -> None:
            if choice == "export":
                self._write_export(visit)
            elif choice == "story":
                self._go_to_redraft()

        self.app.push_screen(
            ChoiceDialog(
                "The story is older than your diary",
                f"Your symptom story was drafted from the diary as it was then. It says:\n"
                f"{said.removeprefix('- ')}\nThe diary now gives:\n{now.removeprefix('- ')}"
                "\n\nThe chart in the export comes from the diary as it is now. Draft the "
                "story again first (you are asked before your own words are replaced), or "
                "export it as it is.",
                [("story", "Go to the story"), ("export", "Export as it is")],
            ),
            answered,
        )

    def _go_to_redraft(self) -> None:
        """The cursor on "Draft again from my diary", its section open and in view."""
        button = self.query_one("#redraft", Button)
        for ancestor in button.ancestors:
            if isinstance(ancestor, Collapsible):
                ancestor.collapsed = False
        focus_now(button)
        self.call_after_refresh(button.scroll_visible, animate=False)

    def _write_export(self, visit: Visit) -> None:
        """Write ``visit`` (saved already) to its Markdown file, off the UI thread."""
        store = diary(self)
        as_of = story_as_of(visit.date, today(self))
        since = as_of - timedelta(days=7 * CHART_WEEKS)
        text = visit_markdown(
            visit,
            profile=store.profile(),
            logs=store.daily_logs(since, as_of),
            checks=store.red_flag_checks(),
            sessions=store.breathing_sessions(),
            rehab_days=store.rehab_days(since, as_of),
            today=today(self),
        )
        self._saves.start(
            self,
            ExportVisitSummary(store.folder, export_stem(visit, today(self)), text),
            VisitSave("export", visit),
        )

    def _exported(self, result: object) -> None:
        if isinstance(result, ExportResult):
            # Said under the buttons, where it stays (a pop-up would cover it).
            self._say_exported(result.message())

    def _not_exported(self, error: StoreError) -> None:
        self._say_exported(f"✗ {error}", problem=True)
        self.notify(str(error), title="Not exported", severity="error", timeout=15)

    def _say_exported(self, text: str, *, problem: bool = False) -> None:
        """Say where the last export went (shown only once there is something to say)."""
        status = self.query_one("#export-status", Static)
        status.update(Content(text))
        status.set_class(problem, "-problem")
        status.display = bool(text)

    @on(Button.Pressed, "#export-visit")
    def _export_pressed(self) -> None:
        self.action_export()


def _problem_words(field: str, message: str) -> str:
    names = {
        "story": "the symptom story",
        "history": "the history",
        "notes_after": "the notes after the visit",
    }
    if field in names:
        return f"{names[field]} is longer than {LONG_TEXT_MAX} characters"
    return f"{field.replace('_', ' ')}: {message}"
