"""Where an export goes: to stdout, with no diary or a held one, and the private file it writes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.domain.records import Snapshot
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.export_format import to_document
from sciatica_tui.store.files import write_private_file
from tests.support.export_samples import (
    run,
    sample_document,
    write_json,
)


def test_export_to_stdout_is_the_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        capsys,
        "--data-dir",
        tmp_path,
        "import",
        write_json(tmp_path / "in.json", sample_document()),
    )
    status, out, err = run(capsys, "--data-dir", tmp_path, "export", "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out) == sample_document()


def test_export_with_no_diary_prints_an_empty_document_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "never-used"
    status, out, err = run(capsys, "--data-dir", folder, "export", "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out) == to_document(Snapshot())
    assert not folder.exists()


def test_export_works_while_the_app_holds_the_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        capsys,
        "--data-dir",
        tmp_path,
        "import",
        write_json(tmp_path / "in.json", sample_document()),
    )
    with DiaryStore.open(tmp_path):
        status, out, _ = run(capsys, "--data-dir", tmp_path, "export")
    assert status == 0
    assert json.loads(out) == sample_document()


# --- the export file -----------------------------------------------------------------------


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_export_file_is_readable_only_by_its_owner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "export.json"
    old_umask = os.umask(0o000)
    try:
        status, out, _ = run(capsys, "--data-dir", tmp_path / "d", "export", "--out", out_file)
    finally:
        os.umask(old_umask)
    assert status == 0
    assert mode_of(out_file) == 0o600
    assert "only you can read it" in out
    assert "replaced" not in out


def test_an_existing_export_file_is_replaced_and_made_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "export.json"
    out_file.write_text("old contents", encoding="utf-8")
    out_file.chmod(0o644)
    status, out, _ = run(capsys, "--data-dir", tmp_path / "d", "export", "--out", out_file)
    assert status == 0
    assert mode_of(out_file) == 0o600
    assert json.loads(out_file.read_text(encoding="utf-8"))["format"] == "sciatica-tui"
    assert "replaced once the new one was complete" in out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_export_to_a_folder_that_does_not_exist_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "missing" / "export.json"
    status, out, err = run(capsys, "--data-dir", tmp_path / "d", "export", "--out", out_file)
    assert status == 1
    assert "could not write" in err
    assert "Traceback" not in err


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.json"
    target.write_text("old", encoding="utf-8")

    def refuse(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError):
        write_private_file(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_an_export_onto_a_link_writes_the_linked_file_and_keeps_the_link(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / "visit.md").write_text("old", encoding="utf-8")
    link = tmp_path / "visit.md"
    link.symlink_to("synced/visit.md")
    dangling = tmp_path / "new.md"
    dangling.symlink_to(synced / "new.md")

    assert write_private_file(link, "new") is True
    assert write_private_file(dangling, "first") is False
    assert link.is_symlink() and (synced / "visit.md").read_text(encoding="utf-8") == "new"
    assert dangling.is_symlink() and (synced / "new.md").read_text(encoding="utf-8") == "first"


def test_an_export_onto_a_link_loop_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(OSError):
        write_private_file(loop, "new")
    assert loop.is_symlink() and [p.name for p in tmp_path.iterdir()] == ["loop.md"]
