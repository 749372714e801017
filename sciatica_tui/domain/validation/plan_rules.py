"""The rules of a ``rehab_plan`` record (DESIGN.md, "Data"), and its ``validate_*`` function."""

from __future__ import annotations

from typing import Any

from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.validation.checks import Rule, build_record, check_bool, check_id

PLAN_ITEM_RULES = {
    "id": Rule(check_id, "The id must be short lowercase letters and digits.", True),
    "hidden": Rule(check_bool, "Hidden must be true or false.", True),
}


def validate_plan_item(raw: Any) -> PlanItem:
    """Check how one exercise sits in the person's plan."""
    return build_record(raw, PLAN_ITEM_RULES, "plan item", PlanItem)
