"""What went with bad days on the Trends tab, following its range, and the flare-up chart."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

from rich.console import Console
from textual.widgets import Static

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import DailyLog, Snapshot
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.screens.trends.charts import TrendCharts
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, welcomed
from tests.support.trends_tab import charts_worked_out

TODAY = date(2026, 11, 21)  # the frozen clock's day
OWN = CustomTag("garden", "[b]Garden[/b]", TagKind.SET_OFF)


def tagged_weeks(store: DiaryStore) -> None:
    """Twelve weeks of logs: in the eight older ones every third day is a drive in the
    garden (leg 8, other days 3); the last four weeks hold no tag, and two flare-ups."""
    logs = []
    for back in range(84):
        older = back >= 28
        tagged = older and back % 3 == 0
        tags = ("driving", "garden") if tagged else ()
        logs.append(DailyLog(TODAY - timedelta(days=back), 8 if tagged else 3, 2, tags=tags))
    flare_ups = [
        FlareUp(datetime.combine(TODAY - timedelta(days=back), time(18)), 7) for back in (1, 9)
    ]
    store.import_snapshot(
        Snapshot(daily_logs=logs, flare_ups=flare_ups, custom_tags=[OWN]), overwrite=False
    )


def shown(widget: Static) -> str:
    """What ``widget`` holds, as plain words on one line (it may hold a table)."""
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(widget.content)
    return " ".join(console.export_text().split())


async def test_the_section_follows_the_range_and_is_quiet_when_there_is_nothing_to_say() -> None:
    app = build_app(None, welcomed(), tagged_weeks, opens_on="trends")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await charts_worked_out(pilot)
        section = tab.query_one("#trends-insights")
        listing = tab.query_one("#insights-found", Static)
        about = tab.query_one("#insights-about", Static)
        # Under the charts (DESIGN.md, "Trends"), which are under the progress view; the
        # virtual regions, as the section may be scrolled out of view.
        charts = tab.query_one(TrendCharts).virtual_region
        assert tab.query_one("#trends-progress").virtual_region.bottom <= charts.y
        assert charts.bottom <= section.virtual_region.y
        words = shown(listing)
        assert "• [b]Garden[/b] went with leg pain 5.0 points higher the same day" in words
        assert "• Driving went with leg pain 5.0 points higher the same day" in words
        assert "(18 days with, 65 without)" in words and words.count("•") == 2
        assert about.display and "not what caused what" in str(about.render())
        # The last four weeks hold no tag: one line says why, and nothing else.
        await pilot.press("4")
        await pilot.pause()
        quiet = shown(listing)
        assert quiet.startswith("Nothing to compare yet: a tag needs at least 3 logged days")
        assert listing.has_class("-quiet") and not about.display
        # The flare-ups of the last weeks have their chart.
        flare_chart = next(
            spec for spec in tab.query_one(TrendCharts).specs if spec.id == "flare_ups"
        )
        assert list(flare_chart.series[0].ys) == [0, 0, 1, 1]
        await pilot.press("a")
        await pilot.pause()
        assert "• Driving went with" in shown(listing)
