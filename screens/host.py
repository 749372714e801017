"""Typed access from a widget to the app's diary and clock."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from textual.widget import Widget

from sciatica_tui.domain.clock import Clock

if TYPE_CHECKING:
    from sciatica_tui.app import SciaticaApp
    from sciatica_tui.store.diary_store import DiaryStore


def sciatica_app(widget: Widget) -> SciaticaApp:
    """The running app, typed."""
    return cast("SciaticaApp", widget.app)


def diary(widget: Widget) -> DiaryStore:
    """The open diary store."""
    return sciatica_app(widget).store


def clock(widget: Widget) -> Clock:
    """The app's clock (frozen in tests)."""
    return sciatica_app(widget).clock


def today(widget: Widget) -> date:
    """Today's date by the app's clock."""
    return clock(widget).now().date()
