"""``sciatica insights``: what went with bad days, in words and JSON, on an eight-week diary."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import DailyLog, Snapshot
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.cli import run

TODAY = date(2026, 11, 21)  # a Saturday
DAYS = 56


@pytest.fixture(autouse=True)
def _frozen_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Eight weeks in threes: a drive (leg 4), a flare-up eased with heat (7), a swim (3)."""
    logs, flare_ups = [], []
    for index in range(DAYS):
        day = TODAY - timedelta(days=DAYS - 1 - index)
        kind = index % 3
        if kind == 0:
            logs.append(DailyLog(day, 4, 2, tags=("driving",)))
        elif kind == 1:
            logs.append(DailyLog(day, 7, 2))
            flare_ups.append(FlareUp(datetime.combine(day, time(16)), 8, helped=("heat",)))
        else:
            logs.append(DailyLog(day, 3, 2, tags=("swim",)))
    own = [CustomTag("swim", "Swimming", TagKind.HELPED)]
    with DiaryStore.open(tmp_path) as store:
        store.import_snapshot(
            Snapshot(daily_logs=logs, flare_ups=flare_ups, custom_tags=own), overwrite=False
        )
    return tmp_path


def test_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, err = run(capsys, "--data-dir", folder, "insights", "--json")
    assert status == 0
    assert "not what caused what" in err  # beside the document, never in it
    document = json.loads(out)
    assert list(document) == [
        "weeks",
        "from",
        "to",
        "days_logged",
        "tags_compared",
        "min_days",
        "min_points",
        "insights",
    ]
    assert (document["weeks"], document["from"], document["to"]) == (12, "2026-08-31", "2026-11-21")
    assert document["days_logged"] == DAYS
    by_tag = {entry["tag"]: entry for entry in document["insights"]}
    assert [entry["tag"] for entry in document["insights"]] == ["driving", "heat", "swim"]
    # The day after a drive (7) against the day after any other day (3 or 4).
    assert by_tag["driving"] == {
        "tag": "driving",
        "label": "Driving",
        "days_with": 19,
        "days_without": 37,
        "same_day_difference": -1.05,
        "next_day_difference": 3.5,
        "next_day_days_with": 19,
        "next_day_days_without": 36,
    }
    # A day's flare-up gives the day its tags.
    assert (by_tag["heat"]["days_with"], by_tag["heat"]["same_day_difference"]) == (19, 3.49)
    assert by_tag["swim"]["label"] == "Swimming"


def test_words(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, _ = run(capsys, "--data-dir", folder, "insights")
    assert status == 0
    text = " ".join(out.split())  # the paragraphs are wrapped at 79 columns
    assert text.startswith(
        "What went with bad days: the last 12 weeks, 31 Aug 2026 to 21 Nov 2026, 56 days logged"
    )
    assert (
        "Driving went with leg pain 1.1 points lower the same day (19 days with, 37 without) "
        "and 3.5 points higher the next day (19 days with, 36 without)." in text
    )
    assert "Heat went with leg pain 3.5 points higher the same day" in text
    assert "not what caused what" in text
    assert "caused" not in text.replace("not what caused what", "")
    assert max(len(line) for line in out.splitlines()) <= 79


def test_weeks_narrows_the_range(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, _ = run(capsys, "--data-dir", folder, "insights", "--weeks", "4", "--json")
    document = json.loads(out)
    assert (status, document["from"], document["days_logged"]) == (0, "2026-10-26", 27)


def test_too_few_days_says_what_to_do(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with DiaryStore.open(tmp_path) as store:
        for back in range(5):
            store.save_daily_log(DailyLog(TODAY - timedelta(days=back), 5, 2, tags=("driving",)))
    status, out, _ = run(capsys, "--data-dir", tmp_path, "insights")
    text = " ".join(out.split())
    assert status == 0
    assert (
        "Nothing to compare yet: a tag needs at least 3 logged days with it and 3 without" in text
    )
    assert "sciatica log --tag driving" in text
    status, out, _ = run(capsys, "--data-dir", tmp_path / "none", "insights", "--json")
    assert (status, json.loads(out)["insights"]) == (0, [])


def test_a_bad_week_count_is_refused(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, _, err = run(capsys, "--data-dir", folder, "insights", "--weeks", "0")
    assert status == 2
    assert "between 1 and 2000 weeks" in err


def test_trends_charts_the_flare_ups(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, _ = run(capsys, "--data-dir", folder, "trends", "--weeks", "4")
    assert status == 0 and "Flare-ups per week" in out
