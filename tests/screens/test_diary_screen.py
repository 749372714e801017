"""The app's first screen lays the tabs out only when something changed (issue 18 §7).

Two of its savings lean on how Textual 8 opens a screen; these tests fail plainly if a new
Textual changes that, rather than letting the first key quietly slow down again.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.screen import Screen

from sciatica_tui.screens.diary_screen import TOAST_RACK_ID, DiaryScreen
from sciatica_tui.screens.tabs import DiaryTabs
from tests.support.app import build_app, until, welcomed


async def test_the_notification_rack_starts_hidden_and_shows_a_note(tmp_path: Path) -> None:
    app = build_app(tmp_path, welcomed())
    async with app.run_test(notifications=True) as pilot:
        assert isinstance(app.screen, DiaryScreen)
        racks = app.screen.query(f"#{TOAST_RACK_ID}")
        assert len(racks) == 1, (
            f"Textual no longer adds '#{TOAST_RACK_ID}' to each screen: "
            "update TOAST_RACK_ID in screens/diary_screen.py"
        )
        rack = racks.first()
        assert type(rack).__name__ == "ToastRack"
        assert rack.display is False
        app.notify("Saved.")
        await until(pilot, lambda: rack.display, "the note to show")


async def test_a_size_report_of_the_size_on_screen_lays_nothing_out(tmp_path: Path) -> None:
    app = build_app(tmp_path, welcomed())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        layouts: list[Screen[object]] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        for _ in range(3):  # the opening's own layouts are over
            await pilot.pause(0.05)
        layouts.clear()
        screen.post_message(events.Resize(screen.size, screen.size))
        await pilot.pause()
        await pilot.pause()
        assert layouts == []
        await pilot.resize_terminal(90, 28)  # a real change still lays the screen out
        await until(pilot, lambda: bool(layouts), "a layout at the new size")
        assert screen.size.width == 90


def test_today_is_not_read_twice_as_the_app_opens() -> None:
    tabs = DiaryTabs()
    assert not tabs.shows_fresh_figures("today")  # the app opening: read as it was built
    assert tabs.shows_fresh_figures("today")  # coming back to it: other tabs may have saved
    assert DiaryTabs().shows_fresh_figures("breathe")
