"""The weekly check-in chart: means of the activities, the global answer, the change marked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sciatica_tui.domain.records import ActivityScore, CheckIn, DailyLog
from sciatica_tui.domain.trends.charts import chart_specs
from sciatica_tui.domain.trends.series import trend_data
from tests.support.trends import THIS_MONDAY, TODAY, chart

NAMES = ("sit through a film", "put on socks", "walk the dog")


def check_in(weeks_ago: int, *scores: int, change: int = 0) -> CheckIn:
    activities = tuple(ActivityScore(n, s) for n, s in zip(NAMES, scores, strict=False))
    return CheckIn(THIS_MONDAY - timedelta(weeks=weeks_ago), change, activities)


def specs(check_ins: list[CheckIn], weeks: int | None = 12) -> dict[str, object]:
    data = trend_data([DailyLog(TODAY, 5, 3)], [], [], TODAY, check_ins)
    return {spec.id: spec for spec in chart_specs(data, weeks)}


def test_no_check_in_chart_before_the_first_check_in() -> None:
    assert "check_ins" not in specs([])


def test_the_chart_shows_each_mean_and_the_global_answer_on_the_right() -> None:
    data = trend_data([], [], [], TODAY, [check_in(3, 2, 3, 4), check_in(0, 5, 6, 7, change=2)])
    spec = chart(chart_specs(data, 12), "check_ins")
    means = next(s for s in spec.series if s.kind == "scatter" and s.yside == "left")
    assert list(means.ys) == [3.0, 6.0]
    assert list(means.xs) == [
        float((c.date - (THIS_MONDAY - timedelta(weeks=11))).days) for c in data.check_ins
    ]
    answers = next(s for s in spec.series if s.yside == "right")
    assert list(answers.ys) == [0.0, 2.0]
    assert spec.y_right is not None and spec.y_right.labels == ("worse", "same", "better")
    assert (spec.y.low, spec.y.high) == (0, 10)


@pytest.mark.parametrize(
    ("first", "latest", "said"),
    [
        (
            (2, 3, 4),
            (4, 5, 6),
            "mean up 2 points since your first check-in, a change people usually notice",
        ),
        (
            (2, 3, 4),
            (3, 4, 5),
            "mean up 1 point since your first check-in, smaller than people usually notice",
        ),
        (
            (2, 3, 4),
            (5, 3, 4),
            "mean up 1 point since your first check-in, smaller than people usually notice; "
            "1 activity changed by 3 points or more",
        ),
        (
            (6, 6, 6),
            (4, 4, 4),
            "mean down 2 points since your first check-in, a change people usually notice",
        ),
    ],
)
def test_the_title_says_the_change_in_words(
    first: tuple[int, ...], latest: tuple[int, ...], said: str
) -> None:
    spec = chart(
        chart_specs(
            trend_data([], [], [], TODAY, [check_in(4, *first), check_in(0, *latest)]), None
        ),
        "check_ins",
    )
    assert spec.title.endswith(said)


def test_the_noticeable_line_sits_two_points_above_the_first_mean_and_is_named() -> None:
    spec = specs([check_in(5, 2, 3, 4), check_in(1, 4, 4, 4)])["check_ins"]
    marked = next(s for s in spec.series if s.label and "people usually notice" in s.label)  # type: ignore[attr-defined]
    assert list(marked.ys) == [5.0, 5.0]
    assert marked.label == "First check-in +2, a change people usually notice"
    assert marked.marker != next(s for s in spec.series if s.label == "Activities, mean").marker  # type: ignore[attr-defined]


def test_one_check_in_says_so_and_old_ones_outside_the_range_leave_it_empty() -> None:
    one = chart(chart_specs(trend_data([], [], [], TODAY, [check_in(0, 5)]), 4), "check_ins")
    assert one.title.endswith("one check-in so far")
    old = chart(
        chart_specs(
            trend_data([DailyLog(TODAY, 5, 3)], [], [], TODAY, [check_in(20, 5), check_in(10, 6)]),
            4,
        ),
        "check_ins",
    )
    assert not old.has_data and old.title.endswith("none in these weeks")
