"""The checklist of the Rehab tab: one line per exercise of the phase shown, each with a tick
box, its how-to and any caution, then a line that adds an exercise of the person's own."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sciatica_tui.domain.rehab import ChecklistEntry

GOAL_OPTION = "goal"
ADD_OPTION = "+add"  # never an item id: "+" is not allowed in one
POINTER = "▶"


def hanging(mark: str, body: Text, *, width: int = 4) -> RenderableType:
    """``mark`` in a narrow column with ``body`` beside it, wrapped lines kept indented."""
    grid = Table.grid(padding=(0, 1))
    # A style of its own keeps the indent a separate run of cells (SVG exports draw it right).
    grid.add_column(no_wrap=True, width=width, style="bold not italic")
    grid.add_column(ratio=1)
    grid.add_row(mark, body)
    return grid


def entry_prompt(entry: ChecklistEntry, *, ticked: bool, pointed: bool) -> RenderableType:
    """One checklist line: pointer, tick box, title, the how-to and any caution."""
    text = Text()
    text.append(entry.title, style="bold")
    if entry.custom:
        text.append("  · your own exercise", style="italic")
    if entry.how:
        text.append(f"\n{entry.how}")
    if entry.caution:
        text.append(f"\n⚠ {entry.caution}", style="italic")
    return hanging(f"{POINTER if pointed else ' '}[{'✓' if ticked else ' '}]", text)


def add_prompt(*, pointed: bool) -> RenderableType:
    """The last line of the checklist, which adds an exercise."""
    body = Text("Add an exercise your therapist gave you (a)", style="italic")
    return hanging(f"{POINTER if pointed else ' '} +", body)


class Checklist(OptionList):
    """The checklist of one phase for one day; each line says ticked or not with a ✓."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """Empty until ``show`` fills it."""
        super().__init__(id=id, compact=True)
        self.entries: tuple[ChecklistEntry, ...] = ()
        self.done: tuple[str, ...] = ()
        self._pointed: int | None = None

    def show(self, goal: Text, entries: tuple[ChecklistEntry, ...], done: Sequence[str]) -> None:
        """Show the ``goal`` line and ``entries`` (``done`` ticked), keeping the cursor put."""
        keep = self.highlighted_id
        self.entries, self.done = entries, tuple(done)
        options = [Option(goal, id=GOAL_OPTION, disabled=True)]
        options += [Option(self._prompt(i, False), id=e.id) for i, e in enumerate(entries)]
        options.append(Option(add_prompt(pointed=False), id=ADD_OPTION))
        self.set_options(options)
        ids = [o.id for o in self.options]
        self._pointed = None
        self.highlighted = ids.index(keep) if keep in ids else 1
        self._point_at(self.highlighted)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the line under the cursor."""
        option = self.highlighted_option
        return option.id if option is not None else None

    @property
    def highlighted_entry(self) -> ChecklistEntry | None:
        """The checklist item under the cursor (None on the goal or the add line)."""
        return next((e for e in self.entries if e.id == self.highlighted_id), None)

    def _prompt(self, index: int, pointed: bool) -> RenderableType:
        entry = self.entries[index]
        return entry_prompt(entry, ticked=entry.id in self.done, pointed=pointed)

    def _point_at(self, highlighted: int | None) -> None:
        # The cursor is marked with a pointer too, not only the highlight colour.
        for index, pointed in ((self._pointed, False), (highlighted, True)):
            if index is None or not 0 < index < self.option_count:
                continue
            prompt = (
                add_prompt(pointed=pointed)
                if index == self.option_count - 1
                else self._prompt(index - 1, pointed)
            )
            self.replace_option_prompt_at_index(index, prompt)
        self._pointed = highlighted

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Move the pointer with the cursor."""
        super().watch_highlighted(highlighted)
        self._point_at(highlighted)
