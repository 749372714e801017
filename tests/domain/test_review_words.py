"""The weekly review in words: the signs with their advice, and each red-flag check named."""

from __future__ import annotations

from datetime import datetime

from sciatica_tui.domain import content
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.review import weekly_review
from sciatica_tui.domain.review_words import in_words, review_as_text
from tests.support.review import AS_OF, LEVELS, check, window


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


def test_every_change_in_the_comparison_carries_its_unit() -> None:
    """Issue 14 item 4: "Walking … up 6" said nothing of minutes."""
    from sciatica_tui.domain.review_words import comparison_rows

    logs = window(
        1, "walking_minutes", [20, 20, 20], pain_reach=LEVELS[4], pain_med_doses=3
    ) + window(0, "walking_minutes", [26, 26, 26], pain_reach=LEVELS[3], pain_med_doses=2)
    changes = {row.label: row.change for row in comparison_rows(weekly_review(logs, [], AS_OF))}
    assert changes["Walking"] == "+6 min at a time"
    assert changes["Pain-relief doses"] == "1 dose fewer a day"
    assert changes["Pain reaches"] == "1 level higher up"
    assert changes["Leg pain (0-10)"] == "no change"
