"""The rules of the person's medicines, and of the doses a day holds (DESIGN.md, "Data")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sciatica_tui.domain.medicines import (
    DOSES_MAX,
    MAX_MEDICINES,
    VISIT_FIELDS,
    Medicine,
    MedicineKind,
)
from sciatica_tui.domain.validation.checks import (
    ITEM_ID,
    Rule,
    build_record,
    check_id,
    check_text,
    check_whole_number,
    choice_hint,
    one_of,
    text_up_to,
)
from sciatica_tui.domain.validation.problems import BadValue, show_value

# As a clinic visit's medicine allowed, so medicines moved from older visits still fit.
TEXT_MAX = 200
DOSES_HINT = (
    f"Doses map each medicine's id to how many were taken that day, 0 to {DOSES_MAX} "
    f"(at most {MAX_MEDICINES} medicines)."
)


def check_medicine_doses(value: Any) -> dict[str, int]:
    """Doses by medicine id. An id not in today's list is kept: a medicine the person
    removed stays on the days it was taken."""
    if not isinstance(value, Mapping):
        raise BadValue(f"{show_value(value)} is not a list of doses by medicine")
    if len(value) > MAX_MEDICINES:
        raise BadValue(f"holds {len(value)} medicines, more than {MAX_MEDICINES}")
    doses: dict[str, int] = {}
    for medicine_id, count in value.items():
        if not isinstance(medicine_id, str) or not ITEM_ID.fullmatch(medicine_id):
            raise BadValue(f"{show_value(medicine_id)} is not a medicine id")
        try:
            doses[medicine_id] = check_whole_number(count, 0, DOSES_MAX)
        except BadValue as bad:
            raise BadValue(f"{medicine_id}: {bad.message}") from None
    return doses


def _name(value: Any) -> str:
    text = check_text(value, TEXT_MAX)
    if not text.strip():
        raise BadValue("is empty")
    return text


MEDICINE_RULES = {
    "id": Rule(check_id, "The id must be short lowercase letters, digits and dashes.", True),
    "name": Rule(_name, f"A medicine needs a name of 1 to {TEXT_MAX} characters.", True),
    "kind": Rule(one_of(MedicineKind), choice_hint("The kind of medicine", MedicineKind), True),
    **{
        name: Rule(text_up_to(TEXT_MAX), f"At most {TEXT_MAX} characters.")
        for name in ("dose", *VISIT_FIELDS)
    },
}


def validate_medicine(raw: Any) -> Medicine:
    """Check a medicine of the person's list."""
    return build_record(raw, MEDICINE_RULES, "medicine", Medicine)
