"""The small dialogs of the Clinic visit tab (a new visit, a medicine, a scan, one line of
text), and the question with a few answers that every tab asks with (``ChoiceDialog``).

Each dialog checks what was typed before it closes: a problem is said in words under the
fields and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Select, Static
from textual.widgets.button import ButtonVariant

from sciatica_tui.domain.dates import parse_visit_date
from sciatica_tui.domain.records import IMAGING_KINDS, ImagingReport, Medicine
from sciatica_tui.domain.validation.rules import SHORT_TEXT_MAX
from sciatica_tui.domain.words import long_day, plural
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce
from sciatica_tui.screens.widgets.tick_box import TickBox

R = TypeVar("R")


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


class ClinicDialog(DismissOnce[R], Generic[R]):
    """A dialog box in the middle of the screen; Escape closes it without changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything."),
    ]
    TITLE_TEXT = ""

    def compose(self) -> ComposeResult:
        """Title, the dialog's fields, a problem line and the buttons."""
        with Vertical(classes="clinic-dialog-box"):
            yield Static(Content(self.TITLE_TEXT), classes="clinic-dialog-title")
            yield from self.fields()
            yield Static("", classes="clinic-dialog-problem")
            with Horizontal(classes="clinic-dialog-buttons"):
                yield from self.buttons()

    def fields(self) -> ComposeResult:
        """The dialog's own fields."""
        yield from ()

    def buttons(self) -> ComposeResult:
        """OK and Cancel."""
        yield Button("OK", variant="primary", id="dialog-ok", compact=True)
        yield Button("Cancel", id="dialog-cancel", compact=True)

    def say_problem(self, text: str) -> None:
        """Show a problem under the fields (in words, not only in colour)."""
        problem = self.query_one(".clinic-dialog-problem", Static)
        problem.update(Content(f"✗ {text}") if text else "")
        problem.set_class(bool(text), "-shown")

    @on(Input.Changed)
    def _typing_again(self) -> None:
        """A problem shown is about what was there: it goes once the person types again
        (it comes back, up to date, if OK still cannot be done)."""
        self.say_problem("")

    def action_cancel(self) -> None:
        """Close, changing nothing."""
        self.dismiss(None)

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#dialog-ok")
    @on(Input.Submitted)
    def _ok(self) -> None:
        self.accept()

    def accept(self) -> None:
        """Check the fields; close with the result, or say what is wrong."""


def field_row(label: str, widget: Input | Select[str] | Checkbox) -> Horizontal:
    """A label and its field on one line."""
    return Horizontal(Label(label, classes="clinic-field-label"), widget, classes="clinic-row")


@dataclass(frozen=True)
class NewVisit:
    """What the new-visit dialog asks for."""

    date: date
    clinician: str
    reason: str


class NewVisitDialog(ClinicDialog[NewVisit]):
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


MEDICINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Medicine", "its name (needed)"),
    ("dose", "Dose", "e.g. 400 mg"),
    ("how_often", "How often", "e.g. twice a day"),
    ("since", "Since when", "e.g. 3 Oct"),
    ("helps", "Does it help?", "e.g. a little"),
    ("side_effects", "Side effects", "e.g. none"),
)


class MedicineDialog(ClinicDialog[Medicine]):
    """Add or edit one medicine: six short fields, only the name needed."""

    def __init__(self, medicine: Medicine | None = None) -> None:
        """Edit ``medicine``, or add a new one when None."""
        super().__init__()
        self.medicine = medicine or Medicine(name="")
        self.TITLE_TEXT = "Edit the medicine" if medicine else "Add a medicine"

    def fields(self) -> ComposeResult:
        """One line per field of ``Medicine``."""
        for name, label, placeholder in MEDICINE_FIELDS:
            yield field_row(
                label,
                Input(
                    getattr(self.medicine, name),
                    placeholder=placeholder,
                    id=f"medicine-{name}",
                    max_length=SHORT_TEXT_MAX,
                    compact=True,
                ),
            )

    def accept(self) -> None:
        """Close with the medicine, once it has a name."""
        values = {
            name: self.query_one(f"#medicine-{name}", Input).value.strip()
            for name, _label, _placeholder in MEDICINE_FIELDS
        }
        if not values["name"]:
            self.say_problem("Type the medicine's name (the other fields are optional).")
            self.query_one("#medicine-name", Input).focus()
            return
        self.dismiss(Medicine(**values))


