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
from sciatica_tui.domain.words import plural
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce
from sciatica_tui.screens.rehab.checklist import hanging

FOLLOW_OPTION = "follow"


def phase_status(where: TimelinePosition, override: int | None) -> str:
    """Why this phase is shown: the suggestion, or the person's own choice (short)."""
    suggested = where.phase
    if suggested is None:
        return "no suggestion yet: set your onset date (ctrl+p)"
    if override is None:
        return "★ suggested"
    if override == suggested:
        return "your choice, also ★ suggested"
    return f"your choice (suggested: {suggested})"


def weeks_counted(where: TimelinePosition, weeks: int) -> str:
    """What the suggestion is based on: "8 weeks since onset"."""
    return f"{plural(weeks, 'week')} since {where.phase_counted_from}"


def phase_line(
    phase: RehabPhase,
    where: TimelinePosition,
    override: int | None,
    *,
    weeks: int | None,
    roomy: bool,
) -> Text:
    """The phase shown, why (``weeks`` since the suggestion's start, when known), and the key
    that changes it."""
    line = Text()
    # "of 3" only where there is room: on 80 columns the line must fit on one row.
    of_three = " of 3" if roomy else ""
    line.append(f"Phase {phase.number}{of_three} · weeks {phase.weeks} · {phase.title}", "bold")
    line.append(f" · {phase_status(where, override)}")
    if roomy and weeks is not None:
        line.append(f" ({weeks_counted(where, weeks)})")
    line.append(" · p: change")
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
            text.append(f"Phase {phase.number} · weeks {phase.weeks} · {phase.title}", "bold")
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
