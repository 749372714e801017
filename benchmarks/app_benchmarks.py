"""Saving, frame gaps and memory, each against a baseline measured in the same run.

    python benchmarks/app_benchmarks.py [--runs 10]

Prints a table of medians and ratios. These are measurements, not tests: nothing here
fails the test suite. Targets: a save under 50 ms with ten years of data, off the UI thread
(the app keeps drawing while it saves); peak memory under 150 MB with ten years of data.
Start-up (the first frame and the first key) is measured in ``startup.py``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.startup import Row, as_installed, make_folders, print_table  # noqa: E402
from benchmarks.ten_years import TODAY  # noqa: E402
from sciatica_tui.domain.records import DailyLog  # noqa: E402

MEMORY_PROBE = """
import resource, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from sciatica_tui.app import SciaticaApp
from sciatica_tui.store.diary_store import DiaryStore

app = SciaticaApp(DiaryStore.open(Path(sys.argv[1])))

async def visit_every_tab(pilot):
    for key in ("f1", "f2", "f3", "f4", "f5", "f6"):
        await pilot.press(key)
        await pilot.pause(0.3)
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=visit_every_tab)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def median_save_seconds(folder: Path, runs: int) -> tuple[float, float]:
    """(our atomic save, plain TinyDB JSONStorage insert) with ten years of data, medians."""
    from tinydb import TinyDB

    from sciatica_tui.store.diary_store import DiaryStore

    ours = []
    with DiaryStore.open(folder) as store:
        for i in range(runs):
            log = DailyLog(TODAY - timedelta(days=i % 3), 5, 3, notes=f"run {i}")
            started = time.perf_counter()
            store.save_daily_log(log)
            ours.append(time.perf_counter() - started)
    plain = []
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "plain.json"
        path.write_text((folder / "diary.json").read_text())
        db = TinyDB(path)
        table = db.table("daily_logs")
        for i in range(runs):
            started = time.perf_counter()
            table.insert({"date": "2026-11-21", "leg_pain": 5, "back_pain": 3, "notes": str(i)})
            plain.append(time.perf_counter() - started)
        db.close()
    return statistics.median(ours), statistics.median(plain)


def ui_gap_while_saving(folder: Path, saves: int) -> tuple[float, float]:
    """Largest gap between 20 ms UI timer ticks, while idle and while saving in the background."""
    import asyncio

    from sciatica_tui.app import SciaticaApp
    from sciatica_tui.store.changes import SaveDailyLog
    from sciatica_tui.store.diary_store import DiaryStore

    async def measure() -> tuple[float, float]:
        app = SciaticaApp(DiaryStore.open(folder))
        ticks: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(1.0)  # past start-up, which is measured on its own
            app.set_interval(0.02, lambda: ticks.append(time.perf_counter()))
            await pilot.pause(1.0)
            idle = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
            ticks.clear()
            for i in range(saves):
                log = DailyLog(TODAY - timedelta(days=i % 5), 4, 2, notes=f"bg {i}")
                app.save(app, SaveDailyLog(log))
            await pilot.pause(1.5)
            busy = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
        return idle, busy

    return asyncio.run(measure())


def peak_memory_mb(folder: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE.format(root=str(ROOT)), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env=as_installed(),
    )
    return float(out.stdout.strip().splitlines()[-1])


def app_rows(runs: int) -> list[Row]:
    """(measure, median, ratio to its baseline, target) for saving, frame gaps and memory."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch:
        _, full = make_folders(Path(scratch))
        ours, plain = median_save_seconds(full, max(runs, 20))
        rows += [
            (
                "Save a day, ten years (atomic write, fsync)",
                f"{ours * 1000:.1f} ms",
                f"{ours / plain:.2f}",
                "< 50 ms",
            ),
            ("Same insert, plain TinyDB JSONStorage", f"{plain * 1000:.1f} ms", "1.00", ""),
        ]
        idle, busy = ui_gap_while_saving(full, 20)
        rows += [
            ("Longest gap between frames, idle", f"{idle * 1000:.0f} ms", "1.00", ""),
            (
                "Longest gap between frames, during 20 saves",
                f"{busy * 1000:.0f} ms",
                f"{busy / idle:.2f}",
                "keeps drawing",
            ),
        ]
        rows.append(
            (
                "Peak memory, ten years, every tab opened",
                f"{peak_memory_mb(full):.0f} MB",
                "",
                "< 150 MB",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print_table(app_rows(max(5, args.runs)))


if __name__ == "__main__":
    main()
