"""An editable list of a form: its lines, their buttons, and (for lines of text) a box to type
a new one in.

Enter on a line (or Edit) opens the list's dialog for it; Add opens it for a new one (lists
of text are added to by typing in the box under them); Remove takes the highlighted line
away; Up and Down move it where the list keeps an order. A list may hold a most, and says
so in words under the box when it is full. Every change is posted to the owner as
``EditableList.Changed``; the lines themselves are in ``items``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

T = TypeVar("T")


@dataclass(frozen=True)
class TypedLines:
    """A box under the list where a new line is typed (Enter adds it), and what is said
    under the box as lines are added."""

    box_id: str
    placeholder: str
    max_length: int
    added: str = ""  # said once a line is added; "{count}" is the number of lines then
    duplicate: str = ""  # said when the line typed is on the list already (empty: allowed)


@dataclass(frozen=True)
class ListRules(Generic[T]):
    """What one list holds and how it is changed."""

    line: Callable[[int, T], str]  # how the n-th line (from 1) reads
    empty: str  # the line shown when the list is empty
    edit: Callable[[T | None], Screen[T]]  # the dialog for one line (None: a new one)
    typed: TypedLines | None = None  # lines typed under the list, instead of an Add button
    reorder: bool = False  # Up and Down buttons move the highlighted line
    most: int | None = None  # the most lines the list keeps
    full: str = ""  # said when a line is added to a full list


class EditableList(Vertical, Generic[T]):
    """The lines of one list, with their buttons; ``name`` is the id of the list of lines
    (its buttons are ``name-add``, ``name-edit`` …, its message line ``name-message``)."""

    DEFAULT_CSS = """
    EditableList {
        height: auto;
    }
    """

    @dataclass
    class Changed(Message):
        """A line was added, changed, moved or removed."""

        editable_list: EditableList[Any]

        @property
        def control(self) -> EditableList[Any]:
            """The list that changed (for ``@on(..., selector)``)."""
            return self.editable_list

    def __init__(self, name: str, rules: ListRules[T]) -> None:
        """An empty list; ``items`` fills it."""
        super().__init__(id=f"{name}-editor")
        self.list_name = name
        self.rules = rules
        self._items: list[T] = []

    def compose(self) -> ComposeResult:
        """The lines, the buttons, and the box to type in with its message line."""
        name, rules = self.list_name, self.rules
        yield OptionList(id=name, classes="editable-lines")
        with Horizontal(classes="editable-buttons"):
            if rules.typed is None:
                yield Button("Add", id=f"{name}-add", compact=True)
            if rules.reorder:
                yield Button("Up", id=f"{name}-up", compact=True, tooltip="shift+up")
                yield Button("Down", id=f"{name}-down", compact=True, tooltip="shift+down")
            yield Button("Edit", id=f"{name}-edit", compact=True)
            yield Button("Remove", id=f"{name}-remove", compact=True)
        if rules.typed is not None:
            yield Input(
                id=rules.typed.box_id,
                compact=True,
                max_length=rules.typed.max_length,
                placeholder=rules.typed.placeholder,
            )
            yield Static("", id=f"{name}-message", classes="editable-message")

    # --- the lines ---------------------------------------------------------------------

    @property
    def items(self) -> list[T]:
        """The lines, in order (a copy)."""
        return list(self._items)

    @items.setter
    def items(self, items: Sequence[T]) -> None:
        self._items = list(items)
        self._show()

    @property
    def lines(self) -> OptionList:
        """The list of lines (it takes the focus)."""
        return self.query_one(f"#{self.list_name}", OptionList)

    def _show(self) -> None:
        listed = self.lines
        before = listed.highlighted
        if self._items:
            lines = [self.rules.line(n, item) for n, item in enumerate(self._items, 1)]
            listed.set_options(Option(Content(line)) for line in lines)
            listed.highlighted = min(before or 0, len(lines) - 1)
        else:
            listed.set_options([Option(Content(self.rules.empty), disabled=True)])

    def _highlighted(self) -> int | None:
        index = self.lines.highlighted
        return index if index is not None and index < len(self._items) else None

    def _changed(self, highlight: int | None) -> None:
        self._show()
        if highlight is not None:
            self.lines.highlighted = highlight
        self.post_message(self.Changed(self))

    # --- changing them -----------------------------------------------------------------

    def add(self, text: str) -> bool:
        """Add a typed line at the end, or say under the box why not. True when added."""
        typed = self.rules.typed
        item = text.strip()
        if typed is None or not item:
            return False
        if self.rules.most is not None and len(self._items) >= self.rules.most:
            self.say(self.rules.full, problem=True)
            return False
        if typed.duplicate and item in self._items:
            self.say(typed.duplicate)
            return False
        self._items.append(cast(T, item))  # a list of lines typed holds text
        self.say(typed.added.format(count=len(self._items)))
        self._changed(len(self._items) - 1)
        return True

    def edit_highlighted(self) -> None:
        """Open the list's dialog on the highlighted line."""
        index = self._highlighted()
        if index is None:
            self.notify("Highlight a line of the list first.", severity="warning")
            return
        self._ask(index)

    def _ask(self, index: int | None) -> None:
        def done(item: T | None) -> None:
            if item is None:
                return
            if index is None:
                self._items.append(item)
                self._changed(len(self._items) - 1)
            elif index < len(self._items):
                self._items[index] = item
                self._changed(index)

        current = self._items[index] if index is not None else None
        self.app.push_screen(self.rules.edit(current), done)

    def remove_highlighted(self) -> None:
        """Take the highlighted line away."""
        index = self._highlighted()
        if index is None:
            self.notify("Highlight a line of the list first.", severity="warning")
            return
        self._items.pop(index)
        left = len(self._items)
        self._changed(max(0, min(index, left - 1)) if left else None)
        if self.rules.typed is not None:
            self.say("")

    def move_highlighted(self, step: int) -> None:
        """Move the highlighted line up (-1) or down (+1), where the list keeps an order."""
        index = self._highlighted()
        if not self.rules.reorder or index is None:
            return
        target = index + step
        if not 0 <= target < len(self._items):
            return
        items = self._items
        items[index], items[target] = items[target], items[index]
        self._changed(target)

    def say(self, text: str, *, problem: bool = False) -> None:
        """A message right under the box being typed in (a pop-up would cover it)."""
        if self.rules.typed is None:
            return
        message = self.query_one(f"#{self.list_name}-message", Static)
        message.update(Content(text))
        message.set_class(problem, "-problem")
        message.display = bool(text)
        if text:
            self.call_after_refresh(message.scroll_visible, animate=False)

    @on(Button.Pressed, ".editable-buttons Button")
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        what = (event.button.id or "").removeprefix(f"{self.list_name}-")
        if what == "add":
            self._ask(None)
        elif what == "edit":
            self.edit_highlighted()
        elif what == "remove":
            self.remove_highlighted()
        elif what in ("up", "down"):
            self.move_highlighted(-1 if what == "up" else 1)

    @on(OptionList.OptionSelected, ".editable-lines")
    def _enter(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.edit_highlighted()

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self.add(event.value):
            event.input.clear()
