"""``sciatica progress``: a generated 12-week diary, in JSON and in words."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from sciatica_tui.domain.records import (
    ActivityScore,
    CheckIn,
    DailyLog,
    Profile,
    Reach,
    Snapshot,
    Weakness,
)
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.cli import run

TODAY = date(2026, 11, 21)
ONSET = TODAY - timedelta(weeks=12)


@pytest.fixture(autouse=True)
def _frozen_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)


def twelve_week_diary() -> list[DailyLog]:
    """Twelve weeks from the onset: leg pain 7 to 3, the pain moving up from the foot to the
    buttock, walking and sitting longer, fewer doses, sleep a little longer; a day missed now
    and then, and optional fields sometimes left out."""
    logs = []
    total = (TODAY - ONSET).days
    for n in range(total + 1):
        if n % 7 == 3:
            continue
        worse = 1 - n / total
        wobble = (n * 5) % 3 - 1
        logs.append(
            DailyLog(
                ONSET + timedelta(days=n),
                leg_pain=round(3 + 4 * worse) + wobble,
                back_pain=round(2 + 2 * worse),
                pain_reach=list(Reach)[round(2 + 3 * worse)],
                numbness=round(1 + 3 * worse),
                weakness=Weakness.NONE,
                walking_minutes=round(45 - 35 * worse),
                sitting_minutes=round(50 - 30 * worse) if n % 4 else None,
                sleep_hours=7 - worse,
                sleep_quality=3,
                mood=3 + (n % 2),
                pain_med_doses=round(1 + 3 * worse),
            )
        )
    return logs


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with DiaryStore.open(tmp_path) as store:
        store.import_snapshot(
            Snapshot(profile=Profile(onset_date=ONSET), daily_logs=twelve_week_diary()),
            overwrite=False,
        )
    return tmp_path


def test_json_on_a_twelve_week_diary(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, err = run(capsys, "--data-dir", folder, "progress", "--json")
    assert status == 0 and "not a diagnosis" in err
    document = json.loads(out)
    assert document["as_of"] == "2026-11-21"
    assert document["weeks_since_onset"] == 12
    assert document["stage"]["number"] >= 1 and document["phase"] == 3
    assert document["headline"] == "better" and document["trend"] == "improving"
    since = document["since_start"]["measures"]
    assert since["leg_pain"]["direction"] == "better" and since["leg_pain"]["noticeable"]
    assert since["leg_pain"]["unit"] == "points" and since["leg_pain"]["percent"] < -30
    assert (since["pain_reach"]["from"], since["pain_reach"]["to"]) == (5, 2)
    assert since["walking_minutes"]["change"] > 0 and since["walking_minutes"]["unit"] == "min"
    assert since["pain_med_doses"]["unit"] == "doses a day"
    four = document["last_four_weeks"]
    assert four["enough_data"] and four["now"]["first_day"] == "2026-10-25"
    assert four["verdict"] == "better"


def test_words_on_a_twelve_week_diary(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, _ = run(capsys, "--data-dir", folder, "progress")
    assert status == 0
    assert "Better than at the start" in out
    assert "the pain now reaches the buttock; at the start it reached the foot" in out
    assert "Still improving" in out
    assert "min at a time" in out and "points" in out and "doses fewer a day" in out
    assert "not a diagnosis" in out


def test_as_of_an_early_day_has_not_enough_data(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    as_of = (ONSET + timedelta(days=8)).isoformat()
    status, out, _ = run(capsys, "--data-dir", folder, "progress", "--as-of", as_of, "--json")
    assert status == 0
    document = json.loads(out)
    assert document["headline"] == "not_enough_data" and document["weeks_since_onset"] == 1
    assert document["trend"] == "not_enough_data"


def test_a_bad_date_is_refused(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, err = run(capsys, "--data-dir", folder, "progress", "--as-of", "someday")
    assert status == 2 and out == "" and "--as-of" in err


def test_an_empty_diary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "--data-dir", tmp_path / "none", "progress")
    assert status == 0 and "nothing is logged yet" in out


def test_the_weekly_check_in_in_json_and_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    check_ins = [
        CheckIn(TODAY - timedelta(weeks=5), 0, (ActivityScore("Put on socks", 3),)),
        CheckIn(
            TODAY - timedelta(days=2),
            1,
            (ActivityScore("put on socks", 6), ActivityScore("Walk the dog", 5)),
        ),
    ]
    with DiaryStore.open(tmp_path) as store:
        store.import_snapshot(
            Snapshot(profile=Profile(onset_date=ONSET), check_ins=check_ins), overwrite=False
        )
    status, out, _ = run(capsys, "--data-dir", tmp_path, "progress", "--json")
    assert status == 0
    found = json.loads(out)["check_in"]
    assert (found["first"], found["latest"], found["count"]) == ("2026-10-17", "2026-11-19", 2)
    assert found["mean"] == {
        "from": 3.0, "to": 6.0, "change": 3.0, "unit": "points", "noticeable": True
    }  # fmt: skip
    assert [(a["name"], a["from"], a["to"], a["noticeable"]) for a in found["activities"]] == [
        ("put on socks", 3, 6, True),
        ("Walk the dog", None, 5, False),
    ]
    assert found["global_change"] == {"value": 1, "words": "A little better"}
    status, out, _ = run(capsys, "--data-dir", tmp_path, "progress")
    assert status == 0
    assert (
        "Weekly check-in: mean score 3.0 → 6.0 of 10 (+3.0 points, a change people usually "
        "notice). Since the start, you said: a little better." in out
    )
    assert "put on socks   3 →  6 of 10  +3 points" in out


def test_no_check_in_is_null(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, _ = run(capsys, "--data-dir", folder, "progress", "--json")
    assert status == 0 and json.loads(out)["check_in"] is None