class ImagingDialog(ClinicDialog[ImagingReport]):
    """Add or edit one scan or test report."""

    def __init__(self, report: ImagingReport | None = None) -> None:
        """Edit ``report``, or add a new one when None."""
        super().__init__()
        self.report = report or ImagingReport(kind=IMAGING_KINDS[0])
        self.TITLE_TEXT = "Edit the scan or report" if report else "Add a scan or report"

    def fields(self) -> ComposeResult:
        """Kind, date, where, and whether there is a copy."""
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
        yield field_row(
            "Date",
            Input(
                self.report.date,
                placeholder="e.g. 2026-10-05 or Oct 2026",
                id="imaging-date",
                max_length=SHORT_TEXT_MAX,
                compact=True,
            ),
        )
        yield field_row(
            "Where",
            Input(
                self.report.where,
                placeholder="the hospital or clinic",
                id="imaging-where",
                max_length=SHORT_TEXT_MAX,
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
            )
        )


class TextDialog(ClinicDialog[str]):
    """Edit one line of text (a question or a goal)."""

    def __init__(self, title: str, text: str, max_length: int) -> None:
        """``title`` says what is edited; ``text`` is the line as it is now."""
        super().__init__()
        self.TITLE_TEXT = title
        self.text = text
        self.max_length = max_length

    def fields(self) -> ComposeResult:
        """The line."""
        yield Input(self.text, id="dialog-text", max_length=self.max_length, compact=True)

    def accept(self) -> None:
        """Close with the new words, unless they were all rubbed out."""
        text = self.query_one("#dialog-text", Input).value.strip()
        if not text:
            self.say_problem("Type some words, or use Remove on the list to delete it.")
            return
        self.dismiss(text)


class ChoiceDialog(ClinicDialog[str]):
    """A question with a few answers, each a button: the one confirmation dialog of the app
    (the Clinic tab's questions, Today's quit question, the emergency alert's quit question,
    removing an own exercise). It closes with the id of the answer chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The answers sit side by side: the arrows move between them, as Tab does.
        Binding("left", "app.focus_previous", "Previous answer", show=False),
        Binding("right", "app.focus_next", "Next answer", show=False),
    ]

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[tuple[str, str]],
        *,
        suggested: str | None = None,
        escape: str | None = None,
        danger: str | None = None,
        keys: Mapping[str, str] | None = None,
        over_alert: bool = False,
    ) -> None:
        """``choices`` are (id, label) pairs, shown in that order.

        ``suggested`` is the answer with the cursor (the first when None); ``escape`` the
        answer Escape gives (None: no answer); ``danger`` an answer that loses or ends
        something, shown in the error colour; ``keys`` letters that answer at once (letter
        to id; say them in the labels); ``over_alert`` draws the box like the emergency
        alert it is asked over.
        """
        super().__init__()
        self.TITLE_TEXT = title
        self.message = message
        self.choices = choices
        self.suggested = suggested if suggested is not None else choices[0][0]
        self.escape = escape
        self.danger = danger
        self.keys = dict(keys or {})
        self.set_class(over_alert, "-over-alert")

    def fields(self) -> ComposeResult:
        """The message."""
        yield Static(Content(self.message), classes="clinic-dialog-message")

    def buttons(self) -> ComposeResult:
        """One button per answer: the suggested one stands out, a dangerous one is red."""
        for choice_id, label in self.choices:
            variant: ButtonVariant = "default"
            if choice_id == self.danger:
                variant = "error"
            elif choice_id == self.suggested:
                variant = "primary"
            yield Button(label, id=f"choice-{choice_id}", variant=variant, compact=True)

    @on(Button.Pressed, ".clinic-dialog-buttons Button")
    def _chosen(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("choice-"):
            self.dismiss(event.button.id.removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
        """A letter given in ``keys`` answers at once."""
        if event.key in self.keys:
            event.stop()
            self.dismiss(self.keys[event.key])

    def action_cancel(self) -> None:
        """Escape: the caller's answer for it, or none."""
        self.dismiss(self.escape)

    def on_mount(self) -> None:
        """The suggested answer has the focus."""
        self.query_one(f"#choice-{self.suggested}", Button).focus()
