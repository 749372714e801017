"""The checklist of the Rehab tab: one line per exercise of the person's plan for the phase
shown, each with a tick box, its how-to and any caution; a line that adds an exercise of their
own; what was ticked on the day though it is not in this plan; and the exercises they hid.
Each exercise shows its dose ("2 × 10 · × 2 a day"); one done more than once a day is ticked
once a round, and says how many rounds are done.

Where rows are few (``compact``), each exercise takes one line and only the one under the
cursor opens to show its how-to and caution.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sciatica_tui.domain.doses import dose_words
from sciatica_tui.domain.rehab import REMOVED_TITLE, SOME_DONE, ChecklistEntry, EntryPlace
from sciatica_tui.domain.words import plural

GOAL_OPTION = "goal"
ADD_OPTION = "+add"  # never an item id: "+" is not allowed in one
OFF_PLAN_OPTION = "+off-plan"
HIDDEN_OPTION = "+hidden"
POINTER = "▶"
HIDDEN_MARK = " – "


@dataclass(frozen=True)
class DayView:
    """One day of one phase: the person's plan, the ids ticked, the ticks that are not in
    the plan (never hidden), and the plan's hidden built-ins that were not ticked."""

    plan: tuple[ChecklistEntry, ...] = ()
    done: tuple[str, ...] = ()
    off_plan: tuple[ChecklistEntry, ...] = ()
    hidden: tuple[ChecklistEntry, ...] = ()


@dataclass(frozen=True)
class ChecklistLines:
    """What the checklist shows: the phase's ``goal`` and one day of it; the hidden
    exercises are listed only when ``show_hidden``."""

    goal: Text
    day: DayView
    show_hidden: bool = False
    compact: bool = False


def hanging(mark: str, body: Text, *, width: int = 4, side: Text | None = None) -> RenderableType:
    """``mark`` in a narrow column with ``body`` beside it, wrapped lines kept indented; a
    ``side`` note (an exercise's dose) goes at the right, on the first line."""
    grid = Table.grid(padding=(0, 1))
    # A style of its own keeps the indent a separate run of cells (SVG exports draw it right).
    grid.add_column(no_wrap=True, width=width, style="bold not italic")
    grid.add_column(ratio=1)
    if side is None:
        grid.add_row(mark, body)
    else:
        grid.expand = True  # the body takes the room between, so doses line up at the right
        grid.add_column(no_wrap=True, justify="right")
        grid.add_row(mark, body, side)
    return grid


def tick_box(rounds_ticked: int, rounds: int) -> str:
    """The box: ticked when every round of the day is, half-filled when some are."""
    if rounds_ticked <= 0:
        return "[ ]"
    return "[✓]" if rounds_ticked >= rounds else f"[{SOME_DONE}]"


def entry_prompt(
    entry: ChecklistEntry, *, ticked: int, pointed: bool, brief: bool = False
) -> RenderableType:
    """One checklist line: pointer, tick box, title, dose (with the rounds ticked, for one
    done more than once a day), and (unless ``brief``) the how-to and any caution; ``ticked``
    is the rounds ticked. A hidden exercise has a dash for a box: it cannot be ticked."""
    text = Text()
    text.append(entry.title, style="bold")
    if entry.rounds > 1 and ticked and entry.place is not EntryPlace.HIDDEN:
        text.append(f"  · {ticked} of {entry.rounds} done", style="italic")
    if entry.every_phase:
        text.append("  · yours, every phase", style="italic")
    elif entry.custom and entry.title != REMOVED_TITLE:
        text.append("  · your own", style="italic")
    if entry.place is EntryPlace.HIDDEN:
        text.append("  · hidden: h puts it back", style="italic")
    if not brief and entry.how:
        text.append(f"\n{entry.how}")
    if not brief and entry.caution:
        text.append(f"\n⚠ {entry.caution}", style="italic")
    box = HIDDEN_MARK if entry.place is EntryPlace.HIDDEN else tick_box(ticked, entry.rounds)
    dose = dose_words(entry.dose)
    side = Text(dose, style="not italic") if dose else None
    return hanging(f"{POINTER if pointed else ' '}{box}", text, side=side)


def add_prompt(*, pointed: bool) -> RenderableType:
    """The line of the checklist that adds an exercise."""
    body = Text("Add an exercise your therapist gave you (a)", style="italic")
    return hanging(f"{POINTER if pointed else ' '} +", body)


