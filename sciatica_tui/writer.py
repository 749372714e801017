"""The app's one writer: saves run on one background thread, in the order asked.

A screen asks for a save with a typed ``DiaryChange``; the writer applies it off the UI
thread (so the app keeps drawing while years of data are written) and posts the outcome,
``DiarySaved`` or ``DiaryNotSaved``, to the widget that asked. A later save never overtakes
an earlier one.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress

from textual.message import Message
from textual.message_pump import MessagePump

from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.store.changes import DiaryChange
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreError


class DiaryWriter:
    """Applies changes to ``store`` one at a time on its own thread."""

    def __init__(self, store: DiaryStore, fallback: MessagePump) -> None:
        """``fallback`` (the app) hears of a failure whose requester has gone."""
        self.store = store
        self.fallback = fallback
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diary-writer")
        self._last: Future[None] | None = None

    @property
    def busy(self) -> bool:
        """True while a change asked for has not been applied and reported yet."""
        return self._last is not None and not self._last.done()

    def submit(self, requester: MessagePump, change: DiaryChange) -> None:
        """Apply ``change`` after every change asked for before it; tell ``requester``."""
        self._last = self._thread.submit(self._apply, requester, change)

    def _apply(self, requester: MessagePump, change: DiaryChange) -> None:
        outcome: Message
        try:
            outcome = DiarySaved(change, change.apply(self.store))
        except StoreError as error:
            outcome = DiaryNotSaved(change, error)
        except Exception as error:  # noqa: BLE001 - said to the person, never lost silently
            outcome = DiaryNotSaved(change, StoreError(f"Not saved: {error}"))
        # post_message is safe from this thread; it is refused once the app has closed.
        with suppress(RuntimeError):
            if not requester.post_message(outcome) and isinstance(outcome, DiaryNotSaved):
                self.fallback.post_message(outcome)

    def close(self) -> None:
        """Let every change still queued reach the disk."""
        self._thread.shutdown(wait=True)
