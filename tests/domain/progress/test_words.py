"""The progress report in words: units on every change, better or worse said in words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sciatica_tui.domain.progress.measures import ProgressSources
from sciatica_tui.domain.progress.report import progress_report
from sciatica_tui.domain.progress.slope import Trend, TrendReading
from sciatica_tui.domain.progress.words import (
    headline_words,
    progress_as_text,
    reach_sentence,
    rows,
    trend_words,
)
from sciatica_tui.domain.records import DailyLog, Reach, Weakness

AS_OF = date(2026, 11, 21)
ONSET = date(2026, 10, 1)


def logs(start: dict[str, object], now: dict[str, object]) -> list[DailyLog]:
    made = [
        DailyLog(ONSET + timedelta(days=n), **{"leg_pain": 5, "back_pain": 3, **start})  # type: ignore[arg-type]
        for n in range(7)
    ]
    made += [
        DailyLog(AS_OF - timedelta(days=6 - n), **{"leg_pain": 5, "back_pain": 3, **now})  # type: ignore[arg-type]
        for n in range(7)
    ]
    return made


@pytest.mark.parametrize(
    ("now", "before", "said"),
    [
        (
            Reach.BUTTOCK,
            Reach.FOOT,
            "the pain now reaches the buttock; at the start it reached the foot",
        ),
        (
            Reach.NONE,
            Reach.THIGH,
            "there is no pain down the leg now; at the start it reached the thigh",
        ),
        (
            Reach.BELOW_KNEE,
            Reach.BELOW_KNEE,
            "the pain still reaches below the knee, as at the start",
        ),
    ],
)
def test_reach_in_words(now: Reach, before: Reach, said: str) -> None:
    assert reach_sentence(now, before) == said


def test_the_headline_names_leg_pain_and_reach_with_units() -> None:
    report = progress_report(
        ProgressSources(
            logs(
                {"leg_pain": 7, "pain_reach": Reach.FOOT},
                {"leg_pain": 3, "pain_reach": Reach.BUTTOCK},
            )
        ),
        AS_OF,
        onset=ONSET,
    )
    assert headline_words(report) == (
        "Better than at the start: leg pain −4.0 points (7.0 → 3.0), better; "
        "the pain now reaches the buttock; at the start it reached the foot."
    )


def test_rows_carry_units_and_say_better_or_worse_in_words() -> None:
    report = progress_report(
        ProgressSources(
            logs(
                {"walking_minutes": 10, "pain_med_doses": 4, "sleep_hours": 6.0, "mood": 3},
                {"walking_minutes": 16, "pain_med_doses": 3, "sleep_hours": 6.5, "mood": 3},
            )
        ),
        AS_OF,
        onset=ONSET,
    )
    found = {row.label: row for row in rows(report.since_start)}
    assert found["Walking"].change == "+6 min at a time" and found["Walking"].meaning == "better"
    assert found["Walking"].from_to == "10 → 16 min"
    doses = found["Pain-relief doses"]
    assert doses.change == "1 dose fewer a day" and doses.meaning == "better"
    assert found["Sleep"].change == "+0.5 hours a night"
    assert found["Sleep"].meaning == "a bit better"
    assert found["Mood (1-5)"].change == "no change" and found["Mood (1-5)"].meaning == ""
    assert found["Leg pain (0-10)"].meaning == ""  # 5 → 5


def test_weakness_is_left_out_when_never_felt_and_cautioned_when_more_frequent() -> None:
    never = progress_report(
        ProgressSources(logs({"weakness": Weakness.NONE}, {"weakness": Weakness.NONE})),
        AS_OF,
        onset=ONSET,
    )
    assert "Days with weakness" not in {row.label for row in rows(never.since_start)}
    weaker = progress_report(
        ProgressSources(logs({"weakness": Weakness.NONE}, {"weakness": Weakness.MILD})),
        AS_OF,
        onset=ONSET,
    )
    text = progress_as_text(weaker)
    assert "7 days more a week" in text and "Run the red-flag check" in text


@pytest.mark.parametrize(
    ("reading", "starts"),
    [
        (
            TrendReading(Trend.IMPROVING, -0.5, 20, 3.0),
            "Still improving: leg pain easing by about 0.5 points a week",
        ),
        (
            TrendReading(Trend.WORSENING, 0.3, 20, 3.0),
            "Getting worse: leg pain rising by about 0.3 points a week",
        ),
        (
            TrendReading(Trend.LEVELLED_OFF, 0.0, 20, 2.0),
            "Levelled off: leg pain has held about steady",
        ),
        (TrendReading(Trend.NOT_ENOUGH_DATA, None, 4, None), "Too few days logged"),
        # Enough days, but within two weeks: it said "too few: 14 so far; it takes 10".
        (
            TrendReading(Trend.NOT_ENOUGH_DATA, None, 14, None),
            "Too soon to say whether leg pain is still changing: the 14 days logged in the "
            "last four weeks all fall within two weeks",
        ),
    ],
)
def test_the_trend_in_words(reading: TrendReading, starts: str) -> None:
    assert trend_words(reading).startswith(starts)
