"""The open visit, on the right of the Clinic visit tab: its form, keeping it, and exporting it.

Edits save themselves a moment after the last change (and at once with ctrl+s, when
another visit is opened, and when the app closes), so nothing typed is silently lost. What
the form holds is read by ``VisitForm``; this keeps it, says how that went, and tells the tab
(``VisitChanged``) so the list of visits shows it as saved.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Static, TextArea

from sciatica_tui.domain.visits import Visit
from sciatica_tui.screens.clinic.export import ExportKind, StoryWanted, VisitExport
from sciatica_tui.screens.clinic.medicine_list import save_medicine_list
from sciatica_tui.screens.clinic.story import draft_from_diary, put_draft
from sciatica_tui.screens.clinic.visit_form import FormReading, VisitForm
from sciatica_tui.screens.host import SavesUnderWay, diary, save
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.widgets.editable_list import EditableList
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.store.changes import SaveMedicineList, SaveVisit
from sciatica_tui.store.errors import StoreError

AUTOSAVE_SECONDS = 1.0


@dataclass(frozen=True)
class VisitSave:
    """A save of the open visit under way, and what to say when it is done."""

    action: Literal["edit", "create"]
    visit: Visit
    previous: Visit | None = None  # an edit: the visit as it was, kept if the save fails
    note: str = ""  # an edit: what was kept as saved (a date that could not be read)


@dataclass
class VisitChanged(Message):
    """The open visit is now ``visit`` (saved, being saved, or put back after a failed save)."""

    visit: Visit


class OpenVisit(Vertical):
    """The open visit's form and buttons, its save status and where its export went."""

    def __init__(self) -> None:
        """No visit open until ``show``."""
        super().__init__(id="clinic-main")
        self.visit: Visit | None = None  # as last saved (or being saved)
        self._autosave_timer: Timer | None = None
        self._last_form: Visit | None = None  # the form as read at the last change
        self._saves: SavesUnderWay[VisitSave] = SavesUnderWay()

    def compose(self) -> ComposeResult:
        """The note with no visit, the form, the buttons, and two status lines."""
        yield Static(
            "No visits yet. Press ctrl+n (or New visit) to prepare one: the symptom "
            "story is drafted from your diary, and you can change every word.",
            id="clinic-empty",
        )
        yield VisitForm()
        with Horizontal(id="visit-actions"):
            yield Button("Save (ctrl+s)", id="save-visit", compact=True)
            # Short labels: all three fit beside the visit list at 80 columns.
            yield Button("PDF (ctrl+t)", id="export-pdf", compact=True)
            yield Button("Text (ctrl+o)", id="export-visit", compact=True)
        # Under the buttons, so a long message wraps instead of being cut off.
        yield Static("", id="visit-status")
        yield VisitExport("", id="export-status")

    @property
    def form(self) -> VisitForm:
        """The open visit's fields."""
        return self.query_one(VisitForm)

    @property
    def saving(self) -> bool:
        """True while a save of the open visit is on its way."""
        return bool(self._saves)

    def show(self, visit: Visit | None) -> None:
        """Fill the form with ``visit`` (or show the note that there is none)."""
        self.cancel_autosave()
        self.visit = visit
        has_visit = visit is not None
        self.query_one("#clinic-empty").display = not has_visit
        self.form.display = has_visit
        self.query_one("#visit-actions").display = has_visit
        self.query_one("#visit-status").display = has_visit
        self.query_one(VisitExport).say("")
        if visit is None:
            self.query_one("#visit-status", Static).update("")
            return
        self.form.fill(visit)
        self._set_status("✓ Saved.")

    def create(self, visit: Visit) -> None:
        """Save the new ``visit`` and open it, the cursor in its drafted story."""
        self._saves.start(self, SaveVisit(visit), VisitSave("create", visit))
        self.show(visit)
        self.form.open_section("story")
        focus_now(self.query_one("#story", TextArea))  # ready for the person's own words

    def read(self) -> FormReading:
        """The open visit as the form shows it (there must be one)."""
        assert self.visit is not None
        return self.form.read(self.visit)

    def _set_status(self, text: str, *, problem: bool = False) -> None:
        status = self.query_one("#visit-status", Static)
        status.update(Content(text))
        status.set_class(problem, "-problem")

    # --- saving ---------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Save the open visit if it changed. False when it cannot be saved as typed."""
        self.cancel_autosave()
        if self.visit is None:
            return True
        reading = self.read()
        visit, note = reading.visit, reading.note
        if visit is None:
            self._set_status(f"✗ Not saved: {note}. {reading.advice}", problem=True)
            return False
        if visit == self.visit:
            self._set_status(f"✓ Saved. {note}" if note else "✓ Saved.", problem=bool(note))
            return True
        previous = self.visit
        self.visit = visit
        self._set_status("… Saving.")
        try:
            self._saves.start(self, SaveVisit(visit), VisitSave("edit", visit, previous, note))
        except RuntimeError:  # the app is closing and its writer has stopped
            return False
        self.post_message(VisitChanged(visit))
        return True

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        done = self._saves.reported(message)
        if done is not None and self.visit == done.visit:
            note = done.note
            self._set_status(f"✓ Saved. {note}" if note else "✓ Saved.", problem=bool(note))

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        if isinstance(message.change, SaveMedicineList):
            message.stop()
            self.form.editor("medicines").items = diary(self).medicines()  # as saved
            self.notify(str(message.error), title="Medicines not saved", severity="error")
            return
        failed = self._saves.reported(message)
        if failed is not None and failed.action == "create":
            self._not_created(failed.visit, message.error)
        elif failed is not None:
            self._not_changed(failed.previous or failed.visit, failed.visit, message.error)

    def _not_changed(self, previous: Visit, visit: Visit, error: StoreError) -> None:
        if self.visit == visit:
            # Forget the failed save, so the next change (or ctrl+s) tries again.
            self.visit = previous
            self.post_message(VisitChanged(previous))
        self._set_status(f"✗ {error}", problem=True)
        self.notify(str(error), title="Not saved", severity="error", timeout=15)

    def _not_created(self, visit: Visit, error: StoreError) -> None:
        self._set_status(f"✗ {error} Press ctrl+s to try again.", problem=True)
        self.notify(str(error), title="Not saved", severity="error", timeout=15)
        if self.visit is not None and self.visit.id == visit.id:
            # Mark it changed, so the next save writes it.
            self.visit = replace(visit, story=visit.story + " ")

    def _changed(self) -> None:
        """Something in the form changed: save it a moment after the typing stops."""
        if self.visit is None:
            return
        self.cancel_autosave()
        visit = self.read().visit
        self._last_form = visit
        if visit is not None and visit == self.visit:
            return  # the form was only (re)filled
        # What the last export said is about the visit as it was; its lines go back to the form.
        self.query_one(VisitExport).say("")
        self._set_status("• Changed; saving in a moment.")
        self._autosave_timer = self.set_timer(AUTOSAVE_SECONDS, self.save_now)

    def cancel_autosave(self) -> None:
        """Forget a change still waiting for its moment to be saved."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None

    def on_unmount(self) -> None:
        """The app is closing: save the last change if it is still waiting for its moment.

        The form's widgets are gone by now, so this saves the visit as it was read at the
        last change."""
        visit = self._last_form
        if self._autosave_timer is None or visit is None or visit == self.visit:
            return
        self.cancel_autosave()
        with suppress(RuntimeError):  # the writer has already stopped
            save(self, SaveVisit(visit))

    @on(Input.Changed, "#visit-date")
    def _date_typed(self) -> None:
        self.form.say_date()
        self._changed()

    @on(Input.Changed, "#visit-clinician, #visit-reason")
    @on(TextArea.Changed)
    def _text_typed(self) -> None:
        self._changed()

    @on(Checkbox.Changed)
    def _ticked(self) -> None:
        self.form.update_titles()
        self._changed()

    @on(EditableList.Changed)
    def _list_changed(self, event: EditableList.Changed) -> None:
        self.form.update_titles()
        if event.editable_list.list_name == "medicines":
            save_medicine_list(event.editable_list)  # the person's list, not the visit's
            return
        self.form.offer_suggestions()
        self._changed()

    # --- the buttons ----------------------------------------------------------------------

    @on(Button.Pressed, "#redraft")
    def _redraft_pressed(self) -> None:
        if self.visit is None:
            return
        visit = self.read().visit
        draft = draft_from_diary(self, visit.date if visit else self.visit.date)
        put_draft(self.query_one("#story", TextArea), draft)

    def action_save(self) -> None:
        """Save the open visit now."""
        if self.visit is None:
            self.notify("There is no visit to save yet. Press ctrl+n to prepare one.")
            return
        self.save_now()

    def action_export(self, kind: ExportKind = ExportKind.MARKDOWN) -> None:
        """Write the open visit to a Markdown summary (or a PDF report) in the documents
        folder."""
        if self.visit is None:
            self.notify("There is no visit to export yet. Press ctrl+n to prepare one.")
            return
        if not self.save_now():
            self.notify("Fix the problem shown first: the export holds what you see.")
            return
        self.query_one(VisitExport).export(self.visit, kind)

    @on(Button.Pressed, "#save-visit")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#export-visit")
    def _export_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-pdf")
    def _export_pdf_pressed(self) -> None:
        self.action_export(ExportKind.PDF)

    @on(StoryWanted)
    def _go_to_story(self) -> None:
        self.form.go_to_redraft()
