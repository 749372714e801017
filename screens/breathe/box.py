"""The breathing box: a frame drawn with box-drawing characters and a marker going round it.

The marker climbs the left side while breathing in, crosses the top while holding, comes down
the right side while breathing out and goes back along the bottom while holding. The part of
the side already travelled is drawn heavy, so the progress shows without colour too. With
reduced motion the frame stays still and only the words and the count change.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.strip import Strip
from textual.widgets import Static

from sciatica_tui.domain import content
from sciatica_tui.domain.breathing import Moment
from sciatica_tui.domain.content_schema import BreathingPhase
from sciatica_tui.screens.breathe.countdown import BigCountdown, largest_scale

Cell = tuple[int, int]  # (x, y)

MARKER = "●"
CORNERS = {"top_left": "╭", "top_right": "╮", "bottom_left": "╰", "bottom_right": "╯"}
HORIZONTAL, VERTICAL = "─", "│"
HEAVY_HORIZONTAL, HEAVY_VERTICAL = "━", "┃"

# Rows and columns of the box that the countdown cannot have: the frame, the inside's
# margins, the phase word, the countdown's own margins and two rows for the guidance.
AROUND_COUNT_ROWS = 2 + 2 + 1 + 2 + 2
AROUND_COUNT_COLUMNS = 2 + 4


@dataclass(frozen=True)
class BoxPicture:
    """The frame as text rows, with the travelled cells and the marker cell."""

    rows: tuple[str, ...]
    trail: frozenset[Cell]
    marker: Cell | None


def side_path(phase: BreathingPhase, width: int, height: int) -> list[Cell]:
    """The cells of the side walked during ``phase``, in the order the marker visits them."""
    right, bottom = width - 1, height - 1
    if phase == "inhale":  # up the left side
        return [(0, y) for y in range(bottom, -1, -1)]
    if phase == "hold_in":  # along the top
        return [(x, 0) for x in range(width)]
    if phase == "exhale":  # down the right side
        return [(right, y) for y in range(height)]
    return [(x, bottom) for x in range(right, -1, -1)]  # back along the bottom


def box_picture(
    width: int, height: int, phase: BreathingPhase | None, progress: float
) -> BoxPicture:
    """A ``width`` x ``height`` frame; with a ``phase``, the marker ``progress`` (0-1) along
    its side and the cells behind it marked as travelled."""
    if width < 2 or height < 2:
        return BoxPicture(
            tuple(" " * max(width, 0) for _ in range(max(height, 0))), frozenset(), None
        )
    middle = " " * (width - 2)
    rows = [
        CORNERS["top_left"] + HORIZONTAL * (width - 2) + CORNERS["top_right"],
        *(VERTICAL + middle + VERTICAL for _ in range(height - 2)),
        CORNERS["bottom_left"] + HORIZONTAL * (width - 2) + CORNERS["bottom_right"],
    ]
    if phase is None:
        return BoxPicture(tuple(rows), frozenset(), None)
    path = side_path(phase, width, height)
    reached = round(min(1.0, max(0.0, progress)) * (len(path) - 1))
    return BoxPicture(tuple(rows), frozenset(path[:reached]), path[reached])


class BreathingBox(Container, can_focus=True):
    """The box with the phase word, the large countdown and a line of guidance inside it.

    It takes focus while a session runs, so Space and Escape reach the Breathe tab.
    """

    COMPONENT_CLASSES = {"breathing-box--trail", "breathing-box--marker"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """An empty, still box until ``show`` is called."""
        super().__init__(id=id)
        self.moment: Moment | None = None
        self.moving = True

    def compose(self) -> ComposeResult:
        """The phase word, the countdown in large digits, and what to do."""
        # Inset from the frame by CSS margins, so the words never cover it.
        with Vertical(id="box-inside"):
            yield Static("", id="phase-word")
            yield BigCountdown(id="countdown")
            yield Static("", id="phase-how")

    def show(self, moment: Moment, *, paused: bool, moving: bool) -> None:
        """Draw ``moment``: words and count always, the marker only when ``moving``."""
        step = content.breathing().steps[moment.step - 1]
        word = "Paused" if paused else step.word
        how = (
            f"{step.word}, {moment.countdown} s left. Press Space to carry on."
            if paused
            else step.how
        )
        self._set_text("#phase-word", word)
        self._set_text("#phase-how", how)
        self.query_one(BigCountdown).value = str(moment.countdown)
        self.set_class(paused, "-paused")
        if moment != self.moment or moving != self.moving:
            self.moment, self.moving = moment, moving
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Draw the count as large as the box has room for."""
        width, height = event.size
        room = largest_scale("0", width - AROUND_COUNT_COLUMNS, height - AROUND_COUNT_ROWS)
        self.query_one(BigCountdown).scale = room

    def _set_text(self, selector: str, text: str) -> None:
        label = self.query_one(selector, Static)
        if str(label.content) != text:
            label.update(text)

    def render_line(self, y: int) -> Strip:
        """One row of the frame (the widgets inside are drawn over the blank middle)."""
        width, height = self.size
        moment = self.moment
        phase = moment.phase if moment is not None and self.moving else None
        progress = moment.phase_progress if moment is not None else 0.0
        picture = box_picture(width, height, phase, progress)
        if y >= len(picture.rows):
            return Strip.blank(width, self.rich_style)
        frame = self.rich_style
        trail = frame + self.get_component_rich_style("breathing-box--trail")
        marker = frame + self.get_component_rich_style("breathing-box--marker")
        return Strip(list(self._segments(picture, y, frame, trail, marker)), width)

    @staticmethod
    def _segments(
        picture: BoxPicture, y: int, frame: Style, trail: Style, marker: Style
    ) -> list[Segment]:
        row = picture.rows[y]
        segments: list[Segment] = []
        for x, char in enumerate(row):
            if picture.marker == (x, y):
                segments.append(Segment(MARKER, marker))
            elif (x, y) in picture.trail:
                heavy = char
                if char == HORIZONTAL:
                    heavy = HEAVY_HORIZONTAL
                elif char == VERTICAL:
                    heavy = HEAVY_VERTICAL
                segments.append(Segment(heavy, trail))
            else:
                segments.append(Segment(char, frame))
        return list(Segment.simplify(segments))
