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
from textual.command import CommandPalette
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, OptionList

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    Reach,
    RedFlagCheck,
    Verdict,
)
from sciatica_tui.screens.clinic.visit_form import VisitForm
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.tabs import TABS, DiaryTabs
from sciatica_tui.screens.widgets.keys_footer import KeysFooter
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, welcomed
from tests.support.store import visit

MONKEY_SEED = 20261121
MONKEY_EVENTS = int(__import__("os").environ.get("MONKEY_EVENTS", 5000))
TODAY = FROZEN_NOW.date()

# Every key a person might hit but ctrl+c, the command palette (ctrl+p) among them. ctrl+q and
# the palette's Quit end the session: the test counts the app's exit instead of running it,
# so the keys go on through the quit questions and past them.
PAGE_KEYS = ["pageup", "pagedown", "home", "end"]
KEYS = (
    [*"abcdefghijklmnopqrstuvwxyz0123456789"]
    + ["y", "n", "r", "s", "a", "e", "d", "j", "k"] * 3
    + ["tab", "shift+tab", "enter", "escape", "space", "backspace", "delete"] * 4
    + ["up", "down", "left", "right", *PAGE_KEYS] * 3
    + ["f1", "f2", "f3", "f4", "f5", "f6", "ctrl+r", "ctrl+s", "question_mark", "minus"]
    + ["ctrl+p"] * 3
    + ["ctrl+n", "ctrl+o", "ctrl+q"]
)

# Where the keys start from, in turn: a tab, then what a key or command opens over it (the
# app's actions, or the tab's, by name; "#list" is Enter on the first line of that list of
# the open visit, "delete" the key on the list of visits). Random keys alone mostly stay where
# they are: once at the emergency alert, they keep coming back to it.
STARTS: list[tuple[str, str | None]] = [
    # First, while the visit of the diary is open. The keys may open a new one, still empty,
    # or remove it: then the start opens a new visit, and fills an empty list or presses Add.
    ("clinic", "#questions"),
    ("clinic", "#imaging"),
    ("clinic", "#medicines"),
    ("today", None),
    ("today", "app.command_palette"),
    ("red_flags", "app.help"),
    ("breathe", "app.edit_dates"),
    ("rehab", "app.emergency_number"),
    ("clinic", None),
    ("trends", "app.command_palette"),
    ("today", "learn_more"),
    ("rehab", "add_exercise"),
    ("rehab", "choose_phase"),
    ("clinic", "new_visit"),
    ("clinic", "app.command_palette"),
    ("red_flags", "alert"),
    ("breathe", "app.command_palette"),
    ("clinic", "delete"),
    ("clinic", "learn_more"),
    ("rehab", None),
]

# Every dialog of the app, each reached by the keys (with the seed above). A ChoiceDialog
# asking before quitting counts as the "quit question"; other questions as ChoiceDialog.
DIALOGS = {
    "CommandPalette",
    "HelpScreen",
    "LearnMoreDialog",
    "WelcomeScreen",
    "EmergencyNumberDialog",
    "EmergencyScreen",
    "ChoiceDialog",
    "quit question",
    "TextDialog",
    "NewVisitDialog",
    "MedicineDialog",
    "ImagingDialog",
    "ExerciseDialog",
    "PhaseDialog",
}

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


SAVED_VISIT = visit("visit-monkey", TODAY + timedelta(days=3))


def a_visit(store: DiaryStore) -> None:
    store.save_visit(SAVED_VISIT)


def dialog_name(screen: Screen[Any]) -> str:
    """What the monkey test counts a screen as."""
    if isinstance(screen, CommandPalette):
        return "CommandPalette"  # the app's own kind of it
    if isinstance(screen, ChoiceDialog) and screen.choices[-1][0] == "quit":
        return "quit question"
    return type(screen).__name__


# The dialog each start on a Clinic list opens: Enter on the list's first line, or its Add.
LIST_DIALOGS = {"#questions": "TextDialog", "#imaging": "ImagingDialog"}
LIST_DIALOGS["#medicines"] = "MedicineDialog"


async def start_from(pilot: Pilot[int], pane: str, opener: str | None) -> None:
    """Back to the tabs the way a person goes, then to tab ``pane`` and what ``opener``
    opens there. A dialog set off by earlier keys can still come up over a list's start (a
    new visit asked for before a save reported back), so that start is made again."""
    app = pilot.app
    for _ in range(3):
        await back_to_the_tabs(pilot)
        await app.action_show_tab(pane)
        await open_over(pilot, pane, opener)
        await settled(pilot)
        if opener not in LIST_DIALOGS or dialog_name(app.screen) == LIST_DIALOGS[opener]:
            return


