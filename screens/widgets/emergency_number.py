"""The field that chooses the emergency number the red-flag advice names (on the first-run
note, and in the dialog the command palette opens)."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from sciatica_tui.domain.emergency_number import (
    NUMBER_CHOICES,
    OTHER,
    BadNumber,
    check_phone_number,
    choice_of,
)
from sciatica_tui.domain.records import Settings
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.focus import focus_now

CHOICES: tuple[tuple[str, str], ...] = (
    *((choice.id, choice.label) for choice in NUMBER_CHOICES),
    (OTHER, "Another number (type it)"),
)
HOW_TO_CHOOSE = "← → to choose (or the first digit), then Tab."

Numbers = tuple[str | None, str | None]


class EmergencyNumberField(Vertical):
    """A ready-made number (999, 112, 911 …) or one typed; checked when read."""

    def __init__(
        self,
        settings: Settings,
        *,
        with_hint: bool = True,
        id: str | None = None,  # noqa: A002 (Textual's name)
    ) -> None:
        """Shows the numbers ``settings`` hold (none: not chosen); ``with_hint`` adds a
        line on how to choose (left out where the label says it)."""
        super().__init__(id=id, classes="emergency-number-field")
        self.settings = settings
        self.with_hint = with_hint

    def compose(self) -> ComposeResult:
        """The choice, the box for a typed number (shown for "Another number") and its
        problem line."""
        chosen = choice_of(self.settings)
        typed = self.settings.emergency_number if chosen == OTHER else ""
        with Horizontal(classes="number-row"):
            yield ChoiceSelector(CHOICES, value=chosen, id="number-choice")
            yield Input(typed or "", placeholder="e.g. 999", compact=True, id="number-typed")
        if self.with_hint:
            yield Static(HOW_TO_CHOOSE, classes="number-hint")
        yield Static("", id="number-error", classes="field-error")

    def on_mount(self) -> None:
        """The box for a typed number shows only when it is needed."""
        self.query_one("#number-typed").display = choice_of(self.settings) == OTHER

    @on(ChoiceSelector.Changed, "#number-choice")
    def _chosen(self, event: ChoiceSelector.Changed) -> None:
        typed = self.query_one("#number-typed", Input)
        typed.display = event.value == OTHER
        self._say("")

    @on(Input.Changed, "#number-typed")
    def _typing(self) -> None:
        self._say("")

    def _say(self, problem: str) -> None:
        error = self.query_one("#number-error", Static)
        error.update(Content(f"⚠ {problem}") if problem else "")
        error.display = bool(problem)

    def read(self) -> Numbers | None:
        """(emergency number, urgent-advice number) as chosen, (None, None) for none, or
        None after saying what is wrong with a typed number (nothing typed is lost)."""
        chosen = self.query_one("#number-choice", ChoiceSelector).value
        if chosen is None:
            return None, None
        if chosen != OTHER:
            found = next(choice for choice in NUMBER_CHOICES if choice.id == chosen)
            return found.emergency, found.urgent
        typed = self.query_one("#number-typed", Input)
        try:
            return check_phone_number(typed.value), None
        except BadNumber as problem:
            self._say(str(problem))
            focus_now(typed)
            return None


def with_numbers(settings: Settings, numbers: Numbers) -> Settings:
    """``settings`` naming these numbers."""
    emergency, urgent = numbers
    return replace(settings, emergency_number=emergency, urgent_number=urgent)
