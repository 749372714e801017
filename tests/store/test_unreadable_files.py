"""An unreadable diary file: kept aside byte for byte, the way back explained, and left in
place by a reader."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.store import opening
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import UnreadableDiaryError
from tests.support.diary_files import DAY, all_files, backups_of, make_diary
from tests.support.store import FrozenDatetime


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
