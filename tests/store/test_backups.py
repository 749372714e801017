"""The backups invariant (issue 19, item 7): never more than five, each a whole diary, each
readable only by its owner, whatever moment a crash strikes."""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store import backups as backups_module
from sciatica_tui.store.atomic_storage import parse_tables
from sciatica_tui.store.backups import KEEP_BACKUPS
from sciatica_tui.store.diary_store import DiaryStore

DAY = date(2026, 11, 1)


def backups_of(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("diary-*.json"))


def sessions(folder: Path, count: int, first: int = 0) -> None:
    """``count`` sessions, each saving a different day (each leaves a backup)."""
    for number in range(first, first + count):
        with DiaryStore.open(folder) as store:
            store.save_daily_log(DailyLog(DAY + timedelta(days=number), number % 11, 1))


def assert_invariant(folder: Path) -> None:
    found = backups_of(folder)
    assert len(found) <= KEEP_BACKUPS, [path.name for path in found]
    for backup in found:
        parse_tables(backup.read_bytes())
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_an_extra_backup_left_behind_is_removed_when_the_diary_opens(tmp_path: Path) -> None:
    """An older version pruned only after adding: a kill in between left six."""
    folder = tmp_path / "data"
    sessions(folder, 7)
    found = backups_of(folder)
    extra = found[0].with_name("diary-19990101-000000-000000.json")
    extra.write_bytes(found[0].read_bytes())
    os.chmod(extra, 0o600)
    assert len(backups_of(folder)) == KEEP_BACKUPS + 1

    with DiaryStore.open(folder, read_only=True):
        assert len(backups_of(folder)) == KEEP_BACKUPS + 1  # a reader removes nothing
    with DiaryStore.open(folder):
        assert backups_of(folder) == found  # the oldest went, before any save
    assert_invariant(folder)


def test_a_crash_while_a_backup_is_taken_never_leaves_more_than_five(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    sessions(folder, 6)
    assert len(backups_of(folder)) == KEEP_BACKUPS

    class Killed(BaseException):
        """What a kill looks like from inside: nothing after it runs."""

    def killed(*args: Any) -> None:
        raise Killed

    diary = (folder / "diary.json").read_bytes()
    store = DiaryStore.open(folder)
    with monkeypatch.context() as patch:
        patch.setattr(backups_module.os, "link", killed)
        with pytest.raises(Killed):
            store.save_daily_log(DailyLog(DAY, 9, 9))
    assert len(backups_of(folder)) == KEEP_BACKUPS - 1  # room was made, nothing added yet
    assert (folder / "diary.json").read_bytes() == diary
    assert_invariant(folder)
    store.close()

    sessions(folder, 1, first=20)  # the next session takes its backup as usual
    assert len(backups_of(folder)) == KEEP_BACKUPS
    assert backups_of(folder)[-1].read_bytes() == diary
    assert_invariant(folder)


def test_a_half_made_backup_copy_is_removed_when_the_diary_opens(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    sessions(folder, 2)
    leftover = folder / "backups" / ".diary-20261101-090000-000000.json.k3j2x9.tmp"
    leftover.write_bytes(b'{"daily_logs": {"1": {"da')
    with DiaryStore.open(folder):
        pass
    assert not leftover.exists()
    assert_invariant(folder)


def test_a_diary_readable_by_others_is_backed_up_as_a_private_copy(tmp_path: Path) -> None:
    """A hard link would share the diary's mode: the backup would be 0644 until the chmod
    after it, and the chmod would change the person's file."""
    folder = tmp_path / "data"
    sessions(folder, 1)
    diary = folder / "diary.json"
    os.chmod(diary, 0o644)
    before = diary.read_bytes()
    with DiaryStore.open(folder) as store:
        store.save_daily_log(DailyLog(DAY, 2, 2))
    newest = backups_of(folder)[-1]
    assert newest.read_bytes() == before
    assert stat.S_IMODE(newest.stat().st_mode) == 0o600
    assert newest.stat().st_nlink == 1  # a copy, not a second name of the diary
    assert_invariant(folder)
