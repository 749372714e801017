"""What the red-flag tests share: finding the tab and its words, and reading saved checks."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.records import RedFlagCheck
from sciatica_tui.screens.red_flags.questions import QuestionRow
from sciatica_tui.screens.red_flags.tab import RedFlagsTab
from sciatica_tui.store.diary_store import DiaryStore


def tab(app: SciaticaApp) -> RedFlagsTab:
    """The Red flags tab (built)."""
    return app.query_one("#red_flags-tab", RedFlagsTab)


def text_of(app: SciaticaApp, selector: str) -> str:
    """The words of one Static on the screen in front."""
    return str(app.screen.query_one(selector, Static).render())


def focused_question(app: SciaticaApp) -> str | None:
    """The id of the question in focus, if a question is."""
    focused = app.focused
    return focused.question.id if isinstance(focused, QuestionRow) else None


def saved_checks(folder: Path) -> list[RedFlagCheck]:
    """The checks in the diary on disk."""
    with DiaryStore.open(folder) as store:
        return store.red_flag_checks()
