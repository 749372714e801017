"""The app with a diary an older version wrote, holding terminal escape codes in every text
field (issue 19 item 4): every tab opens with the header and tabs in place, the text shown
inert; new text with a control character is refused with the field named and kept."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, TextArea

from sciatica_tui.app import SciaticaApp
from sciatica_tui.screens.tabs import TABS
from sciatica_tui.screens.today.form import field_id
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed
from tests.support.hostile_text import CLIPBOARD_MARKER, write_hostile_diary

SIZE = (120, 40)


def drawn(app: SciaticaApp) -> str:
    """Everything on the screen as drawn (the SVG keeps any control character as it is)."""
    return app.export_screenshot()


async def test_every_tab_opens_with_hostile_text_shown_inert(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_hostile_diary(folder, FROZEN_NOW.date())
    app = build_app(folder, welcomed())
    before = (folder / "diary.json").read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        for spec in TABS:
            await pilot.press(spec.key)
            await until(pilot, lambda spec=spec: app.query_one("#tabs").active == spec.pane)
            await settled(pilot)
            screen = drawn(app)
            for control in ("\x1b", "\x9b", "\x07", "\u202e"):
                assert control not in screen, f"{spec.label}: {control!r} reached the screen"
            assert "Sciatica" in screen and "companion" in screen, f"{spec.label}: no header"
            for other in TABS:
                assert other.label.split()[0] in screen, f"{spec.label}: {other.label} gone"
            if spec.pane in ("today", "clinic"):
                assert f"␛]52;c;{CLIPBOARD_MARKER}␇" in screen  # shown, inert
        # Opening and leaving a visit nobody changed neither saves nor complains.
        await pilot.press("f5")
        await settled(pilot)
        assert str(app.query_one("#visit-status", Static).render()).startswith("✓ Saved")
    assert (folder / "diary.json").read_bytes() == before  # nothing set aside or rewritten


async def test_notes_with_a_pasted_escape_are_refused_named_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed())
    pasted = "Slept badly\x1b]52;c;SGk=\x07"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "tab", "3")
        notes = app.query_one(f"#{field_id('notes')}", TextArea)
        notes.load_text(pasted)
        await pilot.press("ctrl+s")
        await settled(pilot)
        message = str(app.query_one(f"#{field_id('notes')}-error", Static).render())
        assert message.startswith("⚠ Notes: holds a hidden control character (ESC, shown as ␛)")
        assert "at character 12. Delete it, then save again" in message
        assert notes.text == pasted  # everything typed is still there
    with DiaryStore.open(folder) as store:
        assert store.daily_logs() == []


async def test_a_changed_visit_names_each_field_that_holds_a_control_character(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    write_hostile_diary(folder, FROZEN_NOW.date())
    app = build_app(folder, welcomed(), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.query_one("#visit-clinician", Input).value = "Dr Lee"
        await pilot.press("ctrl+s")
        await settled(pilot)
        status = str(app.query_one("#visit-status", Static).render())
        assert status.startswith("✗ Not saved: reason: holds a hidden control character (ESC")
        assert "clinician" not in status  # fixed by the person
        assert "the symptom story holds a hidden control character" in status
        assert "questions: entry 1: holds" in status
        assert status.endswith("Delete it, then save again: such characters come hidden in "
                               "pasted text and cannot be kept.")  # fmt: skip
        assert app.query_one("#visit-clinician", Input).value == "Dr Lee"
