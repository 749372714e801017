"""The weekly check-in in the progress report: none, one and two check-ins, in words and in
JSON, with the change people usually notice (2 points on the mean, 3 on one activity)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.progress.measures import ProgressSources
from sciatica_tui.domain.progress.report import ProgressReport, progress_report
from sciatica_tui.domain.progress.words import check_in_sentence, progress_as_text
from sciatica_tui.domain.records import ActivityScore, CheckIn

AS_OF = date(2026, 11, 21)
FIRST = AS_OF - timedelta(weeks=4)
LATEST = AS_OF - timedelta(days=1)


def check_in(day: date, answer: int, **scores: int) -> CheckIn:
    named = tuple(ActivityScore(name.replace("_", " "), score) for name, score in scores.items())
    return CheckIn(day, answer, named)


def report(*check_ins: CheckIn) -> ProgressReport:
    return progress_report(ProgressSources(check_ins=check_ins), AS_OF)


def sentence(*check_ins: CheckIn) -> str | None:
    return check_in_sentence(report(*check_ins), check_in_words())


def as_json(*check_ins: CheckIn) -> Any:
    return report(*check_ins).to_dict()["check_in"]


def test_no_check_in_says_nothing() -> None:
    assert sentence() is None and as_json() is None
    assert "check-in" not in progress_as_text(report())


def test_a_check_in_after_the_as_of_day_is_left_out() -> None:
    assert as_json(check_in(AS_OF + timedelta(days=1), 1, socks=5)) is None


def test_one_check_in_says_where_it_starts() -> None:
    only = check_in(FIRST, 1, socks=3, dog=4)
    assert sentence(only) == (
        "Weekly check-in: one so far, on 24 Oct, mean score 3.5 of 10. "
        "Since the start, you said: a little better. The change shows from the next one."
    )
    assert as_json(only) == {
        "count": 1,
        "first": "2026-10-24",
        "latest": "2026-10-24",
        "mean": {"from": 3.5, "to": 3.5, "change": None, "unit": "points", "noticeable": False},
        "activities": [
            {"name": "socks", "from": 3, "to": 3, "change": None, "unit": "points",
             "noticeable": False},
            {"name": "dog", "from": 4, "to": 4, "change": None, "unit": "points",
             "noticeable": False},
        ],
        "noticeable": False,
        "global_change": {"value": 1, "words": "A little better"},
    }  # fmt: skip


@pytest.mark.parametrize(
    ("first", "latest", "mean_said", "mean_noticeable", "noticeable"),
    [
        # 2 points on the mean: noticeable (the threshold itself).
        ({"a": 3, "b": 4}, {"a": 5, "b": 6}, "3.5 → 5.5 of 10 (+2.0 points, a change", True, True),
        # 1.5 on the mean, 1 and 2 on each: neither.
        ({"a": 3, "b": 4}, {"a": 4, "b": 6}, "3.5 → 5.0 of 10 (+1.5 points, smaller", False, False),
        # 1.5 on the mean, but 3 points on one activity: that one is named.
        ({"a": 3, "b": 4}, {"a": 6, "b": 4}, "3.5 → 5.0 of 10 (+1.5 points, smaller", False, True),
        # Worse by 2 on the mean.
        ({"a": 6, "b": 6}, {"a": 4, "b": 4}, "6.0 → 4.0 of 10 (−2.0 points, a change", True, True),
        ({"a": 5}, {"a": 5}, "5.0 → 5.0 of 10 (no change). Since", False, False),
    ],
)
def test_two_check_ins(
    first: dict[str, int],
    latest: dict[str, int],
    mean_said: str,
    mean_noticeable: bool,
    noticeable: bool,
) -> None:
    pair = (check_in(FIRST, 0, **first), check_in(LATEST, 2, **latest))
    said = sentence(*pair)
    assert said is not None and said.startswith(f"Weekly check-in: mean score {mean_said}")
    assert said.endswith("Since the start, you said: better.") == (
        mean_noticeable or not noticeable
    )
    found = as_json(*pair)
    assert (found["first"], found["latest"], found["count"]) == ("2026-10-24", "2026-11-20", 2)
    assert found["mean"]["noticeable"] is mean_noticeable
    assert found["noticeable"] is noticeable
    assert found["global_change"] == {"value": 2, "words": "Better"}
    for activity in found["activities"]:
        name = activity["name"]
        assert (activity["from"], activity["to"]) == (first[name], latest[name])
        assert activity["change"] == latest[name] - first[name]
        assert activity["noticeable"] is (abs(activity["change"]) >= 3)


def test_one_activity_moving_three_points_is_named_when_the_mean_is_not_noticeable() -> None:
    said = sentence(check_in(FIRST, 0, socks=3, dog=4), check_in(LATEST, 0, socks=6, dog=4))
    assert said is not None
    assert said.endswith(
        "Since the start, you said: about the same. “socks”: +3 points, "
        "a change people usually notice."
    )


def test_an_activity_named_since_the_first_has_no_change() -> None:
    pair = (check_in(FIRST, 0, socks=3), check_in(LATEST, -1, socks=4, film=2))
    found = as_json(*pair)
    assert found["activities"][1] == {
        "name": "film", "from": None, "to": 2, "change": None, "unit": "points",
        "noticeable": False,
    }  # fmt: skip
    text = progress_as_text(report(*pair))
    assert "  film         2 of 10  not scored at the first check-in" in text
    assert "  socks   3 →  4 of 10  +1 point, smaller than people usually notice" in text
    assert "Since the start, you said: a little worse." in text


def test_no_activity_in_both_has_no_mean() -> None:
    pair = (check_in(FIRST, 0, socks=3), check_in(LATEST, 0, film=5))
    assert as_json(*pair)["mean"] is None
    said = sentence(*pair)
    assert said is not None and "no activity was scored both" in said


def test_activity_names_are_kept_as_typed() -> None:
    # The person's text: never read as markup or escapes here (the outputs make it inert).
    name = "[b]walk[/b] \\ 'dog'"
    pair = (
        CheckIn(FIRST, 0, (ActivityScore(name, 2),)),
        CheckIn(LATEST, 0, (ActivityScore(name.upper(), 6),)),
    )
    assert as_json(*pair)["activities"][0]["name"] == name.upper()
    assert name.upper() in progress_as_text(report(*pair))
