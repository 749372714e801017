"""The App shell: first run, tabs and their keys, help, palette, themes, quitting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Button, Input, TabbedContent

from sciatica_tui.cli.open_app import run_app
from sciatica_tui.palette import open_reminder_time
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.dialogs.reminder_time import ReminderTimeDialog
from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
from sciatica_tui.screens.tabs import TABS
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreWriteError
from tests.support.app import build_app, settled, until, welcomed


async def test_first_run_asks_for_onset_and_saves_it(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data")
    async with app.run_test(size=(100, 32)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is app.screen.query_one("#onset", Input)
        await pilot.press(*"2026-10-01", "enter")
        await settled(pilot)
        assert not isinstance(app.screen, WelcomeScreen)
    with DiaryStore.open(tmp_path / "data") as store:
        profile = store.profile()
    assert profile.welcomed
    assert str(profile.onset_date) == "2026-10-01"
    assert profile.surgery_date is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2026-12-25", "in the future"), ("next tuesday-ish", "not a date I can read")],
)
async def test_first_run_refuses_bad_dates_and_keeps_the_text(
    tmp_path: Path, typed: str, message: str
) -> None:
    app = build_app(tmp_path / "data")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press(*typed, "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        assert message in str(screen.query_one("#onset-error").render())
        assert screen.query_one("#onset", Input).value == typed
    with DiaryStore.open(tmp_path / "data") as store:
        assert store.profile().onset_date is None


async def test_skipping_the_first_run_is_remembered(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data")
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await settled(pilot)
        assert not isinstance(app.screen, WelcomeScreen)
    again = build_app(tmp_path / "data")
    async with again.run_test():
        assert not isinstance(again.screen, WelcomeScreen)


async def test_app_starts_on_today() -> None:
    app = build_app(None, welcomed())
    async with app.run_test():
        assert app.query_one("#tabs", TabbedContent).active == "today"


@pytest.mark.parametrize("pane", [spec.pane for spec in TABS[1:]])
async def test_the_app_opened_on_a_tab_builds_that_tab_alone(pane: str) -> None:
    """As ``sciatica breathe`` opens on Breathe (and tests on the tab they test): the tab in
    view from the first frame, with the cursor in it, and Today built when first opened."""
    app = build_app(None, welcomed(), opens_on=pane)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == pane
        assert app.focused is not None
        assert app.query_one(f"#{pane}-tab") in app.focused.ancestors_with_self
        assert [spec.pane for spec in TABS if app.built_tab(spec.pane)] == [pane]
        await pilot.press("f1")
        await until(pilot, lambda: app.focused is app.query_one("#log-leg_pain"), "leg pain")


async def test_a_breathing_session_from_the_command_line_builds_no_today() -> None:
    app = build_app(None, welcomed(), breathe=(1, 4))
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: app.query("#breathe-tab").results(), "the Breathe tab")
        assert app.built_tab("today") is None


def test_the_app_refuses_to_open_on_a_tab_it_does_not_have() -> None:
    with pytest.raises(KeyError, match="clinc"):
        build_app(None, opens_on="clinc")


@pytest.mark.parametrize(("pane", "key"), [(spec.pane, spec.key) for spec in TABS])
async def test_every_tab_has_a_working_shortcut(pane: str, key: str) -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        start = "trends" if pane == "today" else "today"
        app.query_one("#tabs", TabbedContent).active = start
        await pilot.press(key)
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == pane


async def test_ctrl_r_opens_the_red_flag_check() -> None:
    app = build_app(None, welcomed())
    async with app.run_test() as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"


async def test_ctrl_q_quits() -> None:
    app = build_app(None, welcomed())
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_help_lists_every_app_key() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.key_rows()
        for label, key in ((spec.label, spec.key) for spec in TABS):
            assert ("Everywhere", key.upper(), label) in rows
        assert ("Everywhere", "CTRL+R", "Red-flag check") in rows
        assert ("Everywhere", "CTRL+Q", "Quit") in rows
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_offers_every_tab_and_the_check() -> None:
    app = build_app(None, welcomed())
    async with app.run_test():
        titles = [command.title for command in app.get_system_commands(app.screen)]
    for label in (spec.label for spec in TABS):
        assert f"Go to {label}" in titles
    assert "Red-flag check" in titles
    assert "Set onset and surgery dates" in titles


async def test_palette_offers_each_tabs_own_actions() -> None:
    """Every action, not only the tab keys: the palette also lists what each tab's keys do."""
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in [
            "Today: Same as yesterday",
            "Today: Go to a day",
            "Rehab: Choose phase",
            "Rehab: Add exercise",
            "Clinic visit: New visit",
            "Clinic visit: Export text",
            "Clinic visit: Export PDF",
            "Trends: All time",
            "Trends: Weekly review",
            "Breathe: Pause/resume",  # Breathe is not built yet: all its actions
        ]:
            assert title in titles, title
        await pilot.press("f3")
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Breathe: Start" in titles
        assert "Breathe: Pause/resume" not in titles  # built, and no session is running


