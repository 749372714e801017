"""Waiting for the Trends tab (its charts are worked out on a worker as it is shown)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from sciatica_tui.screens.trends.tab import TrendsTab
from tests.support.app import until


async def charts_worked_out(pilot: Pilot[int]) -> TrendsTab:
    """The Trends tab (in view) once it has worked out its charts from the diary."""
    app = pilot.app
    tab = app.query_one(TrendsTab)
    message = tab.query_one("#trends-message", Static)
    await until(
        pilot,
        lambda: not (message.display and "Working out" in str(message.render())),
        "the charts worked out",
    )
    await app.workers.wait_for_complete()
    await pilot.pause()
    return tab
