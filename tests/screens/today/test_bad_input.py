"""Bad input on Today: refused with its message under its field, nothing lost; failed saves."""

from __future__ import annotations

from errno import ENOSPC
from pathlib import Path

import pytest
from textual.widgets import Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.screens.today.entry import not_saved_line
from sciatica_tui.screens.today.form import field_id
from sciatica_tui.store.errors import StoreWriteError, write_error
from tests.support.app import settled, welcomed
from tests.support.today import field, tab
from tests.support.today_app import SIZE, build, notices, stored


def message(app: SciaticaApp, name: str) -> str:
    """The message under a field ("" when none is shown, or none was ever needed)."""
    widgets = tab(app).query(f"#{field_id(name)}-error").results(Static)
    return "".join(str(widget.render()) for widget in widgets if widget.display)


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


def test_a_failed_save_says_not_saved_and_kept_once() -> None:
    full = not_saved_line(write_error(OSError(ENOSPC, "No space"), Path("/data")))
    plain = not_saved_line(ValueError("The diary was opened read-only."))
    assert full.count("Not saved") == 1 and full.count("Nothing was lost") == 1
    assert "still here" in plain and plain.count("Not saved") == 1
