"""The Clinic visit tab's dialogs: a new visit, a scan or report, and the
questions the tab asks before it leaves, removes or replaces something.

Each dialog checks what was typed before it closes: a problem is said in words under the
fields and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Select, Static

from sciatica_tui.domain.dates import parse_visit_date
from sciatica_tui.domain.validation.rules import FINDINGS_MAX, SHORT_TEXT_MAX
from sciatica_tui.domain.visits import IMAGING_KINDS, ImagingReport, Visit
from sciatica_tui.domain.words import long_day, plural
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.form import FormDialog, field_row
from sciatica_tui.screens.widgets.tick_box import TickBox


def say_visit_date(text: str, today: date) -> tuple[date | None, str]:
    """The date typed, read, and how to say it back: ("Thu 3 Dec 2026, in 12 days")."""
    try:
        day = parse_visit_date(text, today=today)
    except ValueError as problem:
        return None, f"✗ {problem}"
    gap = (day - today).days
    if gap == 0:
        when = "today"
    elif gap > 0:
        when = f"in {plural(gap, 'day')}"
    else:
        when = f"{plural(-gap, 'day')} ago"
    return day, f"✓ {long_day(day)}, {when}"


@dataclass(frozen=True)
class NewVisit:
    """What the new-visit dialog asks for."""

    date: date
    clinician: str
    reason: str


class NewVisitDialog(FormDialog[NewVisit]):
    """Asks for the date, the clinician or clinic, and the reason of a new visit."""

    TITLE_TEXT = "Prepare a new visit"

    def __init__(self, today: date) -> None:
        """``today`` is the app's date (visits may be up to a year ahead)."""
        super().__init__()
        self.today = today

    def fields(self) -> ComposeResult:
        """Date, clinician, reason."""
        yield field_row(
            "Date",
            Input(placeholder="2026-12-03, Dec 3, in 2 weeks", id="new-date", compact=True),
        )
        yield Static("", id="new-date-said", classes="clinic-date-said")
        yield field_row(
            "Clinician",
            Input(
                placeholder="who or where (optional)",
                id="new-clinician",
                max_length=SHORT_TEXT_MAX,
                compact=True,
            ),
        )
        yield field_row(
            "Reason",
            Input(
                placeholder="why you are going (optional)",
                id="new-reason",
                max_length=SHORT_TEXT_MAX * 2,
                compact=True,
            ),
        )

    def buttons(self) -> ComposeResult:
        """Create and Cancel."""
        yield Button("Create", variant="primary", id="dialog-ok", compact=True)
        yield Button("Cancel", id="dialog-cancel", compact=True)

    @on(Input.Changed, "#new-date")
    def _say_date(self, event: Input.Changed) -> None:
        said = say_visit_date(event.value, self.today)[1] if event.value.strip() else ""
        self.query_one("#new-date-said", Static).update(Content(said))

    def accept(self) -> None:
        """Create the visit when the date can be read."""
        text = self.query_one("#new-date", Input).value
        try:
            day = parse_visit_date(text, today=self.today)
        except ValueError as problem:
            self.say_problem(str(problem))
            self.query_one("#new-date", Input).focus()
            return
        self.dismiss(
            NewVisit(
                day,
                self.query_one("#new-clinician", Input).value.strip(),
                self.query_one("#new-reason", Input).value.strip(),
            )
        )


IMAGING_TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("date", "Date", "e.g. 2026-10-05 or Oct 2026"),
    ("where", "Where", "the hospital or clinic"),
)


def text_rows(
    record: ImagingReport, fields: tuple[tuple[str, str, str], ...], prefix: str
) -> ComposeResult:
    """A row per short text field of ``record``: (field, label, placeholder) in ``fields``,
    each box with the id ``prefix-field``."""
    for name, label, placeholder in fields:
        yield field_row(
            label,
            Input(
                getattr(record, name),
                placeholder=placeholder,
                id=f"{prefix}-{name}",
                max_length=SHORT_TEXT_MAX,
                compact=True,
            ),
        )


class ImagingDialog(FormDialog[ImagingReport]):
    """Add or edit one scan or test report."""

    def __init__(self, report: ImagingReport | None = None) -> None:
        """Edit ``report``, or add a new one when None."""
        super().__init__()
        self.report = report or ImagingReport(kind=IMAGING_KINDS[0])
        self.TITLE_TEXT = "Edit the scan or report" if report else "Add a scan or report"

    def fields(self) -> ComposeResult:
        """Kind, date, where, what it found, and whether there is a copy."""
        yield field_row(
            "Kind",
            Select(
                [(kind, kind) for kind in IMAGING_KINDS],
                value=self.report.kind,
                allow_blank=False,
                id="imaging-kind",
                compact=True,
            ),
        )
        yield from text_rows(self.report, IMAGING_TEXT_FIELDS, "imaging")
        yield field_row(
            "What it found",
            Input(
                self.report.findings,
                placeholder="e.g. L5/S1 disc bulge touching the S1 root (optional)",
                id="imaging-findings",
                max_length=FINDINGS_MAX,
                compact=True,
            ),
        )
        yield TickBox(
            "I have a copy of the report",
            self.report.have_copy,
            id="imaging-copy",
            compact=True,
        )

    def accept(self) -> None:
        """Close with the report."""
        kind = self.query_one("#imaging-kind", Select).value
        self.dismiss(
            ImagingReport(
                kind=str(kind) if kind in IMAGING_KINDS else IMAGING_KINDS[-1],
                date=self.query_one("#imaging-date", Input).value.strip(),
                where=self.query_one("#imaging-where", Input).value.strip(),
                have_copy=self.query_one("#imaging-copy", Checkbox).value,
                findings=" ".join(self.query_one("#imaging-findings", Input).value.split()),
            )
        )


def unsaved_visit_question(problem: str) -> ChoiceDialog:
    """Asked before another visit opens while the open one cannot be saved as typed."""
    return ChoiceDialog(
        "This visit is not saved",
        f"The open visit cannot be saved as it is: {problem}.\n\n"
        "Stay to fix it, or throw these changes away.",
        [("stay", "Stay and fix it"), ("discard", "Discard the changes")],
    )


def remove_visit_question(visit: Visit) -> ChoiceDialog:
    """Asked before a visit is removed from the diary."""
    return ChoiceDialog(
        "Remove this visit?",
        f"The visit of {long_day(visit.date)} and everything written for it will be "
        "removed from the diary. Files you exported stay where they are.",
        [("keep", "Keep it"), ("remove", "Remove the visit")],
    )


def redraft_question() -> ChoiceDialog:
    """Asked before a fresh draft from the diary goes into a story the person wrote."""
    return ChoiceDialog(
        "Draft the story again?",
        "A fresh draft from your diary can replace the story, or go below it. "
        "Either way, ctrl+z in the story undoes it.",
        [("replace", "Replace the story"), ("add", "Add it below"), ("cancel", "Cancel")],
    )


def old_story_question(said: str, now: str) -> ChoiceDialog:
    """Asked before an export whose story counts other days than the diary does now."""
    return ChoiceDialog(
        "The story is older than your diary",
        f"Your symptom story was drafted from the diary as it was then. It says:\n"
        f"{said.removeprefix('- ')}\nThe diary now gives:\n{now.removeprefix('- ')}"
        "\n\nThe chart in the export comes from the diary as it is now. Draft the "
        "story again first (you are asked before your own words are replaced), or "
        "export it as it is.",
        [("story", "Go to the story"), ("export", "Export as it is")],
    )
