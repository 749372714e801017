"""The Red flags tab, driven by keys as a person would: reaching the check, answering it,
the result and the history. (The emergency alert and what it saves: test_red_flags_alert.)"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TabbedContent

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.content_schema import RED_FLAG_QUESTION_IDS, RED_FLAG_URGENT_IDS
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
from sciatica_tui.screens.red_flags.questions import QuestionRow
from sciatica_tui.screens.red_flags.tab import RedFlagsTab
from sciatica_tui.screens.tabs import TABS
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed
from tests.support.red_flags import focused_question, saved_checks, tab, text_of

SIZE = (100, 32)
ALL_NO = "n" * len(RED_FLAG_QUESTION_IDS)
NO_EMERGENCY = "nnnnnn"  # the six emergency questions, all no


def shown_answers(app: SciaticaApp) -> dict[str, str]:
    return {
        row.question.id: str(row.query_one(".answer", Static).render())
        for row in tab(app).query(QuestionRow)
    }


async def open_check(pilot: Pilot[int]) -> None:
    await pilot.pause()  # let the start-up settle, as a person's first key would
    await pilot.press("f2")
    await until(pilot, lambda: pilot.app.query(RedFlagsTab), "the tab is built")
    await pilot.pause()


async def answer(pilot: Pilot[int], keys: str) -> None:
    """Answer the questions in order: ``keys`` is a string of y and n."""
    await pilot.press(*keys)
    await pilot.pause()


async def finish(pilot: Pilot[int], keys: str) -> None:
    """Open the tab, answer every question, ask for the result and wait for the save."""
    await open_check(pilot)
    await answer(pilot, keys)
    await pilot.press("enter")
    await until(pilot, lambda: tab(pilot.app).finished is not None, "the result")  # type: ignore[arg-type]


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
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
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
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
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
    app = build_app(tmp_path / "data", welcomed())
    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **_kw: said.append(message)  # type: ignore[method-assign]
        await open_check(pilot)
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
    app = build_app(tmp_path / "data", welcomed(), clock=clock)
    questions = [RED_FLAG_URGENT_IDS[0], RED_FLAG_URGENT_IDS[-1]]
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
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


# --- history, prefill, new checks ---------------------------------------------------------


def seed_checks(checks: Iterable[tuple[datetime, Verdict, dict[str, bool]]]):  # type: ignore[no-untyped-def]
    def seed(store: DiaryStore) -> None:
        for at, verdict, answers in checks:
            store.save_red_flag_check(RedFlagCheck(at, answers, verdict))

    return seed


OLD_NO = dict.fromkeys(
    ["bladder_bowel", "saddle_numbness", "leg_weakness", "severe_pain", "trauma"], False
)


async def test_checks_are_listed_newest_first_with_the_signs_said_yes(tmp_path: Path) -> None:
    older = seed_checks(
        [
            (datetime(2026, 11, 2, 20, 15), Verdict.URGENT, OLD_NO | {"severe_pain": True}),
            (datetime(2026, 10, 30, 8, 0), Verdict.CLEAR, OLD_NO),
        ]
    )
    clock = FixedClock(FROZEN_NOW)
    app = build_app(tmp_path / "data", welcomed(), older, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        lines = text_of(app, "#history").splitlines()
        assert [line.split(",")[0] for line in lines] == ["Mon 02 Nov 2026", "Fri 30 Oct 2026"]
        await finish(pilot, ALL_NO)
        clock.advance(3600)
        await pilot.press("r")
        await answer(pilot, ALL_NO[:-1] + "y")
        await pilot.press("enter")
        await until(pilot, lambda: len(text_of(app, "#history").splitlines()) == 4)
        lines = text_of(app, "#history").splitlines()
        assert lines[0].startswith("Sat 21 Nov 2026, 10:30") and "! URGENT" in lines[0]
        assert "Yes to: very strong or night pain" in lines[0]
        assert lines[1].startswith("Sat 21 Nov 2026, 09:30") and "✔ CLEAR" in lines[1]
        assert "No to all questions" in lines[1]
        # A check saved with the earlier questions keeps their names.
        assert lines[2].startswith("Mon 02 Nov 2026, 20:15") and "severe new pain" in lines[2]
        assert lines[3].endswith("No to all questions")
    assert len(saved_checks(tmp_path / "data")) == 4


async def test_a_prefilled_urgent_answer_is_marked_and_can_be_changed(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_red_flag_check({"mild_weakness": True})
        await until(pilot, lambda: focused_question(app) == "bladder")
        answers = shown_answers(app)
        for qid in RED_FLAG_QUESTION_IDS:
            assert answers[qid] == ("✔ Yes" if qid == "mild_weakness" else "? Not answered")
        note = tab(app).query_one("#prefill-note", Static)
        assert note.display and "marked yes: milder leg weakness" in str(note.render())
        await answer(pilot, ALL_NO)  # 1..6, then 7 (changed to no), then 8..12
        assert focused_question(app) is None
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.store.red_flag_checks()))
    [check] = saved_checks(tmp_path / "data")
    assert check.verdict is Verdict.CLEAR


async def test_ctrl_r_again_keeps_a_half_answered_check_and_r_starts_over() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await answer(pilot, "nn")
        await pilot.press("f1", "ctrl+r")
        await pilot.pause()
        assert tab(app).answers == {"bladder": False, "bowel": False}
        assert focused_question(app) == "saddle_area"
        await pilot.press("r")
        await pilot.pause()
        assert tab(app).answers == {}
        assert focused_question(app) == "bladder"


async def test_answers_typed_faster_than_the_screen_keeps_up_land_on_the_right_questions() -> None:
    """Keys arrive before the app handles the first: each still answers its own question."""
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        typed = NO_EMERGENCY + "nynnyn"
        driver = app._driver
        assert driver is not None
        for key in typed:
            driver.send_message(events.Key(key, key))  # queued at once, as from a busy terminal
        await settled(pilot)
        answers = shown_answers(app)
        assert [answers[qid] for qid in RED_FLAG_QUESTION_IDS] == [
            "✔ Yes" if key == "y" else "✘ No" for key in typed
        ]


async def test_keys_typed_ahead_of_an_emergency_yes_go_to_the_alert_not_the_check() -> None:
    """Found while typing fast: "y" on the first question, then more keys before the alert
    showed. The alert opens at that yes; the keys after it answer nothing behind it."""
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        driver = app._driver
        assert driver is not None
        for key in "ynnn":
            driver.send_message(events.Key(key, key))
        await until(pilot, lambda: isinstance(app.screen, EmergencyScreen), "the alert")
        await settled(pilot)
        assert isinstance(app.screen, EmergencyScreen)
        assert tab(app).answers == {"bladder": True}


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
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
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
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
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
