"""``sciatica trends``, ``sciatica review`` and ``sciatica export --format csv``."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain import content
from sciatica_tui.domain.records import (
    DAILY_LOG_FIELDS,
    DailyLog,
    Profile,
    Reach,
    RedFlagCheck,
    Side,
    Snapshot,
    Verdict,
    Weakness,
)
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.cli import run

TODAY = date.today()  # the command line uses the real date ...


class _Today(date):
    @classmethod
    def today(cls) -> date:
        return TODAY


@pytest.fixture(autouse=True)
def _same_day_throughout(monkeypatch: pytest.MonkeyPatch) -> None:
    """... held to the day these tests were collected, so a run across midnight still
    compares like with like (a CI run that crossed midnight failed here)."""
    monkeypatch.setattr("sciatica_tui.cli.base.today", _Today.today)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A diary with five weeks of logs, some fields missing, and an urgent check today."""
    logs = []
    for back in range(35):
        day = TODAY - timedelta(days=back)
        if back % 5 == 4:
            continue  # a gap
        logs.append(
            DailyLog(
                day,
                leg_pain=3 if back < 7 else 6,
                back_pain=2,
                pain_reach=Reach.BUTTOCK if back < 7 else Reach.BELOW_KNEE,
                pain_side=Side.LEFT,
                numbness=None if back % 2 else 2,
                weakness=Weakness.MILD if back == 10 else None,
                walking_minutes=30,
                sleep_hours=6.5 if back % 3 else None,
                notes='Walked to the shop, "slowly",\nthen rested.' if back == 1 else None,
                tags=("driving", "heat") if back == 2 else (),
                medicine_doses={"ibuprofen": 2, "gabapentin": 1} if back == 2 else {},
            )
        )
    check = RedFlagCheck(
        datetime.combine(TODAY, datetime.min.time()), {"bladder_bowel": False}, Verdict.URGENT
    )
    path = tmp_path / "diary"
    with DiaryStore.open(path) as store:
        store.import_snapshot(
            Snapshot(
                profile=Profile(onset_date=TODAY - timedelta(weeks=9), welcomed=True),
                daily_logs=logs,
                red_flag_checks=[check],
            ),
            overwrite=False,
        )
    return path


REVIEW_KEYS = [
    "as_of",
    "weeks_since_onset",
    "stage",
    "phase",
    "phase_counted_from",
    "this_week",
    "last_week",
    "recovery",
    "decline",
    "enough_data",
]
WEEK_TYPES: dict[str, Any] = {
    "days_logged": int,
    "leg_pain_mean": (float, type(None)),
    "numbness_mean": (float, type(None)),
    "walking_minutes_mean": (float, type(None)),
    "pain_med_doses_mean": (float, type(None)),
    "sleep_hours_mean": (float, type(None)),
    "sleep_quality_mean": (float, type(None)),
    "mood_mean": (float, type(None)),
    "pain_reach_median": (float, type(None)),
    "numbness_reach_median": (float, type(None)),
    "weakness_days": int,
    "marked_weakness_days": int,
}


def check_shape(document: dict[str, Any]) -> None:
    assert list(document) == REVIEW_KEYS
    date.fromisoformat(document["as_of"])
    assert isinstance(document["weeks_since_onset"], int | None)
    assert document["stage"] is None or set(document["stage"]) == {"number", "weeks", "name"}
    assert document["phase"] in (None, 1, 2, 3)
    for week in ("this_week", "last_week"):
        assert list(document[week]) == list(WEEK_TYPES)
        for key, kind in WEEK_TYPES.items():
            assert isinstance(document[week][key], kind), key
    assert set(document["recovery"]) <= set(content.SIGNAL_IDS)
    assert set(document["decline"]) <= set(content.SIGNAL_IDS)
    assert isinstance(document["enough_data"], bool)


