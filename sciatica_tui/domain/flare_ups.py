"""Flare-ups: any number of timed entries a day, beside the day's summary (DESIGN.md, "Data")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sciatica_tui.domain.records import Reach


@dataclass(frozen=True)
class FlareUp:
    """One flare-up: when it came, how bad, how far down it reached, what seemed to set it
    off and what helped (tag ids), how long it lasted, and a note."""

    at: datetime
    pain: int
    reach: Reach | None = None
    triggers: tuple[str, ...] = ()
    helped: tuple[str, ...] = ()
    minutes: int | None = None
    notes: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form, leaving out what was not filled in."""
        out: dict[str, Any] = {"at": self.at.isoformat(), "pain": self.pain}
        if self.reach is not None:
            out["reach"] = self.reach.value
        if self.triggers:
            out["triggers"] = list(self.triggers)
        if self.helped:
            out["helped"] = list(self.helped)
        if self.minutes is not None:
            out["minutes"] = self.minutes
        if self.notes is not None:
            out["notes"] = self.notes
        return out
