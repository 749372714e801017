"""The rules of each kind of record (DESIGN.md, "Data"), and the ``validate_*`` function that
checks a raw record against them.

Each ``validate_*`` function takes a raw mapping (from a form, a file or an import), and
returns a typed record or raises ``ValidationError`` listing every problem found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from sciatica_tui.domain.doses import MAX_TIMES_PER_DAY
from sciatica_tui.domain.emergency_number import NUMBER_HINT, BadNumber, check_phone_number
from sciatica_tui.domain.records import (
    EVERY_PHASE,
    BreathingSession,
    CustomExercise,
    DailyLog,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Settings,
    Side,
    Verdict,
    Weakness,
)
from sciatica_tui.domain.reminder import TIME_HINT, parse_reminder_time
from sciatica_tui.domain.report_name import REPORT_NAME_HINT, check_report_name
from sciatica_tui.domain.validation.checks import (
    Checker,
    Rule,
    build_record,
    check_bool,
    check_id,
    check_id_list,
    check_iso_date,
    check_iso_datetime,
    check_number,
    check_one_line,
    check_record,
    check_text,
    check_whole_number,
    choice_hint,
    one_of,
    past_date,
    scale_hint,
    text_up_to,
    whole,
)
from sciatica_tui.domain.validation.medicine_rules import DOSES_HINT, check_medicine_doses
from sciatica_tui.domain.validation.problems import BadValue, Problem, ValidationError, show_value
from sciatica_tui.domain.validation.tag_rules import TAGS_HINT, check_tags
from sciatica_tui.domain.visits import IMAGING_KINDS, ImagingReport, Visit

NOTES_MAX = 2000
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 5000
MAX_QUESTIONS = 5

QUESTION_ID = re.compile(r"[a-z0-9_]{1,40}")
PAST_DATE_HINT = "The date must be written YYYY-MM-DD and cannot be in the future."


# --- the diary's days ------------------------------------------------------------------


@lru_cache(maxsize=4)
def daily_log_rules(today: date) -> dict[str, Rule]:
    """The rules of the ``daily_logs`` record (DESIGN.md, "Data").

    Kept per day: opening ten years of logs built them 3,650 times, a third of the load.
    """
    return {
        "date": Rule(past_date(today), PAST_DATE_HINT, required=True),
        "leg_pain": Rule(whole(0, 10), scale_hint("Leg pain", 0, 10), required=True),
        "back_pain": Rule(whole(0, 10), scale_hint("Back pain", 0, 10), required=True),
        "pain_reach": Rule(one_of(Reach), choice_hint("How far the pain reaches", Reach)),
        "pain_side": Rule(one_of(Side), choice_hint("Pain side", Side)),
        "numbness": Rule(whole(0, 10), scale_hint("Numbness", 0, 10)),
        "numbness_reach": Rule(one_of(Reach), choice_hint("How far the numbness reaches", Reach)),
        "weakness": Rule(one_of(Weakness), choice_hint("Weakness", Weakness)),
        "walking_minutes": Rule(whole(0, 600), scale_hint("Walking minutes", 0, 600)),
        "sitting_minutes": Rule(whole(0, 600), scale_hint("Sitting minutes", 0, 600)),
        "sleep_hours": Rule(
            lambda v: check_number(v, 0, 24), "Sleep must be a number of hours from 0 to 24."
        ),
        "sleep_quality": Rule(whole(1, 5), scale_hint("Sleep quality", 1, 5)),
        "mood": Rule(whole(1, 5), scale_hint("Mood", 1, 5)),
        "pain_med_doses": Rule(whole(0, 50), scale_hint("Pain-relief doses", 0, 50)),
        "notes": Rule(text_up_to(NOTES_MAX), f"Notes can be at most {NOTES_MAX} characters."),
        "tags": Rule(check_tags, TAGS_HINT),
        "medicine_doses": Rule(check_medicine_doses, DOSES_HINT),
    }


def validate_daily_log(raw: Any, *, today: date) -> DailyLog:
    """Check a raw daily log; return it typed or raise ``ValidationError``."""
    return build_record(raw, daily_log_rules(today), "daily log", DailyLog)


@lru_cache(maxsize=4)
def rehab_day_rules(today: date) -> dict[str, Rule]:
    """The rules of a ``rehab_days`` record, kept per day like the daily log's."""
    return {
        "date": Rule(past_date(today), PAST_DATE_HINT, True),
        "done": Rule(check_rounds, ROUNDS_HINT, True),
    }