def test_review_json_has_the_designed_shape(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    status, out, err = run(capsys, "--data-dir", folder, "review", "--json")
    assert status == 0
    document = json.loads(out)
    check_shape(document)
    assert document["as_of"] == TODAY.isoformat()
    assert document["weeks_since_onset"] == 9 and document["phase"] == 2
    assert document["enough_data"] is True
    assert document["recovery"] == ["centralizing", "pain_easing"]
    assert document["decline"] == ["red_flag"]
    assert document["this_week"]["leg_pain_mean"] == 3.0
    # The disclaimer goes with every review, beside the JSON.
    assert content.signals().disclaimer_short in err


def test_review_as_of_a_past_day_and_in_words(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    status, out, _ = run(capsys, "--data-dir", folder, "review", "--as-of", "14 days ago", "--json")
    assert status == 0
    document = json.loads(out)
    check_shape(document)
    assert document["as_of"] == (TODAY - timedelta(days=14)).isoformat()
    assert document["recovery"] == [] and document["decline"] == []
    status, text, _ = run(capsys, "--data-dir", folder, "review")
    assert status == 0
    words = content.signals()
    assert words.signals["red_flag"].title in text and "Run the red-flag check now" in text
    assert words.disclaimer_short in text


def test_review_refuses_a_bad_date(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, err = run(capsys, "--data-dir", folder, "review", "--as-of", "next year")
    assert status == 2 and out == "" and "--as-of" in err


def test_review_of_an_empty_diary_says_what_to_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "--data-dir", tmp_path / "none", "review", "--json")
    assert status == 0
    document = json.loads(out)
    check_shape(document)
    assert document["enough_data"] is False and document["this_week"]["days_logged"] == 0
    _, text, _ = run(capsys, "--data-dir", tmp_path / "none", "review")
    assert content.signals().not_enough_data in text


def test_trends_prints_charts_and_the_weekly_table_as_plain_text(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    status, out, _ = run(capsys, "--data-dir", folder, "trends", "--weeks", "4")
    assert status == 0
    assert "\x1b[" not in out  # not a terminal: no colour codes
    assert "Leg and back pain (0-10)" in out and "┤" in out  # a drawn chart
    assert "Below knee" in out  # reach axis labelled with levels
    assert "Week by week" in out
    rows = [line for line in out.splitlines() if line[:2].strip().isdigit() and "/7" in line]
    assert len(rows) == 4  # one row per Monday-start week
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert rows[-1].startswith(f"{monday.day} {monday:%b %Y}")


def test_trends_rejects_a_bad_week_count(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, _, err = run(capsys, "--data-dir", folder, "trends", "--weeks", "0")
    assert status == 2 and "weeks" in err


def test_trends_of_an_empty_diary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "--data-dir", tmp_path / "none", "trends")
    assert status == 0 and "Nothing logged yet" in out


def test_csv_export_round_trips_to_the_stored_values(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "logs.csv"
    status, out, _ = run(
        capsys, "--data-dir", folder, "export", "--format", "csv", "--out", out_file
    )
    assert status == 0 and "csv" in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    with out_file.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == DAILY_LOG_FIELDS
        rows = list(reader)
    with DiaryStore.open(folder, read_only=True) as store:
        stored = store.daily_logs()
    assert len(rows) == len(stored)
    for row, log in zip(rows, stored, strict=True):
        record = log.to_record()
        expected = {
            name: "" if name not in record else str(record[name]) for name in DAILY_LOG_FIELDS
        }
        doses = record.get("medicine_doses", {})
        assert row == {
            **expected,
            "tags": ";".join(record.get("tags", [])),
            "medicine_doses": ";".join(f"{key}={count}" for key, count in doses.items()),
        }
    assert any(row["notes"].startswith('Walked to the shop, "slowly",\n') for row in rows)
    assert any(row["numbness"] == "" for row in rows)  # missing stays empty, not 0
    assert any(row["tags"] == "driving;heat" for row in rows)  # one cell, as a sheet splits
    assert any(row["medicine_doses"] == "ibuprofen=2;gabapentin=1" for row in rows)
    # The same text goes to the screen without --out.
    status, screen, _ = run(capsys, "--data-dir", folder, "export", "--format", "csv")
    assert status == 0 and screen == out_file.read_bytes().decode("utf-8")
    assert list(csv.reader(io.StringIO(screen)))[0] == list(DAILY_LOG_FIELDS)


NOTE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)


@given(note=NOTE_TEXT | st.sampled_from(["=1+1", "@SUM(A1)", "-2", "a\rb", "\r", '"x"\r\n']))
def test_csv_keeps_every_note_on_its_row_and_no_formula_runs(note: str) -> None:
    from sciatica_tui.cli.export import FORMULA_STARTS, export_csv

    logs = [DailyLog(date(2026, 11, day), leg_pain=3, back_pain=2, notes=note) for day in (1, 2)]
    text = export_csv(Snapshot(daily_logs=logs), date(2026, 11, 21))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 2
    written = rows[0]["notes"]
    assert written == ("'" + note if note.startswith(FORMULA_STARTS) else note)
    assert not written.startswith(FORMULA_STARTS)
