"""The Red flags tab and the emergency alert, driven by keys as a person would."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TabbedContent

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.content import RED_FLAG_QUESTION_IDS
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import short_name
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
from sciatica_tui.screens.red_flags.tab import QuestionRow, RedFlagsTab
from sciatica_tui.screens.tabs import TABS
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreWriteError
from tests.app_builders import FROZEN_NOW, build_app, welcomed

SIZE = (100, 32)


def tab(app: SciaticaApp) -> RedFlagsTab:
    return app.query_one("#red_flags-tab", RedFlagsTab)


def text_of(app: SciaticaApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def shown_answers(app: SciaticaApp) -> dict[str, str]:
    return {
        row.question.id: str(row.query_one(".answer", Static).render())
        for row in tab(app).query(QuestionRow)
    }


def focused_question(app: SciaticaApp) -> str | None:
    focused = app.focused
    return focused.question.id if isinstance(focused, QuestionRow) else None


async def open_check(pilot: Pilot[int]) -> None:
    await pilot.pause()  # let the start-up settle, as a person's first key would
    await pilot.press("f2")
    await pilot.pause()


async def answer(pilot: Pilot[int], keys: str) -> None:
    """Answer the questions in order: ``keys`` is a string of y and n."""
    await pilot.press(*keys)
    await pilot.pause()


async def finish(pilot: Pilot[int], keys: str) -> None:
    """Open the tab, answer all six, ask for the result and wait for the save."""
    await open_check(pilot)
    await answer(pilot, keys)
    await pilot.press("enter")
    await pilot.pause(0.3)


def saved_checks(folder: Path) -> list[RedFlagCheck]:
    with DiaryStore.open(folder) as store:
        return store.red_flag_checks()


# --- reaching the check -------------------------------------------------------------------


@pytest.mark.parametrize("pane", [spec.pane for spec in TABS])
async def test_ctrl_r_from_every_tab_opens_the_check(pane: str) -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await app.action_show_tab(pane)
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == pane
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        assert focused_question(app) == "bladder_bowel"


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
        assert focused_question(app) == "bladder_bowel"


async def test_ctrl_r_from_the_first_run_dialog_opens_the_check() -> None:
    app = build_app(None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("2", "0")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        assert focused_question(app) == "bladder_bowel"


# --- answering ----------------------------------------------------------------------------------


async def test_y_and_n_answer_and_move_on_and_every_answer_is_shown_in_words() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        assert set(shown_answers(app).values()) == {"? Not answered"}
        await answer(pilot, "ny")
        assert focused_question(app) == "leg_weakness"
        answers = shown_answers(app)
        assert answers["bladder_bowel"] == "✘ No"
        assert answers["saddle_numbness"] == "✔ Yes"
        assert answers["leg_weakness"] == "? Not answered"
        # A yes shows at once what to do about it.
        assert tab(app).query_one("#question-saddle_numbness .next-step").display
        assert not tab(app).query_one("#question-bladder_bowel .next-step").display
        progress = text_of(app, "#progress")
        assert "1 ✘ No" in progress and "2 ✔ Yes" in progress and "3 ?" in progress
        assert "2 of 6 answered" in progress


async def test_arrows_move_between_questions_and_an_answer_can_be_changed() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await pilot.press("down", "down")
        assert focused_question(app) == "leg_weakness"
        await pilot.press("up")
        assert focused_question(app) == "saddle_numbness"
        await pilot.press("y", "up", "n")
        assert shown_answers(app)["saddle_numbness"] == "✘ No"
        assert tab(app).answers == {"saddle_numbness": False}


async def test_the_result_waits_until_all_six_are_answered(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **_kw: said.append(message)  # type: ignore[method-assign]
        await open_check(pilot)
        await answer(pilot, "yn")
        await pilot.press("down", "down", "y")  # question 5; 3, 4 and 6 stay open
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, EmergencyScreen)
        assert tab(app).finished is None
        progress = text_of(app, "#progress")
        assert "Please answer every question first" in progress
        assert "Still to answer: 3, 4, 6." in progress
        # Also in a note: on a small terminal the progress line can be out of view.
        assert said == ["Still to answer: 3, 4, 6."]
        assert focused_question(app) == "leg_weakness"
    assert saved_checks(tmp_path / "data") == []


async def test_after_the_last_answer_the_result_button_has_focus() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await answer(pilot, "nnnnnn")
        assert app.focused is tab(app).query_one("#see-result", Button)
        assert "All six answered" in text_of(app, "#progress")


# --- verdicts ------------------------------------------------------------------------------------


async def test_a_clear_check_is_saved_and_says_it_does_not_replace_a_doctor(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await finish(pilot, "nnnnnn")
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


async def test_an_urgent_check_says_what_to_do_and_how_soon(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await finish(pilot, "nnnnyn")
        assert not isinstance(app.screen, EmergencyScreen)
        assert "! URGENT" in text_of(app, "#verdict-title")
        advice = text_of(app, "#verdict-advice")
        assert "today" in advice
        assert "After a big injury: Go to the emergency department or get seen urgently." in advice
        answers = text_of(app, "#verdict-answers")
        assert "✔ Yes  5. after a big injury" in answers
        assert "✘ No   1. bladder or bowel change" in answers
    [check] = saved_checks(tmp_path / "data")
    assert check.verdict is Verdict.URGENT and check.answers["trauma"] is True


async def test_the_emergency_check_is_saved_before_the_alert_shows(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    saved_when_shown: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        push_screen = app.push_screen

        def recording_push(screen, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(screen, EmergencyScreen):
                saved_when_shown.append(len(app.store.red_flag_checks()))
            return push_screen(screen, *args, **kwargs)

        app.push_screen = recording_push  # type: ignore[method-assign]
        await finish(pilot, "nnynnn")
        assert isinstance(app.screen, EmergencyScreen)
        assert saved_when_shown == [1]
        title = text_of(app, "#emergency-title")
        assert "!! EMERGENCY" in title and "emergency department now" in title
        steps = text_of(app, "#emergency-steps")
        assert "Do not wait" in steps and "Do not drive yourself" in steps
        assert "Has a leg become weak" in text_of(app, "#emergency-yes")
        why = text_of(app, "#emergency-why")
        assert "rare" in why and "within hours" in why
        assert "Your check is saved." in text_of(app, "#emergency-hint")
    [check] = saved_checks(tmp_path / "data")
    assert check.verdict is Verdict.EMERGENCY


async def test_a_failed_save_still_shows_the_alert_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(tmp_path / "data", welcomed())

    def disk_full(_check: object) -> None:
        raise StoreWriteError("Not saved: the disk is full. Nothing was lost.")

    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app.store, "add_red_flag_check", disk_full)
        monkeypatch.setattr(app, "notify", lambda message, **_: said.append(str(message)))
        await finish(pilot, "ynnnnn")
        assert isinstance(app.screen, EmergencyScreen)
        assert "could not be saved" in text_of(app, "#emergency-hint")
        assert any("disk is full" in message for message in said)


# --- the alert cannot be missed ----------------------------------------------------------------


async def emergency_alert(pilot: Pilot[int]) -> EmergencyScreen:
    await finish(pilot, "ynnnnn")
    screen = pilot.app.screen
    assert isinstance(screen, EmergencyScreen)
    return screen


def still_alerting(app: SciaticaApp, alert: EmergencyScreen) -> bool:
    return app.is_running and alert in app.screen_stack


async def test_a_clear_result_does_not_clear_what_no_question_asked() -> None:
    """Opened because the pain is now in both legs: six "no" answers give a clear result,
    and the result still says what to do about both legs."""
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_red_flag_check(None, unasked=("The pain is now in both legs.",))
        await pilot.pause()
        assert "No question below asks about this" in text_of(app, "#prefill-note")
        await answer(pilot, "nnnnnn")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert tab(app).finished is not None
        assert tab(app).finished.verdict is Verdict.CLEAR
        advice = text_of(app, "#verdict-advice")
        assert "Your daily log also says: The pain is now in both legs." in advice
        assert "Call your doctor today" in advice
        await pilot.press("r")  # a new check of its own starts without the log's concern
        await answer(pilot, "nnnnnn")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert "both legs" not in text_of(app, "#verdict-advice")


async def test_no_earlier_pop_up_note_covers_the_alert() -> None:
    """Found by a reviewer: the 20-second "run the check" note from Today sat over the
    alert's closing instructions."""
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify("Please run the red-flag check now.", timeout=20)
        await pilot.pause()
        assert app.screen.query("Toast")
        await emergency_alert(pilot)
        await pilot.pause()
        assert not app.screen.query("Toast")