async def test_a_tab_action_from_the_palette_runs_on_its_tab() -> None:
    from sciatica_tui.screens.rehab.phase import PhaseDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"choose phase")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert app.query_one("#tabs", TabbedContent).active == "rehab"
        assert isinstance(app.screen, PhaseDialog)


async def test_a_palette_action_that_cannot_run_now_says_so() -> None:
    app = build_app(None, welcomed())
    said: list[str] = []
    async with app.run_test(size=(100, 32)) as pilot:
        app.notify = lambda message, **_kw: said.append(message)  # type: ignore[method-assign]
        [pause] = [
            command
            for command in app.get_system_commands(app.screen)
            if command.title == "Breathe: Pause/resume"
        ]
        await pause.callback()  # type: ignore[misc]
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "breathe"
    assert said == ["Pause/resume is not possible right now."]


async def test_chosen_theme_is_remembered(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test() as pilot:
        app.theme = "nord"
        await settled(pilot)
    again = build_app(tmp_path / "data")
    async with again.run_test():
        assert again.theme == "nord"


async def test_a_failed_save_keeps_the_dialog_and_what_was_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder or a full disk: a clear message, no traceback, nothing lost."""
    app = build_app(tmp_path / "data")

    def disk_full(_profile: object) -> None:
        raise StoreWriteError("Not saved: the disk is full. Nothing was lost.")

    said: list[str] = []
    async with app.run_test(size=(100, 32)) as pilot:
        monkeypatch.setattr(app.store, "save_profile", disk_full)
        monkeypatch.setattr(app, "notify", lambda message, **_: said.append(str(message)))
        await pilot.press(*"2026-10-01", "enter")
        await settled(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.query_one("#onset", Input).value == "2026-10-01"
        assert any("disk is full" in message for message in said)


def test_opening_an_unreadable_diary_explains_and_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "diary.json").write_bytes(b'{"daily_logs": {"1": {"date": "2026-')
    assert run_app(folder) == 1
    err = capsys.readouterr().err
    assert "could not be read" in err and "Traceback" not in err
    kept = list(folder.glob("diary.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"daily_logs": {"1": {"date": "2026-'


def test_a_second_window_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder):
        before = (folder / "diary.json").read_bytes()
        assert run_app(folder) == 1
        assert "already open in another window" in capsys.readouterr().err
        assert (folder / "diary.json").read_bytes() == before


async def test_changing_the_dates_offers_cancel_not_skip() -> None:
    """Found by a reviewer: ctrl+o (change the dates) offered "Skip for now", the first-run
    words."""
    from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
    from sciatica_tui.screens.widgets.keys_footer import KeysFooter

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert str(app.screen.query_one("#skip", Button).label) == "Cancel"
        assert "esc Cancel" in str(app.query_one(KeysFooter).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
        assert app.store.profile().onset_date == date(2026, 9, 20)  # unchanged


async def test_over_a_dialog_the_palette_offers_no_tab_it_cannot_open() -> None:
    """Found by a reviewer: "Go to Today" over the new-visit dialog did nothing."""
    from sciatica_tui.screens.rehab.own_exercises import ExerciseDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseDialog)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert not [title for title in titles if title.startswith(("Go to", "Rehab:"))]
        assert "Red-flag check" in titles  # this one works from anywhere
        titles = [command.title for command in app.get_system_commands(app.screen_stack[0])]
        assert "Today: Onset date" not in titles  # offered once, by its own name
        assert "Set onset and surgery dates" in titles


async def test_the_reminder_time_is_set_from_the_palette() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Set the daily reminder time" in titles
        open_reminder_time(app)
        await until(pilot, lambda: bool(app.screen.query("#reminder-time")), "the dialog")
        assert app.screen.query_one("#reminder-time", Input).value == "19:00"
        await pilot.press(*["backspace"] * 5, *"25:00", "enter")
        await pilot.pause()
        assert "is not a time of day" in str(app.screen.query_one(".dialog-problem").render())
        await pilot.press(*["backspace"] * 5, *"21:30", "enter")
        await until(pilot, lambda: not isinstance(app.screen, ReminderTimeDialog), "saved")
        assert app.store.profile().settings.reminder_time == "21:30"
