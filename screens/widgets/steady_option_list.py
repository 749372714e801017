"""An OptionList that survives page keys while it has no room on screen."""

from __future__ import annotations

from typing import Literal

from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """Textual's OptionList maps options to lines only once it has a size; page up or
    down before that (a list squeezed to zero height on a small terminal) raised KeyError.
    Found by the monkey test."""

    def _move_page(self, direction: Literal[-1, 1]) -> None:
        if not self.scrollable_content_region:
            return  # nothing is shown, so there is no page to move by
        super()._move_page(direction)
