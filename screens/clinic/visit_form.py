"""The open visit's form: the date, clinician and reason, then the checklist's sections, and
how the form and a saved ``Visit`` become each other."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Collapsible, Input, Label, Select, Static, TextArea

from sciatica_tui.domain import content
from sciatica_tui.domain.validation.characters import HIDDEN_CONTROL_HINT
from sciatica_tui.domain.validation.checks import reading_stored_text
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import (
    LONG_TEXT_MAX,
    MAX_QUESTIONS,
    SHORT_TEXT_MAX,
    validate_visit,
)
from sciatica_tui.domain.visits import Visit
from sciatica_tui.domain.words import plural
from sciatica_tui.screens.clinic.dialogs import say_visit_date
from sciatica_tui.screens.clinic.lists import MEDICINES, VISIT_LISTS
from sciatica_tui.screens.dialogs.learn_more import topic_pointer
from sciatica_tui.screens.host import diary, today
from sciatica_tui.screens.widgets.editable_list import EditableList
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.tick_box import TickBox
from sciatica_tui.screens.widgets.writing_area import WritingArea

# Where each long text lives: (section, widget), to put the cursor on a text too long to save.
PROBLEM_PLACES = {
    "story": ("story", "#story"),
    "history": ("history", "#history"),
    "notes_after": ("notes", "#notes-after"),
}
LONG_TEXT_NAMES = {
    "story": "the symptom story",
    "history": "the history",
    "notes_after": "the notes after the visit",
}


@dataclass(frozen=True)
class FormReading:
    """The visit as the form shows it, or None and why it cannot be saved (``note``); with a
    visit, ``note`` says what was kept as saved (a date that could not be read)."""

    visit: Visit | None
    note: str
    problem_fields: tuple[str, ...] = ()
    advice: str = ""  # with no visit: what to do about the problems


def problem_words(field: str, message: str) -> str:
    """A problem with one field of the visit, in words."""
    name = LONG_TEXT_NAMES.get(field)
    if name is None:
        return f"{field.replace('_', ' ')}: {message}"
    if "characters long" in message:
        return f"{name} is longer than {LONG_TEXT_MAX} characters"
    return f"{name} {message}"


def shows_as_saved(record: dict[str, Any], saved: Visit) -> bool:
    """Whether the form's ``record`` is still exactly ``saved``, read as the diary holds it.

    A visit from an older version may hold control characters the rules now refuse: while
    the person has changed nothing, there is nothing to save and nothing to warn about. A
    text box shows every Unicode line break (NEL, VT, FF and the like) as a newline, so long
    texts are compared line by line."""
    with reading_stored_text():
        try:
            shown = validate_visit(record)
        except ValidationError:
            return False
    return by_lines(shown) == by_lines(saved)


def by_lines(visit: Visit) -> Visit:
    """``visit`` with each long text as the lines a text box shows."""
    return replace(
        visit,
        story="\n".join(visit.story.splitlines()),
        history="\n".join(visit.history.splitlines()),
        notes_after="\n".join(visit.notes_after.splitlines()),
    )


class VisitForm(VerticalScroll):
    """The open visit, in collapsible sections that follow the appointment checklist."""

    def __init__(self) -> None:
        """Empty until ``fill``."""
        super().__init__(id="visit-form")
        self.problem_fields: tuple[str, ...] = ()  # the fields that stopped the last read

    def compose(self) -> ComposeResult:
        """The top rows, the five sections, "before you leave" and the notes after."""
        clinic = content.clinic()
        sections = {section.id: section for section in clinic.sections}
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
            yield WritingArea(id="story", compact=True)
            yield Button("Draft again from my diary", id="redraft", compact=True)
        with Collapsible(title="", id="section-history"):
            yield Static(sections["history"].prompt, classes="clinic-prompt")
            yield Label("History", classes="clinic-sub")
            yield WritingArea(id="history", compact=True, classes="short-text")
            yield Label("My medicines, as Today logs them (Enter edits)", classes="clinic-sub")
            yield EditableList("medicines", MEDICINES)
        with Collapsible(title="", id="section-imaging"):
            yield Static(sections["imaging"].prompt, classes="clinic-prompt")
            yield EditableList("imaging", VISIT_LISTS["imaging"])
        with Collapsible(title="", id="section-questions"):
            yield Static(sections["questions"].prompt, classes="clinic-prompt")
            yield EditableList("questions", VISIT_LISTS["questions"])
            yield Select[str](
                [], prompt="Or pick a suggested question", id="suggested", compact=True
            )
            yield Static(topic_pointer("clinic"), id="clinic-learn")
        with Collapsible(title="", id="section-goals"):
            yield Static(sections["goals"].prompt, classes="clinic-prompt")
            yield EditableList("goals", VISIT_LISTS["goals"])
        with Collapsible(title="", id="section-leave"):
            yield Static(
                "Tick each one during the visit. If one is still open, ask before you go.",
                classes="clinic-prompt",
            )
            for item in clinic.before_you_leave:
                yield TickBox(item.text, id=f"leave-{item.id}", compact=True)
        with Collapsible(title="Notes after the visit", id="section-notes"):
            yield WritingArea(id="notes-after", compact=True, classes="short-text")

    def editor(self, name: str) -> EditableList[Any]:
        """The editable list ``name`` ("medicines", "imaging", "questions", "goals")."""
        found: EditableList[Any] = self.query_one(f"#{name}-editor", EditableList)
        return found

    # --- from a visit to the form, and back ----------------------------------------------

    def fill(self, visit: Visit) -> None:
        """Show ``visit`` in every field, scrolled to the top."""
        self.query_one("#visit-date", Input).value = visit.date.isoformat()
        self.query_one("#visit-clinician", Input).value = visit.clinician
        self.query_one("#visit-reason", Input).value = visit.reason
        self.query_one("#story", TextArea).load_text(visit.story)
        self.query_one("#history", TextArea).load_text(visit.history)
        self.query_one("#notes-after", TextArea).load_text(visit.notes_after)
        for name in VISIT_LISTS:
            self.editor(name).items = getattr(visit, name)
        self.editor("medicines").items = diary(self).medicines()
        for item in content.clinic().before_you_leave:
            box = self.query_one(f"#leave-{item.id}", Checkbox)
            box.value = item.id in visit.before_you_leave
        self.editor("questions").say("")
        self.editor("goals").say("")
        self.update_titles()
        self.offer_suggestions()
        self.say_date()
        self.call_after_refresh(self.scroll_home, animate=False)

    def read(self, saved: Visit) -> FormReading:
        """The visit as the form shows it (``saved`` gives its id, and its date when the
        date typed cannot be read: everything else is still saved, and the note says so)."""
        day, said = say_visit_date(self.query_one("#visit-date", Input).value, today(self))
        note = ""
        if day is None:
            day = saved.date
            note = f"The date was not changed: {said.removeprefix('✗ ')}"
        ticked = [
            item.id
            for item in content.clinic().before_you_leave
            if self.query_one(f"#leave-{item.id}", Checkbox).value
        ]
        lists = {name: self.editor(name).items for name in VISIT_LISTS}
        record: dict[str, Any] = {
            "id": saved.id,
            "date": day.isoformat(),
            "clinician": self.query_one("#visit-clinician", Input).value.strip(),
            "reason": self.query_one("#visit-reason", Input).value.strip(),
            "story": self.query_one("#story", TextArea).text,
            "history": self.query_one("#history", TextArea).text,
            "imaging": [vars(r).copy() for r in lists["imaging"]],
            "questions": lists["questions"],
            "goals": lists["goals"],
            "before_you_leave": ticked,
            "notes_after": self.query_one("#notes-after", TextArea).text,
        }
        try:
            visit = validate_visit(record)
        except ValidationError as error:
            if shows_as_saved(record, saved):
                self.problem_fields = ()
                return FormReading(saved, note)
            self.problem_fields = tuple(p.field for p in error.problems)
            problems = "; ".join(problem_words(p.field, p.message) for p in error.problems)
            hidden = any(p.hint == HIDDEN_CONTROL_HINT for p in error.problems)
            advice = HIDDEN_CONTROL_HINT if hidden else "Shorten it, then save."
            return FormReading(None, problems, self.problem_fields, advice)
        self.problem_fields = ()
        return FormReading(visit, note)

    # --- what the form says about itself -------------------------------------------------

    def update_titles(self) -> None:
        """The section titles, with how many each list holds and how many are ticked."""
        sections = {section.id: section.title for section in content.clinic().sections}
        ticked = sum(
            1 for box in self.query("#section-leave Checkbox").results(Checkbox) if box.value
        )
        total = len(content.clinic().before_you_leave)
        count = {name: len(self.editor(name).items) for name in (*VISIT_LISTS, "medicines")}
        titles = {
            "story": f"1. {sections['story']}",
            "history": f"2. {sections['history']} ({plural(count['medicines'], 'medicine')})",
            "imaging": f"3. {sections['imaging']} ({count['imaging']})",
            "questions": f"4. {sections['questions']} ({count['questions']} of {MAX_QUESTIONS})",
            "goals": f"5. {sections['goals']} ({count['goals']})",
            "leave": f"Before you leave ({ticked} of {total} ticked)",
        }
        for section_id, title in titles.items():
            self.query_one(f"#section-{section_id}", Collapsible).title = title

    def offer_suggestions(self) -> None:
        """The suggested questions not asked yet."""
        suggested = self.query_one("#suggested", Select)
        asked = self.editor("questions").items
        left = [q for q in content.clinic().suggested_questions if q not in asked]
        suggested.set_options((question, question) for question in left)

    def say_date(self) -> None:
        """Say the date typed back in words ("Thu 3 Dec 2026, in 12 days"), or the problem."""
        text = self.query_one("#visit-date", Input).value
        said = say_visit_date(text, today(self))[1]
        label = self.query_one("#visit-date-said", Static)
        label.update(Content(said))
        label.set_class(said.startswith("✗"), "-problem")

    @on(Select.Changed, "#suggested")
    def _question_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.editor("questions").add(event.value)
            self.call_after_refresh(self.offer_suggestions)

    # --- where the cursor goes -----------------------------------------------------------

    def open_section(self, section: str) -> None:
        """Open the section ``section`` ("story", "history", …)."""
        self.query_one(f"#section-{section}", Collapsible).collapsed = False

    def go_to_problem(self) -> None:
        """The cursor on the first long text that stopped the last read, its section open."""
        place = next((PROBLEM_PLACES[f] for f in self.problem_fields if f in PROBLEM_PLACES), None)
        if place is not None:
            section, widget = place
            self.open_section(section)
            focus_now(self.query_one(widget))

    def go_to_redraft(self) -> None:
        """The cursor on "Draft again from my diary", its section open and in view."""
        self.open_section("story")
        button = self.query_one("#redraft", Button)
        focus_now(button)
        self.call_after_refresh(button.scroll_visible, animate=False)
