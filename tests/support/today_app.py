"""What the Today tab's tests share: an app that keeps its notices, the saved log, a day."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.records import DailyLog, Reach, Side, Weakness
from sciatica_tui.screens.today.status import StatusStrip
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, Seed, build_app
from tests.support.today import tab

TODAY = FROZEN_NOW.date()
SIZE = (100, 32)


def strip_text(app: SciaticaApp) -> str:
    return str(tab(app).query_one(StatusStrip).render())


def stored(folder: Path, day: date = TODAY) -> DailyLog | None:
    with DiaryStore.open(folder) as store:
        return store.daily_log(day)


def build(folder: Path | None, *seeds: Seed, clock: FixedClock | None = None) -> SciaticaApp:
    """``build_app``, with every notification the app shows also kept in a list."""
    app = build_app(folder, *seeds, clock=clock)
    said: list[str] = []
    show = app.notify

    def notify(message: str, **options: Any) -> None:
        said.append(str(message))
        show(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    app.said = said  # type: ignore[attr-defined]
    return app


def notices(app: SciaticaApp) -> list[str]:
    return app.said  # type: ignore[attr-defined,no-any-return]


NOV_20 = DailyLog(
    date(2026, 11, 20),
    6,
    3,
    pain_reach=Reach.BUTTOCK,
    pain_side=Side.RIGHT,
    weakness=Weakness.MILD,
    sleep_hours=7.0,
    notes="Bad night.",
)
