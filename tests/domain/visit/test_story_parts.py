"""A visit's story split into the person's own words and the facts drafted from the diary."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.records import DiaryExcerpt, Profile
from sciatica_tui.domain.visit.story import draft_story
from sciatica_tui.domain.visit.story_parts import split_story
from tests.support.visit_diary import EXPECTED_STORY, FIXTURE_VISIT, fixture_draft


def test_every_line_of_a_draft_is_a_drafted_fact() -> None:
    """Holds DRAFTED_LEADS to what draft_story writes, with and without data (and a surgery
    date), so a new line in the draft cannot slip into the person's words."""
    empty = draft_story(DiaryExcerpt(Profile()), date(2026, 11, 21))
    surgery = draft_story(
        DiaryExcerpt(Profile(onset_date=date(2026, 9, 1), surgery_date=date(2026, 10, 1))),
        date(2026, 11, 21),
    )
    for draft in (fixture_draft(), empty, surgery):
        parts = split_story(draft)
        assert parts.own_words == ()
        assert parts.drafted == tuple(draft.splitlines())


def test_the_persons_words_are_kept_apart_from_the_facts() -> None:
    story = "Calf burning at night.\n\n" + EXPECTED_STORY + "\nWorse after sitting.\n"
    parts = split_story(story)
    assert parts.own_words == ("Calf burning at night.", "", "Worse after sitting.")
    assert parts.drafted == tuple(EXPECTED_STORY.splitlines())
    assert split_story(FIXTURE_VISIT.story).own_words == ("Worse after sitting in the car.",)


def test_an_indented_line_of_the_persons_own_is_not_taken_for_a_fact() -> None:
    parts = split_story("My list:\n  - pain when I cough\n- Started: Sun 20 Sep 2026.\n")
    assert parts.own_words == ("My list:", "  - pain when I cough")
    assert parts.drafted == ("- Started: Sun 20 Sep 2026.",)


@given(st.text())
def test_no_written_line_is_lost(story: str) -> None:
    parts = split_story(story)
    written = [line.rstrip() for line in story.splitlines() if line.strip()]
    kept = [line for line in (*parts.own_words, *parts.drafted) if line.strip()]
    assert sorted(kept) == sorted(written)
