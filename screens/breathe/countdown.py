"""The breathing countdown in digits big enough to read from across a room.

Each digit is drawn on a grid 3 cells wide and 5 tall, every cell two columns of full blocks
(a terminal cell is about twice as tall as it is wide, so the cells come out square). Where
there is room the grid grows whole times over: 5 rows at 80x24, 10 at 120x40, more on larger
screens. The shapes need no colour; a terminal too small for 5 rows gets the plain digit.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

GLYPH_ROWS = 5
GLYPH_CELLS = 3
CELL_WIDTH = 2  # columns for one cell of the grid, at scale 1
BLOCK = "█"

# "#" marks a filled cell.
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
}


def drawing_width(text: str, scale: int) -> int:
    """Columns the drawing of ``text`` takes at ``scale`` (a gap of one cell between digits)."""
    if not text:
        return 0
    cell = CELL_WIDTH * scale
    return len(text) * GLYPH_CELLS * cell + (len(text) - 1) * cell


def big_digits(text: str, scale: int) -> list[str]:
    """``text`` (digits) drawn ``GLYPH_ROWS * scale`` rows tall; a character with no drawing
    is left blank."""
    cell = CELL_WIDTH * scale
    blank = (" " * GLYPH_CELLS,) * GLYPH_ROWS
    rows: list[str] = []
    for glyph_row in range(GLYPH_ROWS):
        parts = [
            "".join(BLOCK * cell if mark == "#" else " " * cell for mark in glyph[glyph_row])
            for glyph in (GLYPHS.get(char, blank) for char in text)
        ]
        rows += [(" " * cell).join(parts)] * scale
    return rows


def largest_scale(text: str, width: int, height: int) -> int:
    """The largest scale at which ``text`` fits ``width`` x ``height`` (0: not even 1)."""
    scale = 0
    while GLYPH_ROWS * (scale + 1) <= height and drawing_width(text, scale + 1) <= width:
        scale += 1
    return scale


class BigCountdown(Widget):
    """The count, drawn at ``scale`` (set by the box from the room it has) and centred; the
    plain digit at scale 0."""

    DEFAULT_CSS = """
    BigCountdown {
        width: 1fr;
        height: auto;
    }
    """

    # A new count only repaints (its height depends on the scale alone): a layout on every
    # second would delay the redraw the breathing timing depends on.
    value: reactive[str] = reactive("")
    scale: reactive[int] = reactive(1, layout=True)

    def lines(self) -> list[str]:
        """The rows of the drawing (the plain digit at scale 0)."""
        if self.scale < 1:
            return [self.value]
        return big_digits(self.value, self.scale)

    def render_line(self, y: int) -> Strip:
        """Row ``y``, the drawing centred as one block (every row is as wide as the widest)."""
        width = self.size.width
        lines = self.lines()
        if y >= len(lines):
            return Strip.blank(width, self.rich_style)
        drawing = max(len(line) for line in lines)
        left = max(0, (width - drawing) // 2)
        row = (" " * left + lines[y].ljust(drawing)).ljust(width)[:width]
        # Blocks and gaps as separate runs, the gaps never bold: a screenshot (SVG) then
        # places each run of blocks at its own column.
        gap = self.rich_style + Style(bold=False)
        runs = [
            Segment(run, gap if run[0] == " " else self.rich_style)
            for run in re.findall(r" +|[^ ]+", row)
        ]
        return Strip(runs, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the drawing (one row for the plain digit)."""
        return GLYPH_ROWS * self.scale if self.scale >= 1 else 1
