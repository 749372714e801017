"""Crash safety: a writer killed with SIGKILL at random moments never loses a reported save.

A separate process saves daily logs in a loop and prints ``saved N`` only after
``save_daily_log`` returned; the test kills it at a random moment (fixed seed), then opens
the diary the normal way (taking the lock the dead writer held) and checks that every
reported save is there, exactly: the file holds the state after the last reported save, or
after the one save that was under way when the kill came. Nothing else may differ.
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.store.atomic_storage import parse_tables
from sciatica_tui.store.backups import KEEP_BACKUPS
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.child_writer import expected_after
from tests.support.store import WRITER, Lines

FIRST_DAY = date(1950, 1, 1)
BLOCK_DAYS = 2500  # each round writes its own block of dates (a writer saves at most 4000)
SEED = 20261121


def saves_reported(lines: list[str]) -> int:
    """How many saves the writer reported done; they must come in order, from 0."""
    steps = [int(line.split()[1]) for line in lines if line.startswith("saved ")]
    assert steps == list(range(len(steps)))
    return len(steps)


def logs_on_disk(folder: Path) -> dict[str, dict[str, Any]]:
    """Open the diary the normal way (lock included) and read its daily logs."""
    store = DiaryStore.open(folder)
    try:
        assert store.skipped == []
        return {log.date.isoformat(): log.to_record() for log in store.daily_logs()}
    finally:
        store.close()


def check_after_kill(
    folder: Path, before: dict[str, dict[str, Any]], start: date, reported: int
) -> dict[str, dict[str, Any]]:
    """The diary holds ``before`` plus every reported save (and perhaps the one under way),
    and the backups hold at the moment of the kill, before anything reopens the diary."""
    check_backups(folder)
    found = logs_on_disk(folder)
    done = {**before, **expected_after(start, reported)}
    with_next = {**before, **expected_after(start, reported + 1)}
    assert found in (done, with_next), (
        f"after {reported} reported saves the diary holds {len(found)} logs; "
        f"missing: {sorted(set(done) - set(found))[:5]}"
    )
    assert not list(folder.glob(".diary.json.*.tmp")), "opening left a temporary file"
    check_backups(folder)
    json.loads((folder / "diary.json").read_bytes())
    return found


def check_backups(folder: Path) -> None:
    """The backups invariant (issue 19, item 7): at most five, each a whole diary, each
    readable only by its owner, whenever the writer was killed."""
    backups = sorted((folder / "backups").glob("diary-*.json"))
    assert len(backups) <= KEEP_BACKUPS, [path.name for path in backups]
    for backup in backups:
        parse_tables(backup.read_bytes())  # every backup is a whole diary
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600, backup


@pytest.fixture
def fork_server() -> Iterator[tuple[subprocess.Popen[bytes], Lines]]:
    """One interpreter with the store imported; it forks a fresh writer per round."""
    server = subprocess.Popen(
        [sys.executable, str(WRITER), "server"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=WRITER.parent.parent,
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        yield server, Lines(server.stdout)
    finally:
        server.stdin.close()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()


@pytest.mark.slow
def test_writer_killed_at_random_moments_never_loses_a_reported_save(
    tmp_path: Path, fork_server: tuple[subprocess.Popen[bytes], Lines]
) -> None:
    server, lines = fork_server
    assert server.stdin is not None
    folder = tmp_path / "data"  # the same diary for every round: it grows as rounds go by
    rng = random.Random(SEED)
    on_disk: dict[str, dict[str, Any]] = {}
    rounds, total_reported, rounds_with_saves = 60, 0, 0
    for round_number in range(rounds):
        start = FIRST_DAY + timedelta(days=round_number * BLOCK_DAYS)
        delay = rng.uniform(0.020, 0.150)
        sent = time.monotonic()
        server.stdin.write(f"write {folder} {start.isoformat()}\n".encode())
        server.stdin.flush()
        output: list[str] = []
        while not (line := lines.next()).startswith("pid "):
            output.append(line)
        pid = int(line.split()[1])
        time.sleep(max(0.0, delay - (time.monotonic() - sent)))
        os.kill(pid, signal.SIGKILL)
        while not (line := lines.next()).startswith("exit "):
            output.append(line)
        status = int(line.split()[2])
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"round {round_number}: the writer ended by itself ({status}): {output}"
        )
        reported = saves_reported(output)
        total_reported += reported
        rounds_with_saves += reported > 0
        on_disk = check_after_kill(folder, on_disk, start, reported)
    # The rounds did real work: most of them saved before the kill. (How many saves fit in
    # a round depends on the machine's load, so the count asked for is kept low.)
    assert rounds_with_saves >= rounds // 2 and total_reported >= rounds * 2
    assert len(on_disk) >= total_reported // 2


@pytest.mark.slow
def test_fresh_interpreter_writers_killed_mid_loop(tmp_path: Path) -> None:
    """The same check with a whole new Python process per round, as the app would run."""
    folder = tmp_path / "data"
    rng = random.Random(SEED + 1)
    on_disk: dict[str, dict[str, Any]] = {}
    for round_number in range(4):
        start = FIRST_DAY + timedelta(days=round_number * BLOCK_DAYS)
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), "write", str(folder), start.isoformat()],
            stdout=subprocess.PIPE,
            cwd=WRITER.parent.parent,
        )
        assert writer.stdout is not None
        lines = Lines(writer.stdout)
        try:
            assert lines.next(timeout=30) == "ready"
            time.sleep(rng.uniform(0.020, 0.150))
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=10)
        output = lines.rest()
        writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
        on_disk = check_after_kill(folder, on_disk, start, saves_reported(output))
