"""One timeline (issue 14): at 43 days since onset every tab and every command names the same
week, stage and rehab phase, in the same words."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from sciatica_tui.cli import main
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.screens.clinic.dialogs import NewVisitDialog
from sciatica_tui.screens.rehab.checklist import Checklist
from sciatica_tui.screens.today.status import StatusStrip
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, until, welcomed

TODAY = FROZEN_NOW.date()
ONSET = TODAY - timedelta(days=43)
WEEKS = "6 weeks since onset"
STAGE = "Stage 2 (weeks 6–12)"
PHASE = "Rehab phase 2"
SUMMARY = f"{WEEKS} · {STAGE}, building back · {PHASE}"


def seed_logs(store: DiaryStore) -> None:
    """Two weeks of logs, so Trends has a review to show."""
    for back in range(14):
        store.save_daily_log(DailyLog(TODAY - timedelta(days=back), leg_pain=5, back_pain=3))


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_every_tab_names_the_same_week_stage_and_phase() -> None:
    app = build_app(None, welcomed(ONSET), seed_logs)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: bool(app.query(StatusStrip)), "the Today tab")
        strip = app.query_one(StatusStrip)
        await until(pilot, lambda: text_of(strip).startswith(f"{WEEKS} · {STAGE}: "))
        assert SUMMARY in str(strip.tooltip)  # the phase is in the whole line

        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.focused, Checklist), "the Rehab tab")
        phase_line = text_of(app.query_one("#phase-line", Static))
        assert phase_line.startswith(f"{PHASE} (weeks 6–12) · ")
        assert f"★ suggested · {WEEKS} · " in phase_line

        await pilot.press("f6")
        await until(pilot, lambda: bool(app.query(".review-timeline")), "the weekly review")
        assert text_of(app.query_one(".review-timeline", Static)) == SUMMARY

        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, NewVisitDialog), "the new visit")
        await pilot.press(*"in 3 days", "tab", *"Dr Lee", "tab", *"Check-up", "enter")
        await until(pilot, lambda: bool(app.query("#story")), "the drafted story")
        story = app.query_one("#story", TextArea).text
        assert f"- Timeline: {SUMMARY}.\n" in story


@pytest.mark.parametrize(
    ("surgery", "phase", "counted_from"),
    [
        pytest.param(None, PHASE, "onset", id="no-surgery"),
        pytest.param(
            TODAY - timedelta(days=10),
            "Rehab phase 1, counted from surgery",
            "surgery",
            id="surgery",
        ),
    ],
)
def test_every_command_names_the_same_week_stage_and_phase(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    surgery: date | None,
    phase: str,
    counted_from: str,
) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)
    folder = tmp_path / "diary"
    with DiaryStore.open(folder) as store:
        welcomed(ONSET)(store)
        seed_logs(store)
        if surgery is not None:
            store.save_profile(replace(store.profile(), surgery_date=surgery))
    summary = f"{WEEKS} · {STAGE}, building back · {phase}"

    def said(*argv: str) -> str:
        assert main(["--data-dir", str(folder), *argv]) == 0
        return capsys.readouterr().out

    assert summary in said("review").splitlines()
    assert f"- Timeline: {summary}." in said("export", "--format", "md")
    assert said("trends").startswith(f"{summary}\n")
    document = json.loads(said("review", "--json"))
    assert document["weeks_since_onset"] == 6
    assert document["stage"] == {"number": 2, "weeks": "weeks 6–12", "name": "Building back"}
    assert document["phase"] == (1 if surgery else 2)
    assert document["phase_counted_from"] == counted_from
