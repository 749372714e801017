"""Misuse: thousands of random keys and clicks, and every terminal size from small to huge.

Textual's test harness re-raises any exception the app hit, so "no exception" is checked by
the run itself; what these tests add is the data check afterwards.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Region
from textual.widgets import Button

from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    Reach,
    RedFlagCheck,
    Verdict,
)
from sciatica_tui.screens.tabs import TABS
from sciatica_tui.store.diary_store import DiaryStore
from tests.app_builders import FROZEN_NOW, build_app, welcomed

MONKEY_SEED = 20261121
MONKEY_EVENTS = int(__import__("os").environ.get("MONKEY_EVENTS", 5000))
TODAY = FROZEN_NOW.date()

# Every key a person might hit, except the ones that end the session on purpose
# (ctrl+q, ctrl+c) and the command palette (its "Quit" command would do the same).
KEYS = (
    [*"abcdefghijklmnopqrstuvwxyz0123456789"]
    + ["y", "n", "r", "s", "a", "e", "d", "j", "k"] * 3
    + ["tab", "shift+tab", "enter", "escape", "space", "backspace", "delete"] * 4
    + ["up", "down", "left", "right", "pageup", "pagedown", "home", "end"] * 3
    + ["f1", "f2", "f3", "f4", "f5", "f6", "ctrl+r", "ctrl+s", "question_mark", "minus"]
)

SAVED_LOGS = [
    DailyLog(TODAY - timedelta(days=d), 6 - d % 3, 3, pain_reach=Reach.THIGH, notes=f"day {d}")
    for d in range(1, 15)
]
SAVED_CHECK = RedFlagCheck(datetime(2026, 11, 10, 8, 0), {"saddle_numbness": False}, Verdict.CLEAR)
SAVED_SESSION = BreathingSession(
    datetime(2026, 11, 12, 20, 0), 4, 4, 4, 4, 192, 192.0, 12, True, stress_before=6
)


def some_history(store: DiaryStore) -> None:
    for log in SAVED_LOGS:
        store.save_daily_log(log)
    store.save_red_flag_check(SAVED_CHECK)
    store.add_breathing_session(SAVED_SESSION)


def with_surgery(store: DiaryStore) -> None:
    store.save_profile(replace(store.profile(), surgery_date=date(2026, 10, 1)))


# The character a terminal sends with each named key (the rest have none).
KEY_CHARACTERS = {
    "space": " ",
    "enter": "\r",
    "tab": "\t",
    "escape": "\x1b",
    "backspace": "\x7f",
    "question_mark": "?",
    "minus": "-",
}


def key_event(key: str) -> events.Key:
    return events.Key(key, key if len(key) == 1 else KEY_CHARACTERS.get(key))


async def test_thousands_of_random_keys_and_clicks_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), with_surgery, some_history)
    rng = random.Random(MONKEY_SEED)
    width, height = 80, 24
    sent = 0
    async with app.run_test(size=(width, height)) as pilot:
        driver = app._driver
        assert driver is not None
        while sent < MONKEY_EVENTS and not app._exit:
            if rng.random() < 0.1:
                await pilot.click(offset=(rng.randrange(width), rng.randrange(height)))
                sent += 1
            else:
                # A burst of keys arrives at once, as from a fast typist or a busy terminal;
                # the app handles them in order, then settles before the next burst.
                for _ in range(rng.randint(1, 8)):
                    driver.send_message(key_event(rng.choice(KEYS)))
                    sent += 1
                await pilot.pause()
        await pilot.pause(0.3)
    assert app.return_code in (None, 0)

    with DiaryStore.open(folder, read_only=True) as store:
        assert store.skipped == []
        kept = {log.date for log in store.daily_logs()}
        assert {log.date for log in SAVED_LOGS} <= kept
        assert SAVED_CHECK in store.red_flag_checks()
        assert SAVED_SESSION in store.breathing_sessions()


SIZES = [(60, 20), (80, 24), (100, 30), (120, 40), (160, 50), (200, 60), (250, 70)]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_tab_renders_at_every_size(width: int, height: int) -> None:
    app = build_app(None, welcomed(), with_surgery, some_history)
    async with app.run_test(size=(width, height)) as pilot:
        for pane, key in ((spec.pane, spec.key) for spec in TABS):
            await pilot.press(key)
            await pilot.pause()
            assert app.query_one("#tabs").active == pane  # type: ignore[attr-defined]
            widget = await app.tab_widget(pane)
            assert widget.region.width > 0 and widget.region.height > 0
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()


async def test_the_emergency_alert_is_fully_readable_at_60x20() -> None:
    from sciatica_tui.screens.dialogs.emergency import EmergencyScreen

    app = build_app(None, welcomed())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("n", "y")  # saddle numbness: yes
        await pilot.press(*"nnnn")
        await pilot.press("enter")
        await pilot.pause(0.3)
        alert = app.screen
        assert isinstance(alert, EmergencyScreen)
        screen_region = Region(0, 0, 60, 20)
        body = alert.query_one("#emergency-body")
        # Everything outside the scrolling advice (the banner, the way out) is on screen.
        for widget in alert.query("*"):
            if widget.display and widget.region.area and body not in widget.ancestors_with_self:
                assert screen_region.contains_region(widget.region), widget
        assert screen_region.contains_region(body.region) and body.region.height >= 3
        button = alert.query_one(Button)
        assert button.region.area > 0 and screen_region.contains_region(button.region)
        # Everything in the scrolling advice can be reached with the arrow keys.
        body.focus()
        for _ in range(body.max_scroll_y + 1):
            await pilot.press("down")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
