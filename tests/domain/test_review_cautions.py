"""The weekly review's words that depend on other signs: pain moving up never cheers while
weakness or numbness gets worse, and a week of only good signs says less pain is not healed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain import content
from sciatica_tui.domain.records import Weakness
from sciatica_tui.domain.review import split_by_side, weekly_review
from sciatica_tui.domain.review_cautions import centralizing_needs_a_check, reminders, signal_words
from sciatica_tui.domain.review_words import in_words, review_as_text
from sciatica_tui.domain.teaching import teaching
from tests.support.review import AS_OF, window

WORDS = content.signals()
TAUGHT = teaching()

# (recovery ids, decline ids, pain moving up needs a check?)
CASES = [
    (("centralizing",), ("weakness",), True),
    (("centralizing",), ("numbness_spreading",), True),
    (("centralizing", "pain_easing"), ("numbness_spreading", "weakness"), True),
    (("centralizing",), (), False),
    (("centralizing",), ("sleeping_worse",), False),
    (("pain_easing",), ("weakness",), False),
]


@pytest.mark.parametrize(("recovery", "decline", "needs_check"), CASES)
def test_pain_moving_up_beside_worse_nerve_signs(
    recovery: tuple[str, ...], decline: tuple[str, ...], needs_check: bool
) -> None:
    assert centralizing_needs_a_check(recovery, decline) is needs_check
    good, watch = signal_words(recovery, decline, WORDS, TAUGHT)
    cheer = WORDS.signals["centralizing"]
    if needs_check:
        assert cheer not in good
        assert watch[0].id == "centralizing" and watch[0].title == TAUGHT.centralisation.title
        assert "Get checked" in watch[0].advice and "good sign" not in watch[0].title
        assert [s.id for s in watch[1:]] == list(decline)
    else:
        assert [s.id for s in good] == list(recovery)
        assert [s.id for s in watch] == list(decline)


@given(st.sets(st.sampled_from(content.SIGNAL_IDS)))
def test_every_signal_is_said_once_and_no_cheer_beside_worse_nerves(found: set[str]) -> None:
    recovery, decline = split_by_side(found)
    good, watch = signal_words(recovery, decline, WORDS, TAUGHT)
    said = [s.id for s in (*good, *watch)]
    assert sorted(said) == sorted(found)
    if {"weakness", "numbness_spreading"} & found:
        assert "centralizing" not in [s.id for s in good]
    assert bool(reminders(recovery, decline, TAUGHT)) is (bool(recovery) and not decline)


def test_the_review_text_says_get_checked_not_well_done() -> None:
    # Pain stays higher up the leg, but marked weakness was logged this week.
    logs = window(1, "pain_reach", [3] * 3) + window(
        0, "pain_reach", [1] * 3, weakness=Weakness.MARKED
    )
    review = weekly_review(logs, [], AS_OF)
    assert "centralizing" in review.recovery and "weakness" in review.decline  # DESIGN rules
    told = in_words(review, WORDS)
    assert [s.id for s in told.recovery] == []
    assert told.decline[0].advice == TAUGHT.centralisation.advice
    text = review_as_text(review, WORDS)
    assert WORDS.signals["centralizing"].advice not in text
    assert TAUGHT.centralisation.advice in text
    assert TAUGHT.myths.no_pain not in text


def test_a_week_of_only_good_signs_says_less_pain_is_not_healed() -> None:
    logs = window(1, "leg_pain", [6] * 3) + window(0, "leg_pain", [4] * 3)
    told = in_words(weekly_review(logs, [], AS_OF), WORDS)
    assert [s.id for s in told.recovery] == ["pain_easing"] and not told.decline
    assert told.what_to_do[-1] == TAUGHT.myths.no_pain
    # Pain moving up on its own is still good news, said as the sources say it.
    logs = window(1, "pain_reach", [3] * 3) + window(0, "pain_reach", [2] * 3)
    told = in_words(weekly_review(logs, [], AS_OF), WORDS)
    assert told.recovery == (WORDS.signals["centralizing"],)
    assert "often a very good sign" in told.recovery[0].advice
