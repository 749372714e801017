"""The Today tab, driven with the keyboard and the mouse as a person would."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from errno import ENOSPC
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, Static, TextArea

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    Reach,
    RedFlagCheck,
    RehabDay,
    Side,
    Verdict,
    Weakness,
)
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
from sciatica_tui.screens.today.entry import not_saved_line
from sciatica_tui.screens.today.form import field_id
from sciatica_tui.screens.today.status import RecentDays, StatusStrip
from sciatica_tui.screens.widgets.body_map import BodyMap
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.rating_scale import RatingScale
from sciatica_tui.screens.widgets.tick_box import TickBox
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreWriteError, write_error
from tests.support.app import FROZEN_NOW, Seed, build_app, settled, until, welcomed
from tests.support.today import field, logs, tab

TODAY = FROZEN_NOW.date()
SIZE = (100, 32)


def message(app: SciaticaApp, name: str) -> str:
    """The message under a field ("" when none is shown, or none was ever needed)."""
    widgets = tab(app).query(f"#{field_id(name)}-error").results(Static)
    return "".join(str(widget.render()) for widget in widgets if widget.display)


def strip_text(app: SciaticaApp) -> str:
    return str(tab(app).query_one(StatusStrip).render())


def stored(folder: Path, day: date = TODAY) -> DailyLog | None:
    with DiaryStore.open(folder) as store:
        return store.daily_log(day)


class RedFlagSpy:
    """Stands in for the app's ``open_red_flag_check`` and records each call."""

    def __init__(self) -> None:
        self.calls: list[Mapping[str, bool] | None] = []

    def __call__(self, prefill: Mapping[str, bool] | None = None) -> None:
        self.calls.append(prefill)


