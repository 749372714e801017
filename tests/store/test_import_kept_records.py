"""Importing into a diary that already holds the records: its own kept unless --overwrite."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.store.diary_store import DiaryStore
from tests.support.export_samples import (
    SAMPLE_RECORDS,
    run,
    sample_document,
    write_json,
)

# --- kept and --overwrite -------------------------------------------------------------------------


def test_importing_an_export_again_says_it_is_all_there_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a reviewer: re-importing an export printed a "Kept ..." line per record."""
    folder = tmp_path / "diary"
    incoming = write_json(tmp_path / "ok.json", sample_document())
    run(capsys, "--data-dir", folder, "import", incoming)
    status, out, _ = run(capsys, "--data-dir", folder, "import", incoming)
    assert status == 0
    assert out.splitlines() == [
        f"Imported {incoming} into {folder}: 0 added, 0 replaced, {SAMPLE_RECORDS} already there."
    ]


def test_a_long_list_of_kept_records_is_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "diary"
    days = [f"2025-10-{day:02d}" for day in range(1, 16)]
    first = {
        **sample_document(),
        "daily_logs": [{"date": d, "leg_pain": 5, "back_pain": 2} for d in days],
    }
    run(capsys, "--data-dir", folder, "import", write_json(tmp_path / "a.json", first))
    second = {**first, "daily_logs": [{"date": d, "leg_pain": 1, "back_pain": 1} for d in days]}
    status, out, _ = run(
        capsys, "--data-dir", folder, "import", write_json(tmp_path / "b.json", second)
    )
    assert status == 0
    lines = out.splitlines()
    assert "Kept the diary's own version of 15 records that differ from the file" in lines[1]
    assert lines[2:] == [*(f"  daily_logs {d}" for d in days[:10]), "  … and 5 more."]


def test_records_already_in_the_diary_are_kept_unless_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "diary"
    run(capsys, "--data-dir", folder, "import", write_json(tmp_path / "ok.json", sample_document()))
    changed = sample_document()
    changed["daily_logs"][0]["leg_pain"] = 2
    changed["daily_logs"].append({"date": "2025-11-05", "leg_pain": 4, "back_pain": 1})
    incoming = write_json(tmp_path / "changed.json", changed)

    status, out, _ = run(capsys, "--data-dir", folder, "import", incoming)
    assert status == 0
    assert f"1 added, 0 replaced, {SAMPLE_RECORDS - 1} already there." in out
    assert "Kept the diary's own version of 1 record that differs from the file" in out
    assert "  daily_logs 2025-11-03\n" in out
    with DiaryStore.open(folder, read_only=True) as store:
        kept_log = store.daily_log(date(2025, 11, 3))
        assert kept_log is not None and kept_log.leg_pain == 6
        assert len(store.daily_logs()) == 3

    status, out, _ = run(capsys, "--data-dir", folder, "import", incoming, "--overwrite")
    assert status == 0
    assert f"0 added, 1 replaced, {SAMPLE_RECORDS} already there." in out
    assert "Kept" not in out
    with DiaryStore.open(folder, read_only=True) as store:
        replaced_log = store.daily_log(date(2025, 11, 3))
        assert replaced_log is not None and replaced_log.leg_pain == 2
