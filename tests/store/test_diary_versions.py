"""Diary files of other format versions: a newer one refused untouched, older ones migrated
in order after a backup."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.store import schema
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import NewerDiaryError
from sciatica_tui.store.schema import SCHEMA_VERSION
from tests.support.diary_files import DAY, all_files, backups_of


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
