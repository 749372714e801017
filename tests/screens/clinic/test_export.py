"""Exporting a Clinic visit from the tab: Markdown and PDF, never over a different file."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.widgets import Static

from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from tests.support.app import build_app, settled, until
from tests.support.clinic import (
    SIZE,
    focus,
    stored,
    with_visits,
)
from tests.support.pdf import pdf_text
from tests.support.visit_diary import FIXTURE_DIARY, FIXTURE_VISIT, fixture_draft, seed_fixture


async def test_export_from_the_tab(tmp_path: Path, private_documents_folder: Path) -> None:
    """The tab writes where a person finds the file: their documents folder, not the data
    folder."""
    folder = tmp_path / "data"
    exports = private_documents_folder
    app = build_app(folder, seed_fixture, with_visits(FIXTURE_VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        target = exports / "visit-2026-11-24.md"
        await until(pilot, target.exists)
        await settled(pilot)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        expected = visit_markdown(FIXTURE_VISIT, FIXTURE_DIARY, date(2026, 11, 21))
        assert target.read_text(encoding="utf-8") == expected
        shown = str(app.query_one("#export-status", Static).render())
        assert f"Exported to {target}" in shown

        # Change the visit and export again with the button: the first file is kept.
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" (moved)")
        await pilot.pause()
        # The note about the last export goes once the visit changes: it gives the form
        # back its room (five lines at 80x24), and it was about the visit as it was.
        assert not app.query_one("#export-status").display
        await focus(pilot, app, "#export-visit")
        await pilot.press("enter")
        second = exports / "visit-2026-11-24-2.md"
        await until(pilot, second.exists)
        await settled(pilot)
        assert target.read_text(encoding="utf-8") == expected
        assert "(moved)" in second.read_text(encoding="utf-8")
        assert stat.S_IMODE(second.stat().st_mode) == 0o600
        shown = str(app.query_one("#export-status", Static).render())
        assert "A different file was already at visit-2026-11-24.md" in shown
        assert "visit-2026-11-24-2.md" in shown
        assert stored(app, FIXTURE_VISIT.id).reason.endswith("(moved)")


async def test_export_pdf_from_the_tab(private_documents_folder: Path) -> None:
    """ctrl+t (and the PDF report button) writes the report for the doctor into the
    documents folder, says the whole path, and never writes over a different file."""
    app = build_app(None, seed_fixture, with_visits(FIXTURE_VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        target = private_documents_folder / "visit-2026-11-24.pdf"
        status = app.query_one("#export-status", Static)
        await until(pilot, lambda: "Exported to" in str(status.render()))
        assert f"Exported to {target} (only you can read it)." in str(status.render())
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        text = pdf_text(target.read_bytes())
        assert "Clinic visit: Tue 24 Nov 2026" in text
        assert text.index("RED FLAGS") < text.index("Timeline")

        # The same report again is left as it is; a changed visit gets a name of its own.
        await focus(pilot, app, "#export-pdf")
        await pilot.press("enter")
        await until(pilot, lambda: "unchanged" in str(status.render()))
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" (moved)")
        await focus(pilot, app, "#export-pdf")
        await pilot.press("enter")
        second = private_documents_folder / "visit-2026-11-24-2.pdf"
        await until(pilot, second.exists)
        await until(pilot, lambda: "visit-2026-11-24-2.pdf" in str(status.render()))
        assert "(moved)" in pdf_text(second.read_bytes())
        assert "(moved)" not in pdf_text(target.read_bytes())


def days_logged_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("- Days logged"))


async def test_a_story_older_than_the_diary_is_pointed_out_before_export(
    tmp_path: Path, private_documents_folder: Path
) -> None:
    """Found by a reviewer: a story drafted before the last weeks' logs was exported beside
    a chart of them, and the page contradicted itself."""
    folder = tmp_path / "data"
    old_story = fixture_draft().replace(
        days_logged_line(fixture_draft()),
        "- Days logged in the last four weeks (25 Oct to 21 Nov): 0 of 28.",
    )
    app = build_app(
        folder,
        seed_fixture,
        with_visits(replace(FIXTURE_VISIT, story=old_story)),
        opens_on="clinic",
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        message = str(app.screen.query_one(".dialog-message", Static).render())
        assert "(25 Oct to 21 Nov): 0 of 28." in message
        assert days_logged_line(fixture_draft()).removeprefix("- ") in message
        await pilot.press("enter")  # "Go to the story" (suggested): nothing written yet
        await pilot.pause()
        assert app.focused is app.query_one("#redraft")
        assert not private_documents_folder.exists()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Export as it is"
        target = private_documents_folder / "visit-2026-11-24.md"
        await until(pilot, target.exists)
        assert "0 of 28." in target.read_text(encoding="utf-8")
