"""The red-flag verdict rule, as a pure function, on every combination of answers."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from sciatica_tui.domain import content
from sciatica_tui.domain.content import RED_FLAG_QUESTION_IDS
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import (
    SHORT_NAMES,
    CheckNotFinished,
    answer_words,
    newest_first,
    red_flag_verdict,
    unanswered,
    verdict_badge,
    yes_questions,
    yes_summary,
)

# Written out here, not read from the content, so the test checks the rule independently.
EMERGENCY_IDS = {"bladder_bowel", "saddle_numbness", "leg_weakness"}
URGENT_IDS = {"severe_pain", "trauma", "fever_weight_loss"}

ALL_COMBINATIONS = list(itertools.product([False, True], repeat=6))


def expected_verdict(answers: dict[str, bool]) -> Verdict:
    said_yes = {qid for qid, yes in answers.items() if yes}
    if said_yes & EMERGENCY_IDS:
        return Verdict.EMERGENCY
    if said_yes & URGENT_IDS:
        return Verdict.URGENT
    return Verdict.CLEAR


def test_there_are_64_combinations_and_each_verdict_occurs() -> None:
    assert len(set(ALL_COMBINATIONS)) == 64
    verdicts = [
        expected_verdict(dict(zip(RED_FLAG_QUESTION_IDS, c, strict=True))) for c in ALL_COMBINATIONS
    ]
    assert verdicts.count(Verdict.CLEAR) == 1
    assert verdicts.count(Verdict.URGENT) == 7
    assert verdicts.count(Verdict.EMERGENCY) == 56


@pytest.mark.parametrize(
    "combination", ALL_COMBINATIONS, ids=lambda c: "".join("y" if a else "n" for a in c)
)
def test_verdict_for_every_combination(combination: tuple[bool, ...]) -> None:
    answers = dict(zip(RED_FLAG_QUESTION_IDS, combination, strict=True))
    assert red_flag_verdict(answers) is expected_verdict(answers)


def test_the_content_asks_three_emergency_and_three_urgent_questions() -> None:
    questions = content.red_flags().questions
    assert len(questions) == 6
    assert {q.id for q in questions if q.verdict is Verdict.EMERGENCY} == EMERGENCY_IDS
    assert {q.id for q in questions if q.verdict is Verdict.URGENT} == URGENT_IDS


@pytest.mark.parametrize("left_out", RED_FLAG_QUESTION_IDS)
@pytest.mark.parametrize("others", [False, True], ids=["others-no", "others-yes"])
def test_no_verdict_until_every_question_is_answered(left_out: str, others: bool) -> None:
    """Even a yes to an emergency question needs the rest answered before the verdict."""
    answers = {qid: others for qid in RED_FLAG_QUESTION_IDS if qid != left_out}
    with pytest.raises(CheckNotFinished) as raised:
        red_flag_verdict(answers)
    assert raised.value.unanswered == (left_out,)
    assert SHORT_NAMES[left_out] in str(raised.value)


def test_an_empty_check_lists_every_question_in_order() -> None:
    assert unanswered({}) == RED_FLAG_QUESTION_IDS
    with pytest.raises(CheckNotFinished) as raised:
        red_flag_verdict({})
    assert raised.value.unanswered == RED_FLAG_QUESTION_IDS


def test_an_answer_to_an_unknown_question_is_refused() -> None:
    answers = dict.fromkeys(RED_FLAG_QUESTION_IDS, False) | {"headache": True}
    with pytest.raises(ValueError, match="headache"):
        red_flag_verdict(answers)


def test_yes_questions_keep_the_asking_order() -> None:
    answers = dict.fromkeys(RED_FLAG_QUESTION_IDS, False) | {"trauma": True, "bladder_bowel": True}
    assert [q.id for q in yes_questions(answers)] == ["bladder_bowel", "trauma"]


def test_answers_and_verdicts_are_words_with_symbols() -> None:
    assert answer_words(True) == "✔ Yes"
    assert answer_words(False) == "✘ No"
    assert answer_words(None) == "? Not answered"
    assert verdict_badge(Verdict.EMERGENCY) == "!! EMERGENCY"
    assert verdict_badge("urgent") == "! URGENT"
    assert verdict_badge(Verdict.CLEAR) == "✔ CLEAR"


def test_every_question_has_a_short_name() -> None:
    assert set(SHORT_NAMES) == set(RED_FLAG_QUESTION_IDS)


def test_yes_summary() -> None:
    assert yes_summary(dict.fromkeys(RED_FLAG_QUESTION_IDS, False)) == "No to all questions"
    answers = dict.fromkeys(RED_FLAG_QUESTION_IDS, False) | {
        "fever_weight_loss": True,
        "saddle_numbness": True,
    }
    assert yes_summary(answers) == "Yes to: saddle numbness, fever or weight loss"


def test_newest_first() -> None:
    def check(day: int) -> RedFlagCheck:
        return RedFlagCheck(datetime(2026, 11, day, 8), {"trauma": False}, Verdict.CLEAR)

    assert [c.at.day for c in newest_first([check(3), check(9), check(1)])] == [9, 3, 1]
