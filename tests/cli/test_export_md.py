"""``sciatica export --format md``: the latest visit, or the diary's last four weeks."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain.visits import Visit
from tests.support.visit_diary import (
    FIXTURE_VISIT,
    TODAY,
    fixture_draft,
    fixture_folder,
    fixture_markdown,
    headings,
)


@pytest.fixture
def frozen_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_writes_the_latest_visit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = Visit(id="visit-older", date=date(2026, 10, 1), reason="first look")
    folder = fixture_folder(tmp_path, older, FIXTURE_VISIT)
    out = tmp_path / "visit.md"
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page == fixture_markdown(FIXTURE_VISIT)
    assert headings(page)[0] == "h1 Clinic visit: Tue 24 Nov 2026"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    said = capsys.readouterr().out
    assert f"Wrote the md export to {out} (only you can read it)." in said
    assert "replaced" not in said


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_without_a_visit_summarises_four_weeks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path)
    assert main(["--data-dir", str(folder), "export", "--format", "md"]) == 0
    page = capsys.readouterr().out
    assert page == fixture_markdown(None)
    assert headings(page)[0] == "h1 Sciatica summary: the four weeks to Sat 21 Nov 2026"
    assert "leg 7.0, back 4.7" in page


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_says_when_it_replaces_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path, FIXTURE_VISIT)
    out = tmp_path / "visit.md"
    out.write_text("my own notes\n", encoding="utf-8")
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "The file that was there before was replaced" in said
    assert out.read_text(encoding="utf-8") == fixture_markdown(FIXTURE_VISIT)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_notes_a_story_older_than_the_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = fixture_draft().replace("8 of 28.", "2 of 28.")
    assert old != fixture_draft()
    folder = fixture_folder(tmp_path, replace(FIXTURE_VISIT, story=old))
    out = tmp_path / "visit.md"
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "2 of 28." in out.read_text(encoding="utf-8")  # exported as it is
    assert "the visit's symptom story was drafted from an earlier diary" in said.err
    days = "Days logged in the last four weeks (25 Oct to 21 Nov 2026)"
    assert f"It says:   {days}: 2 of 28." in said.err
    assert f"Diary now: {days}: 8 of 28." in said.err

    folder = fixture_folder(tmp_path / "fresh", FIXTURE_VISIT)
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    assert "earlier diary" not in capsys.readouterr().err
