"""The diary file itself: unreadable and newer files, migration, write order, permissions,
rolling backups and leftover temporary files."""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store import atomic_storage, files, opening, schema
from sciatica_tui.store.backups import KEEP_BACKUPS
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import AlreadyOpenError, NewerDiaryError, UnreadableDiaryError
from sciatica_tui.store.schema import SCHEMA_VERSION
from tests.support.store import FrozenDatetime, fill

DAY = date(2026, 11, 1)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def backups_of(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("diary-*.json"))


def all_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_diary(folder: Path, sessions: int = 1) -> None:
    """A real diary written over ``sessions`` sessions (two or more leave a backup)."""
    for number in range(sessions):
        with DiaryStore.open(folder) as store:
            if number == 0:
                fill(store)
            store.save_daily_log(DailyLog(DAY + timedelta(days=10 + number), number, 1))


# --- unreadable files ----------------------------------------------------------------------


def _truncated(folder: Path) -> bytes:
    payload = (folder / "diary.json").read_bytes()
    return payload[: len(payload) // 2]


def _garbage(folder: Path) -> bytes:
    return bytes(random.Random(7).randrange(256) for _ in range(512))


BROKEN: dict[str, Any] = {
    "empty": lambda folder: b"",
    "only whitespace": lambda folder: b" \n\t\n",
    "truncated JSON": _truncated,
    "garbage bytes": _garbage,
    "JSON list": lambda folder: b"[1, 2, 3]",
    "JSON null": lambda folder: b"null",
    "JSON text": lambda folder: b'"my diary"',
    "a table that is not records": lambda folder: b'{"daily_logs": [{"date": "2026-11-01"}]}',
    "a record that is not an object": lambda folder: b'{"daily_logs": {"1": 5}}',
}


@pytest.mark.parametrize("with_backup", [False, True], ids=["no backup", "with backup"])
@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_unreadable_file_is_kept_aside_byte_for_byte_and_the_way_back_explained(
    tmp_path: Path, broken: str, with_backup: bool
) -> None:
    folder = tmp_path / "data"
    make_diary(folder, sessions=3 if with_backup else 1)
    if not with_backup:
        shutil.rmtree(folder / "backups", ignore_errors=True)
    bad = BROKEN[broken](folder)
    (folder / "diary.json").write_bytes(bad)
    backups_before = {path.name: path.read_bytes() for path in backups_of(folder)}
    assert bool(backups_before) == with_backup

    with pytest.raises(UnreadableDiaryError) as caught:
        DiaryStore.open(folder)

    asides = list(folder.glob("diary.json.unreadable-*"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == bad  # kept exactly as it was
    assert not (folder / "diary.json").exists()
    assert {path.name: path.read_bytes() for path in backups_of(folder)} == backups_before
    assert not list(folder.glob(".diary.json.*.tmp"))

    message = str(caught.value)
    assert "could not be read" in message
    assert str(asides[0]) in message and "untouched" in message
    assert "Traceback" not in message
    if with_backup:
        newest = backups_of(folder)[-1]
        assert f"copy {newest} to {folder / 'diary.json'}" in message
        # Following the advice brings the diary back.
        shutil.copyfile(newest, folder / "diary.json")
        with DiaryStore.open(folder) as store:
            assert store.skipped == []
            assert store.daily_log(DAY) is not None
    else:
        assert "There is no backup to go back to." in message
        # The lock was released: the app can start again, with a new, empty diary.
        with DiaryStore.open(folder) as store:
            assert store.daily_logs() == []
    assert asides[0].read_bytes() == bad


def test_read_only_open_of_an_unreadable_file_moves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_diary(folder)
    (folder / "diary.json").write_bytes(b"{not json")
    before = all_files(folder)
    with pytest.raises(UnreadableDiaryError, match="cannot be read"):
        DiaryStore.open(folder, read_only=True)
    assert all_files(folder) == before


def test_two_unreadable_files_in_the_same_second_are_both_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    make_diary(folder)
    monkeypatch.setattr(opening, "datetime", FrozenDatetime)
    contents = [b"first broken file", b"second broken file", b""]
    for content in contents:
        (folder / "diary.json").write_bytes(content)
        with pytest.raises(UnreadableDiaryError):
            DiaryStore.open(folder)
    asides = sorted(folder.glob("diary.json.unreadable-*"))
    assert sorted(path.read_bytes() for path in asides) == sorted(contents)


# --- newer and older versions ---------------------------------------------------------------


def test_a_diary_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    tables = {
        "meta": {"1": {"schema_version": 99}},
        "daily_logs": {"1": {"date": "2026-11-01", "leg_pain": 3, "back_pain": 2}},
        "a_table_from_the_future": {"1": {"anything": True}},
    }
    (folder / "diary.json").write_text(json.dumps(tables, indent=2))
    before = all_files(folder)

    for _ in range(2):  # the lock is released each time: the refusal is the same
        with pytest.raises(NewerDiaryError) as caught:
            DiaryStore.open(folder)
        message = str(caught.value)
        assert "newer version" in message and "Update the app" in message
        assert "format 99" in message and "has not been changed" in message
        after = all_files(folder)
        del after["diary.lock"]
        assert after == before  # no backup, no aside copy, no rewrite
        assert not (folder / "backups").exists()


def test_version_0_file_is_migrated_after_a_backup_and_keeps_its_records(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    old_tables = {
        "daily_logs": {
            "1": {"date": "2026-11-02", "leg_pain": 4, "back_pain": 3, "notes": "old file"},
            "2": {"date": "2026-11-01", "leg_pain": 7, "back_pain": 5},
        },
        "profile": {"1": {"onset_date": "2026-09-01", "welcomed": True}},
        "rehab_days": {"1": {"date": "2026-11-01", "done": ["walk"]}},
    }
    old_bytes = json.dumps(old_tables, indent=2).encode()
    (folder / "diary.json").write_bytes(old_bytes)

    with DiaryStore.open(folder) as store:
        assert store.schema_version() == SCHEMA_VERSION == 2
        assert [(log.date.day, log.leg_pain) for log in store.daily_logs()] == [(1, 7), (2, 4)]
        assert store.daily_log(date(2026, 11, 2)).notes == "old file"  # type: ignore[union-attr]
        assert store.profile().onset_date == date(2026, 9, 1)
        assert store.rehab_day(date(2026, 11, 1)).done == ("walk",)
        assert store.skipped == []

    on_disk = json.loads((folder / "diary.json").read_bytes())
    assert on_disk == {**old_tables, "meta": {"1": {"schema_version": SCHEMA_VERSION}}}
    backups = backups_of(folder)
    assert [path.read_bytes() for path in backups] == [old_bytes]

    # Migrated once: the next open changes nothing and takes no backup.
    migrated = (folder / "diary.json").read_bytes()
    with DiaryStore.open(folder) as store:
        assert store.schema_version() == SCHEMA_VERSION
    assert (folder / "diary.json").read_bytes() == migrated
    assert backups_of(folder) == backups


def test_migrations_run_in_order_from_the_file_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[int] = []
    add_meta = schema.MIGRATIONS[0]

    def zero_to_one(tables: dict[str, Any]) -> dict[str, Any]:
        steps.append(0)
        return add_meta(tables)

    def one_to_two(tables: dict[str, Any]) -> dict[str, Any]:
        steps.append(1)
        logs = {key: {**doc, "mood": 3} for key, doc in tables.get("daily_logs", {}).items()}
        return {**tables, "daily_logs": logs, "meta": {"1": {"schema_version": 2}}}

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {0: zero_to_one, 1: one_to_two})
    folder = tmp_path / "data"
    folder.mkdir()
    log = {"date": "2026-11-01", "leg_pain": 4, "back_pain": 3}
    (folder / "diary.json").write_text(json.dumps({"daily_logs": {"1": log}}))
    with DiaryStore.open(folder) as store:
        assert store.schema_version() == 2
        assert store.daily_log(DAY).mood == 3  # type: ignore[union-attr]
    assert steps == [0, 1]
    assert len(backups_of(folder)) == 1

    steps.clear()
    (folder / "diary.json").write_text(
        json.dumps({"meta": {"1": {"schema_version": 1}}, "daily_logs": {"1": log}})
    )
    with DiaryStore.open(folder) as store:
        assert store.schema_version() == 2
    assert steps == [1]


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


# --- rolling backups and leftovers ----------------------------------------------------------------


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
