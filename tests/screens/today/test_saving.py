"""Saving a day on Today: the fast path, every field saved and shown again, blanks left blank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Static

from sciatica_tui.domain.records import DailyLog, Reach, Side, Weakness
from tests.support.app import settled, welcomed
from tests.support.today import field, tab
from tests.support.today_app import SIZE, TODAY, build, notices, stored, strip_text


async def test_a_day_logs_in_at_most_fifteen_keystrokes(tmp_path: Path) -> None:
    keys = ["7", "tab", "3", "tab", "t", "ctrl+s"]
    assert len(keys) <= 15
    app = build(tmp_path / "data", welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await settled(pilot)
        assert "Saved Sat 21 Nov (today)." in notices(app)
        assert "✓ saved" in str(tab(app).query_one("#day-state", Static).render())
    assert stored(tmp_path / "data") == DailyLog(TODAY, 7, 3, pain_reach=Reach.THIGH)


FULL_DAY = DailyLog(
    date=TODAY,
    leg_pain=6,
    back_pain=2,
    pain_reach=Reach.BELOW_KNEE,
    pain_side=Side.LEFT,
    numbness=4,
    numbness_reach=Reach.FOOT,
    weakness=Weakness.NONE,
    walking_minutes=25,
    sitting_minutes=40,
    sleep_hours=6.5,
    sleep_quality=3,
    mood=4,
    pain_med_doses=2,
    notes="Walked to the shop.\nStiff in the evening.",
)


async def type_full_day(pilot: Any) -> None:
    """Every field of FULL_DAY, from the cursor on leg pain, with the keyboard only."""
    # "b" is shared by two reaches, so it stays to cycle; "l" alone picks left and moves on.
    await pilot.press("6", "tab", "2", "tab", "b", "b", "tab", "l", "4", "tab")
    await pilot.press(*"25", "tab", *"6.5", "tab", "4", "tab", "2")
    await pilot.press("tab", "tab", "tab")  # past the day's tags (none picked)
    await pilot.press("f", "n")  # numb down to the foot, no weakness: each moves on
    await pilot.press("tab", "tab", "tab")  # past the warning signs
    await pilot.press(*"40", "tab", "3", "tab")
    await pilot.press(*"Walked to the shop.", "enter", *"Stiff in the evening.")


async def test_every_field_is_saved_and_shown_again(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_full_day(pilot)
        assert app.focused is field(app, "notes")
        await pilot.press("ctrl+s")
        await settled(pilot)
    assert stored(folder) == FULL_DAY

    again = build(folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        texts = tab(again).form.texts()
        assert texts == {
            "leg_pain": "6",
            "back_pain": "2",
            "pain_reach": "below_knee",
            "pain_side": "left",
            "numbness": "4",
            "numbness_reach": "foot",
            "weakness": "none",
            "walking_minutes": "25",
            "sitting_minutes": "40",
            "sleep_hours": "6.5",
            "sleep_quality": "3",
            "mood": "4",
            "pain_med_doses": "2",
            "notes": "Walked to the shop.\nStiff in the evening.",
            "tags": "",
        }
        assert "✓ Logged today" in strip_text(again)


async def test_optional_fields_left_empty_stay_empty(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        numbness = field(app, "numbness")
        numbness.focus()
        await pilot.press("5", "backspace")  # set, then cleared again
        field(app, "leg_pain").focus()
        await pilot.press("3", "tab", "0", "ctrl+s")
        await settled(pilot)
    saved = stored(folder)
    assert saved is not None
    assert saved.to_record() == {"date": "2026-11-21", "leg_pain": 3, "back_pain": 0}


async def test_ctrl_s_right_after_a_digit_saves_that_digit(tmp_path: Path) -> None:
    """Both keys arrive before the app has handled either: the digit is still saved."""
    folder = tmp_path / "data"
    app = build(folder, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "tab")
        assert app.focused is field(app, "back_pain")
        app.post_message(events.Key("3", "3"))
        app.post_message(events.Key("ctrl+s", None))
        await settled(pilot)
        assert "✓ saved" in str(tab(app).query_one("#day-state", Static).render())
    assert stored(folder) == DailyLog(TODAY, 7, 3)
