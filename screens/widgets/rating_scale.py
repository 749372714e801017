"""A focusable rating scale (0–10 or 1–5): the number, a bar, and a word, set by keys or mouse.

Digits set the value directly; "1" then "0" within a second makes 10. Left/right (or -/+)
step it; Backspace/Delete clears it back to "not set", so an optional rating can stay empty.
The keys and the focus look come from ``SteppedInput``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from sciatica_tui.screens.widgets.stepped_input import (
    CLEAR_BINDING,
    SteppedChanged,
    SteppedInput,
)

PAIN_WORDS: dict[int, str] = {
    0: "none",
    **dict.fromkeys(range(1, 4), "mild"),
    **dict.fromkeys(range(4, 7), "moderate"),
    **dict.fromkeys(range(7, 10), "severe"),
    10: "worst",
}


class RatingScale(SteppedInput[int | None]):
    """A whole-number rating from ``low`` to ``high`` that may also be "not set"."""

    DEFAULT_CSS = """
    RatingScale {
        min-width: 20;
    }
    RatingScale > .rating-scale--filled { color: $primary; }
    RatingScale > .rating-scale--empty { color: $text-muted; }
    RatingScale > .rating-scale--word { color: $text-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rating-scale--filled",
        "rating-scale--empty",
        "rating-scale--word",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,plus,equals_sign", "step(1)", "Up one", show=False),
        Binding("left,minus", "step(-1)", "Down one", show=False),
        CLEAR_BINDING,
    ]

    value: reactive[int | None] = reactive(None)
    """The rating, or None when not set."""

    class Changed(SteppedChanged[int | None]):
        """The person changed the rating (``value`` is None when they cleared it)."""

    def __init__(
        self,
        low: int = 0,
        high: int = 10,
        words: Mapping[int, str] | None = None,
        *,
        value: int | None = None,
        caption: str = "",
        caption_width: int = 0,
        id: str | None = None,  # noqa: A002 (Textual's own name)
        classes: str | None = None,
    ) -> None:
        """A scale from ``low`` to ``high``; ``words`` name some values ("severe"); a
        ``caption`` goes before it, as ``SteppedInput`` says."""
        super().__init__(caption=caption, caption_width=caption_width, id=id, classes=classes)
        self.low = low
        self.high = high
        self.words = dict(words or {})
        self.set_reactive(RatingScale.value, value)

    # --- what it shows -------------------------------------------------------------------

    @property
    def _number_width(self) -> int:
        return len(str(self.high))

    @property
    def _bar_start(self) -> int:
        """Cells before the bar: the caption, the focus mark, then "7/10 "."""
        return self.caption_width + 2 + self._number_width + 1 + len(str(self.high)) + 1

    def render(self) -> Text:
        """ "Leg pain      › 7/10 ███████░░░ severe" (a caption, then the focus mark)."""
        value = self.value
        number = "–" if value is None else str(value)
        text = self.line_start()
        text.append(f"{number:>{self._number_width}}/{self.high} ")
        filled = 0 if value is None else value
        text.append("█" * filled, self.get_component_rich_style("rating-scale--filled"))
        text.append(
            "░" * (self.high - filled), self.get_component_rich_style("rating-scale--empty")
        )
        word = "not set" if value is None else self.words.get(value, "")
        if word:
            text.append(f" {word}", self.get_component_rich_style("rating-scale--word"))
        return text

    def get_content_width(self, container: object, viewport: object) -> int:
        """Wide enough for the longest word, so the bar never moves."""
        longest = max((len(w) for w in [*self.words.values(), "not set"]), default=0)
        return self._bar_start + self.high + 1 + longest

    # --- changing it ---------------------------------------------------------------------

    def set_value(self, value: int | None) -> None:
        """Set the rating as the person did, and say so with ``Changed``."""
        if value is not None:
            value = max(self.low, min(self.high, value))
        self.value = value
        self.post_message(self.Changed(self, value))

    def step(self, delta: int) -> None:
        """One step up or down. From "not set", either way lands on the low end: a stray
        left arrow must never record the worst pain."""
        if self.value is None:
            self.set_value(self.low)
        else:
            self.set_value(self.value + delta)

    def clear(self) -> None:
        """Back to "not set"."""
        self.set_value(None)

    def takes_number(self, number: int) -> bool:
        """Any whole number on the scale ("1" then "0" makes 10 only on a scale to 10)."""
        return self.low <= number <= self.high

    def number_typed(self, number: int) -> None:
        """The rating is the number typed."""
        self.set_value(number)

    def number_refused(self, number: int) -> bool:
        """Off the scale: ring, and say what the scale is."""
        super().number_refused(number)
        self.notify(
            f"This scale goes from {self.low} to {self.high}.", severity="warning", timeout=3
        )
        return True

    def on_click(self, event: events.Click) -> None:
        """A click on the bar sets the value under the pointer; left of the bar, the lowest;
        on the caption, nothing."""
        offset = event.get_content_offset(self)
        if offset is None or self.in_caption(offset.x):
            return
        cell = offset.x - self._bar_start
        if cell < self.high:
            self.set_value(self.low if cell < 0 else cell + 1)
