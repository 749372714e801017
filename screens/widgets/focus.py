"""Moving the cursor at once, ahead of keys already typed."""

from __future__ import annotations

from textual.widget import Widget


def focus_now(widget: Widget, *, scroll_visible: bool = True) -> None:
    """Put the cursor on ``widget`` before the next key is handled.

    ``Widget.focus`` waits its turn behind the keys already typed, so a key pressed straight
    after a tab key (F1 then 7) went to the widget left behind on the old tab, and a quick
    "y n n" on the red-flag check could answer one question three times.
    """
    widget.screen.set_focus(widget, scroll_visible=scroll_visible)
