"""Other days on Today: typed dates, the last fourteen days, unsaved changes, same as yesterday."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static, TextArea

from sciatica_tui.domain.records import DailyLog, Reach
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.today.status import RecentDays
from sciatica_tui.screens.widgets.body_map import BodyMap
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.rating_scale import RatingScale
from tests.support.app import settled, until, welcomed
from tests.support.today import field, logs, tab
from tests.support.today_app import NOV_20, SIZE, TODAY, build, notices, stored


async def test_leaving_a_refused_date_shows_the_open_day_again() -> None:
    """Found by a reviewer: after "2026-12-01" was refused, the box still said 2026-12-01
    while the form (and ctrl+s) was for today."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g", *"2026-12-01", "enter")
        await pilot.pause()
        day_input = app.query_one("#day-input", Input)
        assert day_input.value == "2026-12-01"  # kept to correct, with the message
        assert "in the future" in str(app.query_one("#day-error", Static).render())
        await pilot.press("tab")
        await pilot.pause()
        assert day_input.value == TODAY.isoformat()
        assert not app.query_one("#day-error").display
        assert tab(app).day == TODAY


NOV_18 = DailyLog(date(2026, 11, 18), 5, 4, pain_reach=Reach.THIGH, notes="Long drive.")


@pytest.mark.parametrize("typed", ["2026-11-18", "Nov 18", "3 days ago"])
async def test_a_typed_date_opens_a_past_day_to_edit(tmp_path: Path, typed: str) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed(), logs(NOV_18))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        assert app.focused is tab(app).query_one("#day-input", Input)
        await pilot.press(*typed, "enter")
        await pilot.pause()
        assert tab(app).day == date(2026, 11, 18)
        assert app.focused is field(app, "leg_pain")
        assert field(app, "notes").text == "Long drive."
        await pilot.press("2", "ctrl+s")
        await settled(pilot)
    assert stored(folder, date(2026, 11, 18)) == replace(NOV_18, leg_pain=2)
    assert stored(folder) is None  # today untouched


async def test_a_date_typed_straight_after_ctrl_g_lands_in_the_date_box() -> None:
    """All the keys arrive before the app handles any: "2" must not set leg pain."""
    app = build(None, welcomed(), logs(NOV_20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(events.Key("ctrl+g", None))
        for character in "2026-11-20":
            app.post_message(events.Key(character, character))
        await pilot.press("enter")
        await pilot.pause()
        assert tab(app).day == date(2026, 11, 20)
        assert field(app, "leg_pain").value == 6


async def test_yesterday_typed_opens_yesterday() -> None:
    app = build(None, welcomed(), logs(NOV_20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g", *"yesterday", "enter")
        await pilot.pause()
        assert tab(app).day == date(2026, 11, 20)
        assert field(app, "leg_pain").value == 6
        state = str(tab(app).query_one("#day-state", Static).render())
        assert "yesterday · ✓ saved" in state


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2026-12-25", "is in the future"), ("tomorrow-ish", "not a date I can read")],
)
async def test_a_future_or_unreadable_date_is_refused_clearly(typed: str, expected: str) -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "ctrl+g", *typed, "enter")
        await pilot.pause()
        error = tab(app).query_one("#day-error", Static)
        assert error.display and expected in str(error.render())
        assert tab(app).query_one("#day-input", Input).value == typed
        assert tab(app).day == TODAY
        assert field(app, "leg_pain").value == 7


async def test_the_last_fourteen_days_list_opens_a_day() -> None:
    app = build(None, welcomed(), logs(NOV_18, NOV_20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = tab(app).query_one(RecentDays)
        assert table.row_count == 14
        assert [str(c) for c in table.get_row("2026-11-20")] == [
            "  Fri 20 Nov",
            "6",
            "3",
            "buttock",
        ]
        assert str(table.get_row("2026-11-19")[3]) == "not logged"
        table.focus()
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert tab(app).day == date(2026, 11, 18)
        assert field(app, "leg_pain").value == 5
        assert str(table.get_row("2026-11-18")[0]).startswith("▸")


async def test_unsaved_changes_are_not_dropped_by_opening_another_day(tmp_path: Path) -> None:
    """Opening another day over changes not saved asks first: Escape stays with them kept;
    "Don't save" is the one answer that leaves them."""
    app = build(tmp_path / "data", welcomed(), logs(NOV_20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("8", "ctrl+g", *"yesterday", "enter")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        assert "has changes that are not saved" in app.screen.message
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ChoiceDialog), "it to close")
        assert tab(app).day == TODAY and field(app, "leg_pain").value == 8
        assert app.focused is field(app, "leg_pain")
        await pilot.press("ctrl+g", *"yesterday", "enter")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        await pilot.click("#choice-leave")
        await until(pilot, lambda: tab(app).day == date(2026, 11, 20), "yesterday to open")
        assert field(app, "leg_pain").value == 6
    assert stored(tmp_path / "data") is None  # the 8 was left, as chosen


async def test_same_as_yesterday_fills_the_form_without_saving(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed(), logs(NOV_18, NOV_20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert field(app, "leg_pain").value == 6
        assert field(app, "pain_side").value == "right"
        assert field(app, "sleep_hours").value == "7"
        assert field(app, "notes").text == ""
        assert app.store.daily_log(TODAY) is None
        assert tab(app).query_one(BodyMap).reach is Reach.BUTTOCK
        await pilot.press("5", "ctrl+s")
        await settled(pilot)
    assert stored(folder) == replace(NOV_20, date=TODAY, leg_pain=5, notes=None)


async def test_same_as_yesterday_button_with_nothing_earlier_says_so() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tab(app).query_one("#same").scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        await pilot.click("#same")
        await pilot.pause()
        assert "There is no earlier day in the diary yet." in notices(app)
        assert field(app, "leg_pain").value is None


async def test_scales_and_choices_post_changes_only_when_the_person_acts() -> None:
    """Opening a day fills the form quietly: it is not marked as changed."""
    app = build(None, welcomed(), logs(NOV_20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g", *"yesterday", "enter")
        await pilot.pause()
        state = str(tab(app).query_one("#day-state", Static).render())
        assert "✓ saved" in state
        assert isinstance(field(app, "leg_pain"), RatingScale)
        assert isinstance(field(app, "pain_reach"), ChoiceSelector)
        assert isinstance(field(app, "notes"), TextArea)
