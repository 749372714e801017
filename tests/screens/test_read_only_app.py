"""The app on a diary it can only read (issue 19, item 10): one line at the top says so,
every tab can be looked at, each save is refused in words, and nothing is changed.

The diary file is marked read-only (0400), which the app respects even as root; the store's
tests cover a read-only folder and a read-only disk, which open the same way.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from textual.widgets import Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
from sciatica_tui.screens.tabs import TABS
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, settled, until, welcomed


def read_only_app(tmp_path: Path) -> tuple[SciaticaApp, Path, bytes]:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:
        welcomed()(store)
        store.save_daily_log(DailyLog(date(2026, 11, 20), 5, 3, notes="yesterday"))
    os.chmod(folder / "diary.json", 0o400)
    before = (folder / "diary.json").read_bytes()
    store = DiaryStore.open_or_view(folder)
    return SciaticaApp(store, clock=FixedClock(FROZEN_NOW)), folder, before


async def test_the_note_at_the_top_every_tab_and_a_refused_save(tmp_path: Path) -> None:
    app, folder, before = read_only_app(tmp_path)
    said: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        note = app.query_one("#read-only-note", Static)
        text = str(note.render())
        assert text.startswith("Read-only: the file ") and "marked read-only" in text
        assert "nothing can be saved" in text
        assert note.region.y == 1  # right under the header, above the tabs

        for spec in TABS:  # every tab opens and shows the diary
            await pilot.press(spec.key)
            await until(pilot, lambda pane=spec.pane: app.built_tab(pane) is not None)
            assert app.active_tab == spec.pane

        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await pilot.press("f1")
        await pilot.press("4", "tab", "2", "ctrl+s")
        await settled(pilot)
        refused = str(app.query_one("#today-tab #day-error", Static).render())
        assert "read-only here" in refused and "marked read-only" in refused
        assert any(message.startswith("The diary is read-only here") for message in said)
    assert (folder / "diary.json").read_bytes() == before
    with DiaryStore.open_or_view(folder) as store:
        assert store.daily_log(date(2026, 11, 21)) is None


async def test_a_first_run_is_not_asked_when_nothing_can_be_saved(tmp_path: Path) -> None:
    """Its Skip saves that the note was seen; refused, it would keep the dialog open and every
    tab out of reach."""
    folder = tmp_path / "data"
    DiaryStore.open(folder).close()  # a diary never welcomed
    os.chmod(folder / "diary.json", 0o400)
    app = SciaticaApp(DiaryStore.open_or_view(folder), clock=FixedClock(FROZEN_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
        await pilot.press("f5")
        await until(pilot, lambda: app.active_tab == "clinic")
