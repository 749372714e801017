"""The journeys of issue 9, driven in a real terminal exactly as a person would.

Each starts on a fresh data folder and uses the installed ``sciatica`` command. When one
fails, its last screen is saved as ``final-screen.txt`` in the test's tmp_path.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.store.diary_store import DiaryStore
from tests.support.journey_diaries import twelve_week_diary, write_diary
from tests.support.terminal import ROOT, Terminal, needs_tmux, run_sciatica

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
    # Past the surgery date and the emergency number (both left empty) to Save.
    terminal.type("Tab", "Tab", "Tab", "Enter")
    terminal.wait_for("8 weeks since onset", "the status strip with the onset")
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
    terminal.wait_for("bladder (peeing)", "the red-flag questions")
    terminal.type("n", "n", "y")  # the third question asks about the saddle area
    alert = terminal.wait_for("I understand", "the emergency alert, with no Enter")
    assert "emergency department" in alert.lower()
    assert "Saddle numbness" in alert
    terminal.type("Escape", "q", "x", "F1")  # stray keys leave it where it is
    assert "I understand" in terminal.screen()
    terminal.type("Tab", "Enter")
    terminal.wait_for(lambda text: "I understand" not in text, "the alert to close")
    saved = exported(folder)["red_flag_checks"]
    assert [check["answers"] for check in saved] == [
        {"bladder": False, "bowel": False, "saddle_area": True}
    ]
    # The rest, answered after the alert, join the same check.
    terminal.type(*"nnnnnnnnn")
    terminal.type("Enter")
    history = terminal.wait_for("EMERGENCY", "the check in the history")
    terminal.quit()

    [check] = exported(folder)["red_flag_checks"]
    assert check["verdict"] == "emergency"
    assert check["answers"] == {
        "bladder": False,
        "bowel": False,
        "saddle_area": True,
        "sexual_function": False,
        "both_legs": False,
        "severe_weakness": False,
        "mild_weakness": False,
        "injury": False,
        "fever_unwell": False,
        "weight_loss_cancer": False,
        "immune_risk": False,
        "strong_or_night_pain": False,
    }, history


def test_calm_down_a_breathing_session_to_its_end(terminal: Terminal, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    # A fresh folder, as the app really behaves: the ratings before and the session come
    # first, the first-run note after.
    terminal.start(folder, "breathe", "--minutes", "1", "--count", "4")
    terminal.wait_for("Before you start", "the ratings before the session")
    terminal.type("s")  # skipped: one key
    terminal.wait_for("Cycle 1 of 4", "the session to start (1 minute at 4 s: 4 rounds of 16 s)")
    terminal.wait_for("Cycle 2 of 4", "the second round", timeout=40)
    # 64 s in all; the rest of it, with room for a slow machine.
    terminal.wait_for("How are you now?", "the rating after the session", timeout=75)
    assert "Session complete ✓" in terminal.screen()
    terminal.type("3", "Enter")  # stress after; pain left blank
    terminal.wait_for("Skip for now", "the first-run note once the session is over")
    terminal.type("Escape")
    summary = terminal.wait_for(
        lambda text: "Skip for now" not in text and "Stress: not rated before, 3 after" in text,
        "the summary with the stress rating",
    )
    assert "4 rounds of the box at 4 seconds a side, 1 min 4 s." in summary
    assert "Today: 1 session, 1 min 4 s." in summary
    terminal.type("Enter")  # back to the start, where the history is kept
    setup = terminal.wait_for("Seconds per side", "the Breathe tab's start")
    assert "Today: 1 session, 1 min 4 s." in setup
    assert "Streak: 1 day in a row" in setup
    terminal.quit()

    [session] = exported(folder)["breathing_sessions"]
    assert session["completed"] is True
    assert (session["cycles_completed"], session["planned_seconds"]) == (4, 64)
    assert session["elapsed_seconds"] == 64
    assert session["stress_after"] == 3
    assert session.get("pain_after") is None
    assert str(session["started_at"]).startswith(date.today().isoformat())


def test_review_twelve_weeks_on_screen_matches_review_json(
    terminal: Terminal, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    today = date.today()  # the installed app runs on the real clock
    diary_file = write_diary(tmp_path / "twelve-weeks.json", twelve_week_diary(today))
    imported = run_sciatica(folder, "import", str(diary_file))
    assert imported.returncode == 0, imported.stderr
    assert "84 added" in imported.stdout

    terminal.width, terminal.height = 120, 50  # room for the whole review after "r"
    terminal.start(folder)
    terminal.wait_for("Leg pain", "the Today tab")
    terminal.type("F6")
    last_day = f"to {today.day} {today:%b %Y}"
    status = terminal.wait_for("12 weeks: ", "the 12-week charts")
    assert last_day in status
    terminal.type("4")
    four_weeks = terminal.wait_for("4 weeks: ", "the 4-week range")
    assert last_day in four_weeks
    terminal.type("a")
    all_time = terminal.wait_for("All time: ", "every week")
    assert f"{last_day}, 84 days logged" in all_time
    terminal.type("1")
    terminal.wait_for("12 weeks: ", "back to 12 weeks")
    terminal.type("r")
    screen = terminal.wait_for(
        lambda text: "Weekly review" in text and "A guide to your own notes" in text,
        "the whole weekly review",
    )
    terminal.quit()

    result = run_sciatica(folder, "review", "--json")
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)
    assert review["as_of"] == today.isoformat()
    ids_by_title = signal_ids_by_title()
    shown_recovery = [ids_by_title[title] for title in RECOVERY_SHOWN.findall(screen)]
    shown_decline = [ids_by_title[title] for title in DECLINE_SHOWN.findall(screen)]
    assert shown_recovery == review["recovery"], screen
    assert shown_decline == review["decline"], screen
    # The diary was made to give both kinds, so the comparison above says something.
    assert review["recovery"] and review["decline"], review
    this_week, last_week = review["this_week"], review["last_week"]
    table_row = re.search(r"Leg pain \(0-10\)\s+(\d+\.\d)\s+(\d+\.\d)", screen)
    assert table_row is not None, screen
    assert float(table_row[1]) == pytest.approx(last_week["leg_pain_mean"], abs=0.05)
    assert float(table_row[2]) == pytest.approx(this_week["leg_pain_mean"], abs=0.05)
    days = f"{last_week['days_logged']} of 7\\s+{this_week['days_logged']} of 7"
    assert re.search(f"Days logged\\s+{days}", screen), screen


RECOVERY_SHOWN = re.compile(r"✓ Recovery sign: ([^.]+)\.")
DECLINE_SHOWN = re.compile(r"!{1,2} Sign to watch: ([^.]+)\.")


def signal_ids_by_title() -> dict[str, str]:
    """The review's words, as the person reads them, back to the ids of ``review --json``."""
    with (ROOT / "content" / "signals.toml").open("rb") as file:
        signals = tomllib.load(file)["signals"]
    return {words["title"]: signal_id for signal_id, words in signals.items()}


