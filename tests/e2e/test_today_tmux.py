"""Log a day in a real terminal: tmux runs ``sciatica``, keys go in, the export holds them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from sciatica_tui.store.diary_store import DiaryStore
from tests.support.terminal import EXITED, Terminal, needs_tmux, run_sciatica

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_log_a_day_in_tmux_then_export_it(tmp_path: Path, terminal: Terminal) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:  # past the first-run note
        store.save_profile(replace(store.profile(), welcomed=True))
    terminal.start(folder)

    terminal.wait_for(
        lambda text: "Leg pain" in text and "Back pain" in text and "Pain down to" in text,
        "the Today form",
    )
    terminal.type("7", "Tab", "3", "C-s")
    terminal.wait_for("Saved ", "the 'Saved' confirmation", timeout=10)
    # alt+left reaches the app through tmux and opens the day before (issue 15 §5).
    terminal.type("M-Left")
    terminal.wait_for("(yesterday) · not logged", "yesterday to open", timeout=10)
    terminal.type("5", "Tab", "2", "C-s")
    terminal.wait_for("(yesterday) · ✓ saved", "yesterday saved", timeout=10)
    terminal.type("C-q")
    ended = terminal.wait_for(EXITED, "the app to quit", timeout=10)
    assert f"{EXITED}0" in ended

    exported = run_sciatica(folder, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    logs = json.loads(exported.stdout)["daily_logs"]
    today = date.today().isoformat()  # the app runs on the real clock
    entry = next((log for log in logs if log["date"] == today), None)
    assert entry is not None, logs
    assert (entry["leg_pain"], entry["back_pain"]) == (7, 3)
    assert set(entry) == {"date", "leg_pain", "back_pain"}  # nothing made up
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert [(log["leg_pain"], log["back_pain"]) for log in logs if log["date"] == yesterday] == [
        (5, 2)
    ]
