"""Misuse: thousands of random keys and clicks, and every terminal size from small to huge.

Textual's test harness re-raises any exception the app hit, so "no exception" is checked by
the run itself; what these tests add is the data check afterwards.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    Reach,
    RedFlagCheck,
    Verdict,
)
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.tabs import TABS, DiaryTabs
from sciatica_tui.screens.widgets.keys_footer import KeysFooter
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, welcomed

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


def click_events(x: int, y: int) -> list[events.Event]:
    """What a terminal sends for a left click at column ``x``, row ``y``."""
    at = {"x": x, "y": y, "delta_x": 0, "delta_y": 0, "button": 1, "shift": False}
    at |= {"meta": False, "ctrl": False, "screen_x": x, "screen_y": y}
    return [
        events.MouseDown(None, **at),
        events.MouseUp(None, **at),
        events.Click(None, **at, chain=1),
    ]


# Bursts of keys and clicks arrive as from a fast typist or a busy terminal; the app settles
# after every few bursts (a pause after each one only slowed the test: 4,000 extra frames).
BURSTS_BETWEEN_PAUSES = 8


@pytest.mark.slow
async def test_thousands_of_random_keys_and_clicks_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), with_surgery, some_history)
    rng = random.Random(MONKEY_SEED)
    width, height = 80, 24
    sent = bursts = 0
    seen: set[str] = set()  # the tabs and screens the keys reached
    async with app.run_test(size=(width, height)) as pilot:
        driver = app._driver
        assert driver is not None

        def tab_shown(pane: str) -> None:
            seen.add(pane)

        def screen_shown(screen: Screen[Any]) -> None:
            seen.add(type(screen).__name__)

        app.watch(app.query_one(DiaryTabs), "active", tab_shown)
        app.screen_change_signal.subscribe(app, screen_shown)
        while sent < MONKEY_EVENTS and not app._exit:
            for _ in range(rng.randint(1, 8)):
                if rng.random() < 0.1:
                    for event in click_events(rng.randrange(width), rng.randrange(height)):
                        driver.send_message(event)
                else:
                    driver.send_message(key_event(rng.choice(KEYS)))
                sent += 1
            bursts += 1
            if bursts % BURSTS_BETWEEN_PAUSES == 0:
                await pilot.pause()
        await settled(pilot)
    assert app.return_code in (None, 0)
    # The keys went everywhere: every tab, and dialogs over them.
    assert {spec.pane for spec in TABS} <= seen, seen
    assert {"HelpScreen", "EmergencyScreen"} <= seen, seen

    with DiaryStore.open(folder, read_only=True) as store:
        assert store.skipped == []
        kept = {log.date for log in store.daily_logs()}
        assert {log.date for log in SAVED_LOGS} <= kept
        assert SAVED_CHECK in store.red_flag_checks()
        assert SAVED_SESSION in store.breathing_sessions()


SIZES = [(60, 20), (80, 24), (120, 40), (250, 70)]


def cut_off(root: Widget) -> list[str]:
    """Widgets reaching out of the side of a parent that cannot scroll sideways (their
    edge is cut off: a label losing its last letters, a button its end)."""
    found = []
    for widget in [root, *root.query("*")]:
        parent = widget.parent
        if not widget.display or not widget.region.area or not isinstance(parent, Widget):
            continue
        if parent.allow_horizontal_scroll:
            continue
        if widget.region.x < parent.region.x or widget.region.right > parent.region.right:
            found.append(f"{widget!r} at {widget.region} in {parent!r} at {parent.region}")
    return found


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_tab_fits_every_size_with_its_keys_in_view(width: int, height: int) -> None:
    app = build_app(None, welcomed(), with_surgery, some_history)
    async with app.run_test(size=(width, height)) as pilot:
        for spec in TABS:
            await pilot.press(spec.key)
            await settled(pilot)
            assert app.active_tab == spec.pane
            tab = await app.tab_widget(spec.pane)
            assert tab.region.width > 0 and tab.region.height > 0
            assert cut_off(tab) == [], spec.pane
            # The way to help and the way to every other key stay in the footer.
            footer = str(app.query_one(KeysFooter).render())
            assert "^r Red-flag check" in footer and "? Help" in footer, footer
        await pilot.press("question_mark")
        await settled(pilot)
        assert isinstance(app.screen, HelpScreen) and cut_off(app.screen) == []
        await pilot.press("escape")


async def test_the_emergency_alert_is_fully_readable_at_60x20() -> None:
    from sciatica_tui.screens.dialogs.emergency import EmergencyScreen

    app = build_app(None, welcomed())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("n", "y")  # saddle numbness: yes
        await pilot.press(*"nnnn")
        await pilot.press("enter")
        await settled(pilot)
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
