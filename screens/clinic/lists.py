"""The lists of the Clinic tab (the person's medicines, and the visit's scans or reports,
questions and goals): how each line reads, the dialog that edits it, and what each allows."""

from __future__ import annotations

from typing import Any

from sciatica_tui.domain.medicines import Medicine
from sciatica_tui.domain.validation.rules import MAX_QUESTIONS, SHORT_TEXT_MAX
from sciatica_tui.domain.visit.medicine_lines import kind_words
from sciatica_tui.domain.visits import ImagingReport
from sciatica_tui.screens.clinic.dialogs import ImagingDialog
from sciatica_tui.screens.dialogs.medicine import MedicineDialog
from sciatica_tui.screens.dialogs.text import TextDialog
from sciatica_tui.screens.widgets.editable_list import ListRules, TypedLines

MAX_GOALS = 20  # as many as a saved visit may hold
LINE_MAX = SHORT_TEXT_MAX * 2  # a question or a goal


def medicine_label(medicine: Medicine) -> str:
    """One medicine on one line, its kind said unless it is "other"."""
    parts = [p for p in (medicine.dose, medicine.how_often) if p]
    if medicine.since:
        parts.append(f"since {medicine.since}")
    text = medicine.name + kind_words(medicine) + (f": {', '.join(parts)}" if parts else "")
    if medicine.helps:
        text += f"; helps: {medicine.helps}"
    if medicine.side_effects:
        text += f"; side effects: {medicine.side_effects}"
    return text


def imaging_label(report: ImagingReport) -> str:
    """One scan or report on one line, with what it found, saying in words whether there
    is a copy."""
    parts = [report.kind, *(p for p in (report.date, report.where) if p)]
    found = f": {report.findings}" if report.findings else ""
    copy = "copy: yes" if report.have_copy else "copy: no"
    return f"{', '.join(parts)}{found}; {copy}"


# The person's one list of medicines (Today logs their doses): not the visit's own.
MEDICINES = ListRules[Medicine](
    line=lambda _n, medicine: medicine_label(medicine),
    empty="No medicines yet.",
    edit=MedicineDialog,
)
IMAGING = ListRules[ImagingReport](
    line=lambda _n, report: imaging_label(report),
    empty="No scans or reports yet.",
    edit=ImagingDialog,
)
QUESTIONS = ListRules[str](
    line=lambda n, question: f"{n}. {question}",
    empty="No questions yet.",
    edit=lambda question: TextDialog("Edit the question", question or "", LINE_MAX),
    typed=TypedLines(
        "new-question",
        "Type a question, then Enter",
        LINE_MAX,
        added="✓ Added as question {count}.",
        duplicate="That question is already on the list.",
    ),
    reorder=True,
    most=MAX_QUESTIONS,
    full=f"✗ You already have {MAX_QUESTIONS} questions, the most there is time for. "
    "Remove one to add another.",
)
GOALS = ListRules[str](
    line=lambda _n, goal: f"• {goal}",
    empty="No goals yet.",
    edit=lambda goal: TextDialog("Edit the goal", goal or "", LINE_MAX),
    typed=TypedLines("new-goal", "Type a goal, then Enter", LINE_MAX),
    most=MAX_GOALS,
    full=f"✗ {MAX_GOALS} goals is the most a visit keeps.",
)
# Each list of the visit by the name of its lines' widget (and of the visit's field).
VISIT_LISTS: dict[str, ListRules[Any]] = {
    "imaging": IMAGING,
    "questions": QUESTIONS,
    "goals": GOALS,
}
# Every list of the Clinic tab by the name of its lines' widget, the medicines first.
CLINIC_LISTS: tuple[str, ...] = ("medicines", *VISIT_LISTS)
