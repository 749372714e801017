"""The work done before the first frame, counted in machine instructions: a steady figure.

    python benchmarks/startup_work.py [--runs 1]

The first-frame times of ``startup.py`` move with the machine: on one morning (2026-12-04,
idle, 2 cores) four runs of ten gave the app 2.54, 2.70, 2.83 and 3.12 times the one-label
app. The instructions a start executes hardly move at all, whatever else the machine is
doing, so they show what a change to the code did, and how far the code is from a target,
without that noise.

Each kind starts as in ``startup.py`` (the same pseudo-terminal, the same answer to the
synchronised-output question), but under valgrind's callgrind, which counts every
instruction the process executes. The moment the first frame's end mark is read, the
program is stopped (SIGTERM; valgrind then reports its count): the figure is the work from
the process's start to its first frame. (Under valgrind a first frame can come before
Textual has read the terminal's answer, without end marks: the words at the bottom of the
frame, once written, count as its end.) Under callgrind a start takes 10 to 50 seconds.
Needs valgrind (Debian's package ``valgrind``); without it the script says so and stops.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.startup import (  # noqa: E402
    EMPTY,
    TEN_YEARS,
    Kind,
    Row,
    Terminal,
    app_kind,
    as_installed,
    baseline_kinds,
    make_folders,
    print_table,
    start_once,
)

COLLECTED = re.compile(r"Collected : (\d+)")
# Words at the bottom of each kind's first frame: once they are out, the frame is drawn.
LAST_WORDS = {
    "one-label app": b"hello",
    "Textual's shell": b"palette",
    EMPTY: b"palette",
    TEN_YEARS: b"palette",
}
UNDER_VALGRIND_SECONDS = 600.0  # a start runs some 50 times slower under callgrind


def instructions_to_first_frame(kind: Kind, env: dict[str, str], log: Path) -> int:
    """Instructions ``kind`` executes from its start until its first frame has ended."""
    command = (
        "valgrind",
        "--tool=callgrind",
        # Valgrind runs one thread at a time; unfairly scheduled, Textual's writer thread put
        # the first frame out only after the app's timers of a second later had run (the
        # older days' check, the collector's release), and they were counted to it.
        "--fair-sched=yes",
        "--callgrind-out-file=/dev/null",  # only the total is wanted, from the log
        f"--log-file={log}",
        *kind.command,
    )
    terminal = Terminal(command, env, limit=UNDER_VALGRIND_SECONDS)
    try:
        terminal.next_frame(showing=LAST_WORDS[kind.name])
        os.killpg(terminal.process.pid, signal.SIGTERM)  # valgrind reports as it ends
        terminal.process.wait()
    finally:
        terminal.close()
    found = COLLECTED.search(log.read_text())
    if found is None:
        raise RuntimeError(f"{kind.name}: valgrind reported no count ({log})")
    return int(found.group(1))


def work_rows(runs: int) -> list[Row]:
    """(measure, instructions, ratio to its baseline, note) for each kind of start."""
    env = as_installed()
    with tempfile.TemporaryDirectory() as scratch:
        empty, full = make_folders(Path(scratch))
        label, _, shell = baseline_kinds()
        kinds = [label, shell, app_kind(EMPTY, empty), app_kind(TEN_YEARS, full)]
        for kind in kinds:  # bytecode written and files cached, as in startup.py
            start_once(Kind(kind.name, kind.command), env)
        counts: dict[str, list[int]] = {kind.name: [] for kind in kinds}
        log = Path(scratch) / "valgrind.log"  # each start writes it anew
        for _ in range(runs):
            for kind in kinds:
                counts[kind.name].append(instructions_to_first_frame(kind, env, log))
    work = {name: statistics.median(each) for name, each in counts.items()}
    spread = max((max(each) - min(each)) / min(each) for each in counts.values())

    def row(measure: str, name: str, ratio: str) -> Row:
        note = f"spread {spread:.1%} over {runs} runs" if runs > 1 else ""
        return (measure, f"{work[name] / 1e9:.2f} G", ratio, note)

    base = work[label.name]
    return [
        row("Work to the first frame, one-label Textual app", label.name, "1.00"),
        row(
            "Work to the first frame, Textual's header + six tabs + footer",
            shell.name,
            f"{work[shell.name] / base:.2f}",
        ),
        row("Work to the first frame, empty folder", EMPTY, f"{work[EMPTY] / base:.2f}"),
        row(
            "Work to the first frame, ten years",
            TEN_YEARS,
            f"{work[TEN_YEARS] / base:.2f} ({work[TEN_YEARS] / work[EMPTY]:.2f} × empty)",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="starts of each kind (1 is steady)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    print_table(work_rows(max(1, args.runs)))


if __name__ == "__main__":
    main()
