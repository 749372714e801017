"""The app's sense of time, injectable so tests and snapshots can freeze it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Wall-clock time for dates, monotonic time for measuring durations."""

    def now(self) -> datetime:
        """The local date and time."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never jump backwards."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The local date and time."""
        return datetime.now()

    def monotonic(self) -> float:
        """``time.monotonic()``."""
        return time.monotonic()


@dataclass
class FixedClock:
    """A clock that only moves when told to (tests, snapshots, benchmarks)."""

    at: datetime = field(default_factory=lambda: datetime(2026, 11, 21, 9, 30))
    seconds: float = 0.0

    def now(self) -> datetime:
        """The frozen date and time, moved on by ``advance``."""
        return self.at + timedelta(seconds=self.seconds)

    def monotonic(self) -> float:
        """Seconds advanced so far."""
        return self.seconds

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.seconds += seconds


def today(clock: Clock) -> date:
    """The local calendar day."""
    return clock.now().date()
