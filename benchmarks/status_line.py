"""How long ``sciatica status`` and ``sciatica remind`` take at a shell prompt.

    python benchmarks/status_line.py [--runs 21]

Each is run as a prompt runs it: the installed ``sciatica`` command in a fresh process, on a
ten-year diary, its output read through a pipe. The baseline is ``python -c pass`` with the
same interpreter, and the three take turns (after one run each that leaves every module
compiled, as ``pip install`` does), run after run, so other work on the machine
falls on all of them alike. The targets (issue 22): a median of at most 60 ms, and at most
three times the baseline.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.startup import Row, as_installed, make_folders, print_table  # noqa: E402

MAX_MS = 60.0
MAX_RATIO = 3.0
MIN_RUNS = 21


def sciatica_command() -> list[str]:
    """The ``sciatica`` script beside this interpreter (as pip installs it), else ``-m``."""
    script = Path(sys.executable).parent / "sciatica"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sciatica_tui"]


def median_ms(
    commands: dict[str, Sequence[str]], runs: int
) -> tuple[dict[str, float], dict[str, float]]:
    """The median wall time and CPU time (user + system) of each command, the commands
    taking turns. CPU time moves less than wall time when other work shares the machine."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    env = as_installed()  # modules compiled once, as pip leaves them
    for command in commands.values():
        subprocess.run(command, stdout=subprocess.PIPE, check=True, env=env)  # compiles
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, stdout=subprocess.PIPE, check=True, env=env)
            times[name].append((time.perf_counter() - started) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            cpu[name].append(used * 1000)
    return (
        {name: statistics.median(found) for name, found in times.items()},
        {name: statistics.median(found) for name, found in cpu.items()},
    )


def status_rows(runs: int) -> list[Row]:
    """(measure, median, ratio to ``python -c pass``, target) for status and remind."""
    with tempfile.TemporaryDirectory() as scratch:
        _, full = make_folders(Path(scratch))
        sciatica = [*sciatica_command(), "--data-dir", str(full)]
        found, cpu = median_ms(
            {
                "pass": [sys.executable, "-c", "pass"],
                "status": [*sciatica, "status"],
                "remind": [*sciatica, "remind"],
            },
            max(MIN_RUNS, runs),
        )
    base = found["pass"]

    def row(label: str, name: str) -> Row:
        median = found[name]
        met = median <= MAX_MS and median / base <= MAX_RATIO
        target = f"<= {MAX_MS:.0f} ms and <= {MAX_RATIO:.0f} × ({'met' if met else 'missed'})"
        return (label, f"{median:.0f} ms", f"{median / base:.2f}", target)

    def cpu_row(label: str, name: str) -> Row:
        return (label, f"{cpu[name]:.0f} ms", f"{cpu[name] / cpu['pass']:.2f}", "")

    return [
        ("Prompt baseline: `python -c pass`", f"{base:.0f} ms", "1.00", ""),
        row("`sciatica status`, ten years (a fresh process)", "status"),
        row("`sciatica remind`, ten years (a fresh process)", "remind"),
        cpu_row("CPU time: `python -c pass`", "pass"),
        cpu_row("CPU time: `sciatica status`, ten years", "status"),
        cpu_row("CPU time: `sciatica remind`, ten years", "remind"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    print_table(status_rows(parser.parse_args().runs))


if __name__ == "__main__":
    main()
