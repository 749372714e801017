"""Dialogs that close once, however many keys arrive before they are gone."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

R = TypeVar("R")


class DismissOnce(ModalScreen[R], Generic[R]):
    """A second Enter queued behind the first (a fast typist, a busy terminal) used to run the
    dialog's answer twice (an exercise added twice) and then fail to pop a screen that was
    already gone. Found by the monkey test. Only the first answer counts.

    An answer that comes before the dialog has mounted (a key typed as it opens) closes it
    just after: closed at once, its widgets were gone when its own Mount handler looked for
    them (``NoMatches``, also found by the monkey test).
    """

    _dismissed = False

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if self._dismissed:
            return AwaitComplete()  # nothing to wait for
        self._dismissed = True
        if not self.is_mounted:
            self.call_later(self._close, result)  # queued behind the Mount event
            return AwaitComplete()
        awaitable: AwaitComplete = super().dismiss(result)
        return awaitable

    def _close(self, result: R | None) -> None:
        super().dismiss(result)  # not awaited: a screen may not await its own dismissal
