"""The weekly review in words: the signs with their advice, and each red-flag check named."""

from __future__ import annotations

from datetime import datetime

from sciatica_tui.domain import content
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.review import weekly_review
from sciatica_tui.domain.review_words import in_words, review_as_text
from tests.support.review import AS_OF, check, window


def test_text_has_the_signs_the_advice_and_the_disclaimer() -> None:
    words = content.signals()
    logs = window(1, "pain_reach", [2] * 3) + window(0, "pain_reach", [4] * 3)
    checks = [check(AS_OF, Verdict.URGENT)]
    text = review_as_text(weekly_review(logs, checks, AS_OF), words)
    for signal in ("peripheralizing", "red_flag"):
        assert words.signals[signal].title in text
        assert words.signals[signal].advice in text
    assert "Run the red-flag check now" in text
    assert text.rstrip().endswith(words.disclaimer_short)
    quiet = review_as_text(weekly_review([], [], AS_OF), words)
    assert words.not_enough_data in quiet and words.disclaimer_short in quiet


def test_the_red_flag_words_name_each_check_and_its_signs() -> None:
    """Not only that a check found something: which signs, on which day (old checks by
    their own names)."""
    words = content.signals()
    checks = [
        RedFlagCheck(
            datetime(2026, 11, 19, 8), {"bowel": True, "bladder": False}, Verdict.EMERGENCY
        ),
        RedFlagCheck(datetime(2026, 11, 17, 8), {"trauma": True}, Verdict.URGENT),
        RedFlagCheck(datetime(2026, 11, 18, 8), {"bladder": False}, Verdict.CLEAR),
    ]
    review = weekly_review([], checks, AS_OF)
    [red_flag] = [signal for signal in in_words(review, words).decline if signal.id == "red_flag"]
    assert red_flag.text == (
        f"{words.signals['red_flag'].text} (Tue 17 Nov: urgent, yes to after a big injury; "
        "Thu 19 Nov: emergency, yes to bowel trouble.)"
    )
    text = review_as_text(review, words)
    assert "Thu 19 Nov: emergency, yes to bowel trouble" in text
    assert "red_flag" in review.to_dict()["decline"]
    assert "warning_checks" not in review.to_dict()  # the JSON keeps its documented shape
