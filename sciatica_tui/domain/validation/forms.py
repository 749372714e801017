"""Text typed on a form, turned into the raw values the rules check.

Empty text means "not filled in". Text that is not a number where a number is due is passed
on unchanged, so the rule names the problem ("'seven' is not a whole number").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sciatica_tui.domain.medicines import Medicine, derived_pain_med_doses
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.validation.problems import Problem, ValidationError
from sciatica_tui.domain.validation.rules import validate_daily_log

FORM_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# Fields whose text is kept as typed (dates and choices are checked as text).
TEXT_FIELDS = frozenset({"date", "notes", "pain_reach", "pain_side", "numbness_reach", "weakness"})
# A form's doses of one medicine are the field "dose:" and the medicine's id.
DOSE_FIELD = "dose:"
PAIN_MED_DOSES_MAX = 50


def parse_form_value(name: str, text: str) -> Any:
    """Turn the text a person typed for field ``name`` into the raw value to validate.

    Empty text means "not filled in" (``None``). Text that is not a number where a number
    is due is passed on unchanged, so the validator names the problem.
    """
    text = text.strip()
    if not text:
        return None
    if name in TEXT_FIELDS:
        return text
    if name == "tags":  # the ids picked, as one line: "driving,heat"
        return [tag for tag in text.split(",") if tag]
    if not FORM_NUMBER.fullmatch(text):
        return text
    number = float(text.replace(",", "."))
    return int(number) if number.is_integer() and name != "sleep_hours" else number


def daily_log_from_form(
    fields: Mapping[str, str], *, today: date, medicines: Iterable[Medicine] = ()
) -> DailyLog:
    """Build a daily log from form text (field name to what was typed). Doses of each
    medicine (``dose:<id>``) make its ``pain_med_doses`` the total of the pain-relief ones
    among ``medicines`` (the plain count stays when none is pain relief)."""
    raw: dict[str, Any] = {}
    doses: dict[str, Any] = {}
    for name, text in fields.items():
        if name.startswith(DOSE_FIELD):
            value = parse_form_value(name, text)
            if value is not None:
                doses[name.removeprefix(DOSE_FIELD)] = value
        else:
            raw[name] = parse_form_value(name, text)
    if doses:
        raw["medicine_doses"] = doses
    log = validate_daily_log(raw, today=today)
    total = derived_pain_med_doses(log.medicine_doses, medicines, log.pain_med_doses)
    if total is not None and total > PAIN_MED_DOSES_MAX:
        raise ValidationError(
            [
                Problem(
                    "pain_med_doses",
                    f"{total} pain-relief doses in a day is more than {PAIN_MED_DOSES_MAX}",
                    "Check the doses of each medicine.",
                )
            ]
        )
    return replace(log, pain_med_doses=total)