async def test_escape_tab_keys_and_ctrl_r_leave_the_alert_open() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        for key in ["escape", "escape", "f1", "f3", "f4", "f5", "f6", "f2", "ctrl+r", "enter"]:
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is alert, key
        assert "Tab" in text_of(app, "#emergency-hint")


async def test_random_keys_do_not_dismiss_the_alert() -> None:
    """Stray keys (a cat on the keyboard) never close it. Tab is left out: Tab then Enter
    is the deliberate way to close it, tested below."""
    keys = [
        *"abcdefghijklmnopqrstuvwxyz0123456789",
        *("space", "enter", "escape", "backspace", "delete", "up", "down", "left", "right"),
        *("home", "end", "pageup", "pagedown", "question_mark", "ctrl+r", "ctrl+c", "ctrl+s"),
        *(f"f{n}" for n in range(1, 13)),
    ]
    strokes = random.Random(20261121).choices(keys, k=150)
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        for key in strokes:
            await pilot.press(key)
        await pilot.pause()
        assert still_alerting(app, alert)
        while app.screen is not alert:  # e.g. the help opened by "?"
            await pilot.press("escape")
            await pilot.pause()
        assert app.screen is alert


async def test_only_i_understand_closes_the_alert_with_tab_then_enter() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        assert app.focused is alert.query_one("#emergency-body")
        await pilot.press("tab")
        assert app.focused is alert.query_one("#understand", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert alert not in app.screen_stack
        # Back on the tab, the emergency verdict is still there to read.
        assert "!! EMERGENCY" in text_of(app, "#verdict-title")


async def test_clicking_i_understand_closes_the_alert() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        await pilot.click("#understand")
        await pilot.pause()
        assert alert not in app.screen_stack


async def test_ctrl_q_asks_and_stay_keeps_the_alert() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoiceDialog)
        message = text_of(app, ".clinic-dialog-message")
        assert "Your check is saved" in message
        assert "go to the emergency department now" in message
        assert app.focused is prompt.query_one("#choice-stay")  # a stray Enter stays
        for key in ["ctrl+r", "f2", "f1", "y", "n", "q", "space"]:  # the question stays too
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is prompt and app.is_running, key
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is alert and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")  # Escape also means stay
        await pilot.pause()
        assert app.screen is alert and app.is_running


