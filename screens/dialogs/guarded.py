"""Screens that must stay until answered: ctrl+r does not close them, ctrl+q asks them first."""

from __future__ import annotations

from sciatica_tui.screens.dialogs.dismiss_once import ClosesOnce


class GuardedScreen(ClosesOnce[None]):
    """A full screen (the emergency alert) that nothing closes by accident. The app never
    pops it to open another view, and on ctrl+q it asks the screen instead of quitting. Its
    button closes it once, however many presses arrive before it is gone (a second one
    failed with an error; found by the monkey test), and only once it is in front."""

    def confirm_quit(self) -> None:
        """Ask the person before quitting (the screen's own question)."""
        raise NotImplementedError
