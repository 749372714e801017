"""The progress report: the headline at each boundary, too few days, and the JSON shape."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from sciatica_tui.domain.progress.measures import ProgressSources
from sciatica_tui.domain.progress.report import ProgressReport, Verdict, progress_report
from sciatica_tui.domain.progress.slope import Trend
from sciatica_tui.domain.records import DailyLog, Reach, Weakness

AS_OF = date(2026, 11, 21)
ONSET = date(2026, 8, 29)  # 12 weeks before AS_OF
LEVELS = list(Reach)


def log(day: date, values: dict[str, Any]) -> DailyLog:
    fields: dict[str, Any] = {"leg_pain": 5, "back_pain": 3, **values}
    if "pain_reach" in fields:
        fields["pain_reach"] = LEVELS[fields["pain_reach"]]
    if "weakness" in fields:
        fields["weakness"] = Weakness(fields["weakness"])
    return DailyLog(day, **fields)


def report(
    start: list[dict[str, Any]], now: list[dict[str, Any]], onset: date | None = ONSET
) -> ProgressReport:
    """Logs on the first days after the onset (``start``) and on the last days up to
    ``AS_OF`` (``now``), nothing between."""
    logs = [log(ONSET + timedelta(days=n), values) for n, values in enumerate(start)]
    logs += [log(AS_OF - timedelta(days=n), values) for n, values in enumerate(now)]
    return progress_report(ProgressSources(sorted(logs, key=lambda x: x.date)), AS_OF, onset=onset)


def week(**values: Any) -> list[dict[str, Any]]:
    return [dict(values) for _ in range(7)]


@pytest.mark.parametrize(
    ("start", "now", "headline"),
    [
        (week(leg_pain=7), week(leg_pain=5), Verdict.BETTER),  # at 2 points
        (week(leg_pain=7), [{"leg_pain": 5}] * 4 + [{"leg_pain": 6}] * 3, Verdict.SAME),
        (week(leg_pain=5), week(leg_pain=7), Verdict.WORSE),
        (week(leg_pain=4), [{"leg_pain": 3}] * 3 + [{"leg_pain": 2}] * 4, Verdict.BETTER),  # 35%
        (week(pain_reach=5), week(pain_reach=4), Verdict.BETTER),  # reach alone, one level
        (week(pain_reach=5), week(pain_reach=5), Verdict.SAME),
        (week(pain_reach=2), week(pain_reach=3), Verdict.WORSE),
        # Leg pain easing, but the pain reaching further down: worse.
        (week(leg_pain=7, pain_reach=3), week(leg_pain=4, pain_reach=4), Verdict.WORSE),
        # Leg pain easing, but weakness on one more day a week: not "better".
        (
            week(leg_pain=7, weakness="none"),
            [{"leg_pain": 4, "weakness": "mild"}] + week(leg_pain=4, weakness="none")[1:],
            Verdict.SAME,
        ),
        (
            week(leg_pain=7, weakness="none"),
            week(leg_pain=4, weakness="none"),
            Verdict.BETTER,
        ),
        # Other measures never decide the headline.
        (week(walking_minutes=10), week(walking_minutes=60), Verdict.SAME),
        (week(mood=4), week(mood=1), Verdict.SAME),
    ],
)
def test_headline(
    start: list[dict[str, Any]], now: list[dict[str, Any]], headline: Verdict
) -> None:
    assert report(start, now).headline is headline


@pytest.mark.parametrize(("start_days", "now_days"), [(2, 7), (7, 2), (0, 7), (3, 3)])
def test_fewer_than_three_logged_days_is_not_enough(start_days: int, now_days: int) -> None:
    found = report(week(leg_pain=8)[:start_days], week(leg_pain=2)[:now_days])
    enough = start_days >= 3 and now_days >= 3
    assert (found.headline is not Verdict.NOT_ENOUGH_DATA) is enough
    assert found.since_start.enough_data is enough


def test_a_measure_on_too_few_days_is_left_out_and_named() -> None:
    now = week(leg_pain=3)
    now[0]["sleep_hours"] = now[1]["sleep_hours"] = 8.0
    found = report(week(leg_pain=6, sleep_hours=6.0), now)
    assert found.since_start.change("sleep_hours") is None
    assert [spec.id for spec in found.since_start.too_few] == ["sleep_hours"]


def test_a_young_diary_is_not_compared_with_itself() -> None:
    found = report([], week(leg_pain=4), onset=None)
    assert found.headline is Verdict.NOT_ENOUGH_DATA
    assert found.since_start.before is None


def twelve_weeks() -> list[DailyLog]:
    """A slow recovery from the onset to AS_OF: leg pain 7 to 3, pain moving up from the foot
    to the buttock, walking longer, fewer doses; a day missed every sixth day."""
    logs = []
    total = (AS_OF - ONSET).days
    for n in range(total + 1):
        if n % 6 == 5:
            continue
        worse = 1 - n / total
        logs.append(
            DailyLog(
                ONSET + timedelta(days=n),
                leg_pain=round(3 + 4 * worse) + (n % 3 - 1),
                back_pain=3,
                pain_reach=LEVELS[round(2 + 3 * worse)],
                walking_minutes=round(40 - 30 * worse),
                pain_med_doses=round(1 + 3 * worse),
            )
        )
    return logs


def test_a_slow_recovery_over_twelve_weeks() -> None:
    found = progress_report(ProgressSources(twelve_weeks()), AS_OF, onset=ONSET)
    assert found.headline is Verdict.BETTER
    assert found.trend.trend is Trend.IMPROVING
    leg = found.since_start.change("leg_pain")
    assert leg is not None and leg.noticeable and leg.before > 6 and leg.after < 4
    reach = found.since_start.change("pain_reach")
    assert reach is not None and (reach.before, reach.after) == (5, 2)


def test_json_shape() -> None:
    found = progress_report(ProgressSources(twelve_weeks()), AS_OF, onset=ONSET).to_dict()
    json.dumps(found)  # plain JSON
    assert set(found) == {
        "as_of",
        "weeks_since_onset",
        "stage",
        "phase",
        "phase_counted_from",
        "headline",
        "trend",
        "since_start",
        "last_four_weeks",
        "check_in",
    }
    assert found["check_in"] is None  # no check-in in this diary
    assert found["as_of"] == "2026-11-21" and found["weeks_since_onset"] == 12
    assert found["headline"] == "better" and found["trend"] == "improving"
    since = found["since_start"]
    # The first seven logged days: 29 Aug to 5 Sep, 3 Sep not logged.
    assert since["before"] == {
        "first_day": "2026-08-29",
        "last_day": "2026-09-05",
        "days_logged": 7,
    }
    assert since["now"]["last_day"] == "2026-11-21"
    for window in (since, found["last_four_weeks"]):
        for measure in window["measures"].values():
            assert set(measure) == {
                "from",
                "to",
                "change",
                "unit",
                "percent",
                "noticeable",
                "direction",
            }
            assert measure["direction"] in ("better", "worse", "same")
    walking = since["measures"]["walking_minutes"]
    assert walking["unit"] == "min" and walking["direction"] == "better"
    assert since["measures"]["pain_reach"]["unit"] == "levels"
    assert since["measures"]["pain_reach"]["percent"] is None


def test_records_after_the_day_are_ignored() -> None:
    logs = twelve_weeks() + [DailyLog(AS_OF + timedelta(days=n), 10, 10) for n in range(1, 8)]
    assert progress_report(ProgressSources(logs), AS_OF, onset=ONSET).headline is Verdict.BETTER
