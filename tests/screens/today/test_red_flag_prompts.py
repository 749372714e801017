"""The red-flag prompts from Today: which signs and changes open the check, and which do not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.records import DailyLog, RedFlagCheck, Side, Verdict, Weakness
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.widgets.tick_box import TickBox
from tests.support.app import settled, until, welcomed
from tests.support.today import field, logs, tab
from tests.support.today_app import NOV_20, SIZE, TODAY, build, notices, stored


class RedFlagSpy:
    """Stands in for the app's ``open_red_flag_check`` and records each call."""

    def __init__(self) -> None:
        self.calls: list[Mapping[str, bool] | None] = []

    def __call__(self, prefill: Mapping[str, bool] | None = None) -> None:
        self.calls.append(prefill)


# From back pain to leg weakness: past reach, side, numbness, walking, sleep, mood, pain
# relief, the two tag pickers and the numbness reach.
TO_WEAKNESS = ["tab"] * 11


async def save_with(pilot: Any, app: SciaticaApp, spy: RedFlagSpy, *keys: str) -> None:
    await pilot.pause()
    app.open_red_flag_check = spy  # type: ignore[method-assign]
    await pilot.press("7", "tab", "3", *keys, "ctrl+s")
    await settled(pilot)


@pytest.mark.parametrize(
    ("sign", "prefill"),
    [
        ("bladder", {"bladder": True}),
        ("bowel", {"bowel": True}),
        ("saddle_area", {"saddle_area": True}),
    ],
)
async def test_a_warning_sign_opens_the_check_at_once_and_keeps_the_day(
    tmp_path: Path, sign: str, prefill: dict[str, bool]
) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed())
    spy = RedFlagSpy()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_red_flag_check = spy  # type: ignore[method-assign]
        await pilot.press("7", "tab", "3")
        box = tab(app).query_one(f"#sign-{sign}", TickBox)
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert spy.calls == [prefill]  # at once, before any save
        assert app.store.daily_log(TODAY) is None
        banner = tab(app).query_one("#red-flag-prompt", Static)
        assert banner.display and "Run the red-flag check now (ctrl+r)" in str(banner.render())
        assert any("F1 brings you back" in n for n in notices(app))
        assert not box.value  # the tick has done its job
        # The day typed so far is still there, and saves without opening the check again.
        assert (field(app, "leg_pain").value, field(app, "back_pain").value) == (7, 3)
        assert "● unsaved" in str(tab(app).query_one("#day-state", Static).render())
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert spy.calls == [prefill]
    # The warning signs are not part of the log.
    saved = stored(folder)
    assert saved is not None and set(saved.to_record()) == {"date", "leg_pain", "back_pain"}


async def test_a_tick_opens_the_emergency_alert_at_once_with_its_answer_saved() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tab(app).query_one("#sign-saddle_area", TickBox).focus()
        await pilot.press("space")
        await until(pilot, lambda: isinstance(app.screen, EmergencyScreen), "the alert")
        assert app.query_one("#tabs").active == "red_flags"  # type: ignore[attr-defined]
        answer = app.query_one("#question-saddle_area .answer", Static)
        assert "✔ Yes" in str(answer.render())
        await until(pilot, lambda: bool(app.store.red_flag_checks()))
        assert app.store.red_flag_checks()[0].answers == {"saddle_area": True}


async def test_marked_weakness_opens_the_check() -> None:
    app = build(None, welcomed())
    spy = RedFlagSpy()
    async with app.run_test(size=SIZE) as pilot:
        weakness = [*TO_WEAKNESS, "m", "m"]
        await save_with(pilot, app, spy, *weakness)
        assert field(app, "weakness").value == "marked"
        assert spy.calls == [{"severe_weakness": True}]
        # Saving the same day again (a typo fixed) does not open it a second time.
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert spy.calls == [{"severe_weakness": True}]


async def test_weakness_worse_than_the_day_before_opens_the_check() -> None:
    yesterday = DailyLog(date(2026, 11, 20), 5, 3, weakness=Weakness.NONE)
    app = build(None, welcomed(), logs(yesterday))
    spy = RedFlagSpy()
    async with app.run_test(size=SIZE) as pilot:
        await save_with(pilot, app, spy, *TO_WEAKNESS, "m")
        assert field(app, "weakness").value == "mild"
        assert spy.calls == [{"mild_weakness": True}]
        assert "worse than on Fri 20 Nov" in str(tab(app).query_one("#red-flag-prompt").render())


async def test_pain_newly_in_both_legs_marks_the_both_legs_question() -> None:
    app = build(None, welcomed(), logs(NOV_20))
    spy = RedFlagSpy()
    async with app.run_test(size=SIZE) as pilot:
        await save_with(pilot, app, spy, "tab", "tab", "b")
        assert spy.calls == [{"both_legs": True}]
        assert "both legs" in str(tab(app).query_one("#red-flag-prompt").render())


async def test_an_ordinary_day_does_not_open_the_check() -> None:
    both_already = replace(NOV_20, pain_side=Side.BOTH)
    app = build(None, welcomed(), logs(both_already))
    spy = RedFlagSpy()
    async with app.run_test(size=SIZE) as pilot:
        # Both legs picked (the cursor moves on to numbness), then on to the weakness.
        await save_with(pilot, app, spy, "tab", "tab", "b", *TO_WEAKNESS[3:], "m")
        assert field(app, "weakness").value == "mild"  # as mild as the day before
        assert spy.calls == []
        assert not tab(app).query_one("#red-flag-prompt").display


async def test_the_prompt_goes_once_a_check_is_saved() -> None:
    app = build(None, welcomed())
    spy = RedFlagSpy()
    async with app.run_test(size=SIZE) as pilot:
        await save_with(pilot, app, spy, *TO_WEAKNESS, "m", "m")
        banner = tab(app).query_one("#red-flag-prompt")
        assert banner.display
        app.store.save_red_flag_check(
            RedFlagCheck(app.clock.now(), {"severe_weakness": True}, Verdict.EMERGENCY)
        )
        tab(app).refresh_from_diary()
        assert not banner.display


async def test_the_real_red_flag_hook_is_called_without_error() -> None:
    """Whatever the Red flags tab does with it, opening the check from here never crashes."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "tab", "3", *TO_WEAKNESS, "m", "m", "ctrl+s")
        await settled(pilot)
        assert app.store.daily_log(TODAY) is not None
        assert any("red-flag check now" in n for n in notices(app))
