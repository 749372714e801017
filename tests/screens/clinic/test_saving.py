"""Saving a Clinic visit: ctrl+s, saving by itself, quitting, and the keys with no visit yet."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, TextArea

from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, until, welcomed
from tests.support.clinic import (
    SIZE,
    VISIT,
    focus,
    open_section,
    stored,
    with_visits,
)


async def test_edits_save_with_ctrl_s_and_by_themselves() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" of my leg", "ctrl+s")
        await until(pilot, lambda: stored(app).reason == "Follow-up of my leg")
        assert "Saved" in str(app.query_one("#visit-status", Static).render())

        await open_section(pilot, app, "story")
        await focus(pilot, app, "#story")
        await pilot.press("end", *" Worse when sitting.")
        await pilot.pause()
        assert "saving in a moment" in str(app.query_one("#visit-status", Static).render())
        # No key pressed: it saves by itself a moment later.
        await until(pilot, lambda: stored(app).story == "My story. Worse when sitting.")

        await open_section(pilot, app, "history")
        await focus(pilot, app, "#history")
        await pilot.press(*"Asthma.")
        await open_section(pilot, app, "notes")
        await focus(pilot, app, "#notes-after")
        await pilot.press(*"Next visit in 6 weeks.", "ctrl+s")
        await until(pilot, lambda: stored(app).notes_after == "Next visit in 6 weeks.")
        assert stored(app).history == "Asthma."


async def test_quitting_right_after_typing_keeps_the_change(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", "!", "ctrl+q")
        await pilot.pause()
    with DiaryStore.open(folder) as store:
        assert store.visits()[0].reason == "Follow-up!"


async def test_quitting_with_a_visit_that_cannot_be_saved_asks_first(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "history")
        app.query_one("#history", TextArea).load_text("y" * 5001)
        await focus(pilot, app, "#visit-reason")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "the history is longer than 5000 characters" in str(
            app.screen.query_one(".dialog-message", Static).render()
        )
        await pilot.press("ctrl+q")  # pressed again while asking: still one question
        await pilot.pause()
        assert len(app.screen_stack) == 2
        await pilot.press("enter")  # "Stay and fix it"
        await pilot.pause()
        assert app.is_running
        assert app.focused is app.query_one("#history", TextArea)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Quit without saving it"
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    with DiaryStore.open(folder) as store:
        assert store.visits()[0].history == ""


async def test_keys_without_a_visit_say_what_to_do() -> None:
    app = build_app(None, welcomed(), opens_on="clinic")
    said: list[str] = []
    notify = app.notify

    def recorded(message: str, **options: object) -> None:
        said.append(message)
        notify(message, **options)  # type: ignore[arg-type]

    app.notify = recorded  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+s")
        await pilot.pause()
        assert any("no visit to export yet" in m for m in said)
        assert any("no visit to save yet" in m for m in said)
