"""Adherence where the diary is read back: the weekly review's line when this week's share of
the plan fell below half of last week's, and the visit summary's words and weeks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sciatica_tui.domain import content
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import DiaryExcerpt, Profile, RehabDay, Settings
from sciatica_tui.domain.rehab_review import (
    ReviewAdherence,
    adherence_drop_words,
    exercises_line,
    plan_in_force,
    review_adherence,
    visit_weeks,
    week_grid_rows,
    weeks_before_line,
)
from sciatica_tui.domain.review import weekly_review
from sciatica_tui.domain.review_words import in_words, review_as_text
from sciatica_tui.domain.visit.rehab_lines import rehab_items, rehab_section

SATURDAY = date(2026, 11, 21)
# Phase 2 chosen, every built-in but two hidden: a plan of exactly two exercises.
PHASE_2 = [item.id for item in content.rehab().phases[1].items]
KEPT = PHASE_2[:2]
PLAN = [PlanItem(item_id, hidden=True) for item_id in PHASE_2[2:]]
PROFILE = Profile(onset_date=date(2026, 6, 1), settings=Settings(rehab_phase=2))


def diary(this_week_ticks: int, last_week_ticks: int) -> DiaryExcerpt:
    """Each day of the review's two windows with some of the two exercises ticked, spread so
    each window's share is ``ticks`` out of 14 (7 days × 2 exercises)."""
    days = []
    for back in range(14):
        day = SATURDAY - timedelta(days=back)
        ticks = this_week_ticks if back < 7 else last_week_ticks
        slot = back % 7
        done = tuple(KEPT[: max(0, min(2, ticks - 2 * slot))])
        if done:
            days.append(RehabDay(day, done))
    days.sort(key=lambda d: d.date)
    return DiaryExcerpt(PROFILE, rehab_days=days, rehab_plan=PLAN)


def test_the_plan_in_force_is_the_chosen_phase_less_what_is_hidden() -> None:
    assert [e.id for e in plan_in_force(diary(0, 0), SATURDAY)] == KEPT


@pytest.mark.parametrize(
    ("this_week", "last_week", "said"),
    [
        (4, 10, True),  # 29% against 71%: below half
        (5, 10, False),  # exactly half is not below it
        (6, 10, False),
        (0, 2, False),  # last week was too little to compare (14%)
        (0, 3, True),  # 0% against 21%
        (0, 0, False),
    ],
)
def test_the_review_says_so_below_half_of_last_week(
    this_week: int, last_week: int, said: bool
) -> None:
    excerpt = diary(this_week, last_week)
    adherence = review_adherence(excerpt, SATURDAY)
    assert adherence == ReviewAdherence(
        pytest.approx(this_week / 14), pytest.approx(last_week / 14)
    )
    review = weekly_review([], [], SATURDAY, rehab=adherence)
    told = in_words(review, content.signals())
    titles = [signal.title for signal in told.decline]
    assert ("Fewer exercises this week" in titles) is said
    assert review.decline == ()  # not a sign of the nerve's: the JSON ids stay as designed


def test_the_review_line_names_both_weeks() -> None:
    words = adherence_drop_words(ReviewAdherence(0.25, 0.8))
    assert words is not None
    assert words.text == "You did 25% of your exercise plan this week, against 80% the week before."
    text = review_as_text(
        weekly_review([], [], SATURDAY, rehab=ReviewAdherence(0.25, 0.8)), content.signals()
    )
    assert "Fewer exercises this week. You did 25% of your exercise plan" in text
    assert adherence_drop_words(None) is None


def test_no_plan_no_line() -> None:
    empty = DiaryExcerpt(
        PROFILE, rehab_plan=[PlanItem(i, hidden=True) for i in PHASE_2], rehab_days=[]
    )
    assert review_adherence(empty, SATURDAY) is None
    assert visit_weeks(empty, SATURDAY) == ()
    assert rehab_section(empty, SATURDAY) is None


def test_the_visit_says_this_week_and_the_four_weeks() -> None:
    excerpt = diary(7, 14)  # Mon–Sat: the whole plan 3 days, half of it 1 day
    weeks = visit_weeks(excerpt, SATURDAY)
    assert len(weeks) == 4
    assert exercises_line(weeks) == "Exercises: 4 of 6 days this week, 58% of the plan"
    rows = week_grid_rows(weeks)
    assert rows[0].startswith("Week of M T W T F S S")
    assert rows[-1].startswith("16 Nov  ")
    assert "4 of 6" in rows[-1] and "58%" in rows[-1]
    assert weeks_before_line(weeks).startswith("The 3 weeks before, from 26 Oct: 0 of 7 days (0%)")
    section = rehab_section(excerpt, SATURDAY)
    assert section is not None
    assert section.startswith("## Rehab exercises: my plan, the last 4 weeks")
    assert "- Exercises: 4 of 6 days this week, 58% of the plan." in section
    assert "● all of the plan, ◐ some of it, · nothing ticked." in section
    assert rehab_items(excerpt, SATURDAY)[0] == "Exercises: 4 of 6 days this week, 58% of the plan."


def test_nothing_ticked_in_four_weeks_leaves_the_part_out() -> None:
    assert rehab_section(diary(0, 0), SATURDAY) is None
    assert rehab_items(diary(0, 0), SATURDAY) == []
