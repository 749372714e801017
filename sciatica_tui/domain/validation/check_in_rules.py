"""The rules of the weekly check-in (DESIGN.md, "Data": ``check_ins``) and its validator.

Kept apart from ``rules`` so that each kind's rules stay short: up to three activities the
person named, each scored 0 to 10, and the 7-step global answer from -3 to +3.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sciatica_tui.domain.records import ActivityScore, CheckIn
from sciatica_tui.domain.validation.checks import (
    Rule,
    build_record,
    check_record,
    check_short_name,
    past_date,
    scale_hint,
    whole,
)
from sciatica_tui.domain.validation.problems import BadValue, show_value
from sciatica_tui.domain.validation.rules import PAST_DATE_HINT

MAX_ACTIVITIES = 3
ACTIVITY_NAME_MAX = 60
GLOBAL_CHANGE_LOW, GLOBAL_CHANGE_HIGH = -3, 3

NAME_HINT = f"Each activity needs a name of 1 to {ACTIVITY_NAME_MAX} characters."
SCORE_HINT = scale_hint("Each activity's score", 0, 10)
GLOBAL_HINT = scale_hint("The change since the start", GLOBAL_CHANGE_LOW, GLOBAL_CHANGE_HIGH)
ACTIVITIES_HINT = (
    f"Activities are a list of at most {MAX_ACTIVITIES}, each with a name and a score "
    "from 0 to 10, every name different."
)


def check_activity_name(value: Any) -> str:
    """An activity's name as the person typed it, without spaces around it; not blank and
    at most ``ACTIVITY_NAME_MAX`` characters (and every rule of text, through ``check_text``)."""
    return check_short_name(value, ACTIVITY_NAME_MAX)


ACTIVITY_RULES = {
    "name": Rule(check_activity_name, NAME_HINT, required=True),
    "score": Rule(whole(0, 10), SCORE_HINT, required=True),
}


def _activity(raw: Any, index: int) -> ActivityScore:
    clean, problems = check_record(raw, ACTIVITY_RULES, "activity")
    if problems:
        said = "; ".join(str(problem) for problem in problems)
        # A problem with its own advice (a hidden character) keeps it.
        hint = next((problem.hint for problem in problems if problem.hint), "")
        raise BadValue(f"activity {index + 1}: {said}", hint)
    return ActivityScore(**clean)


def check_activities(value: Any) -> tuple[ActivityScore, ...]:
    """At most ``MAX_ACTIVITIES`` activities, each named and scored, no name given twice
    (names are compared without regard to capitals)."""
    if not isinstance(value, list):
        raise BadValue(f"{show_value(value)} is not a list")
    if len(value) > MAX_ACTIVITIES:
        raise BadValue(f"has {len(value)} activities, more than {MAX_ACTIVITIES}")
    activities = tuple(_activity(raw, index) for index, raw in enumerate(value))
    seen: set[str] = set()
    for activity in activities:
        folded = activity.name.casefold()
        if folded in seen:
            raise BadValue(f"names {show_value(activity.name)} twice")
        seen.add(folded)
    return activities


@lru_cache(maxsize=4)
def check_in_rules(today: date) -> dict[str, Rule]:
    """The rules of a ``check_ins`` record; its date may not be after ``today``."""
    return {
        "date": Rule(past_date(today), PAST_DATE_HINT, required=True),
        "activities": Rule(check_activities, ACTIVITIES_HINT, required=True),
        "global_change": Rule(whole(GLOBAL_CHANGE_LOW, GLOBAL_CHANGE_HIGH), GLOBAL_HINT, True),
    }


def validate_check_in(raw: Any, *, today: date) -> CheckIn:
    """Check a raw weekly check-in; return it typed or raise ``ValidationError``."""
    return build_record(raw, check_in_rules(today), "check-in", CheckIn)
