"""The Red flags tab's history of saved checks, a check prefilled from the diary, ctrl+r and r
on a half-answered check, and answers typed faster than the screen keeps up."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.content_schema import RED_FLAG_QUESTION_IDS
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed
from tests.support.red_flag_check import (
    ALL_NO,
    NO_EMERGENCY,
    SIZE,
    answer,
    open_check,
    shown_answers,
)
from tests.support.red_flags import focused_question, saved_checks, tab, text_of


async def finish(pilot: Pilot[int], keys: str) -> None:
    """On the open check: answer every question, ask for the result and wait for the save."""
    await answer(pilot, keys)
    await pilot.press("enter")
    await until(pilot, lambda: tab(pilot.app).finished is not None, "the result")  # type: ignore[arg-type]


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
    app = build_app(tmp_path / "data", welcomed(), older, clock=clock, opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # opened on the check: let the start-up settle
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
    app = build_app(None, welcomed(), opens_on="red_flags")
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
    app = build_app(None, welcomed(), opens_on="red_flags")
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