ROUNDS_HINT = (
    f"Done must be a list of item ids; an id may repeat, up to {MAX_TIMES_PER_DAY} times, "
    "for an exercise done more than once a day."
)


def check_rounds(value: Any) -> tuple[str, ...]:
    """The ids ticked on a day, in order, repeats kept: each repeat is one more round of an
    exercise done more than once a day (up to ``MAX_TIMES_PER_DAY`` of each)."""
    check_id_list(value)  # the list and each id; it drops repeats, which are kept here
    # Only a list longer than the limit can tick an id too often: most days skip the count.
    if len(value) > MAX_TIMES_PER_DAY:
        for item_id, count in Counter(value).items():
            if count > MAX_TIMES_PER_DAY:
                raise BadValue(
                    f"{show_value(item_id)} is ticked {count} times, more than {MAX_TIMES_PER_DAY}"
                )
    return tuple(value)


def validate_rehab_day(raw: Any, *, today: date) -> RehabDay:
    """Check the rehab items ticked on one day."""
    return build_record(raw, rehab_day_rules(today), "rehab day", RehabDay)


def _title(value: Any) -> str:
    text = check_text(value, SHORT_TEXT_MAX).strip()
    if not text:
        raise BadValue("is empty")
    return text


def _exercise_phase(value: Any) -> int | Literal["all"]:
    # "all": an exercise the person does in every phase.
    return EVERY_PHASE if value == EVERY_PHASE else check_whole_number(value, 1, 3)


CUSTOM_EXERCISE_RULES = {
    "id": Rule(check_id, "The id must be short lowercase letters and digits.", True),
    "phase": Rule(_exercise_phase, 'The phase must be 1, 2, 3 or "all".', True),
    "title": Rule(_title, f"The name needs 1 to {SHORT_TEXT_MAX} characters.", True),
    "how": Rule(text_up_to(NOTES_MAX), f"How-to can be at most {NOTES_MAX} characters."),
}


def validate_custom_exercise(raw: Any) -> CustomExercise:
    """Check an exercise the person added."""
    return build_record(raw, CUSTOM_EXERCISE_RULES, "custom exercise", CustomExercise)


# --- checks and sessions -----------------------------------------------------------------


def _answers(value: Any) -> dict[str, bool]:
    if not isinstance(value, Mapping) or not value:
        raise BadValue("is not a list of yes/no answers")
    out: dict[str, bool] = {}
    for key, answer in value.items():
        if not isinstance(key, str) or not QUESTION_ID.fullmatch(key):
            raise BadValue(f"{show_value(key)} is not a question id")
        out[key] = check_bool(answer)
    return out


RED_FLAG_CHECK_RULES = {
    "at": Rule(check_iso_datetime, "The time must be an ISO date and time.", required=True),
    "answers": Rule(_answers, "Answers map each question id to true or false.", True),
    "verdict": Rule(one_of(Verdict), choice_hint("The verdict", Verdict), True),
}


def validate_red_flag_check(raw: Any) -> RedFlagCheck:
    """Check a stored red-flag check."""
    return build_record(raw, RED_FLAG_CHECK_RULES, "red-flag check", RedFlagCheck)


