"""What a check found wrong, in words a person understands.

A problem has the field it is about, a short ``message`` about the value ("11 is above 10")
and a ``hint`` that states the rule ("Leg pain must be a whole number from 0 to 10.").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field."""

    field: str
    message: str
    hint: str = ""

    def at(self, place: str) -> Problem:
        """The same problem, with the field placed inside ``place`` (``daily_logs[3]``)."""
        return Problem(f"{place}.{self.field}" if self.field else place, self.message, self.hint)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """Raised with every problem found in a record."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    def for_field(self, name: str) -> Problem | None:
        """The first problem about ``name``, if any."""
        return next((p for p in self.problems if p.field == name), None)


class BadValue(Exception):
    """A single value broke a rule; ``check_record`` turns it into a ``Problem``, with the
    rule's hint unless ``hint`` says what to do instead."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint


def show_value(value: Any) -> str:
    """A short, safe rendering of a bad value for a message."""
    if isinstance(value, int) and value.bit_length() > 64:
        return "a very large number"  # str() of a huge int is slow, or refused past 4300 digits
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."
