"""Screens that close once, and close themselves, however many keys and clicks arrive before
they are gone."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import events, on
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

R = TypeVar("R")


class ClosesOnce(Screen[R], Generic[R]):
    """A screen whose answer closes it once, and closes this screen, not another.

    - A second Enter queued behind the first (a fast typist, a busy terminal) used to run the
      answer twice (an exercise added twice) and then fail to pop a screen that was already
      gone. Found by the monkey test. Only the first answer counts.
    - An answer that comes before the screen has mounted (a key typed as it opens) closes it
      just after: closed at once, its widgets were gone when its own Mount handler looked for
      them (``NoMatches``, also found by the monkey test).
    - An answer that comes once another screen is over this one waits until this one is in
      front again. Textual's ``dismiss`` pops whatever screen is on top: a click on the
      alert's "I understand" with ctrl+q straight behind it closed the quit question the
      ctrl+q had just opened, as it was still being built (``NoMatches`` again, in the
      monkey test), and left the alert open with its one way out used up.
    """

    _dismissed = False
    _answer_waiting: tuple[R | None] | None = None  # an answer given while covered

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if self._dismissed:
            return AwaitComplete()  # nothing to wait for
        self._dismissed = True
        if self.is_mounted and self.is_active:
            awaitable: AwaitComplete = super().dismiss(result)
            return awaitable
        self.call_later(self._close, result)  # behind the Mount event, if still to come
        return AwaitComplete()

    def _close(self, result: R | None) -> None:
        if self.is_active:
            super().dismiss(result)  # not awaited: a screen may not await its own dismissal
        else:
            self._answer_waiting = (result,)

    @on(events.ScreenResume)
    def _close_once_in_front(self) -> None:
        """The screen over this one has closed: an answer given meanwhile closes it now."""
        if self._answer_waiting is not None:
            (result,) = self._answer_waiting
            self._answer_waiting = None
            self._close(result)


class DismissOnce(ModalScreen[R], ClosesOnce[R], Generic[R]):
    """A dialog over the screen that closes once (see ``ClosesOnce``). ``ModalScreen`` comes
    first: Textual reads default styles along the first base only, and the dimmed backdrop
    is ``ModalScreen``'s."""