_COUNT_HINT = scale_hint("Each side of the box", 3, 6).replace("number", "number of seconds")
# Built once: a diary holds thousands of sessions and each is checked when it is opened.
BREATHING_SESSION_RULES = {
    "started_at": Rule(check_iso_datetime, "The start must be a date and time.", True),
    "inhale": Rule(whole(3, 6), _COUNT_HINT, True),
    "hold_in": Rule(whole(3, 6), _COUNT_HINT, True),
    "exhale": Rule(whole(3, 6), _COUNT_HINT, True),
    "hold_out": Rule(whole(3, 6), _COUNT_HINT, True),
    "planned_seconds": Rule(
        whole(1, 3600), scale_hint("The planned length in seconds", 1, 3600), True
    ),
    "elapsed_seconds": Rule(
        lambda v: check_number(v, 0, 86400), "Elapsed seconds must be 0 or more.", True
    ),
    "cycles_completed": Rule(
        whole(0, 10000), "Cycles completed must be a whole number, 0 or more.", True
    ),
    "completed": Rule(check_bool, "Completed must be true or false.", True),
    **{
        name: Rule(whole(0, 10), scale_hint(name.replace("_", " ").capitalize(), 0, 10))
        for name in ("stress_before", "stress_after", "pain_before", "pain_after")
    },
}


def validate_breathing_session(raw: Any) -> BreathingSession:
    """Check a stored breathing session."""
    return build_record(raw, BREATHING_SESSION_RULES, "breathing session", BreathingSession)


# --- clinic visits -----------------------------------------------------------------------


def _text_list(max_items: int) -> Checker:
    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise BadValue("is not a list")
        if len(value) > max_items:
            raise BadValue(f"has {len(value)} entries, more than {max_items}")
        out = []
        for index, item in enumerate(value):
            try:
                out.append(check_text(item, SHORT_TEXT_MAX * 2))
            except BadValue as bad:
                raise BadValue(f"entry {index + 1}: {bad.message}", bad.hint) from None
        return tuple(out)

    return check


