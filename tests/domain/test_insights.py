"""What went with bad days: the rule at its thresholds, flare-up tags, words and JSON."""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from sciatica_tui.domain.content_loader import ContentError, default_content_dir
from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.insight_words import (
    insight_sentence,
    insight_words,
    insights_as_text,
    load_insight_words,
    quiet_line,
)
from sciatica_tui.domain.insights import Insights, insights
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tags import CustomTag, TagKind

TODAY = date(2026, 12, 3)
# A day: leg pain and the tags its log holds; None is a day not logged.
Day = tuple[int, tuple[str, ...]] | None
D: tuple[str, ...] = ("driving",)
NONE: tuple[str, ...] = ()


def diary(days: list[Day], *, step: int = 1) -> list[DailyLog]:
    """Logs for ``days``, the last one today, ``step`` days apart (2: no day has a logged
    next day)."""
    logs = []
    for back, day in enumerate(reversed(days)):
        if day is not None:
            leg, tags = day
            logs.append(DailyLog(TODAY - timedelta(days=back * step), leg, 2, tags=tags))
    return sorted(logs, key=lambda log: log.date)


def found(
    logs: list[DailyLog], flare_ups: tuple[FlareUp, ...] = (), custom: tuple[CustomTag, ...] = ()
) -> Insights:
    return insights(logs, flare_ups, tag_list(custom), first=None, last=TODAY)


# --- how many days with and without --------------------------------------------------------

# No day here has its next day logged (two days apart): only the same day counts.
THRESHOLD_DAYS = [
    pytest.param([(6, D)] * 2 + [(3, NONE)] * 6, 0, id="2 days with: not compared"),
    pytest.param([(6, D)] * 3 + [(3, NONE)] * 6, 1, id="3 days with: compared"),
    pytest.param([(6, D)] * 6 + [(3, NONE)] * 2, 0, id="2 days without: not compared"),
    pytest.param([(6, D)] * 6 + [(3, NONE)] * 3, 1, id="3 days without: compared"),
]


@pytest.mark.parametrize(("days", "compared"), THRESHOLD_DAYS)
def test_a_tag_needs_three_days_with_and_three_without(days: list[Day], compared: int) -> None:
    result = found(diary(days, step=2))
    assert result.tags_compared == compared
    assert len(result.listed) == compared
    if compared:
        (insight,) = result.listed
        assert insight.same_day.points == 3
        assert insight.next_day is None


# --- how big a difference ------------------------------------------------------------------

THRESHOLD_POINTS = [
    # Ten days with, ten without; means 4.9 and 4.0.
    pytest.param([(5, D)] * 9 + [(4, D)] + [(4, NONE)] * 10, "0.9", False, id="0.9 up: not listed"),
    pytest.param([(5, D)] * 10 + [(4, NONE)] * 10, "1", True, id="1.0 up: listed"),
    pytest.param([(3, D)] * 9 + [(4, D)] + [(4, NONE)] * 10, "-0.9", False, id="0.9 down"),
    pytest.param([(3, D)] * 10 + [(4, NONE)] * 10, "-1", True, id="1.0 down: listed"),
    # Thirds: 13/3 - 10/3 is exactly 1 (in floats it need not be).
    pytest.param([(4, D), (4, D), (5, D), (3, NONE), (3, NONE), (4, NONE)], "1", True, id="1/3s"),
]


@pytest.mark.parametrize(("days", "points", "listed"), THRESHOLD_POINTS)
def test_only_a_difference_of_a_point_or_more_is_listed(
    days: list[Day], points: str, listed: bool
) -> None:
    result = found(diary(days, step=2))
    assert result.tags_compared == 1
    assert bool(result.listed) is listed
    if listed:
        assert result.listed[0].same_day.points == Fraction(points)
        assert quiet_line(result, insight_words()) is None
    else:
        said = quiet_line(result, insight_words())
        assert said is not None and "1 tag compared" in said


# --- the next day ---------------------------------------------------------------------------

# Blocks of three days: driving (leg 4), the next day (6), another day (3). The same day
# differs by half a point; the day after driving is 2.6 points worse.
BLOCK: list[Day] = [(4, D), (6, NONE), (3, NONE)]


def test_the_next_day_alone_can_list_a_tag() -> None:
    (insight,) = found(diary(BLOCK * 3)).listed
    assert insight.same_day.points == Fraction(-1, 2)
    assert not insight.same_day.notable
    assert insight.next_day is not None
    # After driving: 6, 6, 6. After the other days: 3, 4, 3, 4, 3 (today's next day is not
    # logged yet).
    assert (insight.next_day.days_with, insight.next_day.days_without) == (3, 5)
    assert insight.next_day.points == Fraction(6) - Fraction(17, 5)
    assert insight_sentence(insight, insight_words()) == (
        "Driving went with leg pain 2.6 points higher the next day (3 days with, 5 without)."
    )


