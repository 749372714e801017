"""A prepared clinic visit, kept with its date, and the scans and test results it brings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

IMAGING_KINDS: tuple[str, ...] = ("MRI", "X-ray", "CT", "nerve test", "other")


@dataclass(frozen=True)
class ImagingReport:
    """One scan or test result to bring to a visit."""

    kind: str
    date: str = ""
    where: str = ""
    have_copy: bool = False
    findings: str = ""  # what the scan or test found, in the person's words (one line)


def _imaging_record(report: ImagingReport) -> dict[str, Any]:
    """A scan as JSON; no findings written left out, so older visits export as they did."""
    out = vars(report).copy()
    if not report.findings:
        del out["findings"]
    return out


@dataclass(frozen=True)
class Visit:
    """A prepared clinic visit, kept with its date. Its medicines are the person's one list
    (``medicines``), not the visit's own."""

    id: str
    date: date
    clinician: str = ""
    reason: str = ""
    story: str = ""
    history: str = ""
    imaging: tuple[ImagingReport, ...] = ()
    questions: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    before_you_leave: tuple[str, ...] = ()
    notes_after: str = ""

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "clinician": self.clinician,
            "reason": self.reason,
            "story": self.story,
            "history": self.history,
            "imaging": [_imaging_record(i) for i in self.imaging],
            "questions": list(self.questions),
            "goals": list(self.goals),
            "before_you_leave": list(self.before_you_leave),
            "notes_after": self.notes_after,
        }
