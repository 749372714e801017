"""A tick box whose mark is an X only when ticked, and whose long label wraps."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A tick box that shows its mark only when ticked (not only a change of colour).

    A label too long for the line wraps onto the next lines instead of losing its end: some
    of these are safety items ("… signs mean I go to the emergency department").
    """

    DEFAULT_CSS = """
    TickBox {
        height: auto;
        text-wrap: wrap;
    }
    """

    def watch_value(self) -> None:
        """Show the mark only when ticked, then say ``Changed`` as every Checkbox does."""
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()
        self.refresh()

    def on_mount(self) -> None:
        """Start with the mark matching the value."""
        self.BUTTON_INNER = "X" if self.value else " "

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the label needs at ``width`` (Checkbox always says one)."""
        # Textual's own Widget measures its content with its styles just so.
        return max(1, self.render().get_height(self.styles, width))  # type: ignore[arg-type]
