"""Today, issue 15 §5–§7: moving between days by key at 80x24, "same as yesterday" over a
saved day, contradictions warned beside the reach, and notes that never cover the work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.records import DailyLog, Reach, Side
from sciatica_tui.palette import diary_commands
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.today.day_bar import DayBar
from sciatica_tui.screens.today.form import field_id
from sciatica_tui.screens.today.recent_days_dialog import RecentDaysDialog
from sciatica_tui.screens.today.status import StatusStrip
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed
from tests.support.today import field, logs, tab

TODAY = FROZEN_NOW.date()  # Sat 21 Nov 2026
NOV_20 = DailyLog(date(2026, 11, 20), 6, 3, pain_reach=Reach.BUTTOCK, pain_side=Side.RIGHT)
NOV_18 = DailyLog(date(2026, 11, 18), 5, 4, notes="Long drive.")
SMALL = (80, 24)


def bar(app: SciaticaApp) -> str:
    return str(app.query_one(DayBar).render())


def note(app: SciaticaApp, name: str) -> str:
    """The contradiction said under a reach ("" when none shows)."""
    notes = tab(app).query(f"#{field_id(name)}-note")
    return "".join(str(n.render()) for n in notes if n.display)


def stored(folder: Path, day: date) -> DailyLog | None:
    with DiaryStore.open(folder, read_only=True) as store:
        return store.daily_log(day)


async def test_moving_between_days_by_key_at_80x24(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), logs(NOV_18, NOV_20))
    async with app.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: "Open: Sat 21 Nov (today) · not logged" in bar(app))
        # The keys are in the command palette too (and in the help, test_help's snapshot).
        titles = {command.title for command in diary_commands(app, app.screen)}
        assert {"Today: Day before", "Today: Day after", "Today: Last 14 days"} <= titles
        # The strip's stage line wraps at 80 columns instead of losing its advice to "…".
        strip = app.query_one(StatusStrip)
        stage = str(strip.content)
        assert "and better posture." in stage
        assert all(len(line) <= strip.content_region.width for line in stage.splitlines())
        # alt+left from a scale: the day before, said in the line under the strip.
        await pilot.press("alt+left")
        await until(pilot, lambda: tab(app).day == NOV_20.date, "yesterday")
        assert field(app, "leg_pain").value == 6
        await until(pilot, lambda: "Fri 20 Nov (yesterday) · ✓ saved" in bar(app))
        assert app.focused is field(app, "leg_pain")

        # While typing a note the key still works, and asks before leaving the change.
        field(app, "notes").focus()
        await pilot.press(*"ok", "alt+left")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        assert field(app, "notes").text == "ok"  # the letters typed, not a day moved
        await pilot.press("enter")  # the suggested answer: save, then go
        await until(pilot, lambda: tab(app).day == date(2026, 11, 19), "the day before")
        await settled(pilot)
        saved = stored(folder, NOV_20.date)
        assert saved is not None and saved.notes == "ok" and saved.leg_pain == 6
        await until(pilot, lambda: "Thu 19 Nov · not logged" in bar(app))

        # alt+right back to today, and no further: there is no day after today.
        await pilot.press("alt+right", "alt+right", "alt+right")
        await until(pilot, lambda: tab(app).day == TODAY, "today")
        await pilot.pause()
        assert tab(app).day == TODAY

        # The last 14 days, as a list that pops up at 80x24, the open day under the cursor.
        await pilot.press("alt+down")
        await until(pilot, lambda: isinstance(app.screen, RecentDaysDialog), "the list")
        await pilot.press("down", "down", "down", "enter")
        await until(pilot, lambda: tab(app).day == NOV_18.date, "18 Nov")
        assert field(app, "notes").text == "Long drive."
        await until(pilot, lambda: "Open: Wed 18 Nov · ✓ saved" in bar(app))

        # ctrl+g with the form scrolled down: the date field comes into view to type in.
        scroll = tab(app).query_one("#today-scroll", VerticalScroll)
        scroll.scroll_end(animate=False)
        await pilot.pause()
        day_input = tab(app).query_one("#day-input", Input)
        assert not scroll.region.contains_region(day_input.region)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.focused is day_input
        assert scroll.region.contains_region(day_input.region)
        await pilot.press(*"yesterday", "enter")
        await until(pilot, lambda: tab(app).day == NOV_20.date, "yesterday typed")


async def test_same_as_yesterday_asks_before_replacing_a_saved_day() -> None:
    today_log = DailyLog(TODAY, 2, 1)
    app = build_app(None, welcomed(), logs(NOV_20, today_log))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        assert "is already saved" in app.screen.message
        await pilot.press("enter")  # the suggested answer keeps the day
        await until(pilot, lambda: not isinstance(app.screen, ChoiceDialog), "it to close")
        assert field(app, "leg_pain").value == 2
        await pilot.press("ctrl+y")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        await pilot.press("right", "enter")  # "Fill in from Fri 20 Nov (yesterday)"
        await until(pilot, lambda: field(app, "leg_pain").value == 6, "the fill")
        assert field(app, "pain_side").value == "right"


async def test_contradictions_are_warned_beside_the_reach_and_the_day_still_saves(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        # Leg pain 3, pain down to: no pain.
        await pilot.press("3", "tab", "1", "tab", "0")
        await until(pilot, lambda: "Leg pain is 3" in note(app, "pain_reach"))
        field(app, "pain_reach").focus()  # the pick moved the cursor on to the side
        await pilot.press("5")  # down to the foot: fits leg pain 3
        await until(pilot, lambda: note(app, "pain_reach") == "")
        # Pain down to the foot, leg pain 0.
        field(app, "leg_pain").focus()
        await pilot.press("0")
        await until(pilot, lambda: "down to the foot, but leg pain is 0" in note(app, "pain_reach"))
        # Numbness 0 with a numbness reach.
        field(app, "numbness").focus()
        await pilot.press("0")
        field(app, "numbness_reach").focus()
        await pilot.press("3")
        await until(pilot, lambda: "Numbness is 0" in note(app, "numbness_reach"))
        assert "No numbness" not in note(app, "numbness_reach")
        # Warned, not refused: the day saves as typed, and the words stay.
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert note(app, "pain_reach") and note(app, "numbness_reach")
    saved = stored(folder, TODAY)
    assert saved is not None
    assert (saved.leg_pain, saved.pain_reach, saved.numbness, saved.numbness_reach) == (
        0,
        Reach.FOOT,
        0,
        Reach.THIGH,
    )


def covers(toast: Widget, widget: Widget) -> bool:
    return toast.region.overlaps(widget.region)


async def test_notes_never_cover_the_field_in_focus_or_a_dialog() -> None:
    app = build_app(None, welcomed(), logs(NOV_20))
    assert app.NOTIFICATION_TIMEOUT <= 3  # "Saved" goes within 3 s
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        # The cursor in the notes (wide, at the foot of the view), then a save: "Saved" shows.
        await pilot.press("5", "tab", "3")
        scroll = tab(app).query_one("#today-scroll", VerticalScroll)
        lowest = field(app, "notes")
        lowest.focus()
        await pilot.press(*"ok", "ctrl+s")
        await settled(pilot)
        await until(pilot, lambda: bool(app.screen.query("Toast")), "the Saved note")
        focused = app.focused
        assert focused is lowest

        def uncovered_and_in_view() -> bool:
            toasts = list(app.screen.query("Toast"))
            return bool(toasts) and not any(covers(toast, lowest) for toast in toasts)

        # The note takes lines of its own; the screen above it shrinks, the field stays seen.
        await until(pilot, uncovered_and_in_view, "the field in focus to be clear of the note")
        assert scroll.region.contains_region(lowest.region)
        # In a dialog: neither the field in focus nor the dialog's box is covered.
        await pilot.press("alt+down")
        await until(pilot, lambda: isinstance(app.screen, RecentDaysDialog), "the list")
        app.notify("A note while the list is open.", title="Note")
        await until(pilot, lambda: bool(app.screen.query("Toast")), "the note")
        await pilot.pause()
        box = app.screen.query_one(".dialog-box")
        focused = app.focused
        assert focused is not None
        for toast in app.screen.query("Toast"):
            assert not covers(toast, focused) and not covers(toast, box)
