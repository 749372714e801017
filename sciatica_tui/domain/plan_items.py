"""The person's own rehab plan: one record per built-in exercise they changed.

A built-in exercise the therapist did not give them is ``hidden``: it leaves the checklist
and the share of the plan done, and its past ticks stay in the diary. An exercise the person
never changed has no record: it is in the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PlanItem:
    """How one exercise (by its id) sits in the person's plan."""

    id: str
    hidden: bool = False

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {"id": self.id, "hidden": self.hidden}
