"""``WritingArea``: Textual's TextArea with the keys a long text needs to reach its ends.

Textual's TextArea moves to the start or end of a line (Home, End) but has no key for the
start or end of the whole text: in the visit's story, ctrl+End did nothing. Here ctrl+Home
and ctrl+End go there (with shift, they select up to there), as in other editors.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea

# How the help screen names these keys (beside the other keys that work in any field).
WRITING_KEYS = ("CTRL+HOME / END", "In a long text: go to its start / its end")


class WritingArea(TextArea):
    """A TextArea whose ctrl+Home and ctrl+End reach the start and the end of the text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+home", "cursor_text_start", "Start of the text", show=False),
        Binding("ctrl+end", "cursor_text_end", "End of the text", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "Select to the start", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "Select to the end", show=False),
    ]

    def action_cursor_text_start(self, select: bool = False) -> None:
        """The cursor to the start of the text, the view with it."""
        self.move_cursor((0, 0), select=select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        """The cursor to the end of the text, the view with it."""
        self.move_cursor(self.document.end, select=select)
