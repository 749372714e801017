"""``SteppedInput``: the base of the one-line inputs a person steps through with the arrows
and sets with digits (the 0–10 scales, the choices of the daily log, the Breathe tab's rows).

It owns what they share: left and right step, a digit sets the value ("1" then "0" within a
second makes 10, where 10 can be chosen), Backspace and Delete clear (in the inputs that may
be left unset and bind ``CLEAR_BINDING``), the start of the line (a caption, then the focus
mark) and the focus look. Each input says what a step, a typed number and a clear do to its
own value, draws itself, and posts its own ``Changed`` (a ``SteppedChanged``), so a handler
names the input it listens to.

Digits are key bindings, like the arrows, not read in ``on_key``: Textual runs bindings in the
order the keys came, each on the widget in focus by then, while ``on_key`` runs as soon as the
key reaches the widget. Keys typed in a burst (while the app is busy starting, say) therefore
stay in order: "7", Tab, "3" rates one field 7 and the next 3.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from sciatica_tui.screens.host import clock

ValueT = TypeVar("ValueT")

TWO_DIGITS_SECONDS = 1.0  # a digit this soon after another may make a two-digit number
# The keys that clear an input that may be left unset (its BINDINGS add this).
CLEAR_BINDING = Binding("backspace,delete", "clear", "Clear", show=False)


def typed_number(
    digit: int, previous: int | None, seconds_since: float, takes: Callable[[int], bool]
) -> int:
    """The number a digit key types: the previous digit and this one together (typed within
    ``TWO_DIGITS_SECONDS``) when ``takes`` that number, else the digit alone."""
    if previous is not None and seconds_since <= TWO_DIGITS_SECONDS:
        joined = previous * 10 + digit
        if takes(joined):
            return joined
    return digit


@dataclass
class SteppedChanged(Message, Generic[ValueT]):
    """The person changed a stepped input (each input posts its own subclass)."""

    stepped: SteppedInput[ValueT]
    value: ValueT

    @property
    def control(self) -> SteppedInput[ValueT]:
        """The input that changed (for ``@on(..., selector)``)."""
        return self.stepped


class SteppedInput(Widget, Generic[ValueT], can_focus=True):
    """A focusable one-line input stepped with left and right, and set with digits."""

    DEFAULT_CSS = """
    SteppedInput {
        text-wrap: nowrap;
        width: auto;
        height: 1;
        padding: 0 1 0 0;
        &:focus {
            background: $block-cursor-blurred-background;
            text-style: bold;
        }
    }
    SteppedInput > .stepped-input--caption { color: $text-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"stepped-input--caption"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "step(1)", "Next", show=False),
        Binding("left", "step(-1)", "Previous", show=False),
        *(Binding(str(d), f"digit({d})", f"Set {d}", show=False) for d in range(10)),
    ]

    def __init__(
        self,
        *,
        caption: str = "",
        caption_width: int = 0,
        id: str | None = None,  # noqa: A002 (Textual's own name)
        classes: str | None = None,
    ) -> None:
        """No digit typed yet. A ``caption`` (the field's name) is drawn at the start of the
        line, in a column ``caption_width`` cells wide, as a label beside the input would be:
        a form's row is then one widget rather than a label and the input in a container
        (18 fewer widgets on the first screen, issue 18 §7)."""
        super().__init__(id=id, classes=classes)
        self.caption = caption
        self.caption_width = caption_width
        self._last_digit: int | None = None
        self._last_digit_at = 0.0

    # --- what each input decides ---------------------------------------------------------

    def set_value(self, value: ValueT) -> None:
        """Set the value as the person did, and say so with ``Changed``."""
        raise NotImplementedError

    def step(self, delta: int) -> None:
        """One step up or on (+1), or down or back (-1)."""
        raise NotImplementedError

    def takes_number(self, number: int) -> bool:
        """True when digits typing ``number`` set the value by it."""
        raise NotImplementedError

    def number_typed(self, number: int) -> None:
        """Digits typed ``number``, which ``takes_number``: set the value by it."""
        raise NotImplementedError

    def number_refused(self, number: int) -> bool:
        """Digits typed ``number``, which this input does not take: ring. False leaves the
        key to the bindings of the widgets around."""
        self.app.bell()
        return True

    def clear(self) -> None:
        """Back to "not set", in an input that may be left unset (it binds ``CLEAR_BINDING``)."""
        raise NotImplementedError(f"{type(self).__name__} is never left unset")

    @property
    def takes_digits(self) -> bool:
        """True when digits set this input (a choice of named options may leave them)."""
        return True

    # --- shared ----------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """One step; a digit typed before no longer waits for another."""
        self._last_digit = None
        self.step(delta)

    def action_clear(self) -> None:
        """Back to "not set"; a digit typed before no longer waits for another."""
        self._last_digit = None
        self.clear()

    def action_digit(self, digit: int) -> None:
        """Set the value by the digit; "1" then "0" within a second makes 10 where 10 is taken."""
        now = clock(self).monotonic()
        number = typed_number(digit, self._last_digit, now - self._last_digit_at, self.takes_number)
        self._last_digit, self._last_digit_at = digit, now
        if self.takes_number(number):
            self.number_typed(number)
        elif not self.number_refused(number):
            raise SkipAction  # not this input's key: the widgets around may bind it

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The digit keys are this input's only where it ``takes_digits``; else they pass on."""
        if action == "digit":
            return self.takes_digits
        return True

    def line_start(self) -> Text:
        """The start of the line: the caption in its column, then "› " with the focus (the
        mark shows focus without colour), else blanks."""
        text = Text()
        if self.caption_width:
            text.append(f"{self.caption:<{self.caption_width}}", self._caption_style())
        text.append("› " if self.has_focus else "  ")
        return text

    def _caption_style(self) -> Style:
        """The caption looks like a label beside the input, not part of it: muted, on the
        background under the input (not the input's own look in focus), never bold."""
        under = self.background_colors[0]
        muted = self.get_component_styles("stepped-input--caption").color
        return Style(
            color=(under + muted).rich_color,
            bgcolor=under.rich_color if under.a else None,
            bold=False,
        )

    def in_caption(self, x: int) -> bool:
        """True when content column ``x`` (of a click) is on the caption, which sets nothing."""
        return x < self.caption_width

    def on_focus(self) -> None:
        """Show the focus mark."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the focus mark; a "1" typed before leaving no longer waits for a "0"."""
        self._last_digit = None
        self.refresh()
