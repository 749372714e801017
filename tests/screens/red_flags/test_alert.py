"""The emergency alert opens at the first emergency yes (one key, no Enter), the check is
saved at that moment with exactly the answers given, and later answers update that same check."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Button

from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.content_schema import RED_FLAG_EMERGENCY_IDS, RED_FLAG_QUESTION_IDS
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.store.errors import StoreWriteError
from tests.support.app import FROZEN_NOW, build_app, until, welcomed
from tests.support.red_flag_alert import (
    SIZE,
    alert_is_up,
    close_alert,
    emergency_alert,
    open_check,
)
from tests.support.red_flags import focused_question, saved_checks, tab, text_of

UNKNOWN = "your local emergency number (for example 999 in the UK, 112 in Europe, 911 in the US)"


# --- the alert at the first emergency yes ---------------------------------------------------


async def test_one_y_on_each_emergency_question_shows_the_alert_and_saves_what_was_said(
    tmp_path: Path,
) -> None:
    """For each emergency question in turn: no to the questions before it, then one y: the
    alert, with no Enter and no more answers. The check is saved with exactly those answers;
    the rest stay unanswered. The alert closes only by "I understand" (Tab then Enter, or a
    click), back on the check at the next question; r then starts a new check.

    One app for all six (each a new check, a minute later); folded from a test per question,
    and the tests of what the alert says and of the two ways of closing it."""
    clock = FixedClock(FROZEN_NOW)
    app = build_app(tmp_path / "data", welcomed(), clock=clock, opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        for round_number, question in enumerate(RED_FLAG_EMERGENCY_IDS):
            before = RED_FLAG_QUESTION_IDS[: RED_FLAG_QUESTION_IDS.index(question)]
            await pilot.press(*("n" * len(before)))
            await until(pilot, lambda q=question: focused_question(app) == q)  # type: ignore[misc]
            assert not alert_is_up(app)
            await pilot.press("y")
            await until(pilot, lambda: alert_is_up(app), "the alert")
            await until(pilot, lambda: "Your check is saved." in text_of(app, "#emergency-hint"))
            alert = app.screen
            assert isinstance(alert, EmergencyScreen)
            yes = tab(app).questions[len(before)]
            assert yes.short[0].upper() + yes.short[1:] in text_of(app, "#emergency-yes")
            after = RED_FLAG_QUESTION_IDS[len(before) + 1]
            if round_number == 0:
                # What it says: what to do, whom to call, what to tell the staff, and why.
                title = text_of(app, "#emergency-title")
                assert "!! EMERGENCY" in title and "emergency department now" in title
                assert text_of(app, "#emergency-call") == (
                    f"Call {UNKNOWN} for an ambulance if you cannot get there safely."
                )
                steps = text_of(app, "#emergency-steps")
                assert "Do not wait" in steps and "Do not drive yourself" in steps
                assert "cauda equina syndrome" in text_of(app, "#emergency-tell")
                assert text_of(app, "#emergency-yes") == "!! Bladder trouble"
                why = text_of(app, "#emergency-why")
                assert "rare" in why and "within hours" in why
                # Only "I understand" closes it: Tab to it, then Enter.
                assert app.focused is alert.query_one("#emergency-body")
                await pilot.press("tab")
                assert app.focused is alert.query_one("#understand", Button)
                await pilot.press("enter")
            else:
                await pilot.click("#understand")
            await until(pilot, lambda a=alert: a not in app.screen_stack, "the alert closes")  # type: ignore[misc]
            # Back on the check, at the next question, with the way to help still in view.
            assert focused_question(app) == after
            assert "!! Go to the emergency department now" in text_of(app, "#emergency-strip")
            await pilot.press("r")
            await until(pilot, lambda: focused_question(app) == "bladder", "a new check")
            assert tab(app).answers == {}
            clock.advance(60)
    checks = sorted(saved_checks(tmp_path / "data"), key=lambda check: check.at)
    assert len(checks) == len(RED_FLAG_EMERGENCY_IDS)
    for minutes, (check, question) in enumerate(zip(checks, RED_FLAG_EMERGENCY_IDS, strict=True)):
        before = RED_FLAG_QUESTION_IDS[: RED_FLAG_QUESTION_IDS.index(question)]
        assert check.verdict is Verdict.EMERGENCY
        assert check.at == FROZEN_NOW + timedelta(minutes=minutes)
        assert check.answers == dict.fromkeys(before, False) | {question: True}


async def test_the_rest_answered_after_the_alert_update_the_same_check(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await open_check(pilot)
        await pilot.press("n", "y")
        await until(pilot, lambda: alert_is_up(app))
        await close_alert(pilot)
        # Back on the check, on the question after the yes; the way to help stays in view.
        assert focused_question(app) == "saddle_area"
        strip = text_of(app, "#emergency-strip")
        assert "Go to the emergency department now" in strip and "bowel trouble" in strip
        assert "Your check is kept with the emergency advice" in text_of(app, "#progress")
        await pilot.press(*"nnnnnnnnnn")
        expected = {"bladder": False, "bowel": True} | dict.fromkeys(
            RED_FLAG_QUESTION_IDS[2:], False
        )
        await until(pilot, lambda: app.store.red_flag_checks()[0].answers == expected)
        assert not alert_is_up(app)  # no second alert for the answers after it
        await pilot.press("enter")
        await until(pilot, lambda: tab(app).finished is not None, "the result")
        assert "!! EMERGENCY" in text_of(app, "#verdict-title")
    [check] = saved_checks(tmp_path / "data")  # one check, not two
    assert check.at == FROZEN_NOW and check.verdict is Verdict.EMERGENCY
    assert check.answers == expected


async def test_a_second_emergency_yes_joins_the_check_without_a_second_alert() -> None:
    """Decided so that a frightened person is not sent round in loops: the strip at the top
    names every sign said yes, and a shows the alert again at any time."""
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await emergency_alert(pilot)
        await close_alert(pilot)
        await pilot.press("n", "y")  # bowel no, saddle area yes
        await until(pilot, lambda: app.store.red_flag_checks()[0].answers.get("saddle_area"))
        assert not alert_is_up(app)
        strip = text_of(app, "#emergency-strip")
        assert "Yes to: bladder trouble, saddle numbness." in strip
        assert "Press a to read the emergency advice again" in strip
        await pilot.press("a")
        await until(pilot, lambda: alert_is_up(app))
        signs = text_of(app, "#emergency-yes")
        assert "!! Bladder trouble" in signs and "!! Saddle numbness" in signs
        await close_alert(pilot)
        assert len(app.store.red_flag_checks()) == 1


async def test_an_emergency_yes_once_saved_is_kept(tmp_path: Path) -> None:
    """The alert was given for it and the check holds it: n on it says how to start again."""
    said: list[str] = []
    app = build_app(tmp_path / "data", welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await emergency_alert(pilot)
        await close_alert(pilot)
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await pilot.press("up", "n")
        await pilot.pause()
        assert tab(app).answers == {"bladder": True}
        assert any("press r to start a new check" in message for message in said)
    [check] = saved_checks(tmp_path / "data")
    assert check.answers == {"bladder": True}


async def test_enter_after_the_alert_shows_the_result_with_what_was_left_open() -> None:
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await emergency_alert(pilot)
        await close_alert(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: tab(app).finished is not None, "the result")
        assert not alert_is_up(app)  # seen already: not again
        answers = text_of(app, "#verdict-answers")
        assert "✔ Yes          1. bladder trouble" in answers
        assert "? Not answered 2. bowel trouble" in answers
        advice = text_of(app, "#verdict-advice")
        assert "What to tell the staff" in advice and "• Bladder trouble" in advice
        assert f"Call {UNKNOWN} for an ambulance" in advice
        history = text_of(app, "#history")
        assert "!! EMERGENCY" in history and "Yes to: bladder trouble (11 not answered)" in history


async def test_ctrl_r_again_keeps_the_emergency_check_and_opens_no_second_alert(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await emergency_alert(pilot)
        await close_alert(pilot)
        await pilot.press("n", "f1", "ctrl+r")
        await until(pilot, lambda: focused_question(app) == "saddle_area")
        assert not alert_is_up(app)
        assert tab(app).answers == {"bladder": True, "bowel": False}
        assert tab(app).query_one("#emergency-strip").display
        await pilot.press("ctrl+q")  # everything is saved: quitting does not ask
        await pilot.pause()
    assert app.return_code == 0
    [check] = saved_checks(tmp_path / "data")
    assert check.answers == {"bladder": True, "bowel": False}


@pytest.mark.parametrize(
    ("prefill", "expected"),
    [
        ({"saddle_area": True}, {"saddle_area": True}),
        ({"both_legs": True, "mild_weakness": True}, {"both_legs": True, "mild_weakness": True}),
    ],
)
async def test_a_prefilled_emergency_answer_opens_the_alert_at_once(
    tmp_path: Path, prefill: dict[str, bool], expected: dict[str, bool]
) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_red_flag_check(prefill)
        await until(pilot, lambda: alert_is_up(app), "the alert")
        await until(pilot, lambda: "Your check is saved." in text_of(app, "#emergency-hint"))
        await close_alert(pilot)
        assert focused_question(app) == "bladder"  # the rest are still there to answer
        note = text_of(app, "#prefill-note")
        assert "From what you logged, marked yes" in note
    [check] = saved_checks(tmp_path / "data")
    assert check.answers == expected and check.verdict is Verdict.EMERGENCY


async def test_a_failed_save_still_shows_the_alert_and_the_next_answer_saves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(tmp_path / "data", welcomed(), opens_on="red_flags")
    failures = [StoreWriteError("Not saved: the disk is full. Nothing was lost.")]
    add = app.store.save_red_flag_check

    def full_disk_once(check: RedFlagCheck) -> None:
        if failures:
            raise failures.pop()
        add(check)

    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app.store, "save_red_flag_check", full_disk_once)
        await emergency_alert(pilot)
        await until(pilot, lambda: "could not be saved" in text_of(app, "#emergency-hint"))
        # ctrl+q asks, with the reminder: the check is not in the diary yet.
        await close_alert(pilot)
        monkeypatch.setattr(app, "notify", lambda message, **_: said.append(str(message)))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "could not be saved" in text_of(app, ".dialog-message")
        await pilot.press("enter")  # Stay
        await pilot.pause()
        await pilot.press("n")  # the next answer saves the whole check
        await until(pilot, lambda: bool(app.store.red_flag_checks()))
        assert app.store.red_flag_checks()[0].answers == {"bladder": True, "bowel": False}
        assert said == []