def _sub_records(make: Callable[[Any], Any], what: str) -> Checker:
    def check(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise BadValue("is not a list")
        if len(value) > 100:
            raise BadValue(f"has {len(value)} {what}, more than 100")
        out = []
        for index, item in enumerate(value):
            try:
                out.append(make(item))
            except BadValue as bad:
                raise BadValue(f"entry {index + 1}: {bad.message}", bad.hint) from None
        return tuple(out)

    return check


def _part_of_visit(raw: Any, rules: Mapping[str, Rule], what: str) -> dict[str, Any]:
    """The clean fields of a scan; its problems, if any, are one ``BadValue``
    about the visit's list."""
    clean, problems = check_record(raw, rules, what)
    if problems:
        hint = next((problem.hint for problem in problems if problem.hint), "")
        raise BadValue("; ".join(str(p) for p in problems), hint)
    return clean


def _imaging_kind(value: Any) -> str:
    if value not in IMAGING_KINDS:
        raise BadValue(f"{show_value(value)} is not one of {', '.join(IMAGING_KINDS)}")
    return str(value)


FINDINGS_MAX = SHORT_TEXT_MAX * 2
FINDINGS_HINT = f"What a scan found is one line of at most {FINDINGS_MAX} characters."


def _findings(value: Any) -> str:
    return check_one_line(value, FINDINGS_MAX)


IMAGING_RULES = {
    "kind": Rule(_imaging_kind, "", True),
    "date": Rule(text_up_to(SHORT_TEXT_MAX), ""),
    "where": Rule(text_up_to(SHORT_TEXT_MAX), ""),
    "have_copy": Rule(check_bool, ""),
    "findings": Rule(_findings, FINDINGS_HINT),
}


def _imaging(raw: Any) -> ImagingReport:
    return ImagingReport(**_part_of_visit(raw, IMAGING_RULES, "imaging report"))


def _at_most(characters: int) -> Rule:
    return Rule(text_up_to(characters), f"At most {characters} characters.")


VISIT_RULES = {
    "id": Rule(check_id, "The id must be short letters and digits.", True),
    "date": Rule(check_iso_date, "The visit date must be written YYYY-MM-DD.", True),
    "clinician": _at_most(SHORT_TEXT_MAX),
    "reason": _at_most(SHORT_TEXT_MAX * 2),
    "story": _at_most(LONG_TEXT_MAX),
    "history": _at_most(LONG_TEXT_MAX),
    "imaging": Rule(_sub_records(_imaging, "reports"), "A list of imaging reports."),
    "questions": Rule(_text_list(MAX_QUESTIONS), f"At most {MAX_QUESTIONS} questions."),
    "goals": Rule(_text_list(20), "At most 20 goals."),
    "before_you_leave": Rule(check_id_list, "A list of ticked checklist ids."),
    "notes_after": _at_most(LONG_TEXT_MAX),
}


def validate_visit(raw: Any) -> Visit:
    """Check a clinic visit."""
    return build_record(raw, VISIT_RULES, "visit", Visit)


# --- the profile and its settings ------------------------------------------------------------


def _theme(value: Any) -> str:
    text = check_text(value, 60)
    if not re.fullmatch(r"[a-z0-9\-_]+", text):
        raise BadValue(f"{show_value(value)} is not a theme name")
    return text


def _phone_number(value: Any) -> str:
    if not isinstance(value, str):
        raise BadValue(f"{show_value(value)} is not a phone number")
    try:
        number = check_phone_number(value)
    except BadNumber:
        raise BadValue(f"{show_value(value)} is not a phone number") from None
    if number != value:
        raise BadValue(f"{show_value(value)} has spaces to tidy")
    return number


def _reminder_time(value: Any) -> str:
    text = check_text(value, 10)
    try:
        kept = parse_reminder_time(text)
    except ValueError:
        raise BadValue(f"{show_value(value)} is not a time") from None
    if kept != text:
        raise BadValue(f"{show_value(value)} is not written HH:MM")
    return kept


SETTINGS_RULES = {
    "theme": Rule(_theme, "The theme must be a theme name."),
    "reduced_motion": Rule(check_bool, "Reduced motion must be true or false."),
    "rehab_phase": Rule(whole(1, 3), scale_hint("The rehab phase", 1, 3)),
    "breathing_count": Rule(whole(3, 6), scale_hint("The breathing count", 3, 6)),
    "breathing_minutes": Rule(whole(1, 10), scale_hint("The breathing length", 1, 10)),
    "emergency_number": Rule(_phone_number, NUMBER_HINT),
    "urgent_number": Rule(_phone_number, NUMBER_HINT),
    "reminder_time": Rule(_reminder_time, TIME_HINT),
    "check_in_skipped": Rule(check_iso_date, "The day the check-in was skipped, YYYY-MM-DD."),
}


def validate_settings(raw: Any) -> Settings:
    """Check the remembered settings."""
    clean, problems = check_record(raw, SETTINGS_RULES, "settings")
    if not problems and "urgent_number" in clean and "emergency_number" not in clean:
        hint = "Choose the emergency number first."
        problems.append(Problem("urgent_number", "is set without an emergency number", hint))
    if problems:
        raise ValidationError(problems)
    return Settings(**clean)


def _settings(value: Any) -> Settings:
    try:
        return validate_settings(value)
    except ValidationError as error:
        raise BadValue("; ".join(str(p) for p in error.problems)) from None


def validate_profile(raw: Any, *, today: date) -> Profile:
    """Check the profile: onset and surgery dates (not in the future) and settings."""
    rules = {
        "onset_date": Rule(past_date(today), PAST_DATE_HINT),
        "surgery_date": Rule(past_date(today), PAST_DATE_HINT),
        "welcomed": Rule(check_bool, "Welcomed must be true or false."),
        "settings": Rule(_settings, "Settings must be an object of known settings."),
        "report_name": Rule(check_report_name, REPORT_NAME_HINT),
    }
    return build_record(raw, rules, "profile", Profile)
