"""What a screen may ask of the app that hosts it: the diary, the clock, and the writer.

Screens never import the app: they see it through ``DiaryHost``, a Protocol the app meets.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast

from textual.message_pump import MessagePump
from textual.widget import Widget

from sciatica_tui.domain.clock import Clock

if TYPE_CHECKING:
    from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
    from sciatica_tui.store.changes import DiaryChange
    from sciatica_tui.store.diary_store import DiaryStore

T = TypeVar("T")


class DiaryHost(Protocol):
    """The app, as the screens see it."""

    @property
    def store(self) -> DiaryStore:
        """The open diary (reads come from memory)."""
        ...

    @property
    def clock(self) -> Clock:
        """The app's clock (frozen in tests)."""
        ...

    def save(self, requester: MessagePump, change: DiaryChange) -> None:
        """Write ``change`` off the UI thread, after every earlier change; ``requester`` then
        gets ``DiarySaved`` or ``DiaryNotSaved`` for it."""
        ...


def host(widget: Widget) -> DiaryHost:
    """The app hosting ``widget``."""
    return cast("DiaryHost", widget.app)


def diary(widget: Widget) -> DiaryStore:
    """The open diary."""
    return host(widget).store


def clock(widget: Widget) -> Clock:
    """The app's clock (frozen in tests)."""
    return host(widget).clock


def today(widget: Widget) -> date:
    """Today's date by the app's clock."""
    return clock(widget).now().date()


def save(widget: Widget, change: DiaryChange) -> None:
    """Write ``change``; ``widget`` hears how it went (``DiarySaved`` / ``DiaryNotSaved``)."""
    host(widget).save(widget, change)


class SavesUnderWay(Generic[T]):
    """The saves a widget asked for and has not heard back about yet, each with what the
    widget needs to know when it finishes (``DiarySaved`` carries only the change)."""

    def __init__(self) -> None:
        """No save under way."""
        self._waiting: list[tuple[DiaryChange, T]] = []

    def start(self, widget: Widget, change: DiaryChange, context: T) -> None:
        """Ask for ``change``; ``finished`` gives ``context`` back when it is done."""
        self._waiting.append((change, context))
        save(widget, change)

    def finished(self, change: DiaryChange) -> T | None:
        """The context of ``change``, now finished; None if it is not one of these saves."""
        for index, (waiting, context) in enumerate(self._waiting):
            if waiting is change:
                del self._waiting[index]
                return context
        return None

    def reported(self, message: DiarySaved | DiaryNotSaved) -> T | None:
        """The context of the save ``message`` reports on, when it is one of these saves (the
        message is then handled: it goes no further); else None."""
        context = self.finished(message.change)
        if context is not None:
            message.stop()
        return context

    def __len__(self) -> int:
        return len(self._waiting)
