"""The visit summary's count of flare-ups: how many in the last four weeks, the worst, what
most often set them off and helped, and how many in the four weeks before."""

from __future__ import annotations

from datetime import date, datetime

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.domain.visit.flare_up_lines import (
    diary_flare_up_line,
    flare_up_line,
    flare_up_markdown,
    most_often,
)
from tests.support.full_visit import FLARE_UP_LINE, FLARE_UPS, FULL_DIARY
from tests.support.visit_diary import FIXTURE_DIARY, TODAY

TAGS = tag_list()


def flare(day: date, pain: int, *triggers: str, helped: tuple[str, ...] = ()) -> FlareUp:
    return FlareUp(datetime.combine(day, datetime.min.time()), pain, None, triggers, helped)


def test_the_count_the_worst_what_set_them_off_and_helped_and_the_weeks_before() -> None:
    assert flare_up_line(FLARE_UPS, tag_list(FULL_DIARY.custom_tags), TODAY) == FLARE_UP_LINE
    assert diary_flare_up_line(FULL_DIARY, TODAY) == FLARE_UP_LINE


def test_the_four_weeks_end_on_the_day_and_count_28_days() -> None:
    first, before = date(2026, 10, 25), date(2026, 10, 24)  # TODAY is Sat 21 Nov 2026
    later = date(2026, 11, 22)  # after the visit's "as of" day: not counted
    line = flare_up_line([flare(first, 4), flare(before, 6), flare(later, 10)], TAGS, TODAY)
    assert line == "Flare-ups: 1 in the last 4 weeks (worst 4/10); 1 in the 4 weeks before."


def test_a_tag_given_once_is_not_most_often_and_ties_are_named_together() -> None:
    once = [flare(TODAY, 5, "driving"), flare(TODAY, 6, "lifting")]
    assert flare_up_line(once, TAGS, TODAY) == "Flare-ups: 2 in the last 4 weeks (worst 6/10)."
    tied = [*once, flare(TODAY, 3, "driving", "lifting"), flare(TODAY, 2, "stress")]
    assert most_often((f.triggers for f in tied), TAGS) == "driving or lifting"
    # A tag given twice on one flare-up counts once.
    assert most_often([("stress", "stress")], TAGS) is None


def test_none_now_says_so_only_when_there_were_some_before() -> None:
    earlier = [flare(date(2026, 10, 1), 7)]
    assert flare_up_line(earlier, TAGS, TODAY) == (
        "Flare-ups: none logged in the last 4 weeks; 1 in the 4 weeks before."
    )
    # None logged at all: the report says nothing, rather than "none" (never used).
    assert flare_up_line([], TAGS, TODAY) is None
    assert diary_flare_up_line(FIXTURE_DIARY, TODAY) is None
    assert flare_up_markdown(FIXTURE_DIARY, TODAY) == ""


def test_the_persons_own_tag_is_named_with_its_words_and_escaped_in_markdown() -> None:
    own = CustomTag("long_calls", "*Long* calls", TagKind.SET_OFF)
    day = [flare(TODAY, 5, "long_calls"), flare(TODAY, 5, "long_calls", "bad_night")]
    line = flare_up_line(day, tag_list([own]), TODAY)
    assert line is not None and "most often after *Long* calls" in line
    assert "after a bad night" not in line  # given once
    assert most_often([("bad_night",), ("bad_night",)], TAGS) == "a bad night"
    assert most_often([("old_tag",), ("old_tag",)], TAGS) == "old tag"  # gone from the list
    diary_markdown = flare_up_markdown(type(FULL_DIARY)(flare_ups=day, custom_tags=(own,)), TODAY)
    assert diary_markdown.startswith("\n\n**Flare-ups:** 2 in the last 4 weeks")
    assert "\\*Long\\* calls" in diary_markdown