def build(folder: Path | None, *seeds: Seed, clock: FixedClock | None = None) -> SciaticaApp:
    """``build_app``, with every notification the app shows also kept in a list."""
    app = build_app(folder, *seeds, clock=clock)
    said: list[str] = []
    show = app.notify

    def notify(message: str, **options: Any) -> None:
        said.append(str(message))
        show(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    app.said = said  # type: ignore[attr-defined]
    return app


def notices(app: SciaticaApp) -> list[str]:
    return app.said  # type: ignore[attr-defined,no-any-return]


# --- the fast path --------------------------------------------------------------------------


async def test_opens_on_today_with_the_cursor_on_leg_pain() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is field(app, "leg_pain")
        assert tab(app).day == TODAY


async def test_a_digit_typed_at_once_lands_on_leg_pain() -> None:
    """No pause after start: the cursor is on leg pain before the form is first drawn."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert field(app, "leg_pain").value == 7


async def test_a_tab_opened_at_start_keeps_the_cursor() -> None:
    """Today's first focus never pulls the person back from a tab a key has opened."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await settled(pilot)
        assert app.query_one("#tabs").active == "breathe"  # type: ignore[attr-defined]
        assert app.focused is not None and tab(app) not in app.focused.ancestors_with_self


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


async def test_one_then_zero_within_a_second_makes_ten() -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build(None, welcomed(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        leg = field(app, "leg_pain")
        await pilot.press("1")
        clock.advance(0.5)
        await pilot.press("0")
        assert leg.value == 10
        await pilot.press("1")
        clock.advance(1.5)
        await pilot.press("0")
        assert leg.value == 0
        await pilot.press("5", "right", "right")
        assert leg.value == 7
        await pilot.press("left")
        assert leg.value == 6
        await pilot.press("backspace")
        assert leg.value is None


async def test_an_arrow_on_an_unset_scale_starts_at_the_low_end_a_choice_goes_round() -> None:
    """Found by a reviewer: left on "not set" numbness jumped to 10/10, worst."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for name, arrow, low in [
            ("numbness", "left", 0),
            ("leg_pain", "right", 0),
            ("mood", "left", 1),
        ]:
            scale = field(app, name)
            scale.focus()
            await pilot.press(arrow)
            assert scale.value == low, name
        # The choices go round (issue 15): from "not set", Left gives the last option and
        # Right the first, and the numbness reach says "No numbness", not "No pain".
        for name in ("pain_reach", "pain_side", "weakness", "numbness_reach"):
            choice = field(app, name)
            choice.focus()
            await pilot.press("left")
            assert choice.value == choice.values[-1], name
            await pilot.press("right")
            assert choice.value is None, name
            await pilot.press("right")
            assert choice.value == choice.values[0], name
        assert field(app, "numbness_reach").label == "No numbness"
        assert field(app, "pain_reach").label == "No pain"


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


async def test_a_one_to_five_scale_refuses_digits_outside_it() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        mood = field(app, "mood")
        mood.focus()
        await pilot.press("4")
        assert mood.value == 4
        await pilot.press("9")
        assert mood.value == 4
        await pilot.press("0")
        assert mood.value == 4
        assert any("goes from 1 to 5" in n for n in notices(app))


async def test_choices_by_letter_digit_and_arrows() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reach = field(app, "pain_reach")
        reach.focus()
        await pilot.press("b")
        assert reach.value == "buttock"
        await pilot.press("b")
        assert reach.value == "below_knee"
        assert app.focused is reach  # a letter shared by two stays to cycle
        await pilot.press("0")
        assert reach.value == "none"
        # A pick by key moves on to the next field, as a form is filled in.
        assert app.focused is field(app, "pain_side")
        reach.focus()
        await pilot.press("5")
        assert reach.value == "foot"
        assert app.focused is field(app, "pain_side")
        reach.focus()
        await pilot.press("right")
        assert reach.value is None  # past the end: back to "not set"
        await pilot.press("right")
        assert reach.value == "none"
        await pilot.press("delete")
        assert reach.value is None
        side = field(app, "pain_side")
        side.focus()
        await pilot.press("r")
        assert side.value == "right"
        assert app.focused is field(app, "numbness")


async def test_the_mouse_sets_a_scale_and_a_choice() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        back = field(app, "back_pain")
        # "  –/10 " comes before the bar; the 4th cell of the bar is 4.
        assert await pilot.click(back, offset=(back._bar_start + 3, 0))
        assert back.value == 4
        side = field(app, "pain_side")
        assert await pilot.click(side, offset=(8, 0))
        assert side.value == "left"
        assert await pilot.click(side, offset=(2, 0))
        assert side.value is None


# --- every field -------------------------------------------------------------------------


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


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "typed", "expected"),
    [
        ("walking_minutes", "abc", "'abc' is not a whole number"),
        ("walking_minutes", "700", "700 is above 600"),
        ("sitting_minutes", "2.5", "2.5 is not a whole number"),
        ("sleep_hours", "25", "is above 24"),
        ("sleep_hours", "lots", "Sleep must be a number of hours from 0 to 24"),
        ("pain_med_doses", "-1", "-1 is below 0"),
    ],
)
async def test_a_bad_value_is_refused_with_its_message_and_nothing_is_lost(
    tmp_path: Path, name: str, typed: str, expected: str
) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "tab", "3")
        field(app, name).focus()
        await pilot.press(*typed, "ctrl+s")
        await settled(pilot)
        assert expected in message(app, name)
        # The message sits on the line under its own field's row.
        row = field(app, name).parent
        shown = tab(app).query_one(f"#{field_id(name)}-error")
        assert shown.region.y == row.region.bottom
        assert field(app, name).value == typed
        assert (field(app, "leg_pain").value, field(app, "back_pain").value) == (7, 3)
        assert app.focused is field(app, name)
        assert any(n.startswith("Not saved") for n in notices(app))
        # Fixing the value clears the message and saves.
        await pilot.press("ctrl+a", "ctrl+k", "5", "ctrl+s")
        await settled(pilot)
        assert message(app, name) == ""
    saved = stored(folder)
    assert saved is not None and saved.leg_pain == 7


async def test_missing_pain_scores_are_named_and_nothing_is_saved(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "f", "ctrl+s")
        await settled(pilot)
        assert "Leg pain is not set yet" in message(app, "leg_pain")
        assert "Back pain is not set yet" in message(app, "back_pain")
        assert field(app, "pain_reach").value == "foot"
        assert app.focused is field(app, "leg_pain")
    assert stored(folder) is None


async def test_notes_longer_than_the_limit_are_refused_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build(folder, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "tab", "3")
        notes = field(app, "notes")
        notes.load_text("x" * 2001)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "2001 characters long" in message(app, "notes")
        assert tab(app).query_one(f"#{field_id('notes')}-error").region.y == notes.region.bottom
        assert notes.text == "x" * 2001
    assert stored(folder) is None


async def test_a_failed_save_keeps_the_form_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(tmp_path / "data", welcomed())

    def disk_full(_log: object) -> None:
        raise StoreWriteError("Not saved: the disk is full. Nothing was lost.")

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(app.store, "save_daily_log", disk_full)
        await pilot.press("7", "tab", "3", "ctrl+s")
        await settled(pilot)
        line = str(tab(app).query_one("#day-error", Static).render())
        assert "disk is full" in line and line.count("Not saved") == 1
        assert (field(app, "leg_pain").value, field(app, "back_pain").value) == (7, 3)
        assert "● unsaved" in str(tab(app).query_one("#day-state", Static).render())
        assert any("disk is full" in n for n in notices(app))


# --- other days ------------------------------------------------------------------------------

NOV_18 = DailyLog(date(2026, 11, 18), 5, 4, pain_reach=Reach.THIGH, notes="Long drive.")
NOV_20 = DailyLog(
    date(2026, 11, 20),
    6,
    3,
    pain_reach=Reach.BUTTOCK,
    pain_side=Side.RIGHT,
    weakness=Weakness.MILD,
    sleep_hours=7.0,
    notes="Bad night.",
)


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


# --- drawing and status strip ------------------------------------------------------------


async def test_the_drawing_follows_the_reach_as_it_changes() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        drawing = tab(app).query_one(BodyMap)
        words = tab(app).query_one("#reach-words", Static)
        assert drawing.reach is None and "Not set yet" in str(words.render())
        await pilot.press("tab", "tab", "t")
        assert drawing.reach is Reach.THIGH
        assert "● Thigh" in str(drawing.render())
        assert "● Below the knee" not in str(drawing.render())
        assert "into the thigh" in str(words.render())
        await pilot.press("l")  # the thigh picked, the cursor moved on to the side
        assert drawing.side is Side.LEFT
        centralisation = str(tab(app).query_one("#centralisation", Static).render())
        # A good sign only while weakness and numbness hold steady, never "the strongest".
        assert "often a very good sign" in centralisation
        assert "weakness and numbness are not getting worse" in centralisation
        assert "strongest" not in centralisation


async def test_status_strip_without_onset_invites_setting_it() -> None:
    app = build(None, welcomed(onset=None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No onset date yet" in strip_text(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press(*"2026-09-20", "enter")
        await settled(pilot)
        assert not isinstance(app.screen, WelcomeScreen)
        assert "8 weeks since onset · Stage 2 (weeks 6–12)" in strip_text(app)


def busy_day(store: DiaryStore) -> None:
    store.save_rehab_day(RehabDay(TODAY, ("walk", "nerve_glide")))
    for minute in (0, 30):
        store.add_breathing_session(
            BreathingSession(
                started_at=datetime(2026, 11, 21, 8, minute),
                inhale=4,
                hold_in=4,
                exhale=4,
                hold_out=4,
                planned_seconds=180,
                elapsed_seconds=180,
                cycles_completed=11,
                completed=True,
            )
        )
    store.save_red_flag_check(
        RedFlagCheck(datetime(2026, 11, 18, 20, 0), {"bladder": False}, Verdict.CLEAR)
    )


async def test_status_strip_says_what_today_holds() -> None:
    app = build(None, welcomed(), busy_day)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = strip_text(app)
        assert "8 weeks since onset · Stage 2 (weeks 6–12): Do more physical therapy" in text
        assert "✗ Not logged yet" in text
        assert "2 exercises" in text
        assert "Breathed 2×, 6 min" in text
        assert "Red flags 18 Nov: clear" in text
        await pilot.press("4", "tab", "4", "ctrl+s")
        await settled(pilot)
        assert "✓ Logged today" in strip_text(app)


async def test_status_strip_is_fresh_when_the_tab_is_opened_again() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        app.store.save_red_flag_check(
            RedFlagCheck(datetime(2026, 11, 21, 9, 0), {"bladder": True}, Verdict.EMERGENCY)
        )
        await pilot.press("f1")
        await pilot.pause()
        assert "Red flags today: EMERGENCY (bladder trouble)" in strip_text(app)
        assert app.focused is field(app, "leg_pain")


# --- the safety trigger ----------------------------------------------------------------------


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


async def test_quitting_with_an_unsaved_day_asks_first_and_stay_keeps_it() -> None:
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7", "tab", "3")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # "Stay" is the suggested answer
        await pilot.pause()
        assert app.return_code is None and len(app.screen_stack) == 1
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.press("ctrl+q")  # saved now: no question
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_q_right_after_a_digit_still_asks(tmp_path: Path) -> None:
    """Found in tmux: F1, 7 and ctrl+q sent at once quit without asking, because ctrl+q
    (a priority key) was handled before the 7 had reached leg pain."""
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        for key, character in (("f1", None), ("7", "7"), ("ctrl+q", None)):
            app.post_message(events.Key(key, character))
        await settled(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert app.return_code is None
        assert field(app, "leg_pain").value == 7


async def test_quitting_from_another_tab_shows_the_unsaved_day_behind_the_question() -> None:
    """ctrl+q pressed on Trends with an unsaved day: the question comes over Today, so that
    "Stay" leaves the cursor on the day to save, in view."""
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7")
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.query_one("#tabs").active == "today"  # type: ignore[attr-defined]
        await pilot.press("enter")  # "Stay"
        await pilot.pause()
        assert app.is_running
        assert app.focused is field(app, "leg_pain")
        assert field(app, "leg_pain").value == 7


async def test_quitting_without_saving_when_told_to(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Quit without saving"
        await pilot.pause()
    assert app.return_code == 0
    with DiaryStore.open(tmp_path / "data", read_only=True) as store:
        assert store.daily_logs() == []


async def test_ctrl_s_then_ctrl_q_at_once_saves_without_asking(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("7", "tab", "3", "ctrl+s", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    with DiaryStore.open(tmp_path / "data", read_only=True) as store:
        assert [(log.leg_pain, log.back_pain) for log in store.daily_logs()] == [(7, 3)]


async def test_a_third_line_of_the_strip_is_drawn_on_a_narrow_terminal() -> None:
    """Found by a reviewer at 60 columns: the facts wrapped onto a third line, and that line,
    the red-flag verdict, was not drawn until the terminal was resized."""

    def logged_and_checked(store: DiaryStore) -> None:
        store.save_daily_log(DailyLog(TODAY, 5, 3))
        store.save_red_flag_check(
            RedFlagCheck(at=FROZEN_NOW, answers={"bladder": True}, verdict=Verdict.EMERGENCY)
        )

    for size in [(60, 20), (80, 24), (120, 40)]:
        app = build_app(None, welcomed(), logged_and_checked)
        async with app.run_test(size=size) as pilot:
            await settled(pilot)
            strip = app.query_one(StatusStrip)
            lines = str(strip.content).splitlines()
            assert strip.size.height == len(lines), size
            assert "Red flags today: EMERGENCY" in lines[-1], size


async def test_on_a_narrow_terminal_the_form_has_the_width_and_the_drawing_goes_below() -> None:
    """Found by a reviewer at 70 columns: the drawing kept its width and cut the form, so
    "Numb saddle area (between the legs)" lost its end."""
    app = build(None, welcomed())
    async with app.run_test(size=(70, 40)) as pilot:
        await pilot.pause()
        assert tab(app).has_class("-narrow")
        saddle = tab(app).query_one("#sign-saddle_area", TickBox)
        assert saddle.region.right <= 70
        assert saddle.content_region.width >= len("Numb saddle area (between the legs)") + 4
        drawing = tab(app).query_one("#today-drawing")
        assert drawing.region.y > saddle.region.bottom  # under the form, not beside it
    app = build(None, welcomed())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not tab(app).has_class("-narrow")  # 80 columns keep the drawing beside


async def test_ctrl_q_still_asks_after_ctrl_r_closed_its_question() -> None:
    """ctrl+r closes the quit question to open the check; each tab used to keep its own
    "asking" flag, never cleared that way, and ctrl+q then did nothing at all."""
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("7", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("ctrl+r")
        await settled(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # asked again
        await pilot.press("ctrl+q")  # a second ctrl+q waits for the answer
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog) and app.is_running


def test_a_failed_save_says_not_saved_and_kept_once() -> None:
    full = not_saved_line(write_error(OSError(ENOSPC, "No space"), Path("/data")))
    plain = not_saved_line(ValueError("The diary was opened read-only."))
    assert full.count("Not saved") == 1 and full.count("Nothing was lost") == 1
    assert "still here" in plain and plain.count("Not saved") == 1