async def back_to_the_tabs(pilot: Pilot[int]) -> None:
    """Escape, or "I understand" at the emergency alert, until only the tabs are left."""
    app = pilot.app
    for _ in range(8):
        if len(app.screen_stack) == 1:
            break
        if isinstance(app.screen, EmergencyScreen):
            app.screen.query_one("#understand", Button).press()
        else:
            await pilot.press("escape")
        await settled(pilot)
    while len(app.screen_stack) > 1:  # a dialog Escape leaves open (none so far)
        app.pop_screen()


async def open_over(pilot: Pilot[int], pane: str, opener: str | None) -> None:
    app = pilot.app
    assert isinstance(app, SciaticaApp)
    if opener == "alert":
        app.open_red_flag_check({"bladder": True})
    elif opener == "delete":
        app.query_one("#visit-list", OptionList).focus()
        await pilot.press("delete")  # the open visit: "Remove this visit?"
    elif opener in LIST_DIALOGS:
        form = app.query_one(VisitForm)
        name = opener.removeprefix("#")
        form.open_section({"medicines": "history"}.get(name, name))
        editor = form.editor(name)
        # Earlier keys may have emptied the list or opened a new, empty visit. A list with
        # no Add opens its dialog only from a line: it gets the saved visit's lines back.
        if not editor.items and not editor.query(f"#{name}-add"):
            editor.items = getattr(SAVED_VISIT, name)
        if editor.items:
            lines = form.query_one(opener, OptionList)
            lines.highlighted = 0
            lines.focus()
            await pilot.press("enter")
        else:
            editor.query_one(f"#{name}-add", Button).press()
    elif opener is not None:
        await app.run_action(opener, await app.tab_widget(pane))


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


async def test_each_clinic_list_start_opens_its_dialog_whatever_came_before() -> None:
    """The monkey test's starts on a Clinic list reach their dialog with no visit left, and
    when a dialog the keys set off comes up over the start (seen in slow runs: Enter then
    went to a New visit dialog, and the list's own dialog was never reached)."""
    app = build_app(None, welcomed(), opens_on="clinic")
    async with app.run_test(size=(80, 24)) as pilot:
        clinic = await app.tab_widget("clinic")
        for opener, dialog in LIST_DIALOGS.items():
            app.call_later(clinic.run_action, "new_visit")  # comes up as the start is made
            await start_from(pilot, "clinic", opener)
            assert dialog_name(app.screen) == dialog, opener


@pytest.mark.slow
@pytest.mark.frames  # every frame drawn: no key sequence may break the drawing either
async def test_thousands_of_random_keys_and_clicks_lose_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), with_surgery, some_history, a_visit)
    rng = random.Random(MONKEY_SEED)
    width, height = 80, 24
    sent = bursts = 0
    seen: set[str] = set()  # the tabs and screens the keys reached
    started_on: list[str] = []  # the screen each start left the keys on, for a failure
    palette_pages = 0  # page keys sent while the palette was open (issue 19, item 12)

    def count_the_quit(*_args: object, **_kwargs: object) -> None:
        seen.add("quit")

    # Quitting is counted, not done; the palette's Screenshot would write outside tmp_path.
    monkeypatch.setattr(app, "exit", count_the_quit)
    monkeypatch.setattr(app, "deliver_screenshot", lambda *_args, **_kwargs: None)
    async with app.run_test(size=(width, height)) as pilot:
        driver = app._driver
        assert driver is not None

        def tab_shown(pane: str) -> None:
            seen.add(pane)

        def screen_shown(screen: Screen[Any]) -> None:
            seen.add(dialog_name(screen))

        app.watch(app.query_one(DiaryTabs), "active", tab_shown)
        app.screen_change_signal.subscribe(app, screen_shown)
        for start, (pane, opener) in enumerate(STARTS, 1):
            await start_from(pilot, pane, opener)
            started_on.append(f"{pane} {opener}: {dialog_name(app.screen)}")
            while sent < MONKEY_EVENTS * start // len(STARTS):
                for _ in range(rng.randint(1, 8)):
                    if rng.random() < 0.1:
                        for event in click_events(rng.randrange(width), rng.randrange(height)):
                            driver.send_message(event)
                    else:
                        key = rng.choice(KEYS)
                        in_palette = isinstance(app.screen, CommandPalette)
                        palette_pages += key in PAGE_KEYS and in_palette
                        driver.send_message(key_event(key))
                    sent += 1
                bursts += 1
                if bursts % BURSTS_BETWEEN_PAUSES == 0:
                    await pilot.pause()
        # Back to the tabs as a person would before quitting (whatever the last keys opened).
        await start_from(pilot, "today", None)
    assert app.return_code is None
    # The keys went everywhere: every tab, every dialog over them, page keys in the palette.
    assert {spec.pane for spec in TABS} <= seen, seen
    assert DIALOGS - seen == set(), f"dialogs never reached: {DIALOGS - seen} ({started_on})"
    assert "quit" in seen and palette_pages >= 10, (sorted(seen), palette_pages)

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
    app = build_app(None, welcomed(), opens_on="red_flags")
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
