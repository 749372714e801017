"""Rolling backups across sessions, and leftover temporary files cleared at open."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.backups import KEEP_BACKUPS
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import AlreadyOpenError
from tests.support.diary_files import DAY, backups_of, make_diary


def test_seven_sessions_keep_the_five_newest_distinct_backups(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    ends: list[bytes] = []  # the file at the end of each session
    for number in range(7):
        with DiaryStore.open(folder) as store:
            store.save_daily_log(DailyLog(DAY + timedelta(days=number), number, 1))
        ends.append((folder / "diary.json").read_bytes())
    assert len(set(ends)) == 7

    backups = backups_of(folder)
    assert len(backups) == KEEP_BACKUPS == 5
    contents = [path.read_bytes() for path in backups]
    # Oldest first: the file as each of sessions 2..6 left it (what sessions 3..7 found).
    assert contents == ends[1:6]
    assert len(set(contents)) == 5
    assert contents[-1] == ends[5] != (folder / "diary.json").read_bytes()

    # Session 8 saves a record unchanged: the file it found (end of 7) is kept once more.
    with DiaryStore.open(folder) as store:
        store.save_daily_log(DailyLog(DAY + timedelta(days=6), 6, 1))
    assert (folder / "diary.json").read_bytes() == ends[6]
    backups = backups_of(folder)
    assert [path.read_bytes() for path in backups] == ends[2:7]

    # Session 9 finds a file equal to the newest backup: no backup is added.
    with DiaryStore.open(folder) as store:
        store.save_daily_log(DailyLog(DAY + timedelta(days=6), 6, 1))
    assert backups_of(folder) == backups

    # A session that saves nothing takes no backup either.
    with DiaryStore.open(folder) as store:
        assert len(store.daily_logs()) == 7
    assert backups_of(folder) == backups


def test_leftover_temporary_files_are_removed_at_open(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_diary(folder)
    diary_bytes = (folder / "diary.json").read_bytes()
    leftovers = [".diary.json.k3j2x9.tmp", ".diary.json.abc_12.tmp"]
    for name in leftovers:
        (folder / name).write_bytes(diary_bytes[:40])  # half-written by a crash
    keep = ["notes.tmp", "diary.json.tmp", ".diary.json.bak", ".other.json.x.tmp"]
    for name in keep:
        (folder / name).write_text("not ours")

    with DiaryStore.open(folder, read_only=True) as reader:  # a reader leaves them alone
        assert reader.daily_log(DAY) is not None
    assert all((folder / name).exists() for name in leftovers)

    with DiaryStore.open(folder) as store:
        assert store.daily_log(DAY) is not None
    assert not any((folder / name).exists() for name in leftovers)
    assert all((folder / name).read_text() == "not ours" for name in keep)
    assert (folder / "diary.json").read_bytes() == diary_bytes


def test_a_refused_second_open_removes_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_diary(folder)
    with DiaryStore.open(folder):
        (folder / ".diary.json.inflight.tmp").write_text("a save under way")
        with pytest.raises(AlreadyOpenError):
            DiaryStore.open(folder)
        assert (folder / ".diary.json.inflight.tmp").exists()
