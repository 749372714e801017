"""The small drawing of the lower back and leg that shows how far down the pain reaches.

The drawing is text, seen from behind (the person's left leg on the left): each line
belongs to one body region, top to bottom. Regions the pain reaches are filled with a shade
and marked with a dot beside their name, so the drawing says the same thing without colour.
Below the lower back only the painful side is shaded when one side is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_tui.domain.records import Reach, Side

PAINFUL_FILL = "▒"
PAINFUL_MARK = "●"

MIDDLE_COLUMN = 6  # the spine: cells left of it are the left side, right of it the right

# (region, art): "." marks a cell inside the body, shaded when the region hurts.
_ART: tuple[tuple[Reach, str], ...] = (
    (Reach.LOWER_BACK, " ╭────┬────╮ "),
    (Reach.LOWER_BACK, " │....┃....│ "),
    (Reach.BUTTOCK, "╭┴────┸────┴╮"),
    (Reach.BUTTOCK, "│.....│.....│"),
    (Reach.BUTTOCK, "╰┬...╭┴╮...┬╯"),
    (Reach.THIGH, " │...│ │...│ "),
    (Reach.THIGH, " │...│ │...│ "),
    (Reach.BELOW_KNEE, " ├───┤ ├───┤ "),
    (Reach.BELOW_KNEE, " │...│ │...│ "),
    (Reach.FOOT, "╭╯...│ │...╰╮"),
    (Reach.FOOT, "╰────╯ ╰────╯"),
)

# The words for a reach level in a short table cell.
REACH_SHORT: dict[Reach, str] = {
    Reach.NONE: "no pain",
    Reach.LOWER_BACK: "low back",
    Reach.BUTTOCK: "buttock",
    Reach.THIGH: "thigh",
    Reach.BELOW_KNEE: "below knee",
    Reach.FOOT: "foot",
}


@dataclass(frozen=True)
class BodyLine:
    """One line of the drawing: the art, its region, the region's name (on its first line
    only) and whether the pain reaches it."""

    art: str
    region: Reach
    label: str
    painful: bool


def is_painful(region: Reach, reach: Reach | None) -> bool:
    """True when pain that reaches ``reach`` covers ``region`` (everything above it too)."""
    return reach is not None and 0 < region.rank <= reach.rank


def _shade(art: str, region: Reach, painful: bool, side: Side | None) -> str:
    """Fill the inside cells of one line: shaded where it hurts, blank elsewhere."""
    cells = []
    for column, cell in enumerate(art):
        if cell != ".":
            cells.append(cell)
            continue
        on_side = (
            region is Reach.LOWER_BACK
            or side in (None, Side.BOTH)
            or (side is Side.LEFT and column < MIDDLE_COLUMN)
            or (side is Side.RIGHT and column > MIDDLE_COLUMN)
        )
        cells.append(PAINFUL_FILL if painful and on_side else " ")
    return "".join(cells)


def body_map(reach: Reach | None, side: Side | None = None) -> list[BodyLine]:
    """The drawing for a day whose pain reaches ``reach`` (``None``: not said yet), in the
    ``side`` leg (``None`` or both: shade both legs)."""
    lines: list[BodyLine] = []
    named: set[Reach] = set()
    for region, art in _ART:
        painful = is_painful(region, reach)
        label = "" if region in named else region.label
        named.add(region)
        lines.append(
            BodyLine(
                art=_shade(art, region, painful, side),
                region=region,
                label=label,
                painful=painful,
            )
        )
    return lines


_REACH_SENTENCES: dict[Reach, str] = {
    Reach.NONE: "No pain in the back or leg.",
    Reach.LOWER_BACK: "Pain stays in the lower back.",
    Reach.BUTTOCK: "Pain reaches down to the buttock.",
    Reach.THIGH: "Pain reaches down into the thigh.",
    Reach.BELOW_KNEE: "Pain reaches down below the knee.",
    Reach.FOOT: "Pain reaches all the way to the foot.",
}


def reach_sentence(reach: Reach | None) -> str:
    """How far the pain reaches, said in words."""
    if reach is None:
        return "How far down does the pain go? Not set yet."
    return _REACH_SENTENCES[reach]
