"""Failed writes (read-only folder, full disk) and imports: all or nothing, said plainly.

The tests run as root, where ``chmod`` does not stop a write, so the faults are made by
patching the calls the storage makes (``tempfile.mkstemp``, the temporary file's ``write``,
``os.fsync``, ``os.replace``) to raise the ``OSError`` the system would raise.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.domain.records import (
    CustomExercise,
    DailyLog,
    RehabDay,
    Settings,
    Snapshot,
    Verdict,
)
from sciatica_tui.store import atomic_storage, files
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreWriteError
from sciatica_tui.store.tables import RecordTable
from tests.support.store import check, fill, full_log, profile, session, visit

DAY = date(2026, 11, 1)
NEW_DAY = date(2026, 11, 5)


def raiser(code: int) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


class FullDiskFile:
    """The temporary file on a full disk: opening works, writing does not."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __enter__(self) -> FullDiskFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def fileno(self) -> int:
        return int(self.real.fileno())

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        self.real.flush()


def full_disk_fdopen(fd: int, *args: Any, **kwargs: Any) -> FullDiskFile:
    return FullDiskFile(open(fd, *args, **kwargs))


# Where the fault strikes, and the plain words the person must read.
FAULTS: dict[str, tuple[Any, str, Callable[..., Any], str]] = {
    "read-only: no temporary file": (
        files.tempfile,
        "mkstemp",
        raiser(errno.EROFS),
        "read-only",
    ),
    "read-only: rename refused": (atomic_storage.os, "replace", raiser(errno.EROFS), "read-only"),
    "disk full: write": (atomic_storage.os, "fdopen", full_disk_fdopen, "the disk is full"),
    "disk full: fsync": (atomic_storage.os, "fsync", raiser(errno.ENOSPC), "the disk is full"),
}

# What the person was doing when the save failed.
OPERATIONS: dict[str, Callable[[DiaryStore], None]] = {
    "new daily log": lambda s: s.save_daily_log(DailyLog(NEW_DAY, 7, 7)),
    "changed daily log": lambda s: s.save_daily_log(DailyLog(DAY, 0, 0)),
    "deleted daily log": lambda s: s.delete_daily_log(DAY),
    "profile": lambda s: s.save_profile(profile(settings=Settings(theme="nord"))),
    "red-flag check": lambda s: s.save_red_flag_check(
        check(datetime(2026, 11, 5, 8), Verdict.URGENT)
    ),
    "breathing session": lambda s: s.add_breathing_session(session(datetime(2026, 11, 5, 8))),
    "rehab day": lambda s: s.save_rehab_day(RehabDay(DAY, ("bridge",))),
    "renamed exercise": lambda s: s.save_custom_exercise(CustomExercise("ex1", 1, "Cat & cow")),
    "removed exercise": lambda s: s.remove_custom_exercise("ex1"),
    "visit": lambda s: s.save_visit(visit("v2", NEW_DAY)),
}


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def open_store(tmp_path: Path) -> Iterator[DiaryStore]:
    """A diary with one record of each kind, past its first (backed-up) write."""
    store = DiaryStore.open(tmp_path / "data")
    fill(store)
    yield store
    store.close()


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_failed_save_says_why_changes_nothing_and_can_be_retried(
    open_store: DiaryStore, monkeypatch: pytest.MonkeyPatch, fault: str, operation: str
) -> None:
    store, folder = open_store, open_store.folder
    target, name, replacement, words = FAULTS[fault]
    do = OPERATIONS[operation]
    before_files = files_in(folder)
    before = store.snapshot()

    with monkeypatch.context() as patch:
        patch.setattr(target, name, replacement)
        with pytest.raises(StoreWriteError) as caught:
            do(store)

    message = str(caught.value)
    assert message.startswith("Not saved:") and words in message
    assert "save again" in message and "Nothing was lost" in message
    assert "Traceback" not in message and "Errno" not in message
    assert files_in(folder) == before_files  # byte for byte; no temporary file left
    assert store.snapshot() == before  # memory shows what is on disk, not the failed change

    do(store)  # the fault is gone: the same save now works
    after = store.snapshot()
    assert after != before
    store.close()
    with DiaryStore.open(folder) as reopened:
        assert reopened.snapshot() == after
    assert not list(folder.glob(".diary.json.*.tmp"))


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_failed_first_save_of_a_session_then_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    """The first save of a session also takes the backup; a fault there is handled too."""
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:
        fill(store)
    diary = (folder / "diary.json").read_bytes()
    target, name, replacement, words = FAULTS[fault]
    store = DiaryStore.open(folder)
    before = store.snapshot()
    with monkeypatch.context() as patch:
        patch.setattr(target, name, replacement)
        with pytest.raises(StoreWriteError, match=words):
            store.save_daily_log(DailyLog(NEW_DAY, 1, 1))
    assert (folder / "diary.json").read_bytes() == diary
    assert store.snapshot() == before
    assert not list(folder.glob(".diary.json.*.tmp"))

    store.save_daily_log(DailyLog(NEW_DAY, 1, 1))
    store.close()
    newest = sorted((folder / "backups").glob("diary-*.json"))[-1]
    assert newest.read_bytes() == diary  # the session's backup holds the file it found
    with DiaryStore.open(folder) as reopened:
        assert reopened.daily_log(NEW_DAY) == DailyLog(NEW_DAY, 1, 1)


