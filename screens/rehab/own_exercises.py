"""The person's own exercises (ones a therapist gave them): the dialog that adds or changes
one, and the question asked before one is removed."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from sciatica_tui.domain.records import EVERY_PHASE, CustomExercise
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import SHORT_TEXT_MAX, validate_custom_exercise
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce
from sciatica_tui.screens.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

FIELD_NAMES = {"title": "The name", "how": "How to do it"}


class ExerciseDialog(DismissOnce[CustomExercise | None]):
    """Add or change one of the person's own exercises: its name, how-to, and whether it is
    for the phase shown or for every phase."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without saving."),
    ]

    def __init__(self, exercise: CustomExercise, *, adding: bool, phase_shown: int) -> None:
        """``exercise`` holds the id and phase (and, when changing it, the current words);
        ``phase_shown`` is the phase it is for when it is not for every phase."""
        super().__init__()
        self.exercise = exercise
        self.adding = adding
        self.phase_shown = phase_shown

    def compose(self) -> ComposeResult:
        """Name, how to do it, for every phase or not, and Save / Cancel."""
        title = "Add your own exercise" if self.adding else "Change your exercise"
        with VerticalScroll(id="exercise-box", classes="rehab-dialog"):
            yield Static(title, classes="title")
            yield Label("Name (what your therapist calls it)")
            yield Input(
                self.exercise.title,
                placeholder="e.g. Wall squats",
                max_length=SHORT_TEXT_MAX,
                compact=True,
                id="exercise-title",
            )
            yield Label("How to do it, in one line (optional)")
            yield Input(
                self.exercise.how,
                placeholder="e.g. 10 slow squats against the wall, twice a day",
                compact=True,
                id="exercise-how",
            )
            yield TickBox(
                f"Do it in every phase (not only phase {self.phase_shown})",
                self.exercise.phase == EVERY_PHASE,
                compact=True,
                id="exercise-every-phase",
            )
            yield Static("", id="exercise-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="exercise-save")
                yield Button("Cancel", compact=True, id="exercise-cancel")

    def on_mount(self) -> None:
        """Put the cursor on the name."""
        self.query_one("#exercise-title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#exercise-save")
    def save(self) -> None:
        """Check the words; close with the exercise, or say what is wrong and keep them."""
        raw = {
            "id": self.exercise.id,
            "phase": (
                EVERY_PHASE
                if self.query_one("#exercise-every-phase", TickBox).value
                else self.phase_shown
            ),
            "title": self.query_one("#exercise-title", Input).value,
            "how": self.query_one("#exercise-how", Input).value.strip(),
        }
        error = self.query_one("#exercise-error", Static)
        try:
            exercise = validate_custom_exercise(raw)
        except ValidationError as bad:
            error.update(
                "\n".join(
                    f"⚠ {FIELD_NAMES.get(p.field, p.field)} {p.message}. {p.hint}"
                    for p in bad.problems
                )
            )
            error.display = True
            return
        self.dismiss(exercise)

    @on(Input.Changed)
    def _typing_again(self) -> None:
        """A problem shown is about what was there: it goes once the person types again."""
        self.query_one("#exercise-error", Static).display = False

    @on(Button.Pressed, "#exercise-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def remove_question(exercise: CustomExercise) -> ChoiceDialog:
    """Ask before removing ``exercise`` (keeping it is suggested); answers "remove" or "keep"."""
    # Imported when first asked: most visits to the tab never remove an exercise.
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    return ChoiceDialog(
        f"Remove “{exercise.title}”?",
        "Days you already ticked it stay in your history.",
        [("remove", "Remove (y)"), ("keep", "Keep it (n)")],
        suggested="keep",
        escape="keep",
        danger="remove",
        keys={"y": "remove", "n": "keep"},
    )
