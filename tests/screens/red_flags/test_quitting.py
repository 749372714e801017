"""Quitting with a half-answered Red flags check (asked first, one piece of unsaved work at a
time), and the tab's keys in the help."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.help import HelpScreen
from tests.support.app import build_app, until, welcomed
from tests.support.red_flag_check import ALL_NO, NO_EMERGENCY, SIZE, answer, open_check
from tests.support.red_flags import focused_question, saved_checks, tab, text_of

# --- quitting ----------------------------------------------------------------------------------


async def test_quitting_a_half_answered_check_asks_and_stay_returns_to_it(
    tmp_path: Path,
) -> None:
    """Without an emergency yes the answers are saved with the result, so ctrl+q in the
    middle asks first, even from another tab; "Stay" (suggested) brings the person back."""
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await answer(pilot, "nn")
        await pilot.press("f1", "ctrl+q")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoiceDialog)
        message = text_of(app, ".dialog-message")
        assert "2 of 12 questions are answered" in message
        assert "saved once all 12 are answered" in message
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        await pilot.press("enter")  # "Stay and finish"
        await pilot.pause()
        assert app.is_running and app.screen is not prompt
        assert focused_question(app) == tab(app).questions[2].id
        await answer(pilot, ALL_NO[2:])
        await pilot.press("enter")
        await until(pilot, lambda: tab(app).finished is not None)
        await pilot.press("ctrl+q")  # the check is saved: no question now
        await pilot.pause()
    assert app.return_code == 0
    assert len(saved_checks(tmp_path / "data")) == 1


async def test_quitting_a_half_answered_check_when_told_to_saves_nothing(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path / "data", welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # opened on the check: let the start-up settle
        await answer(pilot, NO_EMERGENCY + "y")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert app.return_code == 0
    assert saved_checks(tmp_path / "data") == []


async def test_quitting_asks_about_each_piece_of_unsaved_work_in_turn(tmp_path: Path) -> None:
    """Found by a reviewer: with an unsaved day and a half-answered check, "Quit without
    saving" on the first question quit at once, and a "yes" went without a word."""
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7")  # Today: leg pain, not saved
        await open_check(pilot)
        await answer(pilot, NO_EMERGENCY + "y")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.query_one("#tabs", TabbedContent).active == "today"
        await pilot.click("#choice-quit")
        await pilot.pause()
        assert app.is_running  # the check asks next
        assert isinstance(app.screen, ChoiceDialog)
        message = text_of(app, ".dialog-message")
        assert "7 of 12 questions are answered" in message
        # The yes already given says what to do, even though the check is not finished.
        said = tab(app).questions[6]
        assert f"{said.short.capitalize()}: {said.next_step}" in message
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_help_lists_the_tab_keys_and_quitting_before_any_answer_does_not_ask() -> None:
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # opened on the check: let the start-up settle
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.key_rows()
        for key, what in [
            ("Y", "Yes"),
            ("N", "No"),
            ("ENTER", "Result"),
            ("R", "New check"),
            ("A", "Emergency advice"),
        ]:
            assert ("Red flags", key, what) in rows
        assert ("Red flags", "UP", "Previous question") in rows
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen), "the help closes")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
