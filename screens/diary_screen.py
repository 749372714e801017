"""The app's first screen: the six tabs, kept from styling and laying out again for nothing.

Laying out the Today form is the costliest thing the screen does (tens of milliseconds on a
small machine). Textual does it once for the first frame and then, as the app opens, three
times more for nothing:

* once because the first layout gave every widget its size: each widget asks for another
  layout when its scrollable ("virtual") size is first set, though that size changes no
  widget's place;
* once for the terminal's first size report, which gives the size already drawn;
* once when the empty notification rack is hidden.

A key typed at the first frame waited behind them (issue 18 §7). This screen forgets the
first kind of request after its first layout, skips the size report, and starts with the
rack hidden, so only a real change lays the screen out again. And as it is first shown, it
does not style again the widgets that were styled as they were mounted, nor draw the whole
screen a second time straight after the first frame.
"""

from __future__ import annotations

from textual import events, messages
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

# The rack Textual adds to every screen for notifications (textual/screen.py,
# ``_extend_compose``); tests/screens/test_diary_screen.py fails if it is renamed.
TOAST_RACK_ID = "textual-toastrack"


class DiaryScreen(Screen[None]):
    """The default screen (``SciaticaApp.get_default_screen``)."""

    class FirstLayoutDone(Message):
        """Every layout and repaint asked for before the screen's first layout has arrived."""

    # After the first layout: whether the layouts and repaints asked for until then are
    # still to be forgotten (they arrive as messages queued before it), and whether it
    # happened.
    _forgetting = False
    _laid_out = False
    _shown = False  # true once the screen has been shown

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        """Textual's layout. After the first, the layouts asked for until then are forgotten,
        unless a scrollbar came or went in it, which moves the widgets beside it."""
        # Textual's own method (private): tests/screens/test_diary_screen.py checks that
        # Textual 8 still asks for those layouts, and that forgetting them changes nothing.
        if self._laid_out or scroll:
            super()._refresh_layout(size, scroll)
            return
        scrollbars = _scrollbars_shown(self)
        super()._refresh_layout(size, scroll)
        self._laid_out = True
        if self.is_current:  # the layout drew the screen whole (or will, after a batch)
            self._forget_repaints()
        if _scrollbars_shown(self) != scrollbars:
            return
        # Nothing was arranged before this layout, so it saw every widget as it is: a layout
        # asked for before it has nothing left to do, and the sizes it set move nothing.
        self._layout_required = False
        # The widgets laid out (scrollbars among them) and those not shown.
        laid_out = (widget for widget, _ in self._compositor.layers)
        for widget in {*laid_out, *self.walk_children(Widget)}:
            widget._layout_required = False
        self._forgetting = True
        self.post_message(self.FirstLayoutDone())  # queued after every earlier request

    def _forget_repaints(self) -> None:
        """The widgets just drawn are not drawn again for the asks that came before."""
        # Each asked to be drawn as it was built, mounted and given its size: asks the
        # first frame has answered, but each would draw its widget again in a second frame
        # just as a key typed at the first one is waiting.
        for widget in (self, *(widget for widget, _ in self._compositor.layers)):
            widget._repaint_required = False

    def on_layout(self, message: messages.Layout) -> None:
        """A layout asked for before the first layout was done is forgotten."""
        if self._forgetting:
            message.stop()
            message.prevent_default()  # skips Screen's handler, which would lay out again

    def on_update(self, message: messages.Update) -> None:
        """A widget asking, before the first frame, to be drawn: the first frame drew it."""
        if self._forgetting:
            message.stop()
            message.prevent_default()  # skips Screen's handler, which would draw it again

    def on_diary_screen_first_layout_done(self, _: FirstLayoutDone) -> None:
        """From here on, every layout asked for is one to make."""
        self._forgetting = False

    def on_mount(self) -> None:
        """Hide the empty notification rack before the first frame, not after it."""
        # Textual hides it after the first frame when it has nothing to show; hidden now,
        # that later hiding changes nothing and costs no layout.
        for rack in self.query(f"#{TOAST_RACK_ID}"):  # none when notifications are off
            rack.display = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time, the screen does not style its widgets again, nor draw
        them twice."""
        # Runs before Screen's own handler. Each widget was styled as it was mounted, a
        # moment ago; styling all of them again cost about 40 ms of the first frame.
        if not self._shown:
            self._shown = True
            event.refresh_styles = False
            self.call_next(self._first_frame_drawn)  # once Screen's handler has drawn it

    def _first_frame_drawn(self) -> None:
        """Screen's handler has laid the screen out, which drew all of it, and then asked
        for all of it to be drawn again: that ask is forgotten too."""
        if self._laid_out and self.is_current:
            self._repaint_required = False

    def on_resize(self, event: events.Resize) -> None:
        """A size report of the size already on the screen changes nothing."""
        # ``outer_size`` is the size of the last layout; ``size`` already follows the app.
        if event.size == self.outer_size:
            event.prevent_default()  # skips Screen's handler: its layout would be the same


def _scrollbars_shown(screen: Screen[None]) -> list[tuple[bool, bool]]:
    """Whether each widget shows its vertical and horizontal scrollbar."""
    return [
        (widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar)
        for widget in screen.walk_children(Widget, with_self=True)
    ]
