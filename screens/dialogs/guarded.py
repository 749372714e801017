"""Screens that must stay until answered: ctrl+r does not close them, ctrl+q asks them first."""

from __future__ import annotations

from textual.screen import Screen


class GuardedScreen(Screen[None]):
    """A full screen (the emergency alert) that nothing closes by accident. The app never
    pops it to open another view, and on ctrl+q it asks the screen instead of quitting."""

    def confirm_quit(self) -> None:
        """Ask the person before quitting (the screen's own question)."""
        raise NotImplementedError
