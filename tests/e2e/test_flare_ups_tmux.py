"""Flare-ups and tags in a real terminal: a flare-up in three keys, a day with its tags and
the day before, typed in tmux; the app quits and opens again, and all are there."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from sciatica_tui.store.diary_store import DiaryStore
from tests.support.terminal import Terminal, needs_tmux, run_sciatica

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_a_flare_up_and_two_days_survive_a_restart(tmp_path: Path, terminal: Terminal) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:  # past the first-run note
        store.save_profile(replace(store.profile(), welcomed=True))
    terminal.start(folder)
    terminal.wait_for(lambda text: "Leg pain" in text and "Back pain" in text, "the Today form")

    terminal.type("C-f")  # from leg pain, the cursor in the form
    terminal.wait_for("A flare-up ·", "the flare-up dialog")
    terminal.type("7", "Enter")
    terminal.wait_for("1 flare-up", "the flare-up in the day view", timeout=10)

    # In one burst, as a fast typist: the keys before ctrl+t stay in their fields (leg and
    # back pain), the ones after it pick what set it off (sitting long, lifting).
    terminal.send("6", "Tab", "3", "C-t", "1", "3")
    terminal.wait_for(lambda text: "✓Sitting long" in text and "✓Lifting" in text, "both picked")
    terminal.type("Tab", "2")  # what helped: heat
    terminal.wait_for("✓Heat", "the tag picked")
    terminal.type("C-s")
    terminal.wait_for("Saved ", "the 'Saved' confirmation", timeout=10)
    # A second day, with the keyboard only: the day before, opened with alt+left.
    terminal.type("M-Left")
    terminal.wait_for("(yesterday) · not logged", "yesterday to open", timeout=10)
    terminal.type("4", "Tab", "2", "C-s")
    terminal.wait_for("(yesterday) · ✓ saved", "yesterday saved", timeout=10)
    terminal.quit()

    terminal.start(folder)
    screen = terminal.wait_for("1 flare-up", "the flare-up after reopening")
    assert "pain 7" in screen
    terminal.type("C-t")
    screen = terminal.wait_for("✓Lifting", "the day's tags after reopening")
    assert "✓Sitting long" in screen and "✓Driving" not in screen
    terminal.type("Tab")
    terminal.wait_for("✓Heat", "what helped, after reopening")
    terminal.quit()

    document = json.loads(run_sciatica(folder, "export", "--format", "json").stdout)
    today = date.today().isoformat()  # the app runs on the real clock
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    logs = {log["date"]: log for log in document["daily_logs"]}
    assert (logs[yesterday]["leg_pain"], logs[yesterday]["back_pain"]) == (4, 2)
    log = logs[today]
    assert log["tags"] == ["sitting_long", "lifting", "heat"]
    assert (log["leg_pain"], log["back_pain"]) == (6, 3)
    [flare_up] = document["flare_ups"]
    assert flare_up["pain"] == 7 and flare_up["at"].startswith(today)
