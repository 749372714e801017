"""The rehab phase: the line at the top of the Rehab tab that says which phase is shown and
why, and the dialog that chooses one (or follows the suggestion)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sciatica_tui.domain.content_schema import RehabPhase
from sciatica_tui.domain.timeline import TimelinePosition
from sciatica_tui.domain.timeline_words import (
    counted_from_surgery,
    phase_name,
    phase_weeks_since,
    phase_with_weeks,
)
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce
from sciatica_tui.screens.rehab.checklist import hanging

FOLLOW_OPTION = "follow"


def phase_status(where: TimelinePosition, override: int | None) -> str:
    """Why this phase is shown: the suggestion, or the person's own choice (short), and
    "counted from surgery" whenever the suggestion is."""
    suggested = where.phase
    if suggested is None:
        return "no suggestion yet: set your onset date (ctrl+p)"
    counted = counted_from_surgery(where)
    if override is None:
        status = "★ suggested"
    elif override == suggested:
        status = "your choice, also ★ suggested"
    else:
        status = f"your choice (suggested: {suggested})"
    return f"{status}, {counted}" if counted else status


def phase_line(
    phase: RehabPhase,
    where: TimelinePosition,
    override: int | None,
    *,
    width: int,
    roomy: bool,
) -> Text:
    """The phase shown, why, and the key that changes it, on one line of ``width``
    columns: the title, then the weeks the suggestion counts on ("6 weeks since onset",
    only where there is ``roomy`` height) are left out when they do not fit."""
    counted_on = phase_weeks_since(where) if roomy else None
    title = f"{phase_with_weeks(phase.number)} · {phase.title}"
    choices = [
        (title, counted_on),
        (title, None),
        (phase_with_weeks(phase.number), None),
        (phase_name(phase.number), None),
    ]
    status = phase_status(where, override)
    for heading, counted in choices:
        rest = f" · {status}" + (f" · {counted}" if counted else "") + " · p: change"
        if len(heading) + len(rest) <= width:
            break
    line = Text()
    line.append(heading, "bold")
    line.append(rest)
    return line


@dataclass(frozen=True)
class PhaseChoice:
    """The phase picked in the dialog; ``phase`` None means "follow the suggestion"."""

    phase: int | None


class PhaseDialog(DismissOnce[PhaseChoice | None]):
    """The three phases with their weeks and goals; pick one or follow the suggestion."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without changing the phase."),
    ]

    def __init__(self, phases: Sequence[RehabPhase], suggested: int | None, override: int | None):
        """``override`` is the person's current choice (None: following the suggestion)."""
        super().__init__()
        self.phases = phases
        self.suggested = suggested
        self.override = override

    def compose(self) -> ComposeResult:
        """A list: follow the suggestion, then each phase."""
        with Vertical(id="phase-box", classes="rehab-dialog"):
            yield Static("Choose your rehab phase", classes="title")
            yield Static(
                "Your physical therapist decides when you are ready for the next phase.",
                classes="hint",
            )
            yield OptionList(*self._options(), id="phase-options", compact=True)
            yield Static("Enter or click: choose · Escape: cancel", classes="hint")

    def _options(self) -> list[Option]:
        def mark(chosen: bool) -> str:
            return "●" if chosen else "○"

        follow = Text()
        follow.append("Follow the suggestion", style="bold")
        follow.append(
            f" (phase {self.suggested} now)"
            if self.suggested is not None
            else " (set your onset date to get one; until then phase 1)"
        )
        options = [Option(hanging(mark(self.override is None), follow, width=1), id=FOLLOW_OPTION)]
        for phase in self.phases:
            text = Text()
            text.append(f"{phase_with_weeks(phase.number)} · {phase.title}", "bold")
            if phase.number == self.suggested:
                text.append("  ★ suggested")
            text.append(f"\nGoal: {phase.goal}")
            option = hanging(mark(self.override == phase.number), text, width=1)
            options.append(Option(option, id=str(phase.number)))
        return options

    def on_mount(self) -> None:
        """Put the cursor on the current choice."""
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.override is None else self.override
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        picked = event.option.id
        self.dismiss(PhaseChoice(None if picked == FOLLOW_OPTION else int(picked or 1)))
