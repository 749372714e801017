"""Checks saved with the six questions of the first version of the check (before the CES
questions of December 2026) stay readable everywhere: a diary holding them loads and exports
them unchanged, an old export imports unchanged, and every place that shows a check names
their signs by their own names."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain import content
from sciatica_tui.domain.records import Profile, RedFlagCheck, Snapshot, Verdict
from sciatica_tui.domain.review import weekly_review
from sciatica_tui.domain.review_words import in_words
from sciatica_tui.domain.today_status import today_facts, today_status
from sciatica_tui.domain.visit.latest import diary_markdown
from sciatica_tui.screens.red_flags.tab import RedFlagsTab
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.export_format import FORMAT_VERSION
from tests.support.app import build_app, until, welcomed
from tests.support.export_versions import as_exported_now
from tests.support.red_flag_ids import OLD_IDS

TODAY = date(2026, 11, 21)


def old_answers(*said_yes: str) -> dict[str, bool]:
    return {qid: qid in said_yes for qid in OLD_IDS}


# As the first version saved them: every question answered, the verdict it gave.
OLD_CHECKS: list[dict[str, Any]] = [
    {"at": "2026-11-16T08:00:00", "answers": old_answers(), "verdict": "clear"},
    {"at": "2026-11-18T20:15:00", "answers": old_answers("trauma"), "verdict": "urgent"},
    {
        "at": "2026-11-20T07:30:00",
        "answers": old_answers("saddle_numbness", "fever_weight_loss"),
        "verdict": "emergency",
    },
]
OLD_EXPORT: dict[str, Any] = {
    "format": "sciatica-tui",
    "version": 1,
    "profile": {
        "welcomed": True,
        "onset_date": "2026-09-20",
        "settings": {
            "theme": "nord",
            "reduced_motion": False,
            "rehab_phase": None,
            "breathing_count": 4,
            "breathing_minutes": 3,
        },
    },
    "daily_logs": [],
    "red_flag_checks": OLD_CHECKS,
    "breathing_sessions": [],
    "rehab_days": [],
    "custom_exercises": [],
    "visits": [],
}


def run(capsys: pytest.CaptureFixture[str], *argv: Any) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def write_old_diary(folder: Path) -> None:
    """A diary file as the first version wrote it (schema 1), holding the old checks."""
    folder.mkdir(parents=True)
    tables = {
        "meta": {"1": {"schema_version": 1}},
        "profile": {"1": OLD_EXPORT["profile"]},
        "red_flag_checks": {str(n): check for n, check in enumerate(OLD_CHECKS, start=1)},
    }
    (folder / "diary.json").write_text(json.dumps(tables), encoding="utf-8")


def test_a_diary_holding_old_checks_loads_them_all_and_exports_them_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    write_old_diary(folder)
    with DiaryStore.open(folder) as store:
        assert store.skipped == []
        assert [check.to_record() for check in store.red_flag_checks()] == OLD_CHECKS
    status, out, err = run(capsys, "--data-dir", folder, "export", "--format", "json")
    assert (status, err) == (0, "")
    document = json.loads(out)
    assert document["red_flag_checks"] == OLD_CHECKS
    assert document["profile"] == OLD_EXPORT["profile"]  # no number chosen: nothing added
    assert document["version"] == FORMAT_VERSION  # the export is always in the current format


def test_an_old_export_imports_unchanged_and_exports_the_same_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "old.json"
    source.write_text(json.dumps(OLD_EXPORT), encoding="utf-8")
    status, out, err = run(capsys, "--data-dir", tmp_path / "data", "import", source)
    assert (status, err) == (0, ""), out
    status, out, _ = run(capsys, "--data-dir", tmp_path / "data", "export", "--format", "json")
    assert status == 0
    # The same document, brought to the current version of the format.
    assert json.loads(out) == as_exported_now(OLD_EXPORT)
    # Importing it again finds every record already there, exactly as it is.
    again = tmp_path / "again.json"
    again.write_text(out, encoding="utf-8")
    status, out, _ = run(capsys, "--data-dir", tmp_path / "data", "import", again)
    assert status == 0 and "0 added, 0 replaced" in out


def old_checks() -> list[RedFlagCheck]:
    return [
        RedFlagCheck(datetime.fromisoformat(raw["at"]), raw["answers"], Verdict(raw["verdict"]))
        for raw in OLD_CHECKS
    ]


def test_old_checks_are_named_in_the_status_strip_review_and_visit_summary() -> None:
    checks = old_checks()
    status = today_status(
        profile=Profile(onset_date=date(2026, 9, 20)),
        today=TODAY,
        logged_today=False,
        exercises_done=0,
        breathing_sessions=[],
        red_flag_checks=checks,
    )
    assert today_facts(status)[-1] == (
        "Red flags 20 Nov: EMERGENCY (saddle numbness, fever or weight loss)"
    )
    review = weekly_review([], checks, TODAY)
    [red_flag] = [s for s in in_words(review, content.signals()).decline if s.id == "red_flag"]
    assert "Wed 18 Nov: urgent, yes to after a big injury" in red_flag.text
    assert "Fri 20 Nov: emergency, yes to saddle numbness, fever or weight loss" in red_flag.text
    summary = diary_markdown(Snapshot(red_flag_checks=checks), TODAY)
    assert (
        "- Red-flag checks: 3 checks (1 clear, 1 urgent, 1 emergency); not clear on 18 Nov "
        "2026 (urgent, yes to after a big injury), 20 Nov 2026 (emergency, yes to saddle "
        "numbness, fever or weight loss)."
    ) in summary


async def test_old_checks_are_listed_in_the_history_by_their_own_names(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_old_diary(folder)
    app = build_app(folder, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await until(pilot, lambda: bool(app.query(RedFlagsTab)), "the tab")
        history = str(app.query_one("#history").render()).splitlines()
        assert history == [
            "Fri 20 Nov 2026, 07:30  !! EMERGENCY  Yes to: saddle numbness, fever or weight loss",
            "Wed 18 Nov 2026, 20:15  ! URGENT      Yes to: after a big injury",
            "Mon 16 Nov 2026, 08:00  ✔ CLEAR       No to all questions",
        ]
    with DiaryStore.open(folder, read_only=True) as store:
        assert [check.to_record() for check in store.red_flag_checks()] == OLD_CHECKS
