"""The Red flags tab, driven by keys as a person would: reaching the check with ctrl+r from
anywhere, answering it, and the result."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, Static, TabbedContent

from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.content_schema import RED_FLAG_QUESTION_IDS, RED_FLAG_URGENT_IDS
from sciatica_tui.domain.records import Verdict
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
from sciatica_tui.screens.red_flags.questions import QuestionRow
from sciatica_tui.screens.tabs import TABS
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed
from tests.support.red_flag_check import (
    NO_EMERGENCY,
    SIZE,
    answer,
    shown_answers,
)
from tests.support.red_flags import focused_question, saved_checks, tab, text_of

# --- reaching the check -------------------------------------------------------------------


async def test_ctrl_r_from_every_tab_opens_the_check() -> None:
    """One app, every tab in turn (folded from a test per tab); the check is built by the
    first ctrl+r, from the last tab, and found again from each of the others."""
    panes = [spec.pane for spec in reversed(TABS)]
    assert panes[0] != "red_flags"
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        for pane in panes:
            await app.action_show_tab(pane)
            await pilot.pause()
            assert app.query_one("#tabs", TabbedContent).active == pane
            if pane != "red_flags":
                assert focused_question(app) is None
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert app.query_one("#tabs", TabbedContent).active == "red_flags", pane
            assert focused_question(app) == "bladder", pane


async def test_ctrl_r_works_while_typing_in_a_field_on_the_today_tab() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.query_one("#today-tab")
        fields = list(today.query(Input))
        field = fields[0] if fields else Input(id="probe-field")
        if not fields:
            await today.mount(field)
        field.focus()
        await pilot.pause()
        await pilot.press("4", "5")
        await pilot.pause()
        assert app.focused is field
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        assert focused_question(app) == "bladder"


async def test_ctrl_r_from_the_first_run_dialog_opens_the_check() -> None:
    app = build_app(None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("2", "0")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        assert focused_question(app) == "bladder"


# --- answering ----------------------------------------------------------------------------------


async def test_a_first_check_from_the_empty_tab_to_a_clear_result(tmp_path: Path) -> None:
    """One journey, folded from six tests: the two groups of questions and where they come
    from, the empty history, y and n answering and moving on with every answer in words, an
    answer changed, the result button in focus after the last answer, and a clear check
    saved, saying it does not replace a doctor."""
    app = build_app(tmp_path / "data", welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # opened on the check: let the start-up settle
        headings = [str(w.render()) for w in tab(app).query(".group-heading").results(Static)]
        assert headings == [
            "!! Signs that need the emergency department now",
            "! Signs that need a doctor today",
        ]
        sources = text_of(app, "#sources")
        assert "NICE sciatica guidance" in sources and "suspected cauda equina" in sources
        assert "Reviewed 3 Dec 2026." in sources
        numbers = [row.number for row in tab(app).query(QuestionRow)]
        assert numbers == list(range(1, 13))
        assert text_of(app, "#history") == "No checks saved yet."
        # y and n answer and move on; every answer is shown in words.
        assert set(shown_answers(app).values()) == {"? Not answered"}
        await answer(pilot, NO_EMERGENCY + "ny")
        assert focused_question(app) == "fever_unwell"
        answers = shown_answers(app)
        assert answers["bladder"] == "✘ No"
        assert answers["mild_weakness"] == "✘ No"
        assert answers["injury"] == "✔ Yes"
        assert answers["fever_unwell"] == "? Not answered"
        # A yes shows at once what to do about it.
        assert tab(app).query_one("#question-injury .next-step").display
        assert not tab(app).query_one("#question-bladder .next-step").display
        progress = text_of(app, "#progress")
        assert "Your answers: 1✘ 2✘ 3✘ 4✘ 5✘ 6✘ 7✘ 8✔ 9? 10? 11? 12?" in progress
        assert "8 of 12 answered. Still to answer: 9–12." in progress
        # The yes changed to no; then the rest: the result button has focus.
        await pilot.press("up")
        assert focused_question(app) == "injury"
        await answer(pilot, "n")
        assert shown_answers(app)["injury"] == "✘ No"
        assert not tab(app).query_one("#question-injury .next-step").display
        await answer(pilot, "nnnn")
        assert app.focused is tab(app).query_one("#see-result", Button)
        assert "All 12 answered" in text_of(app, "#progress")
        await pilot.press("enter")
        await until(pilot, lambda: tab(app).finished is not None, "the result")
        assert not isinstance(app.screen, EmergencyScreen)
        title = text_of(app, "#verdict-title")
        assert "✔ CLEAR" in title and "No red flags reported" in title
        advice = text_of(app, "#verdict-advice")
        assert "does not replace a doctor" in advice
        assert "run this check again" in advice
        assert "does not diagnose" in text_of(app, "#verdict .disclaimer")
    [check] = saved_checks(tmp_path / "data")
    assert check.at == FROZEN_NOW
    assert check.verdict is Verdict.CLEAR
    assert check.answers == dict.fromkeys(RED_FLAG_QUESTION_IDS, False)


async def test_arrows_move_between_questions_and_an_answer_can_be_changed() -> None:
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # opened on the check: let the start-up settle
        await pilot.press("down", "down")
        assert focused_question(app) == "saddle_area"
        await pilot.press("up")
        assert focused_question(app) == "bowel"
        await pilot.press("n", "up", "y")  # bowel no, then back up: no emergency yes yet
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen)  # a yes there is an emergency at once
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.press(*["down"] * 4, "y", "up", "n")  # mild weakness: yes, then no
        await pilot.pause()
        assert shown_answers(app)["mild_weakness"] == "✘ No"
        assert tab(app).answers == {"bowel": True, "mild_weakness": False}


async def test_the_result_waits_until_all_are_answered(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed(), opens_on="red_flags")
    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **_kw: said.append(message)  # type: ignore[method-assign]
        await pilot.pause()  # opened on the check: let the start-up settle
        await answer(pilot, NO_EMERGENCY + "ny")
        await pilot.press("down", "y")  # question 10; 9, 11 and 12 stay open
        await pilot.press("enter")
        await settled(pilot)
        assert tab(app).finished is None
        progress = text_of(app, "#progress")
        assert "Please answer every question first" in progress
        assert "Still to answer: 9, 11–12." in progress
        # Also in a note: on a small terminal the progress line can be out of view.
        assert said == ["Still to answer: 9, 11–12."]
        assert focused_question(app) == "fever_unwell"
    assert saved_checks(tmp_path / "data") == []


# Every urgent question's verdict is tested without the app (test_red_flags.py); here the
# first and the last of them, through the keys.
async def test_an_urgent_yes_waits_for_every_answer_then_says_what_to_do(
    tmp_path: Path,
) -> None:
    """The first and the last urgent question, each in its own check, with "Start a new
    check" between them (folded from a test per question and the new-check test)."""
    clock = FixedClock(FROZEN_NOW)
    app = build_app(tmp_path / "data", welcomed(), clock=clock, opens_on="red_flags")
    questions = [RED_FLAG_URGENT_IDS[0], RED_FLAG_URGENT_IDS[-1]]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # opened on the check: let the start-up settle
        for round_number, question in enumerate(questions):
            keys = "".join("y" if qid == question else "n" for qid in RED_FLAG_QUESTION_IDS)
            await answer(pilot, keys)
            await pilot.press("enter")
            await until(pilot, lambda: tab(app).finished is not None, "the result")
            assert not isinstance(app.screen, EmergencyScreen)
            assert "! URGENT" in text_of(app, "#verdict-title")
            advice = text_of(app, "#verdict-advice")
            assert "today" in advice
            asked = tab(app).questions[RED_FLAG_QUESTION_IDS.index(question)]
            assert f"{asked.short.capitalize()}: {asked.next_step}" in advice
            answers = text_of(app, "#verdict-answers")
            assert "✘ No  1. bladder trouble" in answers
            if round_number == 0:
                # A new check after a verdict starts empty.
                assert app.focused is tab(app).query_one("#new-check")
                await pilot.press("y")  # the check is finished: y does nothing
                assert tab(app).finished is not None
                await pilot.press("enter")  # on "Start a new check"
                await pilot.pause()
                assert tab(app).finished is None
                assert set(shown_answers(app).values()) == {"? Not answered"}
                assert focused_question(app) == "bladder"
                clock.advance(60)
    checks = sorted(saved_checks(tmp_path / "data"), key=lambda check: check.at)
    assert [check.verdict for check in checks] == [Verdict.URGENT, Verdict.URGENT]
    for check, question in zip(checks, questions, strict=True):
        assert check.answers == dict.fromkeys(RED_FLAG_QUESTION_IDS, False) | {question: True}