async def test_ctrl_q_then_quit_closes_the_app() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await emergency_alert(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert app.return_code == 0


async def test_quitting_a_half_answered_check_asks_and_stay_returns_to_it(
    tmp_path: Path,
) -> None:
    """The answers are only saved with the result, so ctrl+q in the middle asks first, even
    from another tab; "Stay" (suggested) brings the person back to the next question."""
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await answer(pilot, "nn")
        await pilot.press("f1", "ctrl+q")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoiceDialog)
        assert "2 of 6 questions are answered" in text_of(app, ".clinic-dialog-message")
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        await pilot.press("enter")  # "Stay and finish"
        await pilot.pause()
        assert app.is_running and app.screen is not prompt
        assert focused_question(app) == tab(app).questions[2].id
        await answer(pilot, "nnnn")
        await pilot.press("enter")
        await pilot.pause(0.3)
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
        await answer(pilot, "y")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert app.return_code == 0
    assert saved_checks(tmp_path / "data") == []


async def test_quitting_asks_about_each_piece_of_unsaved_work_in_turn(tmp_path: Path) -> None:
    """Found by a reviewer: with an unsaved day and a half-answered check, "Quit without
    saving" on the first question quit at once, and a "yes" to an emergency question went
    without a word."""
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7")  # Today: leg pain, not saved
        await open_check(pilot)
        await answer(pilot, "y")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.query_one("#tabs", TabbedContent).active == "today"
        await pilot.click("#choice-quit")
        await pilot.pause()
        assert app.is_running  # the check asks next
        assert isinstance(app.screen, ChoiceDialog)
        message = text_of(app, ".clinic-dialog-message")
        assert "1 of 6 questions is answered" in message
        # The yes already given says what to do, even though the check is not finished.
        first = tab(app).questions[0]
        assert f"{short_name(first.id).capitalize()}: {first.next_step}" in message
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert app.return_code == 0


async def test_quitting_before_any_answer_does_not_ask() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_alert_can_be_read_to_the_end_on_a_small_terminal() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(60, 20)) as pilot:
        alert = await emergency_alert(pilot)
        body = alert.query_one("#emergency-body")
        assert body.max_scroll_y > 0  # more than fits: it scrolls ...
        assert alert.query_one("#understand").region.bottom <= 20  # ... the button stays
        await pilot.press(*["down"] * 40)
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y


# --- history, prefill, new checks ---------------------------------------------------------


def seed_checks(checks: Iterable[tuple[datetime, Verdict, dict[str, bool]]]):  # type: ignore[no-untyped-def]
    def seed(store: DiaryStore) -> None:
        for at, verdict, yes in checks:
            answers = dict.fromkeys(RED_FLAG_QUESTION_IDS, False) | yes
            store.add_red_flag_check(RedFlagCheck(at, answers, verdict))

    return seed