NEXT_DAY_MISSING = [
    # The day after the last drive is not logged: two next days with, too few.
    pytest.param(BLOCK * 2 + [(4, D), None, (3, NONE)], None, id="2 next days: left out"),
    # One more drive, with its next day: three again.
    pytest.param(BLOCK * 3 + [(4, D), None, (3, NONE)], (3, 6), id="a missing one skipped"),
]


@pytest.mark.parametrize(("days", "counts"), NEXT_DAY_MISSING)
def test_a_day_whose_next_day_is_not_logged_is_left_out_of_the_next_day(
    days: list[Day], counts: tuple[int, int] | None
) -> None:
    result = found(diary(days))
    assert result.tags_compared == 1
    if counts is None:
        assert not result.listed  # the same day differs by less than a point
        return
    (insight,) = result.listed
    assert insight.next_day is not None
    assert (insight.next_day.days_with, insight.next_day.days_without) == counts
    assert insight.days_with == 4


def test_both_days_in_one_sentence() -> None:
    days: list[Day] = [(7, D), (8, NONE), (3, NONE)] * 4
    (insight,) = found(diary(days)).listed
    assert insight_sentence(insight, insight_words()) == (
        "Driving went with leg pain 1.5 points higher the same day (4 days with, 8 without) "
        "and 3.3 points higher the next day (4 days with, 7 without)."
    )


# --- which days hold a tag, and its words --------------------------------------------------


def flare(day: date, triggers: tuple[str, ...] = (), helped: tuple[str, ...] = ()) -> FlareUp:
    return FlareUp(datetime.combine(day, time(15)), 7, triggers=triggers, helped=helped)


def test_a_flare_up_gives_its_day_its_tags() -> None:
    logs = diary([(7, NONE)] * 3 + [(3, NONE)] * 3, step=2)
    flares = tuple(flare(log.date, triggers=("lifting",), helped=("ice",)) for log in logs[:3])
    # A flare-up on a day with no log has no leg pain to compare: it is not counted.
    flares += (flare(logs[0].date - timedelta(days=1), triggers=("lifting",)),)
    result = found(logs, flares)
    assert [(i.tag, i.days_with, i.days_without) for i in result.listed] == [
        ("ice", 3, 3),
        ("lifting", 3, 3),
    ]
    assert [i.label for i in result.listed] == ["Ice", "Lifting"]


def test_own_and_removed_tags_are_named_from_the_tag_list() -> None:
    days: list[Day] = (
        [(8, ("gardening", "long_flight"))] * 3 + [(2, ("gardening",))] + [(2, NONE)] * 3
    )
    own = (CustomTag("gardening", "My garden", TagKind.SET_OFF),)
    result = found(diary(days, step=2), custom=own)
    labels = {i.tag: i.label for i in result.listed}
    # "long_flight" was removed from the person's tags: its id in words.
    assert labels == {"long_flight": "Long flight", "gardening": "My garden"}
    assert result.listed[0].tag == "long_flight"  # 6 points, the largest first


def test_only_the_range_counts() -> None:
    logs = diary([(9, D)] * 3 + [(1, NONE)] * 3 + [(5, D)] * 3 + [(5, NONE)] * 3, step=2)
    whole = insights(logs, (), tag_list(), first=None, last=TODAY)
    assert whole.first_day == logs[0].date and whole.days_logged == 12
    recent = insights(logs, (), tag_list(), first=logs[6].date, last=TODAY)
    assert (recent.days_logged, recent.tags_compared, recent.listed) == (6, 1, ())
    older = insights(logs, (), tag_list(), first=None, last=logs[5].date)
    assert older.listed[0].same_day.points == 8


def test_too_few_days_says_so_and_what_to_do() -> None:
    words = insight_words()
    nothing = found(diary([(5, NONE)] * 4))
    assert insights_as_text(nothing, words) == [quiet_line(nothing, words)]
    assert "at least 3 logged days with it and 3 without" in words.too_few.format(min_days=3)
    assert "caused" not in words.about.replace("not what caused", "")


def test_the_json_form() -> None:
    result = found(diary(BLOCK * 3))
    document = result.to_dict()
    assert document["from"] == (TODAY - timedelta(days=8)).isoformat()
    assert document["to"] == TODAY.isoformat()
    (entry,) = document["insights"]
    assert {k: entry[k] for k in list(entry)[:5]} == {
        "tag": "driving",
        "label": "Driving",
        "days_with": 3,
        "days_without": 6,
        "same_day_difference": -0.5,
    }
    assert entry["next_day_difference"] == 2.6
    assert (entry["next_day_days_with"], entry["next_day_days_without"]) == (3, 5)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("({days_with} days with", "({days} days with", "same_day: must hold"),
        ('lower = "lower"', 'lower = "{lower"', "lower: not a sentence"),
        ('and = "and"', 'und = "and"', "and: missing"),
    ],
)
def test_a_broken_words_file_names_the_key(tmp_path: Path, old: str, new: str, where: str) -> None:
    folder = tmp_path / "content"
    shutil.copytree(default_content_dir(), folder)
    path = folder / "insights.toml"
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ContentError, match=f"insights.toml: {where}"):
        load_insight_words(folder)