def test_other_write_errors_are_explained_too(
    open_store: DiaryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for code, words in [
        (errno.EDQUOT, "quota"),
        (errno.EACCES, "no permission"),
        (errno.EIO, os.strerror(errno.EIO)),
    ]:
        with monkeypatch.context() as patch:
            patch.setattr(atomic_storage.os, "replace", raiser(code))
            with pytest.raises(StoreWriteError, match=words):
                open_store.save_daily_log(DailyLog(NEW_DAY, 2, 2))
    assert open_store.daily_log(NEW_DAY) is None


# --- import -----------------------------------------------------------------------------------


def incoming() -> Snapshot:
    """A backup being imported: some records clash with the diary's, some are new."""
    return Snapshot(
        profile=profile(onset_date=date(2026, 8, 1)),
        daily_logs=[
            DailyLog(DAY, 1, 1, notes="from the import"),  # clashes
            DailyLog(DAY + timedelta(days=20), 2, 2),
            DailyLog(DAY - timedelta(days=20), 3, 3),
        ],
        red_flag_checks=[check(datetime(2026, 10, 1, 8, 0))],
        breathing_sessions=[session(datetime(2026, 11, 1, 21, 0), completed=False)],  # clashes
        rehab_days=[RehabDay(DAY - timedelta(days=1), ("walk",))],
        custom_exercises=[CustomExercise("ex1", 2, "Renamed")],  # clashes
        visits=[visit("v9", date(2026, 12, 1))],
    )


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The payload of every atomic write of the diary."""
    done: list[bytes] = []
    real = atomic_storage.write_file_atomically

    def write(path: Path, payload: bytes) -> None:
        real(path, payload)
        done.append(payload)

    monkeypatch.setattr(atomic_storage, "write_file_atomically", write)
    return done


def test_import_without_overwrite_keeps_existing_records_and_names_them(
    open_store: DiaryStore, writes: list[bytes]
) -> None:
    store = open_store
    before = store.snapshot()
    report = store.import_snapshot(incoming(), overwrite=False)

    assert len(writes) == 1  # one atomic write for the whole import
    assert sorted(report.kept) == sorted(
        [
            "daily_logs 2026-11-01",
            "breathing_sessions 2026-11-01T21:00:00",
            "custom_exercises ex1",
            "profile",
        ]
    )
    assert report.added == 5 and report.replaced == 0
    assert store.daily_log(DAY) == before.daily_logs[0] == full_log(DAY)
    assert store.custom_exercises() == before.custom_exercises
    assert store.profile() == before.profile
    assert [log.date for log in store.daily_logs()] == [
        DAY - timedelta(days=20),
        DAY,
        DAY + timedelta(days=1),
        DAY + timedelta(days=20),
    ]
    assert [v.id for v in store.visits()] == ["v1", "v9"]
    after = store.snapshot()
    store.close()
    with DiaryStore.open(store.folder) as reopened:
        assert reopened.snapshot() == after


def test_import_with_overwrite_replaces_clashing_records(
    open_store: DiaryStore, writes: list[bytes]
) -> None:
    store = open_store
    report = store.import_snapshot(incoming(), overwrite=True)
    assert len(writes) == 1
    assert report.kept == []
    assert report.replaced == 3 and report.added == 5
    assert store.daily_log(DAY) == DailyLog(DAY, 1, 1, notes="from the import")
    assert store.custom_exercises() == [CustomExercise("ex1", 2, "Renamed")]
    assert store.breathing_sessions()[0].completed is False
    assert store.profile() == incoming().profile
    after = store.snapshot()
    store.close()
    with DiaryStore.open(store.folder) as reopened:
        assert reopened.snapshot() == after
        assert reopened.daily_logs(DAY, DAY)[0].notes == "from the import"


def test_import_into_an_empty_diary_takes_the_profile(tmp_path: Path) -> None:
    with DiaryStore.open(tmp_path / "data") as store:
        report = store.import_snapshot(incoming(), overwrite=False)
        assert report.kept == [] and report.added == 8
        assert store.profile() == incoming().profile


@pytest.mark.parametrize("overwrite", [False, True])
@pytest.mark.parametrize("fault", ["disk full: fsync", "read-only: rename refused"])
def test_failed_import_leaves_file_and_memory_unchanged(
    open_store: DiaryStore, monkeypatch: pytest.MonkeyPatch, fault: str, overwrite: bool
) -> None:
    store, folder = open_store, open_store.folder
    before_files = files_in(folder)
    before = store.snapshot()
    target, name, replacement, words = FAULTS[fault]
    with monkeypatch.context() as patch:
        patch.setattr(target, name, replacement)
        with pytest.raises(StoreWriteError, match=words):
            store.import_snapshot(incoming(), overwrite=overwrite)
    assert files_in(folder) == before_files
    assert store.snapshot() == before
    assert store.skipped == []

    # Saving still works afterwards, and so does the import itself.
    store.save_daily_log(DailyLog(NEW_DAY, 4, 4))
    store.import_snapshot(incoming(), overwrite=overwrite)
    after = store.snapshot()
    assert len(after.daily_logs) == len(before.daily_logs) + 3
    store.close()
    with DiaryStore.open(folder) as reopened:
        assert reopened.snapshot() == after


def test_import_failing_halfway_through_its_records_changes_nothing(
    open_store: DiaryStore, monkeypatch: pytest.MonkeyPatch, writes: list[bytes]
) -> None:
    store, folder = open_store, open_store.folder
    before_files = files_in(folder)
    before = store.snapshot()
    real_put_many = RecordTable.put_many
    calls = 0

    def put_then_fail(self: RecordTable[Any], *args: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:  # the records of two tables are already in memory
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_put_many(self, *args)

    with monkeypatch.context() as patch:
        patch.setattr(RecordTable, "put_many", put_then_fail)
        with pytest.raises(StoreWriteError, match="the disk is full"):
            store.import_snapshot(incoming(), overwrite=True)
    assert writes == []
    assert files_in(folder) == before_files
    assert store.snapshot() == before
