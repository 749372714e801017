"""Records the app could not read are kept whole in a side file before the diary is saved
without them (issue 19, item 9: ``NaN`` became ``null``, and of two records under one id the
first was lost, at the next save)."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store import atomic_storage, set_aside
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import ReadOnlyDiaryError
from tests.support.store import FrozenDatetime

HOSTILE = (
    b'{"meta": {"1": {"schema_version": 1}}, "daily_logs": {'
    b'"1": {"date": "2026-11-01", "leg_pain": NaN, "back_pain": 2},'
    b'"2": {"date": "2026-11-02", "leg_pain": 4, "back_pain": 2, "leg_pain": 5},'
    b'"3": {"date": "2026-11-03", "leg_pain": 1, "back_pain": 1},'
    b'"3": {"date": "2026-11-04", "leg_pain": 2, "back_pain": 2}}}'
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    (folder / "diary.json").write_bytes(HOSTILE)
    return folder


def test_the_side_file_holds_each_record_as_it_was_with_its_place_and_reason(
    folder: Path,
) -> None:
    with DiaryStore.open(folder) as store:
        assert [log.date.day for log in store.daily_logs()] == [4]
        side = store.side_file
        assert side is not None and side.parent == folder
        assert side.name.startswith("diary-set-aside-") and side.suffix == ".json"
    assert stat.S_IMODE(side.stat().st_mode) == 0o600
    text = side.read_text(encoding="utf-8")
    assert '"leg_pain": NaN' in text  # written as it was read, not as null
    document = json.loads(text)
    assert "could not read" in document["about"] and "[name, value] pairs" in document["about"]
    entries = {(entry["table"], entry["id"]): entry for entry in document["records"]}
    assert set(entries) == {("daily_logs", "1"), ("daily_logs", "2"), ("daily_logs", "3")}
    assert entries["daily_logs", "2"]["record"] == [
        ["date", "2026-11-02"],
        ["leg_pain", 4],
        ["back_pain", 2],
        ["leg_pain", 5],
    ]
    assert entries["daily_logs", "3"]["record"]["date"] == "2026-11-03"
    assert entries["daily_logs", "3"]["problem"] == "a later record has the same id"
    assert "more than once" in entries["daily_logs", "2"]["problem"]

    on_disk = json.loads((folder / "diary.json").read_bytes())
    assert list(on_disk["daily_logs"].values()) == [
        {"date": "2026-11-04", "leg_pain": 2, "back_pain": 2}
    ]
    newest_backup = sorted((folder / "backups").glob("diary-*.json"))[-1]
    assert newest_backup.read_bytes() == HOSTILE  # and the whole file as it was


def test_a_reader_leaves_them_in_the_file_and_says_they_are_still_there(folder: Path) -> None:
    with DiaryStore.open(folder, read_only=True) as store:
        assert store.side_file is None
        assert store.notice() == "3 saved records could not be read and were left out. " + (
            "They are still in the file."
        )
    assert (folder / "diary.json").read_bytes() == HOSTILE
    assert not list(folder.glob("diary-set-aside-*"))


def test_a_disk_too_full_to_set_them_aside_opens_the_app_read_only(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(atomic_storage.os, "fsync", full)
        store = DiaryStore.open_or_view(folder)
    with store:
        assert store.read_only_reason == "the disk is full"
        assert "Read-only: the disk is full" in (store.read_only_note() or "")
        assert "still in the file" in (store.notice() or "")
        with pytest.raises(ReadOnlyDiaryError, match="read-only here: the disk is full"):
            store.save_daily_log(DailyLog(date(2026, 11, 5), 1, 1))
    assert (folder / "diary.json").read_bytes() == HOSTILE
    assert all(path.read_bytes() != b"" for path in folder.glob("diary-set-aside-*"))

    with DiaryStore.open_or_view(folder) as store:  # room again: set aside as usual
        assert store.read_only_reason is None and store.side_file is not None


def test_two_sets_in_the_same_second_are_both_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(set_aside, "datetime", FrozenDatetime)
    with DiaryStore.open(folder) as store:
        first = store.side_file
    (folder / "diary.json").write_bytes(HOSTILE)
    with DiaryStore.open(folder) as store:
        second = store.side_file
    assert first is not None and second is not None and first != second
    for side in (first, second):
        assert len(json.loads(side.read_bytes())["records"]) == 3