def hidden_prompt(count: int, *, shown: bool, pointed: bool) -> RenderableType:
    """The line that lists (or folds away) the exercises hidden from the plan."""
    body = Text()
    body.append(f"Hidden from your plan: {plural(count, 'exercise')}", style="bold")
    body.append(" · h folds them" if shown else " · h shows them", style="italic")
    return hanging(f"{POINTER if pointed else ' '} {'▾' if shown else '▸'}", body)


def off_plan_heading() -> Text:
    """The heading over ticks of the day that are not in the plan shown."""
    return Text("Also ticked this day (not in this plan):", style="italic")


class Checklist(OptionList):
    """The person's plan for one phase and one day; each line says ticked or not with a ✓."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """Empty until ``show`` fills it."""
        super().__init__(id=id, compact=True)
        self.lines = ChecklistLines(Text(), DayView())
        self.entries: tuple[ChecklistEntry, ...] = ()  # every exercise line, in order
        self._pointed: int | None = None

    def show(self, lines: ChecklistLines) -> None:
        """Show ``lines``, keeping the cursor on the same line where it is still there."""
        keep = self.highlighted_id
        self.lines, day = lines, lines.day
        shown_hidden = day.hidden if lines.show_hidden else ()
        self.entries = (*day.plan, *day.off_plan, *shown_hidden)
        options = [Option(lines.goal, id=GOAL_OPTION, disabled=True)]
        options += [Option(self._entry_prompt(e, False), id=e.id) for e in day.plan]
        options.append(Option(add_prompt(pointed=False), id=ADD_OPTION))
        if day.off_plan:
            options.append(Option(off_plan_heading(), id=OFF_PLAN_OPTION, disabled=True))
            options += [Option(self._entry_prompt(e, False), id=e.id) for e in day.off_plan]
        if day.hidden:
            prompt = hidden_prompt(len(day.hidden), shown=lines.show_hidden, pointed=False)
            options.append(Option(prompt, id=HIDDEN_OPTION))
            options += [Option(self._entry_prompt(e, False), id=e.id) for e in shown_hidden]
        before = self.highlighted or 1
        self.set_options(options)
        ids = [o.id for o in self.options]
        self._pointed = None
        if keep in ids:
            self.highlighted = ids.index(keep)
        else:  # the line went (an exercise hidden): stay where it was, on the next one
            index = min(before, len(options) - 1)
            self.highlighted = 1 if options[index].disabled else index
        self._point_at(self.highlighted)
        self.scroll_to_highlight()

    @property
    def done(self) -> tuple[str, ...]:
        """The ids ticked on the day shown."""
        return self.lines.day.done

    @property
    def highlighted_id(self) -> str | None:
        """The id of the line under the cursor."""
        option = self.highlighted_option
        return option.id if option is not None else None

    @property
    def highlighted_entry(self) -> ChecklistEntry | None:
        """The exercise under the cursor (None on the goal, add or hidden line)."""
        return next((e for e in self.entries if e.id == self.highlighted_id), None)

    def _entry_prompt(self, entry: ChecklistEntry, pointed: bool) -> RenderableType:
        brief = self.lines.compact and not pointed
        ticked = self.lines.day.done.count(entry.id)
        return entry_prompt(entry, ticked=ticked, pointed=pointed, brief=brief)

    def _prompt(self, option_id: str | None, pointed: bool) -> RenderableType | None:
        if option_id == ADD_OPTION:
            return add_prompt(pointed=pointed)
        if option_id == HIDDEN_OPTION:
            count, shown = len(self.lines.day.hidden), self.lines.show_hidden
            return hidden_prompt(count, shown=shown, pointed=pointed)
        entry = next((e for e in self.entries if e.id == option_id), None)
        return None if entry is None else self._entry_prompt(entry, pointed)

    def _point_at(self, highlighted: int | None) -> None:
        # The cursor is marked with a pointer too, not only the highlight colour.
        for index, pointed in ((self._pointed, False), (highlighted, True)):
            if index is None or not 0 <= index < self.option_count:
                continue
            prompt = self._prompt(self.get_option_at_index(index).id, pointed)
            if prompt is not None:
                self.replace_option_prompt_at_index(index, prompt)
        self._pointed = highlighted

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Move the pointer with the cursor (first: the line under it may open, and the
        list scrolls to show all of it)."""
        self._point_at(highlighted)
        super().watch_highlighted(highlighted)
