"""The Trends tab through Textual's Pilot: ranges, empty and small diaries, a year of data."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain import content
from sciatica_tui.domain.records import (
    ActivityScore,
    CheckIn,
    DailyLog,
    Reach,
    RedFlagCheck,
    Snapshot,
    Verdict,
)
from sciatica_tui.screens.trends.charts import TrendCharts
from sciatica_tui.screens.trends.tab import TrendsTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import Seed, build_app, welcomed
from tests.support.trends_tab import charts_worked_out

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 11, 21)  # the frozen clock's day


def logs(days: int, *, every: int = 1) -> Seed:
    """``days`` days of logs up to today, one every ``every`` days, made up the same way
    each time."""

    def seed(store: DiaryStore) -> None:
        made = [
            DailyLog(
                TODAY - timedelta(days=back),
                leg_pain=(back * 7) % 11,
                back_pain=(back * 3) % 6,
                pain_reach=list(Reach)[back % 6],
                sleep_hours=6 + (back % 5) / 2,
                walking_minutes=10 + back % 40,
            )
            for back in range(0, days, every)
        ]
        store.import_snapshot(Snapshot(daily_logs=made), overwrite=False)

    return seed


async def open_trends(app: SciaticaApp, pilot: Pilot[int]) -> TrendsTab:
    """Press F6 and wait until the tab has worked out its charts."""
    await pilot.press("f6")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return await charts_worked_out(pilot)


def status(tab: TrendsTab) -> str:
    return str(tab.query_one("#trends-status", Static).render())


def review_text(tab: TrendsTab) -> str:
    return "\n".join(str(s.render()) for s in tab.query("#trends-review Static").results(Static))


PROBE = """
import asyncio, sys
from datetime import date
from sciatica_tui.domain.records import DailyLog
from tests.support.app import build_app, welcomed
import sciatica_tui.screens.trends.tab  # the tab's module itself must not pull plotext in

def one_day(store):
    store.save_daily_log(DailyLog(date(2026, 11, 20), 5, 3))

async def main():
    print("imported", "plotext" in sys.modules, "textual_plotext" in sys.modules)
    seeds = [welcomed()] + ([one_day] if sys.argv[1] == "data" else [])
    app = build_app(None, *seeds)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        print("started", "plotext" in sys.modules, "textual_plotext" in sys.modules)
        await pilot.press("f6")
        await app.workers.wait_for_complete()
        await pilot.pause()
        print("opened", "plotext" in sys.modules)

