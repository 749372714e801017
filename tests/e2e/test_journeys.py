"""The journeys of issue 9, driven in a real terminal exactly as a person would.

Each starts on a fresh data folder and uses the installed ``sciatica`` command. When one
fails, its last screen is saved as ``final-screen.txt`` in the test's tmp_path.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal, needs_tmux, run_sciatica

pytestmark = [pytest.mark.e2e, needs_tmux]


def exported(folder: Path) -> dict[str, list[dict[str, object]]]:
    result = run_sciatica(folder, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    document: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return document


def test_first_run_log_today_quit_and_reopen(terminal: Terminal, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    terminal.start(folder)
    terminal.wait_for("When did this episode of sciatica start?", "the first-run question")
    terminal.type_text("8 weeks ago")
    terminal.type("Tab", "Tab", "Enter")  # past the surgery date (left empty) to Save
    terminal.wait_for("Week 8 since onset", "the status strip with the onset")
    terminal.type("7", "Tab", "3", "C-s")
    terminal.wait_for("✓ Logged today", "today marked as logged")
    terminal.quit()

    terminal.start(folder)
    screen = terminal.wait_for("✓ Logged today", "today's entry after reopening")
    assert "7/10" in screen and "3/10" in screen
    assert "Welcome" not in screen  # the first run is not asked twice
    terminal.quit()
    [log] = exported(folder)["daily_logs"]
    assert (log["date"], log["leg_pain"], log["back_pain"]) == (date.today().isoformat(), 7, 3)


def test_worry_saddle_numbness_gives_the_emergency_alert(
    terminal: Terminal, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    terminal.start(folder)
    terminal.wait_for("Skip for now", "the first-run note")
    terminal.type("Escape")
    terminal.wait_for("Leg pain", "the Today tab")

    terminal.type("C-r")
    terminal.wait_for("saddle area", "the red-flag questions")
    terminal.type("n", "y", "n", "n", "n", "n")
    terminal.wait_for("All six answered", "every answer given")
    terminal.type("Enter")
    alert = terminal.wait_for("I understand", "the emergency alert")
    assert "emergency department" in alert.lower()
    terminal.type("Escape", "q", "x", "F1")  # stray keys leave it where it is
    assert "I understand" in terminal.screen()
    terminal.type("Tab", "Enter")
    history = terminal.wait_for(lambda text: "I understand" not in text, "the alert to close")
    terminal.wait_for("EMERGENCY", "the check in the history")
    terminal.quit()

    [check] = exported(folder)["red_flag_checks"]
    assert check["verdict"] == "emergency"
    assert check["answers"] == {
        "bladder_bowel": False,
        "saddle_numbness": True,
        "leg_weakness": False,
        "severe_pain": False,
        "trauma": False,
        "fever_weight_loss": False,
    }, history
