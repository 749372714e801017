"""The red-flag verdict rule, as a pure function, on every combination of answers."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import RED_FLAG_QUESTION_IDS
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import (
    RETIRED_QUESTIONS,
    CheckNotFinished,
    answer_words,
    ids_said_yes,
    newest_first,
    numbers_of,
    progress_words,
    red_flag_verdict,
    short_name,
    signs_in_words,
    unanswered,
    unfinished_words,
    verdict_and_signs,
    verdict_badge,
    verdict_of_yes,
    verdict_so_far,
    yes_questions,
    yes_summary,
)
from tests.support.red_flag_ids import ALL_IDS, EMERGENCY_IDS, OLD_IDS, URGENT_IDS

# An answer: yes, no, or not given (left out of the answers, never stored as a made-up no).
YES, NO, OPEN = True, False, None
STATES = (YES, NO, OPEN)


def answers_of(states: dict[str, bool | None]) -> dict[str, bool]:
    return {qid: state for qid, state in states.items() if state is not None}


answer_states = st.sampled_from(STATES)
any_answers = st.fixed_dictionaries({qid: answer_states for qid in ALL_IDS}).map(answers_of)


def test_the_content_asks_the_emergency_questions_first() -> None:
    questions = content.red_flags().questions
    assert [q.id for q in questions] == list(ALL_IDS)
    assert [q.id for q in questions if q.verdict is Verdict.EMERGENCY] == list(EMERGENCY_IDS)
    assert [q.id for q in questions if q.verdict is Verdict.URGENT] == list(URGENT_IDS)
    assert RED_FLAG_QUESTION_IDS == ALL_IDS


# --- a yes gives its verdict whatever the rest are -------------------------------------------


@pytest.mark.parametrize("question", EMERGENCY_IDS)
@given(rest=any_answers)
def test_an_emergency_yes_gives_emergency_whatever_the_rest(
    question: str, rest: dict[str, bool]
) -> None:
    """Yes, no or not answered, every other answer leaves it an emergency at once."""
    answers = rest | {question: True}
    assert verdict_so_far(answers) is Verdict.EMERGENCY
    assert red_flag_verdict(answers) is Verdict.EMERGENCY


@pytest.mark.parametrize("question", URGENT_IDS)
@pytest.mark.parametrize("rest", [YES, NO, OPEN], ids=["rest-yes", "rest-no", "rest-open"])
@pytest.mark.parametrize("emergency", [NO, OPEN], ids=["emergency-no", "emergency-open"])
def test_an_urgent_yes_gives_urgent_when_no_emergency_sign_is_said(
    question: str, rest: bool | None, emergency: bool | None
) -> None:
    """With the other urgent questions all yes, all no or all open, and no emergency yes."""
    states = dict.fromkeys(EMERGENCY_IDS, emergency) | dict.fromkeys(URGENT_IDS, rest)
    answers = answers_of(states) | {question: True}
    assert verdict_so_far(answers) is Verdict.URGENT


@pytest.mark.parametrize("question", URGENT_IDS)
@given(rest=any_answers)
def test_an_urgent_yes_is_never_less_than_urgent(question: str, rest: dict[str, bool]) -> None:
    answers = rest | {question: True}
    said_emergency = any(answers.get(qid) for qid in EMERGENCY_IDS)
    expected = Verdict.EMERGENCY if said_emergency else Verdict.URGENT
    assert verdict_so_far(answers) is expected


@given(rest=any_answers)
def test_an_urgent_result_waits_for_the_emergency_questions(rest: dict[str, bool]) -> None:
    """An urgent yes is not the saved verdict while an emergency question is still open:
    that answer could still make it an emergency."""
    answers = {qid: yes for qid, yes in rest.items() if not (qid in EMERGENCY_IDS and yes)}
    answers |= {"injury": True}
    if set(EMERGENCY_IDS) <= set(answers) and set(URGENT_IDS) <= set(answers):
        assert red_flag_verdict(answers) is Verdict.URGENT
    else:
        with pytest.raises(CheckNotFinished):
            red_flag_verdict(answers)


# --- every combination over the emergency questions --------------------------------------------

EMERGENCY_COMBINATIONS = list(itertools.product(STATES, repeat=len(EMERGENCY_IDS)))


def test_there_are_729_combinations_of_the_emergency_answers() -> None:
    assert len(set(EMERGENCY_COMBINATIONS)) == 3**6 == 729


@pytest.mark.parametrize("urgent", [YES, NO, OPEN], ids=["urgent-yes", "urgent-no", "urgent-open"])
def test_every_combination_is_an_emergency_exactly_when_one_is_yes(urgent: bool | None) -> None:
    for combination in EMERGENCY_COMBINATIONS:
        states = dict(zip(EMERGENCY_IDS, combination, strict=True))
        answers = answers_of(states | dict.fromkeys(URGENT_IDS, urgent))
        is_emergency = verdict_so_far(answers) is Verdict.EMERGENCY
        assert is_emergency == (YES in combination), combination


def test_every_finished_combination_of_all_twelve_gives_the_right_verdict() -> None:
    """Each emergency answer yes or no, each urgent one yes or no: 4096 finished checks."""
    for combination in itertools.product((True, False), repeat=len(ALL_IDS)):
        answers = dict(zip(ALL_IDS, combination, strict=True))
        if any(answers[qid] for qid in EMERGENCY_IDS):
            expected = Verdict.EMERGENCY
        elif any(answers[qid] for qid in URGENT_IDS):
            expected = Verdict.URGENT
        else:
            expected = Verdict.CLEAR
        assert red_flag_verdict(answers) is expected


def test_clear_needs_every_answer() -> None:
    all_no = dict.fromkeys(ALL_IDS, False)
    assert verdict_so_far(all_no) is Verdict.CLEAR
    for left_out in ALL_IDS:
        answers = {qid: no for qid, no in all_no.items() if qid != left_out}
        assert verdict_so_far(answers) is None
        with pytest.raises(CheckNotFinished) as raised:
            red_flag_verdict(answers)
        assert raised.value.unanswered == (left_out,)
        assert short_name(left_out) in str(raised.value)


def test_an_empty_check_lists_every_question_in_order() -> None:
    assert unanswered({}) == ALL_IDS
    assert verdict_so_far({}) is None
    with pytest.raises(CheckNotFinished) as raised:
        red_flag_verdict({})
    assert raised.value.unanswered == ALL_IDS


def test_an_answer_to_an_unknown_question_is_refused() -> None:
    answers = dict.fromkeys(ALL_IDS, False) | {"headache": True}
    with pytest.raises(ValueError, match="headache"):
        red_flag_verdict(answers)


# --- names, old checks and words ---------------------------------------------------------------


def test_every_question_has_a_short_name_and_an_example_of_one_line() -> None:
    for question in content.red_flags().questions:
        assert short_name(question.id) == question.short
        assert question.text.endswith("?")
        assert "\n" not in question.example
        # One line of the check at 80 columns (the tab's padding, the focus bar, the indent).
        assert len(question.example) <= 68, question.id


def test_the_retired_questions_keep_their_names_and_verdicts() -> None:
    assert tuple(RETIRED_QUESTIONS) == OLD_IDS
    assert not set(OLD_IDS) & set(ALL_IDS)  # an old id never means a new question
    assert [short_name(qid) for qid in OLD_IDS] == [
        "bladder or bowel change",
        "saddle numbness",
        "leg weakness",
        "severe new pain",
        "after a big injury",
        "fever or weight loss",
    ]
    assert [verdict_of_yes(qid) for qid in OLD_IDS] == [Verdict.EMERGENCY] * 3 + [
        Verdict.URGENT
    ] * 3
    assert verdict_of_yes("headache") is None
    assert short_name("headache_today") == "headache today"


def test_yes_questions_keep_the_asking_order() -> None:
    answers = dict.fromkeys(ALL_IDS, False) | {"injury": True, "bowel": True}
    assert [q.id for q in yes_questions(answers)] == ["bowel", "injury"]
    assert ids_said_yes({"trauma": True, "zz_other": True, "bladder_bowel": True}) == [
        "bladder_bowel",
        "trauma",
        "zz_other",
    ]


def test_answers_and_verdicts_are_words_with_symbols() -> None:
    assert answer_words(True) == "✔ Yes"
    assert answer_words(False) == "✘ No"
    assert answer_words(None) == "? Not answered"
    assert verdict_badge(Verdict.EMERGENCY) == "!! EMERGENCY"
    assert verdict_badge("urgent") == "! URGENT"
    assert verdict_badge(Verdict.CLEAR) == "✔ CLEAR"


def check(answers: dict[str, bool], verdict: Verdict) -> RedFlagCheck:
    return RedFlagCheck(datetime(2026, 11, 21, 9, 30), answers, verdict)


def test_yes_summary_names_the_signs_and_what_was_left_open() -> None:
    clear = check(dict.fromkeys(ALL_IDS, False), Verdict.CLEAR)
    assert yes_summary(clear) == "No to all questions"
    urgent = check(dict.fromkeys(ALL_IDS, False) | {"fever_unwell": True}, Verdict.URGENT)
    assert yes_summary(urgent) == "Yes to: fever or feeling unwell"
    at_the_alert = check({"bladder": False, "bowel": True}, Verdict.EMERGENCY)
    assert yes_summary(at_the_alert) == "Yes to: bowel trouble (10 not answered)"


def test_old_checks_read_with_their_own_names() -> None:
    old = check(dict.fromkeys(OLD_IDS, False) | {"saddle_numbness": True}, Verdict.EMERGENCY)
    assert yes_summary(old) == "Yes to: saddle numbness"  # nothing said about new questions
    assert verdict_and_signs(old) == "emergency, yes to saddle numbness"
    assert yes_summary(check(dict.fromkeys(OLD_IDS, False), Verdict.CLEAR)) == (
        "No to all questions"
    )


def test_signs_in_words_can_count_the_rest() -> None:
    answers = {"bladder": True, "bowel": True, "both_legs": True}
    assert (
        signs_in_words(answers) == "bladder trouble, bowel trouble, pain or numbness in both legs"
    )
    assert signs_in_words(answers, at_most=1) == "bladder trouble and 2 more"
    assert signs_in_words({"bladder": False}) == ""
    assert verdict_and_signs(check({"injury": False}, Verdict.CLEAR)) == "clear"


def test_newest_first() -> None:
    def at(day: int) -> RedFlagCheck:
        return RedFlagCheck(datetime(2026, 11, day, 8), {"injury": False}, Verdict.CLEAR)

    assert [c.at.day for c in newest_first([at(3), at(9), at(1)])] == [9, 3, 1]


def test_numbers_of_join_runs() -> None:
    assert numbers_of(["bladder"]) == "1"
    assert numbers_of(["saddle_area", *URGENT_IDS]) == "3, 7–12"
    assert numbers_of(["bowel", "saddle_area", "both_legs", "injury"]) == "2–3, 5, 8"
    assert numbers_of([]) == ""


def test_progress_words_list_every_answer_and_what_is_left() -> None:
    assert progress_words({"bladder": False, "bowel": True}, emergency=True) == (
        "Your answers: 1✘ 2✔ 3? 4? 5? 6? 7? 8? 9? 10? 11? 12?\n"
        "2 of 12 answered. Your check is kept with the emergency advice; each answer you add "
        "is saved to it."
    )
    some = dict.fromkeys(EMERGENCY_IDS, False)
    assert progress_words(some).endswith("6 of 12 answered. Still to answer: 7–12.")
    assert (
        progress_words(some, insist=True)
        .splitlines()[1]
        .startswith("Please answer every question first. 6 of 12")
    )
    assert "All 12 answered. Press Enter" in progress_words(dict.fromkeys(ALL_IDS, False))


def test_unfinished_words_say_what_is_lost_and_what_a_yes_means() -> None:
    words = unfinished_words({"bladder": False, "injury": True})
    assert words.startswith("2 of 12 questions are answered. A check is saved once all 12")
    assert "• After an injury: Get seen today." in words
    assert "1 of 12 questions is answered" in unfinished_words({"bladder": False})
