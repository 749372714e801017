"""The rules of a ``rehab_plan`` record (DESIGN.md, "Data"), and its ``validate_*`` function."""

from __future__ import annotations

from typing import Any

from sciatica_tui.domain.doses import DOSE_FIELDS, LIMITS, Dose, dose_problem, limit_hint
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.validation.checks import (
    Rule,
    build_record,
    check_bool,
    check_id,
    check_record,
    whole,
)
from sciatica_tui.domain.validation.problems import BadValue, Problem, ValidationError

DOSE_HINT = "A dose holds sets, reps or hold_seconds, and times_per_day, each a whole number."
DOSE_RULES = {
    name: Rule(whole(1, LIMITS[name]), limit_hint(name), required=name == "times_per_day")
    for name in DOSE_FIELDS
}


def validate_dose(raw: Any) -> Dose:
    """Check a dose: each number within its limits, and reps or a hold, not both."""
    clean, problems = check_record(raw, DOSE_RULES, "dose")
    if problems:
        raise ValidationError(problems)
    dose = Dose(**clean)
    problem = dose_problem(dose)
    if problem is not None:
        raise ValidationError([Problem("reps", "and a hold time are both given", problem)])
    return dose


def _dose(value: Any) -> Dose:
    try:
        return validate_dose(value)
    except ValidationError as error:
        hint = next((p.hint for p in error.problems if p.hint), DOSE_HINT)
        raise BadValue("; ".join(str(p) for p in error.problems), hint) from None


PLAN_ITEM_RULES = {
    "id": Rule(check_id, "The id must be short lowercase letters and digits.", True),
    "hidden": Rule(check_bool, "Hidden must be true or false.", True),
    "dose": Rule(_dose, DOSE_HINT),
}


def validate_plan_item(raw: Any) -> PlanItem:
    """Check how one exercise sits in the person's plan."""
    return build_record(raw, PLAN_ITEM_RULES, "plan item", PlanItem)
