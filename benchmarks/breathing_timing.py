"""How late does the Breathe tab show each phase? A real 60-second session, measured.

Run from the repository: ``python benchmarks/breathing_timing.py`` (about 80 seconds).

It runs the app headless (``App.run_test``, 100x32) with the real clock, starts a 1-minute
session at a count of 3 (5 rounds, exactly 60 s, 20 phase changes), and hooks the drawing of
the breathing box: for every phase, and every change of the count, it notes the monotonic time
it was first drawn and compares it with when it was due. For scale it first measures, in the
same run, a bare Textual app whose ``set_interval`` timer at the tab's redraw rate (0.1 s)
records its own lateness: that is the floor any Textual timer sees on this machine.

Target: the largest lag stays under 100 ms on an idle machine. Exit status 0 when it does.
"""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sciatica_tui.app import SciaticaApp  # noqa: E402
from sciatica_tui.domain.breathing import BreathingSchedule  # noqa: E402
from sciatica_tui.domain.clock import SystemClock  # noqa: E402
from sciatica_tui.screens.breathe.box import BreathingBox  # noqa: E402
from sciatica_tui.screens.breathe.tab import REDRAW_SECONDS, BreatheTab  # noqa: E402
from sciatica_tui.store.diary_store import DiaryStore  # noqa: E402

MINUTES, COUNT = 1, 3
SIZE = (100, 32)
BASELINE_SECONDS = 15.0
TARGET_MS = 100.0

# (cycle, phase, count shown) -> monotonic time first drawn
Key = tuple[int, str, int]


@dataclass(frozen=True)
class Shown:
    """One thing that had to appear: when it was due and when it was first drawn."""

    key: Key
    due: float  # seconds into the session
    lag: float  # seconds late


class TimerBaseline(App[None]):
    """A bare app whose interval timer measures how late it is called."""

    def __init__(self) -> None:
        super().__init__()
        self.lateness: list[float] = []
        self.started = 0.0

    def compose(self) -> ComposeResult:
        yield Static("measuring timer lateness")

    def on_mount(self) -> None:
        self.started = time.monotonic()
        self.set_interval(REDRAW_SECONDS, self.tick)

    def tick(self) -> None:
        now = time.monotonic()
        due = self.started + (len(self.lateness) + 1) * REDRAW_SECONDS
        self.lateness.append(now - due)


async def measure_baseline() -> list[float]:
    app = TimerBaseline()
    async with app.run_test(size=SIZE):
        await asyncio.sleep(BASELINE_SECONDS)
    return app.lateness


async def measure_session() -> tuple[list[Shown], float]:
    first_drawn: dict[Key, float] = {}
    original = BreathingBox.render_lines

    def hooked(self: BreathingBox, crop):  # type: ignore[no-untyped-def]
        moment = self.moment
        if moment is not None and not moment.finished:
            key = (moment.cycle, moment.phase, moment.countdown)
            first_drawn.setdefault(key, time.monotonic())
        return original(self, crop)

    BreathingBox.render_lines = hooked  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder:
        store = DiaryStore.open(Path(folder) / "data")
        store.save_profile(replace(store.profile(), welcomed=True))  # no first-run note
        app = SciaticaApp(store, clock=SystemClock())
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await pilot.press("f3")
                tab = await first(app, BreatheTab)
                tab.start_session(MINUTES, COUNT)
                tab.action_skip()  # the ratings asked before it, skipped (the s key)
                session = tab.session
                assert session is not None
                started = session.clock.started
                while tab.view == "running":
                    await asyncio.sleep(0.25)
                await pilot.pause(0.2)
                saved = app.store.breathing_sessions()
        finally:
            BreathingBox.render_lines = original  # type: ignore[method-assign]
            store.close()
    assert saved and saved[0].completed, "the session did not finish"

    schedule = BreathingSchedule.planned(MINUTES, COUNT)
    shown = []
    for second in range(schedule.total_seconds):
        moment = schedule.at(second)
        key = (moment.cycle, moment.phase, moment.countdown)
        if key in first_drawn:
            shown.append(Shown(key, second, first_drawn[key] - (started + second)))
        else:
            shown.append(Shown(key, second, float("inf")))  # never drawn
    return shown, started


async def first(app: App[int], kind: type[BreatheTab]) -> BreatheTab:
    """The tab, once it is built (tabs are built when first opened)."""
    for _ in range(200):
        found = app.query(kind)
        if found:
            return found.first()
        await asyncio.sleep(0.05)
    raise RuntimeError("the Breathe tab never appeared")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def main() -> int:
    print("Breathing timing benchmark")
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f} at start"
    )
    baseline = asyncio.run(measure_baseline())
    shown, _ = asyncio.run(measure_session())
    phases = [s for s in shown if s.due % COUNT == 0]

    print(f"\nA real {MINUTES}-minute session at a count of {COUNT}, headless {SIZE[0]}x{SIZE[1]}:")
    print(f"{'#':>3}  {'phase':<9} {'cycle':>5} {'due s':>6} {'lag ms':>8}")
    for number, s in enumerate(phases, start=1):
        cycle, phase, _count = s.key
        print(f"{number:>3}  {phase:<9} {cycle:>5} {s.due:>6} {ms(s.lag):>8}")

    phase_lags = [s.lag for s in phases]
    count_lags = [s.lag for s in shown]
    base_max, base_median = max(baseline), statistics.median(baseline)
    max_lag, median_lag = max(phase_lags), statistics.median(phase_lags)
    rows = [
        ("phase changes shown", f"{len(phases)}"),
        ("max lag, phase changes (ms)", ms(max_lag)),
        ("median lag, phase changes (ms)", ms(median_lag)),
        ("max lag, every count change (ms)", ms(max(count_lags))),
        ("median lag, every count change (ms)", ms(statistics.median(count_lags))),
        (f"baseline: bare set_interval({REDRAW_SECONDS}) max lateness (ms)", ms(base_max)),
        (f"baseline: bare set_interval({REDRAW_SECONDS}) median lateness (ms)", ms(base_median)),
        ("max lag / baseline max", f"{max_lag / base_max:7.2f}" if base_max > 0 else "n/a"),
        (
            "median lag / baseline median",
            f"{median_lag / base_median:7.2f}" if base_median > 0 else "n/a",
        ),
        ("load average at the end", f"{os.getloadavg()[0]:7.2f}"),
    ]
    print("\nSummary")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    passed = max_lag < TARGET_MS / 1000
    print(f"\nTarget: max lag < {TARGET_MS:.0f} ms: {'met' if passed else 'NOT met'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
