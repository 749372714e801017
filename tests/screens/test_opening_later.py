"""The app as ``sciatica`` opens it: the diary's older days are checked a moment after the
first frame, so the first screen must read only the recent ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.timer import Timer

from sciatica_tui import opening
from sciatica_tui.app import SciaticaApp
from sciatica_tui.cli.open_app import CHECKED_FIRST
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.records import Profile
from sciatica_tui.screens.today.status import StatusStrip
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.schema import SCHEMA_VERSION
from tests.support.app import FROZEN_NOW, until

TODAY = FROZEN_NOW.date()


def _diary(folder: Path) -> None:
    """The last few days, and older ones: in each growing table, one cannot be read."""
    logs = {
        str(number): {
            "date": (TODAY - timedelta(days=days_ago)).isoformat(),
            "leg_pain": 99 if days_ago == 100 else 4,
            "back_pain": 2,
        }
        for number, days_ago in enumerate([400, 100, 60, 3, 2, 1], start=1)
    }
    session = dict.fromkeys(("inhale", "hold_in", "exhale", "hold_out"), 4) | {
        "started_at": f"{TODAY - timedelta(days=90)}T08:00:00",
        "planned_seconds": 60,
        "elapsed_seconds": -1,
        "cycles_completed": 3,
        "completed": True,
    }
    tables = {
        "meta": {"1": {"schema_version": SCHEMA_VERSION}},
        "profile": {
            "1": Profile(onset_date=TODAY - timedelta(days=500), welcomed=True).to_record()
        },
        "daily_logs": logs,
        "rehab_days": {"1": {"date": f"{TODAY - timedelta(days=200)}", "done": "all"}},
        "breathing_sessions": {"1": session},
    }
    folder.mkdir()
    (folder / "diary.json").write_text(json.dumps(tables), encoding="utf-8")


async def test_the_first_screen_reads_only_the_recent_days_and_the_rest_follows(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    _diary(folder)
    store = DiaryStore.open(folder, check_later_before=TODAY - CHECKED_FIRST)
    app = SciaticaApp(store, clock=FixedClock(FROZEN_NOW))
    said: list[str] = []
    async with app.run_test(size=(100, 32)) as pilot:
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await pilot.pause()
        assert app.query_one(StatusStrip).status is not None  # the first screen is drawn
        assert not store.opened_fully
        assert store.skipped == [], "a read on the first screen reached the older days"
        assert said == []
        await until(pilot, lambda: store.opened_fully, "the older days are checked")
        await until(pilot, lambda: bool(said), "the person is told")
        assert said == [store.notice()]
        assert "3 records in the diary could not be read (daily_logs record 2" in said[0]
    assert len(store.daily_logs()) == 5


async def test_the_older_days_are_checked_a_few_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step at a time, from a timer: a key typed meanwhile waits for one step at most."""
    folder = tmp_path / "data"
    _diary(folder)
    store = DiaryStore.open(folder, check_later_before=TODAY - CHECKED_FIRST)
    steps: list[tuple[int | None, bool]] = []
    finish_opening = store.finish_opening

    def a_step(*, at_most: int | None = None) -> bool:
        steps.append((at_most, finish_opening(at_most=at_most)))
        return steps[-1][1]

    monkeypatch.setattr(store, "finish_opening", a_step)
    monkeypatch.setattr(opening, "CHECKED_PER_STEP", 2)
    app = SciaticaApp(store, clock=FixedClock(FROZEN_NOW))
    said: list[str] = []
    async with app.run_test(size=(100, 32)) as pilot:
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await until(pilot, lambda: bool(said), "the person is told")
        # The six days (all checked again, in file order), then the rehab day and the
        # session: two records a step.
        assert steps == [(2, False)] * 3 + [(2, True)]
        assert said == [store.notice()]


async def test_a_step_after_the_last_says_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's timer can tick once more after it is stopped, when the machine is behind
    time (seen in a busy suite: the person was told twice)."""
    folder = tmp_path / "data"
    _diary(folder)
    store = DiaryStore.open(folder, check_later_before=TODAY - CHECKED_FIRST)
    app = SciaticaApp(store, clock=FixedClock(FROZEN_NOW))
    steps: list[Callable[[], None]] = []
    set_interval = app.set_interval

    def keeps_the_step(interval: float, callback: Callable[[], None], **kwargs: Any) -> Timer:
        steps.append(callback)
        return set_interval(interval, callback, **kwargs)

    monkeypatch.setattr(app, "set_interval", keeps_the_step)
    said: list[str] = []
    async with app.run_test(size=(100, 32)) as pilot:
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await until(pilot, lambda: bool(said), "the person is told")
        (step,) = steps
        step()  # the tick that can come after the timer was stopped
        step()
        assert said == [store.notice()]
