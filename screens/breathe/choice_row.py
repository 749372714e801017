"""``ChoiceRow``: one of a few numbers in a row (the count, the length), on ``SteppedInput``.

Left/right (or -/+) move along the row and stop at its ends; a digit jumps to that number
("1" then "0" within a second makes 10); up and down leave for the row above or below. A row
always holds a number, so there is nothing to clear.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from sciatica_tui.screens.widgets.stepped_input import SteppedChanged, SteppedInput


class ChoiceRow(SteppedInput[int]):
    """Pick one of a few numbers: left/right to move, a digit to jump, or a click.

    The chosen number is shown in brackets as well as highlighted, so it reads without colour.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,plus", "step(1)", "Next choice", show=False),
        Binding("left,minus", "step(-1)", "Previous choice", show=False),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-row--chosen", "choice-row--hint"}

    value: reactive[int] = reactive(0)
    """The chosen number."""

    class Changed(SteppedChanged[int]):
        """The person picked another number."""

    def __init__(
        self,
        label: str,
        options: tuple[int, ...],
        value: int,
        *,
        unit: str,
        id: str | None = None,  # noqa: A002 (Textual's own name)
    ) -> None:
        """A row named ``label`` offering ``options`` (each shown with ``unit``)."""
        super().__init__(id=id)
        self.label = label
        self.options = options
        self.unit = unit
        self._spans: list[tuple[int, int, int]] = []
        self.set_reactive(ChoiceRow.value, value if value in options else options[0])

    def render(self) -> Text:
        """ "› Seconds per side   3  [4]  5   6  seconds"."""
        text = self.line_start()
        text.append(f"{self.label:<18}")
        chosen = self.get_component_rich_style("choice-row--chosen")
        self._spans = []
        for option in self.options:
            start = len(text)
            if option == self.value:
                text.append(f"[{option}]", chosen)
            else:
                text.append(f" {option} ")
            self._spans.append((start, len(text), option))
            text.append(" ")
        text.append(f" {self.unit}", self.get_component_rich_style("choice-row--hint"))
        return text

    def set_value(self, value: int) -> None:
        """Pick ``value`` as the person did, and say so with ``Changed`` (if it is new)."""
        if value in self.options and value != self.value:
            self.value = value
            self.post_message(self.Changed(self, value))

    def step(self, delta: int) -> None:
        """The next or previous number (stopping at the ends)."""
        index = self.options.index(self.value) + delta
        if 0 <= index < len(self.options):
            self.set_value(self.options[index])

    def takes_number(self, number: int) -> bool:
        """One of the numbers in the row."""
        return number in self.options

    def number_typed(self, number: int) -> None:
        """Pick the number typed."""
        self.set_value(number)

    def on_click(self, event: events.Click) -> None:
        """A click on a number picks it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, option in self._spans:
            if start <= offset.x < end:
                self.set_value(option)
