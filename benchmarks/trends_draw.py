"""How fast the Trends tab draws with ten years of daily logs.

Run from the repository: ``python benchmarks/trends_draw.py [--runs N]``. It writes ten years
of daily logs (plus breathing sessions and rehab days) into a temporary diary in one import,
opens the app headless at 120x40, and measures, as the median of N runs:

* the 12-week and the all-time draw: from the range switch until every chart on screen has
  been drawn (after the data is loaded: the tab has been opened once). "cold" drops every
  kept drawing first, so each chart is re-plotted with plotext; "kept" switches back to a
  range already drawn at this size;
* every chart of a range re-plotted off screen (all eight, not only those in view);
* the first opening of the tab (reading the diary, the worker, importing plotext, drawing);
* the worker's sums alone, and the weekly review alone;
* a baseline measured in the same run: one trivial PlotextPlot with a single point, from
  re-plotting to drawn. Ratios are against it, so figures from different machines compare.

Targets: 12 weeks < 100 ms, all time < 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ten_years import TODAY, ten_years  # noqa: E402
from sciatica_tui.domain.clock import FixedClock  # noqa: E402

SIZE = (120, 40)
TARGETS_MS = {"12 weeks": 100.0, "all time": 300.0}


class RenderClock:
    """Counts chart draws and remembers when the last one finished."""

    def __init__(self) -> None:
        self.count = 0
        self.last = 0.0

    def install(self) -> None:
        # The baseline's PlotextPlot draws through ``render``; TrendPlot through
        # ``render_line``, line by line: the last line drawn is when the chart is done.
        from textual_plotext import PlotextPlot

        from sciatica_tui.screens.trends.plot import TrendPlot

        for cls, name in ((PlotextPlot, "render"), (TrendPlot, "render_line")):
            original = getattr(cls, name)

            def draw(plot: Any, *args: Any, original: Any = original) -> Any:
                result = original(plot, *args)
                self.count += 1
                self.last = time.perf_counter()
                return result

            setattr(cls, name, draw)


async def settle(pilot: Any, renders: RenderClock) -> None:
    """Wait until the screen has been refreshed and no more charts are being drawn."""
    seen = -1
    while seen != renders.count:
        seen = renders.count
        await pilot.pause()
        await pilot.pause()


async def timed_draw(pilot: Any, renders: RenderClock, change: Callable[[], None]) -> float:
    """Milliseconds from ``change`` to the last chart drawn because of it."""
    before = renders.count
    start = time.perf_counter()
    change()
    await settle(pilot, renders)
    if renders.count == before:
        raise RuntimeError("nothing was drawn")
    return (renders.last - start) * 1000


async def baseline(runs: int, renders: RenderClock) -> list[float]:
    """One PlotextPlot with one point, re-plotted and drawn."""
    from textual.app import App, ComposeResult
    from textual_plotext import PlotextPlot

    class OnePlot(App[None]):
        def compose(self) -> ComposeResult:
            yield PlotextPlot()

    app = OnePlot()
    times = []
    async with app.run_test(size=SIZE) as pilot:
        plot = app.query_one(PlotextPlot)
        await settle(pilot, renders)
        for run in range(runs + 1):

            def replot(value: int = run) -> None:
                plot.plt.clear_data()
                plot.plt.scatter([1], [value])
                plot.refresh()

            elapsed = await timed_draw(pilot, renders, replot)
            if run:  # the first one warms up
                times.append(elapsed)
    return times


async def trends(runs: int, renders: RenderClock, folder: Path) -> dict[str, list[float]]:
    """Open the Trends tab on ten years of logs and time the range switches."""
    from sciatica_tui.app import SciaticaApp
    from sciatica_tui.domain.review import weekly_review
    from sciatica_tui.screens.trends.charts import TrendCharts
    from sciatica_tui.screens.trends.tab import TrendsTab, work_out
    from sciatica_tui.store.diary_store import DiaryStore

    results: dict[str, list[float]] = {
        "first opening": [],
        "12 weeks": [],
        "all time": [],
        "12 weeks, kept": [],
        "all time, kept": [],
        "12 weeks, all 8 charts": [],
        "all time, all 8 charts": [],
        "worker sums": [],
        "weekly review": [],
    }
    store = DiaryStore.open(folder)
    app = SciaticaApp(store, clock=FixedClock(datetime.combine(TODAY, datetime.min.time())))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("f6")
        await app.workers.wait_for_complete()
        await settle(pilot, renders)
        results["first opening"].append((renders.last - start) * 1000)
        tab = app.query_one(TrendsTab)

        charts = tab.query_one(TrendCharts)
        for _ in range(runs):
            for label, weeks in (("12 weeks", 12), ("all time", None)):
                for kept in (False, True):
                    tab.weeks = 4
                    await settle(pilot, renders)
                    if not kept:
                        for spec in charts.specs:
                            charts.plot(spec.id).forget()

                    def switch(to: int | None = weeks) -> None:
                        tab.weeks = to

                    name = f"{label}, kept" if kept else label
                    results[name].append(await timed_draw(pilot, renders, switch))

        # Every chart of a range, on screen or not, re-plotted at its size.
        for _ in range(runs):
            for label, weeks in (("12 weeks", 12), ("all time", None)):
                tab.weeks = weeks
                await settle(pilot, renders)
                plots = [charts.plot(spec.id) for spec in charts.specs]
                start = time.perf_counter()
                for plot in plots:
                    if plot.display:
                        plot.replot_now()
                results[f"{label}, all 8 charts"].append((time.perf_counter() - start) * 1000)

        excerpt = store.excerpt()
        for _ in range(runs):
            start = time.perf_counter()
            work_out(excerpt, TODAY)
            results["worker sums"].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            weekly_review(excerpt.daily_logs, excerpt.red_flag_checks, TODAY)
            results["weekly review"].append((time.perf_counter() - start) * 1000)
    store.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)

    from sciatica_tui.store.diary_store import DiaryStore

    folder = Path(tempfile.mkdtemp(prefix="sciatica-bench-")) / "data"
    snapshot = ten_years()
    start = time.perf_counter()
    with DiaryStore.open(folder) as store:
        store.import_snapshot(snapshot, overwrite=False)
        store.save_profile(snapshot.profile)
    print(
        f"Wrote {len(snapshot.daily_logs)} daily logs, {len(snapshot.breathing_sessions)} "
        f"breathing sessions and {len(snapshot.rehab_days)} rehab days in "
        f"{time.perf_counter() - start:.2f} s (one import)."
    )
    sys.stdout.flush()

    renders = RenderClock()
    renders.install()
    base = asyncio.run(baseline(runs, renders))
    figures = asyncio.run(trends(runs, renders, folder))
    base_ms = statistics.median(base)

    print(f"\nTrends tab, headless {SIZE[0]}x{SIZE[1]}, median of {runs} runs")
    print(f"{'what':<34} {'median ms':>10} {'x baseline':>11}  target")
    print(f"{'baseline: one PlotextPlot, 1 point':<34} {base_ms:>10.1f} {1:>11.1f}")
    failed = False
    for label, times in figures.items():
        median = statistics.median(times)
        target = TARGETS_MS.get(label)
        verdict = ""
        if target is not None:
            ok = median < target
            failed |= not ok
            verdict = f"< {target:.0f} ms {'ok' if ok else 'MISSED'}"
        print(f"{label:<34} {median:>10.1f} {median / base_ms:>11.1f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
