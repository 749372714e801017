"""``sciatica export --format pdf``: the visit report, written to a file, never over one."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from sciatica_tui.cli import main
from tests.support.pdf import page_size, pdf_text
from tests.support.visit_diary import FIXTURE_VISIT, TODAY, fixture_folder

pytestmark = pytest.mark.usefixtures("frozen_cli")


@pytest.fixture
def frozen_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)


def export(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "export", "--format", "pdf", *args])


def test_pdf_goes_to_out_readable_only_by_its_owner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path, FIXTURE_VISIT)
    out = tmp_path / "report.pdf"
    assert export(folder, "--out", str(out), "--paper", "letter") == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Clinic visit: Tue 24 Nov 2026" in pdf_text(out.read_bytes())
    assert page_size(out.read_bytes()) == (612, 792)
    assert f"Wrote the PDF report (letter paper) to {out}" in capsys.readouterr().out


def test_pdf_is_written_in_the_current_folder_by_default_with_the_locale_paper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fixture_folder(tmp_path, FIXTURE_VISIT)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert export(folder) == 0
    written = here / "visit-2026-11-24.pdf"
    assert page_size(written.read_bytes()) == (595, 842)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_an_existing_file_is_never_replaced_without_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path, FIXTURE_VISIT)
    out = tmp_path / "report.pdf"
    out.write_bytes(b"mine")
    assert export(folder, "--out", str(out)) == 2
    assert out.read_bytes() == b"mine"
    assert "--overwrite" in capsys.readouterr().err
    assert export(folder, "--out", str(out), "--overwrite") == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_folder_that_cannot_be_written_fails_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path, FIXTURE_VISIT)
    assert export(folder, "--out", str(tmp_path / "missing" / "report.pdf")) == 1
    assert "Nothing was written" in capsys.readouterr().err


def test_paper_and_overwrite_are_refused_for_other_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path, FIXTURE_VISIT)
    args = ["--data-dir", str(folder), "export", "--format", "md", "--paper", "a4"]
    assert main(args) == 2
    assert "for --format pdf" in capsys.readouterr().err
    assert export(folder, "--paper", "a5") == 2  # argparse names the choices
