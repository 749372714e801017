"""One writer at a time: a second instance is told clearly, and the file is unharmed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store import atomic_storage
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import AlreadyOpenError, StoreError
from tests.support.store import WRITER, Lines, fill

DAY = date(2026, 11, 1)


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (the lock file's are left out)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "diary.lock"
    }


def test_second_open_in_the_same_process_is_refused_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = DiaryStore.open(folder)
    fill(first)
    before = files_in(folder)

    with pytest.raises(AlreadyOpenError) as caught:
        DiaryStore.open(folder)
    message = str(caught.value)
    assert "already open" in message and str(folder) in message
    assert "Close that one first" in message
    assert "Traceback" not in message
    assert files_in(folder) == before

    # The first instance is unaffected and keeps saving.
    first.save_daily_log(DailyLog(DAY, 9, 9))
    first.close()

    second = DiaryStore.open(folder)
    assert second.daily_log(DAY) == DailyLog(DAY, 9, 9)
    second.close()


@pytest.fixture
def other_process(tmp_path: Path) -> Iterator[Path]:
    """Another process (another copy of the app) holding the diary in ``data``."""
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:
        fill(store)
    holder = subprocess.Popen(
        [sys.executable, str(WRITER), "hold", str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=WRITER.parent.parent,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert Lines(holder.stdout).next(timeout=30) == "ready"
        yield folder
    finally:
        holder.stdin.close()  # the holder closes the diary and exits
        assert holder.wait(timeout=10) == 0
        holder.stdout.close()


def test_second_instance_in_another_process_is_refused(other_process: Path) -> None:
    folder = other_process
    before = files_in(folder)
    with pytest.raises(AlreadyOpenError, match="already open in another window"):
        DiaryStore.open(folder)
    assert files_in(folder) == before


def test_opening_works_once_the_other_instance_closed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:
        fill(store)
        expected = store.snapshot()
    holder = subprocess.Popen(
        [sys.executable, str(WRITER), "hold", str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=WRITER.parent.parent,
    )
    assert holder.stdin is not None and holder.stdout is not None
    assert Lines(holder.stdout).next(timeout=30) == "ready"
    with pytest.raises(AlreadyOpenError):
        DiaryStore.open(folder)
    holder.stdin.close()
    assert holder.wait(timeout=10) == 0
    holder.stdout.close()
    with DiaryStore.open(folder) as store:
        assert store.snapshot() == expected


def test_read_only_open_works_while_another_process_holds_the_lock(other_process: Path) -> None:
    folder = other_process
    before = files_in(folder)
    reader = DiaryStore.open(folder, read_only=True)
    assert reader.daily_log(DAY) is not None
    assert len(reader.daily_logs()) == 2
    with pytest.raises(StoreError, match="read-only"):
        reader.save_daily_log(DailyLog(DAY, 1, 1))
    reader.close()
    assert files_in(folder) == before


def test_read_only_open_in_the_middle_of_a_save_does_not_break_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader (an export, say) opening while the writer's temporary file exists must not
    delete it: the writer's rename would fail and the save would be lost."""
    folder = tmp_path / "data"
    writer = DiaryStore.open(folder)
    writer.save_daily_log(DailyLog(DAY, 1, 1))
    readers: list[DiaryStore] = []
    real_fsync = os.fsync

    def fsync_then_a_reader_opens(fd: int) -> None:
        real_fsync(fd)
        if not readers and list(folder.glob(".diary.json.*.tmp")):
            readers.append(DiaryStore.open(folder, read_only=True))

    with monkeypatch.context() as patch:
        patch.setattr(atomic_storage.os, "fsync", fsync_then_a_reader_opens)
        writer.save_daily_log(DailyLog(DAY, 8, 8))

    assert readers, "the reader never opened during the save"
    assert readers[0].daily_log(DAY) == DailyLog(DAY, 1, 1)  # it saw the last finished save
    readers[0].close()
    writer.close()
    with DiaryStore.open(folder) as store:
        assert store.daily_log(DAY) == DailyLog(DAY, 8, 8)
