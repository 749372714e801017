"""Teaching beside the tabs: a short line on the tab, and the detail one key away.

Each teaching tab shows its topic's short line (from ``content/teaching.toml``) and binds
ctrl+l, which opens a calm dialog with the whole topic. ctrl+l works while typing in a field,
like the other ctrl keys, so it is the same key on every tab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from sciatica_tui.domain.content_schema import RehabPhase
from sciatica_tui.domain.teaching import TeachingPart, Topic, teaching
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce

LEARN_KEY = "ctrl+l"


def learn_more_binding(tab: str, tooltip: str) -> Binding:
    """The tab's ctrl+l, shown in the footer, the help and the palette as "Learn" (one short
    word: on Today's footer at 80 columns "Learn more" pushed "? Help" off the edge)."""
    return Binding(
        LEARN_KEY,
        "learn_more",
        "Learn",
        id=f"{tab}.learn_more",
        tooltip=tooltip,
        priority=True,
    )


def pointer(line: str) -> Text:
    """A line of teaching for a tab, ending with the key that opens the rest."""
    text = Text(f"{line} (")
    text.append(LEARN_KEY, style="bold")
    text.append(": read more)")
    return text


def topic_pointer(topic_id: str) -> Text:
    """The short line of topic ``topic_id``, with its key."""
    return pointer(teaching().topics[topic_id].short)


def goal_line(phase: RehabPhase) -> Text:
    """The Rehab checklist's first line: the phase's goal, then its teaching (in phase 1,
    the myth about bed rest; later, why steady practice matters)."""
    taught = teaching()
    text = Text(f"Goal: {phase.goal}\n", style="italic")
    line = taught.myths.rest if phase.number == 1 else taught.topics["rehab"].short
    text.append_text(pointer(line))
    return text


BULLET = "• "


def part_text(text: str) -> RenderableType:
    """A part's words; where it holds a list ("• " lines), each item's wrapped lines go on
    under its words, not under the bullet."""
    lines = text.splitlines()
    if not any(line.startswith(BULLET) for line in lines):
        return Text(text)
    out: list[RenderableType] = []
    for line in lines:
        if not line.startswith(BULLET):
            out.append(Text(line))
            continue
        out.append(marked(BULLET.strip(), Text(line.removeprefix(BULLET))))
    return Group(*out)


def marked(mark: str, body: Text) -> Table:
    """``body`` after a one-cell ``mark`` (a bullet, a warning sign), its wrapped lines
    lined up under its first word, not under the mark."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    # A style of its own keeps the indent a separate run of cells (SVG exports draw it right).
    grid.add_column(no_wrap=True, width=1, style="bold")
    grid.add_column(ratio=1)
    grid.add_row(mark, body)
    return grid


class LearnMoreDialog(DismissOnce[None]):
    """One topic in full: its title, then each part with its heading. Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+l", "dismiss", "Close", tooltip="Close, and go back to the tab."),
    ]

    def __init__(self, topic: Topic, first: Sequence[TeachingPart] = ()) -> None:
        """``first`` are parts said before the topic's own (the person's stage, say)."""
        super().__init__()
        self.topic = topic
        self.parts = (*first, *topic.parts)

    def compose(self) -> ComposeResult:
        """Title, parts, and how to close."""
        with VerticalScroll(id="learn-box"):
            yield Static(self.topic.title, classes="learn-title", markup=False)
            for part in self.parts:
                yield Static(part.heading, classes="learn-heading", markup=False)
                yield Static(part_text(part.text), classes="learn-text", markup=False)
            yield Static(
                "Escape closes this. ↑ ↓ scroll. A guide to read, not a diagnosis.",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        """The cursor in the text, so the arrows and Page keys scroll it."""
        self.query_one("#learn-box").focus()