def test_clinic_visit_with_two_questions_exported_as_markdown(
    terminal: Terminal, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:  # past the first-run note
        store.save_profile(replace(store.profile(), welcomed=True))
    questions = ("Is it safe to keep walking every day?", "When can I go back to work?")

    terminal.width = 160  # the export's full path fits on one line
    terminal.start(folder)
    terminal.wait_for("Leg pain", "the Today tab")
    terminal.type("F5")
    terminal.wait_for("No visits yet", "the empty Clinic tab")
    terminal.type("C-n")
    terminal.wait_for("Prepare a new visit", "the new-visit dialog")
    terminal.type_text("in 2 weeks")
    terminal.wait_for("in 14 days", "the date read back")
    terminal.type("Tab")
    terminal.type_text("Dr Patel")
    terminal.type("Tab")
    terminal.type_text("Leg pain review")
    terminal.type("Enter")
    terminal.wait_for("The story is a draft", "the visit prepared")
    # The cursor starts in the drafted story; ctrl+down goes section by section (history,
    # scans, questions) and lands in the box for a new question.
    terminal.type("C-Down", "C-Down", "C-Down")
    terminal.wait_for("▼ 4. Your top questions (0 of 5)", "the questions section open")
    for number, question in enumerate(questions, start=1):
        terminal.type_text(question)
        terminal.type("Enter")
        terminal.wait_for(f"✓ Added as question {number}.", f"question {number} added")
    terminal.wait_for("(2 of 5)", "both questions counted")
    terminal.type("C-o")
    # The whole path, once the note in the corner no longer covers the end of the line.
    export_line = re.compile(r"Exported to (\S+\.md)")
    said = terminal.wait_for(lambda text: export_line.search(text) is not None, "the export")
    found = export_line.search(said)
    assert found is not None, said
    written = Path(found[1])
    # The tab writes where a person finds it: the documents folder (conftest's, here).
    assert written.parent == Path(os.environ["SCIATICA_TUI_DOCUMENTS"])
    terminal.quit()

    summary = written.read_text(encoding="utf-8")
    listed = summary.split("## 4. My questions", 1)[1].split("\n## ", 1)[0]
    assert f"1. {questions[0]}" in listed and f"2. {questions[1]}" in listed, summary
    assert "Dr Patel" in summary
    [visit] = exported(folder)["visits"]
    assert visit["questions"] == list(questions)
