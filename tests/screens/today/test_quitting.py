"""Quitting with a day not saved on Today: asked first, even when keys arrive at once."""

from __future__ import annotations

from pathlib import Path

from textual import events

from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, settled, welcomed
from tests.support.today import field


async def test_quitting_with_an_unsaved_day_asks_first_and_stay_keeps_it() -> None:
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7", "tab", "3")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # "Stay" is the suggested answer
        await pilot.pause()
        assert app.return_code is None and len(app.screen_stack) == 1
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.press("ctrl+q")  # saved now: no question
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_q_right_after_a_digit_still_asks(tmp_path: Path) -> None:
    """Found in tmux: F1, 7 and ctrl+q sent at once quit without asking, because ctrl+q
    (a priority key) was handled before the 7 had reached leg pain."""
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        for key, character in (("f1", None), ("7", "7"), ("ctrl+q", None)):
            app.post_message(events.Key(key, character))
        await settled(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert app.return_code is None
        assert field(app, "leg_pain").value == 7


async def test_quitting_from_another_tab_shows_the_unsaved_day_behind_the_question() -> None:
    """ctrl+q pressed on Trends with an unsaved day: the question comes over Today, so that
    "Stay" leaves the cursor on the day to save, in view."""
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7")
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.query_one("#tabs").active == "today"  # type: ignore[attr-defined]
        await pilot.press("enter")  # "Stay"
        await pilot.pause()
        assert app.is_running
        assert app.focused is field(app, "leg_pain")
        assert field(app, "leg_pain").value == 7


async def test_quitting_without_saving_when_told_to(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Quit without saving"
        await pilot.pause()
    assert app.return_code == 0
    with DiaryStore.open(tmp_path / "data", read_only=True) as store:
        assert store.daily_logs() == []


async def test_ctrl_s_then_ctrl_q_at_once_saves_without_asking(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7", "tab", "3", "ctrl+s", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    with DiaryStore.open(tmp_path / "data", read_only=True) as store:
        assert [(log.leg_pain, log.back_pain) for log in store.daily_logs()] == [(7, 3)]


async def test_ctrl_q_still_asks_after_ctrl_r_closed_its_question() -> None:
    """ctrl+r closes the quit question to open the check; each tab used to keep its own
    "asking" flag, never cleared that way, and ctrl+q then did nothing at all."""
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("7", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("ctrl+r")
        await settled(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # asked again
        await pilot.press("ctrl+q")  # a second ctrl+q waits for the answer
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog) and app.is_running
