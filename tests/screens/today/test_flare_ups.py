"""Flare-ups and tags on the Today tab, by keyboard: a flare-up in three keys from anywhere
on Today, its fields checked beside each field with nothing lost, a second one at the same
minute kept, one changed and one removed from the day view; the day's tags picked one key
each, the person's own tag added, saved with the day and shown again."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from textual.widgets import Input, Static, TextArea

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import Reach
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.text import TextDialog
from sciatica_tui.screens.today.day_tags import DayTags
from sciatica_tui.screens.today.flare_dialog import FlareUpDialog
from sciatica_tui.screens.today.flare_list import FlareUpList
from sciatica_tui.screens.today.form import field_id
from sciatica_tui.screens.today.status import RecentDays
from sciatica_tui.screens.today.tab import TodayTab
from sciatica_tui.screens.widgets.tag_picker import TagPicker
from sciatica_tui.store.errors import StoreWriteError
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed

TODAY = FROZEN_NOW.date()


def dialog_open(app: SciaticaApp) -> bool:
    return isinstance(app.screen, FlareUpDialog)


async def log_flare_up(pilot: object, app: SciaticaApp, *keys: str) -> None:
    """Press ``keys`` (the first opens the dialog), then wait until it has saved and closed."""
    await pilot.press(keys[0])  # type: ignore[attr-defined]
    await until(pilot, lambda: dialog_open(app), "the flare-up dialog")  # type: ignore[arg-type]
    await pilot.press(*keys[1:])  # type: ignore[attr-defined]
    await until(pilot, lambda: not dialog_open(app), "the dialog to close")  # type: ignore[arg-type]
    await settled(pilot)  # type: ignore[arg-type]


async def test_flare_ups_logged_changed_and_removed_by_keyboard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(80, 24)) as pilot:
        flare_list = app.query_one(FlareUpList)
        assert not flare_list.display  # no flare-ups: no line taken from the form

        # The quick entry: key, pain digit, save.
        keys = ["ctrl+f", "7", "enter"]
        assert len(keys) <= 4
        await log_flare_up(pilot, app, *keys)
        assert app.store.flare_ups() == [FlareUp(FROZEN_NOW, 7)]
        assert flare_list.display
        assert "1 flare-up" in str(flare_list.query_one("#flare-ups-title", Static).content)

        # From a field being typed in, with every field: a bad time and no pain are said
        # beside their fields, and nothing typed is lost.
        walking = app.query_one(f"#{field_id('walking_minutes')}", Input)
        walking.focus()
        await pilot.press("3", "ctrl+f")
        await until(pilot, lambda: dialog_open(app), "the dialog over a field being typed in")
        assert walking.value == "3"  # ctrl+f opened the dialog; it did not edit the field
        dialog = app.screen
        await pilot.press("shift+tab", "ctrl+u", *"25:00", "enter")
        await pilot.pause()
        errors = [str(e.content) for e in dialog.query(".flare-error") if e.display]
        assert len(errors) == 2
        assert "'25:00' is not a time of day" in errors[0]
        assert "Pain is not set yet" in errors[1]
        assert dialog_open(app) and app.store.flare_ups() == [FlareUp(FROZEN_NOW, 7)]
        assert dialog.query_one("#flare-time", Input).value == "25:00"
        await pilot.press("ctrl+u", *"8:15", "tab", "6", "tab", "5")  # time, pain, reach: foot
        await pilot.press("tab", "2", "tab", "2", "6", "tab", "4", "0", "enter")  # tags, minutes
        await until(pilot, lambda: not dialog_open(app), "the dialog to close")
        await settled(pilot)
        early = FlareUp(
            datetime(2026, 11, 21, 8, 15), 6, Reach.FOOT, ("driving",), ("heat", "rest"), 40
        )
        assert app.store.flare_ups() == [early, FlareUp(FROZEN_NOW, 7)]
        assert walking.value == "3"

        # From the notes too; Escape closes the dialog and the note goes on.
        notes = app.query_one(f"#{field_id('notes')}", TextArea)
        notes.focus()
        await pilot.press("o", "k", "ctrl+f")
        await until(pilot, lambda: dialog_open(app), "the dialog over the notes")
        await pilot.press("escape")
        await until(pilot, lambda: not dialog_open(app), "the dialog closed")
        await pilot.press("!")
        assert notes.text == "ok!" and len(app.store.flare_ups()) == 2

        # A second flare-up at the same minute is kept beside the first.
        await log_flare_up(pilot, app, "ctrl+f", "5", "ctrl+s")
        second = FlareUp(FROZEN_NOW + timedelta(seconds=1), 5)
        assert app.store.flare_ups() == [early, FlareUp(FROZEN_NOW, 7), second]
        recent = app.query_one(RecentDays)
        assert str(recent.get_cell(TODAY.isoformat(), "day")) == "▸ Sat 21 ↯3"
        assert "3 flare-ups" in str(flare_list.query_one("#flare-ups-title", Static).content)

        # Changed from the day view: Enter on the first, a new pain, Enter.
        app.query_one("#flare-up-lines").focus()
        await log_flare_up(pilot, app, "enter", "3", "enter")
        changed = FlareUp(early.at, 3, early.reach, early.triggers, early.helped, early.minutes)
        assert app.store.flare_ups()[0] == changed

        # Removed from the day view, after a question.
        app.query_one("#flare-up-lines").focus()
        await pilot.press("down", "delete")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        await pilot.press("right", "enter")
        await until(pilot, lambda: len(app.store.flare_ups()) == 2, "the flare-up removed")
        await settled(pilot)
        assert app.store.flare_ups() == [changed, second]
        assert str(recent.get_cell(TODAY.isoformat(), "day")) == "▸ Sat 21 ↯2"

        # A save that fails keeps the dialog open with all that was typed, and says why.
        def disk_full(_flare_up: object) -> None:
            raise StoreWriteError("Not saved: the disk is full. Nothing was lost.")

        with monkeypatch.context() as patch:
            patch.setattr(app.store, "save_flare_up", disk_full)
            await pilot.press("ctrl+f")
            await until(pilot, lambda: dialog_open(app), "the dialog")
            dialog = app.screen
            await pilot.press("9", "enter")
            problem = dialog.query_one(".dialog-problem", Static)
            await until(pilot, lambda: "disk is full" in str(problem.content), "the problem said")
            assert str(problem.content).count("Not saved") == 1
            assert dialog_open(app) and dialog.query_one("#flare-pain").value == 9
        await pilot.press("enter")  # the disk has room again
        await until(pilot, lambda: not dialog_open(app), "the dialog to close")
        await settled(pilot)
        assert len(app.store.flare_ups()) == 3


async def test_day_tags_are_picked_one_key_each_and_saved_with_the_day() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("6", "tab", "2")
        # Reached with Tab in the form's order: after pain relief.
        app.query_one(f"#{field_id('pain_med_doses')}").focus()
        await pilot.press("tab")
        set_off = app.query_one("#day-tags-set_off", TagPicker)
        assert app.focused is set_off
        await pilot.press("1", "3", "1", "1")  # sitting long, lifting; sitting long off, on
        assert set_off.picked == ("lifting", "sitting_long")
        await pilot.press("tab", "2", "plus")
        await until(pilot, lambda: isinstance(app.screen, TextDialog), "the own-tag question")
        await pilot.press(*"Hot bath", "enter")
        helped = app.query_one("#day-tags-helped", TagPicker)
        await until(pilot, lambda: "hot_bath" in helped.picked, "the own tag picked")
        assert "unsaved" in str(app.query_one("#day-state", Static).content)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.store.daily_log(TODAY) is not None, "the day saved")
        await settled(pilot)
        log = app.store.daily_log(TODAY)
        assert log is not None
        assert log.tags == ("lifting", "sitting_long", "heat", "hot_bath")
        assert app.store.custom_tags() == [CustomTag("hot_bath", "Hot bath", TagKind.HELPED)]

        # Read back: another day shows none, this day shows them again, in their order.
        today_tab = app.query_one(TodayTab)
        assert today_tab.open_day(TODAY - timedelta(days=1))
        assert app.query_one(DayTags).text() == ""
        assert today_tab.open_day(TODAY)
        assert set_off.picked == ("lifting", "sitting_long")
        assert helped.picked == ("heat", "hot_bath")
        assert "saved" in str(app.query_one("#day-state", Static).content)

        # On another day open, the quick entry logs the flare-up on that day, at the time
        # typed (now's, by default), and ctrl+t puts the cursor on the day's tags.
        assert today_tab.open_day(TODAY - timedelta(days=2))
        await pilot.press("ctrl+f")
        await until(pilot, lambda: dialog_open(app), "the flare-up dialog")
        await pilot.press("4", "tab", "tab", "plus")  # pain, then an own tag of what set it off
        await until(pilot, lambda: isinstance(app.screen, TextDialog), "the own-tag question")
        await pilot.press(*"Gardening", "enter")
        await until(pilot, lambda: dialog_open(app), "back in the dialog")
        await pilot.press("enter")
        await until(pilot, lambda: not dialog_open(app), "the dialog to close")
        await settled(pilot)
        two_days_ago = FlareUp(FROZEN_NOW - timedelta(days=2), 4, triggers=("gardening",))
        assert app.store.flare_ups() == [two_days_ago]
        assert [tag.id for tag in set_off.tags][-1] == "gardening"  # offered for the day too
        await pilot.press("ctrl+t")
        assert app.focused is set_off
