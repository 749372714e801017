"""``sciatica import`` under pressure: a full disk, huge and hostile files, a diary holding
records it cannot read (issue 19, items 9, 11 and 13)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.cli import main
from sciatica_tui.store import files
from sciatica_tui.store.diary_store import DiaryStore

SMALL_EXPORT: dict[str, Any] = {
    "format": "sciatica-tui",
    "version": 2,
    "profile": {},
    "daily_logs": [{"date": "2025-11-03", "leg_pain": 6, "back_pain": 3}],
    "red_flag_checks": [],
    "breathing_sessions": [],
    "rehab_days": [],
    "custom_exercises": [],
    "visits": [],
}


def run(capsys: pytest.CaptureFixture[str], *argv: Any) -> tuple[int, str, str]:
    """Run the command in-process; return its status, stdout and stderr."""
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


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
