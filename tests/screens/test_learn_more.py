"""Teaching beside the tabs (issue 21): each tab's short line is on screen and ctrl+l opens
the whole topic, one key from the tab, even while typing; Escape brings the tab back."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Static, TextArea

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.content_schema import RehabPhase
from sciatica_tui.domain.teaching import teaching
from sciatica_tui.screens.breathe.tab import BreatheTab
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.dialogs.learn_more import LearnMoreDialog, goal_line
from tests.support.app import build_app, cursor_in_tab, open_tab, until, welcomed

SIZE = (100, 32)
TAUGHT = teaching()


def dialog_text(app: SciaticaApp) -> str:
    """The dialog's words as plain text, wide enough that no line wraps (a list is a grid of
    bullet and words, so its items wrap under their words)."""
    console = Console(width=400, record=True, file=io.StringIO())
    for static in app.screen.query(Static):
        said = static.content
        console.print(Text(said) if isinstance(said, str) else said)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


@pytest.mark.parametrize("pane", ["today", "breathe", "rehab", "clinic"])
async def test_ctrl_l_opens_the_tab_topic_in_one_key(pane: str) -> None:
    app = build_app(None, welcomed(), opens_on=pane)
    async with app.run_test(size=SIZE) as pilot:
        await cursor_in_tab(pilot, pane)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LearnMoreDialog), "the topic opens")
        topic = TAUGHT.topics[pane]
        said = dialog_text(app)
        assert topic.title in said
        assert all(part.heading in said and part.text in said for part in topic.parts)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, LearnMoreDialog), "it closes")
        assert app.query_one("#tabs").active == pane  # type: ignore[attr-defined]


async def test_the_today_topic_starts_with_the_stage_and_opens_while_typing() -> None:
    app = build_app(None, welcomed(date(2026, 9, 20)), opens_on="today")  # week 8: stage 2
    async with app.run_test(size=SIZE) as pilot:
        await cursor_in_tab(pilot, "today")
        notes = app.query_one("TextArea.notes", TextArea)
        notes.focus()
        await pilot.press(*"tingles", "ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LearnMoreDialog), "the topic opens")
        said = dialog_text(app)
        assert TAUGHT.stage_guide.heading in said
        assert "moderate to high, and it goes up and down" in said  # not off track at stage 2
        first_own_part = TAUGHT.topics["today"].parts[0].heading
        assert said.index(TAUGHT.stage_guide.heading) < said.index(first_own_part)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, LearnMoreDialog), "it closes")
        assert notes.text == "tingles"  # nothing typed is lost


async def test_without_an_onset_date_the_today_topic_has_no_stage() -> None:
    app = build_app(None, welcomed(None), opens_on="today")
    async with app.run_test(size=SIZE) as pilot:
        await cursor_in_tab(pilot, "today")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LearnMoreDialog), "the topic opens")
        assert TAUGHT.stage_guide.heading not in dialog_text(app)


async def test_each_tab_shows_its_short_line() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "f1", "today")
        today_line = str(app.query_one("#today-learn", Static).render())
        assert TAUGHT.topics["today"].short in today_line and "ctrl+l" in today_line
        await open_tab(pilot, "f3", "breathe")
        for breathe_line in app.query(".breathe-learn").results(Static):  # setup, summary
            said = str(breathe_line.render())
            assert TAUGHT.topics["breathe"].short in said and "ctrl+l" in said
        await open_tab(pilot, "f5", "clinic")
        clinic_line = str(app.query_one("#clinic-learn", Static).render())
        assert TAUGHT.topics["clinic"].short in clinic_line and "ctrl+l" in clinic_line


def test_rehab_goal_line_teaches_rest_in_phase_1_and_steady_work_later() -> None:
    first, second = (RehabPhase(n, "", "Heal.", ()) for n in (1, 2))
    assert TAUGHT.myths.rest in goal_line(first).plain
    assert TAUGHT.topics["rehab"].short in goal_line(second).plain
    assert TAUGHT.myths.rest not in goal_line(second).plain
    assert all("ctrl+l" in goal_line(phase).plain for phase in (first, second))


async def test_breathe_offers_the_topic_beside_a_session_not_in_the_middle() -> None:
    app = build_app(None, welcomed(), opens_on="breathe")
    async with app.run_test(size=SIZE) as pilot:
        await cursor_in_tab(pilot, "breathe")
        breathe = app.query_one(BreatheTab)
        assert breathe.check_action("learn_more", ()) is True
        breathe.start_session(1, 4)
        await until(pilot, lambda: breathe.view == "rating", "the ratings before are asked")
        await pilot.press("s")
        await until(pilot, lambda: breathe.view == "running", "the session runs")
        assert breathe.check_action("learn_more", ()) is False
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not isinstance(app.screen, LearnMoreDialog)


async def test_the_key_is_in_the_help_and_the_palette() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help opens")
        rows = app.screen.key_rows()  # type: ignore[attr-defined]
        for label in ("Today", "Breathe", "Rehab", "Clinic visit"):
            assert (label, "CTRL+L", "Learn") in rows
        titles = {command.title for command in app.get_system_commands(app.screen_stack[0])}
        for label in ("Today", "Breathe", "Rehab", "Clinic visit"):
            assert f"{label}: Learn" in titles
