"""The app's first screen: the six tabs, kept from laying out twice for nothing.

Laying out the Today form is the costliest thing the screen does (tens of milliseconds on a
small machine). Textual does it once for the first frame and then, as the app opens, twice
more for nothing: once for the terminal's first size report, which gives the size already
drawn, and once when the empty notification rack is hidden. A key typed at the first frame
waited behind both (issue 18 §7). This screen skips the first and starts with the rack
hidden, so only a real change lays the screen out again.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen

# The rack Textual adds to every screen for notifications (textual/screen.py,
# ``_extend_compose``); tests/screens/test_diary_screen.py fails if it is renamed.
TOAST_RACK_ID = "textual-toastrack"


class DiaryScreen(Screen[None]):
    """The default screen (``SciaticaApp.get_default_screen``)."""

    def on_mount(self) -> None:
        """Hide the empty notification rack before the first frame, not after it."""
        # Textual hides it after the first frame when it has nothing to show; hidden now,
        # that later hiding changes nothing and costs no layout.
        for rack in self.query(f"#{TOAST_RACK_ID}"):  # none when notifications are off
            rack.display = False

    def on_resize(self, event: events.Resize) -> None:
        """A size report of the size already on the screen changes nothing."""
        # ``outer_size`` is the size of the last layout; ``size`` already follows the app.
        if event.size == self.outer_size:
            event.prevent_default()  # skips Screen's handler: its layout would be the same
