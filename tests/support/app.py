"""Build the app with a frozen clock and a temporary diary (tests and snapshots)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from textual.pilot import Pilot

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.store.diary_store import DiaryStore

FROZEN_NOW = datetime(2026, 11, 21, 9, 30)

Seed = Callable[[DiaryStore], None]


def welcomed(onset: date | None = date(2026, 9, 20)) -> Seed:
    """A seed for a person who has been through the first run."""

    def seed(store: DiaryStore) -> None:
        store.save_profile(replace(store.profile(), welcomed=True, onset_date=onset))

    return seed


def build_app(
    folder: Path | None = None,
    *seeds: Seed,
    clock: FixedClock | None = None,
    breathe: tuple[int, int] | None = None,
    opens_on: str = "today",
) -> SciaticaApp:
    """An app on ``folder`` (a fresh temporary one by default) after running ``seeds``."""
    folder = folder or Path(tempfile.mkdtemp(prefix="sciatica-test-")) / "data"
    store = DiaryStore.open(folder)
    for seed in seeds:
        seed(store)
    return SciaticaApp(
        store, clock=clock or FixedClock(FROZEN_NOW), breathe=breathe, opens_on=opens_on
    )


async def until(pilot: Pilot[int], condition: Callable[[], bool], what: str = "") -> None:
    """Wait (briefly, in real time) until ``condition`` holds: tabs are built on first use
    and saves report back from the writer thread."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"timed out waiting until {what or condition}")


async def open_tab(pilot: Pilot[int], key: str, pane: str) -> None:
    """Press ``key`` and wait until the tab ``pane`` is built and holds the cursor."""
    await pilot.pause()
    await pilot.press(key)
    await cursor_in_tab(pilot, pane)


async def cursor_in_tab(pilot: Pilot[int], pane: str) -> None:
    """Wait until the tab ``pane`` (opened by key, or the one the app opened on) is built
    and holds the cursor."""
    app = pilot.app
    await until(
        pilot,
        lambda: app.query(f"#{pane}-tab").results() and app.focused is not None,
        f"the {pane} tab is built",
    )
    await until(
        pilot,
        lambda: app.query_one(f"#{pane}-tab") in app.focused.ancestors_with_self,  # type: ignore[union-attr]
        f"the cursor is in the {pane} tab",
    )


async def settled(pilot: Pilot[int]) -> None:
    """Wait until every save asked for has reported back, and the app has handled the report
    and what it set off (a note, a redrawn strip, the red-flag check opening)."""
    app = pilot.app
    assert isinstance(app, SciaticaApp)
    await until(pilot, lambda: not app.saving, "the saves to report back")
    await pilot.pause()
    await pilot.pause()


def with_numbers(emergency: str | None, urgent: str | None = None) -> Seed:
    """A seed for a person who chose their emergency number (and an urgent-advice one)."""

    def seed(store: DiaryStore) -> None:
        profile = store.profile()
        settings = replace(profile.settings, emergency_number=emergency, urgent_number=urgent)
        store.save_profile(replace(profile, settings=settings))

    return seed
