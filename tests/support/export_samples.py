"""The sample export, the command runner and the other helpers the export tests share."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain.record_kinds import RECORD_KINDS
from sciatica_tui.domain.records import Snapshot
from sciatica_tui.store.export_format import FORMAT_VERSION

# The command line checks dates against the real today, so the tests do too.
TODAY = date.today()
# Well ahead: a run that crosses midnight must still see it as the future.
FUTURE = (TODAY + timedelta(days=30)).isoformat()


def sample_document() -> dict[str, Any]:
    """A valid export holding one or two records of every kind, every field filled in."""
    return {
        "format": "sciatica-tui",
        "version": FORMAT_VERSION,
        "profile": {
            "onset_date": "2025-09-01",
            "welcomed": True,
            "report_name": "Sam Taylor",
            "settings": {
                "theme": "nord",
                "reduced_motion": True,
                "rehab_phase": 2,
                "breathing_count": 5,
                "breathing_minutes": 4,
                "emergency_number": "999",
                "urgent_number": "111",
            },
        },
        "daily_logs": [
            {
                "date": "2025-11-03",
                "leg_pain": 6,
                "back_pain": 3,
                "pain_reach": "below_knee",
                "pain_side": "left",
                "numbness": 2,
                "numbness_reach": "foot",
                "weakness": "mild",
                "walking_minutes": 20,
                "sitting_minutes": 90,
                "sleep_hours": 6.5,
                "sleep_quality": 3,
                "mood": 3,
                "pain_med_doses": 2,
                "notes": "Walked to the shop. Ça va — 😊",
                "tags": ["driving", "garden", "heat"],
                "medicine_doses": {"paracetamol": 2, "gabapentin": 1},
            },
            {"date": "2025-11-04", "leg_pain": 5, "back_pain": 2},
        ],
        "red_flag_checks": [
            {
                "at": "2025-11-03T09:30:00",
                "answers": {"bladder": False, "saddle_numbness": False},
                "verdict": "clear",
            }
        ],
        "breathing_sessions": [
            {
                "started_at": "2025-11-03T21:00:00",
                "inhale": 4,
                "hold_in": 4,
                "exhale": 4,
                "hold_out": 4,
                "planned_seconds": 180,
                "elapsed_seconds": 180.0,
                "cycles_completed": 11,
                "completed": True,
                "stress_before": 7,
                "stress_after": 4,
            }
        ],
        # An id ticked twice: an exercise done twice that day.
        "rehab_days": [{"date": "2025-11-03", "done": ["pelvic_tilt", "walk_10", "pelvic_tilt"]}],
        "custom_exercises": [
            {
                "id": "towel_stretch",
                "phase": "all",
                "title": "Towel hamstring stretch",
                "how": "Lie on your back and loop a towel round one foot.",
            }
        ],
        "rehab_plan": [
            {"id": "bridges", "hidden": False, "dose": {"sets": 3, "reps": 12, "times_per_day": 2}},
            {"id": "heat", "hidden": False},
            {"id": "ice", "hidden": True},
            {
                "id": "towel_stretch",
                "hidden": False,
                "dose": {"hold_seconds": 30, "times_per_day": 1},
            },
        ],
        "visits": [
            {
                "id": "v2025-11-10",
                "date": "2025-11-10",
                "clinician": "Physiotherapist",
                "reason": "Review after six weeks",
                "story": "Better most days.",
                "history": "",
                "imaging": [
                    {
                        "kind": "MRI",
                        "date": "2025-10",
                        "where": "",
                        "have_copy": True,
                        "findings": "L5/S1 disc bulge touching the S1 root",
                    }
                ],
                "questions": ["When can I drive again?"],
                "goals": ["Walk 30 minutes"],
                "before_you_leave": ["next_appointment"],
                "notes_after": "",
            }
        ],
        "check_ins": [
            {
                "date": "2025-11-03",
                "activities": [
                    {"name": "sit through a film", "score": 3},
                    {"name": "put on socks", "score": 4},
                    {"name": "walk the dog 🐕", "score": 2},
                ],
                "global_change": 0,
            },
            {
                "date": "2025-11-10",
                "activities": [{"name": "put on socks", "score": 7}],
                "global_change": 2,
            },
        ],
        "custom_tags": [{"id": "garden", "label": "Gardening 🌱", "kind": "set_off"}],
        "flare_ups": [
            {
                "at": "2025-11-03T03:10:00",
                "pain": 8,
                "reach": "foot",
                "triggers": ["bad_night"],
                "helped": ["heat", "garden"],
                "minutes": 40,
                "notes": "Woke with it. Ça passe.",
            },
            {"at": "2025-11-03T18:00:00", "pain": 6},
        ],
        "medicines": [
            # In id order, as the diary keeps them.
            {"id": "gabapentin", "name": "Gabapentin", "dose": "300 mg", "kind": "nerve_pain"},
            {
                "id": "paracetamol",
                "name": "Paracetamol",
                "dose": "1 g",
                "kind": "pain_relief",
                "how_often": "up to 4 times a day",
                "since": "October",
                "helps": "a little",
            },
        ],
    }


# How many records the sample holds, all kinds together.
SAMPLE_RECORDS = sum(len(v) for v in sample_document().values() if isinstance(v, list))


def run(capsys: pytest.CaptureFixture[str], *argv: Any) -> tuple[int, str, str]:
    """Run the command in-process; return its status, stdout and stderr."""
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def by_key(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot's records keyed the way the store keys them (order-free comparison)."""
    out: dict[str, Any] = {"profile": snapshot.profile}
    for kind in RECORD_KINDS:
        records = getattr(snapshot, kind.name)
        out[kind.name] = {kind.key(record): record for record in records}
        assert len(out[kind.name]) == len(records)
    return out


HUGE = 10**100
LONG = "x" * 3000
