"""``sciatica import`` under pressure: a full disk, huge and hostile files, a diary holding
records it cannot read (issue 19, items 9, 11 and 13)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.cli.importing import MAX_IMPORT_BYTES, MAX_IMPORT_VALUES
from sciatica_tui.store import files
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.export_format import MAX_RECORDS, PROBLEMS_LISTED
from tests.support.cli import run
from tests.support.store import SMALL_EXPORT


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_full_disk_during_import_is_said_in_a_commands_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19, item 13: the app's "what you entered is still here" means nothing here."""
    folder = tmp_path / "diary"
    DiaryStore.open(folder).close()
    before = (folder / "diary.json").read_bytes()
    source = write_json(tmp_path / "export.json", SMALL_EXPORT)

    def full(*args: object, **kwargs: object) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    status, out, err = run(capsys, "--data-dir", folder, "import", source)
    assert status == 1 and out == ""
    assert err.startswith("sciatica: nothing was saved: the disk is full")
    assert "still here" not in err and "what you entered" not in err
    assert "as it was before this command" in err and "run the command again" in err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert (folder / "diary.json").read_bytes() == before


def problem_lines(err: str) -> list[str]:
    return err.splitlines()


def test_a_file_full_of_problems_lists_the_first_fifty_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19, item 11: a file of a million bad records printed about 988,000 lines."""
    bad = [
        {"date": f"2025-01-{n % 28 + 1:02d}", "leg_pain": 11, "back_pain": -1} for n in range(120)
    ]
    source = write_json(tmp_path / "bad.json", {**SMALL_EXPORT, "daily_logs": bad})
    status, out, err = run(capsys, "--data-dir", tmp_path / "diary", "import", source)
    assert status == 2 and out == ""
    lines = problem_lines(err)
    assert lines[0] == "Import refused: 240 problems; nothing was changed."
    assert lines[1].startswith("daily_logs[0].leg_pain: 11 is above 10")
    assert len(lines) == 1 + PROBLEMS_LISTED + 1
    assert lines[-1] == "… and 190 more problems (the first 50 are above)."
    assert not (tmp_path / "diary").exists()


def test_more_records_than_any_export_are_refused_before_each_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "many.json"
    records = b",".join([b'{"date":"x"}'] * (MAX_RECORDS + 1))
    head = json.dumps({**SMALL_EXPORT, "daily_logs": []})[:-1].encode()
    source.write_bytes(
        head.replace(b'"daily_logs": []', b'"daily_logs": [' + records + b"]") + b"}"
    )
    status, _, err = run(capsys, "--data-dir", tmp_path / "diary", "import", source)
    assert status == 2
    assert problem_lines(err) == [
        "Import refused: 1 problem; nothing was changed.",
        f"the file holds {MAX_RECORDS + 1:,} records; an export of this app holds at most "
        f"{MAX_RECORDS:,} (five times twenty years of every kind of record)",
    ]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda path: path.write_bytes(b"[" + b"1," * MAX_IMPORT_VALUES + b"1]"), "more values"),
        (lambda path: os.truncate(path, MAX_IMPORT_BYTES + 1), "larger than any export (32 MB"),
    ],
    ids=["a million values", "past the largest size"],
)
def test_a_file_too_big_to_be_an_export_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, words: str
) -> None:
    source = tmp_path / "huge.json"
    source.touch()
    make(source)
    status, out, err = run(capsys, "--data-dir", tmp_path / "diary", "import", source)
    assert status == 2 and out == ""
    assert err.startswith("sciatica: import refused: ") and words in err
    assert len(err.splitlines()) == 1 and "nothing was changed" in err


def test_import_says_once_which_records_of_the_diary_it_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19, item 9: export, trends and review warned about such records; import did not."""
    folder = tmp_path / "diary"
    folder.mkdir()
    (folder / "diary.json").write_bytes(
        b'{"meta": {"1": {"schema_version": 1}}, "daily_logs": '
        b'{"1": {"date": "2025-11-01", "leg_pain": NaN, "back_pain": 2}}}'
    )
    source = write_json(tmp_path / "export.json", SMALL_EXPORT)
    status, out, err = run(capsys, "--data-dir", folder, "import", source)
    assert status == 0 and "1 added" in out
    (side,) = folder.glob("diary-set-aside-*.json")
    assert err == (
        "sciatica: warning: 1 record in the diary could not be read (daily_logs record 1: "
        f"leg_pain: nan is not a whole number). It was moved, unchanged, to {side}; "
        "everything else is here.\n"
    )
    status, _, err = run(capsys, "--data-dir", folder, "import", source)
    assert status == 0 and err == ""  # said once
