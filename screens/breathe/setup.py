"""The first view of the Breathe tab: the count and length to breathe at, what that makes,
the Start button, and the history of past sessions."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.breathing import (
    COUNT_CHOICES,
    DEFAULT_COUNT,
    DEFAULT_MINUTES,
    MINUTE_CHOICES,
    BreathingSchedule,
    duration_words,
)
from sciatica_tui.domain.records import Settings
from sciatica_tui.domain.words import plural
from sciatica_tui.screens.breathe.choice_row import ChoiceRow
from sciatica_tui.screens.dialogs.learn_more import topic_pointer


class BreathingSetup(VerticalScroll):
    """Choose the seconds per side and the minutes; the real length follows each change."""

    def __init__(self) -> None:
        """The view the tab starts on."""
        super().__init__(id="breathe-setup", can_focus=False)

    def compose(self) -> ComposeResult:
        """Why it helps, the two rows, the plan, Start and the motion line, the history."""
        yield Static("Box breathing", classes="title")
        yield Static(content.breathing().why, classes="intro")
        yield Static(topic_pointer("breathe"), classes="breathe-learn")
        yield Static("", id="steps-line")
        yield ChoiceRow(
            "Seconds per side", COUNT_CHOICES, DEFAULT_COUNT, unit="seconds", id="breathe-count"
        )
        yield ChoiceRow(
            "Length", MINUTE_CHOICES, DEFAULT_MINUTES, unit="minutes", id="breathe-minutes"
        )
        yield Static("", id="real-length")
        with Horizontal(id="start-row"):
            yield Button("Start", variant="primary", compact=True, id="breathe-start")
            yield Static("", id="motion-line")
        yield Static("Your breathing", classes="heading")
        yield Static("", id="breathe-history")

    @property
    def count(self) -> int:
        """The seconds per side chosen."""
        return self.query_one("#breathe-count", ChoiceRow).value

    @property
    def minutes(self) -> int:
        """The length chosen, in minutes."""
        return self.query_one("#breathe-minutes", ChoiceRow).value

    def schedule(self) -> BreathingSchedule:
        """The session the rows describe."""
        return BreathingSchedule.planned(self.minutes, self.count)

    def show_choices(self, settings: Settings) -> None:
        """The remembered count and length (the defaults for any no longer offered)."""
        self.query_one("#breathe-count", ChoiceRow).value = _offered(
            settings.breathing_count, COUNT_CHOICES, DEFAULT_COUNT
        )
        self.query_one("#breathe-minutes", ChoiceRow).value = _offered(
            settings.breathing_minutes, MINUTE_CHOICES, DEFAULT_MINUTES
        )

    @on(ChoiceRow.Changed)
    def _choice_changed(self) -> None:
        self.show_plan()

    def show_plan(self) -> None:
        """The steps at the count chosen, and how long the session really is."""
        count = self.count
        schedule = self.schedule()
        steps = " · ".join(f"{step.word} {count}" for step in content.breathing().steps)
        self.query_one("#steps-line", Static).update(f"Round the box: {steps}.")
        self.query_one("#real-length", Static).update(
            f"{plural(schedule.cycles, 'round')} of {schedule.cycle_seconds} s: "
            f"{duration_words(schedule.total_seconds)} "
            "(a session always ends on a full breath)."
        )

    def show_motion(self, still: bool) -> None:
        """Whether the box moves, and the key that changes it."""
        self.query_one("#motion-line", Static).update(
            "Reduced motion: on (the box stays still). M turns it off."
            if still
            else "The marker moves round the box. M keeps it still."
        )

    def show_history(self, words: str) -> None:
        """The past sessions, in words."""
        self.query_one("#breathe-history", Static).update(words)


def _offered(value: int, options: tuple[int, ...], default: int) -> int:
    return value if value in options else default
