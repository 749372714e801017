"""The emergency alert in a real terminal: chosen on the first run, the number shows on the
alert that one key opens from Today (ctrl+r, then y)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.terminal import Terminal, needs_tmux, run_sciatica

pytestmark = [pytest.mark.e2e, needs_tmux]


@pytest.mark.parametrize(("width", "height"), [(80, 24), (160, 50)])
def test_ctrl_r_then_y_shows_the_alert_with_the_number_chosen(
    terminal: Terminal, tmp_path: Path, width: int, height: int
) -> None:
    folder = tmp_path / "data"
    terminal.width, terminal.height = width, height
    terminal.start(folder)
    terminal.wait_for("Emergency number where you live", "the first-run note")
    # Past both dates to the emergency number; "1" picks 112; then Save.
    terminal.type("Tab", "Tab", "1")
    terminal.wait_for("112 (most of Europe)", "the number chosen")
    terminal.type("Tab", "Enter")
    terminal.wait_for("Leg pain", "the Today tab")

    terminal.type("C-r", "y")
    alert = terminal.wait_for("I understand", "the emergency alert after one key")
    assert "EMERGENCY" in alert
    assert "Call 112 for an ambulance" in alert
    assert "Bladder trouble" in alert  # what to tell the staff
    terminal.wait_for("Your check is saved.", "the check saved at the alert")
    terminal.type("Tab", "Enter")  # "I understand": back to the check, the way to help on top
    terminal.wait_for("or call 112 for an ambulance", "the strip over the check")
    terminal.quit()  # the check is saved: no question

    exported = run_sciatica(folder, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    assert document["profile"]["settings"]["emergency_number"] == "112"
    [check] = document["red_flag_checks"]
    assert (check["verdict"], check["answers"]) == ("emergency", {"bladder": True})