asyncio.run(main())
"""


def probe_imports(diary: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, diary], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def test_charts_are_not_imported_until_the_trends_tab_is_opened() -> None:
    imported, started, opened = probe_imports("data")
    assert imported == "imported False False"
    assert started == "started False False"
    # The first chart drawn brings plotext in.
    assert opened == "opened True"


def test_an_empty_diary_never_imports_plotext() -> None:
    # Nothing to draw: the tab says what to log, and plotext is still not needed.
    assert probe_imports("empty")[-1] == "opened False"


async def test_empty_diary_says_what_to_do() -> None:
    app = build_app(None, welcomed(), opens_on="trends")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await charts_worked_out(pilot)
        message = tab.query_one("#trends-message", Static)
        assert message.display and "Nothing logged yet" in str(message.render())
        assert not tab.query_one(TrendCharts).display
        text = review_text(tab)
        assert content.signals().not_enough_data in text
        assert content.signals().disclaimer_short in text


async def test_one_day_of_data_draws_every_chart() -> None:
    app = build_app(None, welcomed(), logs(1), opens_on="trends")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await charts_worked_out(pilot)
        charts = tab.query_one(TrendCharts)
        assert charts.display and not tab.query_one("#trends-message").display
        assert [spec.id for spec in charts.specs] == [
            "pain",
            "reach",
            "numbness",
            "mobility",
            "sleep",
            "doses",
            "breathing",
            "rehab",
        ]
        assert "1 day logged" in status(tab)
        pain = charts.plot("pain")
        assert pain.display and "┤" in str(pain.render())
        # The legend sits under the title, not over the plot's top left corner.
        assert "Leg:" not in str(pain.render())
        assert str(charts.legend("pain").render()).startswith("Leg: ▄▄ weekly mean  ● each day")
        # Nothing logged for numbness: the chart says so instead of drawing an empty frame.
        assert not charts.plot("numbness").display
        assert "1 of 7 days logged this week" in review_text(tab)


async def test_switching_ranges_by_key_and_button() -> None:
    app = build_app(None, welcomed(), logs(200, every=2), opens_on="trends")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await charts_worked_out(pilot)
        assert tab.weeks == 12 and status(tab).startswith("12 weeks: 31 Aug 2026")
        assert app.focused is tab.query_one("#range-12", Button)
        # The progress view stands on top, above the charts (issue 14).
        body = tab.query_one("#trends-body")
        progress = tab.query_one("#trends-progress")
        assert progress.display and body.scroll_y == 0
        assert progress.region.y < tab.query_one(TrendCharts).region.y
        headline = str(tab.query_one("#progress-headline", Static).render())
        assert "the start" in headline
        await pilot.press("4")
        await pilot.pause()
        assert tab.weeks == 4 and status(tab).startswith("4 weeks: 26 Oct 2026")
        assert body.scroll_y > 0  # choosing a range brings the charts into view
        assert tab.query_one("#range-4").has_class("-chosen")
        assert not tab.query_one("#range-12").has_class("-chosen")
        charts = tab.query_one(TrendCharts)
        assert "26 Oct" in str(charts.plot("pain").render())
        await pilot.press("a")
        await pilot.pause()
        assert tab.weeks is None and status(tab).startswith("All time: 4 May 2026")
        assert "(weekly means)" in charts.specs[0].title
        await pilot.click("#range-12")
        await pilot.pause()
        assert tab.weeks == 12 and "(weekly means)" not in charts.specs[0].title
        assert "31 Aug" in str(charts.plot("pain").render())


async def test_the_progress_view_shows_the_weekly_check_in() -> None:
    # The mean moved 1.5 points (less than people usually notice) but one activity moved 3:
    # that one is named, as the person typed it (brackets and all, never read as markup).
    def check_ins(store: DiaryStore) -> None:
        first = (ActivityScore("[b]socks[/b]", 3), ActivityScore("dog", 4))
        store.save_check_in(CheckIn(TODAY - timedelta(weeks=4), 0, first))
        latest = (ActivityScore("[b]socks[/b]", 6), ActivityScore("dog", 4))
        store.save_check_in(CheckIn(TODAY, 1, latest))

    app = build_app(None, welcomed(), logs(30), check_ins, opens_on="trends")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await charts_worked_out(pilot)
        line = tab.query_one("#progress-check-in", Static)
        assert line.display
        said = str(line.render())
        assert said.startswith("Weekly check-in: mean score 3.5 → 5.0 of 10 (+1.5 points")
        assert "“[b]socks[/b]”: +3 points, a change people usually notice." in said
        assert "Since the start, you said: a little better." in said


async def test_no_check_in_no_check_in_line() -> None:
    app = build_app(None, welcomed(), logs(30), opens_on="trends")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await charts_worked_out(pilot)
        assert not tab.query_one("#progress-check-in", Static).display


async def test_a_year_of_data_and_the_review_under_the_charts() -> None:
    def urgent_check(store: DiaryStore) -> None:
        store.save_red_flag_check(
            RedFlagCheck(datetime(2026, 11, 20, 8), {"bladder_bowel": False}, Verdict.URGENT)
        )

    app = build_app(None, welcomed(), logs(365), urgent_check, opens_on="trends")
    async with app.run_test(size=(120, 40)) as pilot:
        tab = await charts_worked_out(pilot)
        assert tab.has_class("-wide")  # two columns of charts
        await pilot.press("a")
        await pilot.pause()
        assert "365 days logged" in status(tab)
        charts = tab.query_one(TrendCharts)
        assert "2026" in str(charts.plot("pain").render())
        assert "(weekly means)" in charts.specs[0].title
        words = content.signals()
        text = review_text(tab)
        assert words.signals["red_flag"].title in text
        assert "Run the red-flag check now" in text
        assert tab.query("#trends-review .signal.-urgent")
        await pilot.press("r")
        await pilot.pause()
        body = tab.query_one("#trends-body")
        assert body.scroll_y > 0


async def test_the_charts_scroll_straight_after_f6() -> None:
    """Found by a reviewer at 80x24: F6 leaves the cursor on a range button, and Page Down
    did nothing there; only Tab twice, unannounced, reached the charts."""
    app = build_app(None, welcomed(), logs(60))
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await open_trends(app, pilot)
        body = tab.query_one("#trends-body")
        assert app.focused is tab.query_one("#range-12") and body.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        await pilot.press("down")
        await pilot.pause()
        after_down = body.scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0 < after_down
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        assert app.focused is tab.query_one("#range-12")  # the cursor stays on the buttons


async def test_the_tab_redraws_with_new_logs_when_shown_again() -> None:
    app = build_app(None, welcomed(), logs(3))
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await open_trends(app, pilot)
        assert "3 days logged" in status(tab)
        app.store.save_daily_log(DailyLog(TODAY - timedelta(days=5), 4, 2))
        await pilot.press("f1")
        tab = await open_trends(app, pilot)
        assert "4 days logged" in status(tab)