async def test_checks_are_listed_newest_first(tmp_path: Path) -> None:
    older = seed_checks(
        [
            (datetime(2026, 11, 2, 20, 15), Verdict.URGENT, {"severe_pain": True}),
            (datetime(2026, 10, 30, 8, 0), Verdict.CLEAR, {}),
        ]
    )
    clock = FixedClock(FROZEN_NOW)
    app = build_app(tmp_path / "data", welcomed(), older, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        lines = text_of(app, "#history").splitlines()
        assert [line.split(",")[0] for line in lines] == ["Mon 02 Nov 2026", "Fri 30 Oct 2026"]
        await finish(pilot, "nnnnnn")
        clock.advance(3600)
        await pilot.press("r")
        await answer(pilot, "nnnnny")
        await pilot.press("enter")
        await pilot.pause(0.3)
        lines = text_of(app, "#history").splitlines()
        assert len(lines) == 4
        assert lines[0].startswith("Sat 21 Nov 2026, 10:30") and "! URGENT" in lines[0]
        assert "Yes to: fever or weight loss" in lines[0]
        assert lines[1].startswith("Sat 21 Nov 2026, 09:30") and "✔ CLEAR" in lines[1]
        assert "No to all questions" in lines[1]
        assert lines[2].startswith("Mon 02 Nov 2026, 20:15") and "severe new pain" in lines[2]
    assert len(saved_checks(tmp_path / "data")) == 4


async def test_an_empty_history_says_so() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        assert text_of(app, "#history") == "No checks saved yet."


@pytest.mark.parametrize(
    ("prefill", "first_open"),
    [
        ({"saddle_numbness": True}, "bladder_bowel"),
        ({"bladder_bowel": True, "leg_weakness": True}, "saddle_numbness"),
    ],
)
async def test_the_today_trigger_opens_the_check_with_answers_marked(
    prefill: dict[str, bool], first_open: str
) -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        app.open_red_flag_check(prefill)
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "red_flags"
        answers = shown_answers(app)
        for qid in RED_FLAG_QUESTION_IDS:
            assert answers[qid] == ("✔ Yes" if qid in prefill else "? Not answered")
        assert focused_question(app) == first_open
        note = tab(app).query_one("#prefill-note", Static)
        assert note.display and "already marked yes" in str(note.render())


async def test_prefilled_answers_can_still_be_changed(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        app.open_red_flag_check({"saddle_numbness": True})
        await pilot.pause()
        await answer(pilot, "nnnnnn")  # 1, then 2 (changed to no), then 3..6
        assert focused_question(app) is None
        await pilot.press("enter")
        await pilot.pause(0.3)
    [check] = saved_checks(tmp_path / "data")
    assert check.verdict is Verdict.CLEAR


async def test_ctrl_r_again_keeps_a_half_answered_check_and_r_starts_over() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await answer(pilot, "ny")
        await pilot.press("f1", "ctrl+r")
        await pilot.pause()
        assert tab(app).answers == {"bladder_bowel": False, "saddle_numbness": True}
        assert focused_question(app) == "leg_weakness"
        await pilot.press("r")
        await pilot.pause()
        assert tab(app).answers == {}
        assert focused_question(app) == "bladder_bowel"


async def test_a_new_check_after_a_verdict_starts_empty() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await finish(pilot, "nnnynn")
        assert app.focused is tab(app).query_one("#new-check")
        await pilot.press("y")  # the check is finished: y does nothing
        assert tab(app).finished is not None
        await pilot.press("enter")  # on "Start a new check"
        await pilot.pause()
        assert tab(app).finished is None
        assert set(shown_answers(app).values()) == {"? Not answered"}
        assert focused_question(app) == "bladder_bowel"


async def test_help_lists_the_tab_keys() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.key_rows()
        for key, what in [("Y", "Yes"), ("N", "No"), ("ENTER", "Result"), ("R", "New check")]:
            assert ("Red flags", key, what) in rows
        assert ("Red flags", "UP", "Previous question") in rows


async def test_answers_typed_faster_than_the_screen_keeps_up_land_on_the_right_questions() -> None:
    """Six keys arrive before the app handles the first: each still answers its own question."""
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        typed = "nynnyn"
        driver = app._driver
        assert driver is not None
        for key in typed:
            driver.send_message(events.Key(key, key))  # queued at once, as from a busy terminal
        await pilot.pause(0.3)
        answers = shown_answers(app)
        assert [answers[qid] for qid in RED_FLAG_QUESTION_IDS] == [
            "✔ Yes" if key == "y" else "✘ No" for key in typed
        ]
