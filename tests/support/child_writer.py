"""A separate process for the storage tests: it holds the diary, or writes to it until killed.

    python tests/support/child_writer.py write FOLDER START  save daily logs from START on
    python tests/support/child_writer.py hold FOLDER         open the diary and keep it open
    python tests/support/child_writer.py server              fork a fresh writer per request

Every line is written with ``os.write`` straight to stdout, so it is out of the process the
moment it is written. ``saved N`` is written only after ``save_daily_log`` returned.

``server`` saves the interpreter start-up and imports in the crash test: it reads lines
``write FOLDER START`` on stdin, forks a writer (a new process that opens the diary and
takes its lock itself), says ``pid PID``, and once that writer is dead says
``exit PID STATUS``. All of a writer's lines are in the pipe before its ``exit`` line.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sciatica_tui.domain.records import DailyLog, Reach  # noqa: E402
from sciatica_tui.store.diary_store import DiaryStore  # noqa: E402

MAX_STEPS = 4000  # a writer that is never killed stops saving here (dates stay in its block)
GIVE_UP_SECONDS = 30.0  # and exits after this long, so no test can leave it behind


def log_for_step(start: date, step: int) -> DailyLog:
    """The log a writer saves at ``step``: each date is inserted, then replaced."""
    day = start + timedelta(days=step // 2)
    if step % 2 == 0:
        return DailyLog(day, leg_pain=step % 11, back_pain=3, mood=2, notes=f"first, step {step}")
    return DailyLog(day, leg_pain=(step * 7) % 11, back_pain=5, pain_reach=Reach.THIGH)


def expected_after(start: date, saves: int) -> dict[str, dict[str, Any]]:
    """The daily logs (date to stored record) after the first ``saves`` steps."""
    out: dict[str, dict[str, Any]] = {}
    for step in range(saves):
        log = log_for_step(start, step)
        out[log.date.isoformat()] = log.to_record()
    return out


def say(line: str) -> None:
    os.write(1, f"{line}\n".encode())


def write_forever(folder: Path, start: date) -> None:
    began = time.monotonic()
    store = DiaryStore.open(folder)
    say("ready")
    for step in range(MAX_STEPS):
        store.save_daily_log(log_for_step(start, step))
        say(f"saved {step}")
        if time.monotonic() - began > GIVE_UP_SECONDS:
            break
    while time.monotonic() - began < GIVE_UP_SECONDS:
        time.sleep(0.05)


def hold(folder: Path) -> None:
    store = DiaryStore.open(folder)
    say("ready")
    sys.stdin.read()  # until the test closes our stdin
    store.close()


def serve() -> None:
    for line in sys.stdin:
        command, folder, start = line.split()
        assert command == "write"
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                write_forever(Path(folder), date.fromisoformat(start))
            except BaseException as error:  # noqa: BLE001 - reported to the test, then exit
                os.write(2, f"writer failed: {error!r}\n".encode())
                status = 1
            os._exit(status)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


def main(argv: list[str]) -> None:
    if argv[0] == "write":
        write_forever(Path(argv[1]), date.fromisoformat(argv[2]))
    elif argv[0] == "hold":
        hold(Path(argv[1]))
    elif argv[0] == "server":
        serve()
    else:
        raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
