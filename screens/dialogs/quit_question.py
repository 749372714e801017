"""What a tab holding unsaved work asks before the app quits; the app asks it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class QuitQuestion:
    """A tab's question before quitting: its words, and what each answer does to the tab.

    Staying is the first and suggested answer; quitting goes on to the next tab's question,
    then closes the app.
    """

    title: str
    message: str
    stay: str  # the label of the answer that keeps the work
    quit: str  # the label of the answer that leaves it
    on_stay: Callable[[], None]
    on_quit: Callable[[], None] = _nothing
