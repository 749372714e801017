"""Helpers of the Today tab's Pilot tests: seeding logs, and finding the tab and its fields."""

from __future__ import annotations

from typing import Any

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.screens.today.form import field_id
from sciatica_tui.screens.today.tab import TodayTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import Seed


def logs(*entries: DailyLog) -> Seed:
    """A seed that saves daily logs."""

    def seed(store: DiaryStore) -> None:
        for entry in entries:
            store.save_daily_log(entry)

    return seed


def tab(app: SciaticaApp) -> TodayTab:
    """The Today tab (built with the app)."""
    return app.query_one(TodayTab)


def field(app: SciaticaApp, name: str) -> Any:
    """The input widget of the daily log's field ``name``."""
    return tab(app).query_one(f"#{field_id(name)}")
