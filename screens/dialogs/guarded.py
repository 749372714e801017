"""Screens that must stay until answered: ctrl+r does not close them, ctrl+q asks them first."""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.screen import Screen


class GuardedScreen(Screen[None]):
    """A full screen (the emergency alert) that nothing closes by accident. The app never
    pops it to open another view, and on ctrl+q it asks the screen instead of quitting."""

    _dismissed = False

    def confirm_quit(self) -> None:
        """Ask the person before quitting (the screen's own question)."""
        raise NotImplementedError

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Close the screen once, however many presses of its button arrive before it is
        gone (a second one failed with an error; found by the monkey test)."""
        if self._dismissed:
            return AwaitComplete()
        self._dismissed = True
        awaitable: AwaitComplete = super().dismiss(result)
        return awaitable
