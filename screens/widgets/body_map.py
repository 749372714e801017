"""The drawing of the lower back and legs, shaded down to where the pain reaches."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from sciatica_tui.domain.body_map import PAINFUL_MARK, body_map
from sciatica_tui.domain.records import Reach, Side


class BodyMap(Widget):
    """Back view of the lower body; painful regions are shaded, dotted and named."""

    DEFAULT_CSS = """
    BodyMap {
        text-wrap: nowrap;
        width: auto;
        height: auto;
    }
    BodyMap > .body-map--painful { color: $warning; text-style: bold; }
    BodyMap > .body-map--calm { color: $text-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"body-map--painful", "body-map--calm"}

    reach: reactive[Reach | None] = reactive(None, layout=True)
    """How far down the pain reaches (None: not said yet)."""

    side: reactive[Side | None] = reactive(None)
    """Which leg hurts (None or both: both legs are shaded)."""

    def render(self) -> Text:
        """The drawing and which leg is which (the reach in words is shown beside it)."""
        painful = self.get_component_rich_style("body-map--painful")
        calm = self.get_component_rich_style("body-map--calm")
        text = Text()
        for line in body_map(self.reach, self.side):
            style = painful if line.painful else calm
            mark = PAINFUL_MARK if line.painful and line.label else " "
            text.append(f"{line.art} ", style)
            text.append(f"{mark} {line.label}".rstrip(), style if line.painful else "")
            text.append("\n")
        text.append(" left    right", calm)
        return text
