"""The small messages tabs, dialogs and the app send each other.

A tab never reaches into another tab or into the app: it posts one of these, and the app
routes it (Toolong's and Posting's ``messages.py`` are the model).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual.message import Message

from sciatica_tui.store.changes import DiaryChange
from sciatica_tui.store.errors import StoreError


@dataclass
class RedFlagCheckRequested(Message):
    """Open the red-flag check now, with ``prefill`` answers (question id to yes or no)
    already marked (an emergency yes among them opens the alert at once)."""

    prefill: Mapping[str, bool] = field(default_factory=dict)


@dataclass
class DiarySaved(Message):
    """``change`` is on disk; ``result`` is what it gave back (where an export went)."""

    change: DiaryChange
    result: object = None


@dataclass
class DiaryNotSaved(Message):
    """``change`` did not reach the disk; ``error`` says why, in words. Nothing was changed."""

    change: DiaryChange
    error: StoreError
