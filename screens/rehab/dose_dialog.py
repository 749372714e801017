"""The dialog that sets an exercise's dose: sets and reps, or a hold in seconds, and how many
times a day (which is how many ticks make the day's share)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from sciatica_tui.domain.doses import DOSE_FIELDS, FIELD_WORDS, Dose, dose_words
from sciatica_tui.domain.rehab import ChecklistEntry
from sciatica_tui.domain.validation.plan_rules import validate_dose
from sciatica_tui.domain.validation.problems import Problem, ValidationError
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce

LABELS = {
    "sets": "Sets",
    "reps": "Reps in each set (or leave empty and give a hold)",
    "hold_seconds": "Hold, in seconds (or leave empty and give reps)",
    "times_per_day": "Times a day (each one is a tick)",
}
PLACEHOLDERS = {
    "sets": "e.g. 2",
    "reps": "e.g. 10",
    "hold_seconds": "e.g. 30",
    "times_per_day": "1",
}


@dataclass(frozen=True)
class DoseChoice:
    """What the dialog closed with: the person's dose, or None to go back to the usual one."""

    dose: Dose | None


def problem_words(problem: Problem) -> str:
    """One problem of the dose, as the dialog says it."""
    return f"⚠ {FIELD_WORDS.get(problem.field, problem.field)} {problem.message}. {problem.hint}"


def read_dose(typed: dict[str, str]) -> Dose:
    """The dose typed in the boxes (an empty box leaves that number out; times a day is 1
    when empty), checked; raises ``ValidationError`` saying what is wrong."""
    raw: dict[str, object] = {}
    problems = []
    for name, text in typed.items():
        text = text.strip()
        if not text:
            continue
        try:
            raw[name] = int(text)
        except ValueError:
            problems.append(Problem(name, f"{text!r} is not a whole number", ""))
    if problems:
        raise ValidationError(problems)
    raw.setdefault("times_per_day", 1)
    return validate_dose(raw)


class DoseDialog(DismissOnce[DoseChoice | None]):
    """Set the dose of one exercise of the plan; the usual one (if any) is one button away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without saving."),
    ]

    def __init__(self, entry: ChecklistEntry, usual: Dose | None) -> None:
        """``entry`` carries the dose in force; ``usual`` is the default from the plan."""
        super().__init__()
        self.entry = entry
        self.usual = usual

    def compose(self) -> ComposeResult:
        """A box per number, the usual dose, and Save / Usual / Cancel."""
        dose = self.entry.dose or Dose()
        with VerticalScroll(id="dose-box", classes="rehab-dialog"):
            yield Static(f"Dose: {self.entry.title}", classes="title", markup=False)
            for name in DOSE_FIELDS:
                value = getattr(dose, name)
                yield Label(LABELS[name])
                yield Input(
                    "" if value is None else str(value),
                    placeholder=PLACEHOLDERS[name],
                    type="integer",
                    max_length=3,
                    compact=True,
                    id=f"dose-{name}",
                )
            usual = dose_words(self.usual) or "none"
            yield Static(f"The usual starting dose: {usual}. Your therapist's comes first.")
            yield Static("", id="dose-error", classes="field-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="dose-save")
                yield Button("Use the usual", compact=True, id="dose-usual")
                yield Button("Cancel", compact=True, id="dose-cancel")

    def on_mount(self) -> None:
        """Put the cursor in the first box."""
        self.query_one("#dose-sets", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#dose-save")
    def save(self) -> None:
        """Check the numbers; close with the dose, or say what is wrong and keep them."""
        typed = {name: self.query_one(f"#dose-{name}", Input).value for name in DOSE_FIELDS}
        try:
            dose = read_dose(typed)
        except ValidationError as bad:
            error = self.query_one("#dose-error", Static)
            error.update("\n".join(problem_words(p) for p in bad.problems))
            error.display = True
            return
        self.dismiss(DoseChoice(dose))

    @on(Input.Changed)
    def _typing_again(self) -> None:
        """A problem shown is about what was there: it goes once the person types again."""
        self.query_one("#dose-error", Static).display = False

    @on(Button.Pressed, "#dose-usual")
    def _usual(self) -> None:
        self.dismiss(DoseChoice(None))

    @on(Button.Pressed, "#dose-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
