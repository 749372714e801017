"""The symptom story drafted from the diary, worked out by hand in tests/support/visit_diary."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sciatica_tui.domain.records import DiaryExcerpt, Profile, Reach, RedFlagCheck, Verdict
from sciatica_tui.domain.visit.story import draft_story, reach_change, story_out_of_date
from tests.support.visit_diary import (
    EXPECTED_STORY,
    ONSET,
    TODAY,
    B,
    F,
    T,
    fixture_draft,
    log,
)


def test_draft_story_matches_the_hand_worked_fixture() -> None:
    assert fixture_draft() == EXPECTED_STORY


def test_draft_story_for_an_empty_diary_says_what_is_missing() -> None:
    story = draft_story(DiaryExcerpt(), TODAY)
    assert story.splitlines()[0] == "- Started: date not set in the diary."
    assert "Timeline" not in story
    assert "(25 Oct to 21 Nov 2026): 0 of 28." in story
    assert "  - 15–21 Nov 2026: not logged" in story
    assert "- How far down the pain reaches: not logged in this period." in story
    assert "- Red-flag checks: none done in this period." in story
    assert "- Breathing exercises: none in this period." in story
    assert "- Rehab exercises: none ticked in this period." in story


def test_draft_story_mentions_surgery() -> None:
    profile = Profile(onset_date=ONSET, surgery_date=date(2026, 10, 1))
    story = draft_story(DiaryExcerpt(profile), TODAY)
    assert "- Surgery: Thu 1 Oct 2026 (7 weeks since surgery)." in story  # 51 days
    assert "· Rehab phase 2, counted from surgery." in story


@pytest.mark.parametrize(
    ("now", "before", "said"),
    [
        (B, F, "It has moved up, closer to the back."),
        (F, B, "It has moved further down the leg."),
        (T, T, "No change."),
    ],
)
def test_reach_change_in_words(now: Reach, before: Reach, said: str) -> None:
    logs = [
        log(date(2026, 10, 23), 5, 5, pain_reach=before),
        log(date(2026, 11, 19), 5, 5, pain_reach=now),
    ]
    change = reach_change(logs, TODAY)
    assert change.now == (now, date(2026, 11, 19))
    assert change.before == (before, date(2026, 10, 23))
    assert said in draft_story(DiaryExcerpt(daily_logs=logs), TODAY)


def test_reach_four_weeks_ago_looks_only_at_that_week() -> None:
    # 17 Oct is more than a week before "four weeks ago" (24 Oct): not used.
    logs = [log(date(2026, 10, 17), 5, 5, pain_reach=F), log(TODAY, 5, 5, pain_reach=T)]
    story = draft_story(DiaryExcerpt(daily_logs=logs), TODAY)
    assert "thigh now (21 Nov 2026); not logged four weeks ago." in story


def test_emergency_checks_are_named_with_their_dates_and_signs() -> None:
    checks = [
        RedFlagCheck(datetime(2026, 11, 20, 7, 0), {"bladder_bowel": True}, Verdict.EMERGENCY),
        RedFlagCheck(
            datetime(2026, 11, 21, 7, 0),
            {"bladder": False, "bowel": True, "both_legs": True},
            Verdict.EMERGENCY,
        ),
    ]
    story = draft_story(DiaryExcerpt(red_flag_checks=checks), TODAY)
    assert (
        "- Red-flag checks: 2 checks (2 emergency); not clear on 20 Nov 2026 (emergency, yes to "
        "bladder or bowel change), 21 Nov 2026 (emergency, yes to bowel trouble, pain or numbness "
        "in both legs)."
    ) in story


def test_a_story_is_out_of_date_when_its_days_logged_are_not_the_diarys() -> None:
    draft = fixture_draft()
    line = next(line for line in draft.splitlines() if line.startswith("- Days logged"))
    older = draft.replace(line, "- Days logged in the last four weeks (1 to 28 Oct): 3 of 28.")
    assert story_out_of_date(older, draft) == (
        "- Days logged in the last four weeks (1 to 28 Oct): 3 of 28.",
        line,
    )
    assert story_out_of_date(draft, draft) is None
    assert story_out_of_date("My own words, no figures.", draft) is None  # theirs to keep
    assert story_out_of_date("Intro.\n  " + line + "  \nMore of mine.", draft) is None
