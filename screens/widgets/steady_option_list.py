"""An OptionList that survives page keys while it has no room on screen."""

from __future__ import annotations

from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """Textual's OptionList maps options to lines only once it has a size; page up or
    down before that (a list squeezed to zero height on a small terminal) raised KeyError.
    Found by the monkey test.

    With nothing highlighted the page keys go to the first or last option, which needs no
    size, so only a page move from a highlighted option waits for room. (Textual leaves
    these two actions without type annotations, hence the ignores.)"""

    def action_page_up(self) -> None:
        """Up a page, once the list is shown."""
        if self._has_room_to_page():
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        """Down a page, once the list is shown."""
        if self._has_room_to_page():
            super().action_page_down()  # type: ignore[no-untyped-call]

    def _has_room_to_page(self) -> bool:
        # Nothing is shown, so there is no page to move by.
        return self.highlighted is None or bool(self.scrollable_content_region)
