"""The person's own rehab plan: one record per exercise they changed.

A built-in exercise the therapist did not give them is ``hidden``: it leaves the checklist
and the share of the plan done, and its past ticks stay in the diary. An exercise can carry
the ``dose`` the therapist set (sets × reps or a hold, and times a day), in place of the
default from ``content/rehab.toml``. An exercise the person never changed has no record: it
is in the plan, with its default dose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sciatica_tui.domain.doses import Dose


@dataclass(frozen=True)
class PlanItem:
    """How one exercise (by its id) sits in the person's plan."""

    id: str
    hidden: bool = False
    dose: Dose | None = None  # None: the default dose (content/rehab.toml), if any

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form (no ``dose`` key when the default applies)."""
        out: dict[str, Any] = {"id": self.id, "hidden": self.hidden}
        if self.dose is not None:
            out["dose"] = self.dose.to_record()
        return out
