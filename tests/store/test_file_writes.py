"""How a save reaches the disk: the order of fsyncs and renames, and private permissions."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store import atomic_storage, files
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.diary_files import DAY, backups_of, make_diary


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- write order ------------------------------------------------------------------------------


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, ...]]]:
    """Record every fsync, rename and folder fsync the storage makes, in order."""
    calls: list[tuple[str, ...]] = []
    real_fsync, real_replace = os.fsync, os.replace
    real_fsync_folder = files.fsync_folder

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        target = os.readlink(f"/proc/self/fd/{fd}")
        content = Path(target).read_bytes() if kind == "file" else b""
        calls.append(("fsync", kind, target, content.decode()))
        real_fsync(fd)

    def replace(source: Any, target: Any) -> None:
        calls.append(("replace", str(source), str(target)))
        real_replace(source, target)

    def fsync_folder(folder: Path) -> None:
        calls.append(("fsync_folder", str(folder)))
        real_fsync_folder(folder)

    monkeypatch.setattr(atomic_storage.os, "fsync", fsync)
    monkeypatch.setattr(atomic_storage.os, "replace", replace)
    monkeypatch.setattr(files, "fsync_folder", fsync_folder)
    yield calls


def test_a_save_fsyncs_the_file_then_renames_then_fsyncs_the_folder(
    tmp_path: Path, recorded: list[tuple[str, ...]]
) -> None:
    folder = tmp_path / "data"
    store = DiaryStore.open(folder)  # a new diary: its first write is not backed up
    store.save_daily_log(DailyLog(DAY, 1, 1))  # the session's backup is taken here
    recorded.clear()

    store.save_daily_log(DailyLog(DAY, 5, 5))
    diary = folder / "diary.json"
    final = diary.read_text()
    store.close()

    assert [call[0] for call in recorded] == ["fsync", "replace", "fsync_folder", "fsync"]
    (_, kind, temp, content), replace, folder_sync, (_, folder_kind, synced, _) = recorded
    assert kind == "file" and content == final  # every byte reached the disk before the rename
    assert Path(temp).parent == folder and Path(temp).name.startswith(".diary.json.")
    assert replace == ("replace", temp, str(diary))
    assert folder_sync == ("fsync_folder", str(folder))
    assert folder_kind == "folder" and synced == str(folder)


def test_first_save_of_a_session_makes_its_backup_durable_before_the_rename(
    tmp_path: Path, recorded: list[tuple[str, ...]]
) -> None:
    folder = tmp_path / "data"
    make_diary(folder)
    recorded.clear()
    with DiaryStore.open(folder) as store:
        store.save_daily_log(DailyLog(DAY, 2, 2))
    names = [call[:3] for call in recorded]
    backup_synced = names.index(("fsync", "folder", str(folder / "backups")))
    renamed = [call[0] for call in names].index("replace")
    assert backup_synced < renamed, names
    assert names[renamed][2] == str(folder / "diary.json")
    assert names[-1] == ("fsync", "folder", str(folder)), names


# --- permissions ------------------------------------------------------------------------------


@pytest.fixture(params=[0o022, 0o000], ids=["umask 022", "umask 000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_folder_files_backups_and_lock_are_private(tmp_path: Path, umask: int) -> None:
    folder = tmp_path / "data"
    make_diary(folder, sessions=3)
    assert mode(folder) == 0o700
    assert mode(folder / "diary.json") == 0o600
    assert mode(folder / "diary.lock") == 0o600
    assert mode(folder / "backups") == 0o700
    assert backups_of(folder)
    for backup in backups_of(folder):
        assert mode(backup) == 0o600, backup


def test_loose_permissions_from_elsewhere_are_tightened(tmp_path: Path) -> None:
    """A diary copied in from another machine (0644 file, 0755 folders) is made private."""
    folder = tmp_path / "data"
    make_diary(folder, sessions=2)
    os.chmod(folder, 0o755)
    os.chmod(folder / "diary.json", 0o644)
    os.chmod(folder / "backups", 0o755)
    with DiaryStore.open(folder) as store:
        store.save_daily_log(DailyLog(DAY, 3, 3))
    assert mode(folder) == 0o700
    assert mode(folder / "diary.json") == 0o600
    assert mode(folder / "backups") == 0o700
    newest = backups_of(folder)[-1]
    assert b'"leg_pain": 3, "back_pain": 3' not in newest.read_bytes()  # the file as it was
    assert mode(newest) == 0o600
