"""Every benchmark in one run, printed as one Markdown table for the README.

    python benchmarks/run_all.py [--runs 10] [--no-breathing] [--no-work]

Start-up and Trends figures are medians of N runs (``--runs``, at least 5), a save the median
of N saves (at least 20); the frame gaps are the longest in one second, memory the peak of
one run, and breathing the worst lag of one real 60-second session. Each figure stands next
to its ratio to a baseline measured in the same run on the same machine (the first frame: a
one-label Textual app; the first key: a one-input Textual app; ten years: the empty folder;
saving: plain TinyDB JSONStorage; frame gaps: the app idle; Trends: one trivial PlotextPlot;
breathing: a bare Textual timer; status and remind: ``python -c pass``). Start-up runs the
real app in a pseudo-terminal (``startup.py`` says how); where valgrind is installed, the
work each start does before its first frame is counted too (``startup_work.py``), a figure
that does not move with the machine's speed as times do. Nothing here is a test: it prints
figures, and the README's performance section holds the latest table.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import (  # noqa: E402
    app_benchmarks,
    breathing_timing,
    startup,
    startup_work,
    status_line,
    trends_draw,
)
from benchmarks.ten_years import ten_years  # noqa: E402


def trends_rows(runs: int) -> list[startup.Row]:
    from sciatica_tui.store.diary_store import DiaryStore

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "data"
        snapshot = ten_years()
        with DiaryStore.open(folder) as store:
            store.import_snapshot(snapshot, overwrite=True)
        renders = trends_draw.RenderClock()
        renders.install()
        base = statistics.median(asyncio.run(trends_draw.baseline(runs, renders)))
        figures = asyncio.run(trends_draw.trends(runs, renders, folder))

    def row(label: str, name: str, target: str) -> startup.Row:
        median = statistics.median(figures[name])
        return (label, f"{median:.0f} ms", f"{median / base:.1f}", target)

    return [
        ("Trends baseline: one PlotextPlot, one point", f"{base:.0f} ms", "1.0", ""),
        row("Trends, 12 weeks, ten years", "12 weeks", "< 100 ms"),
        row("Trends, all time, ten years", "all time", "< 300 ms"),
        row("Weekly review, ten years (off the UI thread)", "weekly review", ""),
    ]


def breathing_rows() -> list[startup.Row]:
    baseline = asyncio.run(breathing_timing.measure_baseline())
    shown, _ = asyncio.run(breathing_timing.measure_session())
    phases = [s for s in shown if s.due % breathing_timing.COUNT == 0]
    worst = max(s.lag for s in phases) * 1000
    base = max(baseline) * 1000
    return [
        ("Breathing: bare Textual timer, worst lateness", f"{base:.0f} ms", "1.0", ""),
        (
            "Breathing: worst lag of a phase change, 60 s session",
            f"{worst:.0f} ms",
            f"{worst / base:.1f}" if base > 0 else "",
            "< 100 ms",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-breathing", action="store_true", help="skip the 60 s session")
    parser.add_argument(
        "--no-work", action="store_true", help="skip the instruction counts (valgrind)"
    )
    args = parser.parse_args()
    runs = max(5, args.runs)
    load = os.getloadavg()[0]
    rows = startup.startup_rows(runs)
    if not args.no_work and shutil.which("valgrind"):
        rows += startup_work.work_rows(runs=1)  # one start of each: the count is steady
    rows += app_benchmarks.app_rows(runs) + trends_rows(runs)
    rows += status_line.status_rows(runs)
    if not args.no_breathing:
        rows += breathing_rows()
    print(
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, {platform.system()}; load average {load:.2f} at the "
        f"start, {os.getloadavg()[0]:.2f} at the end. Start-up and Trends: medians of {runs} "
        f"runs; a save: the median of {max(runs, 20)} saves."
    )
    print()
    startup.print_table(rows)


if __name__ == "__main__":
    main()
