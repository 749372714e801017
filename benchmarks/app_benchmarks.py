"""Start-up, saving and memory, each against a baseline measured in the same run.

    python benchmarks/app_benchmarks.py [--runs 5]

Prints a table of medians and ratios. These are measurements, not tests: nothing here
fails the test suite. Targets (issue 9): start-up <= 1.3x a one-label Textual app with an
empty folder and <= 1.5x with ten years of data; a save under 50 ms with ten years of data,
off the UI thread; peak memory under 150 MB with ten years of data.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ten_years import TODAY, ten_years  # noqa: E402
from sciatica_tui.domain.records import DailyLog, Profile  # noqa: E402

# A fresh interpreter for each start-up run, so imports are counted as a person feels them.
STARTUP_PROBE = """
import time
started = time.perf_counter()
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
kind, folder = sys.argv[1], sys.argv[2]
if kind == "baseline":
    from textual.app import App
    from textual.widgets import Label

    class Baseline(App):
        def compose(self):
            yield Label("hello")

    app = Baseline()
elif kind == "shell":
    # Textual's own widgets for the app's frame, with no code of ours: the floor under us.
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Footer, Header, Label, TabbedContent, TabPane

    class Shell(App):
        BINDINGS = [Binding(f"f{{n}}", "bell", f"Tab {{n}}") for n in range(1, 7)] + [
            Binding("ctrl+r", "bell", "Red-flag check"),
            Binding("ctrl+q", "quit", "Quit"),
        ]

        def compose(self):
            yield Header()
            with TabbedContent():
                for n in range(1, 7):
                    with TabPane(f"Tab {{n}}"):
                        yield Label("hello")
            yield Footer()

    app = Shell()
else:
    from sciatica_tui.app import SciaticaApp
    from sciatica_tui.store.diary_store import DiaryStore

    app = SciaticaApp(DiaryStore.open(Path(folder)))

async def first_frame(pilot):
    await pilot.pause()
    print(time.perf_counter() - started)
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=first_frame)
"""

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


def make_folders(work: Path) -> tuple[Path, Path]:
    """An empty (welcomed) folder and a ten-year folder."""
    from sciatica_tui.store.diary_store import DiaryStore

    empty, full = work / "empty", work / "ten-years"
    with DiaryStore.open(empty) as store:
        store.save_profile(Profile(welcomed=True))
    with DiaryStore.open(full) as store:
        store.import_snapshot(ten_years(), overwrite=True)
    return empty, full


def as_installed() -> dict[str, str]:
    """The environment for a probe, with compiled modules cached as an installed copy has.

    ``pip install`` writes every module's bytecode, so a person's app never compiles its
    source at start-up. A shell with PYTHONDONTWRITEBYTECODE set (this project's sandbox
    has it) would make every run compile ours again (about 50 ms) while Textual, installed
    by pip, is compiled already: an unfair start for our code.
    """
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def median_startups(kinds: list[tuple[str, Path]], runs: int) -> list[float]:
    """Median start-up of each (kind, folder), the kinds taking turns run after run.

    Taking turns spreads any drift of the machine's speed over every kind alike. One untimed
    run of each first writes the bytecode cache and warms the disk cache for all alike.
    """
    probe = STARTUP_PROBE.format(root=str(ROOT))
    times: list[list[float]] = [[] for _ in kinds]
    for round_number in range(runs + 1):
        for index, (kind, folder) in enumerate(kinds):
            out = subprocess.run(
                [sys.executable, "-c", probe, kind, str(folder)],
                capture_output=True,
                text=True,
                check=True,
                env=as_installed(),
            )
            if round_number > 0:
                times[index].append(float(out.stdout.strip().splitlines()[-1]))
    return [statistics.median(each) for each in times]


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
                app.save_in_background(lambda log=log: app.store.save_daily_log(log))
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


Row = tuple[str, str, str, str]


def app_rows(runs: int) -> list[Row]:
    """(measure, median, ratio to its baseline, target) for start-up, saving and memory."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch:
        empty, full = make_folders(Path(scratch))
        size_mb = (full / "diary.json").stat().st_size / 1e6
        base, shell, start_empty, start_full = median_startups(
            [("baseline", empty), ("shell", empty), ("app", empty), ("app", full)], runs
        )
        rows += [
            ("Start-up, baseline one-label app", f"{base * 1000:.0f} ms", "1.00", ""),
            (
                "Start-up, Textual's header + six tabs + footer, no app code",
                f"{shell * 1000:.0f} ms",
                f"{shell / base:.2f}",
                "",
            ),
            (
                "Start-up, empty folder",
                f"{start_empty * 1000:.0f} ms",
                f"{start_empty / base:.2f}",
                "<= 1.3",
            ),
            (
                f"Start-up, ten years ({size_mb:.1f} MB)",
                f"{start_full * 1000:.0f} ms",
                f"{start_full / base:.2f}",
                "<= 1.5",
            ),
        ]
        ours, plain = median_save_seconds(full, max(runs, 20))
        rows += [
            (
                "Save a day, ten years (atomic, fsync)",
                f"{ours * 1000:.1f} ms",
                f"{ours / plain:.2f}",
                "< 50 ms",
            ),
            ("Same insert, plain TinyDB JSONStorage", f"{plain * 1000:.1f} ms", "1.00", ""),
        ]
        idle, busy = ui_gap_while_saving(full, 20)
        rows += [
            ("Longest UI frame gap, idle", f"{idle * 1000:.0f} ms", "1.00", ""),
            (
                "Longest UI frame gap, 20 saves",
                f"{busy * 1000:.0f} ms",
                f"{busy / idle:.2f}",
                "keeps drawing",
            ),
        ]
        rows.append(
            ("Peak memory, ten years, every tab", f"{peak_memory_mb(full):.0f} MB", "", "< 150 MB")
        )
    return rows


def print_table(rows: list[Row]) -> None:
    """A Markdown table, ready for the README."""
    print("| Measure | Median | Ratio to baseline | Target |")
    print("|---|---:|---:|---|")
    for name, value, ratio, target in rows:
        print(f"| {name} | {value} | {ratio} | {target} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print_table(app_rows(max(5, args.runs)))


if __name__ == "__main__":
    main()
