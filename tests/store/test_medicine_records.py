"""The person's medicines in the diary.

A diary saved before medicines were one list (format 1): each clinic visit held its own.
Opened, its visits' medicines become the shared list, once each by name, and nothing else
changes; a reader (read-only) sees the same without writing anything. A medicine whose kind
changes recounts the pain relief of the days it was taken."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.schema import SCHEMA_VERSION

VISIT: dict[str, Any] = {
    "id": "v1",
    "date": "2026-11-10",
    "clinician": "Dr Okafor",
    "reason": "",
    "story": "",
    "history": "",
    "imaging": [],
    "questions": [],
    "goals": [],
    "before_you_leave": [],
    "notes_after": "",
}
IBUPROFEN = {"name": "Ibuprofen", "dose": "400 mg", "how_often": "3 a day", "since": "",
             "helps": "a bit", "side_effects": ""}  # fmt: skip
OLD_TABLES: dict[str, Any] = {
    "meta": {"1": {"schema_version": 1}},
    "daily_logs": {"1": {"date": "2026-11-01", "leg_pain": 4, "back_pain": 3, "pain_med_doses": 2}},
    "visits": {
        "1": {**VISIT, "medicines": [IBUPROFEN, {**IBUPROFEN, "name": "Pregabalin", "dose": ""}]},
        "2": {**VISIT, "id": "v0", "date": "2026-10-01", "medicines": [{"name": "ibuprofen"}]},
        "3": {**VISIT, "id": "v2", "date": "2026-12-01"},
    },
}
SHARED = [
    Medicine(
        "ibuprofen", "Ibuprofen", "400 mg", MedicineKind.PAIN_RELIEF, "3 a day", helps="a bit"
    ),
    Medicine("pregabalin", "Pregabalin", "", MedicineKind.NERVE_PAIN, "3 a day", helps="a bit"),
]


def old_diary(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    (folder / "diary.json").write_text(json.dumps(OLD_TABLES))
    return folder


def test_opening_a_format_1_diary_makes_the_visits_medicines_one_list(tmp_path: Path) -> None:
    folder = old_diary(tmp_path)
    with DiaryStore.open(folder) as store:
        assert store.schema_version() == SCHEMA_VERSION == 2
        assert store.skipped == []  # no visit set aside for holding medicines
        assert store.medicines() == SHARED
        assert [visit.id for visit in store.visits()] == ["v0", "v1", "v2"]
        assert store.daily_logs()[0].pain_med_doses == 2
        assert store.excerpt().medicines == SHARED
    on_disk = json.loads((folder / "diary.json").read_bytes())
    assert on_disk["meta"] == {"1": {"schema_version": 2}}
    assert all("medicines" not in visit for visit in on_disk["visits"].values())
    assert on_disk["daily_logs"] == OLD_TABLES["daily_logs"]
    assert sorted(doc["id"] for doc in on_disk["medicines"].values()) == ["ibuprofen", "pregabalin"]
    backups = sorted((folder / "backups").iterdir())
    assert [json.loads(path.read_bytes()) for path in backups] == [OLD_TABLES]

    migrated = (folder / "diary.json").read_bytes()
    with DiaryStore.open(folder) as store:  # once only
        assert store.medicines() == SHARED
    assert (folder / "diary.json").read_bytes() == migrated


def test_a_reader_sees_the_shared_list_and_writes_nothing(tmp_path: Path) -> None:
    folder = old_diary(tmp_path)
    before = (folder / "diary.json").read_bytes()
    with DiaryStore.open(folder, read_only=True) as store:
        assert store.skipped == []
        assert store.medicines() == SHARED
        assert len(store.visits()) == 3
    assert (folder / "diary.json").read_bytes() == before


def test_a_format_1_diary_without_medicines_gains_no_table(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    tables = {**OLD_TABLES, "visits": {"1": {**VISIT, "medicines": []}}}
    (folder / "diary.json").write_text(json.dumps(tables))
    with DiaryStore.open(folder) as store:
        assert store.medicines() == [] and len(store.visits()) == 1
    on_disk = json.loads((folder / "diary.json").read_bytes())
    assert on_disk == {**tables, "meta": {"1": {"schema_version": 2}}, "visits": {"1": VISIT}}


def test_a_medicine_that_becomes_pain_relief_counts_on_the_days_it_was_taken(
    tmp_path: Path,
) -> None:
    vitamin = Medicine("co-codamol", "Co-codamol", "30/500")  # kind "other" by mistake
    with DiaryStore.open(tmp_path / "data") as store:
        store.save_medicine_list([vitamin])
        taken = DailyLog(date(2026, 11, 2), 4, 3, medicine_doses={"co-codamol": 2})
        plain = DailyLog(date(2026, 11, 3), 4, 3, pain_med_doses=1)
        store.save_daily_log(taken)
        store.save_daily_log(plain)
        store.save_medicine(replace(vitamin, kind=MedicineKind.PAIN_RELIEF))
        assert [log.pain_med_doses for log in store.daily_logs()] == [2, 1]
        store.save_medicine_list([replace(vitamin, kind=MedicineKind.NERVE_PAIN)])
        assert [log.pain_med_doses for log in store.daily_logs()] == [None, 1]
    with DiaryStore.open(tmp_path / "data") as store:  # on disk too
        assert [log.pain_med_doses for log in store.daily_logs()] == [None, 1]
