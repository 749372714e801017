"""A bad record in an import is refused by its place, and nothing in the diary changes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.export_samples import (
    FUTURE,
    HUGE,
    LONG,
    run,
    sample_document,
    write_json,
)


def folder_bytes(folder: Path) -> dict[str, bytes] | None:
    """Every file under ``folder`` with its bytes (None when the folder does not exist)."""
    if not folder.exists():
        return None
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- bad records: refused, named, nothing changed ----------------------------------------------

MISSING = object()
DUPLICATE = object()
NAN = float("nan")

# (list, index-or-None, field ("" = the whole entry, dots go into objects), value, expected)
BAD_RECORDS: list[tuple[str, str, str, Any, str]] = [
    # daily logs
    ("out-of-range", "daily_logs", "leg_pain", 11, "daily_logs[0].leg_pain: 11 is above 10"),
    ("wrong-type", "daily_logs", "back_pain", "five", "daily_logs[0].back_pain:"),
    ("missing", "daily_logs", "leg_pain", MISSING, "daily_logs[0].leg_pain: is missing"),
    ("unknown-field", "daily_logs", "colour", "red", "daily_logs[0].colour:"),
    ("future-date", "daily_logs", "date", FUTURE, "daily_logs[0].date:"),
    ("duplicate", "daily_logs", "date", DUPLICATE, "daily_logs[2].date:"),
    ("bad-enum", "daily_logs", "pain_reach", "knee", "daily_logs[0].pain_reach:"),
    ("nan", "daily_logs", "sleep_hours", NAN, "daily_logs[0].sleep_hours:"),
    ("huge", "daily_logs", "walking_minutes", HUGE, "daily_logs[0].walking_minutes:"),
    ("long-text", "daily_logs", "notes", LONG, "daily_logs[0].notes:"),
    ("not-a-dict", "daily_logs", "", "tired", "daily_logs[0]:"),
    # red-flag checks
    ("out-of-range", "red_flag_checks", "answers", {}, "red_flag_checks[0].answers:"),
    ("wrong-type", "red_flag_checks", "at", 12345, "red_flag_checks[0].at:"),
    ("missing", "red_flag_checks", "verdict", MISSING, "red_flag_checks[0].verdict:"),
    ("unknown-field", "red_flag_checks", "mood", 3, "red_flag_checks[0].mood:"),
    ("duplicate", "red_flag_checks", "at", DUPLICATE, "red_flag_checks[1].at:"),
    ("bad-enum", "red_flag_checks", "verdict", "fine", "red_flag_checks[0].verdict:"),
    ("nan", "red_flag_checks", "answers", {"bladder": NAN}, "red_flag_checks[0].answers:"),
    ("huge", "red_flag_checks", "at", HUGE, "red_flag_checks[0].at:"),
    ("long-text", "red_flag_checks", "answers", {LONG: True}, "red_flag_checks[0].answers:"),
    ("not-a-dict", "red_flag_checks", "", [], "red_flag_checks[0]:"),
    # breathing sessions
    ("out-of-range", "breathing_sessions", "inhale", 9, "breathing_sessions[0].inhale:"),
    ("wrong-type", "breathing_sessions", "completed", "yes", "breathing_sessions[0].completed:"),
    ("missing", "breathing_sessions", "planned_seconds", MISSING, "[0].planned_seconds:"),
    ("unknown-field", "breathing_sessions", "song", "calm", "breathing_sessions[0].song:"),
    ("duplicate", "breathing_sessions", "started_at", DUPLICATE, "sessions[1].started_at:"),
    ("nan", "breathing_sessions", "elapsed_seconds", NAN, "[0].elapsed_seconds:"),
    ("huge", "breathing_sessions", "cycles_completed", HUGE, "[0].cycles_completed:"),
    ("not-a-dict", "breathing_sessions", "", None, "breathing_sessions[0]:"),
    # rehab days
    ("future-date", "rehab_days", "date", FUTURE, "rehab_days[0].date:"),
    ("duplicate", "rehab_days", "date", DUPLICATE, "rehab_days[1].date:"),
    ("wrong-type", "rehab_days", "done", "a,b", "rehab_days[0].done:"),
    ("missing", "rehab_days", "done", MISSING, "rehab_days[0].done: is missing"),
    ("unknown-field", "rehab_days", "extra", True, "rehab_days[0].extra:"),
    ("bad-enum", "rehab_days", "done", ["Not An Id"], "rehab_days[0].done:"),
    ("nan", "rehab_days", "date", NAN, "rehab_days[0].date:"),
    ("huge", "rehab_days", "date", HUGE, "rehab_days[0].date:"),
    ("long-text", "rehab_days", "done", [LONG], "rehab_days[0].done:"),
    ("not-a-dict", "rehab_days", "", 5, "rehab_days[0]:"),
    ("too-many-rounds", "rehab_days", "done", ["bridges"] * 7, "rehab_days[0].done:"),
    # the person's plan, and the doses in it
    ("wrong-type", "rehab_plan", "hidden", "yes", "rehab_plan[0].hidden:"),
    (
        "reps-and-hold",
        "rehab_plan",
        "dose",
        {"reps": 10, "hold_seconds": 30, "times_per_day": 1},
        "rehab_plan[0].dose: reps: and a hold time are both given",
    ),
    (
        "out-of-range",
        "rehab_plan",
        "dose",
        {"sets": 11, "times_per_day": 1},
        "rehab_plan[0].dose: sets: 11 is above 10",
    ),
    ("missing", "rehab_plan", "dose", {"sets": 2}, "rehab_plan[0].dose: times_per_day: is missing"),
    (
        "too-often",
        "rehab_plan",
        "dose",
        {"times_per_day": 7},
        "rehab_plan[0].dose: times_per_day: 7 is above 6",
    ),
    (
        "unknown-field",
        "rehab_plan",
        "dose",
        {"minutes": 5, "times_per_day": 1},
        "rehab_plan[0].dose: minutes:",
    ),
    ("not-a-dict", "rehab_plan", "dose", [2, 10], "rehab_plan[0].dose:"),
    # custom exercises
    ("out-of-range", "custom_exercises", "phase", 4, "custom_exercises[0].phase: 4 is above 3"),
    ("wrong-type", "custom_exercises", "title", 5, "custom_exercises[0].title:"),
    ("missing", "custom_exercises", "title", MISSING, "custom_exercises[0].title: is missing"),
    ("unknown-field", "custom_exercises", "reps", 10, "custom_exercises[0].reps:"),
    ("duplicate", "custom_exercises", "id", DUPLICATE, "custom_exercises[1].id:"),
    ("bad-enum", "custom_exercises", "id", "Has Spaces", "custom_exercises[0].id:"),
    ("nan", "custom_exercises", "phase", NAN, "custom_exercises[0].phase:"),
    ("huge", "custom_exercises", "phase", HUGE, "custom_exercises[0].phase:"),
    ("long-text", "custom_exercises", "how", LONG, "custom_exercises[0].how:"),
    ("not-a-dict", "custom_exercises", "", True, "custom_exercises[0]:"),
    # visits
    ("out-of-range", "visits", "questions", ["q"] * 6, "visits[0].questions:"),
    ("wrong-type", "visits", "questions", "why?", "visits[0].questions:"),
    ("missing", "visits", "id", MISSING, "visits[0].id: is missing"),
    ("unknown-field", "visits", "price", 40, "visits[0].price:"),
    ("bad-date", "visits", "date", "03/11/2025", "visits[0].date:"),
    ("duplicate", "visits", "id", DUPLICATE, "visits[1].id:"),
    ("bad-enum", "visits", "imaging", [{"kind": "PET"}], "visits[0].imaging:"),
    ("nan", "visits", "date", NAN, "visits[0].date:"),
    ("huge", "visits", "date", HUGE, "visits[0].date:"),
    ("long-text", "visits", "reason", LONG, "visits[0].reason:"),
    ("not-a-dict", "visits", "", "visit", "visits[0]:"),
    ("own-medicines", "visits", "medicines", [{"name": "Ibuprofen"}], "visits[0].medicines:"),
    # medicines, and their doses on a day
    ("missing", "medicines", "name", MISSING, "medicines[0].name: is missing"),
    ("bad-enum", "medicines", "kind", "painkiller", "medicines[0].kind:"),
    ("duplicate", "medicines", "id", DUPLICATE, "medicines[2].id:"),
    ("long-text", "medicines", "side_effects", LONG, "medicines[0].side_effects:"),
    ("not-a-dict", "medicines", "", "ibuprofen", "medicines[0]:"),
    ("out-of-range", "daily_logs", "medicine_doses", {"paracetamol": 51}, ": paracetamol: 51 is"),
    ("bad-enum", "daily_logs", "medicine_doses", {"Not An Id": 1}, "[0].medicine_doses: 'Not"),
    ("wrong-type", "daily_logs", "medicine_doses", [2], "daily_logs[0].medicine_doses: [2] is"),
    # profile (not a list: no index)
    ("future-date", "profile", "onset_date", FUTURE, "profile.onset_date:"),
    ("wrong-type", "profile", "welcomed", "yes", "profile.welcomed:"),
    ("unknown-field", "profile", "name", "Sam", "profile.name:"),
    ("bad-enum", "profile", "settings.theme", "Bad Theme!", "profile.settings:"),
    ("out-of-range", "profile", "settings.breathing_count", 9, "profile.settings:"),
    ("nan", "profile", "settings.breathing_minutes", NAN, "profile.settings:"),
    ("huge", "profile", "settings.rehab_phase", HUGE, "profile.settings:"),
    ("long-text", "profile", "settings.theme", LONG, "profile.settings:"),
    ("not-a-dict", "profile", "", "me", "profile:"),
]


def spoil(document: dict[str, Any], where: str, field: str, value: Any) -> None:
    """Put ``value`` at ``field`` of the first entry of ``where`` (or of the profile)."""
    if where == "profile":
        if not field:
            document["profile"] = value
            return
        entry = document["profile"]
    else:
        entries = document[where]
        if value is DUPLICATE:
            entries.append(copy.deepcopy(entries[0]))
            return
        if not field:
            entries[0] = value
            return
        entry = entries[0]
    *parents, name = field.split(".")
    for parent in parents:
        entry = entry[parent]
    if value is MISSING:
        del entry[name]
    else:
        entry[name] = value


@pytest.mark.parametrize("diary", ["existing", "absent"])
@pytest.mark.parametrize(
    ("where", "field", "value", "expected"),
    [pytest.param(*case[1:], id=f"{case[1]}-{case[0]}") for case in BAD_RECORDS],
)
def test_a_bad_record_is_refused_by_place_and_nothing_changes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    diary: str,
    where: str,
    field: str,
    value: Any,
    expected: str,
) -> None:
    folder = tmp_path / "diary"
    if diary == "existing":
        run(
            capsys,
            "--data-dir",
            folder,
            "import",
            write_json(tmp_path / "ok.json", sample_document()),
        )
    before = folder_bytes(folder)

    document = sample_document()
    spoil(document, where, field, value)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")  # NaN is written as NaN
    status, out, err = run(capsys, "--data-dir", folder, "import", bad)

    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith("Import refused: 1 problem; nothing was changed.")
    assert any(expected in line for line in lines[1:]), err
    assert "Traceback" not in err
    assert folder_bytes(folder) == before
