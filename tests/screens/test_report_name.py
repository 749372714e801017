"""The name printed on reports: given, refused when it cannot be kept, and cleared, from the
command palette's dialog."""

from __future__ import annotations

from textual.widgets import Input

from sciatica_tui.palette import open_report_name
from sciatica_tui.screens.dialogs.report_name import ReportNameDialog
from tests.support.app import build_app, until, welcomed


async def test_the_name_on_reports_is_set_refused_and_cleared_from_the_palette() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 30)) as pilot:
        settings = app.store.profile().settings
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Set your name on reports" in titles
        open_report_name(app)
        await until(pilot, lambda: bool(app.screen.query("#report-name")), "the dialog")
        field = app.screen.query_one("#report-name", Input)
        assert field.value == ""  # none given yet
        await pilot.press(*" Sam Taylor ", "enter")
        await until(pilot, lambda: not isinstance(app.screen, ReportNameDialog), "saved")
        assert app.store.profile().report_name == "Sam Taylor"
        assert app.store.profile().settings == settings  # saved beside them, not into them

        # A hidden control character (pasted) is refused in words; the dialog stays.
        open_report_name(app)
        await until(pilot, lambda: bool(app.screen.query("#report-name")), "open again")
        field = app.screen.query_one("#report-name", Input)
        assert field.value == "Sam Taylor"
        field.value = "Sam\u202eTaylor"
        await pilot.press("enter")
        await pilot.pause()
        problem = str(app.screen.query_one(".dialog-problem").render())
        assert "hidden control character" in problem
        assert app.store.profile().report_name == "Sam Taylor"

        # Emptied, the name is taken off the reports.
        field.value = ""
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ReportNameDialog), "cleared")
        assert app.store.profile().report_name is None
