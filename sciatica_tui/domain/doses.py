"""How much of an exercise makes one day's share: sets of reps, or a hold, done some times a day.

A ``Dose`` is what the person's therapist set ("2 × 10, twice a day"). Built-in exercises
carry a default from ``content/rehab.toml``; the person can change it, and their own
exercises can carry one too (``PlanItem.dose``). ``times_per_day`` is how many rounds make the
day's share: the checklist can be ticked that many times. Pure: no Textual, no store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Limits wide enough for any programme a therapist writes, narrow enough to catch a slip.
MAX_SETS = 10
MAX_REPS = 50
MAX_HOLD_SECONDS = 600
MAX_TIMES_PER_DAY = 6
DOSE_FIELDS = ("sets", "reps", "hold_seconds", "times_per_day")
LIMITS = {
    "sets": MAX_SETS,
    "reps": MAX_REPS,
    "hold_seconds": MAX_HOLD_SECONDS,
    "times_per_day": MAX_TIMES_PER_DAY,
}
FIELD_WORDS = {
    "sets": "Sets",
    "reps": "Reps",
    "hold_seconds": "The hold",
    "times_per_day": "Times a day",
}
REPS_OR_HOLD = "Give reps or a hold time, not both."


@dataclass(frozen=True)
class Dose:
    """Sets of reps, or a hold in seconds (with or without sets), and rounds a day."""

    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    times_per_day: int = 1

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form, leaving out what was not given."""
        out: dict[str, Any] = {}
        for name in ("sets", "reps", "hold_seconds"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out["times_per_day"] = self.times_per_day
        return out


def dose_problem(dose: Dose) -> str | None:
    """What is wrong with ``dose`` as a whole (each number is checked on its own first)."""
    if dose.reps is not None and dose.hold_seconds is not None:
        return REPS_OR_HOLD
    return None


def limit_hint(name: str) -> str:
    """The rule of one of the dose's numbers, in words."""
    if name == "hold_seconds":
        return f"The hold must be a whole number of seconds from 1 to {MAX_HOLD_SECONDS}."
    return f"{FIELD_WORDS[name]} must be a whole number from 1 to {LIMITS[name]}."


def dose_words(dose: Dose | None) -> str:
    """The dose in a few characters, as the checklist shows it: "2 × 10", "hold 30 s",
    "3 × hold 20 s", "× 2 a day" (an empty string for no dose)."""
    if dose is None:
        return ""
    parts: list[str] = []
    if dose.reps is not None:
        parts.append(f"{dose.sets} × {dose.reps}" if dose.sets else f"{dose.reps} reps")
    elif dose.hold_seconds is not None:
        hold = f"hold {dose.hold_seconds} s"
        parts.append(f"{dose.sets} × {hold}" if dose.sets else hold)
    elif dose.sets is not None:
        parts.append(f"{dose.sets} sets" if dose.sets > 1 else "1 set")
    if dose.times_per_day > 1:
        parts.append(f"× {dose.times_per_day} a day")
    return " · ".join(parts)


def rounds_due(dose: Dose | None) -> int:
    """How many ticks make the day's share of an exercise with ``dose``."""
    return 1 if dose is None else dose.times_per_day
