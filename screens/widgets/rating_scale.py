"""A focusable rating scale (0–10 or 1–5): the number, a bar, and a word, set by keys or mouse.

Digits set the value directly; "1" then "0" within a second makes 10. Left/right (or -/+)
step it; Backspace/Delete clears it back to "not set", so an optional rating can stay empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from sciatica_tui.screens.host import clock

TEN_WINDOW_SECONDS = 1.0  # "1" then "0" within this long makes 10

PAIN_WORDS: dict[int, str] = {
    0: "none",
    **dict.fromkeys(range(1, 4), "mild"),
    **dict.fromkeys(range(4, 7), "moderate"),
    **dict.fromkeys(range(7, 10), "severe"),
    10: "worst",
}


def digit_value(digit: int, previous_digit: int | None, seconds_since: float, high: int) -> int:
    """The value a digit key sets: "0" soon after "1" makes 10 on a scale that reaches 10."""
    if digit == 0 and previous_digit == 1 and seconds_since <= TEN_WINDOW_SECONDS and high >= 10:
        return 10
    return digit


class RatingScale(Widget, can_focus=True):
    """A whole-number rating from ``low`` to ``high`` that may also be "not set"."""

    DEFAULT_CSS = """
    RatingScale {
        text-wrap: nowrap;
        width: auto;
        height: 1;
        min-width: 20;
        padding: 0 1 0 0;
        &:focus {
            background: $block-cursor-blurred-background;
            text-style: bold;
        }
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
        Binding("backspace,delete", "clear", "Clear", show=False),
        *(Binding(str(d), f"digit({d})", f"Set {d}", show=False) for d in range(10)),
    ]

    value: reactive[int | None] = reactive(None)
    """The rating, or None when not set."""

    @dataclass
    class Changed(Message):
        """The person changed the rating."""

        scale: RatingScale
        value: int | None

        @property
        def control(self) -> RatingScale:
            """The scale that changed (for ``@on(..., selector)``)."""
            return self.scale

    def __init__(
        self,
        low: int = 0,
        high: int = 10,
        words: Mapping[int, str] | None = None,
        *,
        value: int | None = None,
        id: str | None = None,  # noqa: A002 (Textual's own name)
        classes: str | None = None,
    ) -> None:
        """A scale from ``low`` to ``high``; ``words`` name some values ("severe")."""
        super().__init__(id=id, classes=classes)
        self.low = low
        self.high = high
        self.words = dict(words or {})
        self._last_digit: int | None = None
        self._last_digit_at = 0.0
        self.set_reactive(RatingScale.value, value)

    # --- what it shows -------------------------------------------------------------------

    @property
    def _number_width(self) -> int:
        return len(str(self.high))

    @property
    def _bar_start(self) -> int:
        """Cells before the bar: the focus mark, then "7/10 "."""
        return 2 + self._number_width + 1 + len(str(self.high)) + 1

    def render(self) -> Text:
        """ "› 7/10 ███████░░░ severe" (the mark shows focus without colour)."""
        value = self.value
        number = "–" if value is None else str(value)
        text = Text("› " if self.has_focus else "  ")
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

    def action_digit(self, digit: int) -> None:
        """Set the value to a digit (or 10, for "1" then "0" in quick succession)."""
        now = clock(self).monotonic()
        value = digit_value(digit, self._last_digit, now - self._last_digit_at, self.high)
        self._last_digit, self._last_digit_at = digit, now
        if not self.low <= value <= self.high:
            self.app.bell()
            self.notify(
                f"This scale goes from {self.low} to {self.high}.", severity="warning", timeout=3
            )
            return
        self.set_value(value)

    def action_step(self, delta: int) -> None:
        """One step up or down. From "not set", either way lands on the low end: a stray
        left arrow must never record the worst pain."""
        self._last_digit = None
        if self.value is None:
            self.set_value(self.low)
        else:
            self.set_value(self.value + delta)

    def action_clear(self) -> None:
        """Back to "not set"."""
        self._last_digit = None
        self.set_value(None)

    def on_click(self, event: events.Click) -> None:
        """A click on the bar sets the value under the pointer; left of the bar, the lowest."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        cell = offset.x - self._bar_start
        if cell < self.high:
            self.set_value(self.low if cell < 0 else cell + 1)

    def on_focus(self) -> None:
        """Show the focus mark."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the focus mark; a "1" typed before leaving no longer waits for a "0"."""
        self._last_digit = None
        self.refresh()
