"""A one-line, keyboard-first choice among a few named options, which may be left unset.

Left/right step round the options and "not set" (from "not set", Left gives the last);
a letter picks the next option starting with it; digits pick by position when ``digits``
is on (0 = first); Backspace/Delete clears. A click on ◀ or ▶ steps; a click on the name
steps forward. The keys and the focus look come from ``SteppedInput``.

With ``advances`` on, a key that picks one option outright (a digit by place, or a letter
only one option starts with) also moves the cursor to the next field, as a person filling
in a form moves on once a choice is made; the arrows and a letter shared by several options
stay, so stepping round and cycling still work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.reactive import reactive

from sciatica_tui.screens.widgets.stepped_input import (
    CLEAR_BINDING,
    SteppedChanged,
    SteppedInput,
)

DIGITS = frozenset("0123456789")

NOT_SET = "not set"


class ChoiceSelector(SteppedInput[str | None]):
    """Choose one of ``options`` (value, label) or none."""

    DEFAULT_CSS = """
    ChoiceSelector > .choice-selector--arrow { color: $text-muted; }
    ChoiceSelector > .choice-selector--unset { color: $text-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-selector--arrow",
        "choice-selector--unset",
    }

    BINDINGS: ClassVar[list[BindingType]] = [CLEAR_BINDING]  # and the base's arrows, digits

    value: reactive[str | None] = reactive(None)
    """The chosen option's value, or None when not set."""

    class Changed(SteppedChanged[str | None]):
        """The person chose another option (``value`` is None when they cleared it)."""

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        *,
        digits: bool = False,
        advances: bool = False,
        value: str | None = None,
        caption: str = "",
        caption_width: int = 0,
        id: str | None = None,  # noqa: A002 (Textual's own name)
        classes: str | None = None,
    ) -> None:
        """``options`` are (value, label) pairs in order; ``digits`` lets 0–9 pick by place;
        ``advances`` moves on to the next field after a pick by key; a ``caption`` goes
        before it, as ``SteppedInput`` says."""
        super().__init__(caption=caption, caption_width=caption_width, id=id, classes=classes)
        self.options = list(options)
        self.digits = digits
        self.advances = advances
        self.set_reactive(ChoiceSelector.value, value)

    @property
    def values(self) -> list[str]:
        """The option values, in order."""
        return [value for value, _label in self.options]

    @property
    def label(self) -> str:
        """The chosen option's label, or "not set"."""
        return dict(self.options).get(self.value or "", NOT_SET)

    def render(self) -> Text:
        """ "Pain down to  › ◀ Thigh ▶" (a caption, then the focus mark)."""
        arrow = self.get_component_rich_style("choice-selector--arrow")
        text = self.line_start()
        text.append("◀ ", arrow)
        if self.value is None:
            text.append(NOT_SET, self.get_component_rich_style("choice-selector--unset"))
        else:
            text.append(self.label)
        text.append(" ▶", arrow)
        return text

    def get_content_width(self, container: object, viewport: object) -> int:
        """Wide enough for the longest label, so the arrows never jump."""
        longest = max(len(label) for _v, label in [*self.options, ("", NOT_SET)])
        return self.caption_width + 2 + 2 + longest + 2

    def set_value(self, value: str | None) -> None:
        """Choose as the person did, and say so with ``Changed``."""
        if value is not None and value not in self.values:
            raise ValueError(f"{value!r} is not one of the options")
        self.value = value
        self.post_message(self.Changed(self, value))

    def step(self, delta: int) -> None:
        """The next or previous option; past either end, back to "not set". From "not set",
        Right gives the first option and Left the last, as the circle "not set", first …
        last, "not set" goes (issue 15: Left and Right must behave alike)."""
        places: list[str | None] = [None, *self.values]
        index = places.index(self.value) if self.value in places else 0
        self.set_value(places[(index + delta) % len(places)])

    def clear(self) -> None:
        """Back to "not set"."""
        self.set_value(None)

    @property
    def takes_digits(self) -> bool:
        """Digits pick by place only when ``digits`` is on; else they are letters."""
        return self.digits

    def takes_number(self, number: int) -> bool:
        """The place of an option (0 is the first)."""
        return number < len(self.options)

    def number_typed(self, number: int) -> None:
        """Choose the option at that place."""
        self.set_value(self.values[number])
        self._move_on()

    def number_refused(self, number: int) -> bool:
        """No option there: the key is not this selector's."""
        return False

    def on_key(self, event: events.Key) -> None:
        """A letter picks the next option starting with it (a digit too, unless digits pick
        by place: then the digit keys do)."""
        character = event.character
        if not character or not character.isprintable() or character == " ":
            return
        if self.digits and character in DIGITS:
            return
        matches = [v for v, label in self.options if label.lower().startswith(character.lower())]
        if not matches:
            return
        event.stop()
        event.prevent_default()
        following = matches.index(self.value) + 1 if self.value in matches else 0
        self.set_value(matches[following % len(matches)])
        if len(matches) == 1:
            self._move_on()

    def _move_on(self) -> None:
        # The screen's focus, not ``has_focus``: in a burst of keys, the digit that picks can
        # come before this input's Focus event, which is what sets ``has_focus``.
        if self.advances and self.screen.focused is self:
            self.screen.focus_next()

    def on_click(self, event: events.Click) -> None:
        """◀ steps back; anything else but the caption steps forward."""
        offset = event.get_content_offset(self)
        if offset is None or self.in_caption(offset.x):
            return
        self.action_step(-1 if offset.x < self.caption_width + 4 else 1)
