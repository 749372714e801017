"""The Today tab's pure parts: the drawing, the status strip, the red-flag trigger."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.body_map import PAINFUL_FILL, body_map, is_painful, reach_sentence
from sciatica_tui.domain.content_schema import RED_FLAG_QUESTION_IDS
from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    Profile,
    Reach,
    RedFlagCheck,
    Side,
    Verdict,
    Weakness,
)
from sciatica_tui.domain.red_flag_prompt import (
    WARNING_SIGN_REASONS,
    red_flag_prompt,
    warning_sign_prompt,
)
from sciatica_tui.domain.today_status import (
    NO_ONSET,
    timeline_line,
    today_facts,
    today_status,
    wrap_facts,
)

TODAY = date(2026, 11, 21)

# --- the drawing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reach", "painful"),
    [
        (None, set()),
        (Reach.NONE, set()),
        (Reach.LOWER_BACK, {Reach.LOWER_BACK}),
        (Reach.BUTTOCK, {Reach.LOWER_BACK, Reach.BUTTOCK}),
        (Reach.THIGH, {Reach.LOWER_BACK, Reach.BUTTOCK, Reach.THIGH}),
        (Reach.BELOW_KNEE, {Reach.LOWER_BACK, Reach.BUTTOCK, Reach.THIGH, Reach.BELOW_KNEE}),
        (Reach.FOOT, set(Reach) - {Reach.NONE}),
    ],
)
def test_the_drawing_shades_every_region_down_to_the_reach(
    reach: Reach | None, painful: set[Reach]
) -> None:
    lines = body_map(reach)
    assert {line.region for line in lines if line.painful} == painful
    # Shaded (not only coloured): each painful region has shaded cells, the rest none.
    assert {line.region for line in lines if PAINFUL_FILL in line.art} == painful


def test_each_region_is_named_once_top_to_bottom() -> None:
    labels = [line.label for line in body_map(Reach.FOOT) if line.label]
    assert labels == ["Lower back", "Buttock", "Thigh", "Below the knee", "Foot"]


def test_every_line_of_the_drawing_is_the_same_width() -> None:
    assert len({len(line.art) for line in body_map(Reach.FOOT, Side.LEFT)}) == 1


@pytest.mark.parametrize(("side", "shaded_half"), [(Side.LEFT, 0), (Side.RIGHT, 1)])
def test_one_sided_pain_shades_only_that_leg(side: Side, shaded_half: int) -> None:
    thigh = next(line for line in body_map(Reach.FOOT, side) if line.region is Reach.THIGH)
    middle = len(thigh.art) // 2
    halves = (thigh.art[:middle], thigh.art[middle + 1 :])
    assert PAINFUL_FILL in halves[shaded_half]
    assert PAINFUL_FILL not in halves[1 - shaded_half]
    lower_back = next(line for line in body_map(Reach.FOOT, side))
    assert lower_back.region is Reach.LOWER_BACK
    # The back itself is shaded across: it is in the middle of the body.
    back_fill = body_map(Reach.FOOT, side)[1].art
    assert PAINFUL_FILL in back_fill[:middle] and PAINFUL_FILL in back_fill[middle + 1 :]


@pytest.mark.parametrize(
    ("reach", "words"),
    [
        (None, "Not set yet"),
        (Reach.NONE, "No pain in the back or leg"),
        (Reach.LOWER_BACK, "stays in the lower back"),
        (Reach.BELOW_KNEE, "below the knee"),
        (Reach.FOOT, "to the foot"),
    ],
)
def test_the_reach_is_said_in_words(reach: Reach | None, words: str) -> None:
    assert words in reach_sentence(reach)


@given(st.sampled_from(list(Reach)), st.sampled_from(list(Reach)))
def test_painful_means_at_or_above_the_reach(region: Reach, reach: Reach) -> None:
    assert is_painful(region, reach) == (region is not Reach.NONE and region.rank <= reach.rank)


# --- the status strip ---------------------------------------------------------------------------


def session(at: datetime, seconds: float) -> BreathingSession:
    return BreathingSession(at, 4, 4, 4, 4, 180, seconds, 5, seconds >= 180)


def status_for(
    *,
    onset: date | None = date(2026, 9, 20),
    logged: bool = False,
    exercises: int = 0,
    sessions: tuple[BreathingSession, ...] = (),
    checks: tuple[RedFlagCheck, ...] = (),
) -> list[str]:
    status = today_status(
        profile=Profile(onset_date=onset, welcomed=True),
        today=TODAY,
        logged_today=logged,
        exercises_done=exercises,
        breathing_sessions=sessions,
        red_flag_checks=checks,
    )
    return [timeline_line(status), *today_facts(status)]


def test_a_fresh_diary_says_nothing_is_done_yet() -> None:
    assert status_for() == [
        "8 weeks since onset · Stage 2 (weeks 6–12): Do more physical therapy: core work, "
        "nerve glides and better posture.",
        "✗ Not logged yet",
        "No exercises",
        "No breathing",
        "Red flags: never checked",
    ]


def test_without_an_onset_date_the_strip_invites_one() -> None:
    assert status_for(onset=None)[0] == NO_ONSET
    assert "ctrl+o" in NO_ONSET


@pytest.mark.parametrize(
    ("onset", "said"),
    [
        (date(2026, 11, 21), "Less than a week since onset · Stage 1 (weeks 0–6): "),
        (date(2026, 10, 3), "7 weeks since onset · Stage 2 (weeks 6–12): "),
        (date(2026, 8, 1), "16 weeks since onset · Stage 3 (weeks 12–24): "),
        (date(2025, 11, 21), "52 weeks since onset · Stage 4 (week 24 on): "),
    ],
)
def test_the_strip_names_the_week_and_stage(onset: date, said: str) -> None:
    assert status_for(onset=onset)[0].startswith(said)


def test_only_todays_breathing_counts_and_minutes_are_rounded() -> None:
    sessions = (
        session(datetime(2026, 11, 20, 22, 0), 600),  # yesterday: not counted
        session(datetime(2026, 11, 21, 8, 0), 180),
        session(datetime(2026, 11, 21, 12, 0), 100),
    )
    assert "Breathed 2×, 5 min" in status_for(sessions=sessions)
    assert "Breathed 1×, 1 min" in status_for(sessions=(session(datetime(2026, 11, 21), 5),))


def test_the_latest_check_is_shown_with_its_verdict() -> None:
    older = RedFlagCheck(datetime(2026, 11, 2, 9, 0), {"trauma": False}, Verdict.URGENT)
    newer = RedFlagCheck(datetime(2026, 11, 18, 20, 0), {"trauma": False}, Verdict.CLEAR)
    assert "Red flags 18 Nov: clear" in status_for(checks=(newer, older))
    today = RedFlagCheck(datetime(2026, 11, 21, 7, 0), {"bowel": True}, Verdict.EMERGENCY)
    assert "Red flags today: EMERGENCY (bowel trouble)" in status_for(checks=(older, today))


def test_the_strip_names_the_signs_said_yes_as_many_as_fit() -> None:
    """Old checks keep their own names; many signs are counted rather than cut."""
    old = RedFlagCheck(datetime(2026, 11, 21, 7), {"trauma": True}, Verdict.URGENT)
    assert status_for(checks=(old,))[-1] == "Red flags today: urgent (after a big injury)"
    many = {"sexual_function": True, "both_legs": True, "severe_weakness": True}
    check = RedFlagCheck(datetime(2026, 11, 21, 7), many, Verdict.EMERGENCY)
    fact = status_for(checks=(check,))[-1]
    assert fact == "Red flags today: EMERGENCY (genital numbness or sex trouble and 2 more)"
    assert len(fact) <= 78


def test_logged_and_exercises_in_words() -> None:
    facts = status_for(logged=True, exercises=1)
    assert "✓ Logged today" in facts and "1 exercise" in facts
    assert "3 exercises" in status_for(exercises=3)


@given(
    st.lists(st.text(alphabet="abc ", min_size=1, max_size=12), min_size=1, max_size=8),
    st.integers(min_value=12, max_value=100),
)
def test_wrapping_never_splits_a_fact_and_keeps_lines_short(facts: list[str], width: int) -> None:
    lines = wrap_facts(facts, width)
    assert " · ".join(lines) == " · ".join(facts)
    assert all(len(line) <= width for line in lines)


def test_typical_facts_fit_one_line_at_80_columns() -> None:
    facts = status_for(
        logged=True,
        exercises=3,
        sessions=(session(datetime(2026, 11, 21, 8), 180),),
        checks=(RedFlagCheck(datetime(2026, 11, 18), {"trauma": False}, Verdict.CLEAR),),
    )[1:]
    assert len(wrap_facts(facts, 78)) == 1
    not_logged = status_for(
        exercises=3,
        sessions=(session(datetime(2026, 11, 21, 8), 180),),
        checks=(RedFlagCheck(datetime(2026, 11, 18), {"trauma": False}, Verdict.URGENT),),
    )[1:]
    assert len(wrap_facts(not_logged, 78)) == 1
    assert len(wrap_facts(status_for()[1:], 78)) == 1


# --- when saving opens the red-flag check -------------------------------------------------------

YESTERDAY = date(2026, 11, 20)


def day(**fields: object) -> DailyLog:
    return DailyLog(TODAY, 5, 3, **fields)  # type: ignore[arg-type]


def before(**fields: object) -> DailyLog:
    return DailyLog(YESTERDAY, 5, 3, **fields)  # type: ignore[arg-type]


def test_an_ordinary_day_raises_nothing() -> None:
    prompt = red_flag_prompt(day(weakness=Weakness.MILD), before(weakness=Weakness.MILD))
    assert not prompt and prompt.prefill == {}


@pytest.mark.parametrize("sign", ["bladder", "bowel", "saddle_area"])
def test_each_warning_sign_box_marks_its_own_question_only(sign: str) -> None:
    """A box answers yes exactly what it says: the bladder box says nothing of the bowels."""
    ticked = dict.fromkeys(["bladder", "bowel", "saddle_area"], False) | {sign: True}
    prompt = red_flag_prompt(day(), None, ticked=ticked)
    assert prompt.prefill == {sign: True}
    assert len(prompt.reasons) == 1
    assert warning_sign_prompt(ticked).prefill == {sign: True}


def test_the_warning_sign_boxes_together() -> None:
    ticked = {"bladder": True, "bowel": True, "saddle_area": True}
    prompt = red_flag_prompt(day(), None, ticked=ticked)
    assert prompt.prefill == ticked
    assert len(prompt.reasons) == 3
    assert not warning_sign_prompt({})


@pytest.mark.parametrize(
    ("today", "previous", "marked"),
    [
        (Weakness.MARKED, None, "severe_weakness"),
        (Weakness.MARKED, Weakness.MARKED, "severe_weakness"),
        (Weakness.MILD, Weakness.NONE, "mild_weakness"),  # there, but not severe
        (Weakness.MARKED, Weakness.MILD, "severe_weakness"),
        (Weakness.MILD, Weakness.MILD, None),
        (Weakness.NONE, Weakness.MILD, None),
        (Weakness.MILD, None, None),  # nothing to compare with
        (None, Weakness.MILD, None),
    ],
)
def test_marked_or_worsening_weakness(
    today: Weakness | None, previous: Weakness | None, marked: str | None
) -> None:
    prompt = red_flag_prompt(day(weakness=today), before(weakness=previous))
    assert bool(prompt) == (marked is not None)
    assert prompt.prefill == ({marked: True} if marked else {})


@pytest.mark.parametrize(
    ("today", "previous", "raised"),
    [
        (Side.BOTH, Side.LEFT, True),
        (Side.BOTH, None, True),
        (Side.BOTH, Side.BOTH, False),
        (Side.LEFT, Side.BOTH, False),
    ],
)
def test_pain_newly_in_both_legs_marks_the_both_legs_question(
    today: Side, previous: Side | None, raised: bool
) -> None:
    prompt = red_flag_prompt(day(pain_side=today), before(pain_side=previous))
    assert bool(prompt) == raised
    assert prompt.prefill == ({"both_legs": True} if raised else {})


def test_both_legs_on_the_first_day_ever_is_raised() -> None:
    assert red_flag_prompt(day(pain_side=Side.BOTH), None).prefill == {"both_legs": True}


def test_a_concern_already_saved_for_the_day_is_not_raised_again() -> None:
    saved = day(weakness=Weakness.MARKED)
    assert not red_flag_prompt(
        day(weakness=Weakness.MARKED, notes="typo"), None, saved_before=saved
    )
    # ... but the warning-sign boxes always are (they are never saved).
    assert red_flag_prompt(saved, None, saved_before=saved, ticked={"bowel": True}).prefill == {
        "bowel": True
    }
    # ... and a new concern on a re-save is.
    again = red_flag_prompt(
        day(weakness=Weakness.MARKED, pain_side=Side.BOTH), None, saved_before=saved
    )
    assert again.reasons == ("The pain is now in both legs.",)
    assert again.prefill == {"both_legs": True}


def test_an_earlier_day_names_its_day_and_answers_nothing_about_now() -> None:
    """Found by a reviewer: back-filling weakness three days ago marked "Has a leg become
    weak suddenly…" yes, a question about now."""
    old = DailyLog(TODAY - timedelta(days=3), 5, 3, weakness=Weakness.MARKED, pain_side=Side.BOTH)
    prompt = red_flag_prompt(old, None, today=TODAY)
    day_name = f"{old.date:%a} {old.date.day} {old.date:%b}"
    assert prompt.reasons == (
        f"In your log for {day_name}: you marked the leg weakness as marked.",
        f"In your log for {day_name}: the pain is now in both legs.",
    )
    assert prompt.prefill == {}
    # Today's own log still marks its answer; the boxes are always about today.
    assert red_flag_prompt(day(weakness=Weakness.MARKED), None, today=TODAY).prefill == {
        "severe_weakness": True
    }
    assert red_flag_prompt(old, None, today=TODAY, ticked={"saddle_area": True}).prefill == {
        "saddle_area": True
    }


def test_every_question_a_prompt_marks_is_asked() -> None:
    assert set(WARNING_SIGN_REASONS) <= set(RED_FLAG_QUESTION_IDS)
