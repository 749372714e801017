"""A visit report written into a folder of exports: private, and never over another file."""

from __future__ import annotations

import stat
from pathlib import Path

from sciatica_tui.domain.visit.naming import export_stem
from sciatica_tui.store.exports import write_export
from tests.support.visit_diary import FIXTURE_VISIT, TODAY


def test_write_export_is_private_and_never_replaces_a_different_file(tmp_path: Path) -> None:
    stem = export_stem(FIXTURE_VISIT, TODAY)
    assert stem == "visit-2026-11-24"
    exports = tmp_path / "Sciatica"
    first = write_export(exports, stem, "one\n")
    assert first.path == exports / "visit-2026-11-24.md"
    assert not first.renamed and not first.unchanged
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(exports.stat().st_mode) == 0o700
    assert first.path.read_text(encoding="utf-8") == "one\n"
    assert "Exported to" in first.message()

    same = write_export(exports, stem, "one\n")
    assert same.path == first.path and same.unchanged
    assert "Already saved, unchanged" in same.message()

    second = write_export(exports, stem, "two\n")
    assert second.path == exports / "visit-2026-11-24-2.md"
    assert second.renamed
    assert first.path.read_text(encoding="utf-8") == "one\n"  # kept
    assert second.path.read_text(encoding="utf-8") == "two\n"
    assert stat.S_IMODE(second.path.stat().st_mode) == 0o600
    assert "A different file was already at visit-2026-11-24.md" in second.message()
    assert "visit-2026-11-24-2.md" in second.message()

    third = write_export(exports, stem, "two\n")
    assert third.path == second.path and third.unchanged
    assert sorted(p.name for p in (exports).iterdir()) == [
        "visit-2026-11-24-2.md",
        "visit-2026-11-24.md",
    ]


def test_a_pdf_is_written_as_bytes_beside_the_markdown(tmp_path: Path) -> None:
    markdown = write_export(tmp_path, "visit-2026-11-24", "text\n")
    pdf = write_export(tmp_path, "visit-2026-11-24", b"%PDF-1.4 bytes", suffix="pdf")
    assert pdf.path == tmp_path / "visit-2026-11-24.pdf" and not pdf.renamed
    assert pdf.path.read_bytes() == b"%PDF-1.4 bytes"
    assert stat.S_IMODE(pdf.path.stat().st_mode) == 0o600
    assert markdown.path.read_text(encoding="utf-8") == "text\n"
    assert write_export(tmp_path, "visit-2026-11-24", b"%PDF-1.4 bytes", suffix="pdf").unchanged
